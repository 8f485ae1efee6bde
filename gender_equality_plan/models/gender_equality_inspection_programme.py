# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import inspection_kinds, roles, vi_format
from ..tools.html_clean import NarrativeHtml
from ..tools.inspection_kinds import INSPECTION_CATEGORIES, INSPECTION_TYPES

# What the signature of the approved programme records: written once the paper is signed.
DECISION_FIELDS = frozenset(
    {"document_number", "decision_number", "decision_date", "signer_name", "signer_title"}
)


class GenderEqualityInspectionProgramme(models.Model):
    """The annual inspection programme of a unit (Kế hoạch kiểm tra năm, plan section III.6).

    The Department of Health plans its inspections (kiểm tra, also kiểm tra chuyên ngành) and
    supervisions of the sector; a unit plans its self-inspections and the inspections of its
    affiliated units. A kind that the law in force takes out of the sector (a *thanh tra* since
    Luật Thanh tra 84/2025/QH15) has no programme of the sector. The programme goes through the
    configurable approval chain (``gender.equality.approval.mixin``); once approved, it schedules
    one inspection per line and shows what was done, what is late and what has not started. It
    prints the legal bases in force at its date, frozen when it is approved.
    """

    _name = "gender.equality.inspection.programme"
    _description = "Annual Inspection Programme"
    _inherit = ["gender.equality.approval.mixin"]
    _order = "year desc, unit_id, id desc"
    # Workflow (gender.equality.approval.mixin): the Department manager reopens or cancels an
    # approved programme.
    _state_draft_from = ("cancelled", "returned")
    _workflow_final_cancel_groups = (roles.DEPARTMENT_MANAGER,)
    _workflow_reopen_groups = (roles.DEPARTMENT_MANAGER,)
    _workflow_draft_only_fields = ("unit_id", "year", "inspection_type")

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Owner Unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env.user.gep_unit_ids[:1],
        help="The unit whose programme it is: the Department of Health for the inspections of the "
        "sector, or a unit for its self-inspections and the inspections of its affiliated units.",
    )
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).year,
    )
    inspection_type = fields.Selection(
        INSPECTION_TYPES,
        string="Kind",
        required=True,
        default="inspection",
        tracking=True,
        help="The kind of the inspections the programme schedules. Self-inspection: each unit of "
        "the programme inspects itself. Inspection, supervision: the owner unit inspects the units "
        "of the programme. Formal inspection (thanh tra): the Department only, and only for the dates "
        "when the law gave it an inspectorate (before 1 July 2025).",
    )
    inspection_category = fields.Selection(
        INSPECTION_CATEGORIES,
        string="Category",
        required=True,
        default="specialised",
        tracking=True,
        help="The programme the gender-equality content is part of: the specialised programme of "
        "the sector (chuyên ngành), or the administrative and public-duty programme (hành chính, "
        "công vụ).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        help="Draft: the owner unit prepares the programme.\n"
        "Submitted: the programme waits for the approvers of its current stage.\n"
        "Approved: every stage approved; the programme schedules its inspections and is locked, "
        "except the references of its signed decision.\n"
        "Returned: an approver sent it back with a reason; edit and submit it again.\n"
        "Cancelled: the programme is abandoned; its inspections not yet started are cancelled.",
    )
    purpose = NarrativeHtml(string="Purpose and Requirements", help="I. Mục đích, yêu cầu.")
    scope = fields.Text(
        string="Content",
        help="What the inspections cover (nội dung kiểm tra): copied to each inspection scheduled.",
    )
    implementation = NarrativeHtml(string="Organisation", help="III. Tổ chức thực hiện.")
    recipients = fields.Text(
        default=lambda self: "- Các đơn vị có tên trong Kế hoạch;\n- Lưu: VT.",
        help="Nơi nhận, one per line, as the document prints them.",
    )
    checklist_id = fields.Many2one(
        "gender.equality.checklist",
        string="Checklist",
        domain="[('active', '=', True)]",
        default=lambda self: self.env["gender.equality.checklist"]._get_default(),
        help="The checklist of the inspections scheduled (empty: the default checklist).",
    )
    leader_id = fields.Many2one("res.users", string="Team Leader")
    inspector_ids = fields.Many2many(
        "res.users",
        "gender_equality_inspection_programme_res_users_rel",
        "programme_id",
        "user_id",
        string="Team Members",
    )
    line_ids = fields.One2many(
        "gender.equality.inspection.programme.line",
        "programme_id",
        string="Units and Dates",
        copy=True,
    )
    inspection_ids = fields.One2many(
        "gender.equality.inspection", "programme_id", string="Inspections", readonly=True
    )
    covered_unit_ids = fields.Many2many(
        "gender.equality.unit",
        "gender_equality_inspection_programme_covered_unit_rel",
        "programme_id",
        "unit_id",
        string="Units Covered",
        compute="_compute_covered_unit_ids",
        store=True,
        help="The units of the lines: their members read the programme. (The record rules read this "
        "field rather than the lines, so that checking a unit's access never loads the lines of "
        "other units.)",
    )
    # The signed decision (recorded once the paper is signed, also after the approval).
    document_number = fields.Char(
        tracking=True, help="Number of the programme as a document (số văn bản), e.g. 45/KH-SYT."
    )
    decision_number = fields.Char(
        tracking=True, help="Number of the decision that approves the programme (số quyết định)."
    )
    decision_date = fields.Date(tracking=True)
    signer_name = fields.Char(string="Signed by", tracking=True)
    legal_basis_snapshot = fields.Json(
        string="Legal Bases Printed",
        readonly=True,
        copy=False,
        help="The legal bases (căn cứ) the programme prints, frozen when it is approved (and again "
        "when the date of its decision is recorded): a basis changed or added later does not change "
        "an approved programme.",
    )
    legal_basis_text = fields.Text(
        string="Legal Bases",
        compute="_compute_legal_basis_text",
        help="The legal bases (căn cứ) the programme prints: those in force at its date (the date of "
        "its decision, else today), as Configuration > Legal Bases gives them.",
    )
    signer_title = fields.Char(
        string="Signer's Title",
        tracking=True,
        help="As printed above the signature, e.g. GIÁM ĐỐC, or KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC (one "
        "line each).",
    )
    line_count = fields.Integer(compute="_compute_progress", string="Planned")
    done_count = fields.Integer(compute="_compute_progress", string="Done")
    in_progress_count = fields.Integer(compute="_compute_progress", string="In Progress")
    late_count = fields.Integer(compute="_compute_progress", string="Late")
    not_started_count = fields.Integer(compute="_compute_progress", string="Not Started")
    unscheduled_count = fields.Integer(
        compute="_compute_progress",
        string="To Schedule",
        help="Lines without an inspection that is not cancelled.",
    )
    progress_rate = fields.Float(
        compute="_compute_progress",
        string="Done (%)",
        digits=(5, 1),
        help="Share of the lines whose inspection is done or approved.",
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("year", "unit_id.name", "inspection_type")
    def _compute_name(self):
        for programme in self:
            # The document title is Vietnamese by law, whatever the user's language.
            title = inspection_kinds.programme_title(programme.inspection_type)
            programme.name = f"{title} năm {programme.year} – {programme.unit_id.sudo().name or ''}"

    @api.depends("line_ids.unit_id")
    def _compute_covered_unit_ids(self):
        for programme in self:
            programme.covered_unit_ids = programme.line_ids.unit_id

    @api.depends("legal_basis_snapshot", "state", "inspection_type", "decision_date")
    def _compute_legal_basis_text(self):
        for programme in self:
            programme.legal_basis_text = "\n".join(programme._pdf_legal_bases())

    @api.depends("line_ids.status", "line_ids.inspection_id")
    def _compute_progress(self):
        for programme in self:
            statuses = programme.line_ids.mapped("status")
            programme.line_count = len(statuses)
            programme.done_count = statuses.count("done")
            programme.in_progress_count = statuses.count("in_progress")
            programme.late_count = statuses.count("late")
            programme.not_started_count = statuses.count("not_started")
            programme.unscheduled_count = len(
                programme.line_ids.filtered(lambda line: not line.inspection_id)
            )
            programme.progress_rate = (
                round(100.0 * programme.done_count / programme.line_count, 1) if programme.line_count else 0.0
            )

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("unit_id", "inspection_type", "year")
    def _check_owner(self):
        for programme in self:
            if 1 <= programme.year <= 9999:
                programme._check_kind_in_sector(date(programme.year, 1, 1))
            unit = programme.unit_id.sudo()
            if (
                programme.inspection_type in inspection_kinds.DEPARTMENT_ONLY_TYPES
                and unit.unit_type != "department"
            ):
                raise ValidationError(
                    self.env._(
                        "A programme of formal inspections (thanh tra) belongs to the Department of "
                        "Health; %(unit)s may plan inspections, supervisions and self-inspections.",
                        unit=unit.name,
                    )
                )
        self.line_ids._check_unit_id()

    def _check_kind_in_sector(self, on_date):
        """Raise when the law in force on ``on_date`` takes the programme's kind out of the
        sector: a unit of the sector does not plan what it may not carry out."""
        self.ensure_one()
        basis = self.env["gender.equality.legal.basis"]._external_basis(self.inspection_type, on_date)
        if basis:
            raise ValidationError(
                self.env._(
                    "Since %(date)s (%(basis)s), a %(kind)s is carried out by a body outside the health "
                    "sector, such as the provincial inspectorate: %(programme)s cannot plan one on "
                    "%(day)s. The Department plans kiểm tra (also kiểm tra chuyên ngành) and supervisions; "
                    "a thanh tra of a unit is recorded as an external inspection.",
                    date=vi_format.vi_date(basis.date_from) if basis.date_from else "",
                    basis=basis.name,
                    kind=inspection_kinds.document_word(self.inspection_type),
                    programme=self.name or "",
                    day=vi_format.vi_date(on_date),
                )
            )

    # ------------------------------------------------------------
    # RULES
    # ------------------------------------------------------------

    def _gep_locked_fields(self):
        """The mixin's locks, except the references of the signed decision, which are written
        once the approved programme is signed."""
        locked = super()._gep_locked_fields()
        for programme, names in locked.items():
            if programme.state == self._state_approved:
                locked[programme] = frozenset(names - DECISION_FIELDS)
        return locked

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_schedule_inspections(self):
        """Create the inspections of the lines that have none (not cancelled), with the rights
        of the current user, and move the planned date of those not started yet."""
        self._workflow_check_state((self._state_approved,), self.env._("scheduled"))
        self.check_access("write")
        self._schedule_inspections()
        return True

    def action_view_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gender_equality_plan.gender_equality_inspection_action"
        )
        action.update(
            {
                "domain": [("programme_id", "=", self.id)],
                "context": {"search_default_group_state": 1},
                "name": self.name,
            }
        )
        return action

    def action_print(self):
        self.check_access("read")
        report = self.env.ref("gender_equality_plan.action_report_gender_equality_inspection_programme")
        return report.report_action(self, config=False)

    # ------------------------------------------------------------
    # WORKFLOW HOOKS (gender.equality.approval.mixin)
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
        if not self.line_ids:
            raise UserError(
                self.env._(
                    "The programme %(name)s has no unit to inspect: add the units and their planned dates.",
                    name=self.name,
                )
            )

    def _workflow_on_approved(self):
        """The approved programme schedules its inspections (called as superuser) and keeps the
        legal bases it prints."""
        self._freeze_legal_bases()
        self._schedule_inspections()

    def write(self, vals):
        result = super().write(vals)
        if "decision_date" in vals:
            # The signed decision dates the approved programme: it prints the bases of that date.
            self.filtered(lambda programme: programme.state == self._state_approved)._freeze_legal_bases()
        return result

    def _freeze_legal_bases(self):
        """Keep the legal bases in force at each programme's date as it prints them (as
        superuser: the module writes them, the users cannot)."""
        LegalBasis = self.env["gender.equality.legal.basis"]
        for programme in self:
            programme.sudo().legal_basis_snapshot = LegalBasis._printed_texts(
                programme._pdf_date(), programme.inspection_type, "programme"
            )

    def _workflow_confirm_message(self, method):
        message = super()._workflow_confirm_message(method)
        if method == "action_cancel":
            message += Markup("<p>%s</p>") % self.env._(
                "Its inspections that have not started are cancelled too."
            )
        return message

    def _workflow_on_cancelled(self):
        """Inspections of a cancelled programme that have not started are cancelled too."""
        planned = self.sudo().inspection_ids.filtered(lambda inspection: inspection.state == "draft")
        if planned:
            planned.action_cancel()

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    def _schedule_inspections(self):
        """One inspection per line without one (not cancelled); the inspections not started yet
        follow the planned date of their line."""
        Inspection = self.env["gender.equality.inspection"]
        vals_list = []
        for programme in self:
            for line in programme.line_ids:
                inspection = line.inspection_id
                if not inspection:
                    vals_list.append(line._prepare_inspection_vals())
                elif inspection.state == "draft" and inspection.planned_date != line.planned_date:
                    inspection.planned_date = line.planned_date
        return Inspection.create(vals_list)

    def _pdf_date(self):
        self.ensure_one()
        return self.decision_date or fields.Date.context_today(self)

    def _pdf_date_line(self):
        return vi_format.vi_date_line(self._pdf_date())

    def _pdf_issuer(self):
        """The owner unit and its own parent (names only, read as superuser)."""
        self.ensure_one()
        return self.sudo().unit_id

    def _pdf_legal_bases(self):
        """The legal bases (căn cứ) the programme prints: frozen once approved (approved before the
        bases were kept: none, as it was printed), else those in force at its date."""
        self.ensure_one()
        if self.state == self._state_approved:
            return list(self.legal_basis_snapshot or [])
        return self.env["gender.equality.legal.basis"]._printed_texts(
            self._pdf_date(), self.inspection_type, "programme"
        )

    def _pdf_subject(self):
        self.ensure_one()
        return inspection_kinds.subject_line(self.inspection_type, self.inspection_category, self.year)

    def _pdf_word(self):
        self.ensure_one()
        return inspection_kinds.document_word(self.inspection_type)

    def _pdf_lines(self):
        """The lines the reader may see, by planned date."""
        self.ensure_one()
        return self.line_ids.sorted(lambda line: (line.planned_date, line.sequence, line.id))

    def _pdf_recipients(self):
        self.ensure_one()
        return [line.strip() for line in (self.recipients or "").splitlines() if line.strip()]

    def _pdf_signer_titles(self):
        """The title above the signature: the programme's own (its signer's), else the title
        of the head of the issuing unit (the Department's manager signs the Department's)."""
        self.ensure_one()
        titles = [line.strip().upper() for line in (self.signer_title or "").splitlines() if line.strip()]
        return titles or self.unit_id._document_signer_titles()
