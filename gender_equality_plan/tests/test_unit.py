# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import GenderEqualityCommon


@tagged("post_install", "-at_install")
class TestUnit(GenderEqualityCommon):
    def test_department_is_a_unit_of_type_department(self):
        self.assertEqual(self.department.unit_type, "department")
        self.assertIn(self.unit_a, self.department.child_ids)

    def test_parent_cannot_be_a_descendant(self):
        child = self.Unit.create({"name": "Child", "code": "TEST-A1", "parent_id": self.unit_a.id})
        with self.assertRaises(ValidationError):
            self.unit_a.parent_id = child
        with self.assertRaises(ValidationError):
            self.unit_a.parent_id = self.unit_a

    def test_code_is_unique(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.Unit.create({"name": "Duplicate", "code": "TEST-A"})

    def test_name_search_finds_code(self):
        self.assertIn(self.unit_b, self.Unit.search([("display_name", "ilike", "TEST-B")]))
        found = self.Unit.name_search("TEST-B")
        self.assertEqual([unit_id for unit_id, _name in found], [self.unit_b.id])

    def test_unit_with_records_is_archived_not_deleted(self):
        self.Unit.create({"name": "Child", "code": "TEST-A1", "parent_id": self.unit_a.id})
        with self.assertRaises(UserError):
            self.unit_a.with_user(self.dept_manager).unlink()
        self.assertTrue(self.unit_a.exists())
        self.assertIs(self.unit_a.with_user(self.dept_manager).action_archive(), True)
        self.assertFalse(self.unit_a.active)

    def test_unit_without_records_can_be_deleted(self):
        unit = self.Unit.create({"name": "Empty", "code": "TEST-EMPTY"})
        unit.with_user(self.dept_manager).unlink()
        self.assertFalse(unit.exists())

    def test_heads_of_unit_are_members_with_the_head_role(self):
        self.assertEqual(self.unit_a.manager_ids, self.manager_a)
        self.assertEqual(self.unit_a.member_count, 2)

    def test_user_form_shows_membership_both_ways(self):
        self.assertEqual(self.user_a.gep_unit_ids, self.unit_a)
        self.user_a.gep_unit_ids |= self.unit_b
        self.assertIn(self.user_a, self.unit_b.user_ids)
