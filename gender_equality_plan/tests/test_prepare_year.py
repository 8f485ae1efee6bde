# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .plan_common import GenderEqualityPlanCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestPrepareYear(GenderEqualityPlanCommon):
    def _prepare(self, year, units):
        wizard = (
            self.env["gender.equality.prepare.year.wizard"]
            .with_user(self.dept_manager)
            .create({"year": year, "unit_ids": [Command.set(units.ids)]})
        )
        return wizard.action_prepare()

    def test_default_year_is_next_year_from_october(self):
        wizard = self.env["gender.equality.prepare.year.wizard"].with_user(self.dept_manager).create({})
        self.assertEqual(wizard.year, 2027)
        self.assertNotIn(self.department, wizard.unit_ids)

    def test_prepares_plans_with_suggested_activities(self):
        self._prepare(2027, self.unit_a | self.unit_b)
        plans = self.Plan.search([("year", "=", 2027), ("unit_id", "in", (self.unit_a | self.unit_b).ids)])
        self.assertEqual(plans.unit_id, self.unit_a | self.unit_b)
        self.assertEqual(set(plans.mapped("state")), {"draft"})
        # The Department's observances (units' own days go to their unit only: test_section_v).
        observances = self.env["gender.equality.observance"].search([("unit_id", "=", False)])
        self.assertEqual(len(plans[0].task_ids), len(observances))
        self.assertTrue(plans[0].action_month_count)
        self.assertTrue(all(task.date_start.year == 2027 for task in plans.task_ids))

    def test_is_idempotent(self):
        self._prepare(2027, self.unit_a | self.unit_b)
        count = self.Plan.search_count([("year", "=", 2027)])
        self._prepare(2027, self.unit_a | self.unit_b)
        self.assertEqual(self.Plan.search_count([("year", "=", 2027)]), count)

    def test_skips_units_with_a_plan(self):
        self._prepare(2026, self.unit_a | self.unit_b)
        self.assertEqual(self.Plan.search_count([("year", "=", 2026), ("unit_id", "=", self.unit_a.id)]), 1)
        self.assertEqual(self.Plan.search_count([("year", "=", 2026), ("unit_id", "=", self.unit_b.id)]), 1)

    def test_skips_archived_units(self):
        self.unit_b.active = False
        self._prepare(2027, self.unit_a | self.unit_b)
        self.assertFalse(self.Plan.search([("year", "=", 2027), ("unit_id", "=", self.unit_b.id)]))

    def test_cron_prepares_next_year(self):
        self.Plan._cron_prepare_next_year()
        self.assertTrue(self.Plan.search([("year", "=", 2027), ("unit_id", "=", self.unit_a.id)]))
        self.assertFalse(self.Plan.search([("year", "=", 2027), ("unit_id", "=", self.department.id)]))
