# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hashlib
import logging
from datetime import timezone

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import pdf_format, pdf_signature
from ..tools.common import LOCAL_TZ

_logger = logging.getLogger(__name__)

# When the final PDF of a document is produced (the system parameter
# ``gender_equality_plan.issue_documents``): in the request that makes the record final
# (``on_final``, the default); by a cron job woken up at once, in the seconds after the commit
# (``background``: the deadline week's servers, whose HTTP workers do not wait for wkhtmltopdf);
# or at its first print (``on_print``, for scripts that finalise thousands of records). A record
# printed before its PDF is produced gets it at that print, whatever the mode.
ISSUE_PARAMETER = "gender_equality_plan.issue_documents"
ISSUE_MODES = ("on_final", "background", "on_print")
# The documents the background job produces in one transaction. Odoo commits after each batch and
# calls the job again while some remain (``ir.cron._notify_progress``, at most ten batches a run):
# a batch must end well within the cron worker's ``limit_time_real`` (120 s) even on a busy
# server, where wkhtmltopdf runs at the cron worker's low priority, or it is rolled back.
RENDER_BATCH = 10
# Whether the validator fetches revocation data (CRL, OCSP) of the certificates: "1" (default).
FETCH_PARAMETER = "gender_equality_plan.signature_fetch_revocation"
DOCUMENT_LANG = "vi_VN"


