# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

VERSIONED_SECTION_FIELDS = {"name", "sequence"}


class GenderEqualityChecklistSection(models.Model):
    _name = "gender.equality.checklist.section"
    _description = "Checklist Section"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one(
        "gender.equality.checklist", string="Checklist", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    item_ids = fields.One2many("gender.equality.checklist.item", "section_id", string="Items", copy=False)
    previous_section_id = fields.Many2one(
        "gender.equality.checklist.section",
        string="Previous Version",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The section of the previous version of the template this one was copied from.",
    )

    @api.depends("name", "checklist_id.code")
    def _compute_display_name(self):
        for section in self:
            section.display_name = section.name

    @api.model_create_multi
    def create(self, vals_list):
        """A section added to a template used by a finished inspection goes to a new version."""
        Checklist = self.env["gender.equality.checklist"]
        for vals in vals_list:
            if vals.get("checklist_id"):
                checklist = Checklist.browse(vals["checklist_id"])._get_editable_version()[0]
                vals["checklist_id"] = checklist.id
        return super().create(vals_list)

    def unlink(self):
        """Removing a section of a template used by a finished inspection removes it from a new
        version; the old version keeps it."""
        if self.env.context.get(MODULE_UNINSTALL_FLAG):
            return super().unlink()
        to_unlink = self.browse()
        for checklist in self.checklist_id:
            sections = self.filtered(lambda s, c=checklist: s.checklist_id == c)
            __, section_map, __ = checklist._get_editable_version()
            to_unlink |= self.browse([section_map[section].id for section in sections])
        return super(GenderEqualityChecklistSection, to_unlink).unlink()

    def write(self, vals):
        if not VERSIONED_SECTION_FIELDS.intersection(vals):
            return super().write(vals)
        for checklist in self.checklist_id:
            sections = self.filtered(lambda s, c=checklist: s.checklist_id == c)
            __, section_map, __ = checklist._get_editable_version()
            targets = self.browse([section_map[section].id for section in sections])
            super(GenderEqualityChecklistSection, targets).write(vals)
        return True
