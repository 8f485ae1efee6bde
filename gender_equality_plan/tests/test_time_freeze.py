# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time is part of the freeze (issue 17): actual dates fall in the plan's year and not after
today; nothing is marked done, added or changed in a year whose report is submitted or accepted,
except an activity held in the Action Month, reported by the Action-Month supplement while its
period lasts (until 31 January of the next year); a supplement belongs to the current cycle, is
dated no later than today and counts what was held by its date. Each case is run as the unit's
own users, who would try it."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .plan_common import GenderEqualityPlanCommon
from .report_common import ReportCommon


class TimeCase:
    def assertRefused(self, exception, fragment, function, *args, **kwargs):
        """``function`` raises ``exception`` whose message contains ``fragment``, and leaves
        nothing changed (its savepoint is rolled back)."""
        with self.assertRaises(exception) as caught, self.env.cr.savepoint(), mute_logger("odoo.models"):
            function(*args, **kwargs)
            self.env.flush_all()
        self.assertIn(fragment, str(caught.exception))
        self.env.invalidate_all()
        return caught.exception


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15 03:00:00")
class TestActualDates(TimeCase, GenderEqualityPlanCommon):
    """Unit A's plan of 2026 is approved; on 15 June its officer records what was held."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._approve_plan(cls.plan)
        cls.task = cls.task_dissemination.with_user(cls.user_a)

    def test_actual_dates_in_another_year_are_refused(self):
        """An activity of the 2026 plan "held on 1/6/2025" would be compiled into the report of
        2025."""
        self.assertRefused(
            ValidationError,
            "must fall in 2026",
            self.task.write,
            {"actual_date_start": date(2025, 6, 1), "actual_date_end": date(2025, 6, 1)},
        )
        self.assertFalse(self.task.actual_date_start)

    def test_actual_dates_after_today_are_refused(self):
        self.assertRefused(
            ValidationError,
            "after today (15/06/2026)",
            self.task.write,
            {"actual_date_start": date(2026, 6, 15), "actual_date_end": date(2026, 6, 16)},
        )
        self.task.write({"actual_date_start": date(2026, 6, 15), "actual_date_end": date(2026, 6, 15)})
        self.assertEqual(self.task.actual_date_end, date(2026, 6, 15))

    def test_activity_is_not_marked_done_before_it_is_held(self):
        """Marked done on 5/12 "held on 14/12": it would count in a report frozen on 5/12."""
        task = self.plan.task_ids[2].with_user(self.user_a)  # the Action-Month rally
        with freeze_time("2026-12-05 03:00:00"):
            self.assertRefused(
                ValidationError,
                "after today (05/12/2026)",
                task.write,
                {"actual_date_start": date(2026, 12, 14), "actual_date_end": date(2026, 12, 14)},
            )
            self.assertRefused(UserError, "actual start and end dates", task.action_done)
        self.assertEqual(task.state, "planned")

    def test_form_warns_about_the_dates_before_saving(self):
        task = self.Task.with_user(self.user_a).new(
            {
                **self._task_vals("Hoạt động", date(2026, 7, 1)),
                "plan_id": self.plan.id,
                "actual_date_start": date(2026, 7, 1),
                "actual_date_end": date(2026, 7, 1),
            }
        )
        warning = task._onchange_warn_input_problems()["warning"]
        self.assertIn("after today", warning["message"])

    def test_activity_of_next_years_plan_is_not_held_today(self):
        plan_2027 = self.Plan.with_user(self.user_a).create(
            {
                "unit_id": self.unit_a.id,
                "year": 2027,
                "task_ids": [Command.create(self._task_vals("Chuẩn bị 2027", date(2027, 1, 10)))],
            }
        )
        self._approve_plan(plan_2027)
        plan_2027.task_ids.with_user(self.user_a).action_start()
        self.assertEqual(plan_2027.task_ids.state, "in_progress")
        self.assertFalse(plan_2027.task_ids.actual_date_start, "15/06/2026 is not in 2027")

    def test_activity_held_in_another_year_counts_in_no_report(self):
        """A record stored before the rule, done "in 2025" in the plan of 2026, counts neither in
        2025 nor in 2026."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE gender_equality_task SET state = 'done', actual_date_start = %s, "
                "actual_date_end = %s, participants_male = 40 WHERE id = %s",
                date(2025, 6, 1),
                date(2025, 6, 1),
                self.task.id,
            )
        )
        self.env.invalidate_all()
        Report = self.env["gender.equality.report"].with_user(self.user_a)
        for year in (2025, 2026):
            report = Report.create({"unit_id": self.unit_a.id, "year": year})
            report.action_compile()
            with self.subTest(year=year):
                self.assertNotIn(self.task, report.compiled_task_ids)
                self.assertEqual(report.activity_count, 0)


