# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-12-01 03:00:00")
class TestHome(ReportCommon):
    """Each role's "My work" home counts the right records, with the user's own rights."""

    def _home(self, user):
        return self.env["gender.equality.home"].with_user(user).create({})

    def _listed(self, home, counter):
        action = home.with_context(gep_counter=counter).action_open_list()
        return self.env[action["res_model"]].with_user(home.env.user).search(action["domain"])

    def test_unit_officer_sees_what_their_unit_owes(self):
        plan_c = self.Plan.with_user(self.user_c).create({"unit_id": self.unit_c.id, "year": 2026})
        home = self._home(self.user_c)
        self.assertEqual(home.plans_to_submit_count, 1)
        self.assertEqual(self._listed(home, "plans_to_submit"), plan_c)
        home = self._home(self.user_b)
        self.assertEqual(home.year, 2026)
        self.assertEqual(home.plans_to_submit_count, 0, "the plan of unit B is approved")
        self.assertEqual(home.tasks_overdue_count, 1)
        self.assertEqual(self._listed(home, "tasks_overdue").name, "Tháng hành động B")
        self.assertEqual((home.actions_due_count, home.actions_overdue_count), (1, 0))

    def test_unit_officer_never_sees_another_unit(self):
        home = self._home(self.user_a)
        self.assertEqual(home.plans_to_submit_count, 0)
        self.assertEqual((home.actions_due_count, home.actions_overdue_count), (1, 1))
        for counter in ("plans_to_submit", "tasks_overdue", "reports_due", "actions_due", "actions_overdue"):
            self.assertFalse(self._listed(home, counter).unit_id - self.unit_a, counter)

    def test_report_due_with_days_left_to_the_deadline(self):
        report = self._new_report(self.unit_a, self.user_a)
        home = self._home(self.user_a)
        self.assertEqual(home.reports_due_count, 1)
        self.assertEqual(self._listed(home, "reports_due"), report)
        self.assertEqual(str(home.report_deadline), "2026-12-10")
        self.assertEqual(home.report_days_left, 9)
        self.assertIn("10/12/2026", home.report_deadline_message)

    def test_head_of_unit_sees_what_waits_for_their_approval(self):
        report = self._new_report(self.unit_a, self.user_a)
        report.with_user(self.user_a).action_submit()
        self.assertEqual(self._home(self.manager_a).reports_to_approve_count, 1)
        self.assertEqual(self._listed(self._home(self.manager_a), "reports_to_approve"), report)
        self.assertEqual(self._home(self.manager_b).reports_to_approve_count, 0)
        # The submitter's own home does not ask them to approve.
        self.assertEqual(self._home(self.user_a).reports_to_approve_count, 0)

    def test_inspector_sees_planned_open_inspections_and_actions_to_verify(self):
        Inspection = self.env["gender.equality.inspection"]
        planned = Inspection.create(
            {"unit_id": self.unit_b.id, "inspection_type": "inspection", "year": 2026}
        )
        running = Inspection.create(
            {"unit_id": self.unit_a.id, "inspection_type": "supervision", "year": 2026}
        )
        running.action_start()
        home = self._home(self.inspector)
        self.assertIn(planned, self._listed(home, "inspections_planned"))
        self.assertEqual(self._listed(home, "inspections_open"), running)
        self.assertEqual(home.actions_to_verify_count, 0)
        self.assertEqual(home.plans_to_submit_count, 0, "an inspector owes no plan")

    def test_department_sees_completeness_timeliness_and_objectives(self):
        report_a = self._new_report(self.unit_a, self.user_a)
        self._submit_at(report_a, "2026-11-30 03:00:00")
        self._accept(report_a)
        home = self._home(self.dept_user)
        summary = self.Report.with_user(self.dept_user).get_kpi_summary(2026)
        self.assertEqual(home.units_expected, 3)
        self.assertEqual(home.reports_missing, summary["reports_missing"])
        self.assertEqual(home.reports_missing, 2)
        objectives = {objective["kind"]: objective["value"] for objective in summary["objectives"]}
        self.assertAlmostEqual(home.objective_1_rate, objectives["dissemination"])
        self.assertGreater(home.objective_1_rate, 0)
        action = home.action_open_consolidation()
        self.assertEqual(self.env[action["res_model"]].browse(action["res_id"]).year, 2026)

    def test_unit_officer_home_has_no_department_figures(self):
        home = self._home(self.user_a)
        self.assertEqual((home.units_expected, home.reports_missing), (0, 0))

    def test_app_opens_on_the_home(self):
        action = self.env["gender.equality.home"].with_user(self.user_a).action_open_home()
        self.assertEqual(action["res_model"], "gender.equality.home")
        root = self.env.ref("gender_equality_plan.gender_equality_menu_root")
        self.assertEqual(root.action, self.env.ref("gender_equality_plan.gender_equality_home_action"))
