# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models

from ..tools import roles, vi_format
from ..tools.kpi_summary import summary_field_values

# Counters of the home: name -> model. Their domains come from ``_home_domains`` so
# that each counter and the list it opens always agree.
COUNTERS = {
    "plans_to_submit": "gender.equality.plan",
    "tasks_overdue": "gender.equality.task",
    "reports_due": "gender.equality.report",
    "actions_due": "gender.equality.corrective.action",
    "actions_overdue": "gender.equality.corrective.action",
    "plans_to_approve": "gender.equality.plan",
    "reports_to_approve": "gender.equality.report",
    "inspections_to_approve": "gender.equality.inspection",
    "inspections_planned": "gender.equality.inspection",
    "inspections_late": "gender.equality.inspection",
    "inspections_open": "gender.equality.inspection",
    "actions_to_verify": "gender.equality.corrective.action",
    "units_without_head": "gender.equality.unit",
}
# Counters of what the user's units owe, the records not made yet included (``_home_owed``).
OWED = ("plans_to_submit", "reports_due")
# The cards of the lists that "My work" opens (one column, no to-do widget), when the model's
# own kanban view is grouped; a phone shows the cards (the action's ``mobile_view_mode``).
CARDS = {
    "gender.equality.plan": "gender_equality_plan.gender_equality_plan_view_kanban_cards",
    "gender.equality.task": "gender_equality_plan.gender_equality_task_view_kanban_cards",
}
# From this month on, a unit owes next year's plan too (and is asked to make it).
NEXT_YEAR_PLAN_MONTH = 10