@tagged("post_install", "-at_install")
@freeze_time("2026-12-08 03:00:00")
class TestYearOfASubmittedReport(TimeCase, ReportCommon):
    """Unit B submitted its report of 2026 on 5 December and the Department accepted it: its
    Action-Month activity was not held yet, and a session of October was never marked done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Left planned by the unit; added as the superuser (the plan is approved).
        cls.october = cls.Task.create(
            dict(cls._task_vals("Buổi tháng 10", date(2026, 10, 5)), plan_id=cls.plan_b.id)
        )
        cls.report_b = cls._new_report(cls.unit_b)
        cls._submit_at(cls.report_b, "2026-12-05 03:00:00")
        cls._accept(cls.report_b)
        cls.action_month = cls.plan_b.task_ids.filtered(lambda task: task.is_action_month)

    def _record(self, task, day, user=None):
        task.with_user(user or self.user_b).write(
            {
                "actual_date_start": day,
                "actual_date_end": day,
                "participants_male": 6,
                "participants_female": 9,
                "attachment_ids": [Command.create({"name": "bien-ban.pdf", "raw": b"minutes"})],
            }
        )

    def test_action_month_activity_held_after_the_report_is_done_for_the_supplement(self):
        self._record(self.action_month, date(2026, 12, 7))
        self.action_month.with_user(self.user_b).action_done()
        self.assertTrue(self.action_month.is_held_in_action_month)
        self.assertFalse(self.action_month.is_editable, "its planned fields are fixed with the report")

    def test_other_activity_of_a_reported_year_is_not_marked_done(self):
        self._record(self.october, date(2026, 10, 5))
        self.assertRefused(UserError, "was not held in it", self.october.with_user(self.user_b).action_done)
        self.assertEqual(self.october.state, "planned")

    def test_no_activity_is_added_or_removed_in_a_reported_year(self):
        self.plan_b.with_user(self.dept_manager).action_reopen("Điều chỉnh kế hoạch")
        self.assertTrue(self.plan_b.is_editable)
        self.assertFalse(self.october.is_editable)
        Task = self.Task.with_user(self.user_b)
        self.assertRefused(
            UserError,
            "frozen with its figures",
            Task.create,
            {**self._task_vals("Thêm vào Tháng hành động", date(2026, 11, 25)), "plan_id": self.plan_b.id},
        )
        self.assertRefused(UserError, "frozen with its figures", self.october.with_user(self.user_b).unlink)
        self.assertRefused(
            UserError,
            "can no longer be changed",
            self.october.with_user(self.user_b).write,
            {"date_start": date(2026, 11, 20), "date_end": date(2026, 11, 20)},
        )
        self.assertEqual(len(self.plan_b.task_ids), 3)
        self.assertFalse(self.october.is_action_month)

    def test_nothing_of_the_year_changes_after_the_supplement_period(self):
        self._record(self.action_month, date(2026, 12, 7))
        with freeze_time("2027-02-01 03:00:00"):
            self.env.invalidate_all()  # a request of another day
            task = self.action_month.with_user(self.user_b)
            self.assertTrue(task.is_locked)
            self.assertRefused(UserError, "ended on 31/01/2027", task.action_done)
            self.assertRefused(UserError, "can no longer be changed", task.write, {"participants_male": 60})
        self.assertEqual((self.action_month.state, self.action_month.participants_male), ("planned", 6))

    def test_a_year_later_an_old_activity_is_not_supplemented(self):
        """A year after its report of 2026 was accepted, the unit marks its Action-Month activity
        done "on 20/11/2026" and files a supplement: its published count must stay 0."""
        Report = self.env["gender.equality.report"].with_user(self.dept_user)
        before = Report.get_kpi_summary(2026)
        with freeze_time("2027-12-01 03:00:00"):
            self.env.invalidate_all()  # a request of another day
            task = self.action_month.with_user(self.user_b)
            self.assertRefused(
                UserError,
                "can no longer be changed",
                task.write,
                {"actual_date_start": date(2026, 11, 20), "actual_date_end": date(2026, 11, 20)},
            )
            self.assertRefused(UserError, "ended on 31/01/2027", task.action_done)
            self.assertRefused(
                ValidationError,
                "31/01/2027",
                self.env["gender.equality.report.supplement"].with_user(self.user_b).create,
                {"report_id": self.report_b.id, "date": "2027-12-01"},
            )
        after = Report.get_kpi_summary(2026)
        self.assertEqual(
            after["units_with_action_month_activity"], before["units_with_action_month_activity"]
        )
        self.assertEqual(after["action_month_activities"], before["action_month_activities"])
        self.assertFalse(self.report_b.supplement_ids)

    def test_the_freeze_follows_the_report(self):
        """Unit A's report is submitted, then returned by its head: the year opens again."""
        extra = self.Task.create(
            dict(self._task_vals("Buổi bổ sung", date(2026, 10, 10)), plan_id=self.plan.id)
        )
        self._record(extra, date(2026, 10, 10), self.user_a)
        report_a = self._new_report(self.unit_a)
        report_a.with_user(self.user_a).action_submit()
        self.assertEqual(self.plan._year_closure()[self.plan.id], (True, True))
        self.assertRefused(UserError, "was not held in it", extra.with_user(self.user_a).action_done)
        report_a.with_user(self.manager_a).action_return("Bổ sung số liệu")
        self.assertEqual(self.plan._year_closure()[self.plan.id], (False, True))
        extra.with_user(self.user_a).action_done()
        self.assertEqual(extra.state, "done")


