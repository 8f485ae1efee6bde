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
# A unit is asked to start its report this many days before the deadline (the first reminder).
REPORT_NEXT_STEP_DAYS = 30
# From this month on, a unit that has its plan of the year is asked to make next year's.
NEXT_YEAR_PLAN_MONTH = 10


class GenderEqualityHome(models.TransientModel):
    """ "My work": the landing page of the app, with what each role owes or must decide.

    Every counter is a ``search_count`` made with the user's own rights (record rules
    included), on the same domain as the list its button opens; the reports to send count the
    reports that the user's units owe (a report not started yet is owed too). When something
    is due, the next step is offered as a button: make the plan of the year (or of next year,
    from October), start the annual report when its deadline is near.
    """

    _name = "gender.equality.home"
    _description = "My Work"
    _inherit = ["gender.equality.guard.mixin"]
    _rec_name = "year"

    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year, readonly=True)
    plans_to_submit_count = fields.Integer(compute="_compute_counts", string="Plans to Submit")
    tasks_overdue_count = fields.Integer(compute="_compute_counts", string="Overdue Activities")
    reports_due_count = fields.Integer(
        compute="_compute_counts",
        string="Reports to Send",
        help="Annual reports of the year that your units owe: not started, draft or returned.",
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
    report_deadline = fields.Date(compute="_compute_report_deadline")
    report_days_left = fields.Integer(
        compute="_compute_report_deadline",
        string="Days Left",
        help="Days left until the deadline of this year's report (negative once it has passed).",
    )
    report_deadline_message = fields.Char(compute="_compute_report_deadline", string="Report Due")
    next_plan_year = fields.Integer(
        compute="_compute_next_steps",
        string="Plan to Make",
        help="The year of the plan that one of your units has not made yet (0: none).",
    )
    next_plan_label = fields.Char(compute="_compute_next_steps")
    next_report_year = fields.Integer(
        compute="_compute_next_steps",
        string="Report to Start",
        help="The year of the annual report that one of your units has not started yet, when its "
        "deadline is near (0: none).",
    )
    next_report_label = fields.Char(compute="_compute_next_steps")
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
    objective_3_rate = fields.Float(compute="_compute_summary", string="Target 3: Rise in Awareness (Number)")
    objective_3_display = fields.Char(
        compute="_compute_summary",
        string="Target 3: Rise in Awareness",
        help="The rise of the awareness rate of the community target groups against the baseline year, "
        "in its unit (percentage points, or % for a relative change); judged at the target year "
        "(2030), a trend before.",
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
        year = [("year", "=", self.year)]
        return {
            "plans_to_submit": mine + year + [("state", "in", ("draft", "returned"))],
            "tasks_overdue": [*mine, ("is_overdue", "=", True)],
            # The reports to finish; the units that have not started theirs owe one too (see
            # ``_home_units_owing_report``).
            "reports_due": mine + year + [("state", "in", ("draft", "returned"))],
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

    def _home_units_owing_report(self, year):
        """The user's units that owe their report of ``year``: no report submitted or accepted
        (none yet, a draft or a returned one). Only the units that report to the Department
        (``has_reporting_duty``): the Department does not report to itself, a commune station
        recorded for its parent's inspections owes nothing."""
        units = self._home_units().filtered("has_reporting_duty")
        sent = self.env["gender.equality.report"].search(
            [("unit_id", "in", units.ids), ("year", "=", year), ("state", "in", ("submitted", "accepted"))]
        )
        return units - sent.unit_id

    def _home_units_without(self, model, year):
        """The user's units that have no record of ``model`` (plans, reports) for ``year``,
        cancelled ones aside."""
        units = self._home_units()
        if model == "gender.equality.report":
            units = units.filtered("has_reporting_duty")
        existing = self.env[model].search(
            [("unit_id", "in", units.ids), ("year", "=", year), ("state", "!=", "cancelled")]
        )
        return units - existing.unit_id

    @api.depends("year")
    @api.depends_context("uid")
    def _compute_counts(self):
        for home in self:
            for name in COUNTERS:
                home[f"{name}_count"] = 0
            domains = home._home_domains()
            for name in home._home_counters():
                if name == "reports_due":
                    home.reports_due_count = len(home._home_units_owing_report(home.year))
                else:
                    home[f"{name}_count"] = self.env[COUNTERS[name]].search_count(domains[name])

    @api.depends("year")
    @api.depends_context("uid")
    def _compute_next_steps(self):
        is_unit_user = roles.has_any(self.env, roles.UNIT_USER) and not self.env.su
        today = fields.Date.context_today(self)
        Period = self.env["gender.equality.report.period"]
        for home in self:
            plan_year = report_year = 0
            if is_unit_user and home.year:
                if home._home_units_without("gender.equality.plan", home.year):
                    plan_year = home.year
                elif today.month >= NEXT_YEAR_PLAN_MONTH and home._home_units_without(
                    "gender.equality.plan", home.year + 1
                ):
                    plan_year = home.year + 1
                days_left = (Period._get_deadline(home.year) - today).days
                if days_left <= REPORT_NEXT_STEP_DAYS and home._home_units_without(
                    "gender.equality.report", home.year
                ):
                    report_year = home.year
            home.next_plan_year = plan_year
            home.next_plan_label = (
                self.env._("Make the plan %(year)s", year=plan_year) if plan_year else False
            )
            home.next_report_year = report_year
            home.next_report_label = (
                self.env._("Make the annual report %(year)s", year=report_year) if report_year else False
            )

    @api.depends("year")
    def _compute_report_deadline(self):
        Period = self.env["gender.equality.report.period"]
        today = fields.Date.context_today(self)
        for home in self:
            deadline = Period._get_deadline(home.year)
            home.report_deadline = deadline
            home.report_days_left = (deadline - today).days
            if home.report_days_left >= 0:
                home.report_deadline_message = self.env._(
                    "%(days)s days left until %(deadline)s",
                    days=home.report_days_left,
                    deadline=deadline.strftime("%d/%m/%Y"),
                )
            else:
                home.report_deadline_message = self.env._(
                    "The deadline %(deadline)s has passed", deadline=deadline.strftime("%d/%m/%Y")
                )

    @api.depends("year")
    @api.depends_context("uid")
    def _compute_summary(self):
        is_department = self.env.user.has_group("gender_equality_plan.group_department_user")
        for home in self:
            summary = self.env["gender.equality.report"]._get_kpi_headline(home.year) if is_department else {}
            home.update(
                summary_field_values(
                    summary,
                    (
                        "units_expected",
                        "reports_submitted",
                        "reports_on_time",
                        "reports_late",
                        "reports_missing",
                    ),
                )
            )
            awareness = next(
                (row for row in summary.get("objectives", []) if row["kind"] == "awareness"), None
            )
            # The figure in its unit, as every screen and document words it ("+7,1 điểm phần trăm").
            home.objective_3_display = (
                vi_format.objective_value(awareness["value"], awareness["unit"]) if awareness else False
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

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
        if name == "reports_due" and not self.env[model].search_count(self._home_domains()[name]):
            # Nothing started yet: the next step is to make the report.
            owing = self._home_units_owing_report(self.year)
            if owing:
                return self._home_new_record_action(model, owing[:1], self.year)
        Model = self.env[model]
        action = {
            "type": "ir.actions.act_window",
            "name": self._fields[f"{name}_count"].get_description(self.env)["string"],
            "res_model": model,
            "domain": self._home_domains()[name],
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
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
        year = self.next_plan_year or self.year
        units = self._home_units_without("gender.equality.plan", year)
        return self._home_new_record_action("gender.equality.plan", units[:1], year)

    def action_create_report(self):
        """Open a new annual report of the year for the first unit that has not started it."""
        self.ensure_one()
        year = self.next_report_year or self.year
        units = self._home_units_without("gender.equality.report", year)
        return self._home_new_record_action("gender.equality.report", units[:1], year)

    def _home_new_record_action(self, model, unit, year):
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
        self.ensure_one()
        consolidation = self.env["gender.equality.consolidation"].create({"year": self.year})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consolidation %(year)s", year=self.year),
            "res_model": "gender.equality.consolidation",
            "res_id": consolidation.id,
            "view_mode": "form",
            "target": "current",
        }
