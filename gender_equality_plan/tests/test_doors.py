# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The doors of Odoo's own models next to the records of the module (issue 17): files, chatter,
approval to-dos, followers and notifications, membership of units, recipients of messages and
scheduled jobs. Each case is tried as the user who would try it, refused with the module's own
message and leaves nothing changed; what the screens need keeps working."""

import base64
import json
import xmlrpc.client

from markupsafe import Markup

from odoo import Command, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .integrity_common import IntegrityCommon

FROZEN_FILES = "can no longer be added, replaced or deleted"
FIXED_MESSAGE = "workflow logs, decisions and other people's messages stay as they were written"
CLOSED_COMMENTS = "can no longer be changed or deleted: the record is no longer editable"
APPROVAL_TODO_OF = "only they can change or remove it"
APPROVAL_TODO_DONE = "An approval to-do is not marked done"
WORKFLOW_TODO = "Approval to-dos are given and closed by the approval workflow"
CANNOT_OPEN = "only the people who can open a record"
OWN_NAME = "You can only write messages in your own name"
HIDDEN_ROWS = "about a record that you may not see"
SCHEDULED_JOB = "This is a scheduled job of the application"


class DoorsCommon(IntegrityCommon):
    def assertRefused(self, function, *args, exception=AccessError, message=None, **kwargs):
        """``function`` raises ``exception`` with ``message`` (the module's own refusal) and
        changes nothing."""
        with self.assertRaises(exception) as caught, self.env.cr.savepoint(), mute_logger("odoo.models"):
            function(*args, **kwargs)
            self.env.flush_all()
        if message:
            self.assertIn(message, str(caught.exception))
        return caught.exception

    def _file(self, record, name="bien-ban.pdf", raw=b"%PDF-1.4 goc"):
        """A file of ``record`` (by its ``res_model``/``res_id``), uploaded as the system."""
        return self.env["ir.attachment"].create(
            {"name": name, "raw": raw, "res_model": record._name, "res_id": record.id}
        )

    def _messages(self, record):
        return self.env["mail.message"].search([("model", "=", record._name), ("res_id", "=", record.id)])


@tagged("post_install", "-at_install")
class TestDoorsAttachments(DoorsCommon):
    """Rule 1: the files of a frozen record follow it (``ir.attachment``)."""

    def _frozen(self):
        records = self.records
        return {
            "activity counted by a submitted report": records["gender.equality.task"]["counted_by_a_report"],
            "corrective action done": records["gender.equality.corrective.action"]["done"],
            "verified corrective action": records["gender.equality.corrective.action"]["verified"],
            "confirmed indicator status": records["gender.equality.indicator.status"]["confirmed"],
            "answer of a done self-inspection": records["gender.equality.inspection.line"]["done"],
            "answer of an approved self-inspection": records["gender.equality.inspection.line"]["approved"],
            "submitted report": records["gender.equality.report"]["submitted"],
            "approved plan": records["gender.equality.plan"]["approved"],
        }

    def test_files_of_frozen_records_cannot_be_replaced_renamed_or_deleted(self):
        for label, record in self._frozen().items():
            attachment = self._file(record)
            as_officer = attachment.with_user(self.user_a)
            for vals in (
                {"datas": base64.b64encode(b"%PDF-1.4 gia mao")},
                {"raw": b"%PDF-1.4 gia mao"},
                {"name": "khac.pdf"},
                {"description": "Đã thay"},
            ):
                with self.subTest(record=label, change=next(iter(vals))):
                    self.assertRefused(as_officer.write, vals, message=FROZEN_FILES)
            with self.subTest(record=label, change="unlink"):
                self.assertRefused(as_officer.unlink, message=FROZEN_FILES)
            self.assertEqual((attachment.name, attachment.raw), ("bien-ban.pdf", b"%PDF-1.4 goc"))

    def test_no_new_file_on_a_frozen_record(self):
        Attachment = self.env["ir.attachment"].with_user(self.user_a)
        for label, record in self._frozen().items():
            with self.subTest(record=label):
                self.assertRefused(
                    Attachment.create,
                    {"name": "moi.pdf", "raw": b"%PDF", "res_model": record._name, "res_id": record.id},
                    message=FROZEN_FILES,
                )
                self.assertFalse(
                    self.env["ir.attachment"].search(
                        [
                            ("res_model", "=", record._name),
                            ("res_id", "=", record.id),
                            ("name", "=", "moi.pdf"),
                        ]
                    )
                )

    def test_evidence_linked_before_its_record_was_saved_is_frozen_too(self):
        """A file uploaded on a new record has no ``res_id``; saved with the record, it becomes
        the record's (``_gep_adopt_files``). One that only the evidence field links (linked by
        another user, or before that rule) is frozen all the same: its uploader (the unit
        officer) could otherwise change it at will."""
        status = self.records["gender.equality.indicator.status"]["confirmed"]
        evidence = status.attachment_ids
        self.assertEqual(
            (evidence.res_model, evidence.res_id, evidence.create_uid), (status._name, status.id, self.user_a)
        )
        for res_model, res_id in ((status._name, status.id), (False, 0)):
            evidence.sudo().write({"res_model": res_model, "res_id": res_id})
            as_officer = evidence.with_user(self.user_a)
            self.assertRefused(as_officer.write, {"raw": b"%PDF gia"}, message=FROZEN_FILES)
            self.assertRefused(as_officer.unlink, message=FROZEN_FILES)
            self.assertEqual(evidence.raw, b"%PDF")

    def test_files_are_not_moved_onto_or_off_a_frozen_record(self):
        counted = self.records["gender.equality.task"]["counted_by_a_report"]
        planned = self.records["gender.equality.task"]["plan_approved"]
        loose = self._file(planned, "tu-do.pdf").with_user(self.user_a)
        # Odoo checks the new record only when both res_model and res_id are given.
        self.assertRefused(loose.write, {"res_id": counted.id}, message=FROZEN_FILES)
        frozen = self._file(counted).with_user(self.user_a)
        self.assertRefused(frozen.write, {"res_id": planned.id}, message=FROZEN_FILES)
        self.assertRefused(
            frozen.write, {"res_model": self.plan._name, "res_id": self.plan.id}, message=FROZEN_FILES
        )
        self.assertEqual(loose.sudo().res_id, planned.id)
        self.assertEqual(frozen.sudo().res_id, counted.id)

    def test_every_role_is_bound_and_the_system_is_not(self):
        status = self.records["gender.equality.indicator.status"]["confirmed"]
        attachment = self._file(status)
        self.assertRefused(attachment.with_user(self.dept_manager).write, {"raw": b"x"}, message=FROZEN_FILES)
        # Code of the application (PDFs saved by the reports, the workflow) runs as superuser.
        attachment.write({"raw": b"%PDF-1.4 ban in"})
        self.assertEqual(attachment.raw, b"%PDF-1.4 ban in")

    def test_files_of_editable_records_stay_free(self):
        planned = self.records["gender.equality.task"]["plan_approved"]
        draft_report = self.records["gender.equality.report"]["draft"]
        Attachment = self.env["ir.attachment"].with_user(self.user_a)
        for record in (planned, draft_report, self.plan):
            with self.subTest(record=record._name):
                attachment = Attachment.create(
                    {"name": "anh.jpg", "raw": b"JPEG", "res_model": record._name, "res_id": record.id}
                )
                attachment.write({"name": "anh-1.jpg", "raw": b"JPEG2"})
                attachment.unlink()
        # The evidence field of an activity being carried out.
        planned.with_user(self.user_a).write(
            {"attachment_ids": [Command.create({"name": "minh-chung.pdf", "raw": b"%PDF"})]}
        )
        self.assertEqual(planned.attachment_ids.mapped("name"), ["minh-chung.pdf"])

    def test_chatter_files_follow_the_record(self):
        message = self.plan.with_user(self.user_a).message_post(
            body="Dự thảo kèm theo", message_type="comment", attachments=[("du-thao.docx", b"DOCX")]
        )
        self.assertEqual(message.attachment_ids.mapped("name"), ["du-thao.docx"])
        approved = self.records["gender.equality.plan"]["approved"].with_user(self.user_a)
        before = self._messages(approved)
        self.assertRefused(
            approved.message_post,
            body="Bổ sung",
            message_type="comment",
            attachments=[("bo-sung.pdf", b"%PDF")],
            message=FROZEN_FILES,
        )
        self.assertEqual(self._messages(approved), before)
        # A comment without a file stays possible on a frozen record.
        approved.message_post(body="Đã nhận", message_type="comment")


@tagged("post_install", "-at_install")
class TestDoorsChatter(DoorsCommon):
    """Rule 2: the chatter follows its record (``mail.message``, the chatter's edit/delete)."""

    def _post(self, record, user, body="Ý kiến"):
        return (
            record.with_user(user)
            .message_post(body=body, message_type="comment", subtype_xmlid="mail.mt_note")
            .with_user(user)
        )

    def test_workflow_logs_and_decisions_are_never_edited_or_deleted(self):
        approved = self.records["gender.equality.plan"]["approved"]
        every_message = self._messages(approved)
        # The chatter (the approvers' notifications are private messages of theirs).
        messages = every_message.filtered(lambda message: message.message_type != "user_notification")
        # The stages' approvals (logs) and the final decision (a note to the submitter).
        self.assertGreaterEqual(len(messages), 3)
        for message in messages:
            bodies = message.body
            for user in (self.user_a, self.manager_a, self.dept_manager):
                as_user = message.with_user(user)
                with self.subTest(message=message.body, user=user.login):
                    self.assertRefused(as_user.write, {"body": "<p>Đã sửa</p>"}, message=FIXED_MESSAGE)
                    self.assertRefused(as_user.unlink, message=FIXED_MESSAGE)
                    self.assertRefused(
                        approved.with_user(user)._message_update_content,
                        message.sudo(),
                        Markup("<p>Đã sửa</p>"),
                        message=FIXED_MESSAGE,
                    )
            self.assertEqual(message.body, bodies)
        self.assertEqual(self._messages(approved), every_message)

    def test_a_decision_written_in_an_approvers_name_is_not_theirs_to_edit(self):
        """The return of a plan is a note in the chatter written in its approver's name, on a
        record that is editable again: still the workflow's, not a comment of the approver."""
        returned = self.records["gender.equality.plan"]["returned"]
        decision = self._messages(returned).filtered(lambda message: "Bổ sung hoạt động" in message.body)
        self.assertEqual((decision.author_id, decision.message_type), (self.manager_a.partner_id, "comment"))
        self.assertTrue(returned.is_editable)
        self.assertRefused(
            decision.with_user(self.manager_a).write, {"body": "Đồng ý"}, message=FIXED_MESSAGE
        )
        self.assertRefused(decision.with_user(self.manager_a).unlink, message=FIXED_MESSAGE)

    def test_comments_of_other_users_are_theirs(self):
        comment = self._post(self.plan, self.manager_a, "Ý kiến của thủ trưởng")
        self.assertRefused(comment.with_user(self.user_a).write, {"body": "Khác"}, message=FIXED_MESSAGE)
        self.assertRefused(comment.with_user(self.user_a).unlink, message=FIXED_MESSAGE)
        self.assertIn("Ý kiến của thủ trưởng", comment.sudo().body)

    def test_own_comments_change_while_the_record_is_editable(self):
        comment = self._post(self.plan, self.user_a)
        comment.write({"body": "Ý kiến (sửa)"})
        self.plan.with_user(self.user_a)._message_update_content(comment.sudo(), Markup("<p>Sửa lần 2</p>"))
        self.assertIn("Sửa lần 2", comment.sudo().body)
        # The chatter's delete empties the message.
        self.plan.with_user(self.user_a)._message_update_content(comment.sudo(), "", attachment_ids=[])
        self._post(self.plan, self.user_a, "Sẽ xoá").unlink()

    def test_own_comments_are_kept_once_the_record_is_frozen(self):
        submitted = self.records["gender.equality.plan"]["submitted"]
        comment = self._post(submitted, self.user_a, "Đã gửi kế hoạch")
        self.assertRefused(comment.write, {"body": "Khác"}, message=CLOSED_COMMENTS)
        self.assertRefused(comment.unlink, message=CLOSED_COMMENTS)
        self.assertRefused(
            submitted.with_user(self.user_a)._message_update_content,
            comment.sudo(),
            "",
            attachment_ids=[],
            message=CLOSED_COMMENTS,
        )
        self.assertIn("Đã gửi kế hoạch", comment.sudo().body)

    def test_reactions_and_stars_stay_allowed(self):
        log = self._messages(self.records["gender.equality.plan"]["approved"])[:1].with_user(self.user_a)
        log.toggle_message_starred()
        self.assertTrue(log.starred)
        log.sudo()._message_reaction("👍", "add", self.user_a.partner_id, self.env["mail.guest"])
        self.assertEqual(log.sudo().reaction_ids.partner_id, self.user_a.partner_id)

    def test_nobody_writes_in_someone_elses_name(self):
        plan = self.plan.with_user(self.user_a)
        self.assertRefused(
            plan.message_post,
            body="Đã duyệt",
            message_type="comment",
            author_id=self.manager_a.partner_id.id,
            message=OWN_NAME,
        )
        self.assertRefused(
            self.env["mail.message"].with_user(self.user_a).create,
            {
                "model": plan._name,
                "res_id": plan.id,
                "body": "Đã duyệt",
                "message_type": "notification",
                "author_id": self.dept_manager.partner_id.id,
            },
            message=OWN_NAME,
        )
        self.assertFalse(
            self._messages(self.plan).filtered(lambda message: message.body == "<p>Đã duyệt</p>")
        )


@tagged("post_install", "-at_install")
class TestDoorsActivities(DoorsCommon):
    """Rule 3: approval to-dos are the workflow's and their assignee's (``mail.activity``)."""

    def setUp(self):
        super().setUp()
        self.submitted = self.records["gender.equality.plan"]["submitted"]
        self.todo = self.submitted.activity_ids.filtered(
            lambda activity: activity.activity_type_id
            == self.env.ref("gender_equality_plan.mail_activity_type_approval")
        )

    def test_the_head_has_an_approval_todo(self):
        self.assertEqual(self.todo.user_id, self.manager_a)

    def test_the_submitter_cannot_remove_close_or_change_the_heads_todo(self):
        todo = self.todo.with_user(self.user_a)
        before = self._messages(self.submitted)
        self.assertRefused(todo.unlink, message=APPROVAL_TODO_OF)
        self.assertRefused(todo.action_feedback, feedback="Đã duyệt", message=APPROVAL_TODO_DONE)
        self.assertRefused(todo.action_done, message=APPROVAL_TODO_DONE)
        self.assertRefused(todo.write, {"date_deadline": "2030-01-01"}, message=APPROVAL_TODO_OF)
        self.assertRefused(todo.write, {"user_id": self.user_a.id}, message=APPROVAL_TODO_OF)
        self.assertTrue(self.todo.exists())
        self.assertEqual(self.todo.user_id, self.manager_a)
        self.assertEqual(self._messages(self.submitted), before)

    def test_nobody_gives_themselves_an_approval_todo(self):
        approval = self.env.ref("gender_equality_plan.mail_activity_type_approval")
        Activity = self.env["mail.activity"].with_user(self.user_a)
        vals = {
            "res_model_id": self.env["ir.model"]._get_id(self.submitted._name),
            "res_id": self.submitted.id,
            "activity_type_id": approval.id,
            "user_id": self.user_a.id,
            "summary": "Duyệt",
        }
        self.assertRefused(Activity.create, vals, message=WORKFLOW_TODO)
        own = Activity.create(dict(vals, activity_type_id=self.env.ref("mail.mail_activity_data_todo").id))
        self.assertRefused(own.write, {"activity_type_id": approval.id}, message=WORKFLOW_TODO)
        # An ordinary to-do of one's own stays one's own.
        own.action_feedback(feedback="Xong")
        self.assertFalse(own.exists())

    def test_the_assignee_decides_rather_than_marking_done(self):
        todo = self.todo.with_user(self.manager_a)
        self.assertRefused(todo.action_feedback, feedback="Đã duyệt", message=APPROVAL_TODO_DONE)
        # Whose it is, its kind and its record stay.
        self.assertRefused(todo.write, {"user_id": self.user_a.id}, message=WORKFLOW_TODO)
        todo.write({"date_deadline": "2030-01-05", "note": "Xem thứ Hai"})
        self.assertEqual(str(self.todo.date_deadline), "2030-01-05")
        # The decision closes it.
        self.submitted.with_user(self.manager_a).action_approve()
        self.assertFalse(self.todo.exists())

    def test_the_assignee_may_remove_their_todo(self):
        self.todo.with_user(self.manager_a).unlink()
        self.assertFalse(self.todo.exists())


@tagged("post_install", "-at_install")
class TestDoorsFollowers(DoorsCommon):
    """Rule 4: followers, notifications and memberships of another unit are not readable."""

    def setUp(self):
        super().setUp()
        self.approved = self.records["gender.equality.plan"]["approved"]
        self.approved.message_subscribe(partner_ids=self.manager_a.partner_id.ids)
        self.Followers = self.env["mail.followers"]
        self.followers = self.Followers.search(
            [("res_model", "=", self.approved._name), ("res_id", "=", self.approved.id)]
        )

    def test_another_unit_does_not_list_who_follows(self):
        self.assertIn(self.manager_a.partner_id, self.followers.partner_id)
        Followers = self.Followers.with_user(self.user_b)
        self.assertFalse(
            Followers.search([("res_model", "=", self.approved._name), ("res_id", "=", self.approved.id)])
        )
        self.assertFalse(Followers.search([("id", "in", self.followers.ids)]))
        self.assertFalse(
            Followers.search([("partner_id", "=", self.manager_a.partner_id.id)]) & self.followers
        )
        self.assertEqual(Followers.search_count([("id", "in", self.followers.ids)]), 0)
        # Nor does a user without a role of the application.
        self.assertFalse(self.Followers.with_user(self.internal).search([("id", "in", self.followers.ids)]))
        # Reading rows by id: Odoo's refusal of records filtered out by the rules.
        self.assertRefused(self.followers.with_user(self.user_b).read, ["partner_id"])
        self.assertFalse(self.followers.with_user(self.user_b).has_access("read"))
        self.assertRefused(self.followers.with_user(self.user_b).check_access, "read", message=HIDDEN_ROWS)

    def test_the_chatter_of_a_readable_record_lists_its_followers(self):
        for user in (self.user_a, self.manager_a, self.inspector, self.dept_user):
            with self.subTest(user=user.login):
                Followers = self.Followers.with_user(user)
                found = Followers.search(
                    [("res_model", "=", self.approved._name), ("res_id", "=", self.approved.id)]
                )
                self.assertEqual(found, self.followers)
                found.read(["partner_id", "name"])
                data = self.approved.with_user(user).message_get_followers()
                partners = {follower["partner_id"] for follower in data["mail.followers"]}
                self.assertIn(self.manager_a.partner_id.id, partners | {user.partner_id.id})

    def test_another_unit_does_not_list_what_was_notified(self):
        self.manager_a.notification_type = "inbox"
        message = self.approved.message_post(
            body="Thông báo", message_type="comment", partner_ids=self.manager_a.partner_id.ids
        )
        notification = message.notification_ids
        self.assertEqual(notification.res_partner_id, self.manager_a.partner_id)
        Notifications = self.env["mail.notification"]
        self.assertFalse(Notifications.with_user(self.user_b).search([("mail_message_id", "=", message.id)]))
        for user in (self.user_b, self.internal, self.portal):
            with self.subTest(user=user.login):
                self.assertFalse(Notifications.with_user(user).search([("id", "=", notification.id)]))
        self.assertRefused(notification.with_user(self.user_b).read, ["res_partner_id"])
        self.assertRefused(notification.with_user(self.user_b).check_access, "read", message=HIDDEN_ROWS)
        # The head reads their own; the unit and the Department read those of the records they see.
        for user in (self.manager_a, self.user_a, self.dept_user):
            with self.subTest(user=user.login):
                self.assertEqual(
                    Notifications.with_user(user).search([("mail_message_id", "=", message.id)]), notification
                )
        inbox = self.env["mail.message"].with_user(self.manager_a).search([("needaction", "=", True)])
        self.assertIn(message, inbox)

    def test_members_of_another_unit_are_not_listed(self):
        Users = self.env["res.users"]
        members_a = self.user_a | self.manager_a
        for domain in (
            [("gep_unit_ids", "in", self.unit_a.ids)],
            [("gep_unit_ids", "=", self.unit_a.id)],
            [("gep_unit_ids", "in", [self.unit_a.id, self.unit_b.id])],
        ):
            with self.subTest(domain=domain):
                self.assertFalse(Users.with_user(self.user_b).search(domain) & members_a)
                self.assertEqual(Users.with_user(self.user_a).search(domain) & members_a, members_a)
                self.assertEqual(Users.with_user(self.dept_user).search(domain) & members_a, members_a)
        # "Not a member of unit A" must not tell who is.
        everyone = Users.with_user(self.user_b).search([])
        self.assertEqual(
            Users.with_user(self.user_b).search([("gep_unit_ids", "not in", self.unit_a.ids)]) & members_a,
            everyone & members_a,
        )
        self.assertRefused(
            Users.with_user(self.internal).search,
            [("gep_unit_ids", "in", self.unit_a.ids)],
            message="Health Unit",
        )
        self.assertRefused(self.unit_a.with_user(self.user_b).read, ["user_ids", "manager_ids"])

    def test_a_responsible_of_ones_own_unit_is_found(self):
        """The responsible of a corrective action is chosen among the unit's members (the view's
        domain); a unit officer looks up the colleagues of their unit."""
        domain = [("gep_unit_ids", "in", self.unit_a.id)]
        found = self.env["res.users"].with_user(self.inspector).name_search("gep_", domain, limit=None)
        self.assertEqual({user_id for user_id, _name in found}, set((self.user_a | self.manager_a).ids))
        found = self.env["res.users"].with_user(self.user_a).name_search("", domain, limit=None)
        self.assertEqual({user_id for user_id, _name in found}, set((self.user_a | self.manager_a).ids))
        self.assertEqual(self.unit_a.with_user(self.user_a).user_ids, self.user_a | self.manager_a)
        self.assertEqual(self.unit_a.with_user(self.user_a).manager_ids, self.manager_a)


@tagged("post_install", "-at_install")
class TestDoorsRecipients(DoorsCommon):
    """Rule 5: a message on a record reaches and is followed by people who can open it."""

    def test_a_message_does_not_reach_another_unit(self):
        plan = self.plan.with_user(self.user_a)
        before = self._messages(self.plan)
        self.assertRefused(
            plan.message_post,
            body="Kính gửi",
            message_type="comment",
            partner_ids=(self.manager_a | self.manager_b).partner_id.ids,
            exception=UserError,
            message=CANNOT_OPEN,
        )
        self.assertEqual(self._messages(self.plan), before)
        message = plan.message_post(
            body="Kính gửi", message_type="comment", partner_ids=self.manager_a.partner_id.ids
        )
        self.assertEqual(message.notification_ids.res_partner_id, self.manager_a.partner_id)

    def test_a_notification_does_not_reach_another_unit(self):
        plan = self.plan.with_user(self.user_a)
        self.assertRefused(
            plan.message_notify,
            body="Kính gửi",
            partner_ids=self.manager_b.partner_id.ids,
            exception=UserError,
            message=CANNOT_OPEN,
        )
        # Nor is another unit's record named in a notification of one's own.
        other = self.Plan.with_user(self.user_b).create({"unit_id": self.unit_b.id, "year": 2026})
        self.assertRefused(
            self.env["mail.thread"].with_user(self.user_a).message_notify,
            body="?",
            model=other._name,
            res_id=other.id,
            partner_ids=self.user_a.partner_id.ids,
        )

    def test_a_responsible_of_another_unit_does_not_follow_the_record(self):
        task = self.task_dissemination.with_user(self.user_a).with_context(tracking_disable=False)
        task.write({"user_id": self.manager_b.id})
        self.assertNotIn(self.manager_b.partner_id, task.sudo().message_partner_ids)
        task.write({"user_id": self.manager_a.id})
        self.assertIn(self.manager_a.partner_id, task.sudo().message_partner_ids)

    def test_another_units_head_does_not_follow_ones_record(self):
        plan = self.plan.with_user(self.user_a)
        self.assertRefused(
            plan.message_subscribe,
            partner_ids=self.manager_b.partner_id.ids,
            exception=UserError,
            message=CANNOT_OPEN,
        )
        self.assertNotIn(self.manager_b.partner_id, self.plan.message_partner_ids)
        plan.message_subscribe(partner_ids=self.manager_a.partner_id.ids)
        self.assertIn(self.manager_a.partner_id, self.plan.message_partner_ids)

    def test_a_comment_fetches_nothing(self):
        """A comment's HTML is text formatting only: no image that logs out or calls an address
        when someone reads the chatter."""
        plan = self.plan.with_user(self.user_a)
        for kwargs in (
            {"body": Markup('<p>Xem <img src="/web/session/logout"></p>')},
            {"body": Markup('<p style="background:url(http://attacker.example/x)">Xem</p>')},
        ):
            with self.subTest(kwargs=kwargs):
                message = plan.message_post(message_type="comment", **kwargs)
                self.assertIn("Xem", message.body)
                self.assertNotIn("logout", message.body)
                self.assertNotIn("attacker", message.body)

    def test_a_unit_does_not_remove_other_followers(self):
        """A unit's officer stops following its record, but does not stop its head (nor the
        Department) from following it."""
        self.plan.message_subscribe(partner_ids=(self.manager_a | self.user_a).partner_id.ids)
        plan = self.plan.with_user(self.user_a)
        self.assertRefused(
            plan.message_unsubscribe, partner_ids=self.manager_a.partner_id.ids, exception=AccessError
        )
        self.assertIn(self.manager_a.partner_id, self.plan.message_partner_ids)
        plan.message_unsubscribe(partner_ids=self.user_a.partner_id.ids)
        self.assertNotIn(self.user_a.partner_id, self.plan.message_partner_ids)


@tagged("post_install", "-at_install")
class TestDoorsCrons(DoorsCommon):
    """Rule 6: the module's scheduled jobs run as the superuser only."""

    CRONS = (
        "gender_equality_plan.gender_equality_report_cron_reminders",
        "gender_equality_plan.ir_cron_gender_equality_corrective_action_reminder",
        "gender_equality_plan.gender_equality_plan_cron_prepare_year",
    )

    def _counts(self):
        return (
            self.env["mail.message"].search_count([]),
            self.env["mail.notification"].search_count([]),
            self.Plan.search_count([]),
        )

    def test_users_cannot_run_the_server_action_of_a_cron(self):
        before = self._counts()
        for xmlid in self.CRONS:
            action = self.env.ref(xmlid).ir_actions_server_id
            for user in (self.user_a, self.manager_a, self.dept_manager, self.internal, self.portal):
                with self.subTest(cron=xmlid, user=user.login):
                    self.assertRefused(action.with_user(user).run, message=SCHEDULED_JOB)
        self.assertEqual(self._counts(), before)

    def test_users_cannot_trigger_a_cron(self):
        for xmlid in self.CRONS:
            with self.subTest(cron=xmlid):
                self.assertRefused(self.env.ref(xmlid).with_user(self.dept_manager).method_direct_trigger)

    def test_cron_methods_refuse_every_caller_but_the_superuser(self):
        for model, method in (
            ("gender.equality.report", "_cron_report_reminders"),
            ("gender.equality.corrective.action", "_cron_remind_corrective_actions"),
            ("gender.equality.plan", "_cron_prepare_next_year"),
        ):
            with self.subTest(method=method):
                self.assertRefused(
                    getattr(self.env[model].with_user(self.dept_manager), method), message=SCHEDULED_JOB
                )

    def test_the_administrator_runs_a_cron_manually(self):
        admin = self.env.ref("base.user_admin")
        for xmlid in self.CRONS[:2]:
            with self.subTest(cron=xmlid):
                self.assertTrue(self.env.ref(xmlid).with_user(admin).method_direct_trigger())


@tagged("post_install", "-at_install")
class TestDoorsChatterRoutes(DoorsCommon, HttpCase):
    """Rules 1 and 5 through the web client's chatter, which posts and uploads as superuser once
    Odoo checked the access to the record."""

    def setUp(self):
        super().setUp()
        self.authenticate(self.user_a.login, self.user_a.login)

    def _upload(self, record, pending=False):
        response = self.url_open(
            "/mail/attachment/upload",
            {
                "csrf_token": http.Request.csrf_token(self),
                "thread_id": record.id,
                "thread_model": record._name,
                "is_pending": "true" if pending else "false",
            },
            files={"ufile": ("bien-ban.pdf", b"%PDF-1.4", "application/pdf")},
        )
        response.raise_for_status()
        return response.json()

    def _post(self, record, **post_data):
        response = self.url_open(
            "/mail/message/post",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "thread_model": record._name,
                        "thread_id": record.id,
                        "post_data": {"body": "Ý kiến", "message_type": "comment", **post_data},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_files_uploaded_in_the_chatter_follow_the_record(self):
        self.assertIn("data", self._upload(self.plan))
        frozen = self.records["gender.equality.plan"]["approved"]
        answer = self._upload(frozen)
        self.assertIn(FROZEN_FILES, answer["error"])
        self.assertFalse(
            self.env["ir.attachment"].search([("res_model", "=", frozen._name), ("res_id", "=", frozen.id)])
        )
        # A file of the composer, then the message that carries it.
        pending = self._upload(frozen, pending=True)["data"]["ir.attachment"][0]["id"]
        with mute_logger("odoo.http"):
            answer = self._post(frozen, attachment_ids=[pending])
        self.assertIn(FROZEN_FILES, answer["error"]["data"]["message"])
        self.assertEqual(self.env["ir.attachment"].browse(pending).res_model, "mail.compose.message")

    def test_a_message_of_the_chatter_does_not_reach_another_unit(self):
        before = self._messages(self.plan)
        with mute_logger("odoo.http"):
            answer = self._post(self.plan, partner_ids=self.manager_b.partner_id.ids)
        self.assertIn(CANNOT_OPEN, answer["error"]["data"]["message"])
        self.assertEqual(self._messages(self.plan), before)
        self.assertIn("result", self._post(self.plan, partner_ids=self.manager_a.partner_id.ids))


@tagged("post_install", "-at_install")
class TestDoorsLanguage(DoorsCommon, HttpCase):
    """Rule 7: over XML-RPC and JSON-RPC, a call without a language in its context runs in the
    user's language: a Vietnamese unit officer reads the refusals in Vietnamese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["gender_equality_plan"], ["vi_VN"])
        cls.user_a.lang = "vi_VN"

    def _xmlrpc(self, model, method, args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self.user_a.id, self.user_a.login, model, method, args, kwargs
        )

    def _jsonrpc(self, model, method, args, **kwargs):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [self.env.cr.dbname, self.user_a.id, self.user_a.login, model, method, args, kwargs],
            },
        }
        response = self.url_open(
            "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        return response.json()

    def test_xmlrpc_refusals_are_in_the_users_language(self):
        plan = self.records["gender.equality.plan"]["draft"]
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self._xmlrpc(plan._name, "write", [plan.ids, {"state": "approved"}])
        self.assertIn("Không thể ghi trực tiếp", caught.exception.faultString)
        action = self.env.ref(
            "gender_equality_plan.gender_equality_report_cron_reminders"
        ).ir_actions_server_id
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self._xmlrpc(action._name, "run", [action.ids])
        self.assertIn("tác vụ định kỳ", caught.exception.faultString)
        self.assertEqual(plan.state, "draft")

    def test_jsonrpc_refusals_are_in_the_users_language(self):
        counted = self.records["gender.equality.task"]["counted_by_a_report"]
        attachment = self._file(counted)
        with mute_logger("odoo.http"):
            answer = self._jsonrpc(attachment._name, "write", [attachment.ids, {"raw": "Z2lhIG1hbw=="}])
        self.assertIn("Không thể thêm, thay thế hoặc xóa", answer["error"]["data"]["message"])
        self.assertEqual(attachment.raw, b"%PDF-1.4 goc")

    def test_a_language_given_by_the_caller_is_kept(self):
        plan = self.records["gender.equality.plan"]["draft"]
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self._xmlrpc(plan._name, "write", [plan.ids, {"state": "approved"}], context={"lang": "en_US"})
        self.assertIn("cannot be written directly", caught.exception.faultString)
        names = self._xmlrpc("gender.equality.area", "search_read", [[]], fields=["name"], limit=1)
        self.assertTrue(names)
