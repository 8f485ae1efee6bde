# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .gender_equality_task import TARGET_GROUPS


class GenderEqualityAwarenessSurvey(models.Model):
    """A survey of gender-equality awareness among a target group of a unit (target 3 of the
    plan, section II.2: awareness rises against the baseline year)."""

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
    target_group = fields.Selection(
        TARGET_GROUPS,
        required=True,
        help="The consolidation compares a unit's target group with the same group in the baseline year.",
    )
    target_group_note = fields.Char(string="Target Group Details", help="Who exactly, in words.")
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
        compute="_compute_is_baseline",
        help="A survey of the baseline year of the awareness objective (2025): the Department manager "
        "records it.",
    )
    note = fields.Text()

    @api.depends("target_group", "year", "unit_id.name")
    def _compute_name(self):
        groups = dict(self._fields["target_group"]._description_selection(self.env))
        for survey in self:
            survey.name = (
                f"{survey.unit_id.name or ''} - {groups.get(survey.target_group, '')} ({survey.year})"
            )

    @api.depends("respondents_male", "respondents_female", "correct_male", "correct_female")
    def _compute_rate(self):
        for survey in self:
            respondents = survey.respondents_male + survey.respondents_female
            correct = survey.correct_male + survey.correct_female
            survey.respondents_total = respondents
            survey.awareness_rate = round(100.0 * correct / respondents, 1) if respondents else 0.0

    @api.depends("year")
    def _compute_is_baseline(self):
        baseline_year = self.env["gender.equality.objective"]._get_baseline_year()
        for survey in self:
            survey.is_baseline = survey.year == baseline_year

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
