# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The hot paths of the Department run a fixed number of queries, whatever the number of units,
reports or records: a change that adds a query per record fails here (speed itself is measured
by ``make bench``, never by a test)."""

from datetime import date, datetime

from odoo import Command
from odoo.tests import new_test_user, tagged

from .report_common import RESULTS, ReportCommon

# Upper bounds: what each path runs today, with a little room for Odoo's own caches.
MAX_COMPILE = 45
MAX_KPI = 30
MAX_HOME = 45
MAX_APPROVE = 25
# One approval as the Approve button of a form runs it (its context), from cold record caches,
# its writes and what runs at commit (the bus) included; Odoo's tracking of the status is off, as
# in every test of the module (it adds one message with its tracking value at commit: 12 more
# queries, whatever the workflow does). OCA base_tier_validation runs 22 queries for one
# approval with its notification (issue 20): the module must not run more.
BUTTON = {"gep_feedback": True, "lang": "en_US"}
MAX_APPROVE_LAST_STAGE = 21
MAX_APPROVE_HEAD_STAGE = 36
MAX_TASK_PAGE = 15
GROUPS = "gender_equality_plan."


@tagged("post_install", "-at_install")
class TestQueryCounts(ReportCommon):
    """Units D to G join A, B and C: each path runs as many queries for a few units (or
    records) as for all of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.more_units = cls.Unit.create(
            [
                {"name": f"Unit {code}", "code": f"TEST-{code}", "unit_type": "health_centre"}
                for code in "DEFG"
            ]
        )
        cls.members = {cls.unit_a: (cls.user_a, cls.manager_a), cls.unit_b: (cls.user_b, cls.manager_b)}
        for unit in cls.more_units:
            code = unit.code.lower()
            user = new_test_user(cls.env, f"gep_user_{code}", groups=f"{GROUPS}group_unit_user")
            head = new_test_user(cls.env, f"gep_head_{code}", groups=f"{GROUPS}group_unit_manager")
            unit.user_ids = user | head
            cls.members[unit] = (user, head)
            plan = cls.Plan.create(
                {
                    "unit_id": unit.id,
                    "year": 2026,
                    "task_ids": [
                        Command.create(cls._task_vals("Phổ biến", date(2026, 3, 5))),
                        Command.create(cls._task_vals("Tháng hành động", date(2026, 11, 20))),
                    ],
                }
            )
            cls._approve_plan(plan, user=user, manager=head)
            for task in plan.task_ids:
                cls._done(task, task.date_start, 5, 6)

    def _count(self, func, *args):
        """Queries run by ``func(*args)`` from cold record caches, its writes flushed."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func(*args)
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _reports(self, units):
        return self.Report.create([{"unit_id": unit.id, "year": 2026} for unit in units])

    def _accept_reports(self, units):
        for unit in units:
            user, head = self.members[unit]
            report = self.Report.with_user(user).create(
                {"unit_id": unit.id, "year": 2026, "results": RESULTS}
            )
            self._submit_at(report, datetime(2026, 12, 1, 3), user=user, forward=False)
            report.with_user(head).action_approve()
            report.with_user(self.dept_user).action_approve()
            self.assertEqual(report.state, "accepted")

    def test_compile_all(self):
        """Compiling 3 or 7 reports runs the same queries."""
        few = self._reports(self.unit_a | self.unit_b | self.unit_c)
        every = few | self._reports(self.more_units)
        every.action_compile()  # both compile reports that have figures already
        queries = self._count(few.action_compile)
        self.assertLessEqual(queries, MAX_COMPILE)
        self.assertEqual(self._count(every.action_compile), queries)
        held = every.line_ids.filtered(lambda line: line.section == "activities" and line.key == "held")
        self.assertEqual(len(held), 7)

    def test_kpi_summary_and_home(self):
        """The consolidation and the Department's home run the same queries for 2 or 6
        accepted reports."""
        Report = self.Report.with_user(self.dept_manager)
        Home = self.env["gender.equality.home"].with_user(self.dept_manager)
        home_fields = list(Home._fields)

        def open_home():
            # As the web client: the action, then the new record of its form.
            Home.action_open_home()
            values = Home.onchange({}, [], {name: {} for name in home_fields})["value"]
            self.assertIn("reports_missing", values)

        self._accept_reports(self.unit_a | self.unit_b)
        Report.get_kpi_summary(2026)  # the registry's caches
        open_home()
        kpi, home = self._count(Report.get_kpi_summary, 2026), self._count(open_home)
        self.assertLessEqual(kpi, MAX_KPI)
        self.assertLessEqual(home, MAX_HOME)
        self._accept_reports(self.more_units)
        summary = Report.get_kpi_summary(2026)
        self.assertEqual(summary["reports_accepted"], 6)
        self.assertEqual(summary["activities_held"], 3 + 1 + 8)
        self.assertEqual(self._count(Report.get_kpi_summary, 2026), kpi)
        self.assertEqual(self._count(open_home), home)

    def _plans_at_the_last_stage(self, year):
        """A plan of ``year`` of each of the six units, waiting for the Department."""
        plans = self.Plan
        for unit in self.more_units | self.unit_a | self.unit_b:
            user, head = self.members[unit]
            plan = self.Plan.create(
                {
                    "unit_id": unit.id,
                    "year": year,
                    "task_ids": [Command.create(self._task_vals("Phổ biến", date(year, 3, 5)))],
                }
            )
            plan.with_user(user).action_submit()
            plan.with_user(head).action_approve()
            plans |= plan
        return plans

    def test_approve_many(self):
        """The Department manager approves 2 or 4 plans with the same queries."""
        plans = self._plans_at_the_last_stage(2027)
        few, rest = plans[:2].with_user(self.dept_manager), plans[2:].with_user(self.dept_manager)
        queries = self._count(few.action_approve)
        self.assertLessEqual(queries, MAX_APPROVE)
        self.assertEqual(self._count(rest.action_approve), queries)
        self.assertEqual(set(plans.mapped("state")), {"approved"})

    def test_approve_many_with_the_tracking_of_production(self):
        """With Odoo's tracking on, as in production (the tests turn it off), 2 or 3 plans are
        approved with the same queries, what runs before the commit included: the decision logs
        itself on every plan at once, and the status is not tracked a second time, one message
        per plan (``make bench``'s ``approve_many``: 233 queries for 100 plans, 52 for 10)."""
        plans = self._plans_at_the_last_stage(2028).with_context(tracking_disable=False)
        messages = self.env["mail.message"].search_count(
            [("model", "=", plans._name), ("res_id", "in", plans.ids)]
        )
        # What the plans' submissions left for the commit runs first.
        self.env.flush_all()
        self.env.cr.flush()

        def approve(records):
            records.with_user(self.dept_manager).action_approve()
            self.env.cr.flush()  # the commit's work: Odoo's tracking runs there

        self._count(approve, plans[:1])  # the caches of the registry (defaults, rules) warm up
        queries = self._count(approve, plans[1:3])
        self.assertEqual(self._count(approve, plans[3:]), queries)
        self.assertEqual(set(plans.mapped("state")), {"approved"})
        logged = self.env["mail.message"].search(
            [("model", "=", plans._name), ("res_id", "in", plans.ids)], order="id desc", limit=len(plans) * 3
        )
        self.assertFalse(logged.tracking_value_ids, "the status is not tracked by Odoo")
        self.assertIn("Approved at the stage", " ".join(logged.mapped("body")))
        self.assertGreaterEqual(
            self.env["mail.message"].search_count([("model", "=", plans._name), ("res_id", "in", plans.ids)]),
            messages + len(plans),
        )

    def _plan_at_stage(self, unit, year, final):
        """A plan of ``unit`` submitted by its officer, at the head's stage or (``final``) at
        the Department's."""
        user, head = self.members[unit]
        plan = self.Plan.create(
            {
                "unit_id": unit.id,
                "year": year,
                "task_ids": [Command.create(self._task_vals("Phổ biến", date(year, 3, 5)))],
            }
        )
        plan.with_user(user).action_submit()
        if final:
            plan.with_user(head).action_approve()
        return plan

    def _approve_one(self, unit, user, final, expected):
        """``user`` approves a plan of ``unit`` with the button, in ``expected`` queries. The
        same approval of another plan of the unit by the same user before it fills the caches
        of the registry (Odoo caches defaults per user, for instance)."""
        warm = self._plan_at_stage(unit, 2030, final)
        plan = self._plan_at_stage(unit, 2029, final)
        # What the submissions leave for the commit (the bus) is sent first, by their users.
        self.env.flush_all()
        self.env.cr.flush()
        # The button sends the stage the form shows (gep_expected_stage_id).
        warm.with_user(user).with_context(
            **BUTTON, gep_expected_stage_id=warm.approval_stage_id.id
        ).action_approve()
        stage = plan.approval_stage_id.id
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            plan.with_user(user).with_context(**BUTTON, gep_expected_stage_id=stage).action_approve()
        return plan

    def test_approve_one_at_the_last_stage(self):
        """The Department manager approves one plan at its last stage in 21 queries (OCA
        base_tier_validation with its notification: 22; 43 before issue 20, 25 before the
        to-dos' deletion and the alias domain were merged): 20 in the request and the bus
        message of the deleted to-dos at commit.

        Read (7): the plan; its open reviews; their approvers; the people (users, then the
        company and the partners: the approvers, the submitter, the acting user, OdooBot); the
        stage. Checked, the review is written approved (1), then the stage's to-dos are read
        (1). Delivered (9): the records' aliases (Odoo's reply-to); the thread's first message
        with the first alias domain (Odoo searches it when the company has none), in one query;
        the log and the submitter's notice (one insert) and its recipient; the e-mail and its
        recipient; the mail queue's cron, read and woken up; the notification. Written (2): the
        plan approved; the to-dos deleted with, in the same statement, the lookups of what goes
        with them (``_gep_unlink_todos``: ``unlink`` runs them as three more queries)."""
        plan = self._approve_one(self.more_units[0], self.dept_manager, True, MAX_APPROVE_LAST_STAGE)
        self.assertEqual(plan.state, "approved")

    def test_approve_one_at_the_head_stage(self):
        """A head approves his stage of one plan in 36 queries, whatever the number of the next
        stage's approvers (70 before issue 20, 81 with five approvers; 39 before the to-dos'
        deletion was merged): the review and the log, then the Department's stage pending, with a
        to-do, a follower and a notification for each of its three approvers (by e-mail, or in
        the inbox with its bus message), his own to-do deleted. Beyond what the last stage runs:
        his headship of the unit, the stage names of the next stage (two queries), the followers
        (read, inserted with their subtypes), the to-dos' model and their insert, the inbox's
        messages formatted (their records, attachments, subtypes, notifications, users and the
        recipients' following), the next stage's review written pending, and the pending review
        read again for the confirmation ("now waits for the stage …"); no first message (a
        notification is not threaded): the first alias domain is read alone; no plan written."""
        head = self.members[self.more_units[0]][1]
        plan = self._approve_one(self.more_units[0], head, False, MAX_APPROVE_HEAD_STAGE)
        self.assertEqual(plan.approval_stage_id, self.stage_department)
        self.assertEqual(len(plan.activity_ids), 3)
        # Two more approvers at the Department: the same queries.
        for login in ("gep_dept_manager_2", "gep_dept_manager_3"):
            new_test_user(self.env, login, groups=f"{GROUPS}group_department_manager")
        plan = self._approve_one(
            self.more_units[1], self.members[self.more_units[1]][1], False, MAX_APPROVE_HEAD_STAGE
        )
        self.assertEqual(len(plan.activity_ids), 5)

    def test_task_list_page(self):
        """The first page of the activity list, as each role opens it, in at most 15 queries."""
        Task = self.env["gender.equality.task"]
        view = Task.get_views([(False, "list")])
        fields_spec = {
            name: {"fields": {"display_name": {}}} if Task._fields[name].type == "many2one" else {}
            for name in view["models"][Task._name]["fields"]
        }
        for user in (self.dept_manager, self.user_a, self.inspector):
            with self.subTest(user=user.login):
                tasks = Task.with_user(user)
                tasks.web_search_read([], fields_spec, limit=80, count_limit=10001)  # the caches
                self.env.invalidate_all()
                with self.assertQueryCount(MAX_TASK_PAGE):
                    result = tasks.web_search_read([], fields_spec, limit=80, count_limit=10001)
                self.assertTrue(result["length"])

    def test_recompile_writes_only_what_changed(self):
        """Compiling again keeps the lines whose figures stay; a changed figure is replaced."""
        reports = self._reports(self.more_units)
        reports.action_compile()
        before = {line.id: (line.report_id, line.key, line.value) for line in reports.line_ids}
        reports.action_compile()
        self.assertEqual(set(reports.line_ids.ids), set(before))
        # One more activity held by unit D: only its report's lines that count it change.
        unit_d = self.more_units[0]
        plan = self.Plan.search([("unit_id", "=", unit_d.id), ("year", "=", 2026)])
        extra = self.Task.create(dict(self._task_vals("Thêm", date(2026, 6, 1)), plan_id=plan.id))
        self._done(extra, date(2026, 6, 1), 1, 1)
        reports.action_compile()
        after = {line.id: (line.report_id, line.key, line.value) for line in reports.line_ids}
        others = reports.filtered(lambda report: report.unit_id != unit_d)
        self.assertEqual(
            {line_id for line_id, values in after.items() if values[0] in others},
            {line_id for line_id, values in before.items() if values[0] in others},
        )
        report_d = reports.filtered(lambda report: report.unit_id == unit_d)
        held = report_d.line_ids.filtered(lambda line: line.section == "activities" and line.key == "held")
        self.assertEqual(held.value, 3)
        self.assertNotIn(held.id, before)
