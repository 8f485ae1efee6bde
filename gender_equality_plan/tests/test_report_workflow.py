# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
class TestReportWorkflow(ReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._new_report()

    def test_name_is_generated(self):
        self.assertEqual(
            self.report.name,
            "Báo cáo kết quả thực hiện công tác truyền thông về bình đẳng giới năm 2026 – Unit A",
        )

    def test_default_deadline_is_10_december(self):
        self.assertEqual(str(self.report.deadline), "2026-12-10")

    def test_deadline_comes_from_the_period_of_the_year(self):
        self.env["gender.equality.report.period"].create({"year": 2027, "deadline": "2027-12-05"})
        report = self._new_report(year=2027)
        self.assertEqual(str(report.deadline), "2027-12-05")

    def test_unit_cannot_move_its_deadline(self):
        with self.assertRaises(AccessError):
            self.report.with_user(self.user_a).write({"deadline": "2026-12-31"})

    def test_department_manager_extends_a_deadline(self):
        self.report.with_user(self.dept_manager).write({"deadline": "2026-12-31"})
        self.assertEqual(str(self.report.deadline), "2026-12-31")

    def test_submit_compiles_and_waits_for_the_head_of_unit(self):
        self.assertTrue(self.report.with_user(self.user_a).action_submit())
        self.assertEqual(self.report.state, "submitted")
        self.assertEqual(self.report.dissemination_count, 2)
        self.assertEqual(self.report.approval_stage_id.approver_type, "unit_manager")

    def test_department_cannot_approve_before_the_head_of_unit(self):
        self.report.with_user(self.user_a).action_submit()
        with self.assertRaises(AccessError):
            self.report.with_user(self.dept_user).action_approve()

    def test_last_stage_accepts(self):
        self.report.with_user(self.user_a).action_submit()
        self.report.with_user(self.manager_a).action_approve()
        self.assertEqual(self.report.state, "submitted")
        self.report.with_user(self.dept_user).action_approve()
        self.assertEqual(self.report.state, "accepted")

    def test_return_needs_a_reason(self):
        self.report.with_user(self.user_a).action_submit()
        with self.assertRaises(UserError):
            self.report.with_user(self.manager_a).action_return(" ")

    def test_return_with_a_reason(self):
        self.report.with_user(self.user_a).action_submit()
        self.report.with_user(self.manager_a).action_return("Thiếu số liệu")
        self.assertEqual(self.report.state, "returned")
        self.assertEqual(self.report.last_return_reason, "Thiếu số liệu")

    def test_return_button_opens_the_reason_wizard(self):
        self.report.with_user(self.user_a).action_submit()
        action = self.report.with_user(self.manager_a).action_return()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager_a)
            .with_context(**action["context"])
            .create({"reason": "Bổ sung kết quả"})
        )
        wizard.action_confirm()
        self.assertEqual(self.report.state, "returned")

    def test_submitted_report_is_locked(self):
        self.report.with_user(self.user_a).action_submit()
        with self.assertRaises(UserError):
            self.report.with_user(self.user_a).write({"results": "<p>Sửa</p>"})

    def test_state_cannot_be_written_directly(self):
        with self.assertRaises(UserError):
            self.report.with_user(self.user_a).write({"state": "accepted"})

    def test_figures_cannot_be_written_directly(self):
        with self.assertRaises(UserError):
            self.report.with_user(self.user_a).write({"dissemination_count": 9})

    def test_report_cannot_be_created_accepted(self):
        with self.assertRaises(UserError):
            self.Report.with_user(self.user_b).create(
                {"unit_id": self.unit_b.id, "year": 2026, "state": "accepted"}
            )

    def test_one_report_per_unit_and_year(self):
        with self.assertRaises(ValidationError):
            self._new_report()

    def test_cancelled_report_does_not_block_a_new_one(self):
        self.report.with_user(self.user_a).action_cancel()
        self.assertTrue(self._new_report())

    def test_submitted_report_cannot_be_deleted(self):
        self.report.with_user(self.user_a).action_submit()
        with self.assertRaises(UserError):
            self.report.with_user(self.user_a).unlink()
