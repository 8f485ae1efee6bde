# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestPlanLock(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan(cls.plan)
        cls.task = cls.task_dissemination.with_user(cls.user_a)

    def test_planned_name_is_locked(self):
        with self.assertRaises(UserError):
            self.task.name = "Tên khác"

    def test_planned_dates_are_locked(self):
        with self.assertRaises(UserError):
            self.task.date_end = date(2026, 3, 6)

    def test_planned_budget_is_locked(self):
        with self.assertRaises(UserError):
            self.task.planned_budget = 5_000_000

    def test_area_is_locked(self):
        with self.assertRaises(UserError):
            self.task.area_id = self.area_education

    def test_no_new_activity_in_approved_plan(self):
        with self.assertRaises(UserError):
            self.Task.with_user(self.user_a).create(
                {**self._task_vals("Mới", date(2026, 4, 1)), "plan_id": self.plan.id}
            )

    def test_no_activity_deleted_from_approved_plan(self):
        with self.assertRaises(UserError):
            self.task.unlink()

    def test_execution_fields_stay_editable(self):
        evidence = self.env["ir.attachment"].create(
            {"name": "anh.jpg", "raw": b"jpg", "res_model": self.task._name, "res_id": self.task.id}
        )
        self.task.write(
            {
                "actual_date_start": date(2026, 3, 5),
                "actual_date_end": date(2026, 3, 5),
                "participants_male": 12,
                "participants_female": 30,
                "actual_cost": 900_000,
                "attachment_ids": [Command.set(evidence.ids)],
            }
        )
        self.task.action_done()
        self.assertEqual(self.task.state, "done")
        self.assertEqual(self.task.participants_total, 42)

    def test_reopened_plan_is_editable_again(self):
        self.plan.with_user(self.dept_manager).action_reopen("Điều chỉnh")
        self.task.name = "Tên mới"
        self.assertEqual(self.task.name, "Tên mới")
