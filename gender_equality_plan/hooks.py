# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

UNIT_MODEL = "gender.equality.unit"
OBJECTIVE_MODEL = "gender.equality.objective"


def _unit_owned_models(env):
    """The module's models whose records belong to a unit or to a target of the plan (a stored
    many2one to the units or to the objectives, which the uninstallation deletes)."""
    return [
        name
        for name, model in env.registry.items()
        if name.startswith("gender.equality.")
        and name != UNIT_MODEL
        and not model._abstract
        and not model._transient
        and any(
            field.type == "many2one"
            and field.comodel_name in (UNIT_MODEL, OBJECTIVE_MODEL)
            and field.store
            and not field.related
            for field in model._fields.values()
        )
    ]


def uninstall_hook(env):
    """Delete the records that belong to units before the module's data.

    Every ``unit_id`` refuses the deletion of its unit (``ondelete='restrict'``: a unit that
    owns records is archived, never deleted), and every recorded result the deletion of its
    target. The tables are dropped by the uninstallation
    anyway; deleting their records first lets the module's master data (the units among them)
    be deleted cleanly.
    """
    env = env(context={**env.context, MODULE_UNINSTALL_FLAG: True, "active_test": False})
    models = _unit_owned_models(env)
    env["mail.activity"].sudo().search([("res_model", "in", models)]).unlink()
    for name in models:
        env[name].sudo().search([]).unlink()
