# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools.html_clean import NarrativeHtml


class GenderEqualitySectorSetting(models.Model):
    """What the Department's report upward says of the state apparatus, from a year on: whom it
    is addressed to (*Kính gửi*), who receives a copy (*Nơi nhận*), the ministry that coordinates
    the programme nationally (whose communication products the units reproduce, plan III.2) and
    the opening paragraph (the documents the report implements).

    The bodies change with the reforms (MOLISA and the provincial DOLISA merged into Bộ Nội vụ and
    Sở Nội vụ in 2025): a new setting from the year of the change is a change of data, not of the
    code. The sector report of a year takes the setting of the latest ``year_from`` up to its
    year as its defaults; the Department still edits them on each report, which keeps what it
    printed once issued.
    """

    _name = "gender.equality.sector.setting"
    _description = "Sector Report Setting"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "year_from desc"
    _rec_name = "year_from"

    year_from = fields.Integer(
        string="From Year",
        required=True,
        help="The first year whose sector report takes these defaults (until the next setting).",
    )
    addressees = fields.Text(
        help="Kính gửi: the bodies the report is addressed to, one per line, e.g. Ủy ban nhân dân tỉnh "
        "Thanh Hóa and Sở Nội vụ tỉnh Thanh Hóa (the provincial gender-equality function).",
    )
    recipients = fields.Text(
        help="Nơi nhận, one per line, as the document prints them, e.g. - Như trên; - Lãnh đạo Sở (để "
        "biết); - Website Sở Y tế; - Lưu: VT, Ban VSTBPN.",
    )
    coordinator_ministry = fields.Char(
        string="National Coordinator",
        help="The ministry that coordinates the programme of Decision 1790/QĐ-TTg nationally, whose "
        "communication products the units reproduce (plan III.2): Bộ Lao động - Thương binh và Xã hội "
        "until 2024, Bộ Nội vụ since 2025.",
    )
    introduction = NarrativeHtml(
        help="The opening paragraph of the report (the documents it implements).",
    )
    note = fields.Text()

    _sql_constraints = [
        ("year_from_unique", "unique(year_from)", "A year starts one setting of the sector report."),
    ]

    @api.model
    def _for_year(self, year):
        """The setting of ``year`` (read as superuser): the one of the latest first year up to
        ``year``, else the earliest one."""
        settings = self.sudo().search([], order="year_from desc")
        return settings.filtered(lambda setting: setting.year_from <= (year or 0))[:1] or settings[-1:]
