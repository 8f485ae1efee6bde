# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import common, reporting_cycle, roles, vi_format
from ..tools.html_clean import NarrativeHtml
from .gender_equality_guard_mixin import policy_error

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
]
# The kanban columns, in the order of the workflow: a returned plan is back with its unit.
PLAN_WORKFLOW_ORDER = ("draft", "returned", "submitted", "approved", "cancelled")


class GenderEqualityPlan(models.Model):
    """The annual gender-equality communication plan of a unit, and its approval."""

    _name = "gender.equality.plan"
    _description = "Annual Communication Plan"
    _inherit = ["gender.equality.approval.mixin", "gender.equality.unit.year.mixin"]
    _order = "year desc, unit_id, id desc"
    # Workflow (gender.equality.approval.mixin): the Department manager cancels or reopens an
    # approved plan.
    _state_cancel_from = ("draft", "returned", "submitted")
    _state_draft_from = ("cancelled", "returned")
    _workflow_final_cancel_groups = (roles.DEPARTMENT_MANAGER,)
    _workflow_reopen_groups = (roles.DEPARTMENT_MANAGER,)

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env.user.gep_unit_ids[:1],
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self._default_year(),
        help="A new plan proposes the first year, from this one on, for which its unit has no plan.",
    )
    state = fields.Selection(
        PLAN_STATES,
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_group_expand_states",
        help="Draft: the unit prepares the plan.\n"
        "Submitted: the plan waits for the approvers of its current stage.\n"
        "Approved: every stage approved; the planned activities are locked, their execution "
        "is recorded.\n"
        "Returned: an approver sent the plan back to the unit with a reason; the unit edits "
        "and submits it again.\n"
        "Cancelled: the plan is abandoned.",
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", tracking=True, default=lambda self: self.env.user
    )
    description = NarrativeHtml()
    task_ids = fields.One2many("gender.equality.task", "plan_id", string="Communication Activities")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.ref("base.VND", raise_if_not_found=False)
    )
    task_count = fields.Integer(compute="_compute_figures", string="Activities Count")
    dissemination_count = fields.Integer(
        compute="_compute_figures",
        string="Sessions for the Staff",
        help="Planned dissemination sessions for the staff of the unit (target 1 of the plan: the "
        "staff receive at least two sessions a year).",
    )
    action_month_count = fields.Integer(
        compute="_compute_figures",
        string="Action-Month Activities",
        help="Activities planned in the Action Month, 15/11–15/12 (target 2 of the plan).",
    )
    planned_budget_total = fields.Monetary(compute="_compute_figures", string="Planned Budget")
    area_summary = fields.Html(compute="_compute_figures", string="Activities per Area")
    budget_summary = fields.Html(compute="_compute_figures", string="Budget per Funding Source")
    warning_message = fields.Text(compute="_compute_warning_message")

    # ------------------------------------------------------------
    # DEFAULTS
    # ------------------------------------------------------------

    @api.model
    def _default_year(self):
        unit_id = self.env.context.get("default_unit_id") or self.env.user.gep_unit_ids[:1].id
        return self._next_free_year(self.env["gender.equality.unit"].browse(unit_id))

    @api.model
    def _next_free_year(self, unit):
        """The first year, from this one on, for which ``unit`` has no plan (cancelled ones
        aside). Read with the user's rights: which years another unit has plans for is not the
        user's to learn (a user who may create the unit's plans reads them all)."""
        year = fields.Date.context_today(self).year
        if not unit:
            return year
        taken = set(
            self.search(
                [("unit_id", "=", unit.id), ("year", ">=", year), ("state", "!=", "cancelled")]
            ).mapped("year")
        )
        while year in taken and year < common.YEAR_MAX:
            year += 1
        return year

    @api.model
    def _group_expand_states(self, states, domain):
        return common.expand_states(PLAN_WORKFLOW_ORDER, states)

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("year", "unit_id.name")
    def _compute_name(self):
        for plan in self:
            # The document title is Vietnamese by law, whatever the user's language.
            plan.name = f"Kế hoạch truyền thông về bình đẳng giới năm {plan.year} – {plan.unit_id.name or ''}"

    @api.depends(
        "task_ids.state",
        "task_ids.area_id",
        "task_ids.funding_source_id",
        "task_ids.planned_budget",
        "task_ids.is_staff_session",
        "task_ids.is_action_month",
    )
    def _compute_figures(self):
        """The plan's overview: grouped queries for the plans in the database, the activities in
        memory for a plan being edited (a new plan, or one whose activities change in the form,
        is a new record whose figures count the activities as they are on the screen)."""
        stored = self.filtered("id")
        stored._compute_figures_stored()
        for plan in self - stored:
            plan._compute_figures_in_memory()

    def _compute_figures_stored(self):
        if not self:
            return
        Task = self.env["gender.equality.task"]
        base = [("plan_id", "in", self.ids), ("state", "!=", "cancelled")]
        by_plan = {
            plan.id: (count, budget)
            for plan, count, budget in Task._read_group(base, ["plan_id"], ["__count", "planned_budget:sum"])
        }
        dissemination = dict(
            Task._read_group([*base, ("is_staff_session", "=", True)], ["plan_id"], ["__count"])
        )
        action_month = dict(
            Task._read_group([*base, ("is_action_month", "=", True)], ["plan_id"], ["__count"])
        )
        areas = defaultdict(list)
        for plan, area, count in Task._read_group(base, ["plan_id", "area_id"], ["__count"]):
            areas[plan].append((area.display_name or self.env._("No area"), count))
        budgets = defaultdict(list)
        for plan, source, amount in Task._read_group(
            base, ["plan_id", "funding_source_id"], ["planned_budget:sum"]
        ):
            budgets[plan].append((source.display_name or self.env._("No funding source"), amount))
        for plan in self:
            count, budget = by_plan.get(plan.id, (0, 0.0))
            plan._set_figures(
                count,
                budget,
                dissemination.get(plan, 0),
                action_month.get(plan, 0),
                areas.get(plan, []),
                budgets.get(plan, []),
            )

    def _compute_figures_in_memory(self):
        """The same figures from the activities of the form (saved or not), in the order of the
        grouped queries (areas and funding sources in their own order)."""
        self.ensure_one()
        tasks = self.task_ids.filtered(lambda task: task.state != "cancelled")
        areas = defaultdict(int)
        budgets = defaultdict(float)
        for task in tasks:
            areas[task.area_id] += 1
            budgets[task.funding_source_id] += task.planned_budget

        def ordered(groups):
            # Records in their model's order (``_order``), the empty group last.
            keys = [key for key in groups if key]
            records = keys[0].browse([key.id for key in keys]).sorted() if keys else []
            return [(record, groups[record]) for record in records] + (
                [(key, groups[key]) for key in groups if not key]
            )

        self._set_figures(
            len(tasks),
            sum(tasks.mapped("planned_budget")),
            len(tasks.filtered("is_staff_session")),
            len(tasks.filtered("is_action_month")),
            [(area.display_name or self.env._("No area"), count) for area, count in ordered(areas)],
            [
                (source.display_name or self.env._("No funding source"), amount)
                for source, amount in ordered(budgets)
            ],
        )

    def _set_figures(self, count, budget, sessions, action_month, areas, budgets):
        self.ensure_one()
        self.task_count = count
        self.planned_budget_total = budget
        self.dissemination_count = sessions
        self.action_month_count = action_month
        self.area_summary = self._summary_table(areas)
        self.budget_summary = self._summary_table(
            [(label, self._format_amount(amount)) for label, amount in budgets]
        )

    @api.model
    def _summary_table(self, rows):
        if not rows:
            return False
        lines = Markup("").join(
            Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>") % (label, value)
            for label, value in rows
        )
        return Markup("<table class='table table-sm mb-0'><tbody>%s</tbody></table>") % lines

    def _format_amount(self, amount):
        """The amount as the screens show it: once, in the plan's currency (đồng, no decimals)."""
        self.ensure_one()
        if self.currency_id:
            return self.currency_id.format(amount)
        return vi_format.vi_amount(amount)

    @api.depends("state", "task_ids.state", "task_ids.is_staff_session", "task_ids.is_action_month")
    def _compute_warning_message(self):
        for plan in self:
            # A plan without activity yet is not warned: adding them is the first step.
            has_tasks = any(task.state != "cancelled" for task in plan.task_ids)
            warnings = plan._get_objective_warnings() if plan.state != "cancelled" and has_tasks else []
            plan.warning_message = "\n".join(warnings) or False

    def _get_objective_warnings(self):
        """The targets of the plan (section II.2) that this plan does not meet: sessions for the
        staff and the Action Month. They warn, they never block (the staff may also attend
        sessions of the Department)."""
        self.ensure_one()
        tasks = self.task_ids.filtered(lambda task: task.state != "cancelled")
        objectives = self.env["gender.equality.objective"]._get_by_kind()
        warnings = []
        action_month = objectives.get("action_month")
        if action_month and not any(tasks.mapped("is_action_month")):
            warnings.append(
                self.env._(
                    "The plan has no activity in the Action Month for gender equality, which every "
                    "unit must run every year (target %(code)s).",
                    code=action_month.code,
                )
            )
        dissemination, minimum = self.env["gender.equality.objective"]._get_min_sessions()
        sessions = len(tasks.filtered("is_staff_session"))
        if dissemination and sessions < minimum:
            warnings.append(
                self.env._(
                    "The plan has %(count)s dissemination session(s) on gender-equality law and policy "
                    "for the staff of the unit; target %(code)s asks that the staff receive at least "
                    "%(minimum)s a year (sessions of the Department they attend count too).",
                    count=sessions,
                    code=dissemination.code,
                    minimum=minimum,
                )
            )
        return warnings

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    def _unit_year_duplicate_message(self, unit, year):
        return self.env._(
            "The unit %(unit)s already has a plan for %(year)s. "
            "A unit has one plan a year (cancelled plans aside).",
            unit=unit.display_name,
            year=year,
        )

    @api.constrains("year")
    def _check_tasks_in_year(self):
        for plan in self:
            outside = plan.task_ids.filtered(lambda task, year=plan.year: not task._dates_in_year(year))
            if outside:
                raise ValidationError(
                    self.env._(
                        "The activity %(task)s is not in %(year)s: the activities of a plan "
                        "take place in the year of the plan.",
                        task=outside[0].name,
                        year=plan.year,
                    )
                )

    @api.onchange("unit_id")
    def _onchange_unit_id_propose_year(self):
        """A new plan proposes the first year for which its unit has no plan."""
        if not self._origin and self.unit_id:
            self.year = self._next_free_year(self.unit_id)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        # A plan created without a year (a script) gets the first free year of its unit.
        if "default_year" not in self.env.context:
            Unit = self.env["gender.equality.unit"]
            for vals in vals_list:
                if "year" not in vals and isinstance(vals.get("unit_id"), int):
                    vals["year"] = self._next_free_year(Unit.browse(vals["unit_id"]))
        return super().create(vals_list)

    def write(self, vals):
        # A draft's unit may change while it has no activities; after its first submission the
        # integrity policy locks the unit (the superuser is told here as well).
        moving = self._gep_changes("unit_id", vals["unit_id"]) if "unit_id" in vals else self.browse()
        if moving and self._gep_enforced():
            self.check_access("write")
            moving = moving.filtered(lambda plan: plan.state == self._state_draft)
        if moving.task_ids:
            raise UserError(
                self.env._(
                    "The plan %(plan)s has activities: its unit cannot change.",
                    plan=self[0].display_name,
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------
    # WORKFLOW HOOKS (gender.equality.approval.mixin)
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
        tasks = self.task_ids.filtered(lambda task: task.state != "cancelled")
        if not tasks:
            raise UserError(
                self.env._(
                    "Add at least one activity to %(plan)s before submitting it.", plan=self.display_name
                )
            )
        outside = tasks.filtered(lambda task: not task._dates_in_year(self.year))
        if outside:
            raise UserError(
                self.env._(
                    "The activity %(task)s is not in %(year)s: move it into the year of the plan.",
                    task=outside[0].name,
                    year=self.year,
                )
            )

    def _workflow_after_submit(self):
        """Log and show the targets II.2.1 and II.2.2 that the plans do not meet (they warn only)."""
        warnings = []
        for plan in self:
            plan_warnings = plan._get_objective_warnings()
            if plan_warnings:
                plan._message_log(
                    body=Markup("<p>%s</p><ul>%s</ul>")
                    % (
                        self.env._("Submitted with warnings:"),
                        Markup("").join(Markup("<li>%s</li>") % warning for warning in plan_warnings),
                    )
                )
                warnings += plan_warnings
        if not warnings:
            return None
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Plan submitted, with warnings"),
                "message": "\n".join(warnings),
                "type": "warning",
                "sticky": True,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _workflow_submit_warnings(self):
        return [warning for plan in self for warning in plan._get_objective_warnings()]

    def _workflow_return_title(self):
        return self.env._("Return the plan to its unit")

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    @api.model
    def _cron_prepare_next_year(self):
        """Yearly: prepare the plans of next year for every active unit."""
        self._gep_check_cron_caller()
        wizard = self.env["gender.equality.prepare.year.wizard"].create(
            {"year": fields.Date.context_today(self).year + 1}
        )
        wizard.action_prepare()

    def action_import_tasks(self):
        """Open Odoo's import of activities into this plan, from a workbook such as the template
        of the import dialog. The whole file is refused when a row is wrong; the rows at fault
        are listed."""
        self.ensure_one()
        self.check_access("write")
        self._check_tasks_editable()
        return {
            "type": "ir.actions.client",
            "tag": "import",
            "name": self.env._("Import the activities of %(plan)s", plan=self.display_name),
            "params": {"model": "gender.equality.task", "context": {"default_plan_id": self.id}},
        }

    def _check_tasks_editable(self):
        """Raise when the planned activities of the plans are locked by their approval, or by
        the report of their year."""
        locked = self.filtered(lambda plan: not plan.is_editable)
        if locked:
            raise policy_error(
                ValidationError,
                "parent_locked",
                self.env._(
                    "The plan %(plan)s is not a draft: its planned activities are locked. "
                    "Only their execution (status, actual dates, participants, evidence, cost) can "
                    "be recorded. Ask the Department of Health to reopen the plan to change them.",
                    plan=locked[0].display_name,
                ),
            )
        closure = self._year_closure()
        reported = self.filtered(lambda plan: closure[plan.id][0])
        if reported:
            raise UserError(
                self.env._(
                    "The report of %(year)s of the unit %(unit)s is submitted or accepted: the "
                    "activities of the plan %(plan)s are frozen with its figures, none is added, "
                    "changed or deleted.",
                    year=reported[0].year,
                    unit=reported[0].sudo().unit_id.display_name,
                    plan=reported[0].display_name,
                )
            )

    # ------------------------------------------------------------
    # TIME: THE YEAR OF A SUBMITTED REPORT IS CLOSED
    # ------------------------------------------------------------

    def _year_closure(self):
        """``{plan id: (reported, catch_up)}`` for every plan of ``self``: ``reported`` when the
        report of the plan's unit and year is submitted or accepted (its figures are frozen, so
        the year's activities are too); ``catch_up`` while an activity of that year held in the
        Action Month may still be recorded for the Action-Month supplement (until the end of the
        supplement period, ``tools.reporting_cycle``). One query for all the plans, as superuser:
        whether the unit's report is submitted decides what the user may write, not what they
        may read."""
        plans = self.filtered(lambda plan: plan.unit_id and plan.year)
        reported = set()
        if plans:
            reported = {
                (unit.id, year)
                for unit, year in self.env["gender.equality.report"]
                .sudo()
                ._read_group(
                    [
                        ("unit_id", "in", plans.unit_id._origin.ids),
                        ("year", "in", list(set(plans.mapped("year")))),
                        ("state", "in", ("submitted", "accepted")),
                    ],
                    ["unit_id", "year"],
                )
            }
        today = common.local_today()
        return {
            plan.id: (
                (plan.unit_id._origin.id, plan.year) in reported,
                bool(plan.year) and reporting_cycle.is_catch_up_open(plan.year, today),
            )
            for plan in self
        }
