# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Documents an official can sign, send and prove (issue 21).

A certificate authority is made in the test (``signing_ca``: no network). When a record becomes
final, its PDF is issued and kept; the signer signs it outside, as their own tool would (pyHanko
in the test), and uploads it: the module verifies it and keeps it, or refuses it in Vietnamese;
the issuing body's certificate (a PKCS#12 file, or a key on a SoftHSM2 token) adds the body's
signature, which pyHanko's validator verifies; printing the record gives the document kept, and
its files cannot be changed."""

import base64
import hashlib
import io

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import TextStamp, TextStampStyle
from pyhanko_certvalidator import ValidationContext

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..tools import pdf_format, pdf_signature
from .common_inspection import InspectionCommon
from .report_common import ReportCommon
from .sector_report_common import SectorReportCommon
from .signing_ca import shared_ca, sign_as_tool, softhsm_token
from .test_pdf_reports import MINUTES, SECTOR_REPORT, UNIT_REPORT, PdfReportMixin

# pyHanko and its certificate validator log the refused signatures they analyse.
QUIET = ("pyhanko", "pyhanko_certvalidator")


class SigningMixin(PdfReportMixin):
    """The test CA trusted by the Department, and the users in Vietnamese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ca = shared_ca()
        cls.env["gender.equality.trusted.root"].create(
            {"name": "CA thử nghiệm", "certificate": base64.b64encode(cls.ca.pem)}
        )
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["gender_equality_plan"], ["vi_VN"])

    @classmethod
    def _signer_of(cls, user, identifier, ca=None):
        """The pyHanko signer of ``user``'s own certificate (their USB token, in real life); the
        administrator records the identifier it carries on the user."""
        user.sudo().write({"gep_signing_identifier": identifier, "lang": "vi_VN"})
        key, certificate = (ca or cls.ca).issue(user.name, identifier)
        return (ca or cls.ca).signer(key, certificate)

    def _document(self, record):
        return self.env["gender.equality.document"].search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)], order="id desc", limit=1
        )

    def _print(self, report_ref, record, user=None):
        return self._render_pdf(report_ref, record, user=user)

    def _upload(self, record, user, content):
        wizard = (
            self.env["gender.equality.document.upload.wizard"]
            .with_user(user)
            .with_context(default_res_model=record._name, default_res_id=record.id, lang="vi_VN")
            .create({"signed_file": base64.b64encode(content), "signed_file_name": "signed.pdf"})
        )
        return wizard.action_confirm()

    def assertRefused(self, record, user, content, fragment):
        """``content`` is refused to ``user`` with ``fragment`` in the Vietnamese message, and the
        document still waits for its signature."""
        document = self._document(record)
        with self.assertRaises(UserError) as caught, mute_logger(*QUIET):
            self._upload(record, user, content)
        self.assertIn(fragment, str(caught.exception))
        self.assertEqual(document.state, "to_sign")
        self.assertFalse(document.signed_pdf)

    def assertSignaturesVerify(self, content, count):
        """Every signature of ``content`` verifies with pyHanko's validator against the test CA."""
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = reader.embedded_regular_signatures
        self.assertEqual(len(signatures), count)
        for signature in signatures:
            status = validate_pdf_signature(
                signature,
                ValidationContext(trust_roots=pdf_signature.load_certificates(self.ca.pem)),
                key_usage_settings=pdf_signature.KEY_USAGE,
            )
            self.assertTrue(status.intact and status.valid and status.trusted, status.pretty_print_details())
            self.assertTrue(status.bottom_line)
        return signatures


