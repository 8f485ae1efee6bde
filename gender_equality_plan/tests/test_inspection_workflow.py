# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestInspectionWorkflow(InspectionCommon):
    def _done_inspection(self, answers=None):
        inspection = self._started_inspection()
        self._answer(
            inspection, answers or {self.item_plan: "yes", self.item_sessions: "yes", self.item_report: "yes"}
        )
        inspection.action_done()
        return inspection

    def _approved_inspection(self):
        """A self-inspection approved by the head of the unit, then by the Department."""
        inspection = self._done_inspection()
        inspection.with_user(self.manager_a).action_approve()
        inspection.with_user(self.dept_manager).action_approve()
        return inspection

    def test_name_is_generated(self):
        inspection = self._create_inspection()
        self.assertTrue(inspection.name.startswith("KT/"))

    def test_unanswered_mandatory_item_blocks_done(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_sessions: "yes"})
        with self.assertRaisesRegex(UserError, "Annual plan approved"):
            inspection.action_done()
        self.assertEqual(inspection.state, "in_progress")

    def test_done_when_mandatory_items_are_answered(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "yes"})
        self.assertIs(inspection.action_done(), True)
        self.assertEqual(inspection.state, "done")

    def test_failed_items_requiring_action_create_corrective_actions(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "no", self.item_sessions: "no", self.item_report: "no"})
        inspection.line_ids.filtered(
            lambda line: line.item_id == self.item_sessions
        ).finding = "Only one session"
        inspection.action_done()
        actions = inspection.corrective_action_ids
        # item_report failed but does not require an action
        self.assertEqual(actions.item_id, self.item_plan | self.item_sessions)
        sessions_action = actions.filtered(lambda action: action.item_id == self.item_sessions)
        self.assertEqual(sessions_action.unit_id, self.unit_a)
        self.assertEqual(sessions_action.finding, "Only one session")
        self.assertEqual(sessions_action.responsible_id, self.manager_a)
        self.assertEqual(sessions_action.state, "open")

    def test_passed_items_create_no_corrective_action(self):
        inspection = self._done_inspection()
        self.assertFalse(inspection.corrective_action_ids)

    def test_last_stage_approves_and_locks(self):
        inspection = self._done_inspection()
        self.assertIs(inspection.with_user(self.manager_a).action_approve(), True)
        self.assertEqual(inspection.state, "done")
        self.assertIs(inspection.with_user(self.dept_manager).action_approve(), True)
        self.assertEqual(inspection.state, "approved")
        with self.assertRaises(UserError):
            inspection.with_user(self.dept_manager).write({"scope": "Changed"})
        with self.assertRaises(UserError):
            inspection.line_ids[0].with_user(self.dept_manager).write({"finding": "Changed"})

    def test_system_still_writes_on_approved_inspection(self):
        inspection = self._approved_inspection()
        inspection.sudo().write({"scope": "Corrected by the administrator"})
        self.assertEqual(inspection.scope, "Corrected by the administrator")

    def test_inspector_cannot_approve(self):
        inspection = self._done_inspection()
        with self.assertRaises(AccessError):
            inspection.with_user(self.inspector).action_approve()

    def test_return_requires_a_reason(self):
        inspection = self._done_inspection()
        with self.assertRaises(UserError):
            inspection.with_user(self.manager_a).action_return("  ")
        self.assertEqual(inspection.state, "done")

    def test_return_without_reason_asks_for_it(self):
        inspection = self._done_inspection()
        action = inspection.with_user(self.manager_a).action_return()
        self.assertEqual(action["res_model"], "gender.equality.reason.wizard")
        self.assertEqual(action["context"]["default_method"], "action_return")

    def test_return_stores_and_posts_the_reason(self):
        inspection = self._done_inspection()
        self.assertIs(inspection.with_user(self.manager_a).action_return("Findings missing"), True)
        self.assertEqual(inspection.state, "returned")
        self.assertEqual(inspection.last_return_reason, "Findings missing")
        self.assertEqual(inspection.last_return_by_id, self.manager_a)
        self.assertIn("Findings missing", inspection.message_ids[0].body)

    def test_returned_inspection_can_be_done_again(self):
        inspection = self._done_inspection()
        inspection.with_user(self.manager_a).action_return("Findings missing")
        inspection.action_start()
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(
            inspection.approval_stage_id,
            self.env.ref("gender_equality_plan.gender_equality_approval_stage_inspection_unit"),
        )

    def test_cancel_and_back_to_planned(self):
        inspection = self._create_inspection()
        self.assertIs(inspection.action_cancel(), True)
        self.assertEqual(inspection.state, "cancelled")
        self.assertIs(inspection.action_draft(), True)
        self.assertEqual(inspection.state, "draft")

    def test_approved_inspection_cannot_be_cancelled(self):
        inspection = self._approved_inspection()
        with self.assertRaises(UserError):
            inspection.action_cancel()

    def test_duplicate_of_same_type_and_year_is_warned(self):
        self._create_inspection()
        duplicate = self._create_inspection()
        self.assertIn("Unit A", duplicate.duplicate_warning)
        self.assertIn(duplicate.duplicate_warning, duplicate.message_ids[0].body)

    def test_other_type_year_or_cancelled_is_not_a_duplicate(self):
        first = self._create_inspection()
        other_type = self._create_inspection(inspection_type="inspection")
        other_year = self._create_inspection(year=2025)
        self.assertFalse(first.duplicate_warning)
        self.assertFalse(other_type.duplicate_warning)
        self.assertFalse(other_year.duplicate_warning)
        first.action_cancel()
        self.assertFalse(self._create_inspection().duplicate_warning)

    def test_late_inspections_are_searchable(self):
        late = self._create_inspection(planned_date="2000-01-01")
        future = self._create_inspection(planned_date="2999-01-01")
        found = self.Inspection.search([("is_late", "=", True), ("id", "in", (late | future).ids)])
        self.assertEqual(found, late)

    def test_state_cannot_be_forced_to_approved_by_a_write(self):
        inspection = self._done_inspection()
        for user in (self.inspector, self.dept_user, self.dept_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                inspection.with_user(user).write({"state": "approved"})

    def test_approval_data_cannot_be_written(self):
        inspection = self._done_inspection()
        with self.assertRaises(AccessError):
            inspection.with_user(self.dept_manager).write({"last_return_reason": "Forged"})

    def test_cancel_ends_the_approval_round(self):
        inspection = self._done_inspection()
        inspection.action_cancel()
        self.assertFalse(inspection.approval_stage_id)
        self.assertEqual(set(inspection.review_ids.mapped("state")), {"cancelled"})

    def test_actions_return_true_for_rpc(self):
        inspection = self._create_inspection()
        self.assertIs(inspection.action_start(), True)
        self.assertIs(inspection.action_cancel(), True)


@tagged("post_install", "-at_install")
class TestInspectionUsersWithoutEmail(InspectionCommon):
    """Demo and real users often have no e-mail address: chatter logs must not need one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.user_a | cls.dept_manager | cls.inspector).write({"email": False})

    def test_duplicate_warning_is_logged(self):
        self._create_inspection(user=self.user_a)
        duplicate = self._create_inspection(user=self.user_a)
        self.assertIn("Unit A", duplicate.message_ids[0].body)

    def test_return_reason_is_logged(self):
        inspection = self._started_inspection(inspection_type="inspection")
        self._answer(inspection, {self.item_plan: "yes"})
        inspection.action_done()
        inspection.with_user(self.dept_manager).action_return("Findings missing")
        self.assertIn("Findings missing", inspection.message_ids[0].body)

    def test_reopen_reason_is_logged(self):
        action = self.Action.create({"name": "Fix", "unit_id": self.unit_a.id, "evidence_note": "Done"})
        action.action_done()
        action.with_user(self.inspector).action_reopen("Not signed")
        self.assertIn("Not signed", action.message_ids[0].body)
