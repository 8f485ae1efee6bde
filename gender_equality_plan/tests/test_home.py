# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import new_test_user, tagged

from ..models.gender_equality_home import COUNTERS
from .common import GenderEqualityCommon
from .report_common import ReportCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-12-01 03:00:00")
class TestHome(ReportCommon):
    """Each role's "My work" home counts the right records, with the user's own rights."""

    def _home(self, user):
        return self.env["gender.equality.home"].with_user(user).create({})

    def _listed(self, home, counter):
        action = home.with_context(gep_counter=counter).action_open_list()
        Model = self.env[action["res_model"]].with_user(home.env.user)
        if "domain" not in action:
            # Nothing to list: the button opens a new record of one of the user's units.
            self.assertIn(action["context"]["default_unit_id"], home.env.user.gep_unit_ids.ids)
            return Model
        return Model.search(action["domain"])

    def test_unit_officer_sees_what_their_unit_owes(self):
        plan_c = self.Plan.with_user(self.user_c).create({"unit_id": self.unit_c.id, "year": 2026})
        home = self._home(self.user_c)
        self.assertEqual(home.plans_to_submit_count, 2, "the draft of 2026 and the plan of 2027 not made yet")
        self.assertEqual(self._listed(home, "plans_to_submit"), plan_c)
        home = self._home(self.user_b)
        self.assertEqual(home.year, 2026)
        self.assertEqual(home.plans_to_submit_count, 1, "the plan of 2026 is approved, 2027's not made")
        self.assertEqual(home.tasks_overdue_count, 1)
        self.assertEqual(self._listed(home, "tasks_overdue").name, "Tháng hành động B")
        self.assertEqual((home.actions_due_count, home.actions_overdue_count), (1, 0))

    def test_unit_officer_never_sees_another_unit(self):
        home = self._home(self.user_a)
        self.assertEqual(home.plans_to_submit_count, 1, "unit A's plan of 2027 only")
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
        self.assertFalse(action.get("res_id"), "a new record: nothing stored")
        Consolidation = (
            self.env[action["res_model"]].with_user(self.dept_user).with_context(action["context"])
        )
        consolidation = Consolidation.new(Consolidation.default_get(["year"]))
        self.assertEqual(consolidation.year, 2026)
        self.assertEqual(consolidation.reports_missing, summary["reports_missing"])

    def test_unit_officer_home_has_no_department_figures(self):
        home = self._home(self.user_a)
        self.assertEqual((home.units_expected, home.reports_missing), (0, 0))

    def test_app_opens_on_the_home(self):
        action = self.env["gender.equality.home"].with_user(self.user_a).action_open_home()
        self.assertEqual(action["res_model"], "gender.equality.home")
        self.assertFalse(action.get("res_id"), "computed afresh: a new record, nothing stored")
        root = self.env.ref("gender_equality_plan.gender_equality_menu_root")
        self.assertEqual(root.action, self.env.ref("gender_equality_plan.gender_equality_home_action"))

    def test_report_not_started_is_owed(self):
        # Unit C has no report of 2026 and the deadline is 9 days away: it owes one.
        home = self._home(self.user_c)
        self.assertEqual(home.report_days_left, 9)
        self.assertEqual(home.reports_due_count, 1)
        self.assertEqual(home.next_report_year, 2026)
        self.assertEqual(home.next_report_label, "Make the annual report 2026")
        action = home.action_create_report()
        self.assertEqual((action["res_model"], action.get("res_id")), ("gender.equality.report", None))
        self.assertEqual(action["context"], {"default_unit_id": self.unit_c.id, "default_year": 2026})
        counter = home.with_context(gep_counter="reports_due").action_open_list()
        self.assertEqual(counter["context"], action["context"], "the counter leads to the report to make")

    def test_report_started_is_owed_until_it_is_sent(self):
        self.unit_c.user_ids |= self.manager_b
        report = self._new_report(self.unit_c, self.user_c)
        home = self._home(self.user_c)
        self.assertEqual((home.reports_due_count, home.next_report_year), (1, 0))
        self.assertEqual(self._listed(home, "reports_due"), report)
        report.with_user(self.user_c).action_submit()
        self.assertEqual(self._home(self.user_c).reports_due_count, 0)

    def test_report_not_asked_for_long_before_the_deadline(self):
        with freeze_time("2026-09-01 03:00:00"):
            home = self._home(self.user_c)
            self.assertEqual(home.reports_due_count, 1, "still owed")
            self.assertFalse(home.next_report_year, "but not the next step yet")

    def test_next_step_makes_the_plan_of_the_year(self):
        home = self._home(self.user_c)
        self.assertEqual((home.next_plan_year, home.next_plan_label), (2026, "Make the plan 2026"))
        action = home.action_create_plan()
        self.assertEqual(action["context"], {"default_unit_id": self.unit_c.id, "default_year": 2026})

    def test_next_step_makes_next_years_plan_from_october(self):
        # Unit A has its plan of 2026: in December, the next step is the plan of 2027.
        self.assertEqual(self._home(self.user_a).next_plan_year, 2027)
        with freeze_time("2026-06-01 03:00:00"):
            self.assertFalse(self._home(self.user_a).next_plan_year)
        self.Plan.with_user(self.user_a).create({"unit_id": self.unit_a.id, "year": 2027})
        self.assertFalse(self._home(self.user_a).next_plan_year)

    def test_plan_of_next_year_not_made_yet_is_owed_from_october(self):
        home = self._home(self.user_a)
        self.assertEqual((home.plans_to_submit_count, home.next_plan_year), (1, 2027))
        action = home.with_context(gep_counter="plans_to_submit").action_open_list()
        self.assertEqual(action["context"], {"default_unit_id": self.unit_a.id, "default_year": 2027})
        self.assertEqual(action["context"], home.action_create_plan()["context"])
        with freeze_time("2026-09-30 03:00:00"):
            self.assertEqual(self._home(self.user_a).plans_to_submit_count, 0)

    def test_opening_the_next_step_creates_no_plan(self):
        plans = self.Plan.search_count([])
        action = self._home(self.user_a).action_create_plan()
        self.assertEqual((action["res_model"], action.get("res_id")), ("gender.equality.plan", None))
        self.assertEqual(self.Plan.search_count([]), plans)
        self.assertEqual(self._home(self.user_a).next_plan_year, 2027, "still to make")

    def test_draft_and_returned_plans_of_next_year_are_owed(self):
        plan = self.Plan.with_user(self.user_a).create(
            {
                "unit_id": self.unit_a.id,
                "year": 2027,
                "task_ids": [Command.create(self._task_vals("Phổ biến", date(2027, 3, 5)))],
            }
        )
        home = self._home(self.user_a)
        self.assertEqual((home.plans_to_submit_count, home.next_plan_year), (1, 0))
        self.assertEqual(self._listed(home, "plans_to_submit"), plan)
        plan.with_user(self.user_a).action_submit()
        self.assertEqual(self._home(self.user_a).plans_to_submit_count, 0)
        plan.with_user(self.manager_a).action_return("Thiếu Tháng hành động")
        home = self._home(self.user_a)
        self.assertEqual(home.plans_to_submit_count, 1, "returned: owed again")
        self.assertEqual(self._listed(home, "plans_to_submit"), plan)

    def test_a_plan_before_last_year_is_not_owed(self):
        self.Plan.with_user(self.user_c).create({"unit_id": self.unit_c.id, "year": 2025})
        home = self._home(self.user_c)
        self.assertEqual(home.plans_to_submit_count, 2, "2026 and 2027 not made; the draft of 2025 is past")
        self.assertFalse(self._listed(home, "plans_to_submit"))

    def test_last_years_report_stays_owed_from_january(self):
        # Unit A had a plan in 2026 and has not sent its report of 2026.
        with freeze_time("2027-01-05 03:00:00"):
            home = self._home(self.user_a)
            self.assertEqual(home.reports_due_count, 2, "2026, late, and 2027")
            self.assertEqual((home.next_report_year, home.report_year), (2026, 2026))
            self.assertEqual(home.next_report_label, "Make the annual report 2026")
            self.assertEqual(str(home.report_deadline), "2026-12-10")
            self.assertEqual(home.report_days_left, -26)
            self.assertEqual(home.report_deadline_message, "The deadline 10/12/2026 has passed")
            action = home.action_create_report()
            self.assertEqual(action["context"], {"default_unit_id": self.unit_a.id, "default_year": 2026})
            counter = home.with_context(gep_counter="reports_due").action_open_list()
            self.assertEqual(counter["context"], action["context"])

    def test_last_years_report_is_owed_until_it_is_sent(self):
        with freeze_time("2027-01-05 03:00:00"):
            report = self._new_report(self.unit_a, self.user_a, year=2026)
            home = self._home(self.user_a)
            self.assertEqual((home.reports_due_count, home.next_report_year), (2, 0))
            self.assertEqual(self._listed(home, "reports_due"), report)
            report.with_user(self.user_a).action_submit()
            home = self._home(self.user_a)
            self.assertEqual((home.reports_due_count, home.report_year), (1, 2027), "2027's only")
            self.assertFalse(self._listed(home, "reports_due"))

    def test_last_years_report_is_owed_until_this_years_is_asked_for(self):
        # The report of 2027 is asked for 30 days before its deadline (10/12/2027), as the first
        # reminder: from then on, the home counts this year's report only.
        with freeze_time("2027-11-09 03:00:00"):
            self.assertEqual(self._home(self.user_a).reports_due_count, 2)
        with freeze_time("2027-11-10 03:00:00"):
            home = self._home(self.user_a)
            self.assertEqual(
                (home.reports_due_count, home.next_report_year, home.report_year), (1, 2027, 2027)
            )

    def test_no_report_of_last_year_without_a_plan_of_last_year(self):
        # Unit C made no plan in 2026 (it started using the application in 2027).
        with freeze_time("2027-01-05 03:00:00"):
            home = self._home(self.user_c)
            self.assertEqual((home.reports_due_count, home.next_report_year, home.report_year), (1, 0, 2027))
            report = self._new_report(self.unit_c, self.user_c, year=2026)
            self.assertEqual(self._home(self.user_c).reports_due_count, 2, "started: it is owed")
            self.assertEqual(self._listed(self._home(self.user_c), "reports_due"), report)

    def test_lists_of_my_work_are_cards_on_a_phone(self):
        """Each list of the home has cards that a phone opens first (``mobile_view_mode``), in
        one column, without the to-do widget that would catch a tap."""
        home = self.env["gender.equality.home"].create({})
        for counter, model in COUNTERS.items():
            with self.subTest(counter=counter):
                action = home.with_context(gep_counter=counter).action_open_list()
                self.assertEqual(action["res_model"], model)
                self.assertEqual(action["mobile_view_mode"], "kanban")
                view_id = dict((view_type, view_id) for view_id, view_type in action["views"])["kanban"]
                arch = etree.fromstring(
                    self.env[model].get_views([(view_id, "kanban")])["views"]["kanban"]["arch"]
                )
                self.assertFalse(arch.get("default_group_by"), "one column of cards")
                self.assertFalse(arch.xpath("//field[@widget='kanban_activity']"))
                self.assertTrue(arch.xpath("//t[@t-name='card']"))

    def test_no_next_step_for_roles_that_owe_nothing(self):
        for user in (self.inspector, self.dept_user):
            home = self._home(user)
            self.assertFalse(home.next_plan_year or home.next_report_year, user.login)
            self.assertEqual(home.reports_due_count, 0, user.login)


