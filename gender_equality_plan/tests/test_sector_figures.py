# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Figures that survive an audit (issue 19, "numbers that are wrong"): each class is a fixture
that the former rules counted differently, with the number the plan's wording gives."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import BaseCase, new_test_user, tagged
from odoo.tools import SQL

from ..tools import reporting_cycle, sector_document
from .report_common import RESULTS, ReportCommon
from .sector_report_common import SectorReportCommon

GROUPS = "gender_equality_plan."


class DepartmentSessionsCommon(ReportCommon):
    """The Department's own plan of 2026 (approved), whose sessions the tests hold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept_plan = cls.Plan.create({"unit_id": cls.department.id, "year": 2026})
        cls.dept_plan.write({"state": "approved"})  # as the superuser: its approval is not the point

    @classmethod
    def _department_session(cls, name, day, units=None, male=30, female=40, cost=0):
        """A dissemination session of the Department held on ``day``, attended by the staff of
        ``units``."""
        task = cls.Task.create(dict(cls._task_vals(name, day), plan_id=cls.dept_plan.id))
        task.write({"actual_cost": cost, "attending_unit_ids": [Command.set((units or cls.Unit).ids)]})
        cls._done(task, day, male, female)
        return task

    def _summary(self, year=2026, user=None):
        return self.Report.with_user(user or self.dept_user).get_kpi_summary(year)

    def _row(self, unit, summary=None):
        return next(row for row in (summary or self._summary())["units"] if row["unit_id"] == unit.id)


# ------------------------------------------------------------
# 1. Target 1: sessions counted once, units where the text says units
# ------------------------------------------------------------


@tagged("post_install", "-at_install")
@freeze_time("2026-12-21 03:00:00")
class TestStaffSessionsCountedOnce(DepartmentSessionsCommon):
    """The Department held a session for the sector in September, attended by the staff of A and
    B, and another on 12 December (in the Action Month, after the reports) attended by B's staff.
    A (two sessions of its own) and B (one) reported on 5 December and were accepted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.september = cls._department_session(
            "Tập huấn toàn ngành", date(2026, 9, 1), cls.unit_a | cls.unit_b
        )
        cls.report_a = cls._new_report(cls.unit_a)
        cls.report_b = cls._new_report(cls.unit_b)
        for report in (cls.report_a, cls.report_b):
            cls._submit_at(report, "2026-12-05 03:00:00")
            cls._accept(report)
        cls.december = cls._department_session("Hội nghị Tháng hành động", date(2026, 12, 12), cls.unit_b)

    def test_a_department_session_attended_by_units_is_one_session(self):
        summary = self._summary()
        self.assertEqual(self._row(self.unit_a, summary)["staff_sessions"], 3)
        self.assertEqual(self._row(self.unit_b, summary)["staff_sessions"], 2)
        # Units credited: 3 + 2; sessions held: A's two, B's one and the Department's one.
        self.assertEqual(summary["staff_session_credits"], 5)
        self.assertEqual(summary["staff_sessions"], 4)
        text = " ".join(
            block["text"]
            for block in sector_document.SectorReportDocument(2026, summary).figure_blocks()
            if block["kind"] == "paragraph"
        )
        self.assertIn("đã tổ chức 4 cuộc truyền thông, phổ biến cho cán bộ", text)
        self.assertIn("với 5 lượt đơn vị tham dự", text)

    def test_a_supplement_counts_a_session_attended_after_the_report_once(self):
        Supplement = self.env["gender.equality.report.supplement"].with_user(self.user_b)
        supplement = Supplement.create({"report_id": self.report_b.id, "date": "2026-12-21"})
        supplement.action_submit()
        staff = supplement.line_ids.filtered(lambda line: line.key == "staff_sessions")
        self.assertEqual(staff.source_ids, [self.december.id], "not the September session again")
        supplement.with_user(self.dept_user).action_approve()
        summary = self._summary()
        self.assertEqual(self._row(self.unit_b, summary)["staff_sessions"], 3)
        self.assertEqual((summary["staff_sessions"], summary["staff_session_credits"]), (5, 6))
        again = Supplement.create({"report_id": self.report_b.id, "date": "2026-12-21"})
        again.action_compile()
        staff = again.line_ids.filtered(lambda line: line.key == "staff_sessions")
        self.assertEqual((staff.value, staff.source_ids), (0, []), "each session once")


