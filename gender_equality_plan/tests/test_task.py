# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-05-01")
class TestTask(GenderEqualityPlanCommon):
    def _task(self, date_start, date_end=None, **vals):
        return self.Task.with_user(self.user_a).create(
            {**self._task_vals("Hoạt động", date_start, date_end, **vals), "plan_id": self.plan.id}
        )

    # Action Month: 15/11–15/12 of the plan year, both ends inclusive

    def test_action_month_day_before_start(self):
        self.assertFalse(self._task(date(2026, 11, 14)).is_action_month)

    def test_action_month_first_day(self):
        self.assertTrue(self._task(date(2026, 11, 15)).is_action_month)

    def test_action_month_last_day(self):
        self.assertTrue(self._task(date(2026, 12, 15)).is_action_month)

    def test_action_month_day_after_end(self):
        self.assertFalse(self._task(date(2026, 12, 16)).is_action_month)

    # An activity is one of the Action Month when it starts in it or half of its days fall in it
    # (issue 19: touching the window is no longer enough).

    def test_action_month_range_touching_its_first_day_only(self):
        # 1 of its 15 days in the window.
        self.assertFalse(self._task(date(2026, 11, 1), date(2026, 11, 15)).is_action_month)

    def test_action_month_range_mostly_inside_it(self):
        # 16 of its 30 days in the window, started before it.
        self.assertTrue(self._task(date(2026, 11, 1), date(2026, 11, 30)).is_action_month)

    def test_action_month_range_overlapping_end(self):
        self.assertTrue(self._task(date(2026, 12, 15), date(2026, 12, 31)).is_action_month)

    def test_action_month_range_covering_it(self):
        # 31 of its 92 days in the window: a long activity that only covers it.
        self.assertFalse(self._task(date(2026, 10, 1), date(2026, 12, 31)).is_action_month)

    def test_action_month_activity_held_all_year(self):
        self.assertFalse(self._task(date(2026, 1, 1), date(2026, 12, 31)).is_action_month)

    def test_action_month_range_before_it(self):
        self.assertFalse(self._task(date(2026, 10, 1), date(2026, 11, 14)).is_action_month)

    def test_action_month_follows_date_changes(self):
        task = self._task(date(2026, 11, 14))
        task.date_end = date(2026, 11, 15)
        self.assertTrue(task.is_action_month)

    def test_dissemination_follows_the_type(self):
        task = self._task(date(2026, 4, 1), activity_type=self.type_article)
        self.assertFalse(task.is_dissemination)
        task.activity_type_id = self.type_dissemination
        self.assertTrue(task.is_dissemination)

    # Constraints

    def test_end_before_start_is_refused(self):
        with self.assertRaises(ValidationError):
            self._task(date(2026, 4, 2), date(2026, 4, 1))

    def test_actual_end_before_actual_start_is_refused(self):
        task = self._executable_task(date(2026, 4, 1), actual=False)
        with self.assertRaises(ValidationError):
            task.write({"actual_date_start": date(2026, 4, 2), "actual_date_end": date(2026, 4, 1)})

    def test_negative_participants_are_refused(self):
        task = self._executable_task(date(2026, 4, 1))
        with self.assertRaises(ValidationError):
            task.participants_female = -1
        self.assertEqual(task.participants_female, 0)

    def test_dates_outside_the_plan_year_are_refused(self):
        with self.assertRaises(ValidationError):
            self._task(date(2026, 12, 20), date(2027, 1, 5))

    def test_plan_year_change_must_keep_activities_inside(self):
        with self.assertRaises(ValidationError):
            self.plan.with_user(self.user_a).year = 2027

    def test_activity_cannot_move_to_another_plan(self):
        plan_b = self.Plan.create({"unit_id": self.unit_b.id, "year": 2026})
        plan_a_2027 = self.Plan.create({"unit_id": self.unit_a.id, "year": 2027})
        for plan in (plan_b, plan_a_2027):
            with self.assertRaises(UserError):
                self.task_dissemination.with_user(self.user_a).plan_id = plan
        self.assertEqual(self.task_dissemination.plan_id, self.plan)

    def test_plan_with_activities_cannot_change_unit(self):
        with self.assertRaises(UserError):
            self.plan.unit_id = self.unit_b

    # Execution: once the plan is approved

    def _executable_task(self, date_start, activity_type=None, actual=True):
        task = self._task(date_start, activity_type=activity_type)
        self._approve_all()
        if actual:
            task.write({"actual_date_start": date_start, "actual_date_end": date_start})
        return task

    def test_execution_waits_for_the_approval_of_the_plan(self):
        task = self._task(date(2026, 4, 1))
        self.assertFalse(task.can_execute)
        with self.assertRaises(UserError):
            task.action_start()
        with self.assertRaises(UserError):
            task.participants_male = 3
        self.assertEqual((task.state, task.participants_male), ("planned", 0))

    def test_execution_figures_cannot_be_created_with_a_draft_plan(self):
        with self.assertRaises(UserError):
            self._task(date(2026, 4, 1), participants_female=40)

    def test_start_sets_the_actual_start(self):
        task = self._executable_task(date(2026, 4, 1), actual=False)
        self.assertTrue(task.action_start())
        self.assertEqual(task.state, "in_progress")
        self.assertEqual(task.actual_date_start, date(2026, 5, 1))

    def test_done_requires_actual_dates(self):
        task = self._executable_task(date(2026, 4, 1), activity_type=self.type_other, actual=False)
        with self.assertRaises(UserError):
            task.action_done()

    def test_done_requires_participants_when_the_type_asks(self):
        task = self._executable_task(date(2026, 4, 1))
        self.type_dissemination.requires_evidence = False
        with self.assertRaises(UserError):
            task.action_done()
        task.participants_male = 3
        task.action_done()
        self.assertEqual(task.state, "done")

    def test_done_requires_evidence_when_the_type_asks(self):
        task = self._executable_task(date(2026, 4, 1), activity_type=self.type_article)
        with self.assertRaises(UserError):
            task.action_done()
        attachment = self.env["ir.attachment"].create(
            {"name": "bai-viet.pdf", "raw": b"%PDF", "res_model": task._name, "res_id": task.id}
        )
        task.attachment_ids = attachment
        self.assertTrue(task.action_done())

    def test_done_activity_cannot_be_cancelled(self):
        task = self._executable_task(date(2026, 4, 1), activity_type=self.type_other)
        task.action_done()
        with self.assertRaises(UserError):
            task.action_cancel()

    def test_planned_activity_can_be_cancelled_while_the_plan_is_prepared(self):
        task = self._task(date(2026, 4, 1))
        task.action_cancel()
        self.assertEqual(task.state, "cancelled")

    def test_overdue_is_searchable(self):
        late = self._task(date(2026, 2, 1))
        self.assertTrue(late.is_overdue)
        overdue = self.Task.search([("plan_id", "=", self.plan.id), ("is_overdue", "=", True)])
        # The plan's session of 5/3 is overdue too on 1/5; those of 20/10 and 16/11 are not.
        self.assertEqual(overdue, late | self.task_dissemination)
        late.action_cancel()
        self.assertFalse(late.is_overdue)
