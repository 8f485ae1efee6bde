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
        help="Last day (inclusive, Thanh Hóa time) on which a unit's first submission of its "
        "report is on time. New reports of the year take it as their deadline.",
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

    @api.model
    def _get_deadline(self, year):
        """The deadline of ``year``: the period's, else 10 December."""
        period = self.sudo().search([("year", "=", year)], limit=1)
        return period.deadline or default_deadline(year)


def default_deadline(year):
    return date(year, *DEFAULT_DEADLINE)
