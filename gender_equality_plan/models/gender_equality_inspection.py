# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

INSPECTION_TYPES = [
    ("self", "Self-inspection"),
    ("inspection", "Inspection by the Department"),
    ("supervision", "Supervision"),
]

# Result bands of the score (percentage), from the best; see the help of ``result_band``.
BAND_GOOD = 80.0
BAND_FAIR = 50.0


class GenderEqualityInspection(models.Model):
    """An inspection, self-inspection or supervision of a unit (plan section III.6)."""

    _name = "gender.equality.inspection"
    _description = "Gender-Equality Inspection"
    _inherit = ["gender.equality.approval.mixin"]
    _order = "year desc, planned_date desc, id desc"
    # Workflow (gender.equality.approval.mixin): the team answers the checklist while the
    # inspection is in progress; recording the minutes (``action_done``) submits them.
    _state_editable = ("draft", "in_progress", "returned")
    _state_submit_from = ("in_progress", "returned")
    _state_review = "done"
    _state_cancel_from = ("draft", "in_progress", "done", "returned")
    _state_draft_from = ("cancelled",)
    _workflow_draft_only_fields = ("unit_id", "inspection_type", "year")

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
        "unit by the Department of Health (kiểm tra). Supervision: monitoring of the unit's "
        "implementation (giám sát).",
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
    result_band = fields.Selection(
        [("good", "Good"), ("fair", "Fair"), ("poor", "Poor"), ("failed", "Failed")],
        compute="_compute_score",
        store=True,
        help="Good: score of 80% or more. Fair: 50% to less than 80%. Poor: less than 50%. "
        "Failed: a critical item failed, whatever the score.",
    )
    has_critical_failure = fields.Boolean(compute="_compute_score", store=True)
    unanswered_count = fields.Integer(compute="_compute_counts", string="Unanswered Items")
    failed_count = fields.Integer(compute="_compute_counts", string="Failed Items")
    strengths = fields.Html(help="Strengths found (ưu điểm).")
    shortcomings = fields.Html(help="Shortcomings and weaknesses found (tồn tại, hạn chế).")
    violation_ids = fields.One2many(
        "gender.equality.inspection.violation", "inspection_id", string="Violations", copy=False
    )
    conclusion = fields.Html()
    recommendations = fields.Html()
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

    @api.depends(
        "line_ids.answer_type",
        "line_ids.answer_yes_no",
        "line_ids.weight",
        "line_ids.is_critical",
        "line_ids.is_failed",
    )
    def _compute_score(self):
        for inspection in self:
            scorer = InspectionScorer(
                [
                    (line.answer_type, line.answer_yes_no, line.weight, line.is_critical, line.is_failed)
                    for line in inspection.line_ids
                ]
            )
            inspection.score = scorer.score
            inspection.has_critical_failure = scorer.has_critical_failure
            inspection.result_band = scorer.band

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
    # CRUD
    # ------------------------------------------------------------

    def _gep_prepare_create_vals(self, vals_list):
        """A new inspection takes the next reference of the sequence."""
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("gender.equality.inspection") or "/"
                )
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        for inspection in inspections.filtered("duplicate_warning"):
            inspection._message_log(body=inspection.duplicate_warning)
        return inspections

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(inspection.state not in ("draft", "cancelled") for inspection in self):
            raise UserError(self.env._("Only planned or cancelled inspections can be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_start(self):
        """Start the inspection: answer lines are created from the checklist if there are none."""
        self._workflow_check_state(("draft", "returned"), self.env._("started"))
        self.check_access("write")
        for inspection in self.sudo():
            if not inspection.line_ids and inspection.checklist_id:
                inspection.line_ids = inspection.checklist_id._prepare_inspection_line_values()
        self.filtered(lambda inspection: not inspection.date).write({"date": fields.Date.context_today(self)})
        self._workflow_set_state("in_progress")
        return True

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
        report = self.env.ref("gender_equality_plan.action_report_gender_equality_inspection")
        return report.report_action(self, config=False)

    # ------------------------------------------------------------
    # WORKFLOW HOOKS (gender.equality.approval.mixin)
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
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
    """Score of a list of answers ``(answer_type, yes_no, weight, is_critical, is_failed)``.

    Pure Python so that it can be tested and reused without a database.
    """

    def __init__(self, answers):
        scored = [
            (yes_no, weight)
            for answer_type, yes_no, weight, __, __ in answers
            if answer_type == "yes_no" and yes_no in ("yes", "no") and weight > 0
        ]
        total = sum(weight for __, weight in scored)
        achieved = sum(weight for yes_no, weight in scored if yes_no == "yes")
        self.score = round(100.0 * achieved / total, 1) if total else 0.0
        self.has_critical_failure = any(critical and failed for __, __, __, critical, failed in answers)
        if self.has_critical_failure:
            self.band = "failed"
        elif not total:
            self.band = False
        elif self.score >= BAND_GOOD:
            self.band = "good"
        elif self.score >= BAND_FAIR:
            self.band = "fair"
        else:
            self.band = "poor"
