# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from ..tools import roles, vi_format
from ..tools.common import local_date, local_today
from ..tools.html_clean import NarrativeHtml
from ..tools.kpi_summary import build_kpi_summary
from ..tools.report_compiler import ReportCompiler
from .gender_equality_task import FLAG_FIELDS as TASK_FLAG_FIELDS

REPORT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
]
# Reminders to units that owe their report, this many days before the deadline.
REMINDER_DAYS_BEFORE = (30, 14, 7, 1)
# Digest to the Department of the missing reports, this many days after the deadline.
MISSING_DAYS_AFTER = (1, 7, 14)
INDICATOR_STATUSES = [("none", "Not applied"), ("pilot", "Pilot"), ("official", "Official")]


def _leading_number(text):
    """``125`` of ``"125/BC-BVĐK"`` (the number of a document number), or 0."""
    digits = ""
    for char in (text or "").strip():
        if not char.isdigit():
            break
        digits += char
    return int(digits) if digits else 0


class GenderEqualityReport(models.Model):
    """The annual report of a unit on its gender-equality communication (section V)."""

    _name = "gender.equality.report"
    _description = "Annual Unit Report"
    _inherit = [
        "gender.equality.approval.mixin",
        "gender.equality.unit.year.mixin",
        "gender.equality.document.mixin",
    ]
    _order = "year desc, unit_id, id desc"
    # Workflow (gender.equality.approval.mixin): the last stage accepts the report.
    _state_approved = "accepted"
    _state_cancel_from = ("draft", "returned", "submitted")
    _state_draft_from = ("cancelled",)
    # Deadlines are the Department's: a unit cannot move its own.
    _gep_field_groups = {
        "deadline": (roles.DEPARTMENT_MANAGER,),
        "deadline_included": (roles.DEPARTMENT_MANAGER,),
        "resubmit_deadline": (roles.DEPARTMENT_MANAGER,),
    }

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('has_reporting_duty', '=', True)]",
        default=lambda self: self.env.user.gep_unit_ids.filtered("has_reporting_duty")[:1],
    )
    unit_type = fields.Selection(related="unit_id.unit_type", store=True, string="Unit Type")
    year = fields.Integer(
        required=True, index=True, tracking=True, default=lambda self: fields.Date.context_today(self).year
    )
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="The day by which the Department of Health must receive the report (Thanh Hóa time). By "
        "default the deadline of the reporting period of the year, else 10 December.",
    )
    deadline_included = fields.Boolean(
        string="Deadline Day Is on Time",
        compute="_compute_deadline",
        store=True,
        readonly=False,
        precompute=True,
        help="Whether a report received on the deadline day itself is on time (as the reporting "
        "period of the year says).",
    )
    timeliness_rule = fields.Char(
        compute="_compute_timeliness_rule", help="The rule of timeliness, in words."
    )
    deadline_status = fields.Char(
        compute="_compute_deadline_status",
        string="Where the Report Stands",
        help="The deadline as the status of the report makes it matter: the days left while the "
        "Department has not received the report, when it was received, or that it is accepted.",
    )
    state = fields.Selection(
        REPORT_STATES,
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        help="Draft: the unit writes the report and compiles its figures.\n"
        "Submitted: the report waits for the approvers of its current stage (head of unit, "
        "then the Department of Health).\n"
        "Accepted: the Department of Health accepted the report.\n"
        "Returned: an approver sent it back with a reason; the unit edits and submits again.\n"
        "Cancelled: abandoned; it does not count.",
    )
    submit_date = fields.Datetime(
        string="First Submitted on",
        readonly=True,
        copy=False,
        help="When the unit first submitted the report (to its own head of unit).",
    )
    received_date = fields.Datetime(
        string="Received by the Department on",
        readonly=True,
        copy=False,
        index=True,
        help="When the report first reached the Department of Health (the first approval stage "
        "of the Department). Timeliness is counted from it, unless the Department returned the "
        "report and it came back after the date set for it (see Counted as Received on).",
    )
    late_received_date = fields.Datetime(
        string="Sent Again Late on",
        readonly=True,
        copy=False,
        help="When the report, returned by the Department, reached it again after the date by which it "
        "had to be sent again: from then on its timeliness is counted from this day.",
    )
    timeliness_date = fields.Datetime(
        string="Counted as Received on",
        compute="_compute_timeliness_date",
        store=True,
        help="The reception that timeliness counts: the first one, or, when the report was returned by "
        "the Department and sent again after the date set for it, that later one.",
    )
    awaiting_resubmission = fields.Boolean(
        string="Returned, Not Sent Again",
        readonly=True,
        copy=False,
        help="The Department returned the report after receiving it, and it has not reached the "
        "Department again: it does not count as received until it does.",
    )
    resubmit_deadline = fields.Date(
        string="Send Again by",
        copy=False,
        tracking=True,
        help="Set when the Department returns a report it received: the report keeps its reception "
        "(on time or not) if it reaches the Department again by this day (Thanh Hóa time); later, it "
        "counts as received on the day it comes back. Proposed from the reporting period (days to send "
        "a returned report again); the Department manager may change it.",
    )
    is_received = fields.Boolean(
        compute="_compute_is_received",
        string="Received",
        help="The Department holds the report: it reached the Department and is not returned and "
        "waiting to be sent again.",
    )
    is_late = fields.Boolean(
        compute="_compute_timeliness",
        store=True,
        string="Late",
        help="Received by the Department after the deadline (Thanh Hóa time).",
    )
    document_number = fields.Char(
        help="Number of the report as a document (Số …/BC-…). Proposed at submission from the unit's "
        "register (the number after the last one it used, or the one it wrote on its last report); "
        "the unit may write its own while the report is a draft.",
    )
    days_late = fields.Integer(compute="_compute_timeliness", store=True)
    compile_date = fields.Datetime(string="Figures Compiled on", readonly=True, copy=False)
    compiled_task_ids = fields.Many2many(
        "gender.equality.task",
        "gender_equality_report_task_rel",
        "report_id",
        "task_id",
        string="Counted Activities",
        readonly=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "gender.equality.report.line",
        "report_id",
        string="Figures",
        readonly=True,
        domain=[("supplement_id", "=", False)],
    )
    supplement_ids = fields.One2many("gender.equality.report.supplement", "report_id", string="Supplements")
    can_add_supplement = fields.Boolean(
        compute="_compute_can_add_supplement",
        string="Supplement Open",
        help="The report is submitted or accepted and its Action-Month supplement can be made "
        "today: after the Action Month (from 16 December) until 31 January of the next year.",
    )
    # Compiled figures.
    dissemination_count = fields.Integer(string="Dissemination Sessions Held", readonly=True, copy=False)
    staff_session_count = fields.Integer(
        string="Sessions Received by the Staff",
        readonly=True,
        copy=False,
        help="Dissemination sessions for the unit's staff: organised by the unit for its staff, or "
        "organised by the Department or another unit and attended by its staff (target 1 of the plan).",
    )
    activity_count = fields.Integer(string="Activities Held", readonly=True, copy=False)
    participants_male = fields.Integer(readonly=True, copy=False)
    participants_female = fields.Integer(readonly=True, copy=False)
    participants_total = fields.Integer(compute="_compute_participants_total", store=True)
    action_month_planned = fields.Integer(string="Action-Month Activities Planned", readonly=True, copy=False)
    action_month_held = fields.Integer(string="Action-Month Activities Held", readonly=True, copy=False)
    observance_count = fields.Integer(string="Observance Activities", readonly=True, copy=False)
    inspection_count = fields.Integer(string="Inspections", readonly=True, copy=False)
    violation_count = fields.Integer(string="Findings", readonly=True, copy=False)
    corrective_open_count = fields.Integer(string="Corrective Actions Open", readonly=True, copy=False)
    corrective_overdue_count = fields.Integer(string="Corrective Actions Overdue", readonly=True, copy=False)
    corrective_verified_count = fields.Integer(
        string="Corrective Actions Verified", readonly=True, copy=False
    )
    budget_used = fields.Float(readonly=True, copy=False, digits=(16, 0))
    indicator_status = fields.Selection(
        INDICATOR_STATUSES, string="Gender Indicator Set", readonly=True, copy=False
    )
    awareness_rate = fields.Float(
        readonly=True, copy=False, digits=(5, 1), help="Percentage of correct answers."
    )
    # Narrative sections, in the usual outline of a Vietnamese annual report.
    direction = NarrativeHtml(string="Direction and Organisation")
    results = NarrativeHtml(string="Results by Task and Target")
    assessment_strengths = NarrativeHtml(string="Strengths")
    assessment_shortcomings = NarrativeHtml(string="Shortcomings")
    assessment_causes = NarrativeHtml(string="Causes")
    next_year_tasks = NarrativeHtml(string="Next Year's Tasks")
    recommendations = NarrativeHtml()

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("year", "unit_id.name")
    def _compute_name(self):
        for report in self:
            # The document title is Vietnamese by law, whatever the user's language.
            report.name = (
                "Báo cáo kết quả thực hiện công tác truyền thông về bình đẳng giới "
                f"năm {report.year} – {report.unit_id.name or ''}"
            )

    @api.depends("year")
    def _compute_deadline(self):
        Period = self.env["gender.equality.report.period"]
        for report in self:
            if report.year and (not report.deadline or report.deadline.year != report.year):
                report.deadline, report.deadline_included = Period._get_deadline_rule(report.year)

    @api.depends("received_date", "late_received_date")
    def _compute_timeliness_date(self):
        for report in self:
            report.timeliness_date = report.received_date and (
                report.late_received_date or report.received_date
            )

    @api.depends("timeliness_date", "awaiting_resubmission")
    def _compute_is_received(self):
        for report in self:
            report.is_received = bool(report.timeliness_date) and not report.awaiting_resubmission

    @api.depends("timeliness_date", "deadline", "deadline_included")
    def _compute_timeliness(self):
        for report in self:
            days = 0
            if report.timeliness_date and report.deadline:
                # Days after the last day that is on time.
                last_day = report.deadline - timedelta(days=0 if report.deadline_included else 1)
                days = (local_date(report.timeliness_date) - last_day).days
            report.days_late = max(days, 0)
            report.is_late = days > 0

    @api.depends("deadline", "deadline_included")
    def _compute_timeliness_rule(self):
        Period = self.env["gender.equality.report.period"]
        for report in self:
            report.timeliness_rule = report.deadline and Period._timeliness_rule(
                report.deadline, report.deadline_included
            )

    @api.depends(
        "state",
        "deadline",
        "timeliness_date",
        "is_late",
        "days_late",
        "awaiting_resubmission",
        "resubmit_deadline",
    )
    @api.depends_context("date")
    def _compute_deadline_status(self):
        today = local_today()
        for report in self:
            report.deadline_status = report._deadline_words(today)

    def _deadline_words(self, today):
        """What the deadline means for the report in its status: nothing once it is accepted
        or cancelled, the day it was received while it waits for its acceptance, the days left
        (or late) while it has not reached the Department."""
        self.ensure_one()
        _ = self.env._
        if self.state == "cancelled" or not self.deadline:
            return False
        if self.state == "accepted":
            return _("Accepted by the Department of Health: nothing more is due for this report.")
        if self.awaiting_resubmission:
            return self._returned_words(today)
        if self.timeliness_date:
            received = vi_format.vi_date(local_date(self.timeliness_date))
            if self.is_late:
                return _(
                    "Received by the Department of Health on %(date)s, %(days)s days late; waiting for "
                    "its acceptance.",
                    date=received,
                    days=self.days_late,
                )
            return _(
                "Received by the Department of Health on %(date)s, on time; waiting for its acceptance.",
                date=received,
            )
        return self._days_left_words(self.deadline, today)

    def _returned_words(self, today):
        """The deadline of a report that the Department returned and that is not back yet."""
        again_by = vi_format.vi_date(self.resubmit_deadline)
        if self.resubmit_deadline and today <= self.resubmit_deadline:
            return self.env._(
                "Returned by the Department of Health: it counts as received again once it is back, "
                "and keeps its reception of %(date)s if it reaches the Department by %(again_by)s.",
                date=vi_format.vi_date(local_date(self.timeliness_date)),
                again_by=again_by,
            )
        return self.env._(
            "Returned by the Department of Health and not sent again by %(again_by)s: it will count as "
            "received on the day it reaches the Department again.",
            again_by=again_by,
        )

    @api.model
    def _days_left_words(self, deadline, today):
        """``5 days left until 10/12/2026`` or ``The deadline 10/12/2026 has passed``: for a
        report that has not reached the Department yet."""
        days = (deadline - today).days
        if days >= 0:
            return self.env._(
                "%(days)s days left until %(deadline)s", days=days, deadline=vi_format.vi_date(deadline)
            )
        return self.env._("The deadline %(deadline)s has passed", deadline=vi_format.vi_date(deadline))

    @api.model
    def _get_deadline_message(self, year, units):
        """The deadline of ``year`` as the units' reports make it matter (for a page that shows
        one line for several units, such as *My work*): the days left while one of ``units`` has
        not reached the Department, else that their reports are received or accepted."""
        reports = self.sudo().search(
            [("unit_id", "in", units.ids), ("year", "=", year), ("state", "!=", "cancelled")]
        )
        if not units or units - reports.filtered("is_received").unit_id:
            deadline = self.env["gender.equality.report.period"]._get_deadline(year)
            return self._days_left_words(deadline, local_today())
        if all(report.state == "accepted" for report in reports):
            return self.env._("Accepted by the Department of Health: nothing more is due for this report.")
        return self.env._("Received by the Department of Health; waiting for its acceptance.")

    @api.depends("state", "year")
    @api.depends_context("date")
    def _compute_can_add_supplement(self):
        Supplement = self.env["gender.equality.report.supplement"]
        for report in self:
            report.can_add_supplement = report.state in (
                "submitted",
                "accepted",
            ) and Supplement._is_period_open(report.year)

    @api.depends("participants_male", "participants_female")
    def _compute_participants_total(self):
        for report in self:
            report.participants_total = report.participants_male + report.participants_female

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    def _unit_year_duplicate_message(self, unit, year):
        return self.env._(
            "The unit %(unit)s already has a report for %(year)s. "
            "A unit sends one report a year (cancelled reports aside).",
            unit=unit.display_name,
            year=year,
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_compile(self):
        """(Re)compute the figures of the reports from their units' records."""
        self._workflow_check_state(self._state_editable, self.env._("compiled"))
        self.check_access("write")
        self._compile()
        return self._gep_feedback(
            self.env._(
                "The figures of %(records)s are compiled: %(activities)s activities held, %(sessions)s "
                "sessions received by the staff.",
                records=", ".join(self.mapped("name")),
                activities=sum(self.mapped("activity_count")),
                sessions=sum(self.mapped("staff_session_count")),
            ),
            self.env._("Figures compiled"),
        )

    def action_open_supplement(self):
        """Open (or start) the Action-Month supplement of the report; the empty list says what a
        supplement is for and when it is made."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Action-Month Supplement"),
            "res_model": "gender.equality.report.supplement",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("report_id", "=", self.id)],
            "context": {"default_report_id": self.id},
            "help": self.env["gender.equality.report.supplement"]._no_content_help(self),
        }

    # ------------------------------------------------------------
    # WORKFLOW HOOKS (gender.equality.approval.mixin)
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
        """A report goes to its approvers with its narrative of results written (section V asks
        for the results, not a form): an empty placeholder sent to be on time, completed later,
        is not a report. Its figures are compiled at the submission."""
        if is_html_empty(self.results):
            raise UserError(
                self.env._(
                    "Write the results of %(report)s (the page Results: what the unit carried out, "
                    "task by task and target by target) before submitting it; its figures are compiled "
                    "when it is submitted.",
                    report=self.display_name,
                )
            )

    def _workflow_before_submit(self):
        """The figures are compiled at submission; the first submission dates the report and
        takes its document number from the unit's register (``_register_number``)."""
        self._compile()
        now = fields.Datetime.now()
        for report in self.sudo():
            vals = {} if report.submit_date else {"submit_date": now}
            number = report._register_number()
            if number != report.document_number:
                vals["document_number"] = number
            if vals:
                report.write(vals)

    def _workflow_set_state(self, state):
        """The activities of the report's year are frozen with it (``gender.equality.task``'s
        flags read the state of the report of their unit and year): no field links them to the
        report, so their cached flags are dropped when its state changes."""
        super()._workflow_set_state(state)
        self.env["gender.equality.task"].invalidate_model(list(TASK_FLAG_FIELDS))

    def _workflow_on_pending(self, reviews):
        """A report reaching a stage of the Department is received by the Department."""
        received = {review.res_id for review in reviews if review.stage_id.receives_for_department}
        self.filtered(lambda report: report.id in received)._receive()

    def _workflow_on_approved(self):
        # A chain without a stage of the Department: the report is received when accepted.
        self.filtered(lambda report: not report.is_received)._receive()

    def _receive(self):
        """The reports reach the Department (as superuser): the first time, they are received
        now; back after a return by the Department, they keep their reception when they come
        back by the date set for it, else they count as received now (late)."""
        now = fields.Datetime.now()
        today = local_date(now)
        self.filtered(lambda report: not report.received_date).write({"received_date": now})
        back = self.filtered("awaiting_resubmission")
        late = back.filtered(lambda report: not report.resubmit_deadline or today > report.resubmit_deadline)
        late.write({"late_received_date": now})
        back.write({"awaiting_resubmission": False})

    def _workflow_on_returned(self, reason):
        """A report returned after the Department received it no longer counts as received until
        it is back; the Department expects it by the date proposed from the reporting period. A
        report returned after its head signed it: the signed version is superseded."""
        self._gep_supersede_documents()
        returned = self.filtered(lambda report: report.received_date and not report.awaiting_resubmission)
        if not returned:
            return
        today = local_today()
        Period = self.env["gender.equality.report.period"]
        for report in returned.sudo():
            days = Period._get_resubmission_days(report.year)
            report.write({"awaiting_resubmission": True, "resubmit_deadline": today + timedelta(days=days)})

    def _workflow_on_cancelled(self):
        # Withdrawing a submission gives no credit for it: a report submitted again later is
        # dated by that later submission.
        self.sudo().write(
            {
                "submit_date": False,
                "received_date": False,
                "late_received_date": False,
                "awaiting_resubmission": False,
                "resubmit_deadline": False,
            }
        )
        self._gep_supersede_documents()

    def _approval_advance(self, outbox=None, waiting=None):
        """The report is final for its unit when its head decides his stage (in the application,
        or by submitting it himself): its final PDF is issued, for the head to sign, before it
        goes on to the Department."""
        completed = super()._approval_advance(outbox=outbox, waiting=waiting)
        self._gep_issue_signed_by_heads()
        return completed

    def _gep_issue_signed_by_heads(self):
        reviews = self._gep_signed_reviews([("stage_id.approver_type", "=", "unit_manager")])
        if not reviews:
            return
        current = self._gep_current_documents()
        last_round = {}
        for review in reviews:
            last_round[review.res_id] = max(last_round.get(review.res_id, 0), review.round)
        rounds = dict(
            self.env["gender.equality.approval.review"]
            .sudo()
            ._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["round:max"]
            )
        )
        signed = self.filtered(
            lambda report: report.id in last_round
            and last_round[report.id] == rounds.get(report.id)
            and report.id not in current
        )
        signed._gep_issue_documents()

    def _register_number(self):
        """The number of the report in the unit's register, at its submission: the number the
        unit wrote (the register then follows it: its next number is the one after), else the next
        number of the register, ``N/BC-CODE``. The unit sets its register once, by writing the
        number its office gave on a report; a register never set starts after the highest number
        of the unit's reports (01 for a unit's first report). A number already taken by this
        report stays."""
        self.ensure_one()
        sequence = self._register_sequence()
        written = _leading_number(self.document_number)
        if written:
            if written >= sequence.number_next:
                sequence.number_next = written + 1
            return self.document_number
        return f"{sequence.next_by_id()}/BC-{self.unit_id.code}"

    def _register_sequence(self):
        """The unit's register of report numbers (an ``ir.sequence`` of the unit, created the
        first time from the numbers of its reports)."""
        self.ensure_one()
        code = f"gender.equality.report.unit.{self.unit_id.id}"
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search([("code", "=", code)], limit=1)
        if not sequence:
            numbers = self.sudo().search([("unit_id", "=", self.unit_id.id)]).mapped("document_number")
            used = [number for number in map(_leading_number, numbers) if number]
            sequence = Sequence.create(
                {
                    "name": f"{self.unit_id.code} BC",
                    "code": code,
                    "padding": 2,
                    "company_id": False,
                    # The number in the row (``number_next``) is the register's next number.
                    "implementation": "no_gap",
                    "number_next": max(used, default=0) + 1,
                }
            )
        return sequence

    def _workflow_return_title(self):
        return self.env._("Return the report to its unit")

    def _workflow_feedback_message(self, event):
        """A report that the Department accepts is told so in the words of its status
        (*Accepted*), not as "approved"; the head's stage and the other events keep the words of
        the workflow."""
        if event == "approved" and self and all(report.state == self._state_approved for report in self):
            return self.env._(
                "%(records)s is accepted by the Department of Health: its figures count in the "
                "consolidation.",
                records=", ".join(self.sudo().mapped("display_name")),
            )
        return super()._workflow_feedback_message(event)

    def action_approve(self):
        """The confirmation of an accepted report is titled with its status (*Accepted*)."""
        result = super().action_approve()
        if (
            isinstance(result, dict)
            and result.get("tag") == "display_notification"
            and all(report.state == self._state_approved for report in self)
        ):
            states = dict(self._fields["state"]._description_selection(self.env))
            result["params"]["title"] = states[self._state_approved]
        return result

    # ------------------------------------------------------------
    # COMPILATION
    # ------------------------------------------------------------

    def _compile(self):
        """Compute the figures of the reports from their units' records, as superuser: the
        caller may write the reports, and the figures are those of their own units. Their labels
        are written in the language of the printed document."""
        env = self._document_env()
        ReportCompiler(env).compile_reports(self.with_env(env))

    @api.model
    def _document_env(self):
        """A superuser environment in the language of the documents: the annual report is in
        Vietnamese by law, whoever compiles or prints it (a script, a user working in English),
        when Vietnamese is installed."""
        installed = dict(self.env["res.lang"].get_installed())
        lang = vi_format.LOCALE if vi_format.LOCALE in installed else self.env.lang
        return self.sudo().with_context(lang=lang).env

    # ------------------------------------------------------------
    # CONSOLIDATION
    # ------------------------------------------------------------

    @api.model
    @api.readonly
    def get_kpi_summary(self, year):
        """The consolidated figures of ``year`` (keys documented in docs/kpi_summary.md), from
        the accepted reports.

        Read-only (``api.readonly``): from the web client, it runs on the standby when Odoo has
        one (``db_replica_host``); it must write nothing (``tests/test_replica_reads.py``).

        The Department and inspectors get every expected unit and the Department's own work;
        unit officers only their own units; a user who may not read annual reports (a portal
        user, a user without a role) is refused.
        """
        self.browse().check_access("read")
        year = self._gep_check_year(year)
        roster, frozen = self._kpi_roster(year)
        department = self._kpi_department_units()
        return build_kpi_summary(self.sudo().env, year, roster, department_units=department, frozen=frozen)

    @api.model
    def _get_kpi_headline(self, year):
        """The headline of ``get_kpi_summary`` (completeness, timeliness and the objectives)
        for the same caller, without what only the consolidation shows: the home's figures."""
        year = self._gep_check_year(year)
        roster, frozen = self._kpi_roster(year)
        return build_kpi_summary(self.sudo().env, year, roster, detail=False, frozen=frozen)

    @api.model
    def _kpi_roster(self, year):
        """``(roster, frozen)``: the expected units of ``year`` that the caller may see, with the
        flags of the year (``gender.equality.unit._reporting_roster``)."""
        roster, frozen = self.env["gender.equality.unit"]._reporting_roster(year)
        if not roles.sees_every_unit(self.env):
            mine = set(self.env.user.gep_unit_ids.ids)
            roster = [row for row in roster if row["unit_id"] in mine]
        return roster, frozen

    @api.model
    def _kpi_department_units(self):
        """The Department and its offices (units of type Department of Health, archived ones
        too: their activities happened), whose own work adds to the sector's figures: for the
        callers who see every unit."""
        if not roles.sees_every_unit(self.env):
            return self.env["gender.equality.unit"]
        return (
            self.env["gender.equality.unit"]
            .sudo()
            .with_context(active_test=False)
            .search([("unit_type", "=", "department")])
        )

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _cron_report_reminders(self):
        """Daily: remind the units that owe their report 30, 14, 7 and 1 days before the
        deadline (one digest per user); after the deadline, tell the Department which units
        are missing (one digest per Department user)."""
        self._gep_check_cron_caller()
        today = local_today()
        for year in (today.year - 1, today.year):
            deadline = self.env["gender.equality.report.period"]._get_deadline(year)
            days = (deadline - today).days
            if days in REMINDER_DAYS_BEFORE:
                self._send_unit_reminders(year)
            elif -days in MISSING_DAYS_AFTER:
                self._send_missing_digest(year)
        return True

    @api.model
    def _report_asked_from(self, year):
        """The day the units are first asked for their report of ``year``: the first reminder
        (30 days before the deadline). From then on, "My work" offers to make the report."""
        deadline = self.env["gender.equality.report.period"]._get_deadline(year)
        return deadline - timedelta(days=max(REMINDER_DAYS_BEFORE))

    @api.model
    def _owed_years(self, today):
        """The years whose report a unit that has not sent it still owes on ``today``: this
        year's, and last year's, late, until the units are asked for this year's (from 1
        January to about 10 November): a unit is never asked for two reports at the deadline."""
        if today < self._report_asked_from(today.year):
            return [today.year - 1, today.year]
        return [today.year]

    @api.model
    def _units_owing_report(self, year):
        """Expected units whose report of ``year`` has not reached the Department."""
        roster, __ = self.env["gender.equality.unit"]._reporting_roster(year)
        units = (
            self.env["gender.equality.unit"]
            .sudo()
            .browse([row["unit_id"] for row in roster])
            .filtered("active")
        )
        submitted = self.sudo().search(
            [
                ("year", "=", year),
                ("state", "!=", "cancelled"),
                ("timeliness_date", "!=", False),
                ("awaiting_resubmission", "=", False),
            ]
        )
        return units - submitted.unit_id

    @api.model
    def _send_unit_reminders(self, year):
        """One digest per member of the units that owe their report of ``year``, in their
        language. Returns who was reminded: ``units`` (the units that owe their report),
        ``reminded_units`` (those that have an active member to remind) and ``users``."""
        deadline = self.env["gender.equality.report.period"]._get_deadline(year)
        units_by_user = defaultdict(lambda: self.env["gender.equality.unit"])
        owing = self._units_owing_report(year)
        for unit in owing:
            for user in unit.user_ids.filtered(lambda user: user.active and not user.share):
                units_by_user[user] |= unit
        for user, units in units_by_user.items():
            env = self.with_context(lang=user.lang).env
            items = Markup().join(Markup("<li>%s</li>") % unit.name for unit in units)
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                env._(
                    "The annual gender-equality report of %(year)s is due on %(deadline)s for:",
                    year=year,
                    deadline=vi_format.vi_date(deadline),
                ),
                items,
            )
            self._notify_digest(user, env._("Annual report %(year)s: reminder", year=year), body)
        return {
            "units": owing,
            "reminded_units": self.env["gender.equality.unit"].union(*units_by_user.values()),
            "users": self.env["res.users"].union(*units_by_user),
        }

    @api.model
    def _send_missing_digest(self, year):
        """Tell the Department users which units have not submitted their report of ``year``."""
        missing = self._units_owing_report(year)
        if not missing:
            return True
        items = Markup().join(Markup("<li>%s</li>") % unit.name for unit in missing.sorted("name"))
        department = self.env.ref("gender_equality_plan.group_department_user").sudo().users
        for user in department.filtered(lambda user: user.active and not user.share):
            env = self.with_context(lang=user.lang).env
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                env._("These units have not submitted their annual report of %(year)s:", year=year),
                items,
            )
            self._notify_digest(user, env._("Annual report %(year)s: missing reports", year=year), body)
        return True

    @api.model
    def _notify_digest(self, user, subject, body):
        """A notification of the model (no record) from OdooBot: whoever runs the cron or
        "remind now", the author needs no e-mail address; it reaches users without one."""
        self.browse().with_user(self.env.ref("base.user_root")).sudo()._gep_notify(user, subject, body)

    # ------------------------------------------------------------
    # PRINTING
    # ------------------------------------------------------------

    def _pdf_date_line(self):
        self.ensure_one()
        return vi_format.vi_date_line(self._document_date())

    def _document_date(self):
        """The date of the unit's report as a document: the day its head signed it (approved the
        head's stage of its latest submission: in the application, by submitting it himself, or
        on paper on the day written), else the day the Department received it (a chain without
        the head's stage, or the head's step skipped), else today (a draft being prepared)."""
        self.ensure_one()
        reviews = (
            self.env["gender.equality.approval.review"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("state", "=", "approved"),
                    ("stage_id.approver_type", "=", "unit_manager"),
                ],
                order="round desc, sequence desc, id desc",
                limit=1,
            )
        )
        if reviews:
            return reviews.paper_date or local_date(reviews.done_date)
        if self.received_date:
            return local_date(self.received_date)
        return local_today()

    def _pdf_number(self):
        self.ensure_one()
        return f"Số: {self.document_number or '…/BC-' + (self.unit_id.code or '')}"

    def _pdf_figures(self):
        """``[(section label, [(figure, value)])]`` of the compiled figures, formatted in Vietnamese."""
        self.ensure_one()
        sections = dict(self.line_ids._fields["section"]._description_selection(self._document_env()))
        grouped = defaultdict(list)
        for line in self.line_ids:
            grouped[line.section].append((line.name, line.value_display or vi_format.vi_number(line.value)))
        return [(sections[section], rows) for section, rows in grouped.items()]

    def _pdf_supplements(self):
        """The Action-Month supplements sent to the Department (submitted or accepted), formatted
        in Vietnamese, for printing."""
        self.ensure_one()
        return [
            {
                "date": vi_format.vi_date(supplement.date),
                "activities": vi_format.vi_number(supplement.action_month_held),
                "male": vi_format.vi_number(supplement.participants_male),
                "female": vi_format.vi_number(supplement.participants_female),
                "note": supplement.note or "",
            }
            for supplement in self.supplement_ids.filtered(
                lambda supplement: supplement.state in ("submitted", "accepted")
            )
        ]

    def _pdf_signatories(self):
        """The head who signs the report: the one who decided its head's stage, else the first
        head of the unit."""
        self.ensure_one()
        return self._gep_head_signer() or self.unit_id.sudo().manager_ids[:1]

    def _gep_head_signer(self):
        self.ensure_one()
        review = self._gep_signed_reviews(
            [("stage_id.approver_type", "=", "unit_manager")], order="round desc, id desc", limit=1
        )
        return review.done_by_id

    # ------------------------------------------------------------
    # THE SIGNED REPORT (gender.equality.document.mixin)
    # ------------------------------------------------------------

    def _gep_document_report(self):
        return self.env.ref("gender_equality_plan.action_report_gender_equality_report")

    def _gep_document_signer(self):
        self.ensure_one()
        return self._gep_head_signer()
