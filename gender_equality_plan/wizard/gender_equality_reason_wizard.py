# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

# The transitions that need a reason, by model: the wizard calls nothing else.
REASON_METHODS = {
    "gender.equality.corrective.action": ("action_reopen",),
}
# Every approvable record (approval mixin) may be returned or reopened with a reason.
APPROVAL_REASON_METHODS = ("action_return", "action_reopen")


class GenderEqualityReasonWizard(models.TransientModel):
    """Asks for the reason of a transition (return a plan or an inspection, reopen...)."""

    _name = "gender.equality.reason.wizard"
    _description = "Reason of a Transition"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    method = fields.Char(required=True, readonly=True)
    reason = fields.Text()

    def _get_action(self, records, method, title=None):
        return {
            "type": "ir.actions.act_window",
            "name": title or self.env._("Reason"),
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

    def _allowed_methods(self):
        self.ensure_one()
        allowed = REASON_METHODS.get(self.res_model, ())
        approvable = self.env.registry["gender.equality.approval.mixin"]._inherit_children
        if self.res_model in approvable:
            allowed += APPROVAL_REASON_METHODS
        return allowed

    def action_confirm(self):
        self.ensure_one()
        if self.method not in self._allowed_methods():
            raise UserError(self.env._("This transition does not take a reason."))
        records = self.env[self.res_model].browse(self.res_ids)
        getattr(records, self.method)(self.reason)
        return {"type": "ir.actions.act_window_close"}
