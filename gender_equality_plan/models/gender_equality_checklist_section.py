# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

VERSIONED_SECTION_FIELDS = {"name", "sequence"}


class GenderEqualityChecklistSection(models.Model):
    _name = "gender.equality.checklist.section"
    _description = "Checklist Section"
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one(
        "gender.equality.checklist", string="Checklist", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    item_ids = fields.One2many("gender.equality.checklist.item", "section_id", string="Items", copy=False)

    @api.depends("name", "checklist_id.code")
    def _compute_display_name(self):
        for section in self:
            section.display_name = section.name

    def write(self, vals):
        if not VERSIONED_SECTION_FIELDS.intersection(vals) or self.env.context.get("gep_no_versioning"):
            return super().write(vals)
        for checklist in self.checklist_id:
            sections = self.filtered(lambda s, c=checklist: s.checklist_id == c)
            __, section_map, __ = checklist._get_editable_version()
            targets = self.browse([section_map[section].id for section in sections])
            super(GenderEqualityChecklistSection, targets).write(vals)
        return True
