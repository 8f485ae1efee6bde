# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.gender_equality_inspection import INSPECTION_TYPES

# Inspections of a year are proposed from this day (month, day), once the plans are approved.
FIRST_INSPECTION_DAY = (3, 1)


class GenderEqualityInspectionPlanWizard(models.TransientModel):
    """Annual inspection plan (kế hoạch kiểm tra): schedules one inspection per selected unit."""

    _name = "gender.equality.inspection.plan.wizard"
    _description = "Annual Inspection Plan"
    _inherit = ["gender.equality.guard.mixin"]

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    inspection_type = fields.Selection(INSPECTION_TYPES, string="Type", required=True, default="inspection")
    unit_ids = fields.Many2many("gender.equality.unit", string="Units to Inspect", required=True)
    checklist_id = fields.Many2one(
        "gender.equality.checklist",
        string="Checklist",
        required=True,
        domain="[('active', '=', True)]",
        default=lambda self: self.env["gender.equality.checklist"]._get_default(),
        help="The checklist that the teams answer: the inspections start with its items.",
    )
    leader_id = fields.Many2one("res.users", string="Team Leader")
    inspector_ids = fields.Many2many("res.users", string="Team Members")
    scope = fields.Text(help="What the inspections cover (nội dung kiểm tra).")
    first_date = fields.Date(
        string="First Planned Date",
        required=True,
        compute="_compute_first_date",
        store=True,
        readonly=False,
    )
    interval_days = fields.Integer(
        string="Days Between Inspections",
        default=7,
        help="The units are inspected one after the other, "
        "this many days apart, in the order of the list.",
    )

    @api.model
    def _default_year(self):
        """This year, or next year once no date of this year is left to propose."""
        today = fields.Date.context_today(self)
        return today.year if self._first_free_date(today.year) else today.year + 1

    @api.model
    def _first_free_date(self, year):
        """The first date to propose in ``year``: 1 March (after the plans are approved), and
        never in the past; None when ``year`` has no day left after today."""
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        first = max(date(year, *FIRST_INSPECTION_DAY), tomorrow)
        return first if first.year == year else None

    @api.depends("year")
    def _compute_first_date(self):
        for wizard in self:
            if wizard.year and (not wizard.first_date or wizard.first_date.year != wizard.year):
                wizard.first_date = wizard._first_free_date(wizard.year) or date(
                    wizard.year, *FIRST_INSPECTION_DAY
                )

    def _prepare_inspection_vals(self):
        self.ensure_one()
        vals_list = []
        for index, unit in enumerate(self.unit_ids):
            vals_list.append(
                {
                    "unit_id": unit.id,
                    "inspection_type": self.inspection_type,
                    "year": self.year,
                    "planned_date": self.first_date + timedelta(days=index * max(self.interval_days, 0)),
                    "checklist_id": self.checklist_id.id,
                    "leader_id": self.leader_id.id,
                    "inspector_ids": [Command.set(self.inspector_ids.ids)],
                    "scope": self.scope,
                }
            )
        return vals_list

    def action_schedule(self):
        self.ensure_one()
        if self.interval_days < 0:
            raise UserError(self.env._("The number of days between inspections cannot be negative."))
        inspections = self.env["gender.equality.inspection"].create(self._prepare_inspection_vals())
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gender_equality_plan.gender_equality_inspection_action"
        )
        action.update(
            {
                "domain": [("id", "in", inspections.ids)],
                "view_mode": "list,calendar,form",
                "views": [(False, "list"), (False, "calendar"), (False, "form")],
                "context": {},
            }
        )
        return action
