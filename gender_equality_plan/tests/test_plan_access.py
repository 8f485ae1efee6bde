# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestPlanAccess(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "bien-ban.pdf",
                "raw": b"%PDF",
                "res_model": "gender.equality.task",
                "res_id": cls.task_dissemination.id,
            }
        )
        cls.task_dissemination.attachment_ids = cls.attachment

    def test_other_unit_does_not_find_the_plan(self):
        self.assertFalse(self.Plan.with_user(self.user_b).search([("id", "=", self.plan.id)]))

    def test_other_unit_cannot_read_the_plan(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_b).read(["name"])

    def test_other_unit_cannot_write_the_plan(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.manager_b).write({"description": "<p>x</p>"})

    def test_unit_cannot_create_a_plan_for_another_unit(self):
        with self.assertRaises(AccessError):
            self.Plan.with_user(self.user_b).create({"unit_id": self.unit_a.id, "year": 2030})

    def test_other_unit_does_not_find_the_activities(self):
        self.assertFalse(self.Task.with_user(self.user_b).search([("plan_id", "=", self.plan.id)]))

    def test_other_unit_cannot_read_an_activity(self):
        with self.assertRaises(AccessError):
            self.task_dissemination.with_user(self.user_b).read(["name"])

    def test_other_unit_cannot_write_an_activity(self):
        with self.assertRaises(AccessError):
            self.task_dissemination.with_user(self.user_b).write({"participants_male": 3})

    def test_read_group_counts_only_own_units(self):
        groups = self.Task.with_user(self.user_b)._read_group([], ["unit_id"], ["__count"])
        self.assertNotIn(self.unit_a, [unit for unit, _count in groups])
        groups = self.Task.with_user(self.user_a)._read_group([], ["unit_id"], ["__count"])
        self.assertEqual(dict(groups)[self.unit_a], 3)

    def test_other_unit_cannot_read_the_evidence(self):
        with self.assertRaises(AccessError):
            self.attachment.with_user(self.user_b).read(["name"])

    def test_other_unit_does_not_find_the_evidence(self):
        found = self.env["ir.attachment"].with_user(self.user_b).search([("id", "=", self.attachment.id)])
        self.assertFalse(found)

    def test_own_unit_reads_the_evidence(self):
        self.assertEqual(self.attachment.with_user(self.user_a).read(["name"])[0]["name"], "bien-ban.pdf")

    def test_other_unit_does_not_read_the_reviews(self):
        self._submit()
        reviews = self.Review.with_user(self.user_b).search([("res_id", "=", self.plan.id)])
        self.assertFalse(reviews)

    def test_inspector_reads_every_plan(self):
        self.assertEqual(self.plan.with_user(self.inspector).task_ids, self.plan.task_ids)

    def test_inspector_cannot_write(self):
        with self.assertRaises(AccessError):
            self.task_dissemination.with_user(self.inspector).write({"participants_male": 3})

    def test_department_officer_reads_but_cannot_write(self):
        self.assertTrue(self.plan.with_user(self.dept_user).read(["name"]))
        with self.assertRaises(AccessError):
            self.plan.with_user(self.dept_user).write({"description": "<p>x</p>"})

    def test_department_manager_edits_every_plan(self):
        self.Task.with_user(self.dept_manager).create(
            {**self._task_vals("Kiểm tra", date(2026, 9, 1)), "plan_id": self.plan.id}
        )
        self.assertEqual(self.plan.task_count, 4)

    def test_plan_status_changes_only_through_actions(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_a).write({"state": "approved"})
        self.assertEqual(self.plan.state, "draft")

    def test_approval_data_changes_only_through_actions(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.dept_manager).write({"last_return_reason": "x"})

    def test_activity_status_changes_only_through_actions(self):
        with self.assertRaises(AccessError):
            self.task_dissemination.with_user(self.user_a).write({"state": "done"})

    def test_other_unit_cannot_add_an_activity_to_the_plan(self):
        with self.assertRaises(AccessError):
            self.Task.with_user(self.user_b).create(
                {**self._task_vals("Xâm nhập", date(2026, 5, 1)), "plan_id": self.plan.id}
            )
