# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.sql import create_index

from ..tools import common, import_template, reporting_cycle
from ..tools.common import local_today
from ..tools.html_clean import NarrativeHtml

TASK_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# Target groups of an activity. Target 1 of the plan (section II.2) counts the sessions that a
# unit's staff receive: those it organises for its staff and those of others that they attend.
TARGET_GROUPS = [
    ("staff", "Staff of the unit"),
    ("patients_families", "Patients and their families"),
    ("community", "Community"),
    ("other", "Other"),
]
# Fields fixed by the approval of the plan; the execution fields stay editable.
PLANNED_FIELDS = {
    "plan_id",
    "name",
    "description",
    "area_id",
    "activity_type_id",
    "observance_id",
    "topic_ids",
    "target_group",
    "target_group_note",
    "form",
    "date_start",
    "date_end",
    "user_id",
    "coordinating_unit_ids",
    "funding_source_id",
    "planned_budget",
}
# Fields of the execution, recorded once the plan is approved.
EXECUTION_FIELDS = {
    "actual_date_start",
    "actual_date_end",
    "participants_male",
    "participants_female",
    "estimated_reach",
    "actual_cost",
    "attachment_ids",
    "attending_unit_ids",
    "product_ids",
}
# Odoo's import of activities from a workbook: the template units download from the import
# dialog, made when it is downloaded from the configuration (``_import_template_content``), whose
# headers are these fields' labels in Vietnamese.
IMPORT_TEMPLATE = "/gender_equality_plan/import_template/activities"
IMPORT_TEMPLATE_FILENAME = "mau_nhap_hoat_dong.xlsx"
IMPORT_COLUMNS = (
    "name",
    "area_id",
    "activity_type_id",
    "observance_id",
    "topic_ids",
    "target_group",
    "target_group_note",
    "form",
    "date_start",
    "date_end",
    "funding_source_id",
    "planned_budget",
)
# Reports and supplements in these states count the activities: their figures are frozen.
FREEZING_REPORT_STATES = ("submitted", "accepted")
# The flags that follow the plan, the reports and the calendar (``_compute_flags``).
FLAG_FIELDS = ("is_editable", "can_execute", "can_start", "can_finish", "can_cancel", "is_locked")


def _import_key(name):
    """A topic's name as the import compares it: case and spaces aside."""
    return " ".join((name or "").split()).casefold()


def _import_names(cell, known):
    """``[(key, name as written)]`` of the topics named in a cell of the import: separated by
    semicolons or line breaks; a part that is no topic's name but whose comma-separated pieces
    are (Odoo's usual separator) counts as those."""
    names = []
    for part in re.split(r"[;\n]", cell or ""):
        key = _import_key(part)
        if not key:
            continue
        pieces = [piece for piece in part.split(",") if _import_key(piece)]
        if key not in known and len(pieces) > 1 and all(_import_key(piece) in known for piece in pieces):
            names.extend((_import_key(piece), piece.strip()) for piece in pieces)
        else:
            names.append((key, part.strip()))
    return names