class GenderEqualityHome(models.TransientModel):
    """ "My work": the landing page of the app, with what each role owes or must decide.

    Every counter is made with the user's own rights (record rules included), on the same
    domain as the list its button opens. The plans to submit and the reports to send count
    what the user's units owe (``_home_owed``): the records to finish (draft or returned) and
    those not made yet. When one is not made yet, the next step is offered as a button that
    opens a new record (nothing is saved until the user saves it): make the plan of the year
    (or of next year, from October), make last year's report while it is owed, or this year's
    when its deadline is near.
    """

    _name = "gender.equality.home"
    _description = "My Work"
    _inherit = ["gender.equality.guard.mixin"]
    _rec_name = "year"

    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year, readonly=True)
    plans_to_submit_count = fields.Integer(
        compute="_compute_owed",
        string="Plans to Submit",
        help="Plans of this year and next year that your units owe: not made yet (next year's from "
        "October), draft or returned.",
    )
    tasks_overdue_count = fields.Integer(compute="_compute_counts", string="Overdue Activities")
    reports_due_count = fields.Integer(
        compute="_compute_owed",
        string="Reports to Send",
        help="Annual reports that your units owe: this year's, and last year's until about 10 "
        "November (30 days before this year's deadline); not started, draft or returned.",
    )
    actions_due_count = fields.Integer(compute="_compute_counts", string="Corrective Actions to Carry Out")
    actions_overdue_count = fields.Integer(compute="_compute_counts", string="Overdue Corrective Actions")
    plans_to_approve_count = fields.Integer(compute="_compute_counts", string="Plans to Approve")
    reports_to_approve_count = fields.Integer(compute="_compute_counts", string="Reports to Approve")
    inspections_to_approve_count = fields.Integer(compute="_compute_counts", string="Inspections to Approve")
    inspections_planned_count = fields.Integer(
        compute="_compute_counts",
        string="Planned Inspections",
        help="Inspections planned and not started yet, late ones included.",
    )
    inspections_late_count = fields.Integer(compute="_compute_counts", string="Late Inspections")
    inspections_open_count = fields.Integer(compute="_compute_counts", string="Inspections in Progress")
    actions_to_verify_count = fields.Integer(compute="_compute_counts", string="Corrective Actions to Verify")
    units_without_head_count = fields.Integer(
        compute="_compute_counts",
        string="Units without a Head Account",
        help="Units whose head's approval stages have no account to decide them: they are signed on "
        "paper or skipped, as the Department set each unit, until the head gets an account.",
    )
    report_year = fields.Integer(
        compute="_compute_owed",
        string="Annual Report",
        help="The year of the report whose deadline is shown: last year's while your units still "
        "owe it, else this year's.",
    )
    report_deadline = fields.Date(compute="_compute_report_deadline")
    report_days_left = fields.Integer(
        compute="_compute_report_deadline",
        string="Days Left",
        help="Days left until the deadline of the report (negative once it has passed).",
    )
    report_deadline_message = fields.Char(compute="_compute_report_deadline", string="Report Due")
    next_plan_year = fields.Integer(
        compute="_compute_owed",
        string="Plan to Make",
        help="The year of the plan that one of your units has not made yet (0: none).",
    )
    next_plan_label = fields.Char(compute="_compute_owed")
    next_report_year = fields.Integer(
        compute="_compute_owed",
        string="Report to Start",
        help="The year of the annual report that one of your units has not started yet: last "
        "year's while it is owed, this year's when its deadline is near (0: none).",
    )
    next_report_label = fields.Char(compute="_compute_owed")
    units_expected = fields.Integer(compute="_compute_summary")
    reports_submitted = fields.Integer(compute="_compute_summary")
    reports_on_time = fields.Integer(compute="_compute_summary", string="On Time")
    reports_late = fields.Integer(compute="_compute_summary", string="Late")
    reports_missing = fields.Integer(compute="_compute_summary", string="Missing")
    objective_1_rate = fields.Float(
        compute="_compute_summary", string="Target 1: Units Whose Staff Received the Sessions (%)"
    )
    objective_2_rate = fields.Float(
        compute="_compute_summary", string="Target 2: Units with the Action Month (%)"
    )
    objective_3_rate = fields.Float(compute="_compute_summary", string="Target 3: Rise in Awareness")
    objective_3_label = fields.Char(
        compute="_compute_summary",
        string="Target 3: Rise in Awareness (points)",
        help="The rise in awareness against the baseline year, in percentage points, worded as on "
        "every screen and document.",
    )
    objective_4_rate = fields.Float(
        compute="_compute_summary", string="Target 4: Communication Units Applying the Set (%)"
    )

    @api.depends_context("lang")
    def _compute_display_name(self):
        for home in self:
            home.display_name = self.env._("My Work")

    # ------------------------------------------------------------
    # DOMAINS
    # ------------------------------------------------------------

    def _home_domains(self):
        """The domain of each counter, for the current user and year."""
        self.ensure_one()
        uid = self.env.uid
        mine = [("unit_id.user_ids", "in", uid)]
        to_finish = [("state", "in", ("draft", "returned"))]
        return {
            # The records to finish; those not made yet are owed too (see ``_home_owed``).
            "plans_to_submit": [*mine, ("year", "in", self._home_years("plans_to_submit")), *to_finish],
            "tasks_overdue": [*mine, ("is_overdue", "=", True)],
            "reports_due": [*mine, ("year", "in", self._home_years("reports_due")), *to_finish],
            "actions_due": [*mine, ("state", "in", ("open", "in_progress"))],
            "actions_overdue": [*mine, ("is_overdue", "=", True)],
            "plans_to_approve": [("can_approve", "=", True)],
            "reports_to_approve": [("can_approve", "=", True)],
            "inspections_to_approve": [("can_approve", "=", True)],
            "inspections_planned": [("state", "=", "draft")],
            "inspections_late": [("is_late", "=", True)],
            "inspections_open": [("state", "=", "in_progress")],
            "actions_to_verify": [("state", "=", "done")],
            "units_without_head": [("unit_type", "!=", "department"), ("has_head_account", "=", False)],
        }

    def _home_counters(self):
        """Counters the user's roles show (the others stay at zero and hidden)."""
        user = self.env.user
        names = []
        if user.has_group("gender_equality_plan.group_unit_user"):
            names += ["plans_to_submit", "tasks_overdue", "reports_due", "actions_due", "actions_overdue"]
        if user.has_group("gender_equality_plan.group_unit_manager") or user.has_group(
            "gender_equality_plan.group_department_user"
        ):
            names += ["plans_to_approve", "reports_to_approve", "inspections_to_approve"]
        if user.has_group("gender_equality_plan.group_inspector"):
            names += ["inspections_planned", "inspections_late", "inspections_open", "actions_to_verify"]
        if user.has_group("gender_equality_plan.group_department_user"):
            names.append("units_without_head")
        return names

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    def _home_units(self):
        """The units the user is a member of, with the user's rights."""
        return self.env["gender.equality.unit"].search([("user_ids", "in", self.env.uid)])

    def _home_years(self, name):
        """The years of the owed counter ``name``, oldest first: the plans of this year and
        next year; the reports of the years still owed (``gender.equality.report._owed_years``:
        last year's until about 10 November, the rule of the reminders' calendar)."""
        self.ensure_one()
        if name == "reports_due":
            return self.env["gender.equality.report"]._owed_years(fields.Date.context_today(self))
        return [self.year, self.year + 1]

    def _home_owed(self, name, units=None):
        """What the user's units owe for the counter ``name`` (``OWED``): ``(started, missing)``,
        the records to finish (draft or returned, the list of the counter) and the ``(unit,
        year)`` pairs that have no record yet (cancelled ones aside), oldest year first.

        Not made yet is owed: this year's plan, next year's from October; this year's report,
        and last year's of a unit that had a plan last year (a unit that started using the
        application this year owes no report of the year before). The Department does not
        report to itself."""
        self.ensure_one()
        model = "gender.equality.plan" if name == "plans_to_submit" else "gender.equality.report"
        units = self._home_units() if units is None else units
        if model == "gender.equality.report":
            # Only the units that report to the Department (``has_reporting_duty``): not the
            # Department, not a commune station recorded for its parent's inspections.
            units = units.filtered("has_reporting_duty")
        years = self._home_years(name)
        records = self.env[model].search_fetch(
            [("unit_id", "in", units.ids), ("year", "in", years), ("state", "!=", "cancelled")],
            ["unit_id", "year", "state"],
        )
        started = records.filtered(lambda record: record.state in ("draft", "returned"))
        not_owed = {(record.unit_id.id, record.year) for record in records}
        if model == "gender.equality.plan" and fields.Date.context_today(self).month < NEXT_YEAR_PLAN_MONTH:
            not_owed |= {(unit.id, self.year + 1) for unit in units}
        if model == "gender.equality.report" and self.year - 1 in years:
            planned = self.env["gender.equality.plan"].search(
                [("unit_id", "in", units.ids), ("year", "=", self.year - 1), ("state", "!=", "cancelled")]
            )
            not_owed |= {(unit.id, self.year - 1) for unit in units - planned.unit_id}
        missing = [(unit, year) for year in years for unit in units if (unit.id, year) not in not_owed]
        return started, missing

    @api.depends("year")
    @api.depends_context("uid")
    def _compute_counts(self):
        for home in self:
            for name in COUNTERS:
                if name not in OWED:
                    home[f"{name}_count"] = 0
            domains = home._home_domains()
            for name in home._home_counters():
                if name not in OWED:
                    home[f"{name}_count"] = self.env[COUNTERS[name]].search_count(domains[name])

    @api.depends("year")
    @api.depends_context("uid")
    def _compute_owed(self):
        is_unit_user = roles.has_any(self.env, roles.UNIT_USER) and not self.env.su
        today = fields.Date.context_today(self)
        Report = self.env["gender.equality.report"]
        for home in self:
            plans = (self.env["gender.equality.plan"], [])
            reports = (Report, [])
            if is_unit_user and home.year:
                units = home._home_units()
                plans = home._home_owed("plans_to_submit", units)
                reports = home._home_owed("reports_due", units)
            (plans_started, plans_missing), (reports_started, reports_missing) = plans, reports
            plan_year = plans_missing[0][1] if plans_missing else 0
            missing_report_years = {year for _unit, year in reports_missing}
            report_year = 0
            if home.year - 1 in missing_report_years:
                report_year = home.year - 1
            elif home.year in missing_report_years and today >= Report._report_asked_from(home.year):
                report_year = home.year
            owed_report_years = missing_report_years | set(reports_started.mapped("year"))
            home.update(
                {
                    "plans_to_submit_count": len(plans_started) + len(plans_missing),
                    "reports_due_count": len(reports_started) + len(reports_missing),
                    "next_plan_year": plan_year,
                    "next_plan_label": self.env._("Make the plan %(year)s", year=plan_year)
                    if plan_year
                    else False,
                    "next_report_year": report_year,
                    "next_report_label": self.env._("Make the annual report %(year)s", year=report_year)
                    if report_year
                    else False,
                    "report_year": min(owed_report_years, default=home.year),
                }
            )

    @api.depends("report_year")
    @api.depends_context("uid")
    def _compute_report_deadline(self):
        Period = self.env["gender.equality.report.period"]
        Report = self.env["gender.equality.report"]
        units = self.env.user.gep_unit_ids.filtered("has_reporting_duty")
        today = fields.Date.context_today(self)
        for home in self:
            year = home.report_year or home.year
            deadline = Period._get_deadline(year)
            home.report_deadline = deadline
            home.report_days_left = (deadline - today).days
            # The report's rule: the days left while a unit's report has not reached the
            # Department, then that it is received or accepted.
            home.report_deadline_message = Report._get_deadline_message(year, units)

    @api.depends("year")
    @api.depends_context("uid")
    def _compute_summary(self):
        is_department = self.env.user.has_group("gender_equality_plan.group_department_user")
        for home in self:
            summary = self.env["gender.equality.report"]._get_kpi_headline(home.year) if is_department else {}
            values = summary_field_values(
                summary,
                ("units_expected", "reports_submitted", "reports_on_time", "reports_late", "reports_missing"),
            )
            awareness = next(
                (
                    objective
                    for objective in summary.get("objectives", [])
                    if objective["kind"] == "awareness"
                ),
                None,
            )
            values["objective_3_label"] = (
                vi_format.objective_value(awareness["value"], awareness.get("unit", "points"))
                if awareness
                else "–"
            )
            home.update(values)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.readonly
    def onchange(self, values, field_names, fields_spec):
        """ "My work" is shown as a new record: the web client computes it with ``onchange``, which
        writes nothing. Read-only, it runs on the standby when Odoo has one (``db_replica_host``),
        as the lists' reads do; its buttons save the record first, on the primary."""
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def action_open_home(self):
        """The app's landing page: "My work" of the current user, computed afresh.

        A new record is shown (as Odoo's settings page does): nothing is stored until one of
        its buttons is used, and reloading the page computes it again.
        """
        return self.env["ir.actions.act_window"]._for_xml_id(
            "gender_equality_plan.gender_equality_home_action"
        )

    def action_open_list(self):
        """Open the records behind the counter named in the context key ``gep_counter``."""
        self.ensure_one()
        name = self.env.context.get("gep_counter")
        model = COUNTERS.get(name)
        if not model:
            return False
        if name in OWED:
            started, missing = self._home_owed(name)
            if not started and missing:
                # Nothing started yet: the next step is to make the record (not saved yet).
                return self._home_new_record_action(model, *missing[0])
        Model = self.env[model]
        cards = self.env.ref(CARDS[model]).id if model in CARDS else False
        action = {
            "type": "ir.actions.act_window",
            "name": self._fields[f"{name}_count"].get_description(self.env)["string"],
            "res_model": model,
            "domain": self._home_domains()[name],
            # A table on a desktop, cards on a phone (Odoo opens ``mobile_view_mode`` first on a
            # small screen); a tap on a card opens the record.
            "view_mode": "list,kanban,form",
            "views": [(False, "list"), (cards, "kanban"), (False, "form")],
            "mobile_view_mode": "kanban",
            "context": {"create": False},
            "help": Model._gep_model_label(),
        }
        if name == "units_without_head":
            ref = self.env.ref
            action.update(
                {
                    "view_mode": "list,kanban,form",
                    "views": [
                        (ref("gender_equality_plan.gender_equality_unit_view_list_heads").id, "list"),
                        (ref("gender_equality_plan.gender_equality_unit_view_kanban_heads").id, "kanban"),
                        (False, "form"),
                    ],
                    "help": Markup("<p>%s</p>")
                    % self.env._(
                        "Every unit has a head account: the heads approve their units' records in the "
                        "application."
                    ),
                }
            )
        return action

    def action_create_plan(self):
        """Open a new plan of the year of ``next_plan_year`` for the first unit without one."""
        self.ensure_one()
        return self._home_new_owed_record_action("plans_to_submit", self.next_plan_year)

    def action_create_report(self):
        """Open a new annual report of ``next_report_year`` for the first unit that has not started it."""
        self.ensure_one()
        return self._home_new_owed_record_action("reports_due", self.next_report_year)

    def _home_new_owed_record_action(self, name, year):
        model = COUNTERS[name]
        units = [unit for unit, missing_year in self._home_owed(name)[1] if missing_year == year]
        if not units:
            # Made in the meantime (another tab, a colleague): the list shows where it stands.
            return self.with_context(gep_counter=name).action_open_list()
        return self._home_new_record_action(model, units[0], year)

    def _home_new_record_action(self, model, unit, year):
        """A new record of ``unit`` and ``year`` in a form: nothing is stored until the user
        saves it (the form of the module does not save a record that nobody touched)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env[model]._gep_model_label(),
            "res_model": model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_unit_id": unit.id, "default_year": year},
        }

    def action_open_consolidation(self):
        """The consolidation of the home's year, as a new record (as the menu opens it): it is
        computed by its read-only ``onchange``, on the standby when there is one, and nothing is
        stored that a lagging standby would not know yet."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consolidation %(year)s", year=self.year),
            "res_model": "gender.equality.consolidation",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_year": self.year},
        }
