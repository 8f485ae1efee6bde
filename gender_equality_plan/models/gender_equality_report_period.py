# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

# Section V of the plan: units report before 10 December every year.
DEFAULT_DEADLINE = (12, 10)
# Days a unit has to send again a report that the Department returned (when no period says).
DEFAULT_RESUBMISSION_DAYS = 7


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
    resubmission_days = fields.Integer(
        string="Days to Send a Returned Report Again",
        default=DEFAULT_RESUBMISSION_DAYS,
        help="When the Department returns a report it received, the unit must send it again within "
        "this many days (the date is set on the report, and the Department manager may change it): "
        "back by then, the report keeps its reception; later, it counts as received on the day it "
        "comes back. While it is returned, it does not count as received.",
    )
    timeliness_rule = fields.Char(
        compute="_compute_timeliness_rule", help="The rule of timeliness, in words."
    )
    note = fields.Text()

    _sql_constraints = [
        ("year_unique", "unique(year)", "A year has one reporting period."),
    ]

    @api.constrains("resubmission_days")
    def _check_resubmission_days(self):
        for period in self:
            if period.resubmission_days < 0:
                raise ValidationError(
                    self.env._("The days to send a returned report again cannot be negative.")
                )

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

    # ------------------------------------------------------------
    # THE REPORTS FOLLOW THE PERIOD OF THEIR YEAR
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        years = {vals.get("year") for vals in vals_list if vals.get("year")}
        before = {year: self._get_deadline_rule(year) for year in years}
        periods = super().create(vals_list)
        periods._gep_clear_period_cache()
        periods._propagate_deadline(before)
        return periods

    def write(self, vals):
        before = {}
        if {"year", "deadline", "deadline_included"} & vals.keys():
            years = set(self.mapped("year")) | ({vals["year"]} if vals.get("year") else set())
            before = {year: self._get_deadline_rule(year) for year in years}
        result = super().write(vals)
        self._gep_clear_period_cache()
        self._propagate_deadline(before)
        return result

    def unlink(self):
        years = set(self.mapped("year"))
        before = {year: self._get_deadline_rule(year) for year in years}
        result = super().unlink()
        self._gep_clear_period_cache()
        self.browse()._propagate_deadline(before)
        return result

    @api.model
    def _propagate_deadline(self, before):
        """Lateness follows the current deadline of the period: the reports of the years of
        ``before`` (``{year: (deadline, day on time)}`` as the periods said before the change)
        that followed it take the new rule, received ones included (a deadline extended after
        reports exist reaches them). A report the Department gave a deadline of its own keeps
        it. Written as superuser: a report's deadline is the Department's, whatever its status."""
        Report = self.env["gender.equality.report"].sudo()
        for year, (deadline, included) in before.items():
            new_rule = self._get_deadline_rule(year)
            if new_rule == (deadline, included):
                continue
            reports = Report.search(
                [("year", "=", year), ("deadline", "=", deadline), ("deadline_included", "=", included)]
            )
            if reports:
                reports.write({"deadline": new_rule[0], "deadline_included": new_rule[1]})

    @api.model
    def _get_resubmission_days(self, year):
        """Days to send again a report of ``year`` that the Department returned."""
        return self._gep_period_values(year)[2]

    @api.model
    def _get_deadline(self, year):
        """The deadline of ``year``: the period's, else 10 December."""
        return self._get_deadline_rule(year)[0]

    @api.model
    def _get_deadline_rule(self, year):
        """``(deadline, deadline day on time)`` of ``year``: the period's, else 10 December, on time."""
        return self._gep_period_values(year)[:2]

    @api.model
    @tools.ormcache("year")
    def _gep_period_values(self, year):
        """``(deadline, deadline day on time, resubmission days)`` of ``year``, the period's or the
        defaults. Every screen of the deadline week asks them (*My work* three times): they are
        read once per worker process, until a period changes (``_gep_clear_period_cache``)."""
        period = self.sudo().search_fetch(
            [("year", "=", year)], ["deadline", "deadline_included", "resubmission_days"], limit=1
        )
        if not period:
            return default_deadline(year), True, DEFAULT_RESUBMISSION_DAYS
        return period.deadline, period.deadline_included, period.resubmission_days

    def _gep_clear_period_cache(self):
        """The periods changed: every worker reads them again (Odoo clears the caches of a
        transaction rolled back, so a change never seen committed is never kept)."""
        self.env.registry.clear_cache()

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