@tagged("post_install", "-at_install")
class TestSignedSectorReport(SigningMixin, SectorReportCommon, HttpCase):
    """The Department manager signs and issues the sector report of 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept_manager.name = "Nguyễn Văn An"
        cls.signer = cls._signer_of(cls.dept_manager, "CCCD:038090001234")

    def setUp(self):
        super().setUp()
        self.sector.with_user(self.dept_user).action_submit()
        self.sector.with_user(self.dept_manager).with_context(force_report_rendering=True).action_approve()
        self.document = self._document(self.sector)
        self.issued = base64.b64decode(self.document.pdf)

    def test_issuing_keeps_the_final_pdf_as_the_document(self):
        self.assertEqual(self.document.state, "to_sign")
        self.assertEqual(self.document.signer_id, self.dept_manager)
        self.assertEqual(self.document.document_number, "215/BC-SYT")
        self.assertEqual(self.document.pdf_sha256, hashlib.sha256(self.issued).hexdigest())
        self.assertEqual(pdf_signature.signature_fields(self.issued), {pdf_format.PERSON_FIELD: False})
        sector = self.sector.with_user(self.inspector)
        self.assertEqual(sector.issued_state, "to_sign")
        self.assertEqual(sector.issued_signer_id, self.dept_manager)
        self.assertEqual(sector.issued_sha256, self.document.pdf_sha256)
        self.assertFalse(sector.can_upload_signed, "only the signer uploads")
        self.assertTrue(self.sector.with_user(self.dept_manager).can_upload_signed)
        # Whoever prints it gets the document kept, not a new rendering.
        self.assertEqual(self._print(SECTOR_REPORT, self.sector, user=self.inspector), self.issued)

    def test_the_signers_signed_pdf_is_accepted_and_becomes_the_document(self):
        signed = sign_as_tool(self.issued, self.signer)
        self._upload(self.sector, self.dept_manager, signed)
        self.assertEqual(self.document.state, "signed")
        self.assertEqual(self.document.signed_by_name, "Nguyễn Văn An")
        self.assertEqual(self.document.signed_by_identifier, "CCCD:038090001234")
        self.assertTrue(self.document.signing_time)
        self.assertEqual(self.document.signed_sha256, hashlib.sha256(signed).hexdigest())
        self.assertSignaturesVerify(self._print(SECTOR_REPORT, self.sector, user=self.dept_user), 1)
        self.assertEqual(self._print(SECTOR_REPORT, self.sector, user=self.dept_user), signed)
        sector = self.sector.with_user(self.dept_user)
        self.assertEqual(sector.issued_state, "signed")
        self.assertIn("Nguyễn Văn An (CCCD:038090001234)", sector.issued_signatures)
        self.assertTrue(sector.issued_verification.startswith("Verified: 1 valid signature(s)"))

    def test_a_pdf_changed_after_signing_is_refused(self):
        signed = sign_as_tool(self.issued, self.signer)
        writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
        TextStamp(writer, TextStampStyle(stamp_text="215/BC-SYT sửa"), box=None).apply(0, 100, 100)
        changed = io.BytesIO()
        writer.write(changed)
        self.assertRefused(self.sector, self.dept_manager, changed.getvalue(), "đã bị thay đổi sau khi ký")

    def test_a_pdf_whose_signed_bytes_were_edited_is_refused(self):
        signed = bytearray(sign_as_tool(self.issued, self.signer))
        # A byte of the signature's own revision (after the issued document) is changed.
        # The signing time of the signature dictionary (/M (D\\072YYYYMMDDHHmmSSZ)): a digit of its year.
        index = signed.index(b"/M (D", len(self.issued)) + 11
        signed[index : index + 1] = b"9" if signed[index : index + 1] != b"9" else b"8"
        self.assertRefused(self.sector, self.dept_manager, bytes(signed), "đã bị thay đổi sau khi ký")

    def test_a_pdf_signed_by_someone_else_is_refused(self):
        other = new_test_user(
            self.env, "gep_other_signer", groups="gender_equality_plan.group_department_user"
        )
        other.name = "Trần Thị Bình"
        signed = sign_as_tool(self.issued, self._signer_of(other, "CCCD:038190005678"))
        self.assertRefused(self.sector, self.dept_manager, signed, "không phải bởi Nguyễn Văn An")

    def test_an_unsigned_pdf_is_refused(self):
        self.assertRefused(self.sector, self.dept_manager, self.issued, "không có chữ ký số")

    def test_another_document_is_refused(self):
        other = self._print(MINUTES, self.env["gender.equality.inspection"].search([], limit=1))
        signed = sign_as_tool(other, self.signer, field_name="Khac")
        self.assertRefused(
            self.sector, self.dept_manager, signed, "không phải là văn bản do phần mềm phát hành"
        )

    def test_a_certificate_of_an_untrusted_authority_is_refused(self):
        from .signing_ca import SigningCA

        rogue = SigningCA("CA không được tin cậy")
        key, certificate = rogue.issue("Nguyễn Văn An", "CCCD:038090001234")
        signed = sign_as_tool(self.issued, rogue.signer(key, certificate))
        self.assertRefused(self.sector, self.dept_manager, signed, "không được tin cậy")

    def test_only_the_signer_uploads_the_signed_pdf(self):
        signed = sign_as_tool(self.issued, self.signer)
        with self.assertRaises(AccessError):
            self._upload(self.sector, self.dept_user, signed)
        self.assertEqual(self.document.state, "to_sign")

    def test_the_body_signature_from_a_pkcs12_file_verifies(self):
        body_key, body_certificate = self.ca.issue("Sở Y tế Thanh Hóa")
        self.env["gender.equality.signing.certificate"].create(
            {
                "unit_id": self.department.id,
                "key_type": "pkcs12",
                "pkcs12_file": base64.b64encode(self.ca.pkcs12(body_key, body_certificate, "mật khẩu")),
                "passphrase": "mật khẩu",
            }
        )
        self._upload(self.sector, self.dept_manager, sign_as_tool(self.issued, self.signer))
        final = self._print(SECTOR_REPORT, self.sector, user=self.dept_user)
        person, body = self.assertSignaturesVerify(final, 2)
        self.assertEqual(
            (person.field_name, body.field_name), (pdf_format.PERSON_FIELD, pdf_format.BODY_FIELD)
        )
        self.assertEqual(self.document.body_signed_by, "Sở Y tế Thanh Hóa")
        # The seal covers the left third of the signer's signature (Appendix I).
        __, person_box = pdf_signature.person_box(final, pdf_format.PERSON_FIELD)
        __, body_box = pdf_signature.person_box(final, pdf_format.BODY_FIELD)
        third = person_box[0] + (person_box[2] - person_box[0]) / 3
        self.assertAlmostEqual(body_box[2], third, delta=1)
        self.assertLess(body_box[0], person_box[0])
        self.assertIn(
            "Sở Y tế Thanh Hóa (signature of the issuing body)", self.document._gep_signatures_text()
        )

    def test_the_body_signature_from_a_softhsm_token_verifies(self):
        token = softhsm_token("Sở Y tế Thanh Hóa (token)")
        certificate = self.env["gender.equality.signing.certificate"].create(
            {
                "unit_id": self.department.id,
                "key_type": "pkcs11",
                "pkcs11_module": token["module"],
                "pkcs11_token": token["token"],
                "pkcs11_key_label": token["label"],
                "pin": token["pin"],
            }
        )
        certificate.action_test()
        self.assertIn("Sở Y tế Thanh Hóa (token)", certificate.subject)
        self._upload(self.sector, self.dept_manager, sign_as_tool(self.issued, self.signer))
        self.assertSignaturesVerify(self._print(SECTOR_REPORT, self.sector, user=self.dept_user), 2)
        self.assertEqual(self.document.body_signed_by, "Sở Y tế Thanh Hóa (token)")

    def test_a_later_change_of_the_data_does_not_change_the_issued_document(self):
        self.department.sudo().name = "Sở Y tế tỉnh Thanh Hóa (tên mới)"
        self.sector.sudo().signer_name = "Người khác"
        self.assertEqual(self._print(SECTOR_REPORT, self.sector, user=self.dept_user), self.issued)

    def test_reopening_supersedes_the_document_and_keeps_it(self):
        self.sector.with_user(self.dept_manager).action_reopen("Sửa số liệu")
        self.assertEqual(self.document.state, "superseded")
        self.assertEqual(self.sector.issued_state, "none")
        self.assertIn("DỰ THẢO", self._pdf_text(self._print(SECTOR_REPORT, self.sector)))
        self.assertTrue(self.document.exists())

    def test_the_files_of_a_document_are_frozen_for_everyone(self):
        admin = new_test_user(
            self.env,
            "gep_admin_files",
            groups="base.group_system,gender_equality_plan.group_department_manager",
        )
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "gender.equality.document"),
                ("res_id", "=", self.document.id),
                ("res_field", "=", "pdf"),
            ]
        )
        self.assertEqual(len(attachment), 1)
        with self.assertRaises(AccessError):
            attachment.with_user(admin).unlink()
        with self.assertRaises(AccessError):
            attachment.with_user(admin).write({"datas": base64.b64encode(b"%PDF-1.4 forged")})
        with self.assertRaises(AccessError):
            self.document.with_user(admin).write({"pdf_sha256": "0" * 64})
        with self.assertRaises(AccessError):
            self.document.with_user(admin).unlink()
        self.assertEqual(base64.b64decode(self.document.pdf), self.issued)
        with self.assertRaises(AccessError):
            self.document.with_user(self.dept_manager).read(["pdf"])

    def test_the_secrets_of_a_body_certificate_are_the_administrators(self):
        certificate = self.env["gender.equality.signing.certificate"].create(
            {"unit_id": self.department.id, "key_type": "pkcs11", "pin": "1234", "pkcs11_module": "/x.so"}
        )
        with self.assertRaises(AccessError):
            certificate.with_user(self.dept_manager).read(["pin"])
        self.assertEqual(
            self.env["gender.equality.signing.certificate"]._fields["pin"].groups, "base.group_system"
        )
        with self.assertRaises(AccessError):
            self.dept_manager.with_user(self.dept_user).read(["gep_signing_identifier"])


@tagged("post_install", "-at_install")
class TestSignedUnitReport(SigningMixin, ReportCommon, HttpCase):
    """The head of unit A signs the annual report of the unit when he approves it."""

    def test_the_head_signs_the_report_he_approved(self):
        signer = self._signer_of(self.manager_a, "CCCD:038090009999")
        report = self._new_report()
        report.with_user(self.user_a).action_submit()
        report.with_user(self.manager_a).with_context(force_report_rendering=True).action_approve()
        document = self._document(report)
        self.assertEqual((document.state, document.signer_id), ("to_sign", self.manager_a))
        self.assertEqual(report.state, "submitted", "the report goes on to the Department")
        issued = base64.b64decode(document.pdf)
        self.assertIn(report.document_number, self._pdf_text(issued))
        with self.assertRaises(AccessError):
            self._upload(report, self.user_a, sign_as_tool(issued, signer))
        self._upload(report, self.manager_a, sign_as_tool(issued, signer))
        self.assertEqual(document.state, "signed")
        self.assertSignaturesVerify(self._print(UNIT_REPORT, report, user=self.user_a), 1)
        # Returned by the Department: the signed version is kept, superseded.
        report.with_user(self.dept_user).action_return("Bổ sung số liệu")
        self.assertEqual(document.state, "superseded")

    def test_the_pdf_produced_in_the_background(self):
        """With ``issue_documents = background`` the head's approval records the document and
        wakes up the background job instead of waiting for wkhtmltopdf; the job produces the
        same PDF for him to sign. A report printed before the job ran gets its PDF at the print."""
        self.env["ir.config_parameter"].set_param("gender_equality_plan.issue_documents", "background")
        cron = self.env.ref("gender_equality_plan.ir_cron_gender_equality_render_documents")
        Trigger = self.env["ir.cron.trigger"]
        reports = self._new_report(), self._new_report(year=2027)
        for report in reports:
            report.with_user(self.user_a).action_submit()
            triggers = Trigger.search_count([("cron_id", "=", cron.id)])
            report.with_user(self.manager_a).with_context(force_report_rendering=True).action_approve()
            self.assertEqual(Trigger.search_count([("cron_id", "=", cron.id)]), triggers + 1)
            self.assertEqual(
                (self._document(report).state, self._document(report).issue_mode), ("pending", "background")
            )
        first, second = reports
        # The first is printed before the job ran: its PDF is produced by the print.
        self.assertIn(
            first.document_number, self._pdf_text(self._print(UNIT_REPORT, first, user=self.user_a))
        )
        self.assertEqual(self._document(first).state, "to_sign")
        self.env["gender.equality.document"].with_context(force_report_rendering=True)._cron_render_pending()
        document = self._document(second)
        self.assertEqual((document.state, document.signer_id), ("to_sign", self.manager_a))
        self.assertIn(second.document_number, self._pdf_text(base64.b64decode(document.pdf)))


@tagged("post_install", "-at_install")
class TestSignedMinutes(SigningMixin, InspectionCommon, HttpCase):
    """The team leader signs the minutes once they are approved."""

    def test_the_team_leader_signs_the_approved_minutes(self):
        signer = self._signer_of(self.inspector, "CCCD:038090007777")
        inspection = self._started_inspection(inspection_type="inspection")
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "yes", self.item_report: "yes"})
        inspection.with_user(self.inspector).action_done()
        inspection.with_user(self.dept_manager).with_context(force_report_rendering=True).action_approve()
        document = self._document(inspection)
        self.assertEqual((document.state, document.signer_id), ("to_sign", self.inspector))
        issued = base64.b64decode(document.pdf)
        self.assertRefused(inspection, self.inspector, issued, "không có chữ ký số")
        self._upload(inspection, self.inspector, sign_as_tool(issued, signer))
        self.assertSignaturesVerify(self._print(MINUTES, inspection, user=self.user_a), 1)
