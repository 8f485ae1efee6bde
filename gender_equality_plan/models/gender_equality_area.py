# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GenderEqualityArea(models.Model):
    """One of the six content areas of the plan (section III): every activity belongs to one."""

    _name = "gender.equality.area"
    _description = "Content Area"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "sequence, code"
    _rec_names_search = ["name", "code"]

    code = fields.Char(required=True, help="Section number in the plan, e.g. III.1.")
    name = fields.Char(required=True)
    description = fields.Text()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a content area must be unique."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for area in self:
            area.display_name = f"{area.code} {area.name}" if area.code else area.name
