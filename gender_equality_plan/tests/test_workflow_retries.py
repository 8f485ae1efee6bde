# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A workflow action retried is refused and leaves nothing: a client that got an error (a worker
killed, PostgreSQL restarted: ``tests/test_e2e_faults.py``) cannot tell whether its call
committed, and calls again. The second call must not submit, decide or notify a second time."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
class TestWorkflowRetries(ReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._new_report()

    def _footprint(self, record):
        """What the workflow wrote about ``record``: its status and bookkeeping, its reviews, its
        messages, their notifications, its to-dos and its figure lines."""
        self.env.flush_all()
        self.env.invalidate_all()
        messages = self.env["mail.message"].search([("model", "=", record._name), ("res_id", "=", record.id)])
        notifications = self.env["mail.notification"].search([("mail_message_id", "in", messages.ids)])
        return {
            "state": record.state,
            "submitted": (record.submitted_by_id, record.submitted_date),
            "number": record.document_number,
            "reviews": [
                (review.round, review.stage_id, review.state, review.done_by_id)
                for review in self.env["gender.equality.approval.review"].search(
                    [("res_model", "=", record._name), ("res_id", "=", record.id)]
                )
            ],
            "messages": messages.ids,
            "notifications": notifications.ids,
            "activities": self.env["mail.activity"]
            .search([("res_model", "=", record._name), ("res_id", "=", record.id)])
            .ids,
            "lines": record.line_ids.ids,
        }

    def test_a_submission_retried_is_refused(self):
        self.report.with_user(self.user_a).action_submit()
        submitted = self._footprint(self.report)
        self.assertEqual(len(submitted["reviews"]), 2)
        self.assertTrue(submitted["lines"] and submitted["notifications"] and submitted["activities"])
        with self.assertRaisesRegex(UserError, "cannot be submitted: its status is Submitted"):
            self.report.with_user(self.user_a).action_submit()
        self.assertEqual(self._footprint(self.report), submitted)

    def test_a_decision_retried_is_refused(self):
        """The head's approval retried: the report now waits for the Department, which he may
        not decide. The Department's acceptance retried: the report is accepted."""
        self.report.with_user(self.user_a).action_submit()
        self.report.with_user(self.manager_a).action_approve()
        forwarded = self._footprint(self.report)
        with self.assertRaisesRegex(AccessError, "You are not an approver of the stage"):
            self.report.with_user(self.manager_a).action_approve()
        self.assertEqual(self._footprint(self.report), forwarded)
        self.report.with_user(self.dept_user).action_approve()
        accepted = self._footprint(self.report)
        self.assertEqual(accepted["state"], "accepted")
        with self.assertRaisesRegex(UserError, "cannot be approved: its status is Accepted"):
            self.report.with_user(self.dept_user).action_approve()
        self.assertEqual(self._footprint(self.report), accepted)

    def test_a_return_retried_is_refused(self):
        self.report.with_user(self.user_a).action_submit()
        self.report.with_user(self.manager_a).action_return("Thiếu số liệu")
        returned = self._footprint(self.report)
        with self.assertRaisesRegex(UserError, "cannot be returned: its status is Returned"):
            self.report.with_user(self.manager_a).action_return("Thiếu số liệu")
        self.assertEqual(self._footprint(self.report), returned)

    def test_a_click_repeated_does_not_decide_the_next_stage(self):
        """A user who decides two stages in a row (the head of unit A who is also a Department
        officer) clicks Approve; the answer is lost; he clicks again on the same form. The form's
        button sends the stage he saw (``gep_expected_stage_id``): the second click is refused
        and the report stays at the Department's stage, undecided. Reloaded, the form shows the
        Department's stage, which he may then decide."""
        both = new_test_user(
            self.env,
            "gep_head_and_department",
            groups="gender_equality_plan.group_unit_manager,gender_equality_plan.group_department_user",
        )
        self.unit_a.user_ids = [Command.link(both.id)]
        self.report.with_user(self.user_a).action_submit()
        seen = self.report.approval_stage_id
        button = self.report.with_user(both).with_context(gep_feedback=True, gep_expected_stage_id=seen.id)
        button.action_approve()
        forwarded = self._footprint(self.report)
        self.assertEqual(forwarded["state"], "submitted")
        self.assertNotEqual(self.report.approval_stage_id, seen)
        with self.assertRaisesRegex(
            UserError, "has moved on since you opened it: it now waits for the stage"
        ):
            button.action_approve()
        self.assertEqual(self._footprint(self.report), forwarded)
        reloaded = self.report.approval_stage_id
        self.report.with_user(both).with_context(gep_expected_stage_id=reloaded.id).action_approve()
        self.assertEqual(self.report.state, "accepted")

    def test_a_dialog_confirmed_twice_decides_once(self):
        """The Department accepts reports from the list's dialog; its answer is lost and it
        confirms the same dialog again: refused, nothing decided a second time."""
        other = self._new_report(unit=self.unit_b)
        reports = (self.report | other).sudo()
        for report in reports:
            report.with_user(self._member(report)).action_submit()
            head = self.manager_a if report == self.report else self.manager_b
            report.with_user(head).action_approve()
        wizard = (
            self.env["gender.equality.approval.batch.wizard"]
            .with_user(self.dept_user)
            .create({"res_model": reports._name, "res_ids": reports.ids, "decision": "approve"})
        )
        wizard.action_confirm()
        accepted = [self._footprint(report) for report in reports]
        self.assertEqual({footprint["state"] for footprint in accepted}, {"accepted"})
        with self.assertRaisesRegex(UserError, "This dialog has already been confirmed"):
            wizard.action_confirm()
        self.assertEqual([self._footprint(report) for report in reports], accepted)
