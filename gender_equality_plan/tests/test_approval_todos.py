# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow deletes the to-dos of a decided stage with ``_gep_unlink_todos``
(``models/mail_activity.py``), which does what ``unlink`` does in fewer queries: these tests
delete the to-dos of two plans at the same stage, one with Odoo's ``unlink`` and one with the
workflow's deletion, and compare what each leaves, so that a change of Odoo's deletion fails
here rather than silently missing from the workflow."""

import base64
import json
import logging
from contextlib import contextmanager
from datetime import date, timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.bus.models.bus import json_dump

from ..models import mail_activity
from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
class TestApprovalTodoDeletion(GenderEqualityPlanCommon):
    """``_gep_unlink_todos`` deletes as ``unlink`` does."""

    def setUp(self):
        super().setUp()
        self.other_plan = self.Plan.create(
            {
                "unit_id": self.unit_a.id,
                "year": 2027,
                "task_ids": [Command.create(self._task_vals("Phổ biến", date(2027, 3, 5)))],
            }
        )
        for plan in self.plan | self.other_plan:
            plan.with_user(self.user_a).action_submit()
            plan.with_user(self.manager_a).action_approve()
        self.assertEqual((self.plan | self.other_plan).approval_stage_id, self.stage_department)

    def _todos(self, plan):
        """The to-dos of the Department's stage on ``plan``, one of them due next week (its
        assignee's counter of to-dos due does not change), one with an attachment and an
        external id (what ``unlink`` deletes with a record)."""
        todos = plan._approval_todos()
        self.assertGreaterEqual(len(todos), 2)
        todos[0].date_deadline = fields.Date.context_today(todos) + timedelta(days=7)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "note.txt",
                "datas": base64.b64encode(b"note"),
                "res_model": "mail.activity",
                "res_id": todos[1].id,
            }
        )
        xmlid = self.env["ir.model.data"].create(
            {
                "module": "__test__",
                "name": f"todo_{todos[1].id}",
                "model": "mail.activity",
                "res_id": todos[1].id,
            }
        )
        return todos, attachment | self.env["ir.attachment"], xmlid

    @contextmanager
    def _bus(self):
        """The bus messages sent inside the block, as ``(partner, type, payload)``."""
        sent = []
        BusBus = type(self.env["bus.bus"])
        sendone = BusBus._sendone

        def record_sendone(bus_bus, target, notification_type, message):
            sent.append((target, notification_type, json.loads(json_dump(message))))
            return sendone(bus_bus, target, notification_type, message)

        with patch.object(BusBus, "_sendone", record_sendone):
            yield sent

    def _delete(self, todos, method):
        """Delete ``todos`` with ``method`` and return the assignees' bus messages and the
        audit line of the deletion."""
        self.env.flush_all()
        with self._bus() as sent, self.assertLogs("odoo.models.unlink", logging.INFO) as logs:
            getattr(todos.sudo(), method)()
            self.env.cr.flush()
        return sorted((target.id, kind, payload) for target, kind, payload in sent), logs.output

    def test_deletes_what_unlink_deletes(self):
        """The to-dos, their attachments and external ids go; the assignees whose to-dos were
        due are told (their counters); the deletion is written in Odoo's audit log."""
        results = {}
        for plan, method in ((self.plan, "unlink"), (self.other_plan, "_gep_unlink_todos")):
            todos, attachment, xmlid = self._todos(plan)
            users = todos[1:].user_id
            bus, logs = self._delete(todos, method)
            self.assertFalse(todos.exists(), method)
            self.assertFalse(attachment.exists(), method)
            self.assertFalse(xmlid.exists(), method)
            self.assertFalse(plan._approval_todos(), method)
            told = {"activity_deleted": True}
            self.assertEqual(
                bus, sorted((user.partner_id.id, "mail.activity/updated", told) for user in users), method
            )
            audit = f"User #{self.env.uid} deleted mail.activity records with IDs: {todos.ids}"
            self.assertEqual(
                [line for line in logs if "deleted mail.activity records" in line],
                [f"INFO:odoo.models.unlink:{audit}"],
                method,
            )
            results[method] = bus
        self.assertEqual(results["unlink"], results["_gep_unlink_todos"])

    def test_fewer_queries_than_unlink(self):
        """Without attachments, external ids or defaults to delete with them, the to-dos go in
        three queries fewer: the deletion asks in one query what ``unlink`` asks in three."""
        counts = {}
        for plan, method in ((self.plan, "unlink"), (self.other_plan, "_gep_unlink_todos")):
            todos = plan._approval_todos().sudo()
            self.env.flush_all()
            self.env.invalidate_all()
            todos.fetch(["user_id", "date_deadline"])
            before = self.env.cr.sql_log_count
            getattr(todos, method)()
            self.env.flush_all()
            counts[method] = self.env.cr.sql_log_count - before
            self.assertFalse(todos.exists())
        self.assertEqual(counts["_gep_unlink_todos"], counts["unlink"] - 3)

    def test_a_user_deletes_through_unlink(self):
        """Called by a user bound by the policy, the deletion is ``unlink`` with its checks: an
        approver may not delete another approver's to-do."""
        todos = self.plan._approval_todos()
        theirs = todos.filtered(lambda todo: todo.user_id != self.dept_manager)[:1]
        self.assertTrue(theirs)
        with self.assertRaisesRegex(AccessError, "only they can change or remove it"):
            theirs.with_user(self.dept_manager)._gep_unlink_todos()
        self.assertTrue(theirs.exists())

    def test_another_override_of_unlink_is_kept(self):
        """When another module overrides ``mail.activity.unlink`` (here: when this module's own
        override is not known), the deletion calls ``unlink``: the override's effects are kept."""
        todos = self.plan._approval_todos().sudo()
        MailActivity = type(todos)
        unlink = MailActivity.unlink
        calls = []

        def spy(records):
            calls.append(records.ids)
            return unlink(records)

        known = mail_activity.UNLINK_MODULES - {mail_activity.__name__}
        with (
            patch.object(mail_activity, "UNLINK_MODULES", known),
            patch.object(MailActivity, "unlink", spy),
        ):
            todos._gep_unlink_todos()
        self.assertEqual(calls, [todos.ids])
        self.assertFalse(todos.exists())
