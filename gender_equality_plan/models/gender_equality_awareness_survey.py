# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Objective II.3 measures awareness against 2025.
BASELINE_YEAR = 2025


class GenderEqualityAwarenessSurvey(models.Model):
    """A survey of gender-equality awareness among a target group of a unit (objective II.3)."""

    _name = "gender.equality.awareness.survey"
    _description = "Awareness Survey"
    _inherit = ["mail.thread", "gender.equality.unit.record.mixin"]
    _order = "year desc, unit_id, id"

    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Unit",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.user.gep_unit_ids[:1],
    )
    year = fields.Integer(
        required=True, index=True, default=lambda self: fields.Date.context_today(self).year
    )
    target_group = fields.Char(required=True)
    respondents_male = fields.Integer(aggregator="sum")
    respondents_female = fields.Integer(aggregator="sum")
    correct_male = fields.Integer(string="Correct Answers (Male)", aggregator="sum")
    correct_female = fields.Integer(string="Correct Answers (Female)", aggregator="sum")
    respondents_total = fields.Integer(compute="_compute_rate", store=True)
    awareness_rate = fields.Float(
        compute="_compute_rate",
        store=True,
        aggregator="avg",
        digits=(5, 1),
        help="Share of respondents (%) who answered correctly.",
    )
    is_baseline = fields.Boolean(
        compute="_compute_is_baseline", store=True, help="A survey of 2025, the baseline of objective II.3."
    )
    note = fields.Text()

    @api.depends("target_group", "year", "unit_id.name")
    def _compute_name(self):
        for survey in self:
            survey.name = f"{survey.unit_id.name or ''} - {survey.target_group or ''} ({survey.year})"

    @api.depends("respondents_male", "respondents_female", "correct_male", "correct_female")
    def _compute_rate(self):
        for survey in self:
            respondents = survey.respondents_male + survey.respondents_female
            correct = survey.correct_male + survey.correct_female
            survey.respondents_total = respondents
            survey.awareness_rate = round(100.0 * correct / respondents, 1) if respondents else 0.0

    @api.depends("year")
    def _compute_is_baseline(self):
        for survey in self:
            survey.is_baseline = survey.year == BASELINE_YEAR

    def _is_baseline_record(self):
        return self.is_baseline

    @api.constrains("respondents_male", "respondents_female", "correct_male", "correct_female")
    def _check_counts(self):
        for survey in self:
            counts = (
                survey.respondents_male,
                survey.respondents_female,
                survey.correct_male,
                survey.correct_female,
            )
            if min(counts) < 0:
                raise ValidationError(self.env._("The numbers of a survey cannot be negative."))
            if (
                survey.correct_male > survey.respondents_male
                or survey.correct_female > survey.respondents_female
            ):
                raise ValidationError(
                    self.env._("A survey cannot have more correct answers than respondents, for each sex.")
                )
