# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

# The help of the inspections' score.
SCORE_HELP = (
    "Weighted percentage of the yes/no items answered “yes”, over the answered yes/no items of non-zero "
    "weight. Items answered “not applicable” are left out."
)


class GenderEqualityInspectionCompare(models.TransientModel):
    """Self-inspection versus the Department's inspection of a unit in a year, item by item."""

    _name = "gender.equality.inspection.compare"
    _description = "Self-inspection versus Inspection"
    _inherit = ["gender.equality.guard.mixin"]

    unit_id = fields.Many2one(
        "gender.equality.unit", string="Unit", required=True, default=lambda self: self._default_unit_id()
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    self_inspection_id = fields.Many2one(
        "gender.equality.inspection",
        string="Self-inspection",
        compute="_compute_inspections",
        store=True,
        readonly=False,
        domain="[('unit_id', '=', unit_id), ('year', '=', year), ('inspection_type', '=', 'self')]",
    )
    external_inspection_id = fields.Many2one(
        "gender.equality.inspection",
        string="Department Inspection",
        compute="_compute_inspections",
        store=True,
        readonly=False,
        domain="[('unit_id', '=', unit_id), ('year', '=', year), ('inspection_type', '=', 'inspection')]",
    )
    self_score = fields.Float(compute="_compute_scores", string="Self-inspection Score", help=SCORE_HELP)
    external_score = fields.Float(compute="_compute_scores", string="Department Score", help=SCORE_HELP)
    score_difference = fields.Float(
        compute="_compute_score_difference", help="Self score minus the Department's."
    )
    line_ids = fields.One2many(
        "gender.equality.inspection.compare.line", "compare_id", compute="_compute_line_ids", store=True
    )

    @api.model
    def _default_unit_id(self):
        """The user's own unit (a health unit before the Department, which inspects others)."""
        units = self.env.user.gep_unit_ids
        return (units.filtered(lambda unit: unit.unit_type != "department") or units)[:1]

    @api.depends("unit_id", "year")
    def _compute_inspections(self):
        Inspection = self.env["gender.equality.inspection"]
        for wizard in self:
            domain = [
                ("unit_id", "=", wizard.unit_id.id),
                ("year", "=", wizard.year),
                ("state", "!=", "cancelled"),
            ]
            wizard.self_inspection_id = Inspection.search(
                [*domain, ("inspection_type", "=", "self")], limit=1
            )
            wizard.external_inspection_id = Inspection.search(
                [*domain, ("inspection_type", "=", "inspection")], limit=1
            )

    @api.depends("self_inspection_id.score", "external_inspection_id.score")
    def _compute_scores(self):
        """The scores of the inspections the user may read (a related field would read any
        inspection as superuser, and an onchange may name any)."""
        inspections = self.self_inspection_id | self.external_inspection_id
        readable = inspections._filtered_access("read")
        for wizard in self:
            wizard.self_score = (
                wizard.self_inspection_id.score if wizard.self_inspection_id in readable else 0.0
            )
            wizard.external_score = (
                wizard.external_inspection_id.score if wizard.external_inspection_id in readable else 0.0
            )

    @api.depends("self_score", "external_score")
    def _compute_score_difference(self):
        for wizard in self:
            wizard.score_difference = wizard.self_score - wizard.external_score

    @api.depends("self_inspection_id", "external_inspection_id")
    def _compute_line_ids(self):
        for wizard in self:
            wizard.line_ids = [Command.clear()] + [
                Command.create(vals) for vals in wizard._prepare_line_vals()
            ]

    def _prepare_line_vals(self):
        """Lines are matched by question text: the two inspections may use different versions."""
        self.ensure_one()
        self_lines = {line.question: line for line in self.self_inspection_id.line_ids}
        external_lines = {line.question: line for line in self.external_inspection_id.line_ids}
        questions = list(self_lines) + [q for q in external_lines if q not in self_lines]
        vals_list = []
        for sequence, question in enumerate(questions):
            self_line = self_lines.get(question)
            external_line = external_lines.get(question)
            vals_list.append(
                {
                    "sequence": sequence,
                    "section_name": (self_line or external_line).section_name,
                    "question": question,
                    "self_line_id": self_line.id if self_line else False,
                    "external_line_id": external_line.id if external_line else False,
                }
            )
        return vals_list

    def _get_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Self-inspection versus Inspection"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
