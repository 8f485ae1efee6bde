# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common_inspection import InspectionCommon


class InspectionApprovalCommon(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_unit = cls.env.ref("gender_equality_plan.gender_equality_approval_stage_inspection_unit")
        cls.stage_department = cls.env.ref(
            "gender_equality_plan.gender_equality_approval_stage_inspection_department"
        )
        cls.answers = {cls.item_plan: "yes", cls.item_sessions: "yes", cls.item_report: "yes"}

    def _done_inspection(self, user, inspection_type="self"):
        """An inspection of unit A, started, answered and recorded as done by ``user``."""
        inspection = self._started_inspection(user=user, inspection_type=inspection_type)
        self._answer(inspection, self.answers)
        inspection.action_done()
        return inspection.with_user(self.env.user)


@tagged("post_install", "-at_install")
class TestSelfInspectionChain(InspectionApprovalCommon):
    """A self-inspection: the head of the inspected unit, then the Department manager."""

    def test_head_of_the_unit_then_the_department_approve(self):
        inspection = self._done_inspection(self.user_a)
        self.assertEqual(inspection.submitted_by_id, self.user_a)
        self.assertEqual(inspection.approval_stage_id, self.stage_unit)
        self.assertTrue(inspection.with_user(self.manager_a).can_approve)
        self.assertFalse(inspection.with_user(self.dept_manager).can_approve)
        inspection.with_user(self.manager_a).action_approve()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.approval_stage_id, self.stage_department)
        self.assertFalse(inspection.with_user(self.manager_a).can_approve)
        self.assertTrue(inspection.with_user(self.dept_manager).can_approve)
        inspection.with_user(self.dept_manager).action_approve()
        self.assertEqual(inspection.state, "approved")
        self.assertTrue(inspection.is_locked)
        self.assertEqual(inspection.review_ids.mapped("state"), ["approved", "approved"])

    def test_submitter_cannot_approve(self):
        """On a stage that does not take the submission as the decision (the shipped head's stage
        does: see ``TestHeadSubmits``), the head who recorded the minutes leaves the decision to
        another head."""
        self.stage_unit.submitter_decides = False
        # A second head of unit A, so that someone else than the submitter may approve.
        other_head = new_test_user(
            self.env, "gep_manager_a2", groups="gender_equality_plan.group_unit_manager"
        )
        self.unit_a.user_ids |= other_head
        inspection = self._done_inspection(self.manager_a)
        self.assertFalse(inspection.with_user(self.manager_a).can_approve)
        with self.assertRaisesRegex(AccessError, "You submitted"):
            inspection.with_user(self.manager_a).action_approve()
        with self.assertRaisesRegex(AccessError, "You submitted"):
            inspection.with_user(self.manager_a).action_return("Mine")
        self.assertTrue(inspection.with_user(other_head).can_approve)
        inspection.with_user(other_head).action_approve()
        self.assertEqual(inspection.approval_stage_id, self.stage_department)

    def test_head_of_another_unit_cannot_approve(self):
        inspection = self._done_inspection(self.user_a)
        self.assertFalse(inspection.with_user(self.manager_b).can_approve)
        with self.assertRaises(AccessError):
            inspection.with_user(self.manager_b).sudo(False).action_approve()
        self.assertEqual(inspection.approval_stage_id, self.stage_unit)

    def test_department_waits_for_the_head_of_the_unit(self):
        inspection = self._done_inspection(self.user_a)
        with self.assertRaises(AccessError):
            inspection.with_user(self.dept_manager).action_approve()

    def test_head_of_the_unit_gets_a_to_do_and_a_home_counter(self):
        inspection = self._done_inspection(self.user_a)
        activity = inspection.activity_ids
        self.assertEqual(activity.user_id, self.manager_a)
        home = self.env["gender.equality.home"].with_user(self.manager_a).create({})
        self.assertEqual(home.inspections_to_approve_count, 1)
        self.assertEqual(
            self.Inspection.with_user(self.manager_a).search([("can_approve", "=", True)]), inspection
        )
        self.assertEqual(
            self.env["gender.equality.home"].with_user(self.user_a).create({}).inspections_to_approve_count,
            0,
        )


