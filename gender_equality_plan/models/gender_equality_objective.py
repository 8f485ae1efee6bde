# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenderEqualityObjective(models.Model):
    """A measurable objective of the plan (section II.2)."""

    _name = "gender.equality.objective"
    _description = "Plan Objective"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "sequence, code"
    _rec_names_search = ["name", "code"]

    code = fields.Char(required=True)
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    measure = fields.Text(help="What is measured, and how.")
    target = fields.Char(help="Target value to reach, as written in the plan.")
    baseline_year = fields.Integer(help="Year of the baseline the target compares with.")
    target_year = fields.Integer(help="Year by which the target must be reached.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of an objective must be unique."),
    ]
