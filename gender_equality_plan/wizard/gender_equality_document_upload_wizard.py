# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import UserError


class GenderEqualityDocumentUploadWizard(models.TransientModel):
    """The signer uploads the final PDF signed with their own tool (USB token, remote signing
    service). The record's document verifies it (``gender.equality.document._gep_accept_signed``)
    and keeps it, or refuses it with the reason."""

    _name = "gender.equality.document.upload.wizard"
    _description = "Upload the Signed Document"
    _inherit = ["gender.equality.guard.mixin"]
    # The record comes from the button that opens the wizard (its context).
    _gep_writable_fields = ("res_model", "res_id")

    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Integer(required=True, readonly=True)
    signed_file = fields.Binary(
        string="Signed PDF",
        required=True,
        attachment=False,
        help="The PDF downloaded from the application and signed with your digital certificate.",
    )
    signed_file_name = fields.Char(string="File Name")

    @api.model
    def _get_action(self, record):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Upload the Signed PDF"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_res_model": record._name, "default_res_id": record.id},
        }

    def _record(self):
        """The record to act on, or None when the wizard does not point to a signed document."""
        self.ensure_one()
        documents = self.env.registry["gender.equality.document.mixin"]._inherit_children
        if self.res_model not in documents or self.res_model not in self.env or not self.res_id:
            return None
        return self.env[self.res_model].browse(self.res_id)

    @api.constrains("res_model", "res_id")
    def _check_record(self):
        for wizard in self:
            record = wizard._record()
            if record is None:
                raise UserError(self.env._("This record has no document to sign."))
            record.check_access("read")

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
