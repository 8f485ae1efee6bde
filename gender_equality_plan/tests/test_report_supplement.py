# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-12-16 03:00:00")
class TestReportSupplement(ReportCommon):
    """Units A and B report on 5/12 and are accepted; B's Action-Month activity, held on 12/12,
    is marked done after the Action Month (16/12), when the supplements are filed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_a = cls._new_report(cls.unit_a)
        cls._submit_at(cls.report_a, "2026-12-05 03:00:00")
        cls._accept(cls.report_a)
        cls.report_b = cls._new_report(cls.unit_b)
        cls._submit_at(cls.report_b, "2026-12-05 03:00:00")
        cls._accept(cls.report_b)
        cls.late_task = cls.plan_b.task_ids[1]
        cls._done(cls.late_task, date(2026, 12, 12), 6, 9)
        cls.Supplement = cls.env["gender.equality.report.supplement"]

    def _supplement(self, day="2026-12-16"):
        return self.Supplement.with_user(self.user_b).create({"report_id": self.report_b.id, "date": day})

    def test_supplement_before_the_end_of_the_action_month_is_refused(self):
        with self.assertRaises(ValidationError):
            self._supplement("2026-12-15")

    def test_supplement_compiles_the_activities_done_since_the_report(self):
        supplement = self._supplement()
        supplement.action_compile()
        self.assertEqual(supplement.task_ids, self.late_task)
        self.assertEqual(supplement.action_month_held, 1)
        self.assertEqual((supplement.participants_male, supplement.participants_female), (6, 9))

    def test_submitted_report_figures_do_not_count_later_activities(self):
        summary = self.Report.get_kpi_summary(2026)
        self.assertEqual(summary["units_with_action_month_activity"], 1)

    def test_accepted_supplement_updates_the_consolidation_without_reopening(self):
        supplement = self._supplement()
        supplement.action_submit()
        self.assertEqual(
            self.Report.get_kpi_summary(2026)["units_with_action_month_activity"],
            1,
            "submitted, not accepted yet: it does not count",
        )
        supplement.with_user(self.dept_user).action_approve()
        self.assertEqual(supplement.state, "accepted")
        summary = self.Report.get_kpi_summary(2026)
        self.assertEqual(summary["units_with_action_month_activity"], 2)
        self.assertEqual(summary["participants_male"], 18 + 1 + 6)
        self.assertEqual(self.report_b.state, "accepted")
        self.assertEqual(self.report_b.action_month_held, 0)

    def test_submitted_supplement_is_locked(self):
        supplement = self._supplement()
        supplement.action_submit()
        with self.assertRaises(UserError):
            supplement.with_user(self.user_b).write({"note": "<p>Sửa</p>"})
        with self.assertRaisesRegex(AccessError, "not an approver"):
            supplement.with_user(self.manager_b).action_approve()
        self.assertEqual(supplement.state, "submitted")

    def test_department_returns_a_supplement_the_unit_submits_again(self):
        supplement = self._supplement()
        supplement.action_submit()
        supplement.with_user(self.dept_user).action_return("Thiếu minh chứng")
        self.assertEqual(supplement.state, "returned")
        self.assertEqual(self.Report.get_kpi_summary(2026)["units_with_action_month_activity"], 1)
        supplement.with_user(self.user_b).write({"note": "<p>Bổ sung minh chứng</p>"})
        supplement.with_user(self.user_b).action_submit()
        supplement.with_user(self.dept_user).action_approve()
        self.assertEqual(self.Report.get_kpi_summary(2026)["units_with_action_month_activity"], 2)

    def test_draft_supplement_does_not_count(self):
        self._supplement().action_compile()
        self.assertEqual(self.Report.get_kpi_summary(2026)["units_with_action_month_activity"], 1)

    def test_supplement_of_a_draft_report_is_refused(self):
        report_c = self._new_report(self.unit_c, self.user_c)
        supplement = self.Supplement.with_user(self.user_c).create(
            {"report_id": report_c.id, "date": "2026-12-16"}
        )
        with self.assertRaises(UserError):
            supplement.action_submit()
