# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

FINISHED_INSPECTION_STATES = ("done", "approved")


class GenderEqualityChecklist(models.Model):
    """A checklist template (bảng kiểm) that inspections are answered with.

    Templates are versioned: once an inspection answered with a template is finished, editing
    its sections or items creates a new version (see ``_get_editable_version``) and archives
    the old one. Inspections keep a snapshot of every question in their answer lines anyway.
    """

    _name = "gender.equality.checklist"
    _description = "Inspection Checklist Template"
    _inherit = ["mail.thread", "gender.equality.guard.mixin"]
    _order = "name, version desc"

    name = fields.Char(required=True, tracking=True, translate=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short code of the template, shared by all its versions.",
    )
    version = fields.Integer(default=1, required=True, readonly=True, tracking=True)
    previous_version_id = fields.Many2one(
        "gender.equality.checklist",
        string="Previous Version",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    active = fields.Boolean(default=True, tracking=True)
    is_default = fields.Boolean(
        string="Default Checklist",
        tracking=True,
        help="Proposed for the new inspections and by the scheduling of inspections (the latest "
        "version of a default template). The team may choose another one before starting.",
    )
    description = fields.Text()
    section_ids = fields.One2many(
        "gender.equality.checklist.section", "checklist_id", string="Sections", copy=False
    )
    item_ids = fields.One2many("gender.equality.checklist.item", "checklist_id", string="Items", copy=False)
    item_count = fields.Integer(compute="_compute_item_count", string="Number of Items")
    inspection_ids = fields.One2many(
        "gender.equality.inspection", "checklist_id", string="Inspections", readonly=True
    )
    inspection_count = fields.Integer(compute="_compute_inspection_count", string="Number of Inspections")

    _sql_constraints = [
        ("code_version_unique", "unique(code, version)", "A template code and version must be unique."),
    ]

    @api.depends("item_ids")
    def _compute_item_count(self):
        for checklist in self:
            checklist.item_count = len(checklist.item_ids)

    @api.depends("inspection_ids")
    def _compute_inspection_count(self):
        counts = dict(
            self.env["gender.equality.inspection"]._read_group(
                [("checklist_id", "in", self.ids)], ["checklist_id"], ["__count"]
            )
        )
        for checklist in self:
            checklist.inspection_count = counts.get(checklist, 0)

    @api.depends("name", "version")
    def _compute_display_name(self):
        for checklist in self:
            checklist.display_name = self.env._(
                "%(name)s (v%(version)s)", name=checklist.name, version=checklist.version
            )

    @api.model
    def _get_default(self):
        """The checklist proposed for new inspections: the latest active version marked default."""
        return self.search([("is_default", "=", True)], order="version desc, id desc", limit=1)

    # ------------------------------------------------------------
    # VERSIONING
    # ------------------------------------------------------------

    def _is_used_by_finished_inspection(self):
        self.ensure_one()
        return bool(
            self.env["gender.equality.inspection"]
            .sudo()
            .with_context(active_test=False)
            .search_count(
                [("checklist_id", "=", self.id), ("state", "in", FINISHED_INSPECTION_STATES)],
                limit=1,
            )
        )

    def _get_editable_version(self):
        """Return ``(checklist, section_map, item_map)``: where edits of this template go.

        - If a newer version exists already (this one was superseded), edits go to it (or to
          its own newer version), so that several edits in a row create one new version only.
        - Else, when a finished inspection was answered with this template, a new version is
          created (a copy with version + 1 that points to this one, which is archived).
        - Else the template itself is edited.
        The maps give, for each section and item of this template, its counterpart in the
        returned checklist.
        """
        self.ensure_one()
        successor = self.with_context(active_test=False).search(
            [("previous_version_id", "=", self.id)], order="version desc", limit=1
        )
        if successor:
            target, successor_sections, successor_items = successor._get_editable_version()
            by_previous_section = {s.previous_section_id: s for s in successor.section_ids}
            by_previous_item = {i.previous_item_id: i for i in successor.item_ids}
            section_map = {s: successor_sections[by_previous_section[s]] for s in self.section_ids}
            item_map = {i: successor_items[by_previous_item[i]] for i in self.item_ids}
            return target, section_map, item_map
        if not self._is_used_by_finished_inspection():
            return self, {s: s for s in self.section_ids}, {i: i for i in self.item_ids}
        return self._create_new_version()

    def _create_new_version(self):
        """Copy the template into a new version, as the application (the version number and
        the links to the previous version are not the user's to write)."""
        self.ensure_one()
        old = self.sudo()
        new_checklist = old.copy(
            {
                "name": old.name,
                "version": old.version + 1,
                "previous_version_id": old.id,
            }
        )
        section_map = {}
        for section in old.section_ids:
            section_map[section] = section.copy(
                {"checklist_id": new_checklist.id, "previous_section_id": section.id}
            )
        item_map = {}
        for item in old.item_ids:
            item_map[item] = item.copy(
                {
                    "checklist_id": new_checklist.id,
                    "section_id": section_map[item.section_id].id,
                    "previous_item_id": item.id,
                }
            )
        old.active = False
        body = self.env._(
            "This template is used by finished inspections: the edit was saved in a new "
            "version, %(name)s, and this version was archived.",
            name=new_checklist.display_name,
        )
        old._message_log(body=body)
        return new_checklist, section_map, item_map

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_view_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gender_equality_plan.gender_equality_inspection_action"
        )
        action["domain"] = [("checklist_id", "=", self.id)]
        action["context"] = {"default_checklist_id": self.id}
        return action

    def _prepare_inspection_line_values(self):
        """Answer lines (one per item) that snapshot the template's questions."""
        self.ensure_one()
        return [Command.create(item._prepare_inspection_line_vals()) for item in self.item_ids]
