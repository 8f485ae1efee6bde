# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.tests import tagged

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestInspectionPlanWizard(InspectionCommon):
    def test_schedules_one_inspection_per_unit_at_intervals(self):
        wizard = (
            self.env["gender.equality.inspection.plan.wizard"]
            .with_user(self.inspector)
            .create(
                {
                    "year": 2027,
                    "inspection_type": "inspection",
                    "unit_ids": [Command.set((self.unit_a | self.unit_b).ids)],
                    "checklist_id": self.checklist.id,
                    "leader_id": self.inspector.id,
                    "first_date": "2027-03-01",
                    "interval_days": 14,
                }
            )
        )
        action = wizard.action_schedule()
        inspections = self.Inspection.search(action["domain"], order="planned_date")
        self.assertEqual(inspections.unit_id, self.unit_a | self.unit_b)
        self.assertEqual(
            inspections.mapped("planned_date"),
            [fields.Date.to_date("2027-03-01"), fields.Date.to_date("2027-03-15")],
        )
        self.assertEqual(set(inspections.mapped("state")), {"draft"})
        self.assertEqual(inspections.leader_id, self.inspector)


@tagged("post_install", "-at_install")
class TestInspectionCompare(InspectionCommon):
    def test_compares_self_and_department_answers_item_by_item(self):
        own = self._started_inspection(inspection_type="self")
        self._answer(own, {self.item_plan: "yes", self.item_sessions: "yes", self.item_report: "yes"})
        external = self._started_inspection(inspection_type="inspection")
        self._answer(external, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        compare = self.env["gender.equality.inspection.compare"].create(
            {"unit_id": self.unit_a.id, "year": 2026}
        )
        self.assertEqual(compare.self_inspection_id, own)
        self.assertEqual(compare.external_inspection_id, external)
        self.assertEqual(compare.self_score, 100.0)
        self.assertAlmostEqual(compare.score_difference, 100.0 - external.score)
        different = compare.line_ids.filtered("is_different")
        self.assertEqual(different.mapped("question"), ["Two sessions held?"])
        self.assertEqual((different.self_answer, different.external_answer), ("Yes", "No"))

    def test_opened_from_the_inspection(self):
        inspection = self._create_inspection()
        action = inspection.action_open_compare()
        compare = self.env["gender.equality.inspection.compare"].browse(action["res_id"])
        self.assertEqual(compare.self_inspection_id, inspection)


@tagged("post_install", "-at_install")
class TestShippedChecklists(InspectionCommon):
    def test_plan_checklist_cites_the_plan(self):
        checklist = self.env.ref("gender_equality_plan.gender_equality_checklist_plan")
        references = " ".join(filter(None, checklist.item_ids.mapped("reference")))
        for section in ("II.2.1", "II.2.2", "III.6", "V.2"):
            self.assertIn(section, references)

    def test_indicator_checklist_marks_unverified_wording(self):
        checklist = self.env.ref("gender_equality_plan.gender_equality_checklist_indicator_set")
        self.assertEqual(len(checklist.section_ids), 7)
        unverified = checklist.item_ids.filtered("is_unverified")
        self.assertEqual(len(unverified), 6)  # A1-A5 and B2
        self.assertTrue(all("[chưa xác minh]" in item.help_text for item in unverified))
        self.assertFalse(unverified.filtered(lambda item: item.section_id.name.startswith("B1")))
