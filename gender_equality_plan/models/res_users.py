# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    gep_unit_ids = fields.Many2many(
        "gender.equality.unit",
        "gender_equality_unit_res_users_rel",
        "user_id",
        "unit_id",
        string="Health Units",
        help="Health units this user is a member of (gender-equality plan).",
    )
