# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from freezegun import freeze_time

from odoo.tests import tagged

from .report_common import ReportCommon

REQUIRED_KEYS = {
    "year",
    "units_expected",
    "reports_submitted",
    "reports_accepted",
    "reports_on_time",
    "reports_late",
    "reports_missing",
    "units_with_two_dissemination_sessions",
    "units_with_action_month_plan",
    "units_with_action_month_activity",
    "participants_male",
    "participants_female",
    "inspections_by_type",
    "corrective_actions_open",
    "corrective_actions_overdue",
}


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestKpiSummary(ReportCommon):
    """Unit A reports on time and is accepted; unit B's report reaches the Department late and is
    not accepted yet; unit C does not report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_a = cls._new_report()
        cls._submit_at(cls.report_a, "2026-12-05 03:00:00")
        cls._accept(cls.report_a)
        cls.report_b = cls._new_report(cls.unit_b)
        cls._submit_at(cls.report_b, "2026-12-12 03:00:00")

    def setUp(self):
        super().setUp()
        self.summary = self.Report.with_user(self.dept_user).get_kpi_summary(2026)

    def test_required_keys_and_json(self):
        self.assertLessEqual(REQUIRED_KEYS, self.summary.keys())
        self.assertEqual(json.loads(json.dumps(self.summary)), self.summary)

    def test_completeness_and_timeliness(self):
        expected = {
            "year": 2026,
            "units_expected": 3,
            "reports_submitted": 2,
            "reports_accepted": 1,
            "reports_on_time": 1,
            "reports_late": 1,
            "reports_missing": 1,
        }
        self.assertEqual({key: self.summary[key] for key in expected}, expected)

    def test_activity_objectives(self):
        # A's staff received the two sessions A held for them; B's report is not accepted.
        self.assertEqual(self.summary["units_with_two_dissemination_sessions"], 1)
        self.assertEqual(self.summary["staff_sessions"], 2)
        # Plans: A and B have an approved plan with an Action-Month activity.
        self.assertEqual(self.summary["units_with_action_month_plan"], 2)
        self.assertEqual(self.summary["units_with_action_month_activity"], 1)

    def test_participants_of_accepted_reports_only(self):
        # The late report of B is not accepted: its session does not count.
        self.assertEqual(self.summary["participants_male"], 10 + 5 + 3)
        self.assertEqual(self.summary["participants_female"], 20 + 7 + 4)

    def test_inspections_and_corrective_actions(self):
        # Both inspections wait for their approval: only approved inspections count.
        self.assertEqual(
            self.summary["inspections_by_type"], {"self": 0, "inspection": 0, "audit": 0, "supervision": 0}
        )
        self.inspection_a.with_user(self.manager_a).action_approve()
        self.inspection_a.with_user(self.dept_manager).action_approve()
        summary = self.Report.get_kpi_summary(2026)
        self.assertEqual(
            summary["inspections_by_type"], {"self": 1, "inspection": 0, "audit": 0, "supervision": 0}
        )
        self.assertEqual(self.summary["corrective_actions_open"], 2)
        self.assertEqual(self.summary["corrective_actions_overdue"], 1)

    def test_awareness_against_2025(self):
        self.assertEqual(self.summary["awareness_rate"], 60.0)
        self.assertEqual(self.summary["awareness_baseline_rate"], 50.0)
        self.assertEqual(self.summary["awareness_change_points"], 10.0)
        self.assertEqual(self.summary["awareness_change_percent"], 20.0)

    def test_indicator_set_of_confirmed_statuses(self):
        self.assertEqual(self.summary["units_indicator_concerned"], 2)
        self.assertEqual(self.summary["units_indicator_pilot"], 1)
        self.assertEqual(self.summary["units_indicator_official"], 1)

    def test_objectives(self):
        objectives = {objective["kind"]: objective for objective in self.summary["objectives"]}
        self.assertEqual(
            [objective["code"] for objective in self.summary["objectives"]],
            ["II.2.1", "II.2.2", "II.2.3", "II.2.4"],
        )
        self.assertEqual(
            (objectives["dissemination"]["value"], objectives["dissemination"]["target"]), (33.3, 100.0)
        )
        self.assertFalse(objectives["dissemination"]["achieved"])
        # Awareness: 50% in 2025, 60% in 2026 for the same unit and target group: +10 points, a
        # trend: the target is judged in 2030.
        self.assertEqual(objectives["awareness"]["value"], 10.0)
        self.assertEqual(objectives["awareness"]["unit"], "points")
        self.assertFalse(objectives["awareness"]["applicable"])
        self.assertFalse(objectives["awareness"]["achieved"])
        # Gender Indicator Set: both communication units have a confirmed status (pilot, official).
        self.assertEqual(objectives["indicator_set"]["value"], 100.0)
        self.assertTrue(objectives["indicator_set"]["achieved"])

    def test_totals_by_area_type_and_unit_type(self):
        by_type = {row["activity_type_id"]: row for row in self.summary["by_activity_type"]}
        self.assertEqual(by_type[self.type_dissemination.id]["count"], 2)
        self.assertEqual(sum(row["count"] for row in self.summary["by_area"]), 3)
        by_unit_type = {row["unit_type"]: row for row in self.summary["by_unit_type"]}
        self.assertEqual(by_unit_type["health_centre"]["units_expected"], 2)
        self.assertEqual(by_unit_type["health_centre"]["reports_missing"], 1)

    def test_unit_rows(self):
        rows = {row["unit_id"]: row for row in self.summary["units"]}
        self.assertEqual(rows[self.unit_a.id]["timeliness"], "on_time")
        self.assertEqual(rows[self.unit_a.id]["received_day"], "2026-12-05")
        self.assertEqual(rows[self.unit_b.id]["timeliness"], "late")
        self.assertEqual(rows[self.unit_b.id]["days_late"], 2)
        self.assertEqual(rows[self.unit_c.id]["report_state"], "missing")
        self.assertEqual(rows[self.unit_c.id]["deadline"], "2026-12-10")
        self.assertNotIn(self.department.id, rows)

    def test_other_year_has_nothing_of_2026(self):
        summary = self.Report.get_kpi_summary(2027)
        self.assertEqual(summary["participants_male"], 0)
        self.assertEqual(summary["reports_missing"], 3)

    def test_unit_user_gets_only_their_units(self):
        summary = self.Report.with_user(self.user_b).get_kpi_summary(2026)
        self.assertEqual(summary["units_expected"], 1)
        self.assertEqual([row["unit_id"] for row in summary["units"]], [self.unit_b.id])
        self.assertEqual(summary["participants_male"], 0, "the report of B is not accepted yet")

    def test_dashboard_shows_completeness_and_objectives(self):
        dashboard = self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        self.assertEqual((dashboard.units_expected, dashboard.reports_missing), (3, 1))
        self.assertEqual(dashboard.objective_1_rate, 33.3)
        self.assertEqual(dashboard.timeliness_rate, 33.3)
        self.assertIn("Unit C", dashboard.units_html)
        self.assertIn("Health centre", dashboard.units_html)
        self.assertIn("II.2.1", dashboard.objectives_html)
        self.assertIn("Not achieved", dashboard.objectives_html)
        self.assertIn(self.area_information.display_name, dashboard.participants_html)
        self.assertIn(self.funding_state.name, dashboard.budget_html)
        self.assertIn("10/12/2026", dashboard.timeliness_rule)
        self.assertEqual(dashboard.display_name, "Consolidation 2026")
        action = dashboard.action_open_reports()
        self.assertEqual(self.Report.search(action["domain"]), self.report_a | self.report_b)

    def test_cancelled_report_is_missing(self):
        report_c = self._new_report(self.unit_c, self.user_c)
        report_c.with_user(self.user_c).action_cancel()
        self.assertEqual(self.Report.get_kpi_summary(2026)["reports_missing"], 1)


@tagged("post_install", "-at_install")
class TestKpiSummaryQueries(ReportCommon):
    def _query_count(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.Report.get_kpi_summary(2026)
        return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_the_units(self):
        self.Report.get_kpi_summary(2026)  # warm the caches of the registry
        queries = self._query_count()
        more = self.Unit.create(
            [
                {"name": f"Unit {index}", "code": f"TEST-Q{index}", "unit_type": "health_centre"}
                for index in range(5)
            ]
        )
        self.env["gender.equality.awareness.survey"].create(
            [self._survey_vals(unit, 2026, 10) for unit in more]
        )
        self.assertEqual(self._query_count(), queries)
