# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.html_clean import NarrativeHtml

UNIT_TYPES = [
    ("department", "Department of Health"),
    ("provincial_hospital", "Provincial hospital"),
    ("area_hospital", "Area general hospital"),
    ("health_centre", "Health centre"),
    ("provincial_centre", "Provincial centre"),
    ("sub_department", "Sub-department"),
    ("health_station", "Commune health station"),
    ("other", "Other"),
]


class GenderEqualityUnit(models.Model):
    """A health unit of the sector: the Department of Health itself, a hospital, a centre…

    Units own every record of the module (plans, inspections, reports); their members
    (``user_ids``) are the users who work on those records.
    """

    _name = "gender.equality.unit"
    _description = "Health Unit"
    _inherit = ["mail.thread", "gender.equality.guard.mixin"]
    _parent_store = True
    _order = "sequence, name"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short unique code of the unit, used in document numbers and exports.",
    )
    unit_type = fields.Selection(
        UNIT_TYPES,
        required=True,
        default="other",
        tracking=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    has_communication_duty = fields.Boolean(
        string="Communication Unit",
        tracking=True,
        help="The unit has communication duties (a communication department or centre, a unit that "
        "produces communication products): target 4 of the plan (Gender Indicator Set) is counted "
        "over these units.",
    )
    parent_id = fields.Many2one(
        "gender.equality.unit",
        string="Parent Unit",
        index=True,
        tracking=True,
        help="The unit this unit reports to (usually the Department of Health).",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("gender.equality.unit", "parent_id", string="Affiliated Units")
    user_ids = fields.Many2many(
        "res.users",
        "gender_equality_unit_res_users_rel",
        "unit_id",
        "user_id",
        string="Members",
        help="Users who work on this unit's records. A member who is also a head of unit "
        "approves this unit's stage of the workflows.",
    )
    manager_ids = fields.Many2many(
        "res.users",
        string="Heads of Unit",
        compute="_compute_manager_ids",
        help="Members of the unit who hold the role Head of Unit.",
    )
    member_count = fields.Integer(compute="_compute_member_count", string="Number of Members")
    active = fields.Boolean(default=True, tracking=True)
    note = NarrativeHtml(string="Notes")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a unit must be unique."),
    ]

    @api.depends("user_ids", "user_ids.groups_id")
    def _compute_manager_ids(self):
        manager_group = self.env.ref("gender_equality_plan.group_unit_manager")
        for unit in self:
            unit.manager_ids = unit.user_ids.filtered(lambda user: manager_group in user.groups_id)

    @api.depends("user_ids")
    def _compute_member_count(self):
        for unit in self:
            unit.member_count = len(unit.user_ids)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self._cycle_message())

    def _cycle_message(self):
        return self.env._("A unit cannot be its own parent, directly or indirectly.")

    def write(self, vals):
        # The parent store is rebuilt (and refuses cycles with a generic error) before
        # constraints run: check first, with a message that says what is wrong.
        if vals.get("parent_id"):
            self.check_access("write")
            descendants = self.with_context(active_test=False).search([("id", "child_of", self.ids)])
            if vals["parent_id"] in descendants.ids:
                raise ValidationError(self._cycle_message())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_has_records(self):
        """Units that own records are archived, never deleted: their history must stay."""
        for model_name, field_name in self._get_referencing_fields():
            Model = self.env[model_name].sudo().with_context(active_test=False)
            linked = Model.search([(field_name, "in", self.ids)], limit=1)
            if linked:
                raise UserError(
                    self.env._(
                        "The unit %(unit)s has records (%(model)s) and cannot be deleted. "
                        "Archive it instead.",
                        unit=linked[field_name][:1].display_name,
                        model=self.env["ir.model"].sudo()._get(model_name).name,
                    )
                )

    def _get_referencing_fields(self):
        """(model, field) pairs of the stored many2one fields that point to units."""
        fields_data = (
            self.env["ir.model.fields"]
            .sudo()
            .search_read(
                [
                    ("relation", "=", self._name),
                    ("ttype", "=", "many2one"),
                    ("store", "=", True),
                ],
                ["model", "name"],
            )
        )
        return [
            (field["model"], field["name"])
            for field in fields_data
            if field["model"] in self.env and not self.env[field["model"]]._abstract
        ]

    def action_archive(self):
        res = super().action_archive()
        return res if res is not None else True
