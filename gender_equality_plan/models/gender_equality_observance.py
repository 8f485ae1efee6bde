# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import roles

# A leap year, to validate day/month pairs such as 29/2 once and for all.
_CHECK_YEAR = 2024


class GenderEqualityObservance(models.Model):
    """A day or a period observed every year (8/3, 20/10, the Action Month 15/11–15/12…).

    Dates are stored as day and month so that the observance applies to any year. The
    Department's observances (no ``unit_id``) are shared by every unit; a unit adds its own
    traditional day (ngày truyền thống, plan section III.1) for itself: only its members see it
    and plan activities for it.
    """

    _name = "gender.equality.observance"
    _description = "Observance"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "month_start, day_start, sequence, id"
    # Integrity policy: the Action Month and the yearly themes are the Department's.
    _gep_field_groups = {
        "is_action_month": (roles.DEPARTMENT_MANAGER,),
        "theme_ids": (roles.DEPARTMENT_MANAGER,),
    }

    name = fields.Char(required=True, help="Official Vietnamese name of the observance.")
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Unit",
        index=True,
        ondelete="restrict",
        default=lambda self: self._default_unit_id(),
        help="The unit whose own day this is (its traditional day). Empty: an observance of the "
        "Department, shared by every unit.",
    )
    sequence = fields.Integer(default=10)
    day_start = fields.Integer(string="Start Day", required=True, default=1)
    month_start = fields.Integer(string="Start Month", required=True, default=1)
    day_end = fields.Integer(string="End Day", required=True, default=1)
    month_end = fields.Integer(string="End Month", required=True, default=1)
    date_label = fields.Char(compute="_compute_date_label", string="Dates")
    is_action_month = fields.Boolean(
        string="Action Month",
        help="The Action Month for gender equality and prevention of and response to "
        "gender-based violence (15/11–15/12), target II.2.2 of the plan.",
    )
    description = fields.Text()
    default_area_id = fields.Many2one(
        "gender.equality.area",
        string="Suggested Area",
        help="Area of the activity suggested for this observance when a year is prepared.",
    )
    default_activity_type_id = fields.Many2one(
        "gender.equality.activity.type",
        string="Suggested Activity Type",
        help="Type of the activity suggested for this observance when a year is prepared.",
    )
    theme_ids = fields.One2many("gender.equality.observance.theme", "observance_id", string="Yearly Themes")
    active = fields.Boolean(default=True)
    can_edit = fields.Boolean(
        compute="_compute_can_edit",
        string="Can I Edit",
        help="Whether you may change this observance: the Department's are the Department "
        "manager's, a unit's own day its members'.",
    )

    @api.model
    def _default_unit_id(self):
        """Members of units (not the Department) add days of their own unit."""
        if roles.is_department_manager(self.env):
            return False
        return self.env.user.gep_unit_ids.filtered(lambda unit: unit.unit_type != "department")[:1]

    @api.depends("unit_id")
    @api.depends_context("uid")
    def _compute_can_edit(self):
        # A new observance is the user's to fill in; an existing one is theirs if they may write it.
        writable = self._origin._filtered_access("write") if self.ids else self.browse()
        for observance in self:
            observance.can_edit = not observance._origin or observance._origin in writable

    @api.depends("day_start", "month_start", "day_end", "month_end")
    def _compute_date_label(self):
        for observance in self:
            start = f"{observance.day_start}/{observance.month_start}"
            end = f"{observance.day_end}/{observance.month_end}"
            observance.date_label = start if start == end else f"{start}–{end}"

    @api.constrains("day_start", "month_start", "day_end", "month_end")
    def _check_dates(self):
        for observance in self:
            try:
                start = date(_CHECK_YEAR, observance.month_start, observance.day_start)
                end = date(_CHECK_YEAR, observance.month_end, observance.day_end)
            except ValueError as error:
                raise ValidationError(
                    self.env._(
                        "The dates of the observance %(name)s are not valid days of the year.",
                        name=observance.name,
                    )
                ) from error
            if end < start:
                raise ValidationError(
                    self.env._(
                        "The observance %(name)s ends before it starts.",
                        name=observance.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        observances = super().create(vals_list)
        if observances.filtered("is_action_month"):
            self.env["gender.equality.task"]._recompute_action_month()
        return observances

    def write(self, vals):
        action_month = self.filtered("is_action_month")
        result = super().write(vals)
        window_fields = {"day_start", "month_start", "day_end", "month_end", "is_action_month", "active"}
        if window_fields & vals.keys() and (action_month or self.filtered("is_action_month")):
            self.env["gender.equality.task"]._recompute_action_month()
        return result

    @api.model
    def _get_action_month_window(self, year):
        """``(first day, last day)`` of the Action Month in ``year``: the dates of the active
        observance flagged as the Action Month, or None when there is none."""
        observance = self.sudo().search([("is_action_month", "=", True)], limit=1)
        return observance._get_dates(year) if observance and year else None

    def _get_dates(self, year):
        """Start and end dates of the observance in ``year`` (29/2 falls back to 28/2)."""
        self.ensure_one()

        def _date(month, day):
            try:
                return date(year, month, day)
            except ValueError:
                return date(year, month, day - 1)

        return _date(self.month_start, self.day_start), _date(self.month_end, self.day_end)

    def _get_theme(self, year):
        """Theme of the observance in ``year`` (empty string when none is known)."""
        self.ensure_one()
        return next((theme.theme for theme in self.theme_ids if theme.year == year), "")
