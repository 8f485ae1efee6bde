# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from ..tools import docx_writer, roles, sector_document, vi_format
from ..tools.common import local_today
from ..tools.html_clean import NarrativeHtml

DEPARTMENT_UNIT = "gender_equality_plan.gender_equality_unit_department"
# The document is Vietnamese by law: its figures (names of areas, kinds…) are read in Vietnamese.
DOCUMENT_LANG = "vi_VN"
# The warnings before the signature name this many units, then say how many others.
WARNING_UNIT_NAMES = 10
# What the signer gives while the report waits for the signature: the number of the document
# (from the register of the Department's office) and its date. The content stays frozen.
SIGNATURE_FIELDS = frozenset({"document_number", "report_date"})
# A signer's title of the director himself (not "KT. GIÁM ĐỐC"): he reports to nobody in his own
# Department, so a copy "to the director, to report" is a slip.
DIRECTOR_TITLE = "GIÁM ĐỐC"
SUMMARY_FIELDS = (
    "units_expected",
    "reports_submitted",
    "reports_accepted",
    "reports_on_time",
    "reports_late",
    "reports_missing",
    "completeness_rate",
    "timeliness_rate",
    "activities_held",
    "participants_male",
    "participants_female",
    "participants_total",
    "corrective_actions_open",
    "corrective_actions_overdue",
)


