# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import GenderEqualityCommon


@tagged("post_install", "-at_install")
class TestGroups(GenderEqualityCommon):
    def _has(self, user, xmlid):
        return user.has_group("gender_equality_plan." + xmlid)

    def test_head_of_unit_implies_unit_officer(self):
        self.assertTrue(self._has(self.manager_a, "group_unit_user"))
        self.assertFalse(self._has(self.user_a, "group_unit_manager"))

    def test_department_manager_implies_department_officer_and_inspector(self):
        self.assertTrue(self._has(self.dept_manager, "group_department_user"))
        self.assertTrue(self._has(self.dept_manager, "group_inspector"))
        self.assertFalse(self._has(self.dept_manager, "group_unit_user"))

    def test_inspector_and_department_officer_imply_nothing_more(self):
        self.assertFalse(self._has(self.inspector, "group_department_user"))
        self.assertFalse(self._has(self.dept_user, "group_inspector"))
        self.assertFalse(self._has(self.dept_user, "group_department_manager"))

    def test_every_role_is_an_internal_user(self):
        for user in (self.user_a, self.inspector, self.dept_user):
            self.assertTrue(user.has_group("base.group_user"))

    def test_groups_share_one_application_category(self):
        category = self.env.ref("gender_equality_plan.module_category_gender_equality")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        self.assertEqual(
            set(groups.get_external_id().values()),
            {
                "gender_equality_plan.group_unit_user",
                "gender_equality_plan.group_unit_manager",
                "gender_equality_plan.group_inspector",
                "gender_equality_plan.group_department_user",
                "gender_equality_plan.group_department_manager",
            },
        )


@tagged("post_install", "-at_install")
class TestUnitAccess(GenderEqualityCommon):
    def test_unit_user_searches_only_their_units(self):
        units = self.Unit.with_user(self.user_a).search([])
        self.assertEqual(units, self.unit_a)

    def test_unit_user_cannot_read_another_unit(self):
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.unit_b.with_user(self.user_a).read(["name"])

    def test_unit_user_read_group_counts_only_their_units(self):
        groups = self.Unit.with_user(self.user_a).read_group([], ["unit_type"], ["unit_type"])
        self.assertEqual([(g["unit_type"], g["unit_type_count"]) for g in groups], [("health_centre", 1)])

    def test_head_of_unit_sees_only_their_units(self):
        self.assertEqual(self.Unit.with_user(self.manager_b).search([]), self.unit_b)

    def test_unit_user_cannot_create_or_edit_units(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Unit.with_user(self.user_a).create({"name": "Mine", "code": "TEST-X"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.unit_a.with_user(self.manager_a).write({"name": "Renamed"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.unit_a.with_user(self.manager_a).unlink()

    def test_inspector_and_department_officer_read_every_unit(self):
        for user in (self.inspector, self.dept_user):
            units = self.Unit.with_user(user).search([])
            self.assertIn(self.unit_a, units)
            self.assertIn(self.unit_b, units)
            self.assertIn(self.department, units)
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.unit_a.with_user(user).write({"name": "Renamed"})

    def test_department_manager_configures_units(self):
        Unit = self.Unit.with_user(self.dept_manager)
        unit = Unit.create({"name": "New centre", "code": "TEST-NEW", "parent_id": self.department.id})
        unit.write({"user_ids": [Command.link(self.user_b.id)], "unit_type": "provincial_centre"})
        self.assertEqual(unit.unit_type, "provincial_centre")
        self.assertIn(unit, self.Unit.with_user(self.user_b).search([]))
