# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
class TestReportTimeliness(ReportCommon):
    """A report is on time when the Department of Health RECEIVES it by the deadline (10/12/2026,
    the day included by default), in Asia/Ho_Chi_Minh (UTC+7): the moment it first reaches the
    Department's stage of its approval chain, not the moment its officer first submits it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._new_report()

    def _row(self):
        summary = self.Report.get_kpi_summary(2026)
        return next(row for row in summary["units"] if row["unit_id"] == self.unit_a.id)

    def test_last_minute_of_the_deadline_is_on_time(self):
        self._submit_at(self.report, "2026-12-10 16:59:59")  # 23:59:59 in Thanh Hóa
        self.assertFalse(self.report.is_late)
        self.assertEqual(self.report.days_late, 0)

    def test_midnight_after_the_deadline_is_late(self):
        self._submit_at(self.report, "2026-12-10 17:00:00")  # 11/12 00:00 in Thanh Hóa
        self.assertTrue(self.report.is_late)
        self.assertEqual(self.report.days_late, 1)

    def test_report_forwarded_by_the_head_after_the_deadline_is_late(self):
        """Submitted by the officer on 9/12, forwarded by the head on 14/12: received late."""
        self._submit_at(self.report, "2026-12-09 03:00:00", forward=False)
        self.assertFalse(self.report.received_date)
        self.assertEqual(self._row()["timeliness"], "missing")
        with freeze_time("2026-12-14 03:00:00"):
            self.report.with_user(self.manager_a).action_approve()
        self.assertEqual(str(self.report.received_date), "2026-12-14 03:00:00")
        self.assertEqual(str(self.report.submit_date), "2026-12-09 03:00:00")
        self.assertEqual(self.report.days_late, 4)
        self.assertEqual((self._row()["timeliness"], self._row()["received_day"]), ("late", "2026-12-14"))

    def test_return_by_the_head_before_the_department_does_not_date_the_report(self):
        self._submit_at(self.report, "2026-12-05 03:00:00", forward=False)
        self.report.with_user(self.manager_a).action_return("Bổ sung số liệu")
        self._submit_at(self.report, "2026-12-12 03:00:00")
        self.assertEqual(str(self.report.received_date), "2026-12-12 03:00:00")
        self.assertTrue(self.report.is_late)

    def test_return_by_the_department_and_resubmission_in_time_keep_on_time(self):
        """Returned on 9/12, to be sent again within 7 days (the period's default): back on
        16/12, the report keeps its reception of 8/12."""
        self._submit_at(self.report, "2026-12-08 03:00:00")
        with freeze_time("2026-12-09 03:00:00"):
            self.report.with_user(self.dept_user).action_return("Bổ sung")
        self._submit_at(self.report, "2026-12-16 03:00:00")
        self.assertEqual(str(self.report.received_date), "2026-12-08 03:00:00")
        self.assertFalse(self.report.is_late)

    def test_first_late_reception_stays_late(self):
        self._submit_at(self.report, "2026-12-15 03:00:00")
        with freeze_time("2026-12-15 04:00:00"):
            self.report.with_user(self.dept_user).action_return("Bổ sung")
        self._submit_at(self.report, "2026-12-16 03:00:00")
        self.assertEqual(self.report.days_late, 5)

    def test_deadline_day_itself_late_when_the_period_says_so(self):
        """The plan says "trước ngày 10/12": the Department may make the deadline day late."""
        period = self.env["gender.equality.report.period"].create({"year": 2027, "deadline_included": False})
        self.assertIn("10/12/2027", period.timeliness_rule)
        report = self._new_report(year=2027)
        self.assertFalse(report.deadline_included)
        self._submit_at(report, "2027-12-10 03:00:00")
        self.assertEqual((report.is_late, report.days_late), (True, 1))
        self.assertIn("before 10/12/2027", report.timeliness_rule)

    def test_a_changed_period_is_seen_at_once(self):
        """The periods are read once per worker process (``_gep_period_values``): creating,
        changing and deleting one is seen at the next call, and a change rolled back is not."""
        Period = self.env["gender.equality.report.period"]
        self.assertEqual(Period._get_deadline_rule(2033), (date(2033, 12, 10), True))
        period = Period.create({"year": 2033, "deadline": "2033-12-05", "resubmission_days": 3})
        self.assertEqual(Period._get_deadline_rule(2033), (date(2033, 12, 5), True))
        self.assertEqual(Period._get_resubmission_days(2033), 3)
        period.write({"deadline_included": False})
        self.assertEqual(Period._get_deadline_rule(2033), (date(2033, 12, 5), False))
        period.resubmission_days = 9
        self.assertEqual(Period._get_resubmission_days(2033), 9)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            period.write({"deadline": "2033-12-01", "resubmission_days": -1})
        self.assertEqual(Period._get_deadline_rule(2033), (date(2033, 12, 5), False))
        period.unlink()
        self.assertEqual(Period._get_deadline_rule(2033), (date(2033, 12, 10), True))

    def test_withdrawn_report_loses_its_reception(self):
        self._submit_at(self.report, "2026-12-05 03:00:00")
        self.report.with_user(self.user_a).action_cancel()
        self.assertFalse(self.report.received_date)
        self.assertEqual(self._row()["timeliness"], "missing")

    def test_a_report_never_submitted_is_not_late_but_missing(self):
        self.assertFalse(self.report.is_late)
        self.assertEqual(self._row()["timeliness"], "missing")
