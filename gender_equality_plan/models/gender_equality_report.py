# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import vi_format
from ..tools.kpi_summary import build_kpi_summary
from ..tools.report_figures import OPEN_ACTION_STATES, ReportFigures, local_date, rate

REPORT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
]
EDITABLE_STATES = ("draft", "returned")
# Reminders to units that owe their report, this many days before the deadline.
REMINDER_DAYS_BEFORE = (30, 14, 7, 1)
# Digest to the Department of the missing reports, this many days after the deadline.
MISSING_DAYS_AFTER = (1, 7, 14)
CONTENT_FIELDS = {
    "unit_id",
    "year",
    "direction",
    "results",
    "assessment_strengths",
    "assessment_shortcomings",
    "assessment_causes",
    "next_year_tasks",
    "recommendations",
}
# Set by the workflow and the compilation only (action_* methods), never written directly.
WORKFLOW_FIELDS = {
    "state",
    "submit_date",
    "compile_date",
    "compiled_task_ids",
    "line_ids",
    "dissemination_count",
    "activity_count",
    "participants_male",
    "participants_female",
    "action_month_planned",
    "action_month_held",
    "observance_count",
    "inspection_count",
    "violation_count",
    "corrective_open_count",
    "corrective_overdue_count",
    "corrective_verified_count",
    "budget_used",
    "indicator_status",
    "awareness_rate",
}
INDICATOR_STATUSES = [("none", "Not applied"), ("pilot", "Pilot"), ("official", "Official")]


