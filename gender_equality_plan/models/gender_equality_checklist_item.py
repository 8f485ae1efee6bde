# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

ANSWER_TYPES = [
    ("yes_no", "Yes / No / Not applicable"),
    ("number", "Number"),
    ("text", "Text"),
    ("date", "Date"),
    ("file", "File"),
]

# Fields of an item copied into each answer line, so that answers never depend on later edits.
SNAPSHOT_FIELDS = [
    "sequence",
    "question",
    "help_text",
    "reference",
    "answer_type",
    "weight",
    "is_mandatory",
    "is_critical",
    "requires_action",
    "requires_evidence",
    "is_unverified",
]

# Fields whose edit, on a template used by a finished inspection, creates a new version.
VERSIONED_ITEM_FIELDS = {"section_id", *SNAPSHOT_FIELDS}


class GenderEqualityChecklistItem(models.Model):
    _name = "gender.equality.checklist.item"
    _description = "Checklist Item"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "checklist_id, section_sequence, sequence, id"
    _rec_name = "question"

    checklist_id = fields.Many2one(
        "gender.equality.checklist", string="Checklist", required=True, ondelete="cascade", index=True
    )
    section_id = fields.Many2one(
        "gender.equality.checklist.section",
        string="Section",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('checklist_id', '=', checklist_id)]",
    )
    section_sequence = fields.Integer(related="section_id.sequence", store=True, string="Section Sequence")
    sequence = fields.Integer(default=10)
    question = fields.Text(required=True, translate=True)
    help_text = fields.Text(string="Help", translate=True, help="Guidance for the person who answers.")
    reference = fields.Char(help="Legal or plan reference, e.g. “Kế hoạch mục II.2.1”.")
    answer_type = fields.Selection(ANSWER_TYPES, required=True, default="yes_no")
    weight = fields.Float(
        default=1.0,
        help="Weight of a yes/no item in the score. Items of weight 0 are not scored.",
    )
    is_mandatory = fields.Boolean(
        string="Mandatory", help="The inspection cannot be recorded as done while this item is unanswered."
    )
    is_critical = fields.Boolean(
        string="Critical", help="A failed critical item fails the whole inspection, whatever its score."
    )
    requires_action = fields.Boolean(
        string="Requires Corrective Action",
        help="A failed answer creates a corrective action when the inspection is done.",
    )
    requires_evidence = fields.Boolean(
        help="The answer must be backed by a document (attach it to the line)."
    )
    is_unverified = fields.Boolean(
        string="Wording Not Verified",
        help="The wording of this item was not confirmed against the source document.",
    )
    previous_item_id = fields.Many2one(
        "gender.equality.checklist.item",
        string="Previous Version",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The item of the previous version of the template this one was copied from.",
    )

    @api.constrains("section_id", "checklist_id")
    def _check_section_checklist(self):
        for item in self:
            if item.section_id.checklist_id != item.checklist_id:
                raise ValidationError(
                    self.env._(
                        "The section of the item “%(item)s” belongs to another checklist.",
                        item=item.question,
                    )
                )

    @api.constrains("weight")
    def _check_weight(self):
        if any(item.weight < 0 for item in self):
            raise ValidationError(self.env._("The weight of a checklist item cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        """An item added to a template used by a finished inspection goes to a new version."""
        Checklist = self.env["gender.equality.checklist"]
        Section = self.env["gender.equality.checklist.section"]
        for vals in vals_list:
            if not vals.get("checklist_id"):
                continue
            checklist, section_map, __ = Checklist.browse(vals["checklist_id"])._get_editable_version()
            if checklist.id != vals["checklist_id"]:
                section = Section.browse(vals.get("section_id"))
                vals.update(checklist_id=checklist.id, section_id=section_map.get(section, section).id)
        return super().create(vals_list)

    def write(self, vals):
        if not VERSIONED_ITEM_FIELDS.intersection(vals):
            return super().write(vals)
        for checklist in self.checklist_id:
            items = self.filtered(lambda i, c=checklist: i.checklist_id == c)
            new_checklist, section_map, item_map = checklist._get_editable_version()
            item_vals = dict(vals)
            if new_checklist != checklist and item_vals.get("section_id"):
                section = self.env["gender.equality.checklist.section"].browse(item_vals["section_id"])
                item_vals["section_id"] = section_map.get(section, section).id
            targets = self.browse([item_map[item].id for item in items])
            super(GenderEqualityChecklistItem, targets).write(item_vals)
        return True

    def unlink(self):
        """Removing an item of a template used by a finished inspection removes it from a new
        version; the old version keeps it (finished inspections keep their snapshot anyway)."""
        if self.env.context.get(MODULE_UNINSTALL_FLAG):
            return super().unlink()
        to_unlink = self.browse()
        for checklist in self.checklist_id:
            items = self.filtered(lambda i, c=checklist: i.checklist_id == c)
            __, __, item_map = checklist._get_editable_version()
            to_unlink |= self.browse([item_map[item].id for item in items])
        return super(GenderEqualityChecklistItem, to_unlink).unlink()

    def _prepare_inspection_line_vals(self):
        self.ensure_one()
        vals = {field: self[field] for field in SNAPSHOT_FIELDS}
        vals.update(
            {
                "item_id": self.id,
                "section_name": self.section_id.name,
                "section_sequence": self.section_id.sequence,
            }
        )
        return vals
