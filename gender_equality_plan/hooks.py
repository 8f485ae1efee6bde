# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

PLAN_MODELS = ["gender.equality.plan", "gender.equality.task"]


def uninstall_hook(env):
    """Delete the plans, their activities and their approval history before the module's data.

    Their tables are dropped by the uninstallation anyway; deleting them first lets the
    module's master data (units, areas, types, stages), which they reference with
    ``ondelete='restrict'``, be deleted cleanly.
    """
    env = env(context={**env.context, MODULE_UNINSTALL_FLAG: True, "active_test": False})
    env["mail.activity"].sudo().search([("res_model", "in", PLAN_MODELS)]).unlink()
    env["gender.equality.approval.review"].sudo().search([]).unlink()
    env["gender.equality.plan"].sudo().search([]).unlink()
