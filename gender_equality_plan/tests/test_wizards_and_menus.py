# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.tests import tagged

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestInspectionPlanWizardDefaults(InspectionCommon):
    """The annual inspection plan proposes dates to come and labels what it asks."""

    def _wizard(self):
        return self.env["gender.equality.inspection.plan.wizard"].with_user(self.inspector).new({})

    def test_before_march_it_proposes_the_first_of_march(self):
        with freeze_time("2026-01-15"):
            wizard = self._wizard()
            self.assertEqual((wizard.year, wizard.first_date), (2026, date(2026, 3, 1)))

    def test_later_in_the_year_it_proposes_tomorrow(self):
        with freeze_time("2026-12-01"):
            wizard = self._wizard()
            self.assertEqual((wizard.year, wizard.first_date), (2026, date(2026, 12, 2)))

    def test_on_the_last_day_it_proposes_next_year(self):
        with freeze_time("2026-12-31"):
            wizard = self._wizard()
            self.assertEqual((wizard.year, wizard.first_date), (2027, date(2027, 3, 1)))

    def test_every_field_is_labelled(self):
        arch = etree.fromstring(
            self.env["gender.equality.inspection.plan.wizard"].get_views([(False, "form")])["views"]["form"][
                "arch"
            ]
        )
        for field in arch.xpath("//field[not(@invisible)]"):
            with self.subTest(field=field.get("name")):
                self.assertTrue(field.xpath("ancestor::group"), "a field outside a group has no label")


@tagged("post_install", "-at_install")
class TestInspectionCompareDefaults(InspectionCommon):
    def test_opens_on_the_users_own_unit(self):
        Compare = self.env["gender.equality.inspection.compare"]
        self.assertEqual(Compare.with_user(self.user_b).new({}).unit_id, self.unit_b)
        self.assertEqual(Compare.with_user(self.manager_a).new({}).unit_id, self.unit_a)

    def test_a_health_unit_comes_before_the_department(self):
        self.unit_b.user_ids |= self.dept_user
        self.assertEqual(
            self.env["gender.equality.inspection.compare"].with_user(self.dept_user).new({}).unit_id,
            self.unit_b,
        )


@tagged("post_install", "-at_install")
class TestMenus(InspectionCommon):
    def test_no_two_menus_open_the_same_thing(self):
        root = self.env.ref("gender_equality_plan.gender_equality_menu_root")
        menus = self.env["ir.ui.menu"].search(
            [("id", "child_of", root.id), ("id", "!=", root.id), ("action", "!=", False)]
        )
        actions = [(menu.action._name, menu.action.id) for menu in menus]
        duplicates = {action for action in actions if actions.count(action) > 1}
        self.assertFalse(
            menus.filtered(lambda menu: (menu.action._name, menu.action.id) in duplicates).mapped(
                "complete_name"
            )
        )
