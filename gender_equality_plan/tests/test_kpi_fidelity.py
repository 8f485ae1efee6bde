# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Department's figures mean what the plan means (section II.2 and V). Each test is a case
that the former rules counted differently."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestKpiFidelity(ReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Objective = cls.env["gender.equality.objective"]
        cls.report_a = cls._new_report()
        cls._submit_at(cls.report_a, "2026-12-05 03:00:00")
        cls._accept(cls.report_a)

    def _summary(self, year=2026):
        return self.Report.with_user(self.dept_user).get_kpi_summary(year)

    def _objective(self, kind, summary=None):
        return next(row for row in (summary or self._summary())["objectives"] if row["kind"] == kind)

    # ------------------------------------------------------------
    # The objectives are configuration, not constants
    # ------------------------------------------------------------

    def test_changing_a_target_in_configuration_changes_the_figures(self):
        self.assertEqual(self._summary()["units_with_two_dissemination_sessions"], 1)
        self.Objective._get_by_kind()["dissemination"].with_user(self.dept_manager).target_value = 3
        summary = self._summary()
        self.assertEqual((summary["min_sessions"], summary["units_with_two_dissemination_sessions"]), (3, 0))
        self.assertEqual(self._objective("dissemination", summary)["value"], 0.0)

    def test_awareness_measured_as_configured(self):
        awareness = self.Objective._get_by_kind()["awareness"].with_user(self.dept_manager)
        self.assertEqual(self._objective("awareness")["value"], 10.0)  # 50% → 60%: +10 points
        awareness.awareness_measure = "relative"
        objective = self._objective("awareness")
        self.assertEqual((objective["value"], objective["unit"]), (20.0, "%"))  # +10 / 50
        awareness.target_value = 25
        self.assertFalse(self._objective("awareness")["achieved"])

    def test_renumbering_an_objective_does_not_break_the_figures(self):
        self.Objective._get_by_kind()["dissemination"].with_user(self.dept_manager).code = "MT1"
        objective = self._objective("dissemination")
        self.assertEqual((objective["code"], objective["value"]), ("MT1", 33.3))

    def test_plan_warnings_follow_the_objective(self):
        self.Objective._get_by_kind()["dissemination"].with_user(self.dept_manager).write(
            {"code": "MT1", "target_value": 5}
        )
        plan = self.Plan.with_user(self.user_c).create(
            {
                "unit_id": self.unit_c.id,
                "year": 2027,
                "task_ids": [Command.create(self._task_vals("Phổ biến", date(2027, 3, 1)))],
            }
        )
        self.assertIn("MT1", plan.warning_message)
        self.assertIn("5", plan.warning_message)

    # ------------------------------------------------------------
    # Target 1: sessions the staff RECEIVED
    # ------------------------------------------------------------

    def test_session_attended_counts_for_the_attending_unit(self):
        """The Department holds a session for the sector; unit B's staff attend it: it counts for
        B (not organised by B), not for the Department."""
        dept_plan = self.Plan.create(
            {
                "unit_id": self.department.id,
                "year": 2026,
                "task_ids": [Command.create(self._task_vals("Tập huấn toàn ngành", date(2026, 9, 1)))],
            }
        )
        dept_plan.write({"state": "approved"})  # as the superuser: its approval is not the point
        session = dept_plan.task_ids
        session.with_user(self.dept_manager).write(
            {
                "actual_date_start": date(2026, 9, 1),
                "actual_date_end": date(2026, 9, 1),
                "participants_male": 30,
                "participants_female": 40,
                "attending_unit_ids": [Command.set(self.unit_b.ids)],
                "attachment_ids": [Command.create({"name": "bien-ban.pdf", "raw": b"minutes"})],
            }
        )
        session.with_user(self.dept_manager).action_done()
        report_b = self._new_report(self.unit_b)
        report_b.with_user(self.user_b).action_compile()
        staff_line = report_b.line_ids.filtered(lambda line: line.key == "staff_sessions")
        # B held one session for its staff and attended the Department's: two received.
        self.assertEqual(staff_line.value, 2)
        self.assertIn(session.id, staff_line.source_ids)
        self.assertEqual(report_b.staff_session_count, 2)
        self.assertEqual(report_b.dissemination_count, 1, "sessions B held itself")

    def test_session_for_patients_is_not_a_session_for_the_staff(self):
        session = self.plan_b.task_ids[0]
        self.assertTrue(session.is_staff_session)
        self.plan_b.sudo().task_ids[0].target_group = "patients_families"
        report_b = self._new_report(self.unit_b)
        report_b.with_user(self.user_b).action_compile()
        self.assertEqual((report_b.staff_session_count, report_b.dissemination_count), (0, 1))

    def test_campaign_months_are_not_sessions_by_default(self):
        wizard = (
            self.env["gender.equality.prepare.year.wizard"]
            .with_user(self.dept_manager)
            .create({"year": 2030, "unit_ids": [Command.set(self.unit_c.ids)]})
        )
        wizard.action_prepare()
        plan = self.Plan.search([("unit_id", "=", self.unit_c.id), ("year", "=", 2030)])
        months = self.env.ref("gender_equality_plan.gender_equality_observance_action_month") | self.env.ref(
            "gender_equality_plan.gender_equality_observance_domestic_violence_month"
        )
        campaigns = plan.task_ids.filtered(lambda task: task.observance_id in months)
        self.assertEqual(len(campaigns), 2)
        self.assertFalse(any(campaigns.mapped("is_dissemination")))

    # ------------------------------------------------------------
    # Target 2: held in the Action Month, by the actual dates
    # ------------------------------------------------------------

    def test_activity_planned_outside_the_action_month_but_held_inside_counts(self):
        task = self.plan_b.task_ids[0]  # planned and held on 1/4 in the fixture
        self.assertFalse(task.is_action_month)
        task.sudo().write({"actual_date_start": date(2026, 11, 20), "actual_date_end": date(2026, 11, 21)})
        self.assertTrue(task.is_held_in_action_month)
        self.assertFalse(task.is_action_month, "the planned flag follows the planned dates")
        report_b = self._new_report(self.unit_b)
        self._submit_at(report_b, "2026-12-09 03:00:00")
        self._accept(report_b)
        rows = {row["unit_id"]: row for row in self._summary()["units"]}
        self.assertEqual(rows[self.unit_b.id]["action_month_activities"], 1)

    def test_activity_planned_inside_but_held_outside_does_not_count(self):
        task = self.task_action_month_a
        self.assertTrue(task.is_action_month)
        task.sudo().write({"actual_date_start": date(2026, 12, 18), "actual_date_end": date(2026, 12, 18)})
        self.assertFalse(task.is_held_in_action_month)

    def test_action_month_window_comes_from_the_observance(self):
        task = self.task_action_month_a  # planned 16-20/11, held 16/11
        observance = self.env.ref("gender_equality_plan.gender_equality_observance_action_month")
        observance.with_user(self.dept_manager).write({"day_start": 17})
        self.assertFalse(task.is_held_in_action_month)
        self.assertTrue(task.is_action_month, "the planned dates still overlap 17/11-15/12")
        observance.with_user(self.dept_manager).write({"day_start": 21})
        self.assertFalse(task.is_action_month)
        observance.with_user(self.dept_manager).write({"day_start": 15})
        self.assertTrue(task.is_held_in_action_month)
        self.assertTrue(task.is_action_month)

    # ------------------------------------------------------------
    # Target 4: over the communication units, confirmed statuses only
    # ------------------------------------------------------------

    def test_unit_without_a_status_counts_against_the_target(self):
        self.unit_c.has_communication_duty = True
        objective = self._objective("indicator_set")
        self.assertEqual(objective["value"], 66.7)  # A and B apply the set, C has no status
        self.assertFalse(objective["achieved"])

    def test_unconfirmed_status_does_not_count(self):
        self.unit_c.has_communication_duty = True
        status = (
            self.env["gender.equality.indicator.status"]
            .with_user(self.user_c)
            .create(
                {
                    "unit_id": self.unit_c.id,
                    "year": 2026,
                    "status": "official",
                    "attachment_ids": [Command.create({"name": "qd.pdf", "raw": b"%PDF"})],
                }
            )
        )
        status.action_submit()
        self.assertEqual(self._summary()["units_indicator_official"], 1)
        status.with_user(self.dept_user).action_approve()
        self.assertEqual(self._summary()["units_indicator_official"], 2)
        self.assertEqual(self._objective("indicator_set")["value"], 100.0)

    def test_status_needs_evidence_to_be_submitted(self):
        status = (
            self.env["gender.equality.indicator.status"]
            .with_user(self.user_c)
            .create({"unit_id": self.unit_c.id, "year": 2026, "status": "pilot"})
        )
        with self.assertRaises(UserError) as caught:
            status.action_submit()
        self.assertIn("evidence", str(caught.exception))

    def test_indicator_set_is_not_due_before_the_milestone(self):
        objective = self._objective("indicator_set", self._summary(2024))
        self.assertFalse(objective["applicable"])
        self.assertFalse(objective["achieved"])

    def test_from_the_target_year_only_an_official_application_counts(self):
        self.Objective._get_by_kind()["indicator_set"].with_user(self.dept_manager).target_year = 2026
        self.assertEqual(self._objective("indicator_set")["value"], 50.0)  # B official, A pilot

    # ------------------------------------------------------------
    # Money and documents
    # ------------------------------------------------------------

    def test_budget_by_funding_source(self):
        [state_budget] = [
            row
            for row in self._summary()["budget_by_source"]
            if row["funding_source_id"] == self.funding_state.id
        ]
        # The plan of A: three activities of 1,000,000 đ (a fourth was cancelled); none cost anything yet.
        self.assertEqual((state_budget["planned"], state_budget["actual"]), (3_000_000, 0))

    def test_report_prints_its_action_month_supplement(self):
        with freeze_time("2026-12-16 03:00:00"):
            supplement = (
                self.env["gender.equality.report.supplement"]
                .with_user(self.user_a)
                .create(
                    {"report_id": self.report_a.id, "date": "2026-12-16", "note": "<p>Mít tinh bổ sung</p>"}
                )
            )
            supplement.action_submit()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("gender_equality_plan.report_unit_report", self.report_a.ids)[0]
            .decode()
        )
        self.assertIn("Bổ sung kết quả Tháng hành động", html)
        self.assertIn("Mít tinh bổ sung", html)

    def test_document_number_from_the_unit_sequence_and_overridable(self):
        self.assertEqual(self.report_a.document_number, "01/BC-TEST-A")
        report_2027 = self._new_report(year=2027)
        report_2027.with_user(self.user_a).document_number = "15/BC-TTYT"
        self._submit_at(report_2027, "2027-12-01 03:00:00")
        self.assertEqual(report_2027.document_number, "15/BC-TTYT")
        report_b = self._new_report(self.unit_b)
        self._submit_at(report_b, "2026-12-01 03:00:00")
        self.assertEqual(report_b.document_number, "01/BC-TEST-B")