class GenderEqualityTask(models.Model):
    """A communication activity of a unit's annual plan, planned then carried out."""

    _name = "gender.equality.task"
    _description = "Plan Activity"
    _inherit = ["gender.equality.guard.mixin", "gender.equality.inbox.mixin", "mail.activity.mixin"]
    _order = "date_start, id"
    # Integrity policy: an activity stays in its plan; it is planned while its plan is editable,
    # carried out once its plan is approved, and frozen once a report counts it.
    _gep_parent_field = "plan_id"
    _gep_locked_with_parent = False
    _gep_protected_fields = ("state",)

    plan_id = fields.Many2one(
        "gender.equality.plan", string="Plan", required=True, index=True, ondelete="cascade", tracking=True
    )
    unit_id = fields.Many2one(related="plan_id.unit_id", string="Unit", store=True, index=True, readonly=True)
    plan_year = fields.Integer(related="plan_id.year", string="Year", store=True)
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")
    name = fields.Char(required=True, tracking=True)
    description = NarrativeHtml()
    area_id = fields.Many2one("gender.equality.area", string="Area", required=True, index=True, tracking=True)
    area_code = fields.Char(related="area_id.code", string="Area Code")
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
    topic_ids = fields.Many2many(
        "gender.equality.topic",
        "gender_equality_task_topic_rel",
        "task_id",
        "topic_id",
        string="Topics",
        help="The topics the activity addresses (plan section V), counted by the annual report.",
    )
    target_group = fields.Selection(
        TARGET_GROUPS,
        help="Who the activity is for. A dissemination session for the staff of the unit counts "
        "for target 1 of the plan (at least two sessions a year received by the staff).",
    )
    target_group_note = fields.Char(string="Target Group Details", help="Who exactly, in words.")
    attending_unit_ids = fields.Many2many(
        "gender.equality.unit",
        "gender_equality_task_attending_unit_rel",
        "task_id",
        "unit_id",
        string="Units Whose Staff Attended",
        copy=False,
        help="Other units whose staff attended this session (a session of the Department for the "
        "staff of the sector, for instance): it counts for them as a session their staff received.",
    )
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
        group_expand="_group_expand_states",
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
    product_ids = fields.One2many(
        "gender.equality.communication.product",
        "task_id",
        string="Communication Products",
        copy=False,
        help="Leaflets, articles, videos, materials put online, reproductions of the ministry's "
        "products made by the activity, with their quantity.",
    )
    is_action_month = fields.Boolean(
        compute="_compute_is_action_month",
        store=True,
        string="Planned in the Action Month",
        help="The activity is planned in the Action Month of the plan year (the observance flagged "
        "as the Action Month: 15/11–15/12): it starts in it, or at least half of its planned days fall "
        "in it. For planning; what was held counts by its actual dates.",
    )
    is_held_in_action_month = fields.Boolean(
        compute="_compute_is_action_month",
        store=True,
        string="Held in the Action Month",
        help="Done, and held in the Action Month of its year: it started in it, or at least half of "
        "its days fell in it (an activity held all year is not an activity of the Action Month).",
    )
    is_staff_session = fields.Boolean(
        compute="_compute_is_staff_session",
        store=True,
        string="Session for the Staff",
        help="A dissemination session for the staff of the unit (target 1 of the plan).",
    )
    is_dissemination = fields.Boolean(
        related="activity_type_id.is_dissemination", store=True, string="Dissemination Session"
    )
    staff_session_note = fields.Text(
        compute="_compute_staff_session_note",
        string="Target 1 of the Plan",
        help="Whether the activity counts as a session received by the staff of the unit (target 1 "
        "of the plan), and why: it follows the activity type and the target group as they are chosen.",
    )
    report_ids = fields.Many2many(
        "gender.equality.report",
        "gender_equality_report_task_rel",
        "task_id",
        "report_id",
        string="Counted by Reports",
        readonly=True,
        copy=False,
    )
    supplement_ids = fields.Many2many(
        "gender.equality.report.supplement",
        "gender_equality_report_supplement_task_rel",
        "task_id",
        "supplement_id",
        string="Counted by Supplements",
        readonly=True,
        copy=False,
    )
    is_editable = fields.Boolean(
        compute="_compute_flags",
        compute_sudo=True,
        string="Editable",
        help="The planned fields can change: the plan is a draft or returned.",
    )
    can_execute = fields.Boolean(
        compute="_compute_flags",
        compute_sudo=True,
        string="Can Be Carried Out",
        help="The plan is approved: the activity is started, done or cancelled, and its execution "
        "(actual dates, participants, evidence, cost) is recorded.",
    )
    can_start = fields.Boolean(compute="_compute_flags", compute_sudo=True)
    can_finish = fields.Boolean(compute="_compute_flags", compute_sudo=True)
    can_cancel = fields.Boolean(compute="_compute_flags", compute_sudo=True)
    is_locked = fields.Boolean(
        compute="_compute_flags",
        compute_sudo=True,
        string="Locked",
        help="A submitted or accepted report (or a submitted or accepted supplement) counts the activity, "
        "its plan is cancelled, or the report of its year is submitted and the period of the "
        "Action-Month supplement is over: nothing of it changes any more.",
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        string="Overdue",
        help="The planned end has passed and the activity is neither done nor cancelled.",
    )

    @api.model
    def _group_expand_states(self, states, domain):
        return common.expand_states([state for state, __ in TASK_STATES], states)

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("state", "plan_id.state", "report_ids.state", "supplement_ids.state")
    @api.depends_context("date")
    def _compute_flags(self):
        """The flags that the views and the integrity policy read. Time is part of the freeze:
        once the report of the plan's year is submitted or accepted, the planned activities
        are fixed and only the Action-Month catch-up remains (``_year_closure``)."""
        closure = self.plan_id._year_closure()
        for task in self:
            plan = task.plan_id
            reported, catch_up = closure.get(plan.id, (False, False))
            task.is_locked = (
                plan.state == "cancelled"
                or any(report.state in FREEZING_REPORT_STATES for report in task.report_ids)
                or any(supplement.state in FREEZING_REPORT_STATES for supplement in task.supplement_ids)
                or (reported and not catch_up)
            )
            task.is_editable = not task.is_locked and plan.is_editable and not reported
            task.can_execute = not task.is_locked and plan.is_locked
            task.can_start = task.can_execute and task.state == "planned"
            task.can_finish = task.can_execute and task.state in ("planned", "in_progress")
            # A planned activity is cancelled while its plan is prepared, or while it is carried out.
            task.can_cancel = (task.can_execute or task.is_editable) and task.state in (
                "planned",
                "in_progress",
            )

    @api.depends("participants_male", "participants_female")
    def _compute_participants_total(self):
        for task in self:
            task.participants_total = task.participants_male + task.participants_female

    @api.depends("date_start", "date_end", "plan_id.year", "state", "actual_date_start", "actual_date_end")
    def _compute_is_action_month(self):
        """The planned and the actual dates against the window of the Action Month of the plan
        year (the observance flagged as the Action Month; see ``_recompute_action_month``), by
        the rule of ``reporting_cycle.in_window``: its start in the window, or half its days."""
        Observance = self.env["gender.equality.observance"]
        windows = {
            year: Observance._get_action_month_window(year) for year in set(self.mapped("plan_id.year"))
        }
        for task in self:
            window = windows.get(task.plan_id.year)
            task.is_action_month = reporting_cycle.in_window(window, task.date_start, task.date_end)
            task.is_held_in_action_month = task.state == "done" and reporting_cycle.in_window(
                window, task.actual_date_start, task.actual_date_end
            )

    @api.depends("is_dissemination", "target_group")
    def _compute_is_staff_session(self):
        for task in self:
            task.is_staff_session = task.is_dissemination and task.target_group == "staff"

    @api.depends("activity_type_id", "is_dissemination", "target_group")
    def _compute_staff_session_note(self):
        """The rule of target 1 (section II.2.1), told for the activity being planned: it counts
        when its type is a dissemination session of gender-equality law and policy (a type the
        Department marks so) and it is held for the staff of the unit. A talk or a training on the
        Law for the staff does not count unless its type is one of those: say which types do."""
        _ = self.env._
        objective, minimum = self.env["gender.equality.objective"]._get_min_sessions()
        target = _("target %(code)s", code=objective.code) if objective else _("target 1 of the plan")
        types = self.env["gender.equality.activity.type"].search([("is_dissemination", "=", True)])
        type_names = ", ".join(f"«{name}»" for name in types.mapped("name")) or _("(none configured yet)")
        groups = dict(self._fields["target_group"]._description_selection(self.env))
        staff = groups["staff"]
        for task in self:
            if not task.activity_type_id or not task.target_group:
                note = _(
                    "Choose the activity type and the target group. The activity counts for %(target)s "
                    "(the staff of the unit receive at least %(minimum)s sessions a year) when its type "
                    "is a dissemination session (%(types)s) and its target group is «%(staff)s».",
                    target=target,
                    minimum=minimum,
                    types=type_names,
                    staff=staff,
                )
            elif task.is_staff_session:
                note = _(
                    "Counts for %(target)s: a dissemination session («%(type)s») for the staff of the "
                    "unit is one of the %(minimum)s sessions they must receive in a year.",
                    target=target,
                    type=task.activity_type_id.name,
                    minimum=minimum,
                )
            elif task.is_dissemination:
                note = _(
                    "Does not count for %(target)s: the session is for «%(group)s», not for the staff of "
                    "the unit. Choose the target group «%(staff)s» if it is held for them.",
                    target=target,
                    group=groups[task.target_group],
                    staff=staff,
                )
            else:
                note = _(
                    "Does not count for %(target)s: the type «%(type)s» is not a dissemination session "
                    "of gender-equality law and policy. If the activity disseminates the Law on Gender "
                    "Equality to the staff, choose one of the types that count: %(types)s.",
                    target=target,
                    type=task.activity_type_id.name,
                    types=type_names,
                )
            task.staff_session_note = note

    @api.model
    def _recompute_action_month(self):
        """The window of the Action Month changed: recompute the flags of every activity."""
        tasks = self.sudo().with_context(active_test=False).search([])
        self.env.add_to_compute(self._fields["is_action_month"], tasks)
        self.env.add_to_compute(self._fields["is_held_in_action_month"], tasks)

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

    def init(self):
        result = super().init()
        # The lists sort activities by their planned start (``_order``): without an index a
        # country's unfiltered list sorts every activity to show 80. A unit's list and the
        # figures of a year filter on the unit and the actual dates.
        create_index(
            self.env.cr, "gender_equality_task_date_start_id_index", self._table, ["date_start", "id"]
        )
        create_index(
            self.env.cr, "gender_equality_task_unit_date_start_index", self._table, ["unit_id", "date_start"]
        )
        create_index(
            self.env.cr,
            "gender_equality_task_done_dates_index",
            self._table,
            ["actual_date_start", "actual_date_end"],
            where="state = 'done'",
        )
        # Target 2 (the consolidation): whether a plan has an Action-Month activity, asked for
        # every plan of a year at each call of the KPI summary.
        create_index(
            self.env.cr,
            "gender_equality_task_action_month_plan_index",
            self._table,
            ["plan_id"],
            where="is_action_month AND state != 'cancelled'",
        )
        return result

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("date_start", "date_end", "actual_date_start", "actual_date_end")
    def _check_dates(self):
        for task in self:
            problem = task._problem_dates_order()
            if problem:
                raise ValidationError(problem)

    @api.constrains("date_start", "date_end", "actual_date_start", "actual_date_end", "plan_id")
    def _check_dates_in_plan_year(self):
        """Planned and actual dates fall in the plan's year, and an activity is not held in the
        future: an activity of a 2026 plan held "on 1/6/2025" would count in the report of
        2025, and one marked done today "on 14/12" would count before it happened."""
        for task in self:
            problem = task._problem_dates_outside_year() or task._problem_actual_dates_in_future()
            if problem:
                raise ValidationError(problem)

    @api.constrains(
        "participants_male", "participants_female", "estimated_reach", "planned_budget", "actual_cost"
    )
    def _check_positive(self):
        for task in self:
            problem = task._problem_negative_numbers()
            if problem:
                raise ValidationError(problem)

    @api.onchange(
        "date_start",
        "date_end",
        "actual_date_start",
        "actual_date_end",
        "participants_male",
        "participants_female",
        "estimated_reach",
        "planned_budget",
        "actual_cost",
    )
    def _onchange_warn_input_problems(self):
        """Say what is wrong while the activity is being edited (in the dialog of a plan that is
        not saved yet, the constraints speak only when the plan is saved)."""
        problems = [
            problem
            for problem in (
                self._problem_dates_order(),
                self._problem_dates_outside_year(),
                self._problem_actual_dates_in_future(),
                self._problem_negative_numbers(),
            )
            if problem
        ]
        if problems:
            return {"warning": {"title": self.env._("Check the activity"), "message": "\n".join(problems)}}
        return None

    # The problems of one activity, as the constraints and the warnings say them (or None).

    def _problem_label(self):
        return self.name or self.env._("(no name yet)")

    def _problem_dates_order(self):
        if self.date_start and self.date_end and self.date_end < self.date_start:
            return self.env._("The activity %(task)s ends before it starts.", task=self._problem_label())
        if self.actual_date_start and self.actual_date_end and self.actual_date_end < self.actual_date_start:
            return self.env._(
                "The activity %(task)s actually ended before it started.", task=self._problem_label()
            )
        return None

    def _problem_dates_outside_year(self):
        year = self.plan_id.year
        if year and not self._dates_in_year(year):
            return self.env._(
                "The activity %(task)s must take place in %(year)s, the year of its plan.",
                task=self._problem_label(),
                year=year,
            )
        if year and not all(
            day.year == year for day in (self.actual_date_start, self.actual_date_end) if day
        ):
            return self.env._(
                "The activity %(task)s was held in %(year)s, the year of its plan: its actual dates "
                "must fall in %(year)s. An activity held in another year belongs to the plan of that year.",
                task=self._problem_label(),
                year=year,
            )
        return None

    def _problem_actual_dates_in_future(self):
        today = local_today()
        if any(day > today for day in (self.actual_date_start, self.actual_date_end) if day):
            return self.env._(
                "The activity %(task)s cannot have been held after today (%(today)s): record its "
                "actual dates once it has taken place.",
                task=self._problem_label(),
                today=today.strftime("%d/%m/%Y"),
            )
        return None

    def _problem_negative_numbers(self):
        if min(self.participants_male, self.participants_female, self.estimated_reach) < 0:
            return self.env._(
                "The numbers of people of the activity %(task)s cannot be negative.",
                task=self._problem_label(),
            )
        if min(self.planned_budget, self.actual_cost) < 0:
            return self.env._(
                "The amounts of the activity %(task)s cannot be negative.", task=self._problem_label()
            )
        return None

    @api.constrains("observance_id", "plan_id")
    def _check_observance_id(self):
        for task in self.sudo():
            observance_unit = task.observance_id.unit_id
            if observance_unit and observance_unit != task.plan_id.unit_id:
                raise ValidationError(
                    self.env._(
                        "The observance %(observance)s is a day of %(unit)s: another unit's activity "
                        "cannot refer to it.",
                        observance=task.observance_id.name,
                        unit=observance_unit.name,
                    )
                )

    def _dates_in_year(self, year):
        self.ensure_one()
        return all(day.year == year for day in (self.date_start, self.date_end) if day)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _gep_locked_fields(self):
        """Planned fields while the plan is not editable, execution fields until it is approved,
        everything once frozen (the flags the views read)."""
        scope = self._gep_policy()[0]
        locked = {}
        for task in self:
            if task.is_locked:
                locked[task] = scope
                continue
            names = set()
            if not task.is_editable:
                names |= PLANNED_FIELDS
            if not task.can_execute:
                names |= EXECUTION_FIELDS
            if names:
                locked[task] = frozenset(names)
        return locked

    def _gep_accepts_children(self):
        """Communication products are recorded with the execution of the activity."""
        return all(self.mapped("can_execute"))

    def _gep_attachments_frozen(self):
        """The files of an activity (its evidence, its chatter) are frozen with it: once a report
        counts it, or its plan is cancelled. Before, they follow the work on the activity."""
        return self.filtered("is_locked")

    def _gep_comments_editable(self):
        """Comments are edited while the activity is prepared or carried out, until it is frozen."""
        return self.filtered(lambda task: not task.is_locked)

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("import_file"):
            self._check_import_required(vals_list)
        return super().create(vals_list)

    @api.model
    def _gep_check_create_parents(self, plans):
        """New activities join editable plans only (the policy passes the plans of the completed
        values: a ``default_plan_id`` of the context counts as much as a ``plan_id``)."""
        plans._check_tasks_editable()

    @api.model
    def _check_import_required(self, vals_list):
        """Odoo's import leaves out a required value that a row lacks or names wrongly (an area
        code that does not exist): say which, in the user's language, before the database
        refuses the row."""
        required = [name for name, field in self._fields.items() if field.required and field.store]
        for vals in vals_list:
            complete = self._add_missing_default_values(vals)
            missing = [name for name in required if not complete.get(name)]
            if missing:
                labels = self.fields_get(missing, ["string"])
                raise UserError(
                    self.env._(
                        "The activity %(task)s lacks: %(fields)s.",
                        task=vals.get("name") or "",
                        fields=", ".join(labels[name]["string"] for name in missing),
                    )
                )

    def _gep_check_unlink_parents(self):
        """Activities leave editable plans only."""
        self.plan_id._check_tasks_editable()

    @api.model
    @api.readonly
    def get_import_templates(self):
        """The workbook offered by Odoo's import dialog: one row per activity, Vietnamese headers,
        made when it is downloaded (``_import_template_content``)."""
        return [{"label": self.env._("Template of a plan's activities (Excel)"), "template": IMPORT_TEMPLATE}]

    @api.model
    def _import_template_content(self):
        """The import template as the configuration stands: its columns are the labels of
        ``IMPORT_COLUMNS`` and its lists the values the user may choose (areas by code, the
        active activity types, the observances the user sees (the Department's and their
        units' own days), topics, funding sources, target groups and forms). In Vietnamese,
        the language of the units' workbooks, when it is installed."""
        env = self.env["gender.equality.report"]._document_env()
        env = self.env(context=dict(self.env.context, lang=env.lang))
        Task = env[self._name]
        labels = Task.fields_get(list(IMPORT_COLUMNS), ["string", "selection"])

        def names(model, field="name"):
            return env[model].search([]).mapped(field)

        choices = {
            "area_id": names("gender.equality.area", "code"),
            "activity_type_id": names("gender.equality.activity.type"),
            "observance_id": names("gender.equality.observance"),
            "topic_ids": names("gender.equality.topic"),
            "target_group": [label for _value, label in labels["target_group"]["selection"]],
            "form": [label for _value, label in labels["form"]["selection"]],
            "funding_source_id": names("gender.equality.funding.source"),
        }
        _ = env._
        notes = (
            _(
                "Each row of the sheet Activities is an activity of the plan. Open the plan (a draft), "
                "click Import Activities from Excel and choose this file."
            ),
            _(
                "Area: its code (%(codes)s). Dates: dd/mm/yyyy, in the year of the plan.",
                codes=", ".join(choices["area_id"]),
            ),
            _("Topics: one or several of the list, separated by a semicolon (;)."),
            _("If a row is wrong, no row is imported: the rows to correct are listed, numbered as in Excel."),
        )
        return import_template.build_workbook(
            [(name, labels[name]["string"]) for name in IMPORT_COLUMNS],
            choices,
            (_("Activities"), _("Lists")),
            notes,
            _("This value is not in the list: check it before importing."),
        )

    @api.model
    def load(self, fields, data):
        """Odoo's import, with the topics of a row named as the template lists them: separated
        by semicolons (a topic's name may hold a comma, which Odoo's import would take for a
        separator). They are read here, as the ids Odoo imports; a name that no topic has is a
        refusal of its row, and the file imports nothing."""
        if "topic_ids" not in fields:
            return super().load(fields, data)
        column = fields.index("topic_ids")
        topics = {_import_key(topic.name): topic.id for topic in self.env["gender.equality.topic"].search([])}
        label = self.fields_get(["topic_ids"], ["string"])["topic_ids"]["string"]
        errors, rows = [], []
        for index, row in enumerate(data):
            ids = []
            for key, name in _import_names(row[column], topics):
                if key in topics:
                    ids.append(topics[key])
                else:
                    errors.append(
                        {
                            "type": "error",
                            "rows": {"from": index, "to": index},
                            "record": index,
                            "field": "topic_ids",
                            "message": self.env._(
                                "No topic is named “%(name)s” (column %(column)s): choose the topics "
                                "of the list, separated by a semicolon.",
                                name=name,
                                column=label,
                            ),
                        }
                    )
            rows.append([*row[:column], ",".join(map(str, ids)), *row[column + 1 :]])
        paths = [*fields[:column], "topic_ids/.id", *fields[column + 1 :]]
        if not errors:
            return super().load(paths, rows)
        # Odoo's own checks of the other columns still speak; nothing of the file is kept (the
        # records it created are rolled back, and forgotten by the cache).
        savepoint = self.env.cr.savepoint(flush=False)
        result = super().load(paths, rows)
        self.env.flush_all()
        savepoint.rollback()
        savepoint.close(rollback=False)
        self.env.invalidate_all()
        self.pool.reset_changes()
        return {**result, "ids": False, "messages": errors + result["messages"]}

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        self._check_flag("can_start", self.env._("started"))
        today = local_today()
        # Today is the actual start of an activity of this year's plan (an activity of another
        # year's plan is not held today: its actual dates are entered).
        self.filtered(lambda task: not task.actual_date_start and task.plan_id.year == today.year).write(
            {"actual_date_start": today}
        )
        self._write_state("in_progress")
        return True

    def action_done(self):
        self._check_flag("can_finish", self.env._("marked done"))
        closure = self.plan_id._year_closure()
        for task in self:
            task._check_can_be_done()
            if closure.get(task.plan_id.id, (False, False))[0]:
                task._check_held_for_the_supplement()
        self._write_state("done")
        return self._gep_feedback(
            self.env._(
                "%(tasks)s is done: the annual report counts it once its figures are compiled.",
                tasks=", ".join(self.mapped("name")),
            ),
            self.env._("Activity done"),
        )

    def action_cancel(self):
        self._check_flag("can_cancel", self.env._("cancelled"))
        self._write_state("cancelled")
        return True

    def _write_state(self, state):
        """Write the status after the action checked it may (the ORM checks the access)."""
        self.check_access("write")
        self.sudo().write({"state": state})

    def _check_flag(self, flag, action):
        """Raise, with the reason, for the first activity whose ``flag`` is not set. The flags are
        computed as superuser: a user who may not read the activities is told that first."""
        self.check_access("read")
        wrong = self.filtered(lambda task: not task[flag])[:1]
        if not wrong:
            return
        reported, catch_up = self.plan_id._year_closure().get(wrong.plan_id.id, (False, False))
        if reported and not catch_up and not wrong.report_ids and not wrong.supplement_ids:
            why = self.env._(
                "the report of %(year)s of its unit is submitted or accepted, and the period of its "
                "Action-Month supplement ended on %(closing)s.",
                year=wrong.plan_id.year,
                closing=reporting_cycle.supplement_closing(wrong.plan_id.year).strftime("%d/%m/%Y"),
            )
        elif wrong.is_locked:
            why = self.env._("a submitted or accepted report counts it, or its plan is cancelled.")
        elif not wrong.can_execute:
            why = self.env._("its plan is not approved yet.")
        else:
            states = dict(self._fields["state"]._description_selection(self.env))
            why = self.env._("its status is %(state)s.", state=states[wrong.state])
        raise UserError(
            self.env._(
                "The activity %(task)s cannot be %(action)s: %(why)s", task=wrong.name, action=action, why=why
            )
        )

    def _check_can_be_done(self):
        self.ensure_one()
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

    def _check_held_for_the_supplement(self):
        """The report of the activity's year is submitted: the activity is done only as a part
        of the Action-Month supplement, which counts the activities held in the Action Month."""
        self.ensure_one()
        year = self.plan_id.year
        window = self.env["gender.equality.observance"]._get_action_month_window(year)
        if not reporting_cycle.in_window(window, self.actual_date_start, self.actual_date_end):
            raise UserError(
                self.env._(
                    "The report of %(year)s of the unit is submitted or accepted: its figures are "
                    "frozen. Only an activity held in the Action Month can still be marked done, "
                    "for the Action-Month supplement; the activity %(task)s was not held in it.",
                    year=year,
                    task=self.name,
                )
            )