class GenderEqualitySectorReport(models.Model):
    """The Department's report upward of a year (*Báo cáo kết quả thực hiện công tác truyền
    thông về bình đẳng giới năm N của ngành Y tế*), from the accepted unit reports.

    The Department's officers write it; it goes through the configurable approval chain
    (``gender.equality.approval.mixin``; by default the Department manager signs and issues it).
    Its figures are those of ``get_kpi_summary(year)``: live while the report is a draft or
    returned, frozen as a JSON snapshot when it is submitted for signature, and kept once it is
    issued, so that a report accepted later does not change an issued document. In the review
    year of a phase of the programme (``gender.equality.phase``: 2021–2025 in 2026), or when the
    Department asks for it, it adds the review of the phase: each target year by year
    (``gender.equality.multi.year``), the lessons learned and the direction of the next phase.
    Its addressees, copies, national coordinator and opening paragraph come from the setting of
    its year (``gender.equality.sector.setting``). Printed as PDF and as an editable .docx.
    """

    _name = "gender.equality.sector.report"
    _description = "Sector Report"
    _inherit = [
        "gender.equality.approval.mixin",
        "gender.equality.unit.year.mixin",
        "gender.equality.document.mixin",
    ]
    _order = "year desc, id desc"
    # Workflow (gender.equality.approval.mixin): the last stage issues the report; the Department
    # manager reopens an issued report, with a reason.
    _state_approved = "issued"
    _state_draft_from = ("cancelled",)
    _workflow_reopen_groups = (roles.DEPARTMENT_MANAGER,)
    # Issuing cannot be taken back (only reopened, with a reason): the signer confirms it.
    _workflow_confirm_approve = True

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Issuing Body",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('unit_type', '=', 'department')]",
        default=lambda self: self.env.ref(DEPARTMENT_UNIT, raise_if_not_found=False),
        help="The Department of Health, which issues the report.",
    )
    year = fields.Integer(
        required=True, index=True, tracking=True, default=lambda self: fields.Date.context_today(self).year
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Waiting for Signature"),
            ("issued", "Issued"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        help="Draft: the Department's officers write the report; its figures follow the accepted unit "
        "reports.\n"
        "Waiting for Signature: submitted to the approvers of its current stage; its figures are frozen.\n"
        "Issued: signed and issued; nothing of it changes any more.\n"
        "Returned: an approver, or the Department manager reopening it, sent it back with a reason; its "
        "figures follow the accepted reports again.\n"
        "Cancelled: abandoned.",
    )
    document_number = fields.Char(
        tracking=True,
        help="Number of the report as a document, e.g. 215/BC-SYT, from the register of outgoing "
        "documents of the Department's office. Required to issue the report; it can still be given "
        "while the report waits for the signature.",
    )
    report_date = fields.Date(
        string="Date",
        tracking=True,
        help="Date of the document. Empty: the day it is issued. It can still be given while the "
        "report waits for the signature.",
    )
    place = fields.Char(default="Thanh Hóa", required=True, help="Place printed before the date.")
    addressees = fields.Text(
        compute="_compute_from_setting",
        store=True,
        readonly=False,
        precompute=True,
        help="Kính gửi: the bodies the report is addressed to, one per line. Proposed from the setting "
        "of the year (Configuration > Sector Report Settings).",
    )
    recipients = fields.Text(
        compute="_compute_from_setting",
        store=True,
        readonly=False,
        precompute=True,
        help="Nơi nhận, one per line, as the document prints them. Proposed from the setting of the "
        "year (Configuration > Sector Report Settings).",
    )
    coordinator_ministry = fields.Char(
        string="National Coordinator",
        compute="_compute_from_setting",
        store=True,
        readonly=False,
        precompute=True,
        help="The ministry that coordinates the programme nationally, whose communication products the "
        "units reproduce: the report counts them as “Nhân bản sản phẩm của <ministry>”. Proposed from the "
        "setting of the year.",
    )
    signer_name = fields.Char(string="Signed by", tracking=True)
    signer_title = fields.Text(
        string="Signer's Title",
        default="GIÁM ĐỐC",
        help="As printed above the signature, one line each, e.g. KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC.",
    )
    review_phase_id = fields.Many2one(
        "gender.equality.phase",
        string="Phase Reviewed",
        compute="_compute_review_phase_id",
        store=True,
        readonly=False,
        precompute=True,
        ondelete="restrict",
        help="The phase of the programme the report reviews: by default the phase whose review year is "
        "the report's (Configuration > Programme Phases: 2021–2025 in the report of 2026).",
    )
    include_period_review = fields.Boolean(
        string="Include the Review of the Period",
        compute="_compute_include_period_review",
        store=True,
        readonly=False,
        precompute=True,
        help="Add the section *Kết quả giai đoạn …*: each target of the plan year by year over the phase "
        "reviewed, the lessons learned and the direction of the next phase. Checked by default in the "
        "review year of a phase.",
    )
    introduction = NarrativeHtml(
        compute="_compute_from_setting",
        store=True,
        readonly=False,
        precompute=True,
        help="The opening paragraph (the documents the report implements). Proposed from the setting of "
        "the year.",
    )
    period_lessons = NarrativeHtml(
        string="Lessons Learned",
        help="Bài học kinh nghiệm of the phase reviewed: required to submit a report that reviews a phase.",
    )
    period_direction = NarrativeHtml(
        string="Direction of the Next Phase",
        help="Phương hướng of the next phase: required to submit a report that reviews a phase.",
    )
    direction = NarrativeHtml(string="Direction and Organisation")
    assessment_strengths = NarrativeHtml(string="Strengths")
    assessment_shortcomings = NarrativeHtml(string="Shortcomings")
    assessment_causes = NarrativeHtml(string="Causes")
    next_year_tasks = NarrativeHtml(string="Next Year's Tasks")
    recommendations = NarrativeHtml()
    snapshot = fields.Json(
        string="Frozen Figures",
        readonly=True,
        copy=False,
        help="The figures of the report, frozen when it was submitted for signature: the summary of the "
        "year (get_kpi_summary) and, with the review of the period, the multi-year table.",
    )
    snapshot_date = fields.Datetime(string="Figures Frozen on", readonly=True, copy=False)
    is_frozen = fields.Boolean(compute="_compute_is_frozen", string="Figures Frozen")
    period_label = fields.Char(compute="_compute_period_label", string="Period Reviewed")
    # The figures (frozen or live).
    units_expected = fields.Integer(compute="_compute_figures", string="Units Expected to Report")
    reports_submitted = fields.Integer(compute="_compute_figures", string="Reports Received")
    reports_accepted = fields.Integer(compute="_compute_figures")
    reports_on_time = fields.Integer(compute="_compute_figures", string="Reports on Time")
    reports_late = fields.Integer(compute="_compute_figures")
    reports_missing = fields.Integer(compute="_compute_figures")
    completeness_rate = fields.Float(compute="_compute_figures", string="Completeness (%)", digits=(5, 1))
    timeliness_rate = fields.Float(compute="_compute_figures", string="On Time (%)", digits=(5, 1))
    activities_held = fields.Integer(compute="_compute_figures")
    participants_male = fields.Integer(compute="_compute_figures")
    participants_female = fields.Integer(compute="_compute_figures")
    participants_total = fields.Integer(compute="_compute_figures")
    corrective_actions_open = fields.Integer(compute="_compute_figures")
    corrective_actions_overdue = fields.Integer(compute="_compute_figures")
    figures_html = fields.Html(compute="_compute_figures", string="Figures of the Year", sanitize=False)
    period_html = fields.Html(compute="_compute_figures", string="Results of the Period", sanitize=False)

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("year")
    def _compute_name(self):
        for report in self:
            # The document title is Vietnamese by law, whatever the user's language.
            report.name = f"Báo cáo {sector_document.title(report.year)}"

    @api.depends("year")
    def _compute_from_setting(self):
        """The addressees, copies, national coordinator and opening paragraph of the year's
        setting (the report's own once written: they change with its year only)."""
        Setting = self.env["gender.equality.sector.setting"]
        for report in self:
            setting = Setting._for_year(report.year)
            report.addressees = setting.addressees
            report.recipients = setting.recipients
            report.coordinator_ministry = setting.coordinator_ministry
            report.introduction = setting.introduction

    @api.depends("year")
    def _compute_review_phase_id(self):
        Phase = self.env["gender.equality.phase"]
        for report in self:
            report.review_phase_id = Phase._reviewed_in(report.year) if report.year else False

    @api.depends("review_phase_id")
    def _compute_include_period_review(self):
        for report in self:
            report.include_period_review = bool(report.review_phase_id)

    @api.depends("snapshot")
    def _compute_is_frozen(self):
        for report in self:
            report.is_frozen = bool(report.snapshot)

    @api.depends("year", "include_period_review", "review_phase_id")
    def _compute_period_label(self):
        for report in self:
            years = report._period_years()
            report.period_label = sector_document.period_label(years) if years else False

    @api.depends("year", "snapshot", "include_period_review", "review_phase_id")
    def _compute_figures(self):
        # The figures are read as superuser (the whole sector, names of late and missing units):
        # computed only for the reports the caller may read (an onchange builds others).
        readable = self._gep_readable()
        for report in self:
            if not report.year or report not in readable:
                report.update(dict.fromkeys(SUMMARY_FIELDS, 0))
                report.figures_html = report.period_html = False
                continue
            figures = report._figures()
            report.update({name: figures["summary"].get(name, 0) for name in SUMMARY_FIELDS})
            document = sector_document.SectorReportDocument(
                report.year, figures["summary"], period=figures["period"]
            )
            report.figures_html = sector_document.render_html(document.figure_blocks())
            report.period_html = (
                sector_document.render_html(document.period_blocks()) if figures["period"] else False
            )

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("unit_id")
    def _check_unit_id(self):
        for report in self:
            if report.unit_id.sudo().unit_type != "department":
                raise ValidationError(
                    self.env._("The sector report is issued by the Department of Health, not by a unit.")
                )

    def _gep_locked_fields(self):
        """While the report waits for the signature, its number and date stay open: the office
        gives the number when the report is signed. Everything else is frozen."""
        locked = super()._gep_locked_fields()
        for report in self.filtered(lambda report: report.state == self._state_review):
            if report in locked:
                locked[report] = locked[report] - SIGNATURE_FIELDS
        return locked

    def _unit_year_duplicate_message(self, unit, year):
        return self.env._(
            "The Department already has a sector report for %(year)s (cancelled reports aside).", year=year
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_print(self):
        """The report as a PDF, in the Vietnamese administrative layout."""
        self.check_access("read")
        report = self.env.ref("gender_equality_plan.action_report_gender_equality_sector_report")
        return report.report_action(self, config=False)

    def action_download_docx(self):
        """The report as an editable Word document (.docx), to edit and sign in Word."""
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_url",
            "url": f"/gender_equality_plan/sector_report/{self.id}/docx",
            "target": "download",
        }

    def action_view_multi_year(self):
        """The four targets year by year, 2021–2030."""
        self.ensure_one()
        multi = self.env["gender.equality.multi.year"].create({})
        return {
            "type": "ir.actions.act_window",
            "name": multi.display_name,
            "res_model": multi._name,
            "res_id": multi.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    # ------------------------------------------------------------
    # WORKFLOW HOOKS (gender.equality.approval.mixin)
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
        if not (self.signer_name and self.signer_title):
            raise UserError(
                self.env._(
                    "Give the name and the title of the signer of %(report)s before submitting it for "
                    "signature.",
                    report=self.display_name,
                )
            )
        self._check_period_review_written()

    def _check_period_review_written(self):
        """A review of a phase is more than its table: it states the lessons learned and the
        direction of the next phase."""
        self.ensure_one()
        if not self.include_period_review:
            return
        missing = [
            self._fields[name].get_description(self.env)["string"]
            for name in ("period_lessons", "period_direction")
            if is_html_empty(self[name])
        ]
        if missing:
            raise UserError(
                self.env._(
                    "%(report)s reviews the phase %(phase)s: write its %(sections)s before submitting it for "
                    "signature (tab Results of the Period).",
                    report=self.display_name,
                    phase=self.period_label,
                    sections=", ".join(missing),
                )
            )

    def _workflow_before_submit(self):
        """The figures are frozen as they go to the signer."""
        self._take_snapshot()

    def _workflow_submit_warnings(self):
        """What the figures to be frozen lack: the units that have not sent their report, the
        reports not accepted yet (they do not count), the late ones, and a deadline that has not
        passed (reports may still come); and a copy list that reports to the signer himself."""
        warnings = []
        for report in self:
            warnings += report._sector_warnings()
            warnings += report._recipient_warnings()
        return warnings

    def _recipient_warnings(self):
        """The director who signs does not report "to the director": a copy list that does
        (as the old default did) is a slip to correct before signing."""
        self.ensure_one()
        titles = [line.upper() for line in _lines(self.signer_title)]
        if titles[:1] != [DIRECTOR_TITLE]:
            return []
        to_director = [
            line
            for line in _lines(self.recipients)
            if "giám đốc" in line.lower() and ("báo cáo" in line.lower() or "b/c" in line.lower())
        ]
        if not to_director:
            return []
        return [
            self.env._(
                "The director signs the report, and its copy list reports to the director (%(line)s): "
                "correct the copy list (Nơi nhận) in the tab Addressees and Signature.",
                line=to_director[0],
            )
        ]

    def _sector_warnings(self):
        self.ensure_one()
        if not self.year:
            return []
        summary = self._live_summary()
        rows = summary.get("units", [])
        expected = len(rows)
        missing = [row for row in rows if row["timeliness"] == "missing"]
        unaccepted = [
            row for row in rows if row["timeliness"] != "missing" and row["report_state"] != "accepted"
        ]
        late = [row for row in rows if row["timeliness"] == "late"]
        warnings = []
        if missing:
            warnings.append(
                self.env._(
                    "%(count)s of %(expected)s units have not sent their report: %(units)s.",
                    count=len(missing),
                    expected=expected,
                    units=self._unit_names(missing),
                )
            )
        if unaccepted:
            warnings.append(
                self.env._(
                    "%(count)s reports received are not accepted yet and do not count in the figures: "
                    "%(units)s.",
                    count=len(unaccepted),
                    units=self._unit_names(unaccepted),
                )
            )
        if late:
            warnings.append(
                self.env._(
                    "%(count)s reports reached the Department after the deadline: %(units)s.",
                    count=len(late),
                    units=self._unit_names(late),
                )
            )
        deadline = self.env["gender.equality.report.period"]._get_deadline(self.year)
        if local_today() <= deadline:
            warnings.append(
                self.env._(
                    "The deadline of the unit reports, %(deadline)s, has not passed: reports may still "
                    "arrive, and the figures are frozen when the report is submitted for signature.",
                    deadline=vi_format.vi_date(deadline),
                )
            )
        return warnings

    def _unit_names(self, rows):
        """The names of the units of ``rows``, the first few, then how many others."""
        names = ", ".join(row["unit_name"] for row in rows[:WARNING_UNIT_NAMES])
        if len(rows) > WARNING_UNIT_NAMES:
            names = self.env._(
                "%(names)s and %(count)s others", names=names, count=len(rows) - WARNING_UNIT_NAMES
            )
        return names

    def _workflow_check_approvable(self):
        """A report is issued with its number: the signer (or the office) gives it first."""
        last = self._approval_last_pending()
        for report in last.filtered(lambda report: not (report.document_number or "").strip()):
            raise UserError(
                self.env._(
                    "Give the number of %(report)s (from the register of the Department's office, e.g. "
                    "215/BC-SYT) in the field Document Number before signing and issuing it.",
                    report=report.display_name,
                )
            )

    def _approval_last_pending(self):
        """The reports whose pending stage is the last of their chain: approving it issues them."""
        waiting = {
            res_id
            for [res_id] in self.env["gender.equality.approval.review"]
            .sudo()
            ._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "waiting")],
                ["res_id"],
            )
        }
        return self.filtered(lambda report: report.id not in waiting)

    def _workflow_confirm_title(self, method):
        if method == "action_approve":
            return self.env._("Sign and issue the report")
        return super()._workflow_confirm_title(method)

    def _workflow_confirm_label(self, method):
        if method == "action_approve":
            return (
                self.env._("Sign and Issue")
                if self._approval_last_pending() == self
                else self.env._("Approve")
            )
        if method == "action_submit" and self._workflow_submit_warnings():
            return self.env._("Submit for Signature Anyway")
        return super()._workflow_confirm_label(method)

    def _workflow_confirm_message(self, method):
        if method != "action_approve" or self._approval_last_pending() != self:
            return super()._workflow_confirm_message(method)
        items = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(report)s, number %(number)s, dated %(date)s",
                report=report.display_name,
                number=report.document_number,
                date=vi_format.vi_date(report._document_date()),
            )
            for report in self
        )
        return Markup("<p>%s</p><ul>%s</ul><p>%s</p>") % (
            self.env._("You sign and issue:"),
            items,
            self.env._(
                "An issued report no longer changes: its figures stay those frozen at the submission for "
                "signature. Only the Department manager can reopen it, with a reason."
            ),
        )

    def _workflow_on_approved(self):
        """Issued (called as superuser): dated the day of issue unless the Department dated it;
        its final PDF is issued, for the signer to sign."""
        today = local_today()
        self.filtered(lambda report: not report.report_date).write({"report_date": today})
        self._gep_issue_documents()

    def _workflow_on_returned(self, reason):
        """Back to the Department's officers: the figures follow the accepted reports again; an
        issued document (a report reopened) is superseded."""
        self._clear_snapshot()
        self._gep_supersede_documents()

    def _workflow_on_cancelled(self):
        self._clear_snapshot()
        self._gep_supersede_documents()

    def _workflow_return_title(self):
        return self.env._("Return the report to the Department's officers")

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    def _take_snapshot(self):
        for report in self:
            period = report._live_period() if report.include_period_review else False
            report.sudo().write(
                {
                    "snapshot": {"summary": report._live_summary(), "period": period},
                    "snapshot_date": fields.Datetime.now(),
                }
            )

    def _clear_snapshot(self):
        self.sudo().write({"snapshot": False, "snapshot_date": False})

    @api.model
    def _frozen_roster(self, year):
        """The units expected to report in ``year`` as the issued sector report of the year froze
        them (``gender.equality.unit._reporting_roster``): ``[{"unit_id", "unit_type",
        "has_communication_duty"}]``, or None while the year has no issued report."""
        report = self.sudo().search([("year", "=", year), ("state", "=", self._state_approved)], limit=1)
        units = (report.snapshot or {}).get("summary", {}).get("units") if report else None
        if units is None:
            return None
        return [
            {
                "unit_id": row["unit_id"],
                "unit_type": row["unit_type"],
                "has_communication_duty": bool(row["has_communication_duty"]),
            }
            for row in units
        ]

    def _document_env(self):
        """The environment that reads the figures: superuser (the whole sector, for the roles that
        may read the report), in Vietnamese when the language is installed."""
        env = self.sudo().env
        if self.env["res.lang"]._get_code(DOCUMENT_LANG):
            env = env(context=dict(env.context, lang=DOCUMENT_LANG))
        return env

    def _live_summary(self):
        self.ensure_one()
        return self._document_env()["gender.equality.report"].get_kpi_summary(self.year)

    def _period_phase(self):
        """The phase the report reviews: the one chosen (by default, reviewed in its year), else
        the phase around the report's year."""
        self.ensure_one()
        if not (self.include_period_review and self.year):
            return self.env["gender.equality.phase"]
        return self.review_phase_id or self.env["gender.equality.phase"]._around(self.year)

    def _period_years(self):
        self.ensure_one()
        phase = self._period_phase()
        return phase._years(self.year) if phase else []

    def _live_period(self):
        self.ensure_one()
        years = self._period_years()
        return self._document_env()["gender.equality.multi.year"]._build_table(years) if years else False

    def _figures(self):
        """``{"summary", "period"}``: frozen when the report is frozen, else live."""
        self.ensure_one()
        if self.snapshot:
            return {"summary": self.snapshot["summary"], "period": self.snapshot.get("period") or False}
        return {
            "summary": self._live_summary(),
            "period": self._live_period() if self.include_period_review else False,
        }

    @api.readonly
    def get_figures(self):
        """The figures of the report (``summary``: the keys of ``get_kpi_summary``; ``period``: the
        multi-year table, or False; ``frozen``: whether they are frozen), as a dict."""
        self.ensure_one()
        self.check_access("read")
        return dict(self._figures(), frozen=bool(self.snapshot))

    # ------------------------------------------------------------
    # THE DOCUMENT (PDF and .docx)
    # ------------------------------------------------------------

    def _document(self):
        """Everything the PDF and the .docx print, in one dict (see ``tools.docx_writer``)."""
        self.ensure_one()
        figures = self._figures()
        narrative = {
            "introduction": self.introduction,
            "direction": self.direction,
            "strengths": self.assessment_strengths,
            "shortcomings": self.assessment_shortcomings,
            "causes": self.assessment_causes,
            "next_year_tasks": self.next_year_tasks,
            "recommendations": self.recommendations,
            "period_lessons": self.period_lessons,
            "period_direction": self.period_direction,
        }
        blocks = sector_document.SectorReportDocument(
            self.year,
            figures["summary"],
            narrative=narrative,
            period=figures["period"],
            ministry=self.coordinator_ministry,
            next_phase=self._next_phase_label(),
        ).build()
        issuer = self.sudo().unit_id
        return {
            "heading": issuer._document_heading()
            if issuer
            else {"superior": [], "unit": ["SỞ Y TẾ THANH HÓA"]},
            "number": f"Số: {self.document_number or '…/BC-' + (issuer.code or 'SYT')}",
            "date_line": vi_format.vi_date_line(self._document_date(), place=self.place or "Thanh Hóa"),
            "draft": self.state != self._state_approved,
            "title": "BÁO CÁO",
            "subject": sector_document.title(self.year),
            "addressees": _lines(self.addressees),
            "blocks": blocks,
            "recipients": _lines(self.recipients),
            "signer_titles": [line.upper() for line in _lines(self.signer_title)],
            "signer_name": self.signer_name or "",
        }

    def _next_phase_label(self):
        """``"2026–2030"``: the phase after the one reviewed, as the direction's heading names it
        (empty when the Department has not recorded it)."""
        self.ensure_one()
        phase = self._period_phase()
        return (phase._next().name or "") if phase else ""

    def _gep_document_report(self):
        return self.env.ref("gender_equality_plan.action_report_gender_equality_sector_report")

    def _gep_document_signer(self):
        """The Department manager who signed and issued it: the approver of the last stage."""
        self.ensure_one()
        return self._gep_last_approver()

    def _document_html(self, document):
        """The body of ``document`` (``_document()``) as HTML, for the PDF."""
        return sector_document.render_html(document["blocks"])

    def _document_date(self):
        return self.report_date or local_today()

    def _docx_content(self):
        """The bytes of the .docx of the report."""
        self.ensure_one()
        if not docx_writer.is_available():
            raise UserError(
                self.env._("The Word document needs the Python package python-docx: ask the administrator.")
            )
        return docx_writer.render_docx(self._document())

    def _docx_filename(self):
        self.ensure_one()
        number = re.sub(r"[^0-9A-Za-z-]+", "-", self.document_number or "").strip("-")
        return f"Bao cao BDG nganh Y te {self.year}{' ' + number if number else ''}.docx"


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
