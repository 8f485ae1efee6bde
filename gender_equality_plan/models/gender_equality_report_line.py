# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools.safe_eval import safe_eval

LINE_SECTIONS = [
    ("activities", "Activities"),
    ("area", "Activities by Area"),
    ("activity_type", "Activities by Type"),
    ("action_month", "Action Month"),
    ("inspection", "Inspections"),
    ("corrective_action", "Corrective Actions"),
    ("budget", "Budget Used"),
    ("indicator", "Gender Indicator Set"),
    ("awareness", "Awareness Survey"),
]


class GenderEqualityReportLine(models.Model):
    """One compiled figure of a unit report, with the records it counts (drill-down)."""

    _name = "gender.equality.report.line"
    _description = "Report Figure"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one("gender.equality.report", required=True, index=True, ondelete="cascade")
    unit_id = fields.Many2one(related="report_id.unit_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    section = fields.Selection(LINE_SECTIONS, required=True)
    key = fields.Char(required=True, help="Stable key of the figure within its section.")
    name = fields.Char(string="Figure", required=True)
    value = fields.Float(string="Number", digits=(16, 1))
    value_display = fields.Char(string="Shown As", help="The value as the report shows it (text figures).")
    source_model = fields.Char(help="Model of the counted records.")
    source_domain = fields.Char(help="Domain of the counted records.")

    def action_open_source(self):
        """Open the records this figure counts."""
        self.ensure_one()
        if not self.source_model:
            return False
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.source_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": safe_eval(self.source_domain or "[]"),
            "target": "current",
        }
