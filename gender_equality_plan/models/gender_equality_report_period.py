# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models

# Section V of the plan: units report before 10 December every year.
DEFAULT_DEADLINE = (12, 10)


class GenderEqualityReportPeriod(models.Model):
    """The reporting period of a year: the Department of Health sets its deadline."""

    _name = "gender.equality.report.period"
    _description = "Reporting Period"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "year desc"
    _rec_name = "year"

    year = fields.Integer(required=True, index=True)
    deadline = fields.Date(
        required=True,
        compute="_compute_deadline",
        store=True,
        readonly=False,
        precompute=True,
        help="The day by which the Department of Health must receive the reports of the year "
        "(Thanh Hóa time). New reports of the year take it as their deadline.",
    )
    deadline_included = fields.Boolean(
        string="Deadline Day Is on Time",
        default=True,
        help='The plan says that units report "trước ngày 10/12" (before 10 December). Checked: a '
        "report received on the deadline day itself is on time; unchecked: it must be received the "
        "day before at the latest.",
    )
    timeliness_rule = fields.Char(
        compute="_compute_timeliness_rule", help="The rule of timeliness, in words."
    )
    note = fields.Text()

    _sql_constraints = [
        ("year_unique", "unique(year)", "A year has one reporting period."),
    ]

    @api.depends("year")
    def _compute_deadline(self):
        for period in self:
            if period.year and not period.deadline:
                period.deadline = default_deadline(period.year)

    @api.depends("deadline", "deadline_included")
    def _compute_timeliness_rule(self):
        for period in self:
            period.timeliness_rule = period.deadline and self._timeliness_rule(
                period.deadline, period.deadline_included
            )

    @api.model
    def _get_deadline(self, year):
        """The deadline of ``year``: the period's, else 10 December."""
        return self._get_deadline_rule(year)[0]

    @api.model
    def _get_deadline_rule(self, year):
        """``(deadline, deadline day on time)`` of ``year``: the period's, else 10 December, on time."""
        period = self.sudo().search([("year", "=", year)], limit=1)
        if not period:
            return default_deadline(year), True
        return period.deadline, period.deadline_included

    @api.model
    def _timeliness_rule(self, deadline, included):
        """The rule, in words, for a report of ``deadline``."""
        day = deadline.strftime("%d/%m/%Y")
        if included:
            return self.env._(
                "On time when the Department of Health receives it on %(day)s at the latest "
                "(Thanh Hóa time).",
                day=day,
            )
        return self.env._(
            "On time when the Department of Health receives it before %(day)s (Thanh Hóa time).", day=day
        )


def default_deadline(year):
    return date(year, *DEFAULT_DEADLINE)
