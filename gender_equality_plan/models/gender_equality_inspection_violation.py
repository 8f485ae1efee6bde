# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenderEqualityInspectionViolation(models.Model):
    _name = "gender.equality.inspection.violation"
    _description = "Inspection Violation"
    _inherit = ["gender.equality.guard.mixin"]
    # Integrity policy: a finding stays in its inspection and is locked with it.
    _gep_parent_field = "inspection_id"
    _order = "inspection_id, sequence, id"
    _rec_name = "description"

    inspection_id = fields.Many2one(
        "gender.equality.inspection", string="Inspection", required=True, ondelete="cascade", index=True
    )
    unit_id = fields.Many2one(related="inspection_id.unit_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(required=True)
    severity = fields.Selection(
        [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")],
        required=True,
        default="minor",
    )
