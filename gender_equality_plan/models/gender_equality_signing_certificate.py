# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import pdf_signature, vi_format
from ..tools.common import local_date

# Secrets: the administrators' only (the model's access too); never logged, never in a message.
SECRET_GROUPS = "base.group_system"


class GenderEqualitySigningCertificate(models.Model):
    """The digital certificate of an issuing body (the Department of Health, a unit): with it,
    the server adds the body's signature, with its seal, to the documents the body issues, once
    their signer's own signature is verified (Decree 30, Appendix I: the body's signature over
    the left third of the signer's).

    The key is a PKCS#12 file and its passphrase, or a PKCS#11 token (an HSM, or a USB token
    plugged into the server): the path of the token's PKCS#11 module, the token's label (or
    slot), the label of the key and of its certificate, the user PIN. Administrators configure
    it; the passphrase and the PIN are readable by them only and never written to a log.
    """

    _name = "gender.equality.signing.certificate"
    _description = "Body's Signing Certificate"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "unit_id, id"

    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Issuing Body",
        required=True,
        index=True,
        ondelete="restrict",
        help="The body whose documents get this signature.",
    )
    active = fields.Boolean(default=True)
    key_type = fields.Selection(
        [("pkcs12", "PKCS#12 File"), ("pkcs11", "PKCS#11 Token")],
        string="Key Storage",
        required=True,
        default="pkcs12",
    )
    pkcs12_file = fields.Binary(
        string="PKCS#12 File",
        attachment=False,
        groups=SECRET_GROUPS,
        help="The .p12 or .pfx file of the body.",
    )
    pkcs12_name = fields.Char(string="File Name")
    passphrase = fields.Char(groups=SECRET_GROUPS, help="The passphrase of the PKCS#12 file.")
    pkcs11_module = fields.Char(
        string="PKCS#11 Module",
        help="Path of the token's PKCS#11 library on the server, e.g. /usr/lib/x86_64-linux-gnu/softhsm/"
        "libsofthsm2.so or the library of the token's vendor.",
    )
    pkcs11_token = fields.Char(string="Token Label", help="The label of the token (empty: use the slot).")
    pkcs11_slot = fields.Integer(
        string="Slot", default=-1, help="The slot index of the token (-1: by label)."
    )
    pkcs11_key_label = fields.Char(
        string="Key Label", help="The label of the key and of its certificate on the token."
    )
    pin = fields.Char(string="PIN", groups=SECRET_GROUPS, help="The user PIN of the token.")
    seal_image = fields.Binary(
        attachment=False,
        help="The image of the body's seal (PNG, transparent background, red), printed as the "
        "visible signature of the body. Empty: the name of the body and the time only.",
    )
    subject = fields.Char(string="Certificate", readonly=True, copy=False)
    valid_until = fields.Datetime(readonly=True, copy=False)

    @api.constrains("unit_id", "active")
    def _check_unit_id(self):
        for certificate in self.filtered("active"):
            if self.search_count([("unit_id", "=", certificate.unit_id.id), ("id", "!=", certificate.id)]):
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has an active signing certificate: archive it first.",
                        unit=certificate.unit_id.name,
                    )
                )

    @api.model
    def _gep_for_unit(self, unit):
        return self.search([("unit_id", "=", unit.id)], limit=1) if unit else self.browse()

    def action_test(self):
        """Open the key with its secrets and read its certificate: the configuration works."""
        self.ensure_one()
        self.check_access("write")
        summary = self._gep_with_signer(lambda signer: pdf_signature.certificate_summary(signer.signing_cert))
        self.sudo().write(
            {"subject": summary["subject"], "valid_until": summary["not_after"].replace(tzinfo=None)}
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("The certificate works"),
                "message": self.env._(
                    "%(subject)s, valid until %(date)s.",
                    subject=summary["subject"],
                    date=vi_format.vi_date(local_date(summary["not_after"].replace(tzinfo=None))),
                ),
            },
        }

    def _gep_with_signer(self, function):
        """``function(signer)`` with the pyHanko signer of the key (opened with its secrets)."""
        self.ensure_one()
        certificate = self.sudo()
        try:
            if certificate.key_type == "pkcs12":
                if not certificate.pkcs12_file:
                    raise UserError(self.env._("Upload the PKCS#12 file of the certificate."))
                signer = pdf_signature.pkcs12_signer(
                    base64.b64decode(certificate.pkcs12_file), certificate.passphrase or ""
                )
                return function(signer)
            if not (certificate.pkcs11_module and certificate.pkcs11_key_label):
                raise UserError(self.env._("Give the PKCS#11 module and the label of the key on the token."))
            with pdf_signature.pkcs11_signer(
                certificate.pkcs11_module,
                certificate.pin or None,
                certificate.pkcs11_key_label,
                token_label=certificate.pkcs11_token or None,
                slot=certificate.pkcs11_slot if certificate.pkcs11_slot >= 0 else None,
            ) as signer:
                return function(signer)
        except UserError:
            raise
        except Exception as error:
            # The message of the library, never the secrets: they are not part of it.
            raise UserError(
                self.env._(
                    "The signing certificate of %(unit)s cannot sign: %(error)s. Ask the administrator to "
                    "check its configuration (file and passphrase, or token, key label and PIN).",
                    unit=certificate.unit_id.name,
                    error=type(error).__name__,
                )
            ) from None

    def _gep_sign(self, content, page, box, moment):
        """``content`` signed by the body, its seal at ``box`` of ``page``."""
        self.ensure_one()
        certificate = self.sudo()
        unit = certificate.unit_id
        local = fields.Datetime.context_timestamp(self.with_context(tz="Asia/Ho_Chi_Minh"), moment)
        lines = [
            unit.name.upper(),
            local.strftime("%d/%m/%Y %H:%M:%S") + " +07:00",
        ]
        image = base64.b64decode(certificate.seal_image) if certificate.seal_image else None
        return self._gep_with_signer(
            lambda signer: pdf_signature.sign(
                content,
                signer,
                "CoQuan",
                page,
                box,
                lines,
                image=image,
                name=unit.name,
                location="Thanh Hóa",
                reason="Chữ ký số của cơ quan, tổ chức",
            )
        )
