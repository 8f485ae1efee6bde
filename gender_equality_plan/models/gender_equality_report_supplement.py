# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.report_figures import ReportFigures
from .gender_equality_task import ACTION_MONTH_END

# Set by the compilation and the workflow only.
WORKFLOW_FIELDS = {"state", "task_ids", "action_month_held", "participants_male", "participants_female"}


class GenderEqualityReportSupplement(models.Model):
    """The Action-Month supplement of an annual report.

    The Action Month runs to 15 December, after the report deadline: after 15 December the
    unit reports the Action-Month activities done since its report was compiled. A submitted
    supplement adds to the consolidated figures; the report itself is not reopened.
    """

    _name = "gender.equality.report.supplement"
    _description = "Action-Month Supplement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

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
    note = fields.Html()

    @api.constrains("date", "report_id")
    def _check_date(self):
        for supplement in self:
            if supplement.date <= date(supplement.year, *ACTION_MONTH_END):
                raise ValidationError(
                    self.env._(
                        "A supplement reports the Action Month after it ends: date it after 15/12/%(year)s.",
                        year=supplement.year,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_workflow_fields(
                {key for key, value in vals.items() if key != "state" or value != "draft"}
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_fields(vals.keys())
        submitted = self.filtered(lambda supplement: supplement.state == "submitted")
        if submitted and not self.env.su:
            raise UserError(self.env._("A submitted supplement cannot be changed."))
        return super().write(vals)

    def _check_workflow_fields(self, names):
        if WORKFLOW_FIELDS & set(names) and not self.env.su:
            raise UserError(
                self.env._("The status and the figures of a supplement change through its buttons only.")
            )

    def action_compile(self):
        """Collect the unit's Action-Month activities done that its report does not count yet."""
        wrong = self.filtered(lambda supplement: supplement.state != "draft")
        if wrong:
            raise UserError(self.env._("Only a draft supplement can be compiled."))
        self.check_access("write")
        for supplement in self:
            report = supplement.report_id.sudo()
            figures = ReportFigures(self.sudo().env, report.year, report.unit_id)
            others = report.supplement_ids - supplement
            known = report.compiled_task_ids | others.task_ids
            tasks = (
                self.env["gender.equality.task"]
                .sudo()
                .search(figures.task_domain(("is_action_month", "=", True), ("id", "not in", known.ids)))
            )
            supplement.sudo().write(
                {
                    "task_ids": [Command.set(tasks.ids)],
                    "action_month_held": len(tasks),
                    "participants_male": sum(tasks.mapped("participants_male")),
                    "participants_female": sum(tasks.mapped("participants_female")),
                }
            )
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
        if not self.env.user.has_group("gender_equality_plan.group_department_manager"):
            raise AccessError(self.env._("Only a manager of the Department of Health reopens a supplement."))
        self.sudo().write({"state": "draft"})
        return True