@tagged("post_install", "-at_install")
@freeze_time("2026-12-21 03:00:00")
class TestSupplementCycle(TimeCase, ReportCommon):
    """Units A and B reported on 5 December and were accepted. The Department held a session for
    the sector in September that unit B's staff attended. B's Action-Month activity was held
    from 14 to 20 December and marked done on 21 December."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        dept_plan = cls.Plan.create(
            {
                "unit_id": cls.department.id,
                "year": 2026,
                "task_ids": [Command.create(cls._task_vals("Tập huấn toàn ngành", date(2026, 9, 1)))],
            }
        )
        dept_plan.write({"state": "approved"})  # as the superuser: its approval is not the point
        cls._done(dept_plan.task_ids, date(2026, 9, 1), 30, 40)
        dept_plan.task_ids.attending_unit_ids = cls.unit_b
        cls.report_a = cls._new_report(cls.unit_a)
        cls.report_b = cls._new_report(cls.unit_b)
        for report in (cls.report_a, cls.report_b):
            cls._submit_at(report, "2026-12-05 03:00:00")
            cls._accept(report)
        cls.late_task = cls.plan_b.task_ids.filtered(lambda task: task.is_action_month)
        cls.late_task.with_user(cls.user_b).write(
            {
                "actual_date_start": date(2026, 12, 14),
                "actual_date_end": date(2026, 12, 20),
                "participants_male": 6,
                "participants_female": 9,
                "attachment_ids": [Command.create({"name": "bien-ban.pdf", "raw": b"minutes"})],
            }
        )
        cls.late_task.with_user(cls.user_b).action_done()
        cls.Supplement = cls.env["gender.equality.report.supplement"]

    def _supplement(self, day, report=None, user=None):
        return self.Supplement.with_user(user or self.user_b).create(
            {"report_id": (report or self.report_b).id, "date": day}
        )

    def test_supplement_is_dated_no_later_than_today(self):
        self.assertRefused(
            ValidationError, "today (21/12/2026) at the latest", self._supplement, "2026-12-22"
        )
        self.assertFalse(self.report_b.supplement_ids)

    def test_supplement_counts_what_was_held_by_its_date(self):
        early = self._supplement("2026-12-16")
        early.action_compile()
        self.assertFalse(early.task_ids, "held until 20/12: not held by 16/12")
        on_time = self._supplement("2026-12-21")
        on_time.action_compile()
        self.assertEqual(on_time.task_ids, self.late_task)

    def test_supplement_in_january_reports_the_previous_year(self):
        with freeze_time("2027-01-20 03:00:00"):
            supplement = self._supplement("2027-01-20")
            supplement.with_user(self.user_b).action_submit()
        self.assertEqual(supplement.state, "submitted")
        self.assertEqual(supplement.action_month_held, 1)

    def test_supplement_after_january_is_refused(self):
        with freeze_time("2027-02-01 03:00:00"):
            self.assertRefused(ValidationError, "ended on 31/01/2027", self._supplement, "2027-01-31")
        self.assertFalse(self.report_b.supplement_ids)

    def test_draft_supplement_is_not_submitted_after_its_period(self):
        supplement = self._supplement("2026-12-21")
        with freeze_time("2027-02-01 03:00:00"):
            self.env.invalidate_all()  # a request of another day
            self.assertFalse(supplement.is_editable)
            self.assertRefused(
                UserError, "ended on 31/01/2027", supplement.with_user(self.user_b).action_submit
            )
        self.assertEqual(supplement.state, "draft")

    def test_supplement_to_last_years_accepted_report_is_refused(self):
        with freeze_time("2027-12-20 03:00:00"):
            self.assertRefused(ValidationError, "31/01/2027", self._supplement, "2027-12-20")
            self.assertRefused(ValidationError, "31/01/2027", self._supplement, "2026-12-21")

    def test_supplement_does_not_count_again_the_sessions_others_held(self):
        """B's staff attended the Department's session: B's report counts it among the sessions
        its staff received; the supplement counts B's own Action-Month activity only (a session
        for its staff: one more, not the Department's again)."""
        Report = self.env["gender.equality.report"].with_user(self.dept_user)
        row = next(row for row in Report.get_kpi_summary(2026)["units"] if row["unit_id"] == self.unit_b.id)
        self.assertEqual(row["staff_sessions"], 2)
        supplement = self._supplement("2026-12-21")
        supplement.action_submit()
        supplement.with_user(self.dept_user).action_approve()
        summary = Report.get_kpi_summary(2026)
        row = next(row for row in summary["units"] if row["unit_id"] == self.unit_b.id)
        self.assertEqual(row["staff_sessions"], 3)
        self.assertEqual(row["action_month_activities"], 1)
