# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An inspection is answered with a checklist: the scheduling proposes the default one, an
inspection does not start without one (or with an empty one), its items are loaded when it
starts, or when it is chosen on a started inspection that has no answers yet, and minutes
without answers are not recorded."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestInspectionChecklist(InspectionCommon):
    def _wizard(self, **vals):
        return (
            self.env["gender.equality.inspection.plan.wizard"]
            .with_user(self.inspector)
            .create(
                {
                    "year": 2027,
                    "inspection_type": "inspection",
                    "unit_ids": [Command.set((self.unit_a | self.unit_b).ids)],
                    "first_date": "2027-03-01",
                    **vals,
                }
            )
        )

    def test_scheduling_proposes_the_default_checklist_and_requires_one(self):
        self.checklist.is_default = True
        self.default_checklist.is_default = False
        form = Form(self.env["gender.equality.inspection.plan.wizard"].with_user(self.inspector))
        self.assertEqual(form.checklist_id, self.checklist)
        form.checklist_id = self.env["gender.equality.checklist"]
        form.unit_ids.add(self.unit_a)
        with self.assertRaisesRegex(AssertionError, "checklist_id"):
            form.save()

    def test_default_is_the_latest_version_of_the_default_template(self):
        self.assertEqual(self.env["gender.equality.checklist"]._get_default(), self.default_checklist)
        self.default_checklist.is_default = False
        self.assertFalse(self.env["gender.equality.checklist"]._get_default())

    def test_scheduled_inspections_start_with_the_checklist(self):
        action = self._wizard(checklist_id=self.checklist.id).action_schedule()
        inspections = self.Inspection.search(action["domain"])
        self.assertEqual(inspections.checklist_id, self.checklist)
        inspection = inspections.filtered(lambda inspection: inspection.unit_id == self.unit_a)
        inspection.with_user(self.inspector).action_start()
        self.assertEqual(inspection.state, "in_progress")
        self.assertEqual(inspection.line_ids.item_id, self.checklist.item_ids)

    def test_inspection_without_checklist_cannot_start(self):
        inspection = self._create_inspection(
            inspection_type="inspection", user=self.inspector, checklist_id=False
        )
        with self.assertRaisesRegex(UserError, "Choose the checklist of the inspection"):
            inspection.with_user(self.inspector).action_start()
        self.assertRecordValues(inspection, [{"state": "draft", "date": False}])
        self.assertFalse(inspection.line_ids)

    def test_checklist_without_items_is_refused_at_start(self):
        empty = self.Checklist.create({"name": "Bảng kiểm trống", "code": "TEST-EMPTY"})
        inspection = self._create_inspection(
            inspection_type="inspection", user=self.inspector, checklist_id=empty.id
        )
        with self.assertRaisesRegex(UserError, "has no item"):
            inspection.with_user(self.inspector).action_start()
        self.assertEqual(inspection.state, "draft")

    def test_checklist_chosen_before_start_is_loaded_at_start(self):
        inspection = self._create_inspection(
            inspection_type="inspection", user=self.inspector, checklist_id=False
        )
        inspection.with_user(self.inspector).checklist_id = self.checklist
        self.assertFalse(inspection.line_ids, "a planned inspection has no answers yet")
        inspection.with_user(self.inspector).action_start()
        self.assertEqual(len(inspection.line_ids), len(self.checklist.item_ids))

    def test_checklist_chosen_on_a_started_inspection_without_answers_is_loaded(self):
        """An inspection started before a checklist was required (no answers): choosing its
        checklist loads its items, and its minutes wait for them."""
        inspection = self._create_inspection(
            inspection_type="inspection", user=self.inspector, checklist_id=False
        )
        inspection.sudo().write({"state": "in_progress"})
        with self.assertRaisesRegex(UserError, "has no answers"):
            inspection.with_user(self.inspector).action_done()
        self.assertEqual(inspection.state, "in_progress")
        inspection.with_user(self.inspector).checklist_id = self.checklist
        self.assertEqual(inspection.line_ids.item_id, self.checklist.item_ids)
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "yes", self.item_report: "yes"})
        inspection.with_user(self.inspector).action_done()
        self.assertEqual(inspection.state, "done")

    def test_resumed_inspection_keeps_its_answers(self):
        inspection = self._started_inspection(inspection_type="inspection")
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        inspection.action_done()
        inspection.with_user(self.dept_manager).action_return("Bổ sung phát hiện")
        lines = inspection.line_ids
        inspection.with_user(self.inspector).action_start()
        self.assertEqual(inspection.line_ids, lines)
        self.assertEqual(inspection.line_ids.filtered("is_failed").item_id, self.item_sessions)

    def test_programme_without_checklist_schedules_the_default(self):
        programme = (
            self.env["gender.equality.inspection.programme"]
            .with_user(self.inspector)
            .create(
                {
                    "unit_id": self.department.id,
                    "year": 2026,
                    "inspection_type": "inspection",
                    "checklist_id": False,
                    "line_ids": [Command.create({"unit_id": self.unit_a.id, "planned_date": "2026-06-01"})],
                }
            )
        )
        line = programme.line_ids
        self.assertEqual(line._prepare_inspection_vals()["checklist_id"], self.default_checklist.id)
