# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenderEqualityActivityType(models.Model):
    """Kind of communication activity (training, talk, web article…)."""

    _name = "gender.equality.activity.type"
    _description = "Communication Activity Type"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text()
    is_dissemination = fields.Boolean(
        string="Counts as Dissemination Session",
        help="Activities of this type count as sessions of communication or dissemination of "
        "gender-equality law and policy (target II.2.1: the staff receive at least two a year).",
    )
    requires_participants = fields.Boolean(
        help="Marking an activity of this type done requires its number of participants.",
    )
    requires_evidence = fields.Boolean(
        help="Marking an activity of this type done requires at least one evidence attachment.",
    )
    active = fields.Boolean(default=True)
