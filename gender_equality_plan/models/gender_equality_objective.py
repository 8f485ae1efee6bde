# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The four targets of the plan (the bullets of section II.2), by what they measure. The figures
# find an objective by its kind, so that the Department may renumber or rename them.
OBJECTIVE_KINDS = [
    ("dissemination", "Dissemination sessions received by every unit"),
    ("action_month", "Action Month planned and held by every unit"),
    ("awareness", "Awareness of gender equality against the baseline"),
    ("indicator_set", "Gender Indicator Set applied by the communication units"),
]
AWARENESS_MEASURES = [
    ("points", "Percentage points"),
    ("relative", "Relative change (%)"),
]


class GenderEqualityObjective(models.Model):
    """A measurable target of the plan (section II.2): its kind says what the consolidation
    measures, its target values say what is achieved."""

    _name = "gender.equality.objective"
    _description = "Plan Objective"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "sequence, code"
    _rec_names_search = ["name", "code"]

    code = fields.Char(required=True, help="Reference in the plan, e.g. II.2.1 (section II.2, first target).")
    name = fields.Char(required=True)
    kind = fields.Selection(
        OBJECTIVE_KINDS,
        required=True,
        help="What the consolidation measures for this objective. One active objective per kind.",
    )
    sequence = fields.Integer(default=10)
    measure = fields.Text(help="What is measured, and how.")
    target = fields.Char(string="Target (as written)", help="Target to reach, as written in the plan.")
    target_value = fields.Float(
        digits=(16, 1),
        help="Dissemination: sessions a unit's staff must receive in a year (2). Awareness: the "
        "lowest rise to reach against the baseline (10), in the unit of the measure. Not used by "
        "the other kinds.",
    )
    target_value_max = fields.Float(
        string="Target (upper bound)",
        digits=(16, 1),
        help="Awareness: the upper bound of the target range (15). Informative.",
    )
    target_share = fields.Float(
        string="Share of Units (%)",
        digits=(5, 1),
        default=100.0,
        help="Dissemination, Action Month, Gender Indicator Set: the share of the units concerned "
        "that must reach the target for the objective to be achieved.",
    )
    awareness_measure = fields.Selection(
        AWARENESS_MEASURES,
        default="points",
        help="Awareness: how the rise against the baseline is measured. Percentage points: the "
        "awareness rate of the year minus the baseline rate (60% → 70% is +10 points). Relative "
        "change: that difference divided by the baseline rate (60% → 66% is +10%).",
    )
    baseline_year = fields.Integer(help="Year of the baseline the target compares with (awareness: 2025).")
    milestone_year = fields.Integer(
        help="Gender Indicator Set: the year from which the units concerned apply the set at least as a "
        "pilot (2025).",
    )
    target_year = fields.Integer(
        help="Year by which the target must be reached (2030). Gender Indicator Set: from this year "
        "on, only an official application counts."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of an objective must be unique."),
    ]

    @api.constrains("kind", "active")
    def _check_one_active_per_kind(self):
        for objective in self.filtered("active"):
            if self.search_count([("kind", "=", objective.kind), ("active", "=", True)]) > 1:
                raise ValidationError(
                    self.env._(
                        "Another active objective already measures %(kind)s: archive it first.",
                        kind=dict(self._fields["kind"]._description_selection(self.env))[objective.kind],
                    )
                )

    @api.constrains("target_value", "target_value_max", "target_share")
    def _check_targets(self):
        for objective in self:
            if objective.target_value < 0 or not 0 <= objective.target_share <= 100:
                raise ValidationError(
                    self.env._("The targets of the objective %(name)s are not valid.", name=objective.name)
                )

    @api.model
    def _get_by_kind(self):
        """``{kind: objective}`` of the active objectives (read as superuser: everyone's figures
        follow the same objectives)."""
        return {objective.kind: objective for objective in self.sudo().search([])}

    @api.model
    def _get_baseline_year(self):
        """The baseline year of the awareness objective (2025 when none is configured)."""
        objective = self._get_by_kind().get("awareness")
        return (objective and objective.baseline_year) or 2025

    @api.model
    def _get_min_sessions(self):
        """``(objective, sessions)``: the dissemination objective and the sessions a unit's staff
        must receive in a year (2 when none is configured)."""
        objective = self._get_by_kind().get("dissemination")
        return objective, int(objective.target_value) if objective and objective.target_value else 2
