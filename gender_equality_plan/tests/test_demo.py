# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestDemoPlans(TransactionCase):
    """The demo plans went through the workflow as their users: states and history agree."""

    def _plan(self, name):
        plan = self.env.ref(
            f"gender_equality_plan.gender_equality_plan_{name}_demo", raise_if_not_found=False
        )
        if not plan:
            self.skipTest("no demo data")
        return plan

    def test_approved_plan_has_an_approved_review_per_stage(self):
        plan = self._plan("tho_xuan_2026")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.review_ids.mapped("state"), ["approved", "approved"])
        self.assertEqual(plan.submitted_by_id.login, "canbo.thoxuan")
        self.assertTrue(plan.action_month_count)
        self.assertGreater(sum(plan.task_ids.mapped("participants_female")), 0)

    def test_resubmitted_plan_waits_for_the_department(self):
        plan = self._plan("bvdk_2026")
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(
            plan.approval_stage_id,
            self.env.ref("gender_equality_plan.gender_equality_approval_stage_plan_department"),
        )
        self.assertEqual(sorted(set(plan.review_ids.mapped("round"))), [1, 2])
        self.assertTrue(plan.last_return_reason)

    def test_returned_plan_keeps_its_reason(self):
        plan = self._plan("cdc_2026")
        self.assertEqual(plan.state, "returned")
        self.assertEqual(plan.last_return_by_id.login, "giamdoc.cdc")

    def test_draft_plan(self):
        self.assertEqual(self._plan("dan_so_2026").state, "draft")

    def test_cancelled_plan(self):
        self.assertEqual(self._plan("cdc_2025").state, "cancelled")

    def test_demo_plans_cover_every_state(self):
        self._plan("dan_so_2026")
        states = set(self.env["gender.equality.plan"].search([]).mapped("state"))
        self.assertEqual(states, {"draft", "submitted", "approved", "returned", "cancelled"})

    def test_demo_workflow_speaks_vietnamese(self):
        plan = self._plan("cdc_2026")
        bodies = " ".join(plan.message_ids.mapped("body"))
        self.assertIn("Lý do", bodies)
        self.assertNotIn("Reason:", bodies)
