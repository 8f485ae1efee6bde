# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class GenderEqualityApprovalBatchWizard(models.TransientModel):
    """Approve or return the records selected in a list, in one decision.

    The dialog says how many of the selected records will be decided and names each one that
    will not, with the reason the record's own button would give
    (``_approval_selection_refusals``); the confirmation then decides the others in one call
    of ``action_approve`` / ``action_return``, which checks them again: the batch path of the
    approval engine, a fixed number of queries whatever their number."""

    _name = "gender.equality.approval.batch.wizard"
    _description = "Approval of Selected Records"
    _inherit = ["gender.equality.approvable.wizard.mixin", "gender.equality.guard.mixin"]
    # The records and the decision come from the list's action (its context).
    _gep_writable_fields = ("res_model", "res_ids", "decision")
    _gep_reference_fields = {"res_ids": "res_model"}

    decision = fields.Selection(
        [("approve", "Approve"), ("return", "Return")], required=True, readonly=True, default="approve"
    )
    reason = fields.Text(help="Why the records are returned: every unit reads it with its record.")
    accepted_count = fields.Integer(compute="_compute_summary", string="Records Decided")
    refused_count = fields.Integer(compute="_compute_summary", string="Records Left Out")
    summary = fields.Html(compute="_compute_summary", sanitize=False)

    @api.model
    def default_get(self, fields_list):
        """The selection of the list (``active_model`` / ``active_ids``) when the action does
        not name the records."""
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") and "res_model" in fields_list and not values.get("res_model"):
            values["res_model"] = context["active_model"]
            if "res_ids" in fields_list and not values.get("res_ids"):
                values["res_ids"] = list(context.get("active_ids") or [])
        return values

    @api.depends("res_model", "res_ids", "decision")
    def _compute_summary(self):
        for wizard in self:
            records = wizard._records()
            # The summary names the records as superuser: only for records the user may read.
            if records is None or not records.has_access("read"):
                wizard.accepted_count = wizard.refused_count = 0
                wizard.summary = False
                continue
            refusals = records._approval_selection_refusals(wizard.decision)
            wizard.accepted_count = len(records) - len(refusals)
            wizard.refused_count = len(refusals)
            wizard.summary = wizard._summary_html(len(records) - len(refusals), refusals)

    def _summary_html(self, accepted, refusals):
        if self.decision == "approve":
            head = self.env._("%(count)s of the selected records will be approved.", count=accepted)
        else:
            head = self.env._(
                "%(count)s of the selected records will be returned to their unit with your reason.",
                count=accepted,
            )
        html = Markup("<p>%s</p>") % head
        if refusals:
            items = Markup("").join(
                Markup("<li><strong>%s</strong>: %s</li>") % (record.sudo().display_name, reason)
                for record, reason in refusals.items()
            )
            html += Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("%(count)s will not be, and stay as they are:", count=len(refusals)),
                items,
            )
        return html

    def action_confirm(self):
        """Decide the accepted records in one call of the engine (which checks them again);
        tell how many were decided."""
        self.ensure_one()
        self._check_not_decided()
        records = self._checked_records()
        refusals = records._approval_selection_refusals(self.decision)
        accepted = records - records.browse([record.id for record in refusals])
        if not accepted:
            if not refusals:
                raise UserError(self.env._("Select the records to approve or return first."))
            raise UserError(
                self.env._(
                    "None of the selected records can be decided by you: %(reason)s",
                    reason=next(iter(refusals.values())),
                )
            )
        accepted = accepted.with_context(gep_confirm=False, gep_feedback=False)
        if self.decision == "approve":
            accepted.action_approve()
            message = self.env._("%(count)s records approved.", count=len(accepted))
        else:
            accepted.action_return(self.reason or "")
            message = self.env._("%(count)s records returned to their unit.", count=len(accepted))
        if refusals:
            message += " " + self.env._("%(count)s left out.", count=len(refusals))
        self._mark_decided()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Approved") if self.decision == "approve" else self.env._("Returned"),
                "message": message,
                "type": "success",
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
