# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sector report on its way to the signature: the Department's officer is warned of the
missing, unaccepted and late unit reports (and of a deadline not passed yet) before *Trình ký*;
the signer confirms before *Ký ban hành*, and the report is issued with its document number,
which can still be given while it waits for the signature."""

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .sector_report_common import SectorReportCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestSectorReportSignature(SectorReportCommon):
    def _confirm(self, action, user):
        self.assertEqual(action["res_model"], "gender.equality.confirm.wizard")
        return (
            self.env["gender.equality.confirm.wizard"]
            .with_user(user)
            .with_context(action["context"])
            .create({})
        )

    def test_submission_for_signature_warns_of_missing_unaccepted_and_late_reports(self):
        action = self.sector.with_user(self.dept_user).with_context(gep_confirm=True).action_submit()
        self.assertEqual(self.sector.state, "draft", "nothing happens before the officer confirms")
        wizard = self._confirm(action, self.dept_user)
        message = str(wizard.message)
        self.assertIn("1 of 3 units have not sent their report: Unit C.", message)
        self.assertIn(
            "1 reports received are not accepted yet and do not count in the figures: Unit B.", message
        )
        self.assertIn("1 reports reached the Department after the deadline: Unit B.", message)
        self.assertNotIn("has not passed", message, "10/12 is over")
        self.assertEqual(wizard.confirm_label, "Submit for Signature Anyway")
        wizard.action_confirm()
        self.assertEqual(self.sector.state, "submitted")
        self.assertTrue(self.sector.is_frozen)

    @freeze_time("2026-12-05 03:00:00")
    def test_submission_before_the_deadline_is_warned(self):
        warnings = self.sector.with_user(self.dept_user)._workflow_submit_warnings()
        self.assertIn(
            "The deadline of the unit reports, 10/12/2026, has not passed: reports may still arrive, and the "
            "figures are frozen when the report is submitted for signature.",
            warnings,
        )

    def test_no_warning_when_every_report_is_in_and_accepted(self):
        self._accept(self.report_b)
        report_c = self._new_report(self.unit_c, self.user_c)
        with freeze_time("2026-12-08 03:00:00"):
            report_c.with_user(self.user_c).action_submit()
        # Unit C has no head account: its head signed on paper.
        with freeze_time("2026-12-09 03:00:00"):
            report_c.with_user(self.user_c)._approval_record_paper(
                "JVBERi0xLjQK", "bao-cao.pdf", "Trần Văn Bình", "2026-12-08"
            )
        report_c.with_user(self.dept_user).action_approve()
        warnings = self.sector.with_user(self.dept_user)._workflow_submit_warnings()
        self.assertEqual(warnings, ["1 reports reached the Department after the deadline: Unit B."])

    def test_issuing_asks_for_a_confirmation_with_the_number(self):
        self.sector.with_user(self.dept_user).action_submit()
        action = self.sector.with_user(self.dept_manager).with_context(gep_confirm=True).action_approve()
        self.assertEqual(self.sector.state, "submitted")
        wizard = self._confirm(action, self.dept_manager)
        self.assertEqual(wizard.confirm_label, "Sign and Issue")
        self.assertIn("number 215/BC-SYT, dated 20/12/2026", str(wizard.message))
        self.assertIn("An issued report no longer changes", str(wizard.message))
        wizard.action_confirm()
        self.assertEqual(self.sector.state, "issued")
        self.assertEqual(self.sector._document()["number"], "Số: 215/BC-SYT")

    def test_issuing_needs_the_document_number(self):
        self.sector.with_user(self.dept_user).document_number = False
        self.sector.with_user(self.dept_user).action_submit()
        for context in ({}, {"gep_confirm": True}):
            with self.subTest(context=context), self.assertRaisesRegex(UserError, "Give the number of"):
                self.sector.with_user(self.dept_manager).with_context(**context).action_approve()
        self.assertEqual(self.sector.state, "submitted")
        self.assertEqual(self.sector.approval_stage_id.name, "Lãnh đạo Sở Y tế ký ban hành")

    def test_number_and_date_are_given_while_waiting_for_the_signature(self):
        self.sector.with_user(self.dept_user).document_number = False
        self.sector.with_user(self.dept_user).action_submit()
        self.sector.with_user(self.dept_manager).write(
            {"document_number": "231/BC-SYT", "report_date": "2026-12-21"}
        )
        with self.assertRaises(ValidationError) as caught:
            self.sector.with_user(self.dept_manager).signer_name = "Người khác"
        self.assertEqual(caught.exception.gep_code, "locked", "the content stays frozen")
        self.sector.with_user(self.dept_manager).action_approve()
        self.assertEqual(self.sector.state, "issued")
        self.assertEqual(self.sector._document()["number"], "Số: 231/BC-SYT")
        with self.assertRaises(ValidationError):
            self.sector.with_user(self.dept_manager).document_number = "232/BC-SYT"
        self.assertEqual(self.sector.document_number, "231/BC-SYT")

    def test_a_draft_report_prints_no_number(self):
        self.sector.with_user(self.dept_user).document_number = False
        self.assertEqual(self.sector._document()["number"], "Số: …/BC-SYT")
        self.assertTrue(self.sector._document()["draft"])
