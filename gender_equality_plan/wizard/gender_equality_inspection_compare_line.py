# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GenderEqualityInspectionCompareLine(models.TransientModel):
    _name = "gender.equality.inspection.compare.line"
    _description = "Self-inspection versus Inspection: Item"
    _inherit = ["gender.equality.guard.mixin"]
    _gep_parent_field = "compare_id"
    _order = "compare_id, sequence, id"

    compare_id = fields.Many2one("gender.equality.inspection.compare", required=True, ondelete="cascade")
    sequence = fields.Integer()
    section_name = fields.Char(string="Section")
    question = fields.Text()
    self_line_id = fields.Many2one("gender.equality.inspection.line", string="Self-inspection Answer")
    external_line_id = fields.Many2one("gender.equality.inspection.line", string="Department Answer")
    self_answer = fields.Char(compute="_compute_answers", string="Self-inspection")
    external_answer = fields.Char(compute="_compute_answers", string="Department")
    is_different = fields.Boolean(compute="_compute_answers", string="Different")

    @api.depends("self_line_id", "external_line_id")
    def _compute_answers(self):
        for line in self:
            line.self_answer = line.self_line_id._get_answer_display() if line.self_line_id else ""
            line.external_answer = (
                line.external_line_id._get_answer_display() if line.external_line_id else ""
            )
            line.is_different = line.self_answer != line.external_answer
