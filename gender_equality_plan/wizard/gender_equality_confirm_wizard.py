# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# The transitions of approvable records (approval mixin) that the buttons confirm first: the
# wizard calls nothing else (the approval only for the models that confirm it,
# ``_workflow_confirm_approve``).
CONFIRM_METHODS = ("action_submit", "action_approve", "action_cancel")


class GenderEqualityConfirmWizard(models.TransientModel):
    """Asks before a transition, in words that cannot be misread: what will happen (the
    warnings of a submission), a button that names the action, and a way to go back."""

    _name = "gender.equality.confirm.wizard"
    _description = "Confirmation of a Transition"
    _inherit = ["gender.equality.approvable.wizard.mixin", "gender.equality.guard.mixin"]
    # The records and method come from the button that opens the wizard (its context).
    _gep_writable_fields = ("res_model", "res_ids", "method")
    _gep_reference_fields = {"res_ids": "res_model"}

    method = fields.Char(required=True, readonly=True)
    message = fields.Html(compute="_compute_texts", sanitize=False)
    confirm_label = fields.Char(compute="_compute_texts")

    @api.depends("res_model", "res_ids", "method")
    def _compute_texts(self):
        for wizard in self:
            records = wizard._records()
            # The message names the records as superuser: only for records the user may read.
            if records is None or not records.has_access("read"):
                wizard.message = wizard.confirm_label = False
                continue
            wizard.message = records._workflow_confirm_message(wizard.method)
            wizard.confirm_label = records._workflow_confirm_label(wizard.method)

    @api.model
    def _get_action(self, records, method):
        context = {
            "default_res_model": records._name,
            "default_res_ids": records.ids,
            "default_method": method,
        }
        # The stage the user saw on the form (its Approve button): checked when he confirms.
        if records.env.context.get("gep_expected_stage_id"):
            context["gep_expected_stage_id"] = records.env.context["gep_expected_stage_id"]
        return {
            "type": "ir.actions.act_window",
            "name": records._workflow_confirm_title(method),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

    def _records_allowed(self):
        """A transition that the buttons confirm (the approval only for the models that
        confirm it)."""
        return self.method in CONFIRM_METHODS and (
            self.method != "action_approve" or self.env[self.res_model]._workflow_confirm_approve
        )

    def _records_refusal(self):
        return self.env._("This transition cannot be confirmed here.")

    @api.constrains("res_model", "res_ids", "method")
    def _check_records(self):
        for wizard in self:
            wizard._checked_records()

    def action_confirm(self):
        """Run the transition (without asking again) and return what it returns: a
        confirmation for the user, or the next step."""
        self.ensure_one()
        self._check_not_decided()
        records = self._checked_records()
        result = getattr(records.with_context(gep_confirm=False), self.method)()
        self._mark_decided()
        return result if isinstance(result, dict) else {"type": "ir.actions.act_window_close"}
