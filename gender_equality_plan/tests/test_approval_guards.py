# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestApprovalGuards(GenderEqualityPlanCommon):
    def test_submitter_cannot_approve_own_plan(self):
        """On a stage that does not take the submission as the decision, the head who submitted
        must leave the decision to another head."""
        self.stage_unit.submitter_decides = False
        self._submit(user=self.manager_a)
        self.assertFalse(self.plan.with_user(self.manager_a).can_approve)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.manager_a).action_approve()
        self.assertEqual(self._reviews()[0].state, "pending")

    def test_head_of_another_unit_cannot_approve(self):
        self._submit()
        self.assertFalse(self.plan.with_user(self.manager_b).can_approve)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.manager_b).sudo(False).action_approve()

    def test_unit_officer_cannot_approve(self):
        self._submit()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_a).action_approve()

    def test_department_cannot_skip_the_head_of_unit(self):
        self._submit()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.dept_manager).action_approve()

    def test_head_of_unit_cannot_approve_the_department_stage(self):
        self._submit()
        self.plan.with_user(self.manager_a).action_approve()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.manager_a).action_approve()

    def test_can_approve_follows_the_pending_stage(self):
        self._submit()
        self.assertTrue(self.plan.with_user(self.manager_a).can_approve)
        self.assertFalse(self.plan.with_user(self.dept_manager).can_approve)
        self.plan.with_user(self.manager_a).action_approve()
        self.assertTrue(self.plan.with_user(self.dept_manager).can_approve)

    def test_to_approve_by_me_search(self):
        self._submit()
        Plan = self.Plan.with_user(self.manager_a)
        self.assertEqual(Plan.search([("can_approve", "=", True)]), self.plan)
        self.assertNotIn(self.plan, Plan.search([("can_approve", "=", False)]))
        self.assertFalse(
            self.Plan.with_user(self.dept_manager).search([("can_approve", "=", True)]) & self.plan
        )

    def test_draft_plan_cannot_be_approved(self):
        with self.assertRaises(UserError):
            self.plan.with_user(self.manager_a).action_approve()

    def test_return_without_reason_fails(self):
        self._submit()
        with self.assertRaises(UserError):
            self.plan.with_user(self.manager_a).action_return("   ")
        self.assertEqual(self.plan.state, "submitted")

    def test_return_button_opens_the_reason_wizard(self):
        self._submit()
        action = self.plan.with_user(self.manager_a).action_return()
        self.assertEqual(action["res_model"], "gender.equality.reason.wizard")
        self.assertEqual(self.plan.state, "submitted")

    def test_return_needs_an_approver(self):
        self._submit()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.manager_b).action_return("Không đạt")

    def test_return_keeps_reason_who_and_when(self):
        self._submit()
        self.plan.with_user(self.manager_a).action_approve()
        self.assertTrue(self.plan.with_user(self.dept_manager).action_return("Thiếu hoạt động III.6"))
        self.assertEqual(self.plan.state, "returned")
        self.assertEqual(self.plan.last_return_reason, "Thiếu hoạt động III.6")
        self.assertEqual(self.plan.last_return_by_id, self.dept_manager)
        self.assertTrue(self.plan.last_return_date)
        returned = self._reviews().filtered(lambda review: review.state == "returned")
        self.assertEqual(returned.stage_id, self.stage_department)
        self.assertEqual(returned.reason, "Thiếu hoạt động III.6")
        message = self.plan.message_ids.filtered(lambda msg: self.user_a.partner_id in msg.partner_ids)
        self.assertIn("Thiếu hoạt động III.6", message[0].body)

    def test_return_cancels_the_remaining_stages(self):
        self._submit()
        self.plan.with_user(self.manager_a).action_return("Sửa ngày")
        self.assertEqual(self._reviews().mapped("state"), ["returned", "cancelled"])

    def test_resubmission_keeps_the_history(self):
        self._submit()
        self.plan.with_user(self.manager_a).action_return("Sửa ngày")
        self._submit()
        reviews = self._reviews()
        self.assertEqual(reviews.mapped("round"), [1, 1, 2, 2])
        self.assertEqual(reviews.mapped("state"), ["returned", "cancelled", "pending", "waiting"])
        self.assertEqual(reviews[0].reason, "Sửa ngày")
        self.assertEqual(self.plan.last_return_reason, "Sửa ngày")
        self.assertEqual(self.plan.review_ids, reviews)

    def test_reviews_are_read_only_for_users(self):
        self._submit()
        review = self._reviews()[0].with_user(self.manager_a)
        with self.assertRaises(AccessError):
            review.write({"state": "approved"})
