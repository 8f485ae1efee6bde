# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models


class GenderEqualityPrepareYearWizard(models.TransientModel):
    """Create the draft plans of a year for the selected units, with suggested activities."""

    _name = "gender.equality.prepare.year.wizard"
    _description = "Prepare the Plans of a Year"
    _inherit = ["gender.equality.guard.mixin"]

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    unit_ids = fields.Many2many(
        "gender.equality.unit",
        string="Units",
        default=lambda self: self._default_unit_ids(),
        help="Units that get a draft plan. Units that already have a plan for the year are skipped.",
    )
    with_suggestions = fields.Boolean(
        string="Suggest Activities",
        default=True,
        help="Pre-fill each plan with one activity per observance of the year, including the Action Month.",
    )

    @api.model
    def _default_year(self):
        today = fields.Date.context_today(self)
        # From October on, units prepare the plan of the next year.
        return today.year + 1 if today.month >= 10 else today.year

    @api.model
    def _default_unit_ids(self):
        # The units that report to the Department make plans (target 2 of the plan).
        return self.env["gender.equality.unit"].search([("has_reporting_duty", "=", True)])

    def action_prepare(self):
        self.ensure_one()
        Plan = self.env["gender.equality.plan"]
        existing_units = Plan.search([("year", "=", self.year), ("state", "!=", "cancelled")]).unit_id
        units = self.unit_ids.filtered(lambda unit: unit.active) - existing_units
        # The Department's observances for every unit, and each unit's own days for itself.
        observances = self.env["gender.equality.observance"].browse()
        if self.with_suggestions:
            observances = observances.search([("active", "=", True), ("unit_id", "in", [False, *units.ids])])
        plans = Plan.create(
            [
                {
                    "unit_id": unit.id,
                    "year": self.year,
                    "user_id": False,
                    "task_ids": [
                        fields.Command.create(vals)
                        for vals in self._prepare_task_vals(
                            observances.filtered(
                                lambda observance, unit=unit: not observance.unit_id
                                or observance.unit_id == unit
                            )
                        )
                    ],
                }
                for unit in units
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plans of %(year)s", year=self.year),
            "res_model": "gender.equality.plan",
            "view_mode": "list,form",
            "domain": [("year", "=", self.year)],
            "context": {"created_plan_ids": plans.ids},
        }

    def _prepare_task_vals(self, observances):
        """One suggested activity per observance of the year."""
        default_area = self.env.ref("gender_equality_plan.gender_equality_area_information")
        default_type = self.env.ref("gender_equality_plan.gender_equality_activity_type_event")
        vals_list = []
        for observance in observances:
            date_start, date_end = observance._get_dates(self.year)
            theme = observance._get_theme(self.year)
            vals_list.append(
                {
                    "name": f"{observance.name} {self.year}",
                    "observance_id": observance.id,
                    "area_id": (observance.default_area_id or default_area).id,
                    "activity_type_id": (observance.default_activity_type_id or default_type).id,
                    "date_start": date_start,
                    "date_end": date_end,
                    "description": theme and Markup("<p>%s</p>") % theme,
                }
            )
        return vals_list
