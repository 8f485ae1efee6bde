# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenderEqualityTopic(models.Model):
    """A topic that communication activities address, planned and reported on (plan section V):
    the brief of the Sub-department of Population and Family Planning (sex ratio at birth,
    prenatal sex selection, reproductive health and family planning) and any topic the
    Department adds. The compilation of unit reports counts activities by topic."""

    _name = "gender.equality.topic"
    _description = "Communication Topic"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True)
    code = fields.Char(help="Short code of the topic, e.g. the section of the plan that asks for it.")
    sequence = fields.Integer(default=10)
    description = fields.Text()
    active = fields.Boolean(default=True)
