# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

TASK_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# The Action Month for gender equality and GBV prevention: 15/11–15/12 (plan, objective II.2).
ACTION_MONTH_START = (11, 15)
ACTION_MONTH_END = (12, 15)
# Fields fixed by the approval of the plan; the execution fields stay editable.
PLANNED_FIELDS = {
    "plan_id",
    "name",
    "description",
    "area_id",
    "activity_type_id",
    "observance_id",
    "target_group",
    "form",
    "date_start",
    "date_end",
    "user_id",
    "coordinating_unit_ids",
    "funding_source_id",
    "planned_budget",
}
LOCKED_PLAN_STATES = ("submitted", "approved")


class GenderEqualityTask(models.Model):
    """A communication activity of a unit's annual plan, planned then carried out."""

    _name = "gender.equality.task"
    _description = "Plan Activity"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start, id"

    plan_id = fields.Many2one(
        "gender.equality.plan", string="Plan", required=True, index=True, ondelete="cascade", tracking=True
    )
    unit_id = fields.Many2one(related="plan_id.unit_id", string="Unit", store=True, index=True, readonly=True)
    plan_year = fields.Integer(related="plan_id.year", string="Year", store=True)
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    name = fields.Char(required=True, tracking=True)
    description = fields.Html()
    area_id = fields.Many2one("gender.equality.area", string="Area", required=True, index=True, tracking=True)
    # Named by the external API; it replaces the "next activity type" field of
    # mail.activity.mixin, whose related/search attributes must not be inherited.
    activity_type_id = fields.Many2one(
        "gender.equality.activity.type",
        string="Activity Type",
        required=True,
        index=True,
        tracking=True,
        related=None,
        search=None,
        readonly=False,
    )
    observance_id = fields.Many2one("gender.equality.observance", string="Observance", index=True)
    target_group = fields.Char(string="Target Groups")
    form = fields.Selection(
        [("direct", "Direct"), ("indirect", "Indirect"), ("online", "Online")],
        default="direct",
        help="Direct: face to face. Indirect: through media, posters, leaflets. "
        "Online: on websites and digital platforms.",
    )
    date_start = fields.Date(string="Planned Start", required=True, tracking=True)
    date_end = fields.Date(string="Planned End", required=True, tracking=True)
    user_id = fields.Many2one("res.users", string="Responsible", tracking=True)
    coordinating_unit_ids = fields.Many2many(
        "gender.equality.unit",
        "gender_equality_task_coordinating_unit_rel",
        "task_id",
        "unit_id",
        string="Coordinating Units",
    )
    funding_source_id = fields.Many2one("gender.equality.funding.source", string="Funding Source")
    currency_id = fields.Many2one(related="plan_id.currency_id")
    planned_budget = fields.Monetary(tracking=True)
    actual_cost = fields.Monetary(tracking=True)
    state = fields.Selection(
        TASK_STATES,
        required=True,
        default="planned",
        tracking=True,
        index=True,
        copy=False,
        help="Planned: not started.\nIn Progress: being carried out.\n"
        "Done: carried out; actual dates, and participants and evidence when the type asks "
        "for them, are recorded.\nCancelled: will not be carried out.",
    )
    actual_date_start = fields.Date(string="Actual Start", copy=False)
    actual_date_end = fields.Date(string="Actual End", copy=False)
    participants_male = fields.Integer(string="Male Participants", copy=False)
    participants_female = fields.Integer(string="Female Participants", copy=False)
    participants_total = fields.Integer(
        compute="_compute_participants_total", store=True, string="Participants"
    )
    estimated_reach = fields.Integer(
        copy=False, help="Estimated number of people reached (readers, viewers…), beyond the participants."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "gender_equality_task_ir_attachment_rel",
        "task_id",
        "attachment_id",
        string="Evidence",
        copy=False,
        help="Documents that prove the activity took place: minutes, photos, links…",
    )
    is_action_month = fields.Boolean(
        compute="_compute_is_action_month",
        store=True,
        string="In the Action Month",
        help="The planned dates overlap the Action Month, 15/11–15/12 of the plan year.",
    )
    is_dissemination = fields.Boolean(
        related="activity_type_id.is_dissemination", store=True, string="Dissemination Session"
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        string="Overdue",
        help="The planned end has passed and the activity is neither done nor cancelled.",
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("participants_male", "participants_female")
    def _compute_participants_total(self):
        for task in self:
            task.participants_total = task.participants_male + task.participants_female

    @api.depends("date_start", "date_end", "plan_id.year")
    def _compute_is_action_month(self):
        for task in self:
            year = task.plan_id.year
            if not (year and task.date_start):
                task.is_action_month = False
                continue
            window_start = date(year, *ACTION_MONTH_START)
            window_end = date(year, *ACTION_MONTH_END)
            end = task.date_end or task.date_start
            task.is_action_month = task.date_start <= window_end and end >= window_start

    @api.depends_context("date")
    @api.depends("date_end", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for task in self:
            task.is_overdue = bool(
                task.date_end and task.date_end < today and task.state not in ("done", "cancelled")
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search on overdue activities is not supported."))
        domain = [
            ("date_end", "<", fields.Date.context_today(self)),
            ("state", "not in", ("done", "cancelled")),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("date_start", "date_end", "actual_date_start", "actual_date_end")
    def _check_dates(self):
        for task in self:
            if task.date_start and task.date_end and task.date_end < task.date_start:
                raise ValidationError(
                    self.env._("The activity %(task)s ends before it starts.", task=task.name)
                )
            if (
                task.actual_date_start
                and task.actual_date_end
                and task.actual_date_end < task.actual_date_start
            ):
                raise ValidationError(
                    self.env._("The activity %(task)s actually ended before it started.", task=task.name)
                )

    @api.constrains("date_start", "date_end", "plan_id")
    def _check_dates_in_plan_year(self):
        for task in self:
            if not task._dates_in_year(task.plan_id.year):
                raise ValidationError(
                    self.env._(
                        "The activity %(task)s must take place in %(year)s, the year of its plan.",
                        task=task.name,
                        year=task.plan_id.year,
                    )
                )

    @api.constrains(
        "participants_male", "participants_female", "estimated_reach", "planned_budget", "actual_cost"
    )
    def _check_positive(self):
        for task in self:
            if min(task.participants_male, task.participants_female, task.estimated_reach) < 0:
                raise ValidationError(
                    self.env._(
                        "The numbers of people of the activity %(task)s cannot be negative.", task=task.name
                    )
                )
            if min(task.planned_budget, task.actual_cost) < 0:
                raise ValidationError(
                    self.env._("The amounts of the activity %(task)s cannot be negative.", task=task.name)
                )

    def _dates_in_year(self, year):
        self.ensure_one()
        return all(day.year == year for day in (self.date_start, self.date_end) if day)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("state", "planned") != "planned" for vals in vals_list):
            raise AccessError(self.env._("A new activity starts planned; its actions change its status."))
        plans = self.env["gender.equality.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        plans._check_tasks_editable()
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise AccessError(
                self.env._(
                    "The status of an activity changes only through its actions (start, done, cancel)."
                )
            )
        if "plan_id" in vals:
            new_plan = self.env["gender.equality.plan"].browse(vals["plan_id"])
            moved = self.filtered(lambda task: task.plan_id != new_plan)
            if moved.filtered(lambda task: task.unit_id != new_plan.unit_id):
                raise UserError(
                    self.env._(
                        "An activity stays in the unit that planned it: it cannot move to "
                        "the plan %(plan)s of another unit.",
                        plan=new_plan.display_name,
                    )
                )
            new_plan._check_tasks_editable()
        if PLANNED_FIELDS & vals.keys():
            self.plan_id._check_tasks_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_plan(self):
        self.plan_id._check_tasks_editable()

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        wrong = self.filtered(lambda task: task.state != "planned")
        if wrong:
            raise UserError(
                self.env._("The activity %(task)s is not planned: it cannot start.", task=wrong[0].name)
            )
        today = fields.Date.context_today(self)
        self.filtered(lambda task: not task.actual_date_start).write({"actual_date_start": today})
        self._write_state("in_progress")
        return True

    def action_done(self):
        for task in self:
            task._check_can_be_done()
        self._write_state("done")
        return True

    def action_cancel(self):
        wrong = self.filtered(lambda task: task.state == "done")
        if wrong:
            raise UserError(
                self.env._("The activity %(task)s is done: it cannot be cancelled.", task=wrong[0].name)
            )
        self._write_state("cancelled")
        return True

    def _write_state(self, state):
        """Write the status after the action checked it may (the ORM checks the access)."""
        self.check_access("write")
        self.sudo().write({"state": state})

    def _check_can_be_done(self):
        self.ensure_one()
        if self.state not in ("planned", "in_progress"):
            raise UserError(self.env._("The activity %(task)s cannot be marked done.", task=self.name))
        if not (self.actual_date_start and self.actual_date_end):
            raise UserError(
                self.env._(
                    "Enter the actual start and end dates of the activity %(task)s before marking it done.",
                    task=self.name,
                )
            )
        if self.activity_type_id.requires_participants and not self.participants_total:
            raise UserError(
                self.env._(
                    "Enter the male and female participants of the activity %(task)s before marking it done.",
                    task=self.name,
                )
            )
        if self.activity_type_id.requires_evidence and not self.attachment_ids:
            raise UserError(
                self.env._(
                    "Attach the evidence of the activity %(task)s (minutes, photos, link…) "
                    "before marking it done.",
                    task=self.name,
                )
            )
