# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import multi_year


class GenderEqualityPhase(models.Model):
    """A phase of the programme (*giai đoạn*: 2021–2025, 2026–2030) and the year of the sector
    report that reviews it (*sơ kết*, *tổng kết*).

    The sector report of the review year adds the results of the phase year by year, with the
    lessons learned (*bài học kinh nghiệm*) and the direction of the next phase (*phương hướng*).
    The phases and their review years are the Department's data, so that the review follows what
    the national and provincial guidance asks, not a year written in the code.
    """

    _name = "gender.equality.phase"
    _description = "Programme Phase"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "year_from"

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="As the documents print it, e.g. 2021–2025.",
    )
    year_from = fields.Integer(string="From", required=True)
    year_to = fields.Integer(string="To", required=True)
    review_year = fields.Integer(
        required=True,
        help="The year of the sector report that reviews the phase (its review of the phase: each "
        "target year by year, lessons learned, direction of the next phase).",
    )
    review_kind = fields.Selection(
        [("interim", "Interim Review (sơ kết)"), ("final", "Final Review (tổng kết)")],
        required=True,
        default="interim",
    )
    note = fields.Text()

    _sql_constraints = [
        ("review_year_unique", "unique(review_year)", "A sector report reviews one phase."),
    ]

    @api.depends("year_from", "year_to")
    def _compute_name(self):
        for phase in self:
            if phase.year_from and phase.year_to:
                phase.name = f"{phase.year_from}–{phase.year_to}"

    @api.constrains("year_from", "year_to", "review_year")
    def _check_years(self):
        for phase in self:
            if not multi_year.PERIOD_START <= phase.year_from <= phase.year_to <= multi_year.PERIOD_END:
                raise ValidationError(
                    self.env._(
                        "A phase runs within the programme, %(start)s–%(end)s, and ends after it starts.",
                        start=multi_year.PERIOD_START,
                        end=multi_year.PERIOD_END,
                    )
                )
            if phase.review_year < phase.year_to:
                raise ValidationError(
                    self.env._(
                        "The phase %(phase)s is reviewed once its last year is reported: in %(year)s or "
                        "later.",
                        phase=phase.name,
                        year=phase.year_to,
                    )
                )
            overlapping = self.search_count(
                [
                    ("id", "!=", phase.id),
                    ("year_from", "<=", phase.year_to),
                    ("year_to", ">=", phase.year_from),
                ]
            )
            if overlapping:
                raise ValidationError(
                    self.env._("The phase %(phase)s overlaps another phase.", phase=phase.name)
                )

    @api.model
    def _reviewed_in(self, year):
        """The phase the sector report of ``year`` reviews (read as superuser), if any."""
        return self.sudo().search([("review_year", "=", year)], limit=1)

    @api.model
    def _around(self, year):
        """The phase a review asked for in another year covers: the one that holds the year before
        ``year`` (the last year reported), else the one that holds ``year``."""
        phases = self.sudo().search([])
        for target in (year - 1, year):
            phase = phases.filtered(lambda phase, target=target: phase.year_from <= target <= phase.year_to)
            if phase:
                return phase[:1]
        return phases.browse()

    def _next(self):
        """The phase after this one, if the Department recorded it."""
        self.ensure_one()
        return self.sudo().search([("year_from", ">", self.year_to)], order="year_from", limit=1)

    def _years(self, report_year):
        """The years of the phase that the report of ``report_year`` reviews: up to its own year."""
        self.ensure_one()
        return multi_year.period_years(self.year_from, self.year_to, report_year)