# ------------------------------------------------------------
# 2. The Department's own work is part of the sector's year
# ------------------------------------------------------------


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestDepartmentWork(DepartmentSessionsCommon):
    """Unit A reported and was accepted; the Department held a session of its own (70 people,
    2,000,000 đồng of the state budget) that no unit attended."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_a = cls._new_report(cls.unit_a)
        cls._submit_at(cls.report_a, "2026-12-05 03:00:00")
        cls._accept(cls.report_a)
        cls.session = cls._department_session("Hội nghị của Sở", date(2026, 9, 1), cost=2_000_000)

    def test_the_department_activities_count_in_the_sector_totals(self):
        summary = self._summary()
        self.assertEqual(
            summary["department"],
            {
                "activities": 1,
                "dissemination_sessions": 1,
                "action_month_activities": 0,
                "participants_male": 30,
                "participants_female": 40,
                "budget_planned": 1_000_000,
                "budget_used": 2_000_000,
            },
        )
        self.assertEqual(summary["activities_held"], 3 + 1)
        self.assertEqual(summary["dissemination_sessions"], 2 + 1)
        self.assertEqual((summary["participants_male"], summary["participants_female"]), (18 + 30, 31 + 40))
        self.assertEqual(sum(row["count"] for row in summary["by_area"]), 4)
        state = next(
            row for row in summary["budget_by_source"] if row["funding_source_id"] == self.funding_state.id
        )
        self.assertEqual(state["actual"], 2_000_000)
        self.assertNotIn(self.department.id, [row["unit_id"] for row in summary["units"]])

    def test_the_sector_report_says_what_the_department_held(self):
        text = " ".join(
            block["text"]
            for block in sector_document.SectorReportDocument(2026, self._summary()).figure_blocks()
            if block["kind"] == "paragraph"
        )
        self.assertIn("Toàn ngành (Sở Y tế và các đơn vị) đã tổ chức 4 hoạt động", text)
        self.assertIn("Sở Y tế (cơ quan Sở) tổ chức 1 hoạt động", text)
        self.assertIn("2.000.000 đ", text)

    def test_the_consolidation_shows_the_department_within_the_totals(self):
        consolidation = (
            self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        )
        self.assertIn("Department of Health and its offices", consolidation.participants_html)
        self.assertEqual(consolidation.participants_male, 18 + 30)

    def test_a_unit_reads_its_own_figures_only(self):
        summary = self._summary(user=self.user_a)
        self.assertEqual((summary["activities_held"], summary["department"]["activities"]), (3, 0))


# ------------------------------------------------------------
# 3. Who is expected to report, frozen with the year's issued report
# ------------------------------------------------------------


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestReportingDuty(SectorReportCommon):
    """A, B and C report to the Department; a commune health station is added under A for A's
    inspections."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.station = cls.Unit.with_user(cls.dept_manager).create(
            {
                "name": "Trạm Y tế xã Xuân Hòa",
                "code": "TEST-TYT",
                "unit_type": "health_station",
                "parent_id": cls.unit_a.id,
            }
        )
        cls.station_user = new_test_user(cls.env, "gep_station_user", groups=GROUPS + "group_unit_user")
        cls.station.user_ids = cls.station_user

    def _units(self, summary):
        return {row["unit_id"] for row in summary["units"]}

    def test_a_commune_station_added_for_an_inspection_is_not_expected(self):
        self.assertFalse(self.station.has_reporting_duty)
        summary = self._summary()
        self.assertEqual(summary["units_expected"], 3)
        self.assertNotIn(self.station.id, self._units(summary))
        self.assertNotIn(self.station, self.Report._units_owing_report(2026))
        sent = self.Report._send_unit_reminders(2026)
        self.assertNotIn(self.station_user, sent["users"])
        home = self.env["gender.equality.home"].with_user(self.station_user).create({})
        self.assertEqual(home.reports_due_count, 0)

    def test_the_department_sets_who_reports(self):
        self.station.with_user(self.dept_manager).has_reporting_duty = True
        summary = self._summary()
        self.assertEqual((summary["units_expected"], summary["reports_missing"]), (4, 2))
        with self.assertRaises(AccessError):
            self.unit_c.with_user(self.user_c).has_reporting_duty = False
        with self.assertRaisesRegex(ValidationError, "does not report to itself"):
            self.department.with_user(self.dept_manager).has_reporting_duty = True

    def test_the_issued_year_keeps_its_units_and_flags(self):
        self._issue()
        before = self._summary()
        # After the report went upward: B merges into another unit, A stops its communication
        # work, D and the station start reporting.
        self.unit_b.with_user(self.dept_manager).action_archive()
        self.unit_a.with_user(self.dept_manager).has_communication_duty = False
        unit_d = self.Unit.with_user(self.dept_manager).create(
            {"name": "Unit D", "code": "TEST-D", "unit_type": "health_centre"}
        )
        self.station.with_user(self.dept_manager).has_reporting_duty = True
        after = self._summary()
        self.assertTrue(after["expected_units_frozen"])
        self.assertEqual(self._units(after), {self.unit_a.id, self.unit_b.id, self.unit_c.id})
        for key in ("units_expected", "reports_submitted", "reports_missing", "units_indicator_concerned"):
            with self.subTest(key=key):
                self.assertEqual(after[key], before[key])
        self.assertEqual(after["units_indicator_concerned"], 2)
        next_year = self._summary(2027)
        self.assertFalse(next_year["expected_units_frozen"])
        self.assertEqual(self._units(next_year), {self.unit_a.id, self.unit_c.id, unit_d.id, self.station.id})
        # Reopened, the year follows the units as they stand until it is issued again.
        self.sector.with_user(self.dept_manager).action_reopen("Bổ sung số liệu")
        self.assertFalse(self._summary()["expected_units_frozen"])
        self.assertNotIn(self.unit_b.id, self._units(self._summary()))


