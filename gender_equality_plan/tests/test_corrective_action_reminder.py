# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestCorrectiveActionReminder(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Other actions of the database (demo data) must not interfere.
        cls.Action.search([]).write({"state": "cancelled"})

        def action(name, deadline, responsible, unit):
            return cls.Action.create(
                {"name": name, "unit_id": unit.id, "responsible_id": responsible.id, "deadline": deadline}
            )

        # on 2026-12-03 (local): due in 7 days, due in 1 day, overdue, far away
        cls.due_7 = action("Due in a week", "2026-12-10", cls.user_a, cls.unit_a)
        cls.due_1 = action("Due tomorrow", "2026-12-04", cls.user_a, cls.unit_a)
        cls.overdue_a = action("Late A", "2026-12-01", cls.user_a, cls.unit_a)
        cls.overdue_b = action("Late B", "2026-11-20", cls.user_b, cls.unit_b)
        cls.later = action("Later", "2027-03-01", cls.user_a, cls.unit_a)

    def _digests(self, user):
        return self.env["mail.message"].search(
            [("partner_ids", "in", user.partner_id.id), ("subject", "=", "Corrective actions: reminder")]
        )

    @freeze_time("2026-12-03 02:00:00")
    def test_one_digest_per_user(self):
        self.Action._cron_remind_corrective_actions()
        for user in (
            self.user_a,
            self.manager_a,
            self.user_b,
            self.manager_b,
            self.dept_user,
            self.dept_manager,
        ):
            with self.subTest(user=user.login):
                self.assertEqual(len(self._digests(user)), 1)

    @freeze_time("2026-12-03 02:00:00")
    def test_responsible_digest_lists_due_and_overdue_actions(self):
        self.Action._cron_remind_corrective_actions()
        body = self._digests(self.user_a).body
        for name in ("Due in a week", "Due tomorrow", "Late A"):
            self.assertIn(name, body)
        self.assertNotIn("Later", body)
        self.assertNotIn("Late B", body)

    @freeze_time("2026-12-03 02:00:00")
    def test_overdue_actions_are_escalated_to_unit_heads_and_department(self):
        self.Action._cron_remind_corrective_actions()
        head_body = self._digests(self.manager_a).body
        self.assertIn("Late A", head_body)
        self.assertNotIn("Due tomorrow", head_body)
        department_body = self._digests(self.dept_user).body
        self.assertIn("Late A", department_body)
        self.assertIn("Late B", department_body)

    @freeze_time("2026-12-03 02:00:00")
    def test_inspector_gets_nothing(self):
        self.Action._cron_remind_corrective_actions()
        self.assertFalse(self._digests(self.inspector))

    @freeze_time("2026-12-03 02:00:00")
    def test_users_without_email_are_notified_in_odoo(self):
        self.user_a.write({"email": False, "notification_type": "email"})
        self.Action._cron_remind_corrective_actions()
        notification = self._digests(self.user_a).notification_ids.filtered(
            lambda notif: notif.res_partner_id == self.user_a.partner_id
        )
        self.assertEqual(notification.notification_type, "inbox")
        self.assertFalse(notification.is_read)

    @freeze_time("2026-12-03 02:00:00")
    def test_users_with_email_keep_their_preference(self):
        self.user_a.write({"email": "user.a@example.com", "notification_type": "email"})
        self.Action._cron_remind_corrective_actions()
        notification = self._digests(self.user_a).notification_ids.filtered(
            lambda notif: notif.res_partner_id == self.user_a.partner_id
        )
        self.assertEqual(notification.notification_type, "email")

    @freeze_time("2026-12-03 02:00:00")
    def test_cron_run_by_a_user_without_email(self):
        # Crons run as the superuser only (tests/test_doors.py): here in the environment of a user
        # without an address, as the superuser.
        self.dept_manager.email = False
        self.Action.with_user(self.dept_manager).sudo()._cron_remind_corrective_actions()
        self.assertEqual(len(self._digests(self.user_a)), 1)
