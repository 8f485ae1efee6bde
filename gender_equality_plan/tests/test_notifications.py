# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user, tagged

from .report_common import ReportCommon


class NotificationCase(ReportCommon):
    """Checks, as the recipient, that a notification reached them: an unread message of their
    Odoo inbox when they have no e-mail address, an e-mail when they have one."""

    def _give_email(self, users, with_email):
        for user in users:
            user.write(
                {
                    "email": f"{user.login}@example.com" if with_email else False,
                    # The default preference: e-mails, which users without an address never get.
                    "notification_type": "email",
                }
            )

    def _notifications(self, user):
        return self.env["mail.notification"].search([("res_partner_id", "=", user.partner_id.id)])

    def _assert_received(self, user, before, text, with_email):
        """``user`` got a new notification (``before``: their notifications until now) of a
        message that contains ``text``, in their inbox or by e-mail."""
        new = (self._notifications(user) - before).filtered(
            lambda notif: text in (notif.mail_message_id.body or "")
            or text in (notif.mail_message_id.subject or "")
        )
        self.assertEqual(len(new), 1, f"{user.login} got no notification containing {text!r}")
        if with_email:
            self.assertEqual(new.notification_type, "email")
            mails = self.env["mail.mail"].sudo().search([("mail_message_id", "=", new.mail_message_id.id)])
            self.assertTrue(
                mails.filtered(lambda mail: user.partner_id in mail.recipient_ids)
                or new.notification_status == "sent",
                "no e-mail was prepared for the recipient",
            )
            return
        self.assertEqual(new.notification_type, "inbox")
        self.assertFalse(new.is_read)
        # As the recipient: the message is among the unread messages of their inbox.
        inbox = self.env["mail.message"].with_user(user).search([("needaction", "=", True)])
        self.assertIn(new.mail_message_id, inbox)
        self.assertIn(text, new.mail_message_id.with_user(user).body + (new.mail_message_id.subject or ""))

    def _each_address(self, users, run):
        """Run ``run(with_email)`` for recipients without, then with, an e-mail address."""
        for with_email in (False, True):
            with self.subTest(with_email=with_email), self.env.cr.savepoint() as savepoint:
                self._give_email(users, with_email)
                run(with_email)
                # Undo the run (and clear the caches): the next one starts afresh.
                savepoint.close(rollback=True)


@tagged("post_install", "-at_install")
@freeze_time("2026-12-01 03:00:00")
class TestWorkflowNotifications(NotificationCase):
    """Approval requested, approved, returned with the reason, reopened with the reason."""

    def _new_plan(self, year=2027):
        return self.Plan.with_user(self.user_a).create(
            {
                "unit_id": self.unit_a.id,
                "year": year,
                "task_ids": [Command.create(self._task_vals("Phổ biến Luật", date(year, 3, 5)))],
            }
        )

    def test_approval_requested_reaches_the_approvers(self):
        def run(with_email):
            plan = self._new_plan()
            before = self._notifications(self.manager_a)
            plan.with_user(self.user_a).action_submit()
            self._assert_received(self.manager_a, before, plan.display_name, with_email)

        self._each_address(self.manager_a, run)

    def test_next_stage_approval_requested_reaches_the_department(self):
        def run(with_email):
            plan = self._new_plan()
            plan.with_user(self.user_a).action_submit()
            before = self._notifications(self.dept_manager)
            plan.with_user(self.manager_a).action_approve()
            self._assert_received(self.dept_manager, before, plan.display_name, with_email)

        self._each_address(self.dept_manager, run)

    def test_report_approval_requested_reaches_the_head_of_unit(self):
        def run(with_email):
            report = self._new_report(self.unit_c, self.user_c)
            self.unit_c.user_ids |= self.manager_a
            before = self._notifications(self.manager_a)
            report.with_user(self.user_c).action_submit()
            self._assert_received(self.manager_a, before, report.display_name, with_email)

        self._each_address(self.manager_a, run)

    def test_approved_reaches_the_submitter(self):
        def run(with_email):
            plan = self._new_plan()
            plan.with_user(self.user_a).action_submit()
            plan.with_user(self.manager_a).action_approve()
            before = self._notifications(self.user_a)
            plan.with_user(self.dept_manager).action_approve()
            self.assertEqual(plan.state, "approved")
            self._assert_received(self.user_a, before, plan.display_name, with_email)

        self._each_address(self.user_a, run)

    def test_returned_reaches_the_submitter_with_the_reason(self):
        def run(with_email):
            plan = self._new_plan()
            plan.with_user(self.user_a).action_submit()
            before = self._notifications(self.user_a)
            plan.with_user(self.manager_a).action_return("Thiếu hoạt động Tháng hành động")
            self._assert_received(self.user_a, before, "Thiếu hoạt động Tháng hành động", with_email)

        self._each_address(self.user_a, run)

    def test_returned_inspection_reaches_the_team_that_recorded_it(self):
        def run(with_email):
            inspection = self.env["gender.equality.inspection"].create(
                {"unit_id": self.unit_a.id, "inspection_type": "inspection", "year": 2026}
            )
            inspection.with_user(self.inspector).action_start()
            inspection.with_user(self.inspector).action_done()
            before = self._notifications(self.inspector)
            inspection.with_user(self.dept_manager).action_return("Thiếu biên bản có chữ ký")
            self._assert_received(self.inspector, before, "Thiếu biên bản có chữ ký", with_email)

        self._each_address(self.inspector, run)

    def test_reopened_reaches_the_submitter_with_the_reason(self):
        def run(with_email):
            plan = self._new_plan()
            self._approve_plan(plan)
            before = self._notifications(self.user_a)
            plan.with_user(self.dept_manager).action_reopen("Bổ sung kinh phí")
            self._assert_received(self.user_a, before, "Bổ sung kinh phí", with_email)

        self._each_address(self.user_a, run)


