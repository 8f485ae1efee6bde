# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.sql import create_index

from ..tools.report_compiler import SOURCE_MODELS

LINE_SECTIONS = [
    ("activities", "Communication Activities"),
    ("area", "Activities by Area"),
    ("activity_type", "Activities by Type"),
    ("topic", "Activities by Topic"),
    ("product", "Communication Products"),
    ("action_month", "Action Month"),
    ("inspection", "Inspections"),
    ("corrective_action", "Corrective Actions"),
    ("budget", "Budget Used"),
    ("budget_planned", "Budget Planned"),
    ("indicator", "Gender Indicator Set"),
    ("awareness", "Awareness Survey"),
]


class GenderEqualityReportLine(models.Model):
    """One compiled figure of a unit report (or of its Action-Month supplement), with the
    records it counts.

    Lines are written by the compilation only (``tools/report_compiler.py``); users read them.
    The consolidation sums the lines of the accepted reports and of their submitted
    supplements, by unit, section and key, or by area, activity type, topic, product kind and
    funding source.
    """

    _name = "gender.equality.report.line"
    _description = "Report Figure"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "report_id, supplement_id desc, sequence, id"
    _gep_parent_field = "report_id"

    report_id = fields.Many2one(
        "gender.equality.report", required=True, index=True, ondelete="cascade", readonly=True
    )

    supplement_id = fields.Many2one(
        "gender.equality.report.supplement",
        string="Supplement",
        index="btree_not_null",
        ondelete="cascade",
        readonly=True,
        help="Set on the figures of an Action-Month supplement.",
    )
    unit_id = fields.Many2one(related="report_id.unit_id", store=True, index=True)
    year = fields.Integer(related="report_id.year", store=True, index=True)
    sequence = fields.Integer(default=10, readonly=True)
    section = fields.Selection(LINE_SECTIONS, required=True, readonly=True)
    key = fields.Char(required=True, readonly=True, help="Stable key of the figure within its section.")
    name = fields.Char(string="Figure", required=True, readonly=True)
    value = fields.Float(string="Number", digits=(16, 1), readonly=True)
    value_display = fields.Char(
        string="Shown As", readonly=True, help="The value as the report shows it (text figures)."
    )
    participants_male = fields.Integer(string="Male Participants", readonly=True)
    participants_female = fields.Integer(string="Female Participants", readonly=True)
    area_id = fields.Many2one("gender.equality.area", string="Area", readonly=True, ondelete="set null")
    activity_type_id = fields.Many2one(
        "gender.equality.activity.type", string="Activity Type", readonly=True, ondelete="set null"
    )
    funding_source_id = fields.Many2one(
        "gender.equality.funding.source", string="Funding Source", readonly=True, ondelete="set null"
    )
    topic_id = fields.Many2one("gender.equality.topic", string="Topic", readonly=True, ondelete="set null")
    product_kind = fields.Char(readonly=True, help="Kind of the communication products counted.")
    inspection_type = fields.Char(readonly=True)
    target_group = fields.Selection(
        selection=lambda self: self.env["gender.equality.awareness.survey"]._fields["target_group"].selection,
        readonly=True,
    )
    respondents = fields.Integer(readonly=True, help="Awareness: respondents of the surveys counted.")
    correct = fields.Integer(string="Correct Answers", readonly=True, help="Awareness: correct answers.")
    source_model = fields.Char(readonly=True, help="Model of the counted records.")
    source_ids = fields.Json(readonly=True, help="Ids of the counted records.")

    def init(self):
        result = super().init()
        # The consolidation reads the lines of a year one section at a time.
        create_index(
            self.env.cr,
            "gender_equality_report_line_section_year_index",
            self._table,
            ["section", "year"],
        )
        return result

    def action_open_source(self):
        """Open the records this figure counts (the user's own rights apply)."""
        self.ensure_one()
        if not self.source_model:
            return False
        if self.source_model not in SOURCE_MODELS:
            raise UserError(self.env._("This figure cannot be opened."))
        ids = [record_id for record_id in self.source_ids or [] if isinstance(record_id, int)]
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.source_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", ids)],
            "target": "current",
        }
