# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import reporting_cycle, roles, vi_format
from ..tools.common import local_today
from ..tools.html_clean import NarrativeHtml
from ..tools.report_compiler import ReportCompiler


class GenderEqualityReportSupplement(models.Model):
    """The Action-Month supplement of an annual report.

    The Action Month runs to 15 December, after the report deadline: after 15 December the
    unit reports the Action-Month activities done since its report was compiled. A submitted
    supplement adds to the consolidated figures; the report itself is not reopened.

    Time is part of the freeze (``tools.reporting_cycle``): a supplement belongs to the current
    cycle. It is dated after the Action Month of its year, no later than today and no later than
    31 January of the next year; it is created, compiled and submitted only during that
    *supplement period* (16 December – 31 January): in December the report of the current year,
    in January the report of the previous year, never an older one. It counts the unit's own
    activities held in the Action Month by its date, that neither the report nor another
    supplement counts.
    """

    _name = "gender.equality.report.supplement"
    _description = "Action-Month Supplement"
    _inherit = ["gender.equality.guard.mixin", "gender.equality.inbox.mixin", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["report_id", "unit_id"]
    # Integrity policy: a supplement stays with its report; once submitted it is frozen (the
    # Department of Health reopens it).
    _gep_parent_field = "report_id"
    _gep_locked_with_parent = False
    _gep_protected_fields = ("state",)

    report_id = fields.Many2one(
        "gender.equality.report", string="Report", required=True, index=True, ondelete="cascade"
    )
    unit_id = fields.Many2one(related="report_id.unit_id", store=True, index=True)
    year = fields.Integer(related="report_id.year", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        help="Draft: the unit prepares it. Submitted: its figures add to the consolidation.",
    )
    task_ids = fields.Many2many(
        "gender.equality.task",
        "gender_equality_report_supplement_task_rel",
        "supplement_id",
        "task_id",
        string="Action-Month Activities",
        readonly=True,
        copy=False,
    )
    action_month_held = fields.Integer(string="Action-Month Activities Held", readonly=True, copy=False)
    participants_male = fields.Integer(readonly=True, copy=False)
    participants_female = fields.Integer(readonly=True, copy=False)
    note = NarrativeHtml()
    line_ids = fields.One2many(
        "gender.equality.report.line", "supplement_id", string="Figures", readonly=True
    )
    is_editable = fields.Boolean(
        compute="_compute_flags",
        string="Editable",
        help="A draft, during the supplement period of its year (until 31 January of the next year).",
    )
    is_locked = fields.Boolean(compute="_compute_flags", string="Locked")

    @api.depends("report_id.name", "date")
    def _compute_display_name(self):
        for supplement in self:
            supplement.display_name = self.env._(
                "Action-Month supplement of %(report)s (%(date)s)",
                report=supplement.report_id.name or "",
                date=supplement.date.strftime("%d/%m/%Y") if supplement.date else "",
            )

    @api.depends("state", "report_id.year")
    @api.depends_context("date")
    def _compute_flags(self):
        """A draft is edited, compiled and submitted during its supplement period only."""
        for supplement in self:
            in_cycle = not supplement.report_id or not supplement._cycle_problem()
            supplement.is_editable = supplement.state == "draft" and in_cycle
            supplement.is_locked = supplement.state == "submitted"

    @api.constrains("date", "report_id")
    def _check_date(self):
        for supplement in self:
            problem = supplement._date_problem()
            if problem:
                raise ValidationError(problem)

    # ------------------------------------------------------------
    # THE SUPPLEMENT PERIOD (the one rule: ``tools.reporting_cycle``)
    # ------------------------------------------------------------

    @api.model
    def _supplement_period(self, year):
        """``(first day, last day)`` of the supplement period of ``year``: after its Action
        Month (as the Department dates it), until 31 January of the next year."""
        window = self.env["gender.equality.observance"]._get_action_month_window(year)
        return reporting_cycle.supplement_period(year, window and window[1])

    @api.model
    def _is_period_open(self, year, today=None):
        """Whether a supplement of ``year`` can be made today (the report offers it only then)."""
        first, last = self._supplement_period(year)
        return first <= (today or local_today()) <= last

    @api.model
    def _no_content_help(self, report):
        """What the empty list of the supplements of ``report`` says: what a supplement is for
        and when the unit makes it (a head who opens the list sees why it is empty)."""
        first, last = self._supplement_period(report.year)
        if self._is_period_open(report.year):
            title = self.env._("No Action-Month supplement yet")
            when = self.env._(
                "Until %(last)s, the unit adds here the Action-Month activities held after its report "
                "was submitted (mark them done first): create the supplement, compile it and submit it.",
                last=vi_format.vi_date(last),
            )
        else:
            title = self.env._(
                "The Action-Month supplement is made from %(first)s", first=vi_format.vi_date(first)
            )
            when = self.env._(
                "The supplement of %(year)s is made from %(first)s to %(last)s, once the Action Month "
                "is over, for the report of a unit that is submitted or accepted.",
                year=report.year,
                first=vi_format.vi_date(first),
                last=vi_format.vi_date(last),
            )
        why = self.env._(
            "The Action Month ends after the report's deadline: its last activities are reported in a "
            "supplement, which adds to the consolidated figures without reopening the report."
        )
        return Markup("<p class='o_view_nocontent_empty_folder'>%s</p><p>%s</p><p>%s</p>") % (
            title,
            why,
            when,
        )

    def _date_problem(self):
        """Why the date of the supplement is not in its supplement period, or None."""
        self.ensure_one()
        year = self.report_id.year
        first, last = self._supplement_period(year)
        today = local_today()
        if self.date < first:
            return self.env._(
                "A supplement reports the Action Month after it ends: date it after %(end)s.",
                end=(first - timedelta(days=1)).strftime("%d/%m/%Y"),
            )
        if self.date > today:
            return self.env._(
                "A supplement reports what was already held: date it today (%(today)s) at the latest.",
                today=today.strftime("%d/%m/%Y"),
            )
        if self.date > last:
            return self.env._(
                "The Action-Month supplement of %(year)s is dated %(last)s at the latest.",
                year=year,
                last=last.strftime("%d/%m/%Y"),
            )
        return self._cycle_problem()

    def _cycle_problem(self):
        """Why the supplement no longer belongs to the current cycle (its supplement period is
        over), or None."""
        self.ensure_one()
        year = self.report_id.year
        last = reporting_cycle.supplement_closing(year)
        if local_today() > last:
            return self.env._(
                "The period of the Action-Month supplements of %(year)s ended on %(last)s: the "
                "figures of %(year)s are final, no supplement is added or changed.",
                year=year,
                last=last.strftime("%d/%m/%Y"),
            )
        return None

    def _gep_lock_reason(self):
        return self._cycle_problem() if self.report_id and self.state == "draft" else None

    def _check_in_cycle(self):
        for supplement in self:
            problem = supplement._cycle_problem()
            if problem:
                raise UserError(problem)

    def action_compile(self):
        """Collect the unit's Action-Month activities done that its report does not count yet."""
        wrong = self.filtered(lambda supplement: supplement.state != "draft")
        if wrong:
            raise UserError(self.env._("Only a draft supplement can be compiled."))
        self.check_access("write")
        self._check_in_cycle()
        env = self.env["gender.equality.report"]._document_env()
        ReportCompiler(env).compile_supplements(self.with_env(env))
        return self._gep_feedback(
            self.env._(
                "%(count)s Action-Month activities held since the report are counted.",
                count=sum(self.mapped("action_month_held")),
            ),
            self.env._("Supplement compiled"),
        )

    def action_submit(self):
        wrong = self.filtered(lambda supplement: supplement.state != "draft")
        if wrong:
            raise UserError(self.env._("Only a draft supplement can be submitted."))
        not_reported = self.filtered(
            lambda supplement: supplement.report_id.state not in ("submitted", "accepted")
        )
        if not_reported:
            raise UserError(
                self.env._(
                    "The report %(report)s is not submitted: add these activities to the report itself.",
                    report=not_reported[0].report_id.display_name,
                )
            )
        self.action_compile()
        self.sudo().write({"state": "submitted"})
        return self._gep_feedback(
            self.env._(
                "The supplement is submitted: its %(count)s Action-Month activities add to the "
                "consolidated figures.",
                count=sum(self.mapped("action_month_held")),
            ),
            self.env._("Submitted"),
        )

    def action_draft(self):
        """Reopen submitted supplements (Department of Health only)."""
        if not roles.is_department_manager(self.env):
            raise AccessError(self.env._("Only a manager of the Department of Health reopens a supplement."))
        self.sudo().write({"state": "draft"})
        return True
