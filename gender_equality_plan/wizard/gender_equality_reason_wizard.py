# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

# The transitions that need a reason, by model: the wizard calls nothing else.
REASON_METHODS = {
    "gender.equality.inspection": ("action_return",),
    "gender.equality.corrective.action": ("action_reopen",),
}


class GenderEqualityReasonWizard(models.TransientModel):
    """Asks for the reason of a transition (return an inspection, reopen an action)."""

    _name = "gender.equality.reason.wizard"
    _description = "Reason of a Transition"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    method = fields.Char(required=True, readonly=True)
    reason = fields.Text()

    def _get_action(self, records, method):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reason"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_res_model": records._name,
                "default_res_ids": records.ids,
                "default_method": method,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        if self.method not in REASON_METHODS.get(self.res_model, ()):
            raise UserError(self.env._("This transition does not take a reason."))
        records = self.env[self.res_model].browse(self.res_ids)
        getattr(records, self.method)(self.reason)
        return {"type": "ir.actions.act_window_close"}