# ------------------------------------------------------------
# 4. Timeliness
# ------------------------------------------------------------


@tagged("post_install", "-at_install")
class TestTimelinessRules(ReportCommon):
    """Unit A's report against the deadline of 2026 (10/12 unless the period says otherwise)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._new_report()
        cls.Period = cls.env["gender.equality.report.period"].with_user(cls.dept_manager)

    def _row(self):
        summary = self.Report.with_user(self.dept_user).get_kpi_summary(2026)
        return next(row for row in summary["units"] if row["unit_id"] == self.unit_a.id)

    def _return(self, moment):
        with freeze_time(moment):
            self.report.with_user(self.dept_user).action_return("Bổ sung số liệu")

    def test_a_deadline_extended_after_reports_exist_reaches_them(self):
        self._submit_at(self.report, "2026-12-12 03:00:00")
        self.assertEqual(self.report.days_late, 2)
        own = self._new_report(self.unit_b)
        own.with_user(self.dept_manager).deadline = date(2026, 12, 20)
        self.Period.create({"year": 2026, "deadline": "2026-12-15"})
        self.assertEqual(self.report.deadline, date(2026, 12, 15))
        self.assertFalse(self.report.is_late)
        self.assertEqual(self._row()["timeliness"], "on_time")
        self.assertEqual(own.deadline, date(2026, 12, 20), "a deadline of its own stays")

    def test_an_empty_placeholder_report_cannot_be_submitted(self):
        placeholder = self._new_report(self.unit_b)
        placeholder.with_user(self.user_b).results = "<p><br></p>"
        with freeze_time("2026-12-10 03:00:00"), self.assertRaisesRegex(UserError, "Write the results"):
            placeholder.with_user(self.user_b).action_submit()
        self.assertEqual((placeholder.state, placeholder.submit_date), ("draft", False))

    def test_a_returned_report_is_not_received_until_it_is_back(self):
        self._submit_at(self.report, "2026-12-08 03:00:00")
        self._return("2026-12-09 03:00:00")
        self.assertTrue(self.report.awaiting_resubmission)
        self.assertEqual(self.report.resubmit_deadline, date(2026, 12, 16))
        self.assertEqual(self._row()["timeliness"], "missing")
        self.assertIn(self.unit_a, self.Report._units_owing_report(2026))
        summary = self.Report.with_user(self.dept_user).get_kpi_summary(2026)
        text = " ".join(
            block["text"]
            for block in sector_document.SectorReportDocument(2026, summary).figure_blocks()
            if block["kind"] == "paragraph"
        )
        self.assertIn("bị Sở Y tế trả lại, chưa gửi lại (chưa được tính là đã gửi): Unit A.", text)
        self._submit_at(self.report, "2026-12-15 03:00:00")
        self.assertFalse(self.report.awaiting_resubmission)
        self.assertEqual((self._row()["timeliness"], self._row()["received_day"]), ("on_time", "2026-12-08"))

    def test_a_returned_report_sent_again_late_counts_from_its_return(self):
        self._submit_at(self.report, "2026-12-08 03:00:00")
        self._return("2026-12-09 03:00:00")
        self._submit_at(self.report, "2026-12-20 03:00:00")
        self.assertEqual((self.report.is_late, self.report.days_late), (True, 10))
        self.assertEqual(self._row()["received_day"], "2026-12-20")
        self.assertEqual(str(self.report.received_date), "2026-12-08 03:00:00", "the first reception stays")

    def test_the_department_sets_the_date_to_send_again(self):
        self.Period.create({"year": 2026, "resubmission_days": 3})
        self._submit_at(self.report, "2026-12-08 03:00:00")
        self._return("2026-12-09 03:00:00")
        self.assertEqual(self.report.resubmit_deadline, date(2026, 12, 12))
        with self.assertRaisesRegex(AccessError, "Send Again by"):
            self.report.with_user(self.user_a).resubmit_deadline = date(2026, 12, 31)
        self.report.with_user(self.dept_manager).resubmit_deadline = date(2026, 12, 31)
        self._submit_at(self.report, "2026-12-20 03:00:00")
        self.assertFalse(self.report.is_late)

    def test_the_document_is_dated_by_the_heads_signature(self):
        self._submit_at(self.report, "2026-12-01 03:00:00", forward=False)
        with freeze_time("2026-12-02 03:00:00"):
            self.assertIn(
                "ngày 02 tháng 12", self.report._pdf_date_line(), "not signed yet: the day it is printed"
            )
        with freeze_time("2026-12-03 03:00:00"):
            self.report.with_user(self.manager_a).action_approve()
        with freeze_time("2026-12-09 03:00:00"):
            self.assertEqual(self.report._pdf_date_line(), "Thanh Hóa, ngày 03 tháng 12 năm 2026")


# ------------------------------------------------------------
# 5. Target 3: at its target year, over the community groups
# ------------------------------------------------------------


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestAwarenessTarget(ReportCommon):
    """A's patients: 50% in 2025, 60% in 2026. B surveyed its own staff: 50% in 2025, 90% in
    2026. Both reports are accepted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        staff = dict(cls._survey_vals(cls.unit_b, 2025, 25), target_group="staff")
        cls.env["gender.equality.awareness.survey"].create(
            [staff, dict(staff, year=2026, correct_male=45, correct_female=45)]
        )
        for unit in (cls.unit_a, cls.unit_b):
            report = cls._new_report(unit)
            cls._submit_at(report, "2026-12-05 03:00:00")
            cls._accept(report)

    def _awareness(self, year=2026):
        summary = self.Report.with_user(self.dept_user).get_kpi_summary(year)
        return summary, next(row for row in summary["objectives"] if row["kind"] == "awareness")

    def test_the_staff_of_the_units_are_not_a_community_group(self):
        summary, objective = self._awareness()
        self.assertEqual(summary["awareness_pairs"], 1)
        self.assertEqual((summary["awareness_rate"], summary["awareness_baseline_rate"]), (60.0, 50.0))
        self.assertEqual(objective["value"], 10.0)

    def test_before_its_target_year_the_target_is_a_trend(self):
        __, objective = self._awareness()
        self.assertEqual((objective["applicable"], objective["achieved"]), (False, False))
        consolidation = (
            self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        )
        self.assertIn("Not due yet", consolidation.objectives_html)

    def test_the_baseline_year_has_no_figure(self):
        __, objective = self._awareness(2025)
        self.assertIs(objective["value"], False)
        self.assertFalse(objective["applicable"])
        self.assertEqual(sector_document.objective_value(objective["value"], objective["unit"]), "–")

    def test_recorded_figures_are_judged_at_the_target_year_only(self):
        Result = self.env["gender.equality.objective.result"].with_user(self.dept_user)
        objective = self.env.ref("gender_equality_plan.gender_equality_objective_awareness")
        early, due = Result.create(
            [
                {"objective_id": objective.id, "year": year, "value": 12.0, "source_note": "Báo cáo sơ kết"}
                for year in (2025, 2030)
            ]
        )
        self.assertEqual((early.achievement, due.achievement), ("not_due", "achieved"))

    def test_the_home_shows_the_figure_in_its_unit(self):
        home = self.env["gender.equality.home"].with_user(self.dept_user).create({})
        self.assertEqual(home.objective_3_label, "+10,0 điểm phần trăm")


