# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import reporting_cycle, vi_format
from ..tools.common import local_today
from ..tools.html_clean import NarrativeHtml
from ..tools.report_compiler import ReportCompiler


class GenderEqualityReportSupplement(models.Model):
    """The Action-Month supplement of an annual report.

    The Action Month runs to 15 December, after the report deadline: after 15 December the
    unit reports the Action-Month activities done since its report was compiled. The supplement
    goes to the Department of Health like a report (``gender.equality.approval.mixin``; by
    default the Department's officers accept or return it): an accepted supplement adds to the
    consolidated figures, a submitted one does not yet; the report itself is not reopened.

    Time is part of the freeze (``tools.reporting_cycle``): a supplement belongs to the current
    cycle. It is dated after the Action Month of its year, no later than today and no later than
    31 January of the next year; it is created, compiled and submitted (again, once returned)
    only during that *supplement period* (16 December – 31 January): in December the report of
    the current year, in January the report of the previous year, never an older one. It counts
    the unit's own activities held in the Action Month by its date, and the sessions of others
    held in it that its staff attended, that neither the report nor another supplement counts.
    """

    _name = "gender.equality.report.supplement"
    _description = "Action-Month Supplement"
    _inherit = ["gender.equality.approval.mixin"]
    _order = "date desc, id desc"
    _rec_names_search = ["report_id", "unit_id"]
    # Workflow (gender.equality.approval.mixin): the last stage (the Department) accepts it.
    _state_approved = "accepted"
    _state_cancel_from = ("draft", "returned", "submitted")
    _state_draft_from = ("cancelled",)
    # The unit and the year are those of the report.
    _workflow_draft_only_fields = ()
    # Integrity policy: a supplement stays with its report; once submitted it is frozen (the
    # Department returns it).
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
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        help="Draft: the unit prepares it. Submitted: it waits for the Department of Health; its figures "
        "do not count yet. Accepted: the Department accepted it; its figures add to the consolidation. "
        "Returned: the Department sent it back with a reason; the unit completes it and submits it "
        "again within the supplement period. Cancelled: withdrawn; it does not count.",
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

    @api.depends("report_id.name", "date")
    def _compute_display_name(self):
        for supplement in self:
            supplement.display_name = self.env._(
                "Action-Month supplement of %(report)s (%(date)s)",
                report=supplement.report_id.name or "",
                date=supplement.date.strftime("%d/%m/%Y") if supplement.date else "",
            )

    @api.depends("report_id.year")
    @api.depends_context("date")
    def _compute_workflow_flags(self):
        """A draft (or a returned supplement) is edited, compiled and submitted during its
        supplement period only."""
        super()._compute_workflow_flags()
        for supplement in self.filtered("is_editable"):
            supplement.is_editable = not supplement.report_id or not supplement._cycle_problem()

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
                "was submitted (mark them done first): create the supplement, compile it and submit it to "
                "the Department of Health.",
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
            "supplement, which adds to the consolidated figures once the Department of Health accepts "
            "it, without reopening the report."
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
        if self.report_id and self.state in self._state_editable:
            return self._cycle_problem()
        return super()._gep_lock_reason()

    def _check_in_cycle(self):
        for supplement in self:
            problem = supplement._cycle_problem()
            if problem:
                raise UserError(problem)

    def action_compile(self):
        """Collect the unit's Action-Month activities done (and the sessions its staff attended)
        that its report and its other supplements do not count yet."""
        self._workflow_check_state(self._state_editable, self.env._("compiled"))
        self.check_access("write")
        self._check_in_cycle()
        self._compile()
        return self._gep_feedback(
            self.env._(
                "%(count)s Action-Month activities held since the report are counted.",
                count=sum(self.mapped("action_month_held")),
            ),
            self.env._("Supplement compiled"),
        )

    def _compile(self):
        env = self.env["gender.equality.report"]._document_env()
        ReportCompiler(env).compile_supplements(self.with_env(env))

    # ------------------------------------------------------------
    # WORKFLOW HOOKS (gender.equality.approval.mixin)
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
        """A supplement adds to a report that the Department has (submitted or accepted), during
        its supplement period."""
        if self.report_id.state not in ("submitted", "accepted"):
            raise UserError(
                self.env._(
                    "The report %(report)s is not submitted: add these activities to the report itself.",
                    report=self.report_id.display_name,
                )
            )
        self._check_in_cycle()

    def _workflow_before_submit(self):
        """The figures are compiled at submission."""
        self._compile()

    def _workflow_return_title(self):
        return self.env._("Return the supplement to its unit")

    def _workflow_feedback_message(self, event):
        names = ", ".join(self.sudo().mapped("display_name"))
        if event == "submitted":
            return self.env._(
                "%(records)s is submitted: its %(count)s Action-Month activities add to the consolidated "
                "figures once the Department of Health accepts it.",
                records=names,
                count=sum(self.mapped("action_month_held")),
            )
        if event == "approved" and all(supplement.state == self._state_approved for supplement in self):
            return self.env._(
                "%(records)s is accepted by the Department of Health: its figures count in the "
                "consolidation.",
                records=names,
            )
        return super()._workflow_feedback_message(event)
