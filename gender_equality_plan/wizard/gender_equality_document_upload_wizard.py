# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError


class GenderEqualityDocumentUploadWizard(models.TransientModel):
    """The signer uploads the final PDF signed with their own tool (USB token, remote signing
    service). The record's document verifies it (``gender.equality.document._gep_accept_signed``)
    and keeps it, or refuses it with the reason."""

    _name = "gender.equality.document.upload.wizard"
    _description = "Upload the Signed Document"
    _inherit = ["gender.equality.record.wizard"]
    _gep_record_mixin = "gender.equality.document.mixin"

    signed_file = fields.Binary(
        string="Signed PDF",
        required=True,
        attachment=False,
        help="The PDF downloaded from the application and signed with your digital certificate.",
    )
    signed_file_name = fields.Char(string="File Name")

    def _gep_action_title(self):
        return self.env._("Upload the Signed PDF")

    def _gep_no_record_message(self):
        return self.env._("This record has no document to sign.")

    def action_confirm(self):
        self.ensure_one()
        record = self._record()
        if record is None:
            raise UserError(self.env._("This record has no document to sign."))
        try:
            content = base64.b64decode(self.signed_file or b"", validate=True)
        except (binascii.Error, ValueError):
            content = b""
        record._gep_upload_signed(content)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Signed document kept"),
                "message": self.env._(
                    "The signed PDF of %(record)s is verified: it is now the document.",
                    record=record.sudo().display_name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
