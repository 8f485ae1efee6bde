# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Target 1 of the plan (II.2.1) told while an activity is planned, the plan's overview of a
plan being edited, and the short confirmations of the buttons that carry the work out."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, tagged

from .common_inspection import InspectionCommon
from .plan_common import GenderEqualityPlanCommon

FEEDBACK = {"gep_feedback": True}


@tagged("post_install", "-at_install")
@freeze_time("2026-06-01")
class TestStaffSessionNote(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_training = cls.env.ref("gender_equality_plan.gender_equality_activity_type_training")
        cls.draft = cls.Plan.with_user(cls.user_a).create({"unit_id": cls.unit_a.id, "year": 2027})

    def _note(self, activity_type=None, target_group=None):
        """The note of an activity of the draft plan not saved yet (as in its dialog)."""
        task = self.Task.with_user(self.user_a).new(
            {
                "plan_id": self.draft.id,
                "name": "Tập huấn Luật Bình đẳng giới",
                "area_id": self.area_information.id,
                "activity_type_id": activity_type and activity_type.id,
                "target_group": target_group,
            }
        )
        return task.staff_session_note, task.is_staff_session

    def test_the_dialog_tells_it_as_the_type_and_the_group_are_chosen(self):
        form = Form(self.draft.with_user(self.user_a))
        with form.task_ids.new() as task:
            task.name = "Tập huấn Luật Bình đẳng giới"
            task.area_id = self.area_information
            task.date_start = task.date_end = date(2027, 3, 5)
            self.assertIn("Choose the activity type and the target group", task.staff_session_note)
            task.activity_type_id = self.type_training
            task.target_group = "staff"
            self.assertTrue(task.staff_session_note.startswith("Does not count"), task.staff_session_note)
            task.activity_type_id = self.type_dissemination
            self.assertTrue(task.staff_session_note.startswith("Counts for"), task.staff_session_note)

    def test_before_the_choice_the_rule_is_told(self):
        note, counts = self._note()
        self.assertFalse(counts)
        self.assertIn("Choose the activity type and the target group", note)
        self.assertIn(self.type_dissemination.name, note)

    def test_a_dissemination_session_for_the_staff_counts(self):
        note, counts = self._note(self.type_dissemination, "staff")
        self.assertTrue(counts)
        self.assertTrue(note.startswith("Counts for target II.2.1"), note)

    def test_a_training_on_the_law_for_the_staff_does_not_count_and_says_which_types_do(self):
        note, counts = self._note(self.type_training, "staff")
        self.assertFalse(counts)
        self.assertTrue(note.startswith("Does not count for target II.2.1"), note)
        self.assertIn(f"«{self.type_training.name}» is not a dissemination session", note)
        self.assertIn(f"«{self.type_dissemination.name}»", note)

    def test_a_session_for_patients_does_not_count_and_says_why(self):
        note, counts = self._note(self.type_dissemination, "patients_families")
        self.assertFalse(counts)
        self.assertIn("not for the staff of the unit", note)

    def test_a_type_the_department_marks_as_dissemination_counts(self):
        self.type_training.is_dissemination = True
        note, counts = self._note(self.type_training, "staff")
        self.assertTrue(counts)
        self.assertIn(self.type_training.name, note)


@tagged("post_install", "-at_install")
@freeze_time("2026-06-01")
class TestPlanOverviewBeforeSaving(GenderEqualityPlanCommon):
    def _add(self, form, name, day, **vals):
        with form.task_ids.new() as task:
            task.name = name
            task.area_id = self.area_information
            task.activity_type_id = vals.get("activity_type", self.type_dissemination)
            task.target_group = "staff"
            task.date_start = task.date_end = day
            task.funding_source_id = self.funding_state
            task.planned_budget = 2_000_000

    def test_a_new_plan_counts_its_activities_before_its_first_save(self):
        form = Form(self.Plan.with_user(self.user_a))
        form.unit_id = self.unit_a
        form.year = 2027
        self._add(form, "Phổ biến Luật", date(2027, 3, 5))
        self._add(form, "Mít tinh Tháng hành động", date(2027, 11, 20), activity_type=self.type_article)
        self.assertEqual(form.task_count, 2)
        self.assertEqual(form.dissemination_count, 1)
        self.assertEqual(form.action_month_count, 1)
        self.assertEqual(form.planned_budget_total, 4_000_000)
        self.assertIn(self.area_information.display_name, form.area_summary)
        plan = form.save()
        self.assertEqual((plan.task_count, plan.dissemination_count, plan.action_month_count), (2, 1, 1))

    def test_a_saved_plan_counts_the_activities_added_on_the_screen(self):
        with Form(self.plan.with_user(self.user_a)) as form:
            self.assertEqual(form.task_count, 3)
            self._add(form, "Phổ biến Luật lần 2", date(2026, 9, 5))
            self.assertEqual(form.task_count, 4)
            self.assertEqual(form.dissemination_count, 3)
        self.assertEqual(self.plan.task_count, 4)


@tagged("post_install", "-at_install")
@freeze_time("2026-06-01")
class TestExecutionFeedback(GenderEqualityPlanCommon):
    def test_marking_an_activity_done_from_its_button_confirms_it(self):
        self._approve_all()
        task = self.task_dissemination.with_user(self.user_a)
        task.write(
            {
                "actual_date_start": date(2026, 3, 5),
                "actual_date_end": date(2026, 3, 5),
                "participants_male": 4,
                "participants_female": 6,
                "attachment_ids": [Command.create({"name": "bien-ban.pdf", "raw": b"minutes"})],
            }
        )
        action = task.with_context(**FEEDBACK).action_done()
        self.assertEqual(task.state, "done")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["title"], "Activity done")
        self.assertIn(task.name, action["params"]["message"])


@tagged("post_install", "-at_install")
class TestEvidenceFeedback(InspectionCommon):
    def test_submitting_evidence_from_its_button_confirms_it(self):
        action = self.Action.create(
            {"name": "Hold a second session", "unit_id": self.unit_a.id, "deadline": "2026-12-10"}
        ).with_user(self.user_a)
        action.write({"evidence_note": "Minutes of the session of 5/12"})
        result = action.with_context(**FEEDBACK).action_done()
        self.assertEqual(action.state, "done")
        self.assertEqual(result["params"]["title"], "Evidence submitted")
        self.assertIn("Hold a second session", result["params"]["message"])