@tagged("post_install", "-at_install")
class TestDigestNotifications(NotificationCase):
    """Report reminders, missing-report digests and corrective-action reminders (crons)."""

    @freeze_time("2026-11-26 03:00:00")
    def test_report_reminder_reaches_the_units_that_owe_their_report(self):
        def run(with_email):
            before = self._notifications(self.user_c)
            self.Report._cron_report_reminders()
            self._assert_received(self.user_c, before, "Unit C", with_email)

        self._each_address(self.user_c, run)

    @freeze_time("2026-12-11 03:00:00")
    def test_missing_reports_digest_reaches_the_department(self):
        def run(with_email):
            before = self._notifications(self.dept_user)
            self.Report._cron_report_reminders()
            self._assert_received(self.dept_user, before, "Unit C", with_email)

        self._each_address(self.dept_user, run)

    @freeze_time("2026-12-03 02:00:00")
    def test_corrective_action_reminder_reaches_the_responsible(self):
        action = self.env["gender.equality.corrective.action"].create(
            {
                "name": "Bổ sung buổi truyền thông",
                "unit_id": self.unit_a.id,
                "responsible_id": self.user_a.id,
                "deadline": "2026-12-10",
            }
        )

        def run(with_email):
            before = self._notifications(self.user_a)
            action._cron_remind_corrective_actions()
            self._assert_received(self.user_a, before, "Bổ sung buổi truyền thông", with_email)

        self._each_address(self.user_a, run)

    @freeze_time("2026-12-03 02:00:00")
    def test_overdue_corrective_action_reaches_the_head_of_unit(self):
        def run(with_email):
            before = self._notifications(self.manager_a)
            self.env["gender.equality.corrective.action"]._cron_remind_corrective_actions()
            self._assert_received(self.manager_a, before, "Overdue A", with_email)

        self._each_address(self.manager_a, run)


@tagged("post_install", "-at_install")
class TestNotificationLanguage(NotificationCase):
    """Every notification, crons included, is written in the language of each recipient:
    Vietnamese users read Vietnamese whoever triggers it (a cron runs in English)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["gender_equality_plan"], ["vi_VN"])
        (cls.user_a | cls.user_c | cls.dept_user).lang = "vi_VN"
        (cls.manager_a | cls.dept_manager).lang = "en_US"

    def _subject(self, user, before):
        new = self._notifications(user) - before
        self.assertEqual(len(new), 1, f"{user.login} got one notification")
        return new.mail_message_id.subject

    @freeze_time("2026-12-03 02:00:00")
    def test_corrective_action_reminder_in_each_recipients_language(self):
        self.env["gender.equality.corrective.action"].create(
            {
                "name": "Bổ sung buổi truyền thông",
                "unit_id": self.unit_a.id,
                "responsible_id": self.user_a.id,
                "deadline": "2026-12-01",
            }
        )
        before = {user: self._notifications(user) for user in (self.user_a, self.manager_a)}
        self.env["gender.equality.corrective.action"]._cron_remind_corrective_actions()
        self.assertEqual(self._subject(self.user_a, before[self.user_a]), "Biện pháp khắc phục: nhắc nhở")
        head = self.manager_a
        self.assertEqual(self._subject(head, before[head]), "Corrective actions: reminder")
        body = (self._notifications(self.user_a) - before[self.user_a]).mail_message_id.body
        self.assertIn("Biện pháp khắc phục quá hạn:", body)

    @freeze_time("2026-11-26 03:00:00")
    def test_report_reminder_in_each_recipients_language(self):
        self.unit_c.user_ids |= self.manager_a
        before = {user: self._notifications(user) for user in (self.user_c, self.manager_a)}
        self.Report._cron_report_reminders()
        self.assertEqual(self._subject(self.user_c, before[self.user_c]), "Báo cáo năm 2026: nhắc nhở")
        english = self.manager_a
        self.assertEqual(self._subject(english, before[english]), "Annual report 2026: reminder")

    @freeze_time("2026-12-11 03:00:00")
    def test_missing_reports_digest_in_each_recipients_language(self):
        before = {user: self._notifications(user) for user in (self.dept_user, self.dept_manager)}
        self.Report._cron_report_reminders()
        self.assertEqual(
            self._subject(self.dept_user, before[self.dept_user]), "Báo cáo năm 2026: các báo cáo chưa gửi"
        )
        self.assertEqual(
            self._subject(self.dept_manager, before[self.dept_manager]), "Annual report 2026: missing reports"
        )

    @freeze_time("2026-12-01 03:00:00")
    def test_approval_requested_in_each_approvers_language(self):
        other_head = new_test_user(
            self.env, "gep_manager_a_vi", groups="gender_equality_plan.group_unit_manager", lang="vi_VN"
        )
        self.unit_a.user_ids |= other_head
        plan = self.Plan.with_user(self.user_a).create(
            {
                "unit_id": self.unit_a.id,
                "year": 2027,
                "task_ids": [Command.create(self._task_vals("Phổ biến Luật", date(2027, 3, 5)))],
            }
        )
        before = {user: self._notifications(user) for user in (self.manager_a, other_head)}
        plan.with_user(self.user_a).action_submit()
        self.assertTrue(self._subject(self.manager_a, before[self.manager_a]).startswith("To approve: "))
        self.assertTrue(self._subject(other_head, before[other_head]).startswith("Chờ phê duyệt: "))