# ------------------------------------------------------------
# 7. Target 2: the plan the unit made
# ------------------------------------------------------------


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestActionMonthPlanMade(ReportCommon):
    """A's and B's plans are approved by the Department; C's plan, with an Action-Month activity,
    is approved by C's head and waits for the Department."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_c = new_test_user(cls.env, "gep_manager_c", groups=GROUPS + "group_unit_manager")
        cls.unit_c.user_ids |= cls.manager_c
        cls.plan_c = cls.Plan.with_user(cls.user_c).create(
            {
                "unit_id": cls.unit_c.id,
                "year": 2026,
                "task_ids": [Command.create(cls._task_vals("Mít tinh Tháng hành động", date(2026, 11, 20)))],
            }
        )
        cls.plan_c.with_user(cls.user_c).action_submit()

    def _summary(self):
        return self.Report.with_user(self.dept_user).get_kpi_summary(2026)

    def _plan_rows(self, summary):
        return {row["unit_id"]: row["action_month_plan_by"] for row in summary["units"]}

    def test_a_plan_approved_by_the_head_only_counts_and_says_so(self):
        self.plan_c.with_user(self.manager_c).action_approve()
        self.assertEqual(self.plan_c.state, "submitted", "it waits for the Department")
        summary = self._summary()
        self.assertEqual(
            self._plan_rows(summary),
            {self.unit_a.id: "department", self.unit_b.id: "department", self.unit_c.id: "unit"},
        )
        self.assertEqual(
            (summary["units_with_action_month_plan"], summary["units_with_action_month_plan_approved"]),
            (3, 2),
        )
        text = " ".join(
            block["text"]
            for block in sector_document.SectorReportDocument(2026, summary).figure_blocks()
            if block["kind"] == "paragraph"
        )
        self.assertIn("3 đơn vị có kế hoạch triển khai Tháng hành động", text)
        self.assertIn(
            "2 kế hoạch đã được Sở Y tế phê duyệt, 1 kế hoạch đã được thủ trưởng đơn vị phê duyệt", text
        )

    def test_a_plan_its_head_did_not_approve_does_not_count(self):
        self.assertFalse(self._plan_rows(self._summary())[self.unit_c.id], "waiting for its head")
        self.plan_c.with_user(self.manager_c).action_return("Bổ sung hoạt động")
        self.assertFalse(self._plan_rows(self._summary())[self.unit_c.id])
        self.assertEqual(self._summary()["units_with_action_month_plan"], 2)


# ------------------------------------------------------------
# 8. Smaller rules
# ------------------------------------------------------------


@tagged("post_install", "-at_install")
class TestActionMonthWindow(BaseCase):
    """An activity of the Action Month (15/11–15/12) starts in it or has half of its days in it."""

    WINDOW = (date(2026, 11, 15), date(2026, 12, 15))

    def test_the_rule(self):
        for start, end, expected in (
            (date(2026, 1, 1), date(2026, 12, 31), False),  # held all year: 31 of 365 days
            (date(2026, 11, 1), date(2026, 11, 30), True),  # 16 of its 30 days
            (date(2026, 11, 1), date(2026, 11, 20), False),  # 6 of its 20 days
            (date(2026, 12, 10), date(2026, 12, 25), True),  # starts in it
            (date(2026, 11, 20), None, True),
            (date(2026, 12, 16), date(2026, 12, 16), False),
        ):
            with self.subTest(start=start, end=end):
                self.assertEqual(reporting_cycle.in_window(self.WINDOW, start, end), expected)


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestSmallerRules(ReportCommon):
    def test_an_activity_held_all_year_is_not_an_action_month_activity(self):
        plan = self.Plan.with_user(self.user_a).create(
            {
                "unit_id": self.unit_a.id,
                "year": 2027,
                "task_ids": [
                    Command.create(self._task_vals("Cả năm", date(2027, 1, 1), date(2027, 12, 31))),
                    Command.create(self._task_vals("Chiến dịch", date(2027, 12, 10), date(2027, 12, 25))),
                ],
            }
        )
        self.assertEqual(plan.task_ids.mapped("is_action_month"), [False, True])

    def test_planned_budget_of_approved_plans_only(self):
        draft = self.Plan.with_user(self.user_c).create(
            {
                "unit_id": self.unit_c.id,
                "year": 2026,
                "task_ids": [
                    Command.create(self._task_vals("Dự kiến", date(2026, 6, 1), planned_budget=5_000_000))
                ],
            }
        )
        report_c = self._new_report(self.unit_c, self.user_c)
        report_c.with_user(self.user_c).action_compile()
        self.assertFalse(report_c.line_ids.filtered(lambda line: line.section == "budget_planned"))
        self.assertEqual(draft.planned_budget_total, 5_000_000, "the draft plans it")
        report_a = self._new_report()
        report_a.with_user(self.user_a).action_compile()
        planned = report_a.line_ids.filtered(lambda line: line.section == "budget_planned")
        self.assertEqual(
            sum(planned.mapped("value")), 3_000_000, "A's approved plan (its cancelled activity aside)"
        )

    def test_inspections_with_nothing_scored_leave_the_average(self):
        empty = self.env["gender.equality.inspection"].create(
            {"unit_id": self.unit_a.id, "inspection_type": "self", "year": 2026}
        )
        empty.action_start()
        empty.action_done()
        for inspection in (self.inspection_a, empty):
            inspection.with_user(self.manager_a).action_approve()
            inspection.with_user(self.dept_manager).action_approve()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE gender_equality_inspection SET score = 80, is_scored = TRUE WHERE id = %s",
                self.inspection_a.id,
            )
        )
        self.env.invalidate_all()
        self.assertFalse(empty.is_scored)
        summary = self.Report.with_user(self.dept_user).get_kpi_summary(2026)
        self.assertEqual(summary["inspections_by_type"]["self"], 2)
        self.assertEqual(summary["inspection_scores_by_type"], {"self": 80.0})

    def test_the_report_number_follows_the_units_register(self):
        report_2026 = self._new_report()
        report_2026.with_user(self.user_a).document_number = "125/BC-TTYT"
        self._submit_at(report_2026, "2026-12-05 03:00:00")
        self.assertEqual(report_2026.document_number, "125/BC-TTYT")
        report_2027 = self._new_report(year=2027)
        self._submit_at(report_2027, "2027-12-05 03:00:00")
        self.assertEqual(report_2027.document_number, "126/BC-TEST-A")
        report_b = self._new_report(self.unit_b)
        self._submit_at(report_b, "2026-12-05 03:00:00")
        self.assertEqual(report_b.document_number, "01/BC-TEST-B", "a register never set starts at 01")


@tagged("post_install", "-at_install")
class TestRulesWithoutResults(ReportCommon):
    def test_results_are_the_mandatory_narrative(self):
        report = self.Report.with_user(self.user_c).create({"unit_id": self.unit_c.id, "year": 2026})
        self.assertRaises(UserError, report.with_user(self.user_c).action_submit)
        report.with_user(self.user_c).results = RESULTS
        report.with_user(self.user_c).action_submit()
        self.assertEqual(report.state, "submitted")


@tagged("post_install", "-at_install")
@freeze_time("2026-12-21 03:00:00")
class TestSupplementThenReturnedReport(ReportCommon):
    """B's report reached the Department on 5/12 and waits; B's Action-Month activity, held on
    12/12, is in B's supplement, accepted; then the Department returns the report and B sends it
    again: the activity stays the supplement's, counted once."""

    def test_an_activity_of_a_supplement_is_not_counted_again_by_its_report(self):
        report = self._new_report(self.unit_b)
        self._submit_at(report, "2026-12-05 03:00:00")
        late = self.plan_b.task_ids[1]
        self._done(late, date(2026, 12, 12), 6, 9)
        supplement = (
            self.env["gender.equality.report.supplement"]
            .with_user(self.user_b)
            .create({"report_id": report.id, "date": "2026-12-21"})
        )
        supplement.action_submit()
        supplement.with_user(self.dept_user).action_approve()
        report.with_user(self.dept_user).action_return("Bổ sung số liệu")
        report.with_user(self.user_b).action_submit()
        report.with_user(self.manager_b).action_approve()
        self.assertNotIn(late, report.compiled_task_ids)
        report.with_user(self.dept_user).action_approve()
        summary = self.Report.with_user(self.dept_user).get_kpi_summary(2026)
        row = next(row for row in summary["units"] if row["unit_id"] == self.unit_b.id)
        self.assertEqual((row["activities"], row["action_month_activities"]), (2, 1))


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestMigrationFigures(ReportCommon):
    """Upgrading from 18.0.4.2: who reports, supplements that counted when submitted, reports
    returned by the Department."""

    def _load(self, name):
        from .test_migration import MIGRATIONS, _load

        return _load(MIGRATIONS / "18.0.4.3.0" / name)

    def test_units_that_reported_keep_reporting(self):
        station, silent = self.Unit.create(
            [
                {
                    "name": "Trạm A",
                    "code": "TEST-TYT1",
                    "unit_type": "health_station",
                    "parent_id": self.unit_a.id,
                },
                {
                    "name": "Trạm B",
                    "code": "TEST-TYT2",
                    "unit_type": "health_station",
                    "parent_id": self.unit_a.id,
                },
            ]
        )
        self.Report.create({"unit_id": station.id, "year": 2026})
        self.env.flush_all()
        self.env.cr.execute(SQL("ALTER TABLE gender_equality_unit DROP COLUMN has_reporting_duty"))
        self._load("pre-migrate.py").migrate(self.env.cr, "18.0.4.2.0")
        self.env.invalidate_all()
        self.assertEqual(
            (self.unit_a | station | silent | self.department).mapped("has_reporting_duty"),
            [True, True, False, False],
        )

    def test_supplements_and_returned_reports_wait_for_the_department(self):
        report_b = self._new_report(self.unit_b)
        self._submit_at(report_b, "2026-12-05 03:00:00")
        self._accept(report_b)
        supplement = self.env["gender.equality.report.supplement"].create(
            {"report_id": report_b.id, "date": "2026-12-20"}
        )
        report_a = self._new_report()
        self._submit_at(report_a, "2026-12-05 03:00:00")
        report_a.with_user(self.dept_user).action_return("Bổ sung")
        # As 18.0.4.2 left them: the supplement submitted without reviews, the report returned
        # without waiting to be sent again.
        supplement.write({"state": "submitted"})
        report_a.sudo().write({"awaiting_resubmission": False, "resubmit_deadline": False})
        self._load("post-migrate.py").migrate(self.env.cr, "18.0.4.2.0")
        self.assertEqual(supplement.state, "submitted")
        self.assertTrue(supplement.with_user(self.dept_user).can_approve)
        self.assertTrue(report_a.awaiting_resubmission)
        self.assertEqual(report_a.resubmit_deadline, date(2026, 12, 27))
