# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenderEqualityObservanceTheme(models.Model):
    """The theme (and message) of an observance in a given year."""

    _name = "gender.equality.observance.theme"
    _description = "Yearly Theme of an Observance"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "year desc, id"
    _rec_name = "theme"

    observance_id = fields.Many2one(
        "gender.equality.observance", required=True, ondelete="cascade", index=True
    )
    year = fields.Integer(required=True)
    theme = fields.Char(required=True)
    message = fields.Text(help="Key message of the year, when one was issued.")

    _sql_constraints = [
        (
            "observance_year_unique",
            "unique(observance_id, year)",
            "An observance has one theme per year.",
        ),
    ]
