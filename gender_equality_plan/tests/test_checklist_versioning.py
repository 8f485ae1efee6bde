# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestChecklistVersioning(InspectionCommon):
    def _finish_inspection(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "yes", self.item_report: "yes"})
        inspection.action_done()
        return inspection

    def _new_version(self):
        return self.Checklist.with_context(active_test=False).search(
            [("previous_version_id", "=", self.checklist.id)]
        )

    def test_unused_template_is_edited_in_place(self):
        self._started_inspection()  # in progress: not finished
        self.item_plan.question = "Plan approved by the head?"
        self.assertEqual(self.item_plan.question, "Plan approved by the head?")
        self.assertFalse(self._new_version())
        self.assertTrue(self.checklist.active)

    def test_edit_of_used_template_creates_a_new_version(self):
        self._finish_inspection()
        self.item_plan.write({"question": "Plan approved by the head?", "weight": 5})
        new = self._new_version()
        self.assertEqual(new.version, 2)
        self.assertEqual(new.code, self.checklist.code)
        self.assertFalse(self.checklist.active)
        self.assertTrue(new.active)
        self.assertEqual(len(new.item_ids), 4)
        self.assertEqual(len(new.section_ids), 2)
        new_item = new.item_ids.filtered(lambda item: item.question == "Plan approved by the head?")
        self.assertEqual(new_item.weight, 5)
        self.assertEqual(new_item.section_id.checklist_id, new)

    def test_old_version_keeps_its_questions(self):
        self._finish_inspection()
        self.item_plan.question = "Plan approved by the head?"
        self.assertEqual(self.item_plan.question, "Annual plan approved?")

    def test_finished_inspection_keeps_the_questions_it_was_answered_with(self):
        inspection = self._finish_inspection()
        score = inspection.score
        self.item_plan.write({"question": "Plan approved by the head?", "weight": 10})
        line = inspection.line_ids.filtered(lambda line: line.item_id == self.item_plan)
        self.assertEqual(line.question, "Annual plan approved?")
        self.assertEqual(line.weight, 3)
        self.assertEqual(inspection.score, score)

    def test_section_edit_of_used_template_creates_a_new_version(self):
        self._finish_inspection()
        self.section_plan.name = "Planning"
        new = self._new_version()
        self.assertEqual(self.section_plan.name, "Plan")
        self.assertIn("Planning", new.section_ids.mapped("name"))

    def test_new_inspections_start_from_the_new_version(self):
        self._finish_inspection()
        self.item_plan.question = "Plan approved by the head?"
        new = self._new_version()
        inspection = self._started_inspection(checklist_id=new.id, year=2027)
        self.assertIn("Plan approved by the head?", inspection.line_ids.mapped("question"))

    def test_several_edits_create_one_new_version(self):
        self._finish_inspection()
        self.item_plan.question = "Plan approved by the head?"
        self.item_sessions.weight = 4
        self.section_report.name = "Reporting"
        new = self._new_version()
        self.assertEqual(len(new), 1)
        self.assertFalse(
            self.Checklist.with_context(active_test=False).search([("previous_version_id", "=", new.id)])
        )
        self.assertIn("Plan approved by the head?", new.item_ids.mapped("question"))
        self.assertEqual(new.item_ids.filtered(lambda item: item.question == "Two sessions held?").weight, 4)
        self.assertIn("Reporting", new.section_ids.mapped("name"))

    def test_item_added_to_used_template_goes_to_the_new_version(self):
        self._finish_inspection()
        item = self.env["gender.equality.checklist.item"].create(
            {
                "checklist_id": self.checklist.id,
                "section_id": self.section_plan.id,
                "question": "New question?",
            }
        )
        new = self._new_version()
        self.assertEqual(item.checklist_id, new)
        self.assertEqual(item.section_id.checklist_id, new)
        self.assertEqual(len(self.checklist.item_ids), 4)

    def test_item_removed_from_used_template_stays_in_the_old_version(self):
        self._finish_inspection()
        self.item_report.unlink()
        new = self._new_version()
        self.assertTrue(self.item_report.exists())
        self.assertNotIn("Report on time?", new.item_ids.mapped("question"))
        self.assertEqual(len(new.item_ids), 3)
