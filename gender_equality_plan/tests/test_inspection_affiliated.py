# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A parent unit inspects its affiliated units (plan section III.6), within its own scope of
rights: not a sibling, not an unrelated unit; the inspected unit reads the inspection but does
not change its score."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_affiliated import AffiliatedCommon


@tagged("post_install", "-at_install")
class TestParentInspectsAffiliatedUnit(AffiliatedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._adopt_grading_scale()

    def test_parent_officer_plans_an_inspection_of_an_affiliated_unit(self):
        inspection = self._inspection_of_a1()
        self.assertEqual(inspection.inspecting_unit_id, self.unit_a, "the parent carries it out")
        self.assertEqual(inspection.inspection_type, "inspection")

    def test_parent_officer_runs_the_checklist_scoring_and_corrective_actions(self):
        inspection = self._recorded_inspection_of_a1()
        self.assertEqual(inspection.state, "done")
        self.assertAlmostEqual(inspection.score, 66.7)
        self.assertEqual(inspection.result_band, "fair")
        # The failed item that requires an action created one, for the inspected unit.
        self.assertEqual(len(inspection.corrective_action_ids), 1)
        self.assertEqual(inspection.corrective_action_ids.unit_id, self.unit_a1)

    def test_the_head_of_the_parent_unit_approves_and_the_department_does_not(self):
        inspection = self._recorded_inspection_of_a1()
        self.assertEqual(inspection.approval_stage_id, self.stage_parent)
        self.assertEqual(inspection.review_ids.stage_id, self.stage_parent, "one stage only")
        self.assertFalse(inspection.with_user(self.manager_a1).can_approve, "not the inspected unit's head")
        self.assertFalse(inspection.with_user(self.manager_b).can_approve)
        with self.assertRaises(AccessError):
            inspection.with_user(self.manager_a1).action_approve()
        self.assertTrue(inspection.with_user(self.manager_a).can_approve)
        inspection.with_user(self.manager_a).action_approve()
        self.assertEqual(inspection.state, "approved")

    def test_the_parent_unit_verifies_the_corrective_actions(self):
        inspection = self._recorded_inspection_of_a1()
        action = inspection.corrective_action_ids
        # The inspected unit carries the action out...
        action.with_user(self.user_a1).action_start()
        action.with_user(self.user_a1).write({"evidence_note": "Đã tổ chức buổi truyền thông bổ sung"})
        action.with_user(self.user_a1).action_done()
        self.assertFalse(action.with_user(self.user_a1).can_verify)
        with self.assertRaises(AccessError):
            action.with_user(self.user_a1).action_verify()
        # ...and the unit that inspected it verifies it.
        self.assertTrue(action.with_user(self.user_a).can_verify)
        action.with_user(self.user_a).action_verify()
        self.assertEqual(action.state, "verified")

    def test_a_parent_unit_does_not_carry_out_a_formal_inspection(self):
        # Before 1/7/2025: the Department's inspectorate only.
        with self.assertRaisesRegex(ValidationError, "formal inspection"):
            self._inspection_of_a1(inspection_type="audit", year=2024, date=date(2024, 5, 6))
        # Since: the provincial inspectorate, recorded by the Department.
        with self.assertRaisesRegex(ValidationError, "recorded by the Department of Health"):
            self._inspection_of_a1(inspection_type="audit", inspecting_unit_id=self.unit_a.id)

    def test_the_inspecting_unit_must_be_the_parent_or_the_department(self):
        with self.assertRaisesRegex(ValidationError, "cannot inspect"):
            self._create_inspection(
                unit=self.unit_a1, inspection_type="inspection", inspecting_unit_id=self.unit_b.id
            )
        with self.assertRaisesRegex(ValidationError, "itself"):
            self._create_inspection(
                unit=self.unit_a1, inspection_type="self", inspecting_unit_id=self.unit_a.id
            )

    def test_the_department_still_inspects_an_affiliated_unit(self):
        inspection = self._create_inspection(
            unit=self.unit_a1, inspection_type="supervision", user=self.inspector
        )
        self.assertEqual(inspection.inspecting_unit_id, self.department)
        inspection = inspection.with_user(self.inspector)
        inspection.action_start()
        self._answer(inspection, {self.item_plan: "yes"})
        inspection.action_done()
        self.assertEqual(inspection.approval_stage_id, self.stage_department)
        self.assertFalse(inspection.with_user(self.manager_a).can_approve, "the Department's inspection")


@tagged("post_install", "-at_install")
class TestParentRightsStopAtTheirAffiliatedUnits(AffiliatedCommon):
    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_a_unit_does_not_inspect_its_sibling(self):
        # A1 and A2 are siblings (both affiliated to A): A1's officer inspects neither A2...
        with self.assertRaises(AccessError):
            self._create_inspection(unit=self.unit_a2, inspection_type="inspection", user=self.user_a1)
        # ...nor can it pass itself off as their parent (which it cannot even see).
        with self.assertRaises(AccessError):
            self._create_inspection(
                unit=self.unit_a2,
                inspection_type="inspection",
                inspecting_unit_id=self.unit_a.id,
                user=self.user_a1,
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_a_parent_does_not_inspect_an_unrelated_unit(self):
        # Unit B is affiliated to the Department, not to unit A.
        with self.assertRaises(AccessError):
            self._create_inspection(unit=self.unit_b, inspection_type="inspection", user=self.user_a)
        with self.assertRaises(AccessError):
            self._create_inspection(
                unit=self.unit_b,
                inspection_type="inspection",
                inspecting_unit_id=self.unit_a.id,
                user=self.manager_a,
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_a_parent_does_not_take_over_the_departments_inspection_of_its_affiliated_unit(self):
        inspection = self._started_inspection(
            unit=self.unit_a1, inspection_type="inspection", user=self.inspector
        )
        self.assertEqual(inspection.inspecting_unit_id, self.department)
        with self.assertRaises(AccessError):
            inspection.line_ids[0].with_user(self.user_a).answer_yes_no = "yes"
        with self.assertRaises(AccessError):
            inspection.with_user(self.user_a).write({"scope": "Của chúng tôi"})

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_a_sibling_sees_nothing_of_the_inspection(self):
        inspection = self._recorded_inspection_of_a1()
        Inspection = self.Inspection.with_user(self.user_a2)
        self.assertFalse(Inspection.search([("id", "=", inspection.id)]))
        with self.assertRaises(AccessError):
            inspection.with_user(self.user_a2).read(["score"])
        with self.assertRaises(AccessError):
            inspection.corrective_action_ids.with_user(self.user_a2).read(["name"])

    def test_parent_members_see_their_affiliated_units_only(self):
        units = self.Unit.with_user(self.user_a).search(
            [("id", "in", (self.unit_a1 | self.unit_a2 | self.unit_b).ids)]
        )
        self.assertEqual(units, self.unit_a1 | self.unit_a2)
        self.assertFalse(self.Unit.with_user(self.user_a1).search([("id", "=", self.unit_a2.id)]))


@tagged("post_install", "-at_install")
class TestInspectedUnitReadsButDoesNotScore(AffiliatedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspection = cls._inspection_of_a1().with_user(cls.user_a)
        cls.inspection.action_start()
        cls.inspection = cls.inspection.with_user(cls.env.user)

    def test_the_inspected_units_officers_see_the_inspection(self):
        for user in (self.user_a1, self.manager_a1):
            with self.subTest(user=user.login):
                found = self.Inspection.with_user(user).search([("unit_id", "=", self.unit_a1.id)])
                self.assertEqual(found, self.inspection)
                self.assertEqual(len(self.inspection.with_user(user).line_ids), 4)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_the_inspected_units_officers_cannot_change_its_score(self):
        line = self.inspection.line_ids.filtered(lambda line: line.item_id == self.item_plan)
        for user in (self.user_a1, self.manager_a1):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    line.with_user(user).write({"answer_yes_no": "yes"})
                with self.assertRaises(AccessError):
                    self.inspection.with_user(user).write({"conclusion": "<p>Tốt</p>"})
                with self.assertRaises(AccessError):
                    self.inspection.with_user(user).write(
                        {"violation_ids": [Command.create({"description": "Xóa giúp"})]}
                    )
                with self.assertRaises(AccessError):
                    self.inspection.with_user(user).action_done()
        self.assertEqual(self.inspection.score, 0.0)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_the_inspected_unit_cannot_turn_it_into_a_self_inspection(self):
        draft = self._inspection_of_a1()
        with self.assertRaises(AccessError):
            draft.with_user(self.user_a1).write(
                {"inspection_type": "self", "inspecting_unit_id": self.unit_a1.id}
            )

    def test_the_inspected_unit_prints_the_minutes_issued_by_its_parent(self):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.user_a1)
            ._render_qweb_html(
                "gender_equality_plan.action_report_gender_equality_inspection", self.inspection.ids
            )
        )
        html = html.decode()
        self.assertIn("UNIT A", html, "the issuing body is the parent unit")
        self.assertIn("Station A1", html)
