# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenderEqualityFundingSource(models.Model):
    """Source of funding of the activities (section IV of the plan)."""

    _name = "gender.equality.funding.source"
    _description = "Funding Source"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text()
    active = fields.Boolean(default=True)
