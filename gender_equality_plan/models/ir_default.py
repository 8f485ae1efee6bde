# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..tools import roles


class IrDefault(models.Model):
    """Personal defaults (*Set Defaults*, ``ir.default.set``) on the module's models are
    configuration: only the Department manager and the administrators set them.

    Any internal user may store defaults for themselves, and Odoo applies them to every record
    they create. The integrity policy judges the values a record is created with, whatever their
    source, so such a default could not forge a status; refusing it here keeps users from
    saving a default that would only make their own forms fail.
    """

    _inherit = "ir.default"

    @api.model_create_multi
    def create(self, vals_list):
        self._gep_check_model_defaults([vals.get("field_id") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        self._gep_check_model_defaults([*self.mapped("field_id").ids, vals.get("field_id")])
        return super().write(vals)

    @api.model
    def _gep_check_model_defaults(self, field_ids):
        if (
            self.env.su
            or self.env.user.has_group("base.group_system")
            or roles.is_department_manager(self.env)
        ):
            return
        field_ids = [field_id for field_id in field_ids if field_id]
        models_ = self.env["ir.model.fields"].sudo().browse(field_ids).mapped("model")
        guard = self.env.registry["gender.equality.guard.mixin"]
        guarded = [
            name
            for name in models_
            if name in self.env.registry and issubclass(self.env.registry[name], guard)
        ]
        if guarded:
            raise AccessError(
                self.env._(
                    "Only the Department of Health's managers set default values of %(model)s: "
                    "the application gives new records their values.",
                    model=self.env[guarded[0]]._gep_model_label(),
                )
            )
