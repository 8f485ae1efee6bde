# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class GenderEqualityPaperApprovalWizard(models.TransientModel):
    """Records the head's approval signed on paper, for a unit that has no head account: the
    scan of the signed document, who signed and when. The record's own method
    (``_approval_record_paper`` of the approval mixin) checks who may record it and does it."""

    _name = "gender.equality.paper.approval.wizard"
    _description = "Approval Signed on Paper"
    _inherit = ["gender.equality.record.wizard"]
    _gep_record_mixin = "gender.equality.approval.mixin"

    message = fields.Html(compute="_compute_message", sanitize=False)
    scan = fields.Binary(
        string="Signed Document",
        required=True,
        attachment=False,
        help="The scan (PDF) or a photo (JPEG, PNG) of the document signed by the head.",
    )
    scan_name = fields.Char(string="File Name")
    signer = fields.Char(string="Signed by", required=True, help="The name of the head who signed.")
    signed_date = fields.Date(
        string="Signed on",
        required=True,
        default=fields.Date.context_today,
        help="The date of the signature.",
    )

    def _gep_action_title(self):
        return self.env._("Record the Signature on Paper")

    def _gep_no_record_message(self):
        return self.env._("This record does not take a signature on paper.")

    @api.depends("res_model", "res_id")
    def _compute_message(self):
        for wizard in self:
            record = wizard._record()
            if record is None or not record.exists() or not record.has_access("read"):
                wizard.message = False
                continue
            wizard.message = record.approval_paper_message

    def action_confirm(self):
        self.ensure_one()
        record = self._record()
        if record is None:
            raise UserError(self.env._("This record does not take a signature on paper."))
        result = record.with_context(gep_feedback=True)._approval_record_paper(
            self.scan, self.scan_name, self.signer, self.signed_date
        )
        return result if isinstance(result, dict) else {"type": "ir.actions.act_window_close"}
