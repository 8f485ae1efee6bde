# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# The transitions that need a reason, by model: the wizard calls nothing else.
REASON_METHODS = {
    "gender.equality.corrective.action": ("action_reopen", "action_cancel", "action_reschedule"),
}
# Every approvable record (approval mixin) may be returned or reopened with a reason.
APPROVAL_REASON_METHODS = ("action_return", "action_reopen", "action_revert_paper_approval")


class GenderEqualityReasonWizard(models.TransientModel):
    """Asks for the reason of a transition (return a plan or an inspection, reopen...)."""

    _name = "gender.equality.reason.wizard"
    _description = "Reason of a Transition"
    _inherit = ["gender.equality.guard.mixin"]
    # The record, ids and method come from the button that opens the wizard (its context).
    _gep_writable_fields = ("res_model", "res_ids", "method")
    _gep_reference_fields = {"res_ids": "res_model"}

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    method = fields.Char(required=True, readonly=True)
    reason = fields.Text()
    deadline = fields.Date(string="New Deadline")
    priority = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")], string="New Priority"
    )

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

    @api.constrains("res_model", "res_ids", "method")
    def _check_records(self):
        """The wizard acts on records that the user may read, with an allowed method."""
        for wizard in self:
            if wizard.res_model not in self.env or wizard.method not in wizard._allowed_methods():
                raise UserError(self.env._("This transition does not take a reason."))
            ids = wizard.res_ids if isinstance(wizard.res_ids, list) else []
            if not ids or not all(isinstance(record_id, int) for record_id in ids):
                raise UserError(self.env._("Choose the records first."))
            self.env[wizard.res_model].browse(ids).check_access("read")

    def action_confirm(self):
        self.ensure_one()
        if self.method not in self._allowed_methods():
            raise UserError(self.env._("This transition does not take a reason."))
        records = self.env[self.res_model].browse(self.res_ids)
        if self.method == "action_reschedule":
            result = records.action_reschedule(
                self.reason or "", deadline=self.deadline, priority=self.priority
            )
        else:
            result = getattr(records, self.method)(self.reason or "")
        # The transition's confirmation for the user (then the dialog closes), if it gives one.
        return result if isinstance(result, dict) else {"type": "ir.actions.act_window_close"}
