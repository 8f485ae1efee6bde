# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
class TestReportTimeliness(ReportCommon):
    """Deadline 10/12/2026, inclusive, in Asia/Ho_Chi_Minh (UTC+7)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._new_report()

    def test_last_minute_of_the_deadline_is_on_time(self):
        self._submit_at(self.report, "2026-12-10 16:59:59")  # 23:59:59 in Thanh Hóa
        self.assertFalse(self.report.is_late)
        self.assertEqual(self.report.days_late, 0)

    def test_midnight_after_the_deadline_is_late(self):
        self._submit_at(self.report, "2026-12-10 17:00:00")  # 11/12 00:00 in Thanh Hóa
        self.assertTrue(self.report.is_late)
        self.assertEqual(self.report.days_late, 1)

    def test_resubmission_after_a_return_keeps_on_time(self):
        self._submit_at(self.report, "2026-12-08 03:00:00")
        self.report.with_user(self.manager_a).action_return("Bổ sung")
        self._submit_at(self.report, "2026-12-20 03:00:00")
        self.assertEqual(str(self.report.submit_date), "2026-12-08 03:00:00")
        self.assertFalse(self.report.is_late)

    def test_first_late_submission_stays_late(self):
        self._submit_at(self.report, "2026-12-15 03:00:00")
        self.report.with_user(self.manager_a).action_return("Bổ sung")
        self._submit_at(self.report, "2026-12-16 03:00:00")
        self.assertEqual(self.report.days_late, 5)

    def test_a_report_never_submitted_is_not_late_but_missing(self):
        self.assertFalse(self.report.is_late)
        summary = self.Report.get_kpi_summary(2026)
        row = next(row for row in summary["units"] if row["unit_id"] == self.unit_a.id)
        self.assertEqual(row["timeliness"], "missing")
