# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Approve / Return on the records selected in a list (issue 20): the dialog names what will be
decided and what will not, with the refusal of the record's own button, then decides in one
call of the engine."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .plan_common import GenderEqualityPlanCommon

WIZARD = "gender.equality.approval.batch.wizard"


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestApprovalBatch(GenderEqualityPlanCommon):
    """Four plans as the Department manager selects them in the list: two wait for the
    Department (plans of units A and B for 2027), one still waits for the head of unit A
    (2028), one is a draft (unit B, 2028)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.at_department = cls._plan(cls.unit_a, 2027, cls.user_a) | cls._plan(cls.unit_b, 2027, cls.user_b)
        cls.at_department[0].with_user(cls.manager_a).action_approve()
        cls.at_department[1].with_user(cls.manager_b).action_approve()
        cls.at_head = cls._plan(cls.unit_a, 2028, cls.user_a)
        cls.draft = cls._plan(cls.unit_b, 2028, cls.user_b, submit=False)
        cls.selection = cls.at_department | cls.at_head | cls.draft
        # Another officer of unit A (the plan's submitter is told that he submitted it).
        cls.officer_a = new_test_user(cls.env, "gep_officer_a", groups="gender_equality_plan.group_unit_user")
        cls.unit_a.user_ids |= cls.officer_a

    @classmethod
    def _plan(cls, unit, year, user, submit=True):
        plan = cls.Plan.with_user(user).create(
            {
                "unit_id": unit.id,
                "year": year,
                "task_ids": [Command.create(cls._task_vals("Phổ biến", date(year, 3, 5)))],
            }
        )
        if submit:
            plan.action_submit()
        return plan.with_user(cls.env.user)

    def _wizard(self, user, records, decision, **vals):
        """The dialog as the list's action opens it (its context: the selection)."""
        return (
            self.env[WIZARD]
            .with_user(user)
            .with_context(active_model=records._name, active_ids=records.ids, default_decision=decision)
            .create(vals)
        )

    def _snapshot(self, plans):
        return {
            plan.id: (
                plan.state,
                plan.message_ids.ids,
                [(r.state, r.done_by_id.id) for r in self._reviews(plan)],
            )
            for plan in plans
        }

    def test_dialog_counts_and_names_the_refused(self):
        wizard = self._wizard(self.dept_manager, self.selection, "approve")
        self.assertEqual((wizard.accepted_count, wizard.refused_count), (2, 2))
        self.assertIn("2 of the selected records will be approved.", wizard.summary)
        self.assertIn(f"{self.at_head.name}</strong>: Only a head of the unit Unit A", wizard.summary)
        self.assertIn(f"{self.draft.name}</strong>: {self.draft.name} cannot be approved", wizard.summary)
        for plan in self.at_department:
            self.assertNotIn(plan.name, wizard.summary)

    def test_confirm_approves_only_the_accepted_like_one_approval(self):
        # One plan approved by its own button, as the reference of what a decision leaves.
        single = self._plan(self.unit_a, 2029, self.user_a)
        single.with_user(self.manager_a).action_approve()
        single.with_user(self.dept_manager).action_approve()
        others = self._snapshot(self.at_head | self.draft)
        wizard = self._wizard(self.dept_manager, self.selection, "approve")
        action = wizard.action_confirm()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["message"], "2 records approved. 2 left out.")
        self.assertEqual(self.at_department.mapped("state"), ["approved", "approved"])
        self.assertEqual(self._snapshot(self.at_head | self.draft), others)

        def decision(plan):
            review = self._reviews(plan)[-1]
            logged = plan.message_ids.filtered(
                lambda message: f"Approved at the stage {self.stage_department.name}" in str(message.body)
            )
            told = plan.message_ids.filtered(
                lambda message: message.partner_ids == plan.submitted_by_id.partner_id
            )
            return (
                review.stage_id,
                review.state,
                review.done_by_id,
                logged.mapped("body"),
                logged.author_id,
                len(told),
            )

        for plan in self.at_department:
            self.assertEqual(decision(plan), decision(single))
            self.assertFalse(plan.activity_ids)

    def test_return_with_one_reason_on_several(self):
        others = self._snapshot(self.at_head | self.draft)
        wizard = self._wizard(self.dept_manager, self.selection, "return", reason="Thiếu kinh phí")
        self.assertIn("2 of the selected records will be returned", wizard.summary)
        action = wizard.action_confirm()
        self.assertEqual(action["params"]["message"], "2 records returned to their unit. 2 left out.")
        for plan in self.at_department:
            self.assertEqual(plan.state, "returned")
            self.assertEqual(plan.last_return_reason, "Thiếu kinh phí")
            self.assertEqual(self._reviews(plan)[-1].reason, "Thiếu kinh phí")
        self.assertEqual(self._snapshot(self.at_head | self.draft), others)

    def test_return_without_reason_is_refused(self):
        before = self._snapshot(self.selection)
        wizard = self._wizard(self.dept_manager, self.selection, "return", reason="  ")
        with self.assertRaisesRegex(UserError, "Give the reason why you return the record to its unit"):
            wizard.action_confirm()
        self.assertEqual(self._snapshot(self.selection), before)

    def test_unit_officer_cannot_approve(self):
        """An officer of unit A selects his unit's plan waiting for its head: the dialog tells
        him it is not his to decide, and the confirmation refuses it."""
        before = self._snapshot(self.selection)
        wizard = self._wizard(self.officer_a, self.at_head, "approve")
        self.assertEqual((wizard.accepted_count, wizard.refused_count), (0, 1))
        with self.assertRaisesRegex(
            UserError, "None of the selected records can be decided by you: Only a head of the unit Unit A"
        ):
            wizard.action_confirm()
        self.assertEqual(self._snapshot(self.selection), before)

    def test_head_approves_his_stage_from_the_list(self):
        wizard = self._wizard(self.manager_a, self.at_head, "approve")
        wizard.action_confirm()
        self.assertEqual(self.at_head.state, "submitted")
        self.assertEqual(self.at_head.approval_stage_id, self.stage_department)

    def test_list_action_only_for_approvers(self):
        """The list of plans offers Approve and Return to heads and the Department, not to a unit
        officer or an inspector."""
        approve = self.env.ref(
            "gender_equality_plan.gender_equality_approval_batch_wizard_action_approve_plan"
        )
        back = self.env.ref("gender_equality_plan.gender_equality_approval_batch_wizard_action_return_plan")
        for user, offered in (
            (self.dept_manager, True),
            (self.manager_a, True),
            (self.dept_user, True),
            (self.user_a, False),
            (self.inspector, False),
        ):
            with self.subTest(user=user.login):
                views = self.Plan.with_user(user).get_views([(False, "list")], {"toolbar": True})
                actions = views["views"]["list"]["toolbar"].get("action", [])
                ids = {action["id"] for action in actions}
                self.assertEqual({approve.id, back.id} <= ids, offered)
