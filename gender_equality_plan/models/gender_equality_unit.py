# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import vi_format
from ..tools.gc_tuning import freeze_loaded_objects
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
# The title of the head of a unit, printed above the signature of its documents, by unit type
# (the Department's and the hospitals' heads are directors: "GIÁM ĐỐC").
HEAD_TITLES = {
    "department": "GIÁM ĐỐC",
    "provincial_hospital": "GIÁM ĐỐC",
    "area_hospital": "GIÁM ĐỐC",
    "health_centre": "GIÁM ĐỐC",
    "provincial_centre": "GIÁM ĐỐC",
    "sub_department": "CHI CỤC TRƯỞNG",
    "health_station": "TRẠM TRƯỞNG",
}
DEFAULT_HEAD_TITLE = "THỦ TRƯỞNG ĐƠN VỊ"
# Unit types that do not report to the Department by default: the Department itself (and its
# offices) consolidates the reports; commune health stations sit under the communes' People's
# Committees since the 2025 reform (two-level local government) and are recorded as affiliated
# units (for the inspections of their parent), not as reporters.
NOT_REPORTING_TYPES = ("department", "health_station")


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
    has_reporting_duty = fields.Boolean(
        string="Reports to the Department",
        compute="_compute_has_reporting_duty",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="The unit sends its annual report to the Department of Health (section V of the plan): it "
        "is expected, reminded, counted in completeness and timeliness and in the targets. Set by the "
        "Department; proposed from the unit type (every unit but the Department and commune health "
        "stations, which sit under the communes' People's Committees since 2025). Once the sector "
        "report of a year is issued, the units expected that year and their flags are those it froze.",
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
    has_head_account = fields.Boolean(
        compute="_compute_has_head_account",
        search="_search_has_head_account",
        string="Has a Head Account",
        help="A member of the unit holds the role Head of Unit with an active account: the head "
        "decides the unit's approval stages in the application.",
    )
    no_head_mode = fields.Selection(
        [
            ("paper", "Signed on paper, recorded with the scan"),
            ("skip", "Skipped"),
        ],
        string="Head's Step without an Account",
        required=True,
        default="paper",
        tracking=True,
        help="How the approval stages of the unit's heads are done while the unit has no head "
        "account (set by the Department of Health).\n"
        "Signed on paper: the head signs the printed document; a member of the unit records the "
        "approval with the scan of the signed document, and the record goes on to the next stage "
        "(the Department sees the scan and can revert it). Refused once the unit has a head "
        "account: the head then approves in the application.\n"
        "Skipped: the stage is passed without a decision; the record goes directly to the next "
        "stage.",
    )
    head_title = fields.Char(
        string="Title of the Head",
        compute="_compute_head_title",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The title of the head of the unit as printed above the signature of its documents "
        "(GIÁM ĐỐC, CHI CỤC TRƯỞNG, TRẠM TRƯỞNG…), when a document does not name its signer's "
        "title. Proposed from the unit type.",
    )
    active = fields.Boolean(default=True, tracking=True)
    note = NarrativeHtml(string="Notes")

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a unit must be unique."),
    ]

    @api.depends("unit_type")
    def _compute_has_reporting_duty(self):
        """Proposed from the unit type; the Department sets it otherwise afterwards (a new type
        proposes again)."""
        for unit in self:
            unit.has_reporting_duty = unit.unit_type not in NOT_REPORTING_TYPES

    @api.depends("unit_type")
    def _compute_head_title(self):
        """The title the unit type proposes, unless the unit has a title of its own."""
        proposed = {*HEAD_TITLES.values(), DEFAULT_HEAD_TITLE}
        for unit in self:
            if not unit.head_title or unit.head_title in proposed:
                unit.head_title = HEAD_TITLES.get(unit.unit_type, DEFAULT_HEAD_TITLE)

    @api.depends("user_ids", "user_ids.groups_id")
    def _compute_manager_ids(self):
        manager_group = self.env.ref("gender_equality_plan.group_unit_manager")
        for unit in self:
            unit.manager_ids = unit.user_ids.filtered(lambda user: manager_group in user.groups_id)

    def _is_head(self, user):
        """Whether ``user`` is one of the unit's heads (``manager_ids``), without reading the
        groups of every member: a decision asks it about the one user who decides."""
        self.ensure_one()
        return (
            user.active
            and user in self.with_context(active_test=False).user_ids
            and user.has_group("gender_equality_plan.group_unit_manager")
        )

    @api.depends("user_ids", "user_ids.groups_id", "user_ids.active", "user_ids.share")
    def _compute_has_head_account(self):
        for unit in self:
            unit.has_head_account = bool(
                unit.manager_ids.filtered(lambda user: user.active and not user.share)
            )

    def _search_has_head_account(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search on the head accounts is not supported."))
        manager_group = self.env.ref("gender_equality_plan.group_unit_manager")
        domain = [("user_ids", "any", [("groups_id", "in", manager_group.id), ("share", "=", False)])]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends("user_ids")
    def _compute_member_count(self):
        for unit in self:
            unit.member_count = len(unit.user_ids)

    @api.constrains("unit_type", "has_reporting_duty")
    def _check_has_reporting_duty(self):
        for unit in self:
            if unit.unit_type == "department" and unit.has_reporting_duty:
                raise ValidationError(
                    self.env._(
                        "%(unit)s is the Department of Health (or one of its offices): it receives the "
                        "reports and does not report to itself. Its own activities count in the sector's "
                        "figures.",
                        unit=unit.display_name,
                    )
                )

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
        result = super().write(vals)
        if "user_ids" in vals:
            # A head account that joins a unit takes over the head's steps waiting on paper.
            self.env["gender.equality.approval.review"]._approval_assign_new_heads()
        return result

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

    def action_open_members(self):
        """Open the unit on its members, where the Department adds its head's account (a member
        with the role Head of Unit)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _register_hook(self):
        """Once the registry is loaded, its objects leave the garbage collector's scans
        (``tools/gc_tuning.py``): done once per registry, from one model."""
        super()._register_hook()
        freeze_loaded_objects()

    # ------------------------------------------------------------
    # THE UNITS EXPECTED TO REPORT
    # ------------------------------------------------------------

    @api.model
    def _reporting_roster(self, year):
        """``(roster, frozen)``: the units expected to report for ``year``, each as ``{"unit_id",
        "unit_type", "has_communication_duty"}`` (what the figures read of a unit), read as
        superuser.

        Once the sector report of ``year`` is issued, the roster is the one it froze (the units
        and flags of its figures): units merged, archived or given other flags afterwards do not
        change the figures of a year already reported upward. Until then (and while an issued
        report is reopened), the active units that report to the Department as they stand."""
        frozen = self.env["gender.equality.sector.report"]._frozen_roster(year)
        if frozen is not None:
            return frozen, True
        # A country's thousands of units, read as plain rows (no record built for each): every
        # figure of the Department starts here.
        # (``execute_query_dict`` flushes the fields the query reads.)
        units = self.sudo()
        query = units._search([("has_reporting_duty", "=", True)], order=units._order)

        def column(name):
            return units._field_to_sql(units._table, name, query)

        rows = self.env.execute_query_dict(
            query.select(
                SQL("%s AS unit_id", column("id")),
                SQL("%s AS unit_type", column("unit_type")),
                SQL("COALESCE(%s, FALSE) AS has_communication_duty", column("has_communication_duty")),
            )
        )
        for row in rows:
            row["unit_type"] = row["unit_type"] or False
        return rows, False

    # ------------------------------------------------------------
    # DOCUMENTS
    # ------------------------------------------------------------

    def _document_heading(self):
        """The left block of the heading of the unit's documents (Decree 30/2020/NĐ-CP): the
        name of the superior body (the parent unit; the Department of Health for a unit of the
        sector without one) over the unit's own name, each cut into the lines that fit the
        column (``vi_format.heading_lines``). Names only, read as superuser: the reader may not
        open the superior unit."""
        self.ensure_one()
        unit = self.sudo()
        superior = unit.parent_id
        if not superior and unit.unit_type != "department":
            superior = unit.search([("unit_type", "=", "department")], limit=1)
        return {
            "superior": vi_format.heading_lines(superior.name) if superior else [],
            "unit": vi_format.heading_lines(unit.name),
        }

    def _document_signer_titles(self):
        """The title printed above the signature of the unit's documents, one line each."""
        self.ensure_one()
        title = self.sudo().head_title or DEFAULT_HEAD_TITLE
        return [line.strip().upper() for line in title.splitlines() if line.strip()]

    def action_archive(self):
        res = super().action_archive()
        return res if res is not None else True