class GenderEqualityDocument(models.Model):
    """*The* document of a final record: the PDF the module produced when the record became
    final (the unit's annual report signed by its head, the sector report issued by the
    Department, the minutes signed by the inspection's team leader), its SHA-256, its number and
    date, who must sign it; then the signed PDF that the signer brought back, verified, with the
    issuing body's signature added by the server when the body has a certificate.

    Nobody writes a document: the module does, as superuser. Users read it through its record
    (``gender.equality.document.mixin``: the fields ``issued_*``, printing, the upload of the
    signed PDF); its files are frozen (``_gep_attachments_frozen``) and it is never deleted. A
    record returned or reopened after it became final leaves its document *superseded*, kept;
    the next final version gets a new one.
    """

    _name = "gender.equality.document"
    _description = "Issued Document"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "issued_date desc, id desc"

    name = fields.Char(required=True, readonly=True)
    res_model = fields.Char(string="Document Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Record", model_field="res_model", required=True, readonly=True)
    version = fields.Integer(readonly=True, default=1)
    unit_id = fields.Many2one(
        "gender.equality.unit", string="Issuing Body", readonly=True, ondelete="restrict"
    )
    state = fields.Selection(
        [
            ("pending", "Final, PDF Not Produced Yet"),
            ("to_sign", "Waiting for the Signature"),
            ("signed", "Signed"),
            ("superseded", "Superseded"),
        ],
        required=True,
        readonly=True,
        default="pending",
        index=True,
        help="Final, PDF not produced yet: the record is final; its PDF is produced at its first print.\n"
        "Waiting for the Signature: the final PDF is issued; the signer downloads it, signs it with their "
        "own tool and uploads the signed PDF.\n"
        "Signed: the signed PDF was verified and is the document.\n"
        "Superseded: the record was returned or reopened after it became final.",
    )
    issue_mode = fields.Selection(
        [
            ("on_final", "When the Record Became Final"),
            ("background", "By the Background Job"),
            ("on_print", "At Its First Print"),
        ],
        string="PDF Produced",
        readonly=True,
        help="When the PDF was to be produced, as the Department had set it when the record became "
        "final (the system parameter gender_equality_plan.issue_documents). The background job "
        "produces the PDFs that are not left for their first print.",
    )
    document_number = fields.Char(readonly=True)
    document_date = fields.Date(readonly=True)
    final_date = fields.Datetime(string="Final on", readonly=True)
    issued_date = fields.Datetime(string="PDF Produced on", readonly=True)
    signer_id = fields.Many2one("res.users", string="Signer", readonly=True, ondelete="restrict")
    pdf = fields.Binary(string="Issued PDF", attachment=True, readonly=True)
    pdf_sha256 = fields.Char(string="SHA-256 of the Issued PDF", readonly=True)
    signed_pdf = fields.Binary(string="Signed PDF", attachment=True, readonly=True)
    signed_sha256 = fields.Char(string="SHA-256 of the Signed PDF", readonly=True)
    signed_date = fields.Datetime(string="Signed PDF Received on", readonly=True)
    signed_by_name = fields.Char(string="Signed by (Certificate)", readonly=True)
    signed_by_identifier = fields.Char(string="Identifier in the Certificate", readonly=True)
    signed_by_serial = fields.Char(string="Serial Number of the Certificate", readonly=True)
    signed_by_issuer = fields.Char(string="Issuer of the Certificate", readonly=True)
    signing_time = fields.Datetime(string="Signed at", readonly=True)
    body_signed_by = fields.Char(string="Body's Signature", readonly=True)
    body_signing_time = fields.Datetime(string="Body Signed at", readonly=True)

    # ------------------------------------------------------------
    # RULES
    # ------------------------------------------------------------

    def _gep_kept_records(self):
        """A document is evidence: it is never deleted."""
        return self

    def _gep_attachments_frozen(self):
        """The files of a document are written by the module only."""
        return self

    def _gep_locked_fields(self):
        scope = self._gep_policy()[0]
        return dict.fromkeys(self, scope)

    # ------------------------------------------------------------
    # ISSUING
    # ------------------------------------------------------------

    def _record(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    @api.model
    def _gep_issue_mode(self):
        """When a record made final now gets its PDF (``ISSUE_MODES``): at its first print while a
        module is being installed or updated (no server to render its stylesheets); otherwise as
        the system parameter says (an unknown value: in the request)."""
        if self.env.context.get("install_mode") or not self.env.registry.ready:
            return "on_print"
        mode = self.env["ir.config_parameter"].sudo().get_param(ISSUE_PARAMETER, "on_final")
        return mode if mode in ISSUE_MODES else "on_final"

    def _gep_issue(self):
        """The documents just recorded get their PDF as their ``issue_mode`` says (recorded from
        ``_gep_issue_mode``): now, by the background job woken up for the end of the transaction,
        or at their first print."""
        self.filtered(lambda document: document.issue_mode == "on_final")._gep_render()
        if any(document.issue_mode == "background" for document in self):
            self.env.ref("gender_equality_plan.ir_cron_gender_equality_render_documents").sudo()._trigger()

    @api.model
    def _cron_render_pending(self):
        """The background job: produce the PDFs still pending, oldest first, ``RENDER_BATCH`` at a
        time; each batch is committed before the next (``ir.cron._notify_progress``). A PDF that
        wkhtmltopdf could not produce stays pending, for the record's next print or the next run;
        a batch that produced none ends the run. The documents left for their first print
        (``on_print``: the records a script made final by the thousand) wait for it."""
        domain = [("state", "=", "pending"), ("issue_mode", "!=", "on_print")]
        Document = self.sudo()
        pending = Document.search(domain, order="id", limit=RENDER_BATCH)
        pending._gep_render()
        done = len(pending.filtered(lambda document: document.state != "pending"))
        remaining = Document.search_count(domain) if done else 0
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    def _gep_render(self):
        """Produce the final PDF of the pending documents (as superuser, in Vietnamese): the
        print of their record, finished for Decree 30 with the signer's empty signature field."""
        Report = self.env["ir.actions.report"].sudo()
        lang = DOCUMENT_LANG if self.env["res.lang"]._get_code(DOCUMENT_LANG) else self.env.lang
        for document in self.sudo().filtered(lambda document: document.state == "pending"):
            record = document._record()
            report = record._gep_document_report()
            try:
                with self.env.cr.savepoint():
                    content, report_type = Report.with_context(lang=lang, gep_issue=True)._render_qweb_pdf(
                        report, record.ids
                    )
            except UserError as error:
                # wkhtmltopdf failed: the PDF is produced at the record's next print.
                _logger.warning("The PDF of %s could not be produced: %s", document.name, error)
                continue
            if report_type != "pdf":
                # Odoo's test mode renders HTML unless told otherwise: no PDF to issue.
                continue
            document.write(
                {
                    "pdf": base64.b64encode(content),
                    "pdf_sha256": hashlib.sha256(content).hexdigest(),
                    "issued_date": fields.Datetime.now(),
                    "state": "to_sign",
                }
            )
            record._message_log(
                body=self.env._(
                    "The final PDF of %(document)s is issued (SHA-256 %(hash)s): %(signer)s signs it.",
                    document=document.name,
                    hash=document.pdf_sha256,
                    signer=document.signer_id.name or "—",
                )
            )

    def _gep_content(self):
        """The bytes of the document: the signed PDF once there is one, else the issued PDF."""
        self.ensure_one()
        document = self.sudo()
        data = document.signed_pdf or document.pdf
        return base64.b64decode(data) if data else b""

    # ------------------------------------------------------------
    # THE SIGNED PDF
    # ------------------------------------------------------------

    def _gep_check_uploader(self):
        self.ensure_one()
        document = self.sudo()
        if document.state != "to_sign":
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(document)s does not wait for a signed PDF: its status is %(state)s.",
                    document=document.name,
                    state=states[document.state],
                )
            )
        if self.env.user != document.signer_id:
            raise AccessError(
                self.env._(
                    "Only %(signer)s, who signs %(document)s, uploads its signed PDF.",
                    signer=document.signer_id.name or "—",
                    document=document.name,
                )
            )

    def _gep_accept_signed(self, content):
        """Verify ``content``, the signed PDF the signer brings back, and make it the document;
        then add the issuing body's signature when it has a certificate. Any other file is
        refused with the reason, and nothing is saved."""
        self.ensure_one()
        self._gep_check_uploader()
        document = self.sudo()
        issued = base64.b64decode(document.pdf)
        roots = self.env["gender.equality.trusted.root"].sudo()._gep_trust_roots()
        if not roots:
            raise UserError(
                self.env._(
                    "No trusted root certificate is configured: the signature cannot be verified. Ask the "
                    "administrator to add the root certificate of the certification authorities "
                    "(Configuration > Digital Signatures > Trusted Root Certificates)."
                )
            )
        try:
            verification = pdf_signature.verify_upload(content, issued, roots, self._gep_fetch_revocation())
        except pdf_signature.SignatureProblem as problem:
            raise UserError(self._gep_problem_message(problem)) from None
        identifier = document.signer_id.sudo().gep_signing_identifier
        if not identifier:
            raise UserError(
                self.env._(
                    "The account of %(signer)s has no identifier of its digital certificate: the signature "
                    "cannot be matched to the signer. Ask the administrator to record it on the user "
                    "(Settings > Users > Health Units > Identifier in the Certificate).",
                    signer=document.signer_id.name,
                )
            )
        own = [
            signature
            for signature in verification.signatures
            if pdf_signature.identifier_matches(identifier, signature.identifiers)
        ]
        if not own:
            names = ", ".join(
                signature.common_name or signature.subject for signature in verification.signatures
            )
            raise UserError(
                self.env._(
                    "The file is signed by %(names)s, not by %(signer)s, who signs this document: upload the "
                    "document signed with your own certificate.",
                    names=names,
                    signer=document.signer_id.name,
                )
            )
        signature = own[0]
        document.write(
            {
                "signed_pdf": base64.b64encode(content),
                "signed_sha256": hashlib.sha256(content).hexdigest(),
                "signed_date": fields.Datetime.now(),
                "signed_by_name": signature.common_name,
                "signed_by_identifier": ", ".join(signature.identifiers),
                "signed_by_serial": signature.serial,
                "signed_by_issuer": signature.issuer,
                "signing_time": _naive_utc(signature.signing_time),
                "state": "signed",
            }
        )
        document._gep_sign_for_body()
        document._record()._message_log(
            body=self.env._(
                "The signed PDF of %(document)s is verified and kept: signed by %(name)s at %(time)s "
                "(SHA-256 %(hash)s).",
                document=document.name,
                name=signature.common_name,
                time=_local_time(document.signing_time),
                hash=document.signed_sha256,
            )
        )
        return True

    def _gep_problem_message(self, problem):
        _ = self.env._
        messages = {
            pdf_signature.NOT_A_PDF: _(
                "The file is not a PDF document: upload the signed PDF of the document."
            ),
            pdf_signature.UNSIGNED: _(
                "The file carries no digital signature: sign the PDF downloaded from the application with "
                "your certificate (USB token or remote signing service), then upload the signed file."
            ),
            pdf_signature.OTHER_DOCUMENT: _(
                "The file is not the document issued by the application: its content differs from the "
                "final PDF. Download the document again from the application, sign it without changing it, "
                "and upload the signed file."
            ),
            pdf_signature.ALTERED: _(
                "The file was changed after it was signed (or its content differs from the issued "
                "document): its signature does not prove this document. Sign the PDF downloaded from the "
                "application again, without changing it."
            ),
            pdf_signature.INVALID: _(
                "The signature of the file cannot be read or is not a valid PDF signature."
            ),
            pdf_signature.UNTRUSTED: _(
                "The certificate that signed the file is not trusted (not issued by a certification "
                "authority the Department trusts, expired or revoked): %(detail)s",
                detail=problem.detail,
            ),
        }
        return messages.get(problem.code, messages[pdf_signature.INVALID])

    @api.model
    def _gep_fetch_revocation(self):
        value = self.env["ir.config_parameter"].sudo().get_param(FETCH_PARAMETER, "1")
        return value not in ("0", "false", "False", "")

    def _gep_sign_for_body(self):
        """Add the issuing body's signature (its seal over the left third of the signer's
        signature) when the body has an active certificate."""
        self.ensure_one()
        document = self.sudo()
        certificate = self.env["gender.equality.signing.certificate"].sudo()._gep_for_unit(document.unit_id)
        if not certificate:
            return False
        content = document._gep_content()
        page, box = pdf_signature.person_box(content, pdf_format.PERSON_FIELD)
        now = fields.Datetime.now()
        signed = certificate._gep_sign(content, page, pdf_format.body_box(box), now)
        verification = pdf_signature.verify_file(
            signed, self.env["gender.equality.trusted.root"].sudo()._gep_trust_roots(), False
        )
        body = verification.signatures[-1]
        document.write(
            {
                "signed_pdf": base64.b64encode(signed),
                "signed_sha256": hashlib.sha256(signed).hexdigest(),
                "body_signed_by": body.common_name or body.organisation,
                "body_signing_time": _naive_utc(body.signing_time) or now,
            }
        )
        return True

    def _gep_signatures_text(self):
        """Who signed the document and when, one line each (what the record shows)."""
        self.ensure_one()
        document = self.sudo()
        lines = []
        if document.signed_by_name:
            lines.append(
                self.env._(
                    "%(name)s (%(identifier)s), certificate issued by %(issuer)s: signed at %(time)s",
                    name=document.signed_by_name,
                    identifier=document.signed_by_identifier or "—",
                    issuer=document.signed_by_issuer or "—",
                    time=_local_time(document.signing_time),
                )
            )
        if document.body_signed_by:
            lines.append(
                self.env._(
                    "%(body)s (signature of the issuing body): signed at %(time)s",
                    body=document.body_signed_by,
                    time=_local_time(document.body_signing_time),
                )
            )
        if not lines and document.state == "to_sign":
            lines.append(
                self.env._("Waiting for the signature of %(signer)s.", signer=document.signer_id.name or "—")
            )
        return "\n".join(lines) or False

    # ------------------------------------------------------------
    # PROOF
    # ------------------------------------------------------------

    def _gep_verification_message(self):
        """Whether the kept file still proves the document, in words (verified again now)."""
        self.ensure_one()
        document = self.sudo()
        if document.state == "pending":
            return self.env._("The final PDF is produced at the first print of the record.")
        content = document._gep_content()
        expected = document.signed_sha256 or document.pdf_sha256
        if hashlib.sha256(content).hexdigest() != expected:
            return self.env._("The kept file does not match its SHA-256: it was changed in storage.")
        if not document.signed_pdf:
            return self.env._("Not signed yet: the signer downloads the final PDF, signs it and uploads it.")
        roots = self.env["gender.equality.trusted.root"].sudo()._gep_trust_roots()
        try:
            verification = pdf_signature.verify_file(content, roots, False)
        except pdf_signature.SignatureProblem as problem:
            return self._gep_problem_message(problem)
        return self.env._(
            "Verified: %(count)s valid signature(s) (%(names)s), chained to a trusted root certificate; the "
            "document has not changed since it was signed.",
            count=len(verification.signatures),
            names=", ".join(
                signature.common_name or signature.organisation for signature in verification.signatures
            ),
        )


def _local_time(moment):
    """``05/12/2026 10:15:00 (UTC+07:00)``: a stored moment in Vietnamese time."""
    if not moment:
        return "—"
    local = pytz.utc.localize(moment).astimezone(pytz.timezone(LOCAL_TZ))
    return local.strftime("%d/%m/%Y %H:%M:%S") + " (UTC+07:00)"


def _naive_utc(moment):
    """A moment as Odoo stores it: UTC, without time zone, to the second."""
    if not moment:
        return False
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.replace(microsecond=0)
