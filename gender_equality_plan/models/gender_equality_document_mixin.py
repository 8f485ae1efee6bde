# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

DOCUMENT_STATES = [
    ("none", "Not Final"),
    ("pending", "Final, PDF Not Produced Yet"),
    ("to_sign", "Waiting for the Signature"),
    ("signed", "Signed"),
]


class GenderEqualityDocumentMixin(models.AbstractModel):
    """A record whose final version is a signed document (``gender.equality.document``): the
    unit's annual report, the sector report, the minutes of an inspection.

    The consumer calls ``_gep_issue_documents`` when its records become final and
    ``_gep_supersede_documents`` when they are returned, reopened or cancelled, and says which
    report prints them (``_gep_document_report``), who signs (``_gep_document_signer``) and which
    body issues them (``_gep_document_issuer``). Readers of the record see its document through
    the ``issued_*`` fields (read as superuser: the document model is the module's) and print it:
    printing a record that has a document gives the document (``_gep_stored_documents``), not a
    new rendering of the record's data.
    """

    _name = "gender.equality.document.mixin"
    _description = "Signed Document Mixin"

    issued_state = fields.Selection(
        DOCUMENT_STATES,
        string="Document",
        compute="_compute_issued",
        compute_sudo=True,
        help="Not final: the document is printed from the record's data. Final, PDF not produced yet: "
        "the final PDF is produced at the first print. Waiting for the signature: the signer downloads "
        "the final PDF, signs it with their own tool and uploads the signed PDF. Signed: the signed PDF "
        "is the document; printing the record gives it.",
    )
    issued_signer_id = fields.Many2one(
        "res.users", string="Signer", compute="_compute_issued", compute_sudo=True
    )
    issued_date = fields.Datetime(string="Issued on", compute="_compute_issued", compute_sudo=True)
    issued_sha256 = fields.Char(
        string="SHA-256 of the Document",
        compute="_compute_issued",
        compute_sudo=True,
        help="The fingerprint of the document kept (the signed PDF once signed): anyone can compute it "
        "from a copy (sha256sum) to check that the copy is this document.",
    )
    issued_signatures = fields.Text(
        string="Signatures",
        compute="_compute_issued",
        compute_sudo=True,
        help="Who signed the document, and when.",
    )
    issued_verification = fields.Char(
        string="Verification",
        compute="_compute_issued_verification",
        compute_sudo=True,
        help="The signatures of the kept document, verified again when the record is opened.",
    )
    can_upload_signed = fields.Boolean(
        compute="_compute_issued",
        compute_sudo=True,
        string="Can I Upload the Signed PDF",
        help="You sign this document and it waits for your signature.",
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    def _gep_current_documents(self):
        """``{record id: document}``: the current (not superseded) document of each record."""
        documents = (
            self.env["gender.equality.document"]
            .sudo()
            .search(
                [("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "!=", "superseded")],
                order="version desc, id desc",
            )
        )
        current = {}
        for document in documents:
            current.setdefault(document.res_id, document)
        return current

    # Computed as superuser (the documents are the module's): the fields are read on records that
    # the user may read, and ``env.user`` stays the user.
    @api.depends_context("uid")
    def _compute_issued(self):
        current = self._gep_current_documents() if self.ids else {}
        for record in self:
            document = current.get(record.id)
            if not document:
                record.update(
                    {
                        "issued_state": "none",
                        "issued_signer_id": False,
                        "issued_date": False,
                        "issued_sha256": False,
                        "issued_signatures": False,
                        "can_upload_signed": False,
                    }
                )
                continue
            record.update(
                {
                    "issued_state": document.state,
                    "issued_signer_id": document.signer_id,
                    "issued_date": document.issued_date,
                    "issued_sha256": document.signed_sha256 or document.pdf_sha256,
                    "issued_signatures": document._gep_signatures_text(),
                    "can_upload_signed": document.state == "to_sign" and document.signer_id == self.env.user,
                }
            )

    def _compute_issued_verification(self):
        current = self._gep_current_documents() if self.ids else {}
        for record in self:
            document = current.get(record.id)
            record.issued_verification = document._gep_verification_message() if document else False

    # ------------------------------------------------------------
    # HOOKS OF THE CONSUMER
    # ------------------------------------------------------------

    def _gep_document_report(self):
        """The ``ir.actions.report`` that prints the record."""
        raise NotImplementedError

    def _gep_document_signer(self):
        """The user who signs the final document of the record (one record)."""
        raise NotImplementedError

    def _gep_document_issuer(self):
        """The body that issues the document (one record): by default the record's unit."""
        self.ensure_one()
        return self.unit_id

    def _gep_document_number(self):
        self.ensure_one()
        return self.document_number if "document_number" in self._fields else False

    def _gep_document_date(self):
        """The date of the document: the date its PDF prints (``_document_date`` of the record)."""
        self.ensure_one()
        return self._document_date()

    def _gep_signed_reviews(self, domain=(), **search):
        """The approved stages of these records that a person decided, in the application or by
        submitting (not on paper, not skipped): those whose deciders can sign a document."""
        return (
            self.env["gender.equality.approval.review"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("state", "=", "approved"),
                    ("mode", "in", ("app", "submission")),
                    *domain,
                ],
                **search,
            )
        )

    def _gep_last_approver(self):
        """The user who approved the record's last decided stage (in the application or by
        submitting), or nobody."""
        self.ensure_one()
        return self._gep_signed_reviews(order="round desc, sequence desc, id desc", limit=1).done_by_id

    # ------------------------------------------------------------
    # ISSUING
    # ------------------------------------------------------------

    def _gep_issue_documents(self):
        """The records became final: record their document (one new version each) and produce
        its PDF as the Department set it (``gender.equality.document._gep_issue_mode``)."""
        Document = self.env["gender.equality.document"].sudo()
        self._gep_supersede_documents()
        versions = dict(
            Document.with_context(active_test=False)._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["version:max"]
            )
        )
        now = fields.Datetime.now()
        mode = Document._gep_issue_mode()
        documents = Document.create(
            [
                {
                    "name": record.sudo().display_name,
                    "res_model": self._name,
                    "res_id": record.id,
                    "version": versions.get(record.id, 0) + 1,
                    "unit_id": record._gep_document_issuer().id,
                    "signer_id": record._gep_document_signer().id,
                    "document_number": record._gep_document_number(),
                    "document_date": record._gep_document_date(),
                    "final_date": now,
                    "issue_mode": mode,
                }
                for record in self.sudo()
            ]
        )
        documents._gep_issue()
        return documents

    def _gep_supersede_documents(self):
        """The records are no longer final (returned, reopened, cancelled): their documents stay,
        superseded."""
        documents = (
            self.env["gender.equality.document"]
            .sudo()
            .search(
                [("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "!=", "superseded")]
            )
        )
        documents.write({"state": "superseded"})
        return documents

    def _gep_stored_documents(self):
        """``{record id: bytes}`` of the records that have a document: printing them gives it.
        A final record whose PDF was not produced yet gets it now."""
        current = self._gep_current_documents()
        pending = (
            self.env["gender.equality.document"]
            .sudo()
            .browse([document.id for document in current.values() if document.state == "pending"])
        )
        if pending:
            pending._gep_render()
        return {
            res_id: document._gep_content()
            for res_id, document in current.items()
            if document.state != "pending"
        }

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_download_document(self):
        """The document of the record as a PDF: the signed one once signed, else the final PDF to
        sign (printing the record gives the same)."""
        self.check_access("read")
        return self._gep_document_report().report_action(self, config=False)

    def action_upload_signed(self):
        """Open the dialog where the signer uploads the signed PDF."""
        self.ensure_one()
        self.check_access("read")
        return self.env["gender.equality.document.upload.wizard"]._get_action(self)

    def _gep_upload_signed(self, content):
        """Verify and keep ``content``, the signed PDF of the record's document (the signer only)."""
        self.ensure_one()
        self.check_access("read")
        document = self._gep_current_documents().get(self.id)
        if not document:
            raise UserError(
                self.env._("%(record)s has no final document to sign.", record=self.sudo().display_name)
            )
        return document.with_user(self.env.user).sudo(False)._gep_accept_signed(content)
