# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestPlanWorkflow(GenderEqualityPlanCommon):
    def test_name_is_generated(self):
        self.assertEqual(self.plan.name, "Kế hoạch truyền thông về bình đẳng giới năm 2026 – Unit A")

    def test_submit_opens_the_first_stage(self):
        self._submit()
        self.assertEqual(self.plan.state, "submitted")
        self.assertEqual(self.plan.approval_stage_id, self.stage_unit)
        self.assertEqual(self.plan.submitted_by_id, self.user_a)
        self.assertEqual(self._reviews().mapped("state"), ["pending", "waiting"])

    def test_whole_workflow_approves_the_plan(self):
        self._submit()
        self.assertTrue(self.plan.with_user(self.manager_a).action_approve())
        self.assertEqual(self.plan.state, "submitted")
        self.assertEqual(self.plan.approval_stage_id, self.stage_department)
        self.assertTrue(self.plan.with_user(self.dept_manager).action_approve())
        self.assertEqual(self.plan.state, "approved")
        self.assertFalse(self.plan.approval_stage_id)
        reviews = self._reviews()
        self.assertEqual(reviews.mapped("state"), ["approved", "approved"])
        self.assertEqual(reviews.mapped("done_by_id"), self.manager_a | self.dept_manager)

    def test_final_approval_tells_the_submitter(self):
        self._approve_all()
        message = self.plan.message_ids.filtered(lambda msg: self.user_a.partner_id in msg.partner_ids)
        self.assertTrue(message, "the submitter is notified of the approval")

    def test_submit_without_activity_fails(self):
        plan = self.Plan.with_user(self.user_a).create({"unit_id": self.unit_a.id, "year": 2027})
        with self.assertRaises(UserError):
            plan.action_submit()
        self.assertEqual(plan.state, "draft")

    def test_submit_ignores_cancelled_activities(self):
        plan = self.Plan.with_user(self.user_a).create(
            {
                "unit_id": self.unit_a.id,
                "year": 2027,
                "task_ids": [Command.create(self._task_vals("X", date(2027, 5, 1)))],
            }
        )
        plan.task_ids.action_cancel()
        with self.assertRaises(UserError):
            plan.action_submit()

    def test_submit_complete_plan_returns_true(self):
        self.assertIs(self._submit(), True)
        self.assertFalse(self.plan.warning_message)

    def test_submit_warns_without_action_month_activity(self):
        self.plan.task_ids.filtered("is_action_month").unlink()
        self.assertIn("Action Month", self.plan.warning_message)
        action = self._submit()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.plan.state, "submitted", "a warning never blocks")
        self.assertIn("Action Month", self.plan.message_ids[0].body)

    def test_submit_warns_with_fewer_than_two_dissemination_sessions(self):
        self.task_dissemination.activity_type_id = self.type_other
        self.assertIn("II.2.1", self.plan.warning_message)
        action = self._submit()
        self.assertEqual(action["params"]["type"], "warning")
        self.assertEqual(self.plan.state, "submitted")

    def test_figures_at_a_glance(self):
        self.assertEqual(self.plan.task_count, 3)
        self.assertEqual(self.plan.dissemination_count, 2)
        self.assertEqual(self.plan.action_month_count, 1)
        self.assertEqual(self.plan.planned_budget_total, 3_000_000)
        self.assertIn("III.1", self.plan.area_summary)
        self.assertIn(self.funding_state.name, self.plan.budget_summary)

    def test_one_plan_per_unit_and_year(self):
        with self.assertRaises(ValidationError):
            self.Plan.with_user(self.user_a).create({"unit_id": self.unit_a.id, "year": 2026})

    def test_cancelled_plan_frees_the_year(self):
        self.plan.with_user(self.user_a).action_cancel()
        new_plan = self.Plan.with_user(self.user_a).create({"unit_id": self.unit_a.id, "year": 2026})
        self.assertEqual(new_plan.state, "draft")
        with self.assertRaises(ValidationError):
            self.plan.with_user(self.user_a).action_draft()

    def test_cancel_submitted_plan_cancels_its_reviews(self):
        self._submit()
        self.assertTrue(self.plan.with_user(self.user_a).action_cancel())
        self.assertEqual(self.plan.state, "cancelled")
        self.assertEqual(set(self._reviews().mapped("state")), {"cancelled"})
        self.assertFalse(self.plan.activity_ids)

    def test_unit_cannot_cancel_approved_plan(self):
        self._approve_all()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.manager_a).action_cancel()

    def test_reopen_needs_the_department_manager(self):
        self._approve_all()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.manager_a).action_reopen("Sửa lại")

    def test_reopen_with_reason_returns_the_plan(self):
        self._approve_all()
        self.assertTrue(self.plan.with_user(self.dept_manager).action_reopen("Bổ sung kinh phí"))
        self.assertEqual(self.plan.state, "returned")
        self.assertEqual(self.plan.last_return_reason, "Bổ sung kinh phí")
        self.assertEqual(self.plan.last_return_by_id, self.dept_manager)
        self.assertEqual(self._reviews()[-1].state, "returned")
        self.assertEqual(self._reviews()[:2].mapped("state"), ["approved", "approved"])

    def test_reopen_without_reason_fails(self):
        self._approve_all()
        with self.assertRaises(UserError):
            self.plan.with_user(self.dept_manager).action_reopen("  ")

    def test_reopen_button_opens_the_reason_wizard(self):
        self._approve_all()
        action = self.plan.with_user(self.dept_manager).action_reopen()
        self.assertEqual(action["res_model"], "gender.equality.reason.wizard")
        wizard = (
            self.env["gender.equality.reason.wizard"]
            .with_user(self.dept_manager)
            .with_context(**action["context"])
            .create({"reason": "Thiếu hoạt động"})
        )
        wizard.action_confirm()
        self.assertEqual(self.plan.state, "returned")
        self.assertEqual(self.plan.last_return_reason, "Thiếu hoạt động")

    def test_draft_plan_can_be_deleted(self):
        plan = self.Plan.with_user(self.user_a).create({"unit_id": self.unit_a.id, "year": 2027})
        plan.unlink()
        self.assertFalse(plan.exists())

    def test_submitted_plan_cannot_be_deleted(self):
        self._submit()
        self.plan.with_user(self.user_a).action_cancel()
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_a).unlink()

    def test_year_of_submitted_plan_is_locked(self):
        self._submit()
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_a).year = 2027

    def _count_figure_queries(self, plans):
        self.env.invalidate_all()
        plans = plans.with_env(self.env)
        count = self.env.cr.sql_log_count
        plans.mapped("task_count")
        plans.mapped("area_summary")
        return self.env.cr.sql_log_count - count

    def test_figures_are_computed_in_batch(self):
        other_plans = self.Plan.create(
            [
                {
                    "unit_id": unit.id,
                    "year": 2026,
                    "task_ids": [Command.create(self._task_vals("Y", date(2026, 6, 1)))],
                }
                for unit in (self.unit_b, self.department)
            ]
        )
        self.env.flush_all()
        self._count_figure_queries(self.plan | other_plans)  # warm the caches of the registry
        self.assertEqual(
            self._count_figure_queries(self.plan),
            self._count_figure_queries(self.plan | other_plans),
            "one set of queries for any number of plans",
        )
