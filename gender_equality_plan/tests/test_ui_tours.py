# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .ui_common import PREFIX, UiTourCommon


@tagged("post_install", "-at_install")
class TestUiTours(UiTourCommon):
    """The screens of a unit's first week, as its users (in Vietnamese) click them, on a desktop
    (1366×768). ``TestUiToursPhone`` runs the same tours on a phone, where they check the cards."""

    # ------------------------------------------------------------
    # TOURS
    # ------------------------------------------------------------

    def test_landing_on_my_work_with_the_next_steps(self):
        self._tour("/odoo", "gender_equality_home_tour", self.officer)

    def test_new_plan_takes_activities_before_it_is_saved(self):
        self._tour(
            self._action("gender_equality_plan_action", "/new"), "gender_equality_plan_new_tour", self.officer
        )
        plan = self.env["gender.equality.plan"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(plan.year, self.year, "the first year without a plan")
        self.assertEqual(plan.task_ids.mapped("name"), ["Phổ biến Luật Bình đẳng giới"])
        self.assertEqual(plan.state, "submitted", "submitted anyway, after going back once")

    def test_activity_dialog_says_whether_it_counts_for_target_1(self):
        self._tour(
            self._action("gender_equality_plan_action", "/new"),
            "gender_equality_task_target_tour",
            self.officer,
        )
        plan = self.env["gender.equality.plan"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(plan.task_ids.mapped("name"), ["Tập huấn Luật Bình đẳng giới cho viên chức"])
        self.assertEqual(plan.task_ids.activity_type_id, self.type_session)
        self.assertEqual(plan.task_ids.target_group, "staff")
        self.assertTrue(plan.task_ids.is_staff_session)
        self.assertEqual(plan.dissemination_count, 1)

    def test_plan_meeting_the_objectives_leaves_with_a_confirmation(self):
        plan = self._plan(self.year, names=("Phổ biến Luật", "Nói chuyện chuyên đề"))
        plan.with_user(self.officer).write(
            {
                "task_ids": [
                    Command.create(
                        {
                            "name": "Mít tinh Tháng hành động",
                            "area_id": self.area.id,
                            "activity_type_id": self.type_training.id,
                            "date_start": date(self.year, 11, 20),
                            "date_end": date(self.year, 11, 20),
                        }
                    )
                ]
            }
        )
        self.assertFalse(plan.warning_message)
        self._tour(
            self._action("gender_equality_plan_action", f"/{plan.id}"),
            "gender_equality_plan_submit_tour",
            self.officer,
        )
        self.assertEqual(plan.state, "submitted")

    def test_cancel_asks_in_words_that_cannot_be_misread(self):
        plan = self._plan(self.year)
        self._tour(
            self._action("gender_equality_plan_action", f"/{plan.id}"),
            "gender_equality_plan_cancel_tour",
            self.officer,
        )
        self.assertEqual(plan.state, "cancelled")

    def test_approval_and_return_are_confirmed(self):
        plan = self._plan(self.year)
        plan.with_user(self.officer).action_submit()
        self._tour(
            self._action("gender_equality_plan_action", f"/{plan.id}"),
            "gender_equality_plan_approve_tour",
            self.head,
        )
        self.assertEqual(
            plan.approval_stage_id, self.env.ref(PREFIX + "gender_equality_approval_stage_plan_department")
        )
        self._tour(
            self._action("gender_equality_plan_action", f"/{plan.id}"),
            "gender_equality_plan_return_feedback_tour",
            self.department,
        )
        self.assertEqual(plan.state, "returned")

    def test_drafted_activities_are_not_carried_out(self):
        draft = self._plan(self.year)
        approved = self._approved_plan(self.year + 1)
        self._tour(
            self._action("gender_equality_plan_action", f"/{draft.id}"),
            "gender_equality_task_draft_tour",
            self.officer,
        )
        self._tour(
            self._action("gender_equality_plan_action", f"/{approved.id}"),
            "gender_equality_task_execution_tour",
            self.officer,
        )

    def test_plan_kanban_cannot_change_a_status(self):
        self._plan(self.year)
        self._approved_plan(self.year + 1)
        self._tour(
            self._action("gender_equality_plan_action", "?view_type=kanban"),
            "gender_equality_plan_kanban_tour",
            self.officer,
        )

    def test_inspection_answers_and_corrective_actions(self):
        checklist = self.env["gender.equality.checklist"].create({"name": "Bảng kiểm thử", "code": "TOUR-CL"})
        section = self.env["gender.equality.checklist.section"].create(
            {"checklist_id": checklist.id, "name": "Kế hoạch", "sequence": 1}
        )
        self.env["gender.equality.checklist.item"].create(
            [
                {
                    "checklist_id": checklist.id,
                    "section_id": section.id,
                    "sequence": sequence,
                    "question": question,
                    "weight": 1,
                    "is_mandatory": True,
                    "requires_action": True,
                }
                for sequence, question in enumerate(
                    ("Kế hoạch năm đã được phê duyệt?", "Đã tổ chức hai cuộc truyền thông?"), start=1
                )
            ]
        )
        inspection = self._inspection(checklist)
        self._tour(
            self._action("gender_equality_inspection_action", f"/{inspection.id}"),
            "gender_equality_inspection_tour",
            self.inspector,
        )
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.line_ids.sorted("sequence").mapped("answer_yes_no"), ["no", "yes"])
        self.assertIn("Đơn vị thực hiện cơ bản đầy đủ.", inspection.conclusion)
        self.assertEqual(len(inspection.corrective_action_ids), 1)


@tagged("post_install", "-at_install")
class TestUiToursPhone(TestUiTours):
    """The same tours on a phone: the tables of activities, answers and corrective actions are
    cards there (Odoo switches an x2many to its kanban sub-view on a small screen)."""

    browser_size = "390x844"
    touch_enabled = True
    # Odoo's loader runs inherited test methods only when asked to.
    allow_inherited_tests_method = True