@tagged("post_install", "-at_install")
class TestLanding(GenderEqualityCommon):
    """Users of the app land on "My work" after login: their home action (res.users.action_id),
    which the web client opens when no other page is asked for."""

    def setUp(self):
        super().setUp()
        self.home_action = self.env.ref("gender_equality_plan.gender_equality_home_action")

    def test_every_role_lands_on_my_work(self):
        for user in (self.user_a, self.manager_a, self.inspector, self.dept_user, self.dept_manager):
            with self.subTest(user=user.login):
                self.assertEqual(user.action_id.id, self.home_action.id)

    def test_demo_users_land_on_my_work(self):
        demo = self.env.ref("gender_equality_plan.res_users_canbo_thoxuan_demo", raise_if_not_found=False)
        if not demo:
            self.skipTest("no demo data")
        self.assertEqual(demo.action_id.id, self.home_action.id)

    def test_other_users_keep_their_home(self):
        other = new_test_user(self.env, "gep_other_internal", groups="base.group_user")
        self.assertFalse(other.action_id)

    def test_a_role_given_later_brings_the_home(self):
        other = new_test_user(self.env, "gep_later", groups="base.group_user")
        other.write({"groups_id": [Command.link(self.env.ref("gender_equality_plan.group_unit_user").id)]})
        self.assertEqual(other.action_id.id, self.home_action.id)

    def test_a_home_of_their_own_is_kept(self):
        discuss = self.env.ref("mail.action_discuss")
        user = new_test_user(self.env, "gep_own_home", groups="base.group_user")
        user.action_id = discuss.id
        user.write({"groups_id": [Command.link(self.env.ref("gender_equality_plan.group_unit_user").id)]})
        self.assertEqual(user.action_id.id, discuss.id)

    def test_losing_every_role_loses_the_home(self):
        self.user_b.write(
            {
                "groups_id": [
                    Command.unlink(self.env.ref("gender_equality_plan.group_unit_user").id),
                    Command.unlink(self.env.ref("gender_equality_plan.group_base").id),
                ]
            }
        )
        self.assertFalse(self.user_b.action_id)

    def test_users_who_had_a_role_before_the_module_update(self):
        self.user_a.action_id = False
        self.env["res.users"]._gep_set_home_action_of_every_user()
        self.assertEqual(self.user_a.action_id.id, self.home_action.id)
