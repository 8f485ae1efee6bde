# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import pdf_signature


class GenderEqualityTrustedRoot(models.Model):
    """A root certificate whose certification authorities the Department trusts for the digital
    signatures of the documents: the national root CA of Vietnam (Root CA of the National
    Electronic Authentication Centre, for the public CAs: VNPT-CA, Viettel-CA…) and the root of
    the Government's specialised CA (Ban Cơ yếu Chính phủ, the certificates of officials). A
    signature is accepted when its certificate chains to an active one.

    Administrators configure them (Configuration > Digital Signatures): a root is evidence of
    what a signature proves, so nobody else adds one.
    """

    _name = "gender.equality.trusted.root"
    _description = "Trusted Root Certificate"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "name"

    name = fields.Char(required=True)
    certificate = fields.Binary(
        required=True,
        attachment=False,
        help="The root certificate, as published by its authority (.cer, .crt or .pem; DER or PEM).",
    )
    certificate_name = fields.Char(string="File Name")
    active = fields.Boolean(default=True)
    subject = fields.Char(compute="_compute_certificate_info", store=True)
    fingerprint = fields.Char(
        string="SHA-256 Fingerprint",
        compute="_compute_certificate_info",
        store=True,
        help="Compare it with the fingerprint the authority publishes before trusting the certificate.",
    )
    valid_until = fields.Datetime(compute="_compute_certificate_info", store=True)

    @api.depends("certificate")
    def _compute_certificate_info(self):
        for root in self:
            summary = root._gep_summary()
            root.subject = summary and summary["subject"]
            root.fingerprint = summary and summary["fingerprint"]
            root.valid_until = summary and summary["not_after"].replace(tzinfo=None)

    def _gep_certificates(self):
        self.ensure_one()
        if not self.certificate:
            return []
        try:
            return pdf_signature.load_certificates(base64.b64decode(self.certificate))
        except (ValueError, TypeError):
            return []

    def _gep_summary(self):
        certificates = self._gep_certificates()
        return pdf_signature.certificate_summary(certificates[0]) if certificates else None

    @api.constrains("certificate")
    def _check_certificate(self):
        for root in self:
            if not root._gep_certificates():
                raise ValidationError(
                    self.env._("%(name)s: the file is not an X.509 certificate (DER or PEM).", name=root.name)
                )

    @api.model
    def _gep_trust_roots(self):
        """The certificates of the active roots (asn1crypto)."""
        return [certificate for root in self.search([]) for certificate in root._gep_certificates()]
