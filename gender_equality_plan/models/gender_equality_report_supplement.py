# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import roles
from ..tools.html_clean import NarrativeHtml
from ..tools.report_compiler import ReportCompiler


class GenderEqualityReportSupplement(models.Model):
    """The Action-Month supplement of an annual report.

    The Action Month runs to 15 December, after the report deadline: after 15 December the
    unit reports the Action-Month activities done since its report was compiled. A submitted
    supplement adds to the consolidated figures; the report itself is not reopened.
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
    is_editable = fields.Boolean(compute="_compute_flags", string="Editable")
    is_locked = fields.Boolean(compute="_compute_flags", string="Locked")

    @api.depends("report_id.name", "date")
    def _compute_display_name(self):
        for supplement in self:
            supplement.display_name = self.env._(
                "Action-Month supplement of %(report)s (%(date)s)",
                report=supplement.report_id.name or "",
                date=supplement.date.strftime("%d/%m/%Y") if supplement.date else "",
            )

    @api.depends("state")
    def _compute_flags(self):
        for supplement in self:
            supplement.is_editable = supplement.state == "draft"
            supplement.is_locked = supplement.state == "submitted"

    @api.constrains("date", "report_id")
    def _check_date(self):
        Observance = self.env["gender.equality.observance"]
        for supplement in self:
            window = Observance._get_action_month_window(supplement.year)
            if window and supplement.date <= window[1]:
                raise ValidationError(
                    self.env._(
                        "A supplement reports the Action Month after it ends: date it after %(end)s.",
                        end=window[1].strftime("%d/%m/%Y"),
                    )
                )

    def action_compile(self):
        """Collect the unit's Action-Month activities done that its report does not count yet."""
        wrong = self.filtered(lambda supplement: supplement.state != "draft")
        if wrong:
            raise UserError(self.env._("Only a draft supplement can be compiled."))
        self.check_access("write")
        env = self.env["gender.equality.report"]._document_env()
        ReportCompiler(env).compile_supplements(self.with_env(env))
        return True

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
        return True

    def action_draft(self):
        """Reopen submitted supplements (Department of Health only)."""
        if not roles.is_department_manager(self.env):
            raise AccessError(self.env._("Only a manager of the Department of Health reopens a supplement."))
        self.sudo().write({"state": "draft"})
        return True
