# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

INDICATOR_STATUSES = [("none", "Not applied"), ("pilot", "Pilot"), ("official", "Official")]


class GenderEqualityIndicatorStatus(models.Model):
    """How far a unit applies the Gender Indicator Set in Communication in a year (target 4 of
    section II.2). The unit declares its status with its evidence; it counts once the
    Department of Health confirms it (through the approval chain of the model)."""

    _name = "gender.equality.indicator.status"
    _description = "Gender Indicator Set Status"
    _inherit = ["gender.equality.approval.mixin"]
    _order = "year desc, unit_id"
    _rec_name = "unit_id"
    # Workflow (gender.equality.approval.mixin): the last stage confirms the status.
    _state_approved = "confirmed"
    _state_cancel_from = ("draft", "returned", "submitted")
    _state_draft_from = ("cancelled",)

    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env.user.gep_unit_ids[:1],
    )
    year = fields.Integer(
        required=True, index=True, tracking=True, default=lambda self: fields.Date.context_today(self).year
    )
    status = fields.Selection(
        INDICATOR_STATUSES,
        string="Level of Application",
        required=True,
        default="none",
        tracking=True,
        help="Not applied: the unit does not use the set. Pilot: applied on trial (from 2025). "
        "Official: applied as a rule in managing communication work (by 2030).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("confirmed", "Confirmed"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        help="Draft: the unit declares its status and evidence. Submitted: the Department of Health "
        "checks it. Confirmed: the status counts in the consolidation. Returned: the Department "
        "sent it back with a reason. Cancelled: it does not count.",
    )
    inspection_ids = fields.Many2many(
        "gender.equality.inspection",
        "gender_equality_indicator_status_inspection_rel",
        "status_id",
        "inspection_id",
        string="Inspections",
        domain="[('unit_id', '=', unit_id)]",
        help="Inspections (self-assessment or by the Department) that show the status.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "gender_equality_indicator_status_attachment_rel",
        "status_id",
        "attachment_id",
        string="Evidence",
        help="Documents that show how the unit applies the set (decision, guidelines, reviewed products…).",
    )
    note = fields.Text()

    _sql_constraints = [
        ("unit_year_unique", "unique(unit_id, year)", "A unit has one indicator-set status a year."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        # The unique index answers before the record rules: a unit whose statuses the user may not
        # create gets the access error, whether it has a status of the year or not.
        self._gep_check_rule_on_values("create", vals_list)
        defaults = self.default_get(["unit_id", "year"])
        self._check_year_free(
            [
                (vals.get("unit_id", defaults.get("unit_id")), vals.get("year", defaults.get("year")))
                for vals in vals_list
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        if self and {"unit_id", "year"} & vals.keys():
            self._gep_check_rule_on_values("write", [vals])
            self._check_year_free(
                [(vals.get("unit_id", status.unit_id.id), vals.get("year", status.year)) for status in self],
                exclude=self,
            )
        return super().write(vals)

    def _check_year_free(self, keys, exclude=None):
        """The clear message in front of the unique index (which would answer with a database
        error): a unit has one status a year."""
        keys = [(unit_id, year) for unit_id, year in keys if unit_id and year]
        if not keys:
            return
        taken = self.sudo().search(
            [
                ("unit_id", "in", [unit_id for unit_id, __ in keys]),
                ("year", "in", [year for __, year in keys]),
                ("id", "not in", (exclude or self.browse()).ids),
            ]
        )
        taken_keys = {(status.unit_id.id, status.year) for status in taken}
        seen = set()
        for key in keys:
            if key in taken_keys or key in seen:
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has a status of the Gender Indicator Set for %(year)s: a unit "
                        "declares one status a year. Open it instead.",
                        unit=self.env["gender.equality.unit"].sudo().browse(key[0]).display_name,
                        year=key[1],
                    )
                )
            seen.add(key)

    def _workflow_check_submittable(self):
        if self.status != "none" and not (self.attachment_ids or self.inspection_ids):
            raise UserError(
                self.env._(
                    "Attach the evidence of the status of %(unit)s in %(year)s (documents or "
                    "inspections) before submitting it.",
                    unit=self.unit_id.display_name,
                    year=self.year,
                )
            )

    def _workflow_return_title(self):
        return self.env._("Return the status to its unit")

    @api.model
    def _confirmed(self, year, units):
        """``{unit: status}`` of the confirmed statuses of ``units`` in ``year``."""
        return {
            status.unit_id: status.status
            for status in self.sudo().search(
                [("unit_id", "in", units.ids), ("year", "=", year), ("state", "=", "confirmed")]
            )
        }
