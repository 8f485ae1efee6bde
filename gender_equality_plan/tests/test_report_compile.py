# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
class TestReportCompile(ReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._new_report()
        cls.report.with_user(cls.user_a).action_compile()

    def _line(self, key, section=None):
        lines = self.report.line_ids.filtered(lambda line: line.key == key)
        if section:
            lines = lines.filtered(lambda line: line.section == section)
        return lines

    def test_activity_figures_equal_the_units_records(self):
        report = self.report
        self.assertEqual(report.dissemination_count, 2)
        self.assertEqual(report.activity_count, 3)
        self.assertEqual(report.participants_male, 18)
        self.assertEqual(report.participants_female, 31)
        self.assertEqual(report.participants_total, 49)

    def test_action_month_planned_and_held(self):
        self.assertEqual(self.report.action_month_planned, 1)
        self.assertEqual(self.report.action_month_held, 1)

    def test_cancelled_and_other_year_activities_do_not_count(self):
        counted = self.report.compiled_task_ids
        self.assertEqual(len(counted), 3)
        self.assertTrue(all(task.state == "done" and task.plan_year == 2026 for task in counted))

    def test_inspections_findings_and_corrective_actions(self):
        self.assertEqual(self.report.inspection_count, 1)
        self.assertEqual(self._line("inspection_self").value, 1)
        self.assertFalse(self._line("inspection_supervision"))
        self.assertEqual(self.report.corrective_open_count, 1)
        self.assertEqual(self.report.corrective_overdue_count, 1)
        self.assertEqual(self.report.corrective_verified_count, 0)

    def test_indicator_set_and_awareness(self):
        self.assertEqual(self.report.indicator_status, "pilot")
        self.assertEqual(self.report.awareness_rate, 60.0)

    def test_figures_by_area_and_type(self):
        area_lines = self.report.line_ids.filtered(lambda line: line.section == "area")
        self.assertEqual(sum(area_lines.mapped("value")), 3)
        self.assertEqual(self._line(f"area_{self.area_education.id}").value, 1)
        self.assertEqual(self._line(f"type_{self.type_dissemination.id}").value, 2)

    def test_budget_by_funding_source(self):
        used = self._line(f"source_{self.funding_state.id}", "budget")
        self.assertEqual((used.value, used.value_display), (0, "0 đ"))
        planned = self._line(f"source_{self.funding_state.id}", "budget_planned")
        # The plan of unit A: four activities of 1,000,000 đ, one of them cancelled.
        self.assertEqual((planned.value, planned.value_display), (3_000_000, "3.000.000 đ"))

    def test_drill_down_opens_the_counted_records(self):
        action = self._line("dissemination").action_open_source()
        self.assertEqual(action["res_model"], "gender.equality.task")
        tasks = self.env["gender.equality.task"].search(action["domain"])
        self.assertEqual(len(tasks), 2)
        self.assertTrue(all(tasks.mapped("is_dissemination")))

    def test_recompiling_replaces_the_lines(self):
        count = len(self.report.line_ids)
        self.report.with_user(self.user_a).action_compile()
        self.assertEqual(len(self.report.line_ids), count)

    def test_compile_refused_once_submitted(self):
        self.report.with_user(self.user_a).action_submit()
        with self.assertRaises(UserError):
            self.report.with_user(self.user_a).action_compile()

    def test_other_unit_figures_are_its_own(self):
        report_b = self._new_report(self.unit_b)
        report_b.with_user(self.user_b).action_compile()
        self.assertEqual(report_b.dissemination_count, 1)
        self.assertEqual(report_b.action_month_planned, 1)
        self.assertEqual(report_b.action_month_held, 0)
        self.assertEqual(report_b.indicator_status, "official")