@tagged("post_install", "-at_install")
class TestDepartmentInspectionChain(InspectionApprovalCommon):
    """An inspection or a supervision by the Department: the Department manager only."""

    def test_department_manager_alone_approves(self):
        for inspection_type in ("inspection", "supervision"):
            with self.subTest(inspection_type=inspection_type):
                inspection = self._done_inspection(self.inspector, inspection_type)
                self.assertEqual(inspection.review_ids.stage_id, self.stage_department)
                self.assertTrue(inspection.with_user(self.dept_manager).can_approve)
                inspection.with_user(self.dept_manager).action_approve()
                self.assertEqual(inspection.state, "approved")

    def test_head_of_the_inspected_unit_cannot_approve(self):
        inspection = self._done_inspection(self.inspector, "inspection")
        self.assertFalse(inspection.with_user(self.manager_a).can_approve)
        with self.assertRaises(AccessError):
            inspection.with_user(self.manager_a).action_approve()
        with self.assertRaises(AccessError):
            inspection.with_user(self.manager_a).action_return("Not agreed")
        self.assertEqual(inspection.state, "done")

    def test_each_inspection_gets_its_own_chain(self):
        own = self._started_inspection()
        department = self._started_inspection(inspection_type="inspection")
        self._answer(own, self.answers)
        self._answer(department, self.answers)
        (own | department).action_done()
        self.assertEqual(own.review_ids.stage_id, self.stage_unit | self.stage_department)
        self.assertEqual(department.review_ids.stage_id, self.stage_department)


@tagged("post_install", "-at_install")
class TestInspectionReturn(InspectionApprovalCommon):
    def test_return_then_redo_keeps_the_history(self):
        inspection = self._done_inspection(self.user_a)
        inspection.with_user(self.manager_a).action_approve()
        inspection.with_user(self.dept_manager).action_return("Findings missing")
        self.assertEqual(inspection.state, "returned")
        self.assertEqual(inspection.last_return_by_id, self.dept_manager)
        self.assertFalse(inspection.is_locked)
        inspection.with_user(self.user_a).write({"scope": "Findings added"})
        inspection.with_user(self.user_a).action_start()
        inspection.with_user(self.user_a).action_done()
        self.assertEqual(inspection.approval_stage_id, self.stage_unit)
        inspection.with_user(self.manager_a).action_approve()
        inspection.with_user(self.dept_manager).action_approve()
        self.assertEqual(inspection.state, "approved")
        history = [(review.round, review.stage_id, review.state) for review in inspection.review_ids]
        self.assertEqual(
            history,
            [
                (2, self.stage_unit, "approved"),
                (2, self.stage_department, "approved"),
                (1, self.stage_unit, "approved"),
                (1, self.stage_department, "returned"),
            ],
        )
        self.assertEqual(
            inspection.review_ids.filtered(lambda review: review.state == "returned").reason,
            "Findings missing",
        )

    def test_submitter_is_told_of_the_return(self):
        inspection = self._done_inspection(self.user_a)
        inspection.with_user(self.manager_a).action_return("Findings missing")
        message = inspection.message_ids[0]
        self.assertIn("Findings missing", message.body)
        self.assertIn(self.user_a.partner_id, message.partner_ids)


@tagged("post_install", "-at_install")
class TestInspectionChainConfiguration(InspectionApprovalCommon):
    """The Department manager changes the chain without code: archive a stage, edit its condition."""

    def test_archived_stage_is_skipped(self):
        self.stage_unit.with_user(self.dept_manager).action_archive()
        inspection = self._done_inspection(self.user_a)
        self.assertEqual(inspection.review_ids.stage_id, self.stage_department)
        self.assertFalse(inspection.with_user(self.manager_a).can_approve)

    def test_stage_without_condition_applies_to_every_type(self):
        self.stage_unit.with_user(self.dept_manager).domain = False
        inspection = self._done_inspection(self.inspector, "inspection")
        self.assertEqual(inspection.approval_stage_id, self.stage_unit)
        self.assertTrue(inspection.with_user(self.manager_a).can_approve)

    def test_condition_on_another_field(self):
        self.stage_unit.with_user(self.dept_manager).domain = f"[('unit_id', '=', {self.unit_b.id})]"
        inspection = self._done_inspection(self.user_a)
        self.assertEqual(inspection.review_ids.stage_id, self.stage_department)

    def test_invalid_condition_is_refused(self):
        for domain in ("[('no_such_field', '=', 1)]", "[('unit_id', '=',", "42"):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                self.stage_unit.with_user(self.dept_manager).domain = domain

    def test_no_stage_approves_at_once(self):
        (self.stage_unit | self.stage_department).action_archive()
        inspection = self._done_inspection(self.user_a)
        self.assertEqual(inspection.state, "approved")
        self.assertFalse(inspection.review_ids)
