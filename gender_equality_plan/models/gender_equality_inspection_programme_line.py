# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.common import local_today

LINE_STATUSES = [
    ("not_started", "Not Started"),
    ("late", "Late"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class GenderEqualityInspectionProgrammeLine(models.Model):
    """A unit that an annual programme inspects, and when (a line of the programme)."""

    _name = "gender.equality.inspection.programme.line"
    _description = "Inspection Programme Line"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "programme_id, planned_date, sequence, id"
    _rec_name = "unit_id"
    # Integrity policy: a line stays in its programme and is locked with it.
    _gep_parent_field = "programme_id"

    programme_id = fields.Many2one(
        "gender.equality.inspection.programme",
        string="Programme",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Inspected Unit",
        required=True,
        index=True,
        ondelete="restrict",
    )
    planned_date = fields.Date(required=True)
    note = fields.Char(help="What this inspection adds to the content of the programme, if anything.")
    programme_unit_id = fields.Many2one(
        related="programme_id.unit_id", string="Owner Unit", store=True, index=True
    )
    year = fields.Integer(related="programme_id.year", store=True, aggregator=False)
    inspection_type = fields.Selection(related="programme_id.inspection_type", string="Kind")
    programme_state = fields.Selection(related="programme_id.state", string="Programme Status")
    is_editable = fields.Boolean(related="programme_id.is_editable")
    inspection_ids = fields.One2many(
        "gender.equality.inspection", "programme_line_id", string="Inspections", readonly=True, copy=False
    )
    inspection_id = fields.Many2one(
        "gender.equality.inspection",
        compute="_compute_inspection_id",
        string="Inspection",
        help="The inspection that carries the line out (the last one that is not cancelled).",
    )
    status = fields.Selection(
        LINE_STATUSES,
        compute="_compute_status",
        help="Not started: no inspection has started and its planned date has not passed. Late: "
        "the planned date has passed (Thanh Hóa time) and no inspection has started. In progress: "
        "the checklist is being answered (or the minutes were returned). Done: the minutes are "
        "recorded or approved. Cancelled: the inspection was cancelled.",
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("inspection_ids.state")
    def _compute_inspection_id(self):
        for line in self:
            active = line.inspection_ids.filtered(lambda inspection: inspection.state != "cancelled")
            line.inspection_id = active.sorted("id")[-1:] or False

    @api.depends("planned_date", "inspection_ids.state")
    def _compute_status(self):
        today = local_today()
        for line in self:
            state = line.inspection_id.state
            if state in ("done", "approved"):
                line.status = "done"
            elif state in ("in_progress", "returned"):
                line.status = "in_progress"
            elif not state and line.inspection_ids:
                line.status = "cancelled"
            elif line.planned_date and line.planned_date < today:
                line.status = "late"
            else:
                line.status = "not_started"

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("unit_id", "planned_date", "programme_id")
    def _check_unit_id(self):
        for line in self.sudo():
            programme = line.programme_id
            owner, unit = programme.unit_id, line.unit_id
            if line.planned_date and line.planned_date.year != programme.year:
                raise ValidationError(
                    self.env._(
                        "The inspection of %(unit)s must be planned in %(year)s, the year of the programme.",
                        unit=unit.name,
                        year=programme.year,
                    )
                )
            if line.planned_date:
                programme._check_kind_in_sector(line.planned_date)
            if programme.inspection_type != "self" and unit == owner:
                raise ValidationError(
                    self.env._(
                        "%(unit)s cannot inspect itself in this programme: plan a self-inspection.",
                        unit=unit.name,
                    )
                )
            if owner.unit_type == "department":
                continue
            if programme.inspection_type == "self":
                allowed = unit == owner
                reason = self.env._("a unit's programme of self-inspections covers the unit itself")
            else:
                allowed = unit.parent_id == owner
                reason = self.env._("a unit inspects its affiliated units only")
            if not allowed:
                raise ValidationError(
                    self.env._(
                        "The programme of %(owner)s cannot include %(unit)s: %(reason)s.",
                        owner=owner.name,
                        unit=unit.name,
                        reason=reason,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_scheduled(self):
        if self.inspection_ids:
            raise UserError(
                self.env._(
                    "The inspection of %(unit)s was scheduled from this line: cancel the inspection, "
                    "the line stays in the programme.",
                    unit=self.inspection_ids[:1].unit_id.sudo().name,
                )
            )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _prepare_inspection_vals(self):
        """The inspection that carries the line out, as the programme describes it."""
        self.ensure_one()
        programme = self.programme_id
        kind = programme.inspection_type
        scope = "\n".join(text for text in (programme.scope, self.note) if text)
        return {
            "unit_id": self.unit_id.id,
            "inspection_type": kind,
            "inspection_category": programme.inspection_category,
            "inspecting_unit_id": (self.unit_id if kind == "self" else programme.unit_id).id,
            "year": programme.year,
            "planned_date": self.planned_date,
            "programme_line_id": self.id,
            "checklist_id": (
                programme.checklist_id or self.env["gender.equality.checklist"]._get_default()
            ).id,
            "leader_id": programme.leader_id.id if kind != "self" else False,
            "inspector_ids": [Command.set(programme.inspector_ids.ids if kind != "self" else [])],
            "scope": scope or False,
        }