class GenderEqualityReport(models.Model):
    """The annual report of a unit on its gender-equality communication (section V)."""

    _name = "gender.equality.report"
    _description = "Annual Unit Report"
    _inherit = [
        "gender.equality.inbox.mixin",
        "mail.activity.mixin",
        "gender.equality.approval.mixin",
        "gender.equality.unit.year.mixin",
    ]
    _order = "year desc, unit_id, id desc"

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Unit",
        required=True,
        index=True,
        # Units with records cannot be deleted (they are archived): cascade only matters when
        # the module is uninstalled.
        ondelete="cascade",
        tracking=True,
        domain="[('unit_type', '!=', 'department')]",
        default=lambda self: self.env.user.gep_unit_ids.filtered(lambda unit: unit.unit_type != "department")[
            :1
        ],
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
        help="Last day of the first submission (inclusive, Thanh Hóa time). By default the "
        "deadline of the reporting period of the year, else 10 December.",
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
        help="Date of the FIRST submission: resubmissions after a return do not change it.",
    )
    is_late = fields.Boolean(
        compute="_compute_timeliness",
        store=True,
        string="Late",
        help="First submitted after the deadline (Thanh Hóa time).",
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
    line_ids = fields.One2many("gender.equality.report.line", "report_id", string="Figures", readonly=True)
    supplement_ids = fields.One2many("gender.equality.report.supplement", "report_id", string="Supplements")
    # Compiled figures.
    dissemination_count = fields.Integer(string="Dissemination Sessions", readonly=True, copy=False)
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
    direction = fields.Html(string="Direction and Organisation")
    results = fields.Html(string="Results by Task and Target")
    assessment_strengths = fields.Html(string="Strengths")
    assessment_shortcomings = fields.Html(string="Shortcomings")
    assessment_causes = fields.Html(string="Causes")
    next_year_tasks = fields.Html(string="Next Year's Tasks")
    recommendations = fields.Html()

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
                report.deadline = Period._get_deadline(report.year)

    @api.depends("submit_date", "deadline")
    def _compute_timeliness(self):
        for report in self:
            days = 0
            if report.submit_date and report.deadline:
                days = (local_date(report.submit_date) - report.deadline).days
            report.days_late = max(days, 0)
            report.is_late = days > 0

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

    @api.constrains("year")
    def _check_year(self):
        for report in self:
            if not 2000 <= report.year <= 2100:
                raise ValidationError(
                    self.env._("The year %(year)s of a report is not valid.", year=report.year)
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if any("deadline" in vals for vals in vals_list):
            self._check_can_set_deadline()
        for vals in vals_list:
            self._check_workflow_fields(
                {key for key, value in vals.items() if key != "state" or value != "draft"}
            )
        return super().create(vals_list)

    def write(self, vals):
        if "deadline" in vals:
            self._check_can_set_deadline()
        self._check_workflow_fields(vals.keys())
        if CONTENT_FIELDS & vals.keys() and not self.env.su:
            locked = self.filtered(lambda report: report.state not in EDITABLE_STATES)
            if locked:
                raise UserError(
                    self.env._(
                        "%(report)s can only be edited while it is a draft or returned.",
                        report=locked[0].display_name,
                    )
                )
        return super().write(vals)

    def _check_workflow_fields(self, names):
        if WORKFLOW_FIELDS & set(names) and not self.env.su:
            raise UserError(
                self.env._("The status and the figures of a report change through its buttons only.")
            )

    def _check_can_set_deadline(self):
        """Deadlines are the Department's: a unit cannot move its own."""
        if not (self.env.su or self.env.user.has_group("gender_equality_plan.group_department_manager")):
            raise AccessError(
                self.env._("Only a manager of the Department of Health sets the deadline of a report.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        for report in self:
            if report.submit_date or report.state not in ("draft", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(report)s has been submitted: its history is kept. Cancel it instead.",
                        report=report.display_name,
                    )
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_compile(self):
        """(Re)compute the figures of the reports from their units' records."""
        self._check_state(
            EDITABLE_STATES, self.env._("The figures can only be refreshed while it is a draft or returned.")
        )
        self.check_access("write")
        for report in self:
            report._compile()
        return True

    def action_submit(self):
        """Submit the reports for approval; their figures are compiled at submission."""
        self._check_state(EDITABLE_STATES, self.env._("Only a draft or returned report can be submitted."))
        self.check_access("write")
        for report in self:
            report._compile()
        now = fields.Datetime.now()
        first = self.filtered(lambda report: not report.submit_date)
        first.sudo().write({"submit_date": now})
        self.sudo().write({"state": "submitted"})
        self._approval_start()
        return True

    def action_approve(self):
        """Approve the current stage; the last stage accepts the reports."""
        self._check_state(("submitted",), self.env._("Only a submitted report can be approved."))
        self._approval_approve()
        return True

    def action_return(self, reason=None):
        """Return the reports to their unit. Without a reason (a button), ask for it."""
        self._check_state(("submitted",), self.env._("Only a submitted report can be returned."))
        if reason is None:
            self._approval_check_can_decide()
            return self.env["gender.equality.reason.wizard"]._get_action(
                self, "action_return", self.env._("Return the report to its unit")
            )
        self._approval_return(reason)
        return True

    def action_cancel(self):
        self._check_state(
            (*EDITABLE_STATES, "submitted"), self.env._("Only an unaccepted report can be cancelled.")
        )
        self.check_access("write")
        self.sudo().write({"state": "cancelled"})
        self._approval_cancel()
        return True

    def action_draft(self):
        self._check_state(("cancelled",), self.env._("Only a cancelled report can be reset to draft."))
        self.check_access("write")
        self.sudo().write({"state": "draft"})
        return True

    def action_open_supplement(self):
        """Open (or start) the Action-Month supplement of the report."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Action-Month Supplement"),
            "res_model": "gender.equality.report.supplement",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("report_id", "=", self.id)],
            "context": {"default_report_id": self.id},
        }

    def _check_state(self, states, message):
        wrong = self.filtered(lambda report: report.state not in states)
        if wrong:
            raise UserError(
                self.env._("%(report)s: %(message)s", report=wrong[0].display_name, message=message)
            )

    # ------------------------------------------------------------
    # APPROVAL HOOKS
    # ------------------------------------------------------------

    def _on_approval_complete(self):
        # The approver may only read the report: the mixin checked their right to approve.
        self.sudo().write({"state": "accepted"})

    def _on_approval_returned(self, reason):
        self.sudo().write({"state": "returned"})

    # ------------------------------------------------------------
    # COMPILATION
    # ------------------------------------------------------------

    def _compile(self):
        """Compute the figures of one report from its unit's records (read as superuser: the
        caller may write the report, the figures are those of its own unit)."""
        self.ensure_one()
        figures = ReportFigures(self.sudo().env, self.year, self.unit_id.sudo())
        lines = []

        def add_line(section, key, name, value, model=None, ids=None, display=None):
            lines.append(
                Command.create(
                    {
                        "sequence": len(lines) + 1,
                        "section": section,
                        "key": key,
                        "name": name,
                        "value": value,
                        "value_display": display,
                        "source_model": model,
                        "source_domain": str([("id", "in", ids or [])]) if model else False,
                    }
                )
            )

        vals = {
            **self._compile_activities(figures, add_line),
            **self._compile_inspections(figures, add_line),
            **self._compile_awareness(figures, add_line),
        }
        self.sudo().write(
            {**vals, "line_ids": [Command.clear(), *lines], "compile_date": fields.Datetime.now()}
        )

    def _compile_activities(self, figures, add_line):
        """Activities held, by area and type, the Action Month, observances and budget used."""
        _ = self.env._
        unit, task_model = figures.units, "gender.equality.task"
        empty = {"count": 0, "male": 0, "female": 0, "ids": []}
        held = figures.tasks_by([]).get(unit, empty)
        dissemination = figures.tasks_by([], ("is_dissemination", "=", True)).get(unit, empty)
        action_month = figures.tasks_by([], ("is_action_month", "=", True)).get(unit, empty)
        observance = figures.tasks_by([], ("observance_id", "!=", False)).get(unit, empty)
        planned_count, planned_ids = figures.unit_counts(
            task_model, figures.planned_action_month_domain()
        ).get(unit, (0, []))
        for key, label, value, ids in (
            ("held", _("Activities held"), held["count"], held["ids"]),
            ("dissemination", _("Dissemination sessions held"), dissemination["count"], dissemination["ids"]),
            ("participants_male", _("Male participants"), held["male"], held["ids"]),
            ("participants_female", _("Female participants"), held["female"], held["ids"]),
            ("participants_total", _("Participants"), held["male"] + held["female"], held["ids"]),
            ("observance", _("Observance activities"), observance["count"], observance["ids"]),
        ):
            add_line("activities", key, label, value, task_model, ids)
        add_line(
            "action_month",
            "planned",
            _("Action-Month activities planned"),
            planned_count,
            task_model,
            planned_ids,
        )
        add_line(
            "action_month",
            "held",
            _("Action-Month activities held"),
            action_month["count"],
            task_model,
            action_month["ids"],
        )
        for section, field, prefix in (
            ("area", "area_id", "area"),
            ("activity_type", "activity_type_id", "type"),
        ):
            rows = sorted(figures.tasks_by([field]).items(), key=lambda item: item[0][1].sequence)
            for (_unit, group), data in rows:
                add_line(
                    section,
                    f"{prefix}_{group.id}",
                    group.display_name,
                    data["count"],
                    task_model,
                    data["ids"],
                )
        budget_total = 0.0
        for _unit, source, amount, ids in figures.env[task_model]._read_group(
            figures.task_domain(), ["unit_id", "funding_source_id"], ["actual_cost:sum", "id:array_agg"]
        ):
            budget_total += amount
            label = source.display_name or _("No funding source")
            add_line(
                "budget",
                f"source_{source.id or 0}",
                label,
                amount,
                task_model,
                ids,
                vi_format.vi_amount(amount),
            )
        return {
            "compiled_task_ids": [Command.set(held["ids"])],
            "activity_count": held["count"],
            "dissemination_count": dissemination["count"],
            "participants_male": held["male"],
            "participants_female": held["female"],
            "action_month_planned": planned_count,
            "action_month_held": action_month["count"],
            "observance_count": observance["count"],
            "budget_used": budget_total,
        }

    def _compile_inspections(self, figures, add_line):
        """Inspections by type with their average score, findings and corrective actions."""
        _ = self.env._
        unit, inspection_model = figures.units, "gender.equality.inspection"
        type_labels = dict(
            figures.env[inspection_model]._fields["inspection_type"]._description_selection(self.env)
        )
        inspection_count = 0
        for (_unit, kind), (count, score, ids) in sorted(figures.inspections_by_type().items()):
            inspection_count += count
            display = _("%(count)s (average score %(score)s)", count=count, score=vi_format.vi_percent(score))
            add_line(
                "inspection",
                f"inspection_{kind}",
                type_labels.get(kind, kind),
                count,
                inspection_model,
                ids,
                display,
            )
        violation_model = "gender.equality.inspection.violation"
        violation_count, violation_ids = figures.unit_counts(
            violation_model,
            [("unit_id", "=", unit.id), ("inspection_id", "any", figures.inspection_domain())],
        ).get(unit, (0, []))
        add_line(
            "inspection",
            "findings",
            _("Findings (violations)"),
            violation_count,
            violation_model,
            violation_ids,
        )
        action_model = "gender.equality.corrective.action"
        labels = {
            "open": _("Corrective actions open"),
            "overdue": _("Corrective actions overdue"),
            "verified": _("Corrective actions verified"),
        }
        counts = {}
        for state, domain in (
            ("open", [("state", "in", OPEN_ACTION_STATES)]),
            ("overdue", [("is_overdue", "=", True)]),
            ("verified", [("state", "=", "verified")]),
        ):
            count, ids = figures.unit_counts(action_model, figures.corrective_action_domain(*domain)).get(
                unit, (0, [])
            )
            counts[state] = count
            add_line("corrective_action", state, labels[state], count, action_model, ids)
        return {
            "inspection_count": inspection_count,
            "violation_count": violation_count,
            "corrective_open_count": counts["open"],
            "corrective_overdue_count": counts["overdue"],
            "corrective_verified_count": counts["verified"],
        }

    def _compile_awareness(self, figures, add_line):
        """The unit's status on the Gender Indicator Set and its awareness survey results."""
        _ = self.env._
        unit, env = figures.units, figures.env
        status = figures.indicator_status().get(unit, "none")
        status_labels = dict(self._fields["indicator_status"]._description_selection(self.env))
        status_model, survey_model = "gender.equality.indicator.status", "gender.equality.awareness.survey"
        statuses = env[status_model].search([("unit_id", "=", unit.id), ("year", "=", self.year)])
        add_line(
            "indicator",
            "status",
            _("Gender Indicator Set"),
            0,
            status_model,
            statuses.ids,
            status_labels[status],
        )
        respondents, correct = figures.awareness(self.year).get(unit, (0, 0))
        awareness = rate(correct, respondents)
        surveys = env[survey_model].search([("unit_id", "=", unit.id), ("year", "=", self.year)])
        add_line("awareness", "respondents", _("Survey respondents"), respondents, survey_model, surveys.ids)
        add_line(
            "awareness",
            "rate",
            _("Awareness rate"),
            awareness,
            survey_model,
            surveys.ids,
            vi_format.vi_percent(awareness),
        )
        return {"indicator_status": status, "awareness_rate": awareness}

    # ------------------------------------------------------------
    # CONSOLIDATION
    # ------------------------------------------------------------

    @api.model
    def get_kpi_summary(self, year):
        """The consolidated figures of ``year`` (keys documented in docs/kpi_summary.md).

        The Department and inspectors get every unit; unit officers only their own units.
        """
        year = int(year)
        return build_kpi_summary(self.sudo().env, year, self._kpi_units())

    @api.model
    def _kpi_units(self):
        """The expected units the caller may see: active units but the Department itself."""
        Unit = self.env["gender.equality.unit"].sudo()
        domain = [("unit_type", "!=", "department")]
        user = self.env.user
        if not (
            self.env.su
            or user.has_group("gender_equality_plan.group_department_user")
            or user.has_group("gender_equality_plan.group_inspector")
        ):
            domain.append(("id", "in", user.gep_unit_ids.ids))
        return Unit.search(domain)

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _cron_report_reminders(self):
        """Daily: remind the units that owe their report 30, 14, 7 and 1 days before the
        deadline (one digest per user); after the deadline, tell the Department which units
        are missing (one digest per Department user)."""
        today = local_date(fields.Datetime.now())
        for year in (today.year - 1, today.year):
            deadline = self.env["gender.equality.report.period"]._get_deadline(year)
            days = (deadline - today).days
            if days in REMINDER_DAYS_BEFORE:
                self._send_unit_reminders(year)
            elif -days in MISSING_DAYS_AFTER:
                self._send_missing_digest(year)
        return True

    @api.model
    def _units_owing_report(self, year):
        """Expected units without a submitted report for ``year``."""
        units = self.env["gender.equality.unit"].sudo().search([("unit_type", "!=", "department")])
        submitted = self.sudo().search(
            [("year", "=", year), ("state", "!=", "cancelled"), ("submit_date", "!=", False)]
        )
        return units - submitted.unit_id

    @api.model
    def _send_unit_reminders(self, year):
        """One digest per member of the units that owe their report of ``year``."""
        deadline = self.env["gender.equality.report.period"]._get_deadline(year)
        units_by_user = defaultdict(lambda: self.env["gender.equality.unit"])
        for unit in self._units_owing_report(year):
            for user in unit.user_ids.filtered(lambda user: user.active and not user.share):
                units_by_user[user] |= unit
        for user, units in units_by_user.items():
            items = Markup().join(Markup("<li>%s</li>") % unit.name for unit in units)
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "The annual gender-equality report of %(year)s is due on %(deadline)s for:",
                    year=year,
                    deadline=vi_format.vi_date(deadline),
                ),
                items,
            )
            self._notify_digest(user, self.env._("Annual report %(year)s: reminder", year=year), body)
        return True

    @api.model
    def _send_missing_digest(self, year):
        """Tell the Department users which units have not submitted their report of ``year``."""
        missing = self._units_owing_report(year)
        if not missing:
            return True
        items = Markup().join(Markup("<li>%s</li>") % unit.name for unit in missing.sorted("name"))
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("These units have not submitted their annual report of %(year)s:", year=year),
            items,
        )
        department = self.env.ref("gender_equality_plan.group_department_user").sudo().users
        for user in department.filtered(lambda user: user.active and not user.share):
            self._notify_digest(user, self.env._("Annual report %(year)s: missing reports", year=year), body)
        return True

    @api.model
    def _notify_digest(self, user, subject, body):
        # Called on the (empty) model: _notify_get_recipients below reaches users without e-mail.
        # Sent by OdooBot: whoever runs the cron or "remind now", the author needs no e-mail address.
        self.browse().sudo().message_notify(
            author_id=self.env.ref("base.partner_root").id,
            partner_ids=user.partner_id.ids,
            subject=subject,
            body=escape(body),
        )

    # ------------------------------------------------------------
    # PRINTING
    # ------------------------------------------------------------

    def _pdf_date_line(self):
        self.ensure_one()
        moment = self.submit_date or fields.Datetime.now()
        return vi_format.vi_date_line(local_date(moment))

    def _pdf_number(self):
        self.ensure_one()
        return f"Số: …/BC-{self.unit_id.code or ''}"

    def _pdf_figures(self):
        """``[(section label, [(figure, value)])]`` of the compiled figures, formatted in Vietnamese."""
        self.ensure_one()
        sections = dict(self.line_ids._fields["section"]._description_selection(self.env))
        grouped = defaultdict(list)
        for line in self.line_ids:
            grouped[line.section].append((line.name, line.value_display or vi_format.vi_number(line.value)))
        return [(sections[section], rows) for section, rows in grouped.items()]

    def _pdf_signatories(self):
        self.ensure_one()
        return self.unit_id.sudo().manager_ids[:1]
