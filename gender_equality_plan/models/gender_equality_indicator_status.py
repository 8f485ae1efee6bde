# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenderEqualityIndicatorStatus(models.Model):
    """How far a unit applies the Gender Indicator Set in Communication in a year (objective II.4)."""

    _name = "gender.equality.indicator.status"
    _description = "Gender Indicator Set Status"
    _inherit = ["mail.thread", "gender.equality.unit.record.mixin"]
    _order = "year desc, unit_id"
    _rec_name = "unit_id"

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
    status = fields.Selection(
        [("none", "Not applied"), ("pilot", "Pilot"), ("official", "Official")],
        required=True,
        default="none",
        tracking=True,
        help="Not applied: the unit does not use the set. Pilot: applied on trial (target 2025). "
        "Official: applied as a rule in managing communication work (target 2030).",
    )
    inspection_ids = fields.Many2many(
        "gender.equality.inspection",
        "gender_equality_indicator_status_inspection_rel",
        "status_id",
        "inspection_id",
        string="Evidence",
        domain="[('unit_id', '=', unit_id), ('inspection_type', '=', 'self')]",
        help="Self-assessment inspections that show the status.",
    )
    note = fields.Text()

    _sql_constraints = [
        ("unit_year_unique", "unique(unit_id, year)", "A unit has one indicator-set status a year."),
    ]
