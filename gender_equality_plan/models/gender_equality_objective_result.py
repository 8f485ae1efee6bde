# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import multi_year, vi_format


class GenderEqualityObjectiveResult(models.Model):
    """The figure of a target of the plan for a year, recorded by the Department from a report
    issued outside the module (the years 2021–2025, before the units used it).

    The multi-year table (``gender.equality.multi.year``) uses the module's own figure for a year
    that has accepted reports, unless ``prefer_recorded`` says that the recorded figure is the one
    to use (a year in which only some units used the module); else this figure, saying so.
    """

    _name = "gender.equality.objective.result"
    _description = "Recorded Result of a Target"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "year, objective_sequence, id"

    objective_id = fields.Many2one(
        "gender.equality.objective",
        string="Target",
        required=True,
        index=True,
        ondelete="restrict",
    )
    objective_sequence = fields.Integer(related="objective_id.sequence", store=True, string="Target Order")
    kind = fields.Selection(related="objective_id.kind", store=True, string="Measures")
    year = fields.Integer(required=True, index=True)
    value = fields.Float(
        digits=(16, 1),
        required=True,
        help="The figure as the report of the year gives it, in the unit of the target: the share of the "
        "units (%) for targets 1, 2 and 4, the rise of awareness against the baseline for target 3.",
    )
    value_unit = fields.Char(compute="_compute_outcome", string="Unit")
    target_label = fields.Char(compute="_compute_outcome", string="Target Value")
    achievement = fields.Selection(
        [("not_due", "Not due yet"), ("achieved", "Achieved"), ("not_achieved", "Not achieved")],
        compute="_compute_outcome",
        help="Whether the figure reaches the target of the objective, by the rule of the consolidation.",
    )
    source_note = fields.Char(
        string="Source",
        required=True,
        help="Where the figure comes from, e.g. the number and date of the Department's report of that year.",
    )
    prefer_recorded = fields.Boolean(
        string="Use Instead of the Computed Figure",
        help="The year has accepted reports in the module, but they do not cover the sector (only some units "
        "used the module that year): the multi-year table shows this figure rather than the computed one.",
    )
    note = fields.Text()

    _sql_constraints = [
        ("objective_year_unique", "unique(objective_id, year)", "A target has one recorded figure a year."),
    ]

    @api.depends("year", "objective_id")
    def _compute_display_name(self):
        for result in self:
            result.display_name = f"{result.objective_id.code or ''} – {result.year}"

    @api.depends(
        "value",
        "year",
        "objective_id.kind",
        "objective_id.target_value",
        "objective_id.target_value_max",
        "objective_id.target_share",
        "objective_id.awareness_measure",
        "objective_id.milestone_year",
        "objective_id.target_year",
    )
    def _compute_outcome(self):
        for result in self:
            if not result.objective_id:
                result.value_unit = result.target_label = result.achievement = False
                continue
            spec = multi_year.objective_spec(result.objective_id)
            # The words and the format of every screen and document (``vi_format``).
            result.value_unit = vi_format.objective_unit(spec["unit"])
            result.target_label = vi_format.objective_target(spec["target"], spec["target_max"], spec["unit"])
            applicable, achieved = multi_year.recorded_outcome(spec, result.year, result.value)
            result.achievement = (achieved and "achieved") or (applicable and "not_achieved") or "not_due"

    @api.constrains("year", "value", "objective_id")
    def _check_year_and_value(self):
        for result in self:
            if result.kind != "awareness" and not 0 <= result.value <= 100:
                raise ValidationError(
                    self.env._(
                        "The figure of %(target)s is a share of the units: enter a percentage between 0 "
                        "and 100.",
                        target=result.objective_id.code,
                    )
                )
            if not multi_year.PERIOD_START <= result.year <= multi_year.PERIOD_END:
                raise ValidationError(
                    self.env._(
                        "The plan runs from %(start)s to %(end)s: %(year)s is outside it.",
                        start=multi_year.PERIOD_START,
                        end=multi_year.PERIOD_END,
                        year=result.year,
                    )
                )
