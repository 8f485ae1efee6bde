# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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
}


class GenderEqualityHome(models.TransientModel):
    """ "My work": the landing page of the app, with what each role owes or must decide.

    Every counter is a ``search_count`` made with the user's own rights (record rules
    included), on the same domain as the list its button opens.
    """

    _name = "gender.equality.home"
    _description = "My Work"
    _inherit = ["gender.equality.guard.mixin"]
    _rec_name = "year"

    year = fields.Integer(default=lambda self: fields.Date.context_today(self).year, readonly=True)
    plans_to_submit_count = fields.Integer(compute="_compute_counts", string="Plans to Submit")
    tasks_overdue_count = fields.Integer(compute="_compute_counts", string="Overdue Activities")
    reports_due_count = fields.Integer(compute="_compute_counts", string="Reports to Send")
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
    report_deadline = fields.Date(compute="_compute_report_deadline")
    report_days_left = fields.Integer(
        compute="_compute_report_deadline",
        string="Days Left",
        help="Days left until the deadline of this year's report (negative once it has passed).",
    )
    report_deadline_message = fields.Char(compute="_compute_report_deadline", string="Report Due")
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
        return names

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("year")
    @api.depends_context("uid")
    def _compute_counts(self):
        for home in self:
            for name in COUNTERS:
                home[f"{name}_count"] = 0
            domains = home._home_domains()
            for name in home._home_counters():
                home[f"{name}_count"] = self.env[COUNTERS[name]].search_count(domains[name])

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

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.model
    def action_open_home(self):
        """The app's landing page: a fresh home of the current user."""
        home = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Work"),
            "res_model": self._name,
            "res_id": home.id,
            "view_mode": "form",
            "views": [(self.env.ref("gender_equality_plan.gender_equality_home_view_form").id, "form")],
            "target": "current",
        }

    def action_open_list(self):
        """Open the records behind the counter named in the context key ``gep_counter``."""
        self.ensure_one()
        name = self.env.context.get("gep_counter")
        model = COUNTERS.get(name)
        if not model:
            return False
        Model = self.env[model]
        return {
            "type": "ir.actions.act_window",
            "name": self._fields[f"{name}_count"].get_description(self.env)["string"],
            "res_model": model,
            "domain": self._home_domains()[name],
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "context": {"create": False},
            "help": Model._description,
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
