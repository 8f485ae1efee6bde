# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .report_common import ReportCommon

REMINDER = "Annual report 2026: reminder"
MISSING = "Annual report 2026: missing reports"


@tagged("post_install", "-at_install")
class TestReportReminder(ReportCommon):
    """Unit A submitted its report; unit B has a draft; unit C has none. Deadline 10/12/2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._submit_at(cls._new_report(), "2026-11-20 03:00:00")
        cls._new_report(cls.unit_b)

    def _digests(self, user, subject=REMINDER):
        return self.env["mail.message"].search(
            [("partner_ids", "in", user.partner_id.id), ("subject", "=", subject)]
        )

    @freeze_time("2026-11-26 03:00:00")
    def test_units_that_owe_a_report_are_reminded_14_days_before(self):
        self.Report._cron_report_reminders()
        for user in (self.user_b, self.manager_b, self.user_c):
            with self.subTest(user=user.login):
                self.assertEqual(len(self._digests(user)), 1)

    @freeze_time("2026-11-26 03:00:00")
    def test_units_that_submitted_are_not_reminded(self):
        self.Report._cron_report_reminders()
        self.assertFalse(self._digests(self.user_a))
        self.assertFalse(self._digests(self.manager_a))

    @freeze_time("2026-11-26 03:00:00")
    def test_one_digest_per_user_for_all_their_units(self):
        self.unit_c.user_ids |= self.user_b
        self.Report._cron_report_reminders()
        digest = self._digests(self.user_b)
        self.assertEqual(len(digest), 1)
        self.assertIn("Unit B", digest.body)
        self.assertIn("Unit C", digest.body)

    @freeze_time("2026-11-27 03:00:00")
    def test_no_reminder_on_other_days(self):
        self.Report._cron_report_reminders()
        self.assertFalse(self._digests(self.user_b))

    @freeze_time("2026-12-09 16:00:00")
    def test_reminder_the_day_before_in_local_time(self):
        # 09/12 23:00 in Thanh Hóa: one day before the deadline.
        self.Report._cron_report_reminders()
        self.assertEqual(len(self._digests(self.user_c)), 1)

    @freeze_time("2026-12-11 03:00:00")
    def test_department_is_told_which_units_are_missing(self):
        self.Report._cron_report_reminders()
        digest = self._digests(self.dept_user, MISSING)
        self.assertEqual(len(digest), 1)
        self.assertIn("Unit B", digest.body)
        self.assertIn("Unit C", digest.body)
        self.assertNotIn("Unit A", digest.body)
        self.assertFalse(self._digests(self.user_b, MISSING))

    @freeze_time("2026-11-26 03:00:00")
    def test_users_without_email_are_notified_in_odoo(self):
        self.user_c.write({"email": False, "notification_type": "email"})
        self.Report._cron_report_reminders()
        notification = self._digests(self.user_c).notification_ids.filtered(
            lambda notif: notif.res_partner_id == self.user_c.partner_id
        )
        self.assertEqual(notification.notification_type, "inbox")

    @freeze_time("2026-11-20 03:00:00")
    def test_remind_now_by_a_department_user_without_email(self):
        self.dept_user.email = False
        consolidation = (
            self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        )
        consolidation.action_remind_now()
        digest = self._digests(self.user_c)
        self.assertEqual(digest.author_id, self.env.ref("base.partner_root"))

    @freeze_time("2026-11-20 03:00:00")
    def test_remind_now_from_the_dashboard(self):
        consolidation = (
            self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        )
        consolidation.action_remind_now()
        self.assertEqual(len(self._digests(self.user_c)), 1)
        self.assertFalse(self._digests(self.user_a))
