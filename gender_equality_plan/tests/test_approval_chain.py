# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestApprovalChain(GenderEqualityPlanCommon):
    def _approval_activities(self, plan=None):
        activity_type = self.env.ref("gender_equality_plan.mail_activity_type_approval")
        return (plan or self.plan).activity_ids.filtered(lambda act: act.activity_type_id == activity_type)

    def test_stage_added_between_the_default_stages(self):
        stage = self.env["gender.equality.approval.stage"].create(
            {
                "name": "Inspector",
                "res_model": "gender.equality.plan",
                "sequence": 15,
                "approver_type": "users",
                "user_ids": [Command.set(self.inspector.ids)],
            }
        )
        self._submit()
        self.plan.with_user(self.manager_a).action_approve()
        self.assertEqual(self.plan.approval_stage_id, stage)
        self.plan.with_user(self.inspector).action_approve()
        self.assertEqual(self.plan.approval_stage_id, self.stage_department)
        self.plan.with_user(self.dept_manager).action_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_deactivated_stage_is_skipped(self):
        self.stage_department.active = False
        self._submit()
        self.plan.with_user(self.manager_a).action_approve()
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(len(self._reviews()), 1)

    def test_removed_stage_is_skipped(self):
        stage = self.env["gender.equality.approval.stage"].create(
            {
                "name": "Extra",
                "res_model": "gender.equality.plan",
                "sequence": 1,
                "approver_type": "unit_manager",
            }
        )
        stage.unlink()
        self._submit()
        self.assertEqual(self._reviews().stage_id, self.stage_unit | self.stage_department)

    def test_used_stage_cannot_be_deleted(self):
        self._submit()
        with self.assertRaises(UserError):
            self.stage_unit.unlink()

    def test_no_stage_approves_at_submission(self):
        (self.stage_unit | self.stage_department).active = False
        self._submit()
        self.assertEqual(self.plan.state, "approved")

    def test_stage_without_approver_blocks_submission(self):
        """A stage set to refuse when nobody can decide it (not the default of a head's stage:
        see ``TestNoHeadAccount``) refuses the submission, before anything is asked."""
        self.stage_unit.without_approver = "refuse"
        self.unit_a.user_ids = self.user_a
        with self.assertRaisesRegex(UserError, "Nobody can approve the stage"):
            self.plan.with_user(self.user_a).with_context(gep_confirm=True).action_submit()
        self.assertEqual(self.plan.state, "draft")
        self.assertFalse(self._reviews())

    def test_stage_order_is_the_lowest_sequence_first(self):
        self.stage_department.sequence = 5
        self._submit()
        self.assertEqual(self.plan.approval_stage_id, self.stage_department)

    def test_first_approver_gets_an_activity(self):
        self._submit()
        self.assertEqual(self._approval_activities().user_id, self.manager_a)

    def test_next_approver_gets_an_activity(self):
        self._submit()
        self.plan.with_user(self.manager_a).action_approve()
        activities = self._approval_activities()
        self.assertIn(self.dept_manager, activities.user_id)
        self.assertNotIn(self.manager_a, activities.user_id)
        self.assertEqual(len(activities.filtered(lambda act: act.user_id == self.dept_manager)), 1)

    def test_activities_closed_once_approved(self):
        self._approve_all()
        self.assertFalse(self._approval_activities())

    def test_activities_removed_on_return(self):
        self._submit()
        self.plan.with_user(self.manager_a).action_return("Sửa")
        self.assertFalse(self._approval_activities())

    def test_submitter_gets_no_approval_activity(self):
        """A head who submits decided his stage by submitting: the to-dos go to the next stage."""
        self._submit(user=self.manager_a)
        activities = self._approval_activities()
        self.assertNotIn(self.manager_a, activities.user_id)
        self.assertIn(self.dept_manager, activities.user_id)

    def test_stage_selection_lists_approvable_models(self):
        selection = self.env["gender.equality.approval.stage"]._selection_res_model()
        self.assertIn("gender.equality.plan", dict(selection))

    def test_workflow_for_users_without_email(self):
        (self.user_a | self.manager_a | self.dept_manager).partner_id.email = False
        self._submit()
        self.plan.with_user(self.manager_a).action_return("Sửa ngày")
        self._submit()
        self.plan.with_user(self.manager_a).action_approve()
        self.plan.with_user(self.dept_manager).action_approve()
        self.assertEqual(self.plan.state, "approved")
