# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import inspection_kinds, roles, vi_format
from ..tools.common import local_today
from ..tools.html_clean import NarrativeHtml
from ..tools.inspection_kinds import INSPECTION_CATEGORIES, INSPECTION_TYPES

DEPARTMENT_UNIT = "gender_equality_plan.gender_equality_unit_department"
# The result of an inspection of which a critical item failed, whatever its score.
FAILED = "failed"


class GenderEqualityInspection(models.Model):
    """A self-inspection, inspection, formal inspection or supervision of a unit (plan section
    III.6), carried out by the unit itself, by the Department of Health or by the unit's parent
    unit (``inspecting_unit_id``), possibly as part of an annual programme.

    An inspection carried out by a body outside the sector (``is_external``: the provincial
    inspectorate's *thanh tra* since Luật Thanh tra 84/2025/QH15, or another competent body) is
    recorded by the Department with the body and its conclusion: no checklist, no score, and no
    minutes printed in the name of a unit of the sector. Which kinds are external at which date
    is data (``gender.equality.legal.basis``), as are the legal bases the minutes print.
    """

    _name = "gender.equality.inspection"
    _description = "Gender-Equality Inspection"
    _inherit = ["gender.equality.approval.mixin", "gender.equality.document.mixin"]
    _order = "year desc, planned_date desc, id desc"
    # Workflow (gender.equality.approval.mixin): the team answers the checklist while the
    # inspection is in progress; recording the minutes (``action_done``) submits them.
    _state_editable = ("draft", "in_progress", "returned")
    _state_submit_from = ("in_progress", "returned")
    _state_review = "done"
    _state_cancel_from = ("draft", "in_progress", "done", "returned")
    _state_draft_from = ("cancelled",)
    _workflow_draft_only_fields = (
        "unit_id",
        "inspection_type",
        "inspection_category",
        "inspecting_unit_id",
        "year",
        "is_external",
    )
    # The minutes are recorded (and their legal bases frozen) in these states.
    _minutes_recorded_states = ("done", "approved")
    # Integrity policy: an inspection scheduled by a programme is linked to its line when it is
    # created, and stays linked.
    _gep_create_only_fields = ("programme_line_id",)

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Inspected Unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    inspection_type = fields.Selection(
        INSPECTION_TYPES,
        string="Type",
        required=True,
        default="self",
        index=True,
        tracking=True,
        help="Self-inspection: the unit inspects itself (tự kiểm tra). Inspection: a check of the "
        "unit by the Department of Health or by its parent unit (kiểm tra, also kiểm tra chuyên "
        "ngành). Formal inspection (thanh tra): since 1 July 2025 (Luật Thanh tra 84/2025/QH15), "
        "carried out by the provincial inspectorate or another competent body, and recorded here "
        "as an external inspection; before, by the Department's inspectorate. Supervision: "
        "monitoring of the unit's implementation (giám sát).",
    )
    inspection_category = fields.Selection(
        INSPECTION_CATEGORIES,
        string="Category",
        required=True,
        default="specialised",
        tracking=True,
        help="Specialised: part of the specialised inspection programme of the sector (chuyên "
        "ngành). Administrative: part of the administrative and public-duty inspection programme "
        "(hành chính, công vụ).",
    )
    inspecting_unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Inspecting Unit",
        compute="_compute_inspecting_unit_id",
        # Computed as the user: who plans the inspection decides its default inspecting unit.
        compute_sudo=False,
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The unit that carries out the inspection and issues its minutes: the inspected unit "
        "itself for a self-inspection, the Department of Health, or the parent unit for an "
        "inspection of one of its affiliated units. For an external inspection: the Department, "
        "which records it.",
    )
    is_external = fields.Boolean(
        string="External Inspection",
        compute="_compute_is_external",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Carried out by a body outside the health sector (the provincial inspectorate, "
        "another competent body), not by a unit of the sector: the Department records the body "
        "and its conclusion; the module prints no minutes of it. Set by itself for the kinds that "
        "the legal bases in force at the inspection's date take out of the sector (a thanh tra "
        "since 1 July 2025).",
    )
    external_body = fields.Char(
        string="Inspecting Body",
        tracking=True,
        help="The body outside the sector that carried out the inspection, as its documents name "
        "it, e.g. Thanh tra tỉnh Thanh Hóa.",
    )
    conclusion_number = fields.Char(
        tracking=True,
        help="Number of the conclusion the external body issued (số kết luận), e.g. 15/KL-TTT.",
    )
    conclusion_date = fields.Date(tracking=True, help="Date of the external body's conclusion.")
    legal_basis_snapshot = fields.Json(
        string="Legal Bases Printed",
        readonly=True,
        copy=False,
        help="The legal bases (căn cứ) the minutes print, frozen when they are recorded: a basis "
        "changed or added later does not change recorded minutes.",
    )
    legal_basis_text = fields.Text(
        string="Legal Bases",
        compute="_compute_legal_basis_text",
        help="The legal bases (căn cứ) the minutes print: those in force at the inspection's date "
        "(Configuration > Legal Bases), frozen once the minutes are recorded.",
    )
    programme_line_id = fields.Many2one(
        "gender.equality.inspection.programme.line",
        string="Programme Line",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        help="The line of the annual programme that scheduled this inspection.",
    )
    programme_id = fields.Many2one(
        related="programme_line_id.programme_id",
        string="Annual Programme",
        store=True,
        index="btree_not_null",
    )
    year = fields.Integer(
        required=True, index=True, tracking=True, default=lambda self: fields.Date.context_today(self).year
    )
    planned_date = fields.Date(tracking=True)
    date = fields.Date(
        string="Inspection Date", tracking=True, copy=False, help="Actual date of the inspection."
    )
    decision_number = fields.Char(help="Number of the decision that orders the inspection (số quyết định).")
    decision_date = fields.Date()
    leader_id = fields.Many2one("res.users", string="Team Leader", tracking=True)
    inspector_ids = fields.Many2many(
        "res.users",
        "gender_equality_inspection_res_users_rel",
        "inspection_id",
        "user_id",
        string="Team Members",
    )
    scope = fields.Text(help="What the inspection covers (nội dung kiểm tra).")
    checklist_id = fields.Many2one(
        "gender.equality.checklist",
        string="Checklist",
        tracking=True,
        domain="[('active', '=', True)]",
        default=lambda self: self.env["gender.equality.checklist"]._get_default(),
        help="The checklist that the team answers: required to start the inspection. Its items are "
        "loaded when the inspection starts (or when it is chosen on a started inspection that has no "
        "answers yet).",
    )
    line_ids = fields.One2many(
        "gender.equality.inspection.line", "inspection_id", string="Answers", copy=False
    )
    state = fields.Selection(
        [
            ("draft", "Planned"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("approved", "Approved"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Planned: scheduled, not started. In Progress: the checklist is being answered. "
        "Done: the minutes are recorded and wait for the approval chain (see Approval Stages). "
        "Approved: the last stage approved, locked. Returned: an approver sent it back for "
        "revision, with a reason; recording the minutes again starts a new approval round. "
        "Cancelled: will not take place.",
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        aggregator="avg",
        digits=(5, 1),
        help="Weighted percentage of the yes/no items answered “yes”, over the answered yes/no "
        "items of non-zero weight. Items answered “not applicable” are left out.",
    )
    grade_id = fields.Many2one(
        "gender.equality.grading.band",
        string="Grade",
        compute="_compute_score",
        store=True,
        ondelete="restrict",
        help="The grading band of the Department's active scale that the score reaches "
        "(Configuration > Grading Scales). Empty when no scale is active (none adopted yet), or when "
        "a critical item failed.",
    )
    result_band = fields.Selection(
        selection="_selection_result_band",
        string="Result",
        compute="_compute_score",
        store=True,
        help="The code of the grade (good, fair, poor with the shipped scale), or “failed” when a "
        "critical item failed, whatever the score. Empty when no grading scale is active.",
    )
    has_critical_failure = fields.Boolean(compute="_compute_score", store=True)
    is_scored = fields.Boolean(
        compute="_compute_score",
        store=True,
        help="An item that counts in the score is answered: before that, a planned inspection "
        "shows no score rather than 0%.",
    )
    unanswered_count = fields.Integer(compute="_compute_counts", string="Unanswered Items")
    failed_count = fields.Integer(compute="_compute_counts", string="Failed Items")
    strengths = NarrativeHtml(help="Strengths found (ưu điểm).")
    shortcomings = NarrativeHtml(help="Shortcomings and weaknesses found (tồn tại, hạn chế).")
    violation_ids = fields.One2many(
        "gender.equality.inspection.violation", "inspection_id", string="Violations", copy=False
    )
    conclusion = NarrativeHtml()
    recommendations = NarrativeHtml()
    corrective_action_ids = fields.One2many(
        "gender.equality.corrective.action", "inspection_id", string="Corrective Actions", copy=False
    )
    corrective_action_count = fields.Integer(compute="_compute_corrective_action_count")
    duplicate_warning = fields.Char(compute="_compute_duplicate_warning")
    is_late = fields.Boolean(
        compute="_compute_is_late",
        search="_search_is_late",
        help="Planned date passed and the inspection has not started.",
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.model
    def _selection_result_band(self):
        """The codes of every grading band (archived ones too: minutes keep their grade), those of
        the active scale first (a code in several scales is named as the active scale names it)."""
        bands = self.env["gender.equality.grading.band"].sudo().with_context(active_test=False).search([])
        selection = {}
        for band in bands.sorted(lambda band: not band.active):
            selection.setdefault(band.code, band.name)
        return [*selection.items(), (FAILED, self.env._("Failed"))]

    @api.depends("inspection_type", "date", "planned_date")
    def _compute_is_external(self):
        """External when the legal bases in force at the inspection's date take its kind out of
        the sector; a self-inspection never is; otherwise what the user chose."""
        rules = self.env["gender.equality.legal.basis"]._external_rules()
        LegalBasis = self.env["gender.equality.legal.basis"]
        for inspection in self:
            kind = inspection.inspection_type
            if kind == "self":
                inspection.is_external = False
            elif LegalBasis._external_basis(kind, inspection._document_date(), rules):
                inspection.is_external = True
            else:
                inspection.is_external = inspection.is_external

    @api.depends("unit_id", "inspection_type", "is_external")
    def _compute_inspecting_unit_id(self):
        """The unit itself for a self-inspection; the Department for an external inspection
        (it records it); otherwise the Department, when inspectors or the Department plan it, or
        the inspected unit's parent, when its members plan it."""
        department = self.env.ref(DEPARTMENT_UNIT, raise_if_not_found=False)
        by_department = roles.is_verifier(self.env)
        for inspection in self:
            unit = inspection.unit_id
            current = inspection.inspecting_unit_id
            if inspection.inspection_type == "self":
                inspection.inspecting_unit_id = unit
            elif inspection.is_external:
                inspection.inspecting_unit_id = department
            elif not current or current == unit or not inspection._may_inspect(current, unit):
                parent = unit.sudo().parent_id
                inspection.inspecting_unit_id = department if by_department or not parent else parent

    @api.depends(
        "line_ids.answer_type",
        "line_ids.answer_yes_no",
        "line_ids.weight",
        "line_ids.is_critical",
        "line_ids.is_failed",
    )
    def _compute_score(self):
        bands = self.env["gender.equality.grading.band"]._get_bands()
        scale = [(minimum, band.id) for minimum, band in bands]
        codes = {band.id: band.code for __, band in bands}
        for inspection in self:
            scorer = InspectionScorer(
                [
                    (line.answer_type, line.answer_yes_no, line.weight, line.is_critical, line.is_failed)
                    for line in inspection.line_ids
                ],
                scale,
            )
            inspection.score = scorer.score
            inspection.has_critical_failure = scorer.has_critical_failure
            inspection.is_scored = scorer.is_scored
            inspection.grade_id = scorer.band if scorer.band != FAILED else False
            inspection.result_band = codes.get(scorer.band, scorer.band)

    @api.depends("legal_basis_snapshot", "state", "inspection_type", "is_external", "date", "planned_date")
    def _compute_legal_basis_text(self):
        for inspection in self:
            inspection.legal_basis_text = "\n".join(inspection._minutes_legal_bases())

    @api.depends("line_ids.is_answered", "line_ids.is_failed")
    def _compute_counts(self):
        for inspection in self:
            inspection.unanswered_count = len(inspection.line_ids.filtered(lambda line: not line.is_answered))
            inspection.failed_count = len(inspection.line_ids.filtered("is_failed"))

    @api.depends("corrective_action_ids")
    def _compute_corrective_action_count(self):
        for inspection in self:
            inspection.corrective_action_count = len(inspection.corrective_action_ids)

    @api.depends("unit_id", "inspection_type", "year", "state")
    def _compute_duplicate_warning(self):
        groups = self._read_group(
            [
                ("unit_id", "in", self.unit_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
                ("state", "!=", "cancelled"),
            ],
            ["unit_id", "inspection_type", "year"],
            ["__count"],
        )
        counts = {(unit.id, type_, year): count for unit, type_, year, count in groups}
        type_labels = dict(self._fields["inspection_type"]._description_selection(self.env))
        for inspection in self:
            key = (inspection.unit_id.id, inspection.inspection_type, inspection.year)
            others = counts.get(key, 0)
            if inspection._origin.id and inspection._origin.state != "cancelled":
                others -= 1
            inspection.duplicate_warning = (
                self.env._(
                    "%(unit)s already has %(count)s other %(type)s in %(year)s (not cancelled).",
                    unit=inspection.unit_id.display_name,
                    count=others,
                    type=type_labels.get(inspection.inspection_type, "").lower(),
                    year=inspection.year,
                )
                if others > 0 and inspection.state != "cancelled"
                else False
            )

    @api.depends("planned_date", "state")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for inspection in self:
            inspection.is_late = bool(
                inspection.state == "draft" and inspection.planned_date and inspection.planned_date < today
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the field Late."))
        domain = [("state", "=", "draft"), ("planned_date", "<", fields.Date.context_today(self))]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.model
    def _may_inspect(self, inspecting_unit, unit):
        """Whether ``inspecting_unit`` may inspect ``unit`` (other than self-inspection): the
        Department inspects every unit, a unit inspects its affiliated units."""
        inspecting_unit, unit = inspecting_unit.sudo(), unit.sudo()
        return (
            bool(inspecting_unit)
            and inspecting_unit != unit
            and (inspecting_unit.unit_type == "department" or unit.parent_id == inspecting_unit)
        )

    # Not triggered by ``is_external``: the inspecting unit is computed from it (and checked
    # once computed); checking it when ``is_external`` is computed, in the middle of computing
    # the inspecting unit, would read the inspecting unit of before.
    @api.constrains("unit_id", "inspection_type", "inspecting_unit_id")
    def _check_inspecting_unit_id(self):
        for inspection in self:
            inspecting_unit, unit = inspection.inspecting_unit_id.sudo(), inspection.unit_id.sudo()
            if inspection.inspection_type == "self":
                if inspecting_unit != unit:
                    raise ValidationError(
                        self.env._(
                            "A self-inspection is carried out by the inspected unit %(unit)s itself.",
                            unit=unit.name,
                        )
                    )
            elif not self._may_inspect(inspecting_unit, unit):
                raise ValidationError(
                    self.env._(
                        "%(inspecting)s cannot inspect %(unit)s: the Department of Health inspects "
                        "every unit, and a unit inspects its affiliated units only.",
                        inspecting=inspecting_unit.name,
                        unit=unit.name,
                    )
                )
            elif inspection.is_external and inspecting_unit.unit_type != "department":
                raise ValidationError(
                    self.env._(
                        "An inspection by a body outside the sector is recorded by the Department of "
                        "Health, not by %(unit)s.",
                        unit=inspecting_unit.name,
                    )
                )
            elif (
                inspection.inspection_type in inspection_kinds.DEPARTMENT_ONLY_TYPES
                and inspecting_unit.unit_type != "department"
            ):
                raise ValidationError(
                    self.env._(
                        "A formal inspection (thanh tra) is carried out by the Department of Health "
                        "only; %(unit)s may carry out an inspection or a supervision.",
                        unit=inspecting_unit.name,
                    )
                )

    @api.constrains("is_external", "inspection_type", "date", "planned_date", "programme_line_id")
    def _check_is_external(self):
        """A self-inspection is the unit's own; a kind that the law in force at the inspection's
        date takes out of the sector is external (the Department does not issue it); a programme
        schedules the inspections of the sector only."""
        rules = self.env["gender.equality.legal.basis"]._external_rules()
        LegalBasis = self.env["gender.equality.legal.basis"]
        for inspection in self:
            if inspection.is_external and inspection.inspection_type == "self":
                raise ValidationError(
                    self.env._(
                        "A self-inspection is carried out by the unit itself, not by an external body."
                    )
                )
            if inspection.is_external and inspection.programme_line_id:
                raise ValidationError(
                    self.env._(
                        "The inspection %(name)s is carried out by an external body: an annual programme "
                        "schedules the inspections of the sector only.",
                        name=inspection.name,
                    )
                )
            basis = LegalBasis._external_basis(inspection.inspection_type, inspection._document_date(), rules)
            if basis and not inspection.is_external:
                raise ValidationError(
                    self.env._(
                        "Since %(date)s (%(basis)s), a %(kind)s is carried out by a body outside the "
                        "health sector, such as the provincial inspectorate: record %(name)s as an external "
                        "inspection with that body and its conclusion, or plan a kiểm tra.",
                        date=vi_format.vi_date(basis.date_from) if basis.date_from else "",
                        basis=basis.name,
                        kind=inspection_kinds.document_word(inspection.inspection_type),
                        name=inspection.name,
                    )
                )

    @api.constrains("programme_line_id", "unit_id", "inspection_type", "year", "state")
    def _check_programme_line_id(self):
        inspections = self.filtered("programme_line_id")
        if not inspections:
            return
        active_counts = dict(
            self.sudo()._read_group(
                [
                    ("programme_line_id", "in", inspections.programme_line_id.ids),
                    ("state", "!=", "cancelled"),
                ],
                ["programme_line_id"],
                ["__count"],
            )
        )
        for inspection in inspections:
            line = inspection.programme_line_id.sudo()
            programme = line.programme_id
            if (
                line.unit_id != inspection.unit_id
                or programme.inspection_type != inspection.inspection_type
                or programme.year != inspection.year
            ):
                raise ValidationError(
                    self.env._(
                        "The inspection %(name)s does not match the line of the programme %(programme)s "
                        "that schedules it (unit, kind and year).",
                        name=inspection.name,
                        programme=programme.name,
                    )
                )
            if active_counts.get(line, 0) > 1:
                raise ValidationError(
                    self.env._(
                        "The programme %(programme)s already schedules an inspection of %(unit)s on this "
                        "line: cancel it before scheduling another one.",
                        programme=programme.name,
                        unit=line.unit_id.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def _gep_prepare_create_vals(self, vals_list):
        """A new inspection takes the next reference of the sequence, numbered in the year of
        the inspection (``KT/2027/…`` for an inspection of 2027 scheduled in 2026), not in the
        year it is created."""
        Sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                year = vals.get("year") or fields.Date.context_today(self).year
                vals["name"] = (
                    Sequence.with_context(ir_sequence_date=f"{year}-01-01").next_by_code(
                        "gender.equality.inspection"
                    )
                    or "/"
                )
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        for inspection in inspections.filtered("duplicate_warning"):
            inspection._message_log(body=inspection.duplicate_warning)
        return inspections

    def write(self, vals):
        result = super().write(vals)
        if vals.get("checklist_id"):
            # A checklist chosen on a started inspection that has no answers yet is loaded at once
            # (one started before a checklist was required): the team answers it.
            self.filtered(
                lambda inspection: inspection.state in ("in_progress", "returned")
            )._load_checklist()
        return result

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        """Start the inspection: the team answers its checklist, whose items are loaded now
        (once: a resumed inspection keeps its answers). Refused without a checklist, or with a
        checklist that has no item: the questionnaire would be empty."""
        self._workflow_check_state(("draft", "returned"), self.env._("started"))
        self.check_access("write")
        for inspection in self.filtered(
            lambda inspection: not inspection.line_ids and not inspection.is_external
        ):
            if not inspection.checklist_id:
                raise UserError(
                    self.env._(
                        "Choose the checklist of the inspection %(name)s before starting it: the team "
                        "answers its items.",
                        name=inspection.name,
                    )
                )
            if not inspection.checklist_id.sudo().item_ids:
                raise UserError(
                    self.env._(
                        "The checklist %(checklist)s has no item: choose another checklist for the "
                        "inspection %(name)s, or ask the Department of Health to complete it.",
                        checklist=inspection.checklist_id.display_name,
                        name=inspection.name,
                    )
                )
        self._load_checklist()
        self.filtered(lambda inspection: not inspection.date).write({"date": fields.Date.context_today(self)})
        self._workflow_set_state("in_progress")
        return True

    def _load_checklist(self):
        """Create the answer lines of the inspections that have none, from their checklist (as
        superuser: the lines snapshot the template's questions, which only the module writes)."""
        for inspection in self.sudo().filtered(
            lambda inspection: not inspection.line_ids and not inspection.is_external
        ):
            if inspection.checklist_id:
                inspection.line_ids = inspection.checklist_id._prepare_inspection_line_values()

    def action_done(self):
        """Record the minutes and submit them to the approval chain (a new round after a return).

        Refused while a mandatory item is unanswered.
        """
        return self.action_submit()

    def action_view_corrective_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gender_equality_plan.gender_equality_corrective_action_action"
        )
        action["domain"] = [("inspection_id", "=", self.id)]
        action["context"] = {"default_inspection_id": self.id, "default_unit_id": self.unit_id.id}
        return action

    def action_open_compare(self):
        self.ensure_one()
        wizard = self.env["gender.equality.inspection.compare"].create(
            {"unit_id": self.unit_id.id, "year": self.year}
        )
        return wizard._get_action()

    def action_print_minutes(self):
        # The minutes have their own administrative layout: no company layout to configure.
        self.check_access("read")
        self._check_printable()
        report = self.env.ref("gender_equality_plan.action_report_gender_equality_inspection")
        return report.report_action(self, config=False)

    # ------------------------------------------------------------
    # THE MINUTES (Vietnamese administrative document)
    # ------------------------------------------------------------

    def _check_printable(self):
        """The module prints no minutes of an external inspection: its document is the
        conclusion of the body that carried it out, not a paper of a unit of the sector."""
        external = self.filtered("is_external")[:1]
        if external:
            raise UserError(
                self.env._(
                    "%(name)s was carried out by %(body)s: its document is that body's conclusion "
                    "(attach its scan). The module prints no minutes of it in the name of a unit of the "
                    "health sector.",
                    name=external.name,
                    body=external.external_body or self.env._("an external body"),
                )
            )

    def _document_date(self):
        """The date of the minutes, which decides the law they follow: the day of the inspection
        (planned, or today)."""
        self.ensure_one()
        return self.date or self.planned_date or local_today()

    def _minutes_legal_bases(self):
        """The legal bases (căn cứ) the minutes print: frozen when the minutes were recorded
        (recorded before the bases were kept: none, as they were printed), else those in force
        at the inspection's date."""
        self.ensure_one()
        if self.state in self._minutes_recorded_states:
            return list(self.legal_basis_snapshot or [])
        if self.is_external:
            return []
        return self.env["gender.equality.legal.basis"]._printed_texts(
            self._document_date(), self.inspection_type, "minutes"
        )

    def _minutes_word(self):
        """``kiểm tra``, ``thanh tra`` or ``giám sát``: the word of the minutes."""
        self.ensure_one()
        return inspection_kinds.document_word(self.inspection_type)

    def _minutes_title(self):
        self.ensure_one()
        return inspection_kinds.minutes_title(self.inspection_type)

    def _minutes_subject(self):
        self.ensure_one()
        return inspection_kinds.subject_line(
            self.inspection_type, self.inspection_category, self.year, with_category=not self.is_external
        )

    def _minutes_issuer(self):
        """The issuing body: the inspecting unit (its name only is printed, read as superuser:
        the inspected unit's members may not open it)."""
        self.ensure_one()
        return self.sudo().inspecting_unit_id or self.sudo().unit_id

    def _minutes_date_line(self):
        """``Thanh Hóa, ngày 18 tháng 11 năm 2026``: the day of the inspection (planned, or today)."""
        self.ensure_one()
        return vi_format.vi_date_line(self._document_date())

    def _minutes_grading_scale(self):
        """``(theo <scale>, ban hành kèm theo Quyết định số …)``: the scale the minutes were graded
        with and its adoption, as they print it after the grade (read as
        superuser: the Department's configuration). Empty for minutes graded before scales were
        adopted (they print their grade as they did)."""
        self.ensure_one()
        scale = self.sudo().grade_id.scale_id
        if not (scale.decision_number and scale.decision_date):
            return ""
        return f"(theo {scale._adoption_text()})"

    def _minutes_score(self):
        """The score as the minutes print it, in Vietnamese (``86,4%``)."""
        self.ensure_one()
        return vi_format.vi_percent(self.score)

    # ------------------------------------------------------------
    # WORKFLOW HOOKS (gender.equality.approval.mixin)
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
        if self.is_external:
            missing = [
                self._fields[name].get_description(self.env)["string"]
                for name in ("external_body", "conclusion_number", "conclusion_date")
                if not self[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "The external inspection %(name)s is recorded with the body that carried it out "
                        "and its conclusion: fill in %(fields)s.",
                        name=self.name,
                        fields=", ".join(missing),
                    )
                )
            return
        if not self.line_ids:
            raise UserError(
                self.env._(
                    "The inspection %(name)s has no answers: choose its checklist and answer its items "
                    "before recording the minutes.",
                    name=self.name,
                )
            )
        missing = self.line_ids.filtered(lambda line: line.is_mandatory and not line.is_answered)
        if missing:
            raise UserError(
                self.env._(
                    "The inspection %(name)s cannot be recorded as done: these mandatory items are "
                    "unanswered:\n%(items)s",
                    name=self.name,
                    items="\n".join(f"- {question}" for question in missing.mapped("question")),
                )
            )

    def _workflow_before_submit(self):
        """The grade is that of the bands when the minutes are recorded: computed now, not when
        it is next read (a later change of the bands regrades open inspections only). The legal
        bases the minutes print are frozen too."""
        self.flush_recordset(["score", "grade_id", "result_band"])
        self._freeze_legal_bases()

    def _freeze_legal_bases(self):
        """Keep the legal bases in force at each inspection's date as the minutes print them
        (as superuser: the module writes them, the users cannot)."""
        LegalBasis = self.env["gender.equality.legal.basis"]
        for inspection in self:
            texts = (
                []
                if inspection.is_external
                else LegalBasis._printed_texts(
                    inspection._document_date(), inspection.inspection_type, "minutes"
                )
            )
            inspection.sudo().legal_basis_snapshot = texts

    def _workflow_after_submit(self):
        actions = self._create_corrective_actions()
        stage = self.approval_stage_id[:1].name
        message = self.env._(
            "The minutes of %(inspections)s are recorded; %(count)s corrective action(s) created "
            "from the failed items.",
            inspections=", ".join(self.mapped("name")),
            count=len(actions),
        )
        if stage:
            message += " " + self.env._("They wait for the stage %(stage)s.", stage=stage)
        return self._gep_feedback(message, self.env._("Minutes recorded"))

    def _workflow_return_title(self):
        return self.env._("Return the inspection for revision")

    def _workflow_on_approved(self):
        """Approved minutes are final: their PDF is issued, for the team leader to sign. An
        external inspection has no minutes of the sector (its document is the body's conclusion)."""
        self.filtered(lambda inspection: not inspection.is_external)._gep_issue_documents()

    def _workflow_on_returned(self, reason):
        self._gep_supersede_documents()

    def _workflow_on_cancelled(self):
        self._gep_supersede_documents()

    # ------------------------------------------------------------
    # THE SIGNED MINUTES (gender.equality.document.mixin)
    # ------------------------------------------------------------

    def _gep_document_report(self):
        return self.env.ref("gender_equality_plan.action_report_gender_equality_inspection")

    def _gep_document_signer(self):
        """The team leader signs the minutes (whoever recorded them, without a leader)."""
        self.ensure_one()
        return self.leader_id or self.submitted_by_id

    def _gep_document_issuer(self):
        self.ensure_one()
        return self._minutes_issuer()

    def _gep_document_number(self):
        self.ensure_one()
        return self.name

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _create_corrective_actions(self):
        """One corrective action per failed line that requires one (and has none yet), created
        by the application: the caller recorded the minutes."""
        vals_list = []
        for inspection in self.sudo():
            lines = inspection.line_ids.filtered(
                lambda line: line.is_failed and line.requires_action and not line.corrective_action_ids
            )
            vals_list += [line._prepare_corrective_action_vals() for line in lines]
        return self.env["gender.equality.corrective.action"].sudo().create(vals_list)


class InspectionScorer:
    """Score of a list of answers ``(answer_type, yes_no, weight, is_critical, is_failed)``,
    graded with ``bands``: ``[(minimum score, grade)]`` (the grading bands of the Department).

    ``band`` is the grade of the highest minimum that the score reaches, ``"failed"`` when a
    critical item failed, and False when there is nothing to grade or no band reached.
    ``is_scored`` says whether an answer counts at all (before that, the score means nothing).
    Pure Python so that it can be tested and reused without a database.
    """

    def __init__(self, answers, bands=()):
        scored = [
            (yes_no, weight)
            for answer_type, yes_no, weight, __, __ in answers
            if answer_type == "yes_no" and yes_no in ("yes", "no") and weight > 0
        ]
        total = sum(weight for __, weight in scored)
        achieved = sum(weight for yes_no, weight in scored if yes_no == "yes")
        self.score = round(100.0 * achieved / total, 1) if total else 0.0
        self.has_critical_failure = any(critical and failed for __, __, __, critical, failed in answers)
        self.is_scored = bool(total) or self.has_critical_failure
        if self.has_critical_failure:
            self.band = FAILED
        elif not total:
            self.band = False
        else:
            reached = [(minimum, grade) for minimum, grade in bands if self.score >= minimum]
            self.band = max(reached, key=lambda band: band[0])[1] if reached else False
