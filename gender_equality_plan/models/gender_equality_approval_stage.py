# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

APPROVAL_MIXIN = "gender.equality.approval.mixin"
# The approver types whose approvers are the heads of a unit (the record's unit or its parent).
HEAD_TYPES = ("unit_manager", "parent_unit_manager")


class GenderEqualityApprovalStage(models.Model):
    """One stage of the approval chain of a kind of record (plans, later inspections…).

    Stages of a model are passed in ``sequence`` order: the lowest comes first.
    """

    _name = "gender.equality.approval.stage"
    _description = "Approval Stage"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "res_model, sequence, id"

    name = fields.Char(required=True, translate=True)
    res_model = fields.Selection(
        selection="_selection_res_model",
        string="Document Model",
        required=True,
        index=True,
        help="Kind of record this stage approves.",
    )
    sequence = fields.Integer(default=10, help="Stages are passed from the lowest sequence to the highest.")
    approver_type = fields.Selection(
        [
            ("unit_manager", "Heads of the record's unit"),
            ("parent_unit_manager", "Heads of the parent unit"),
            ("group", "Members of a group"),
            ("users", "Given users"),
        ],
        required=True,
        default="unit_manager",
        help="Heads of the record's unit: the heads of unit who are members of the unit of the "
        "record.\nHeads of the parent unit: the heads of unit who are members of the parent of the "
        "record's unit (a unit that inspects one of its affiliated units approves its minutes)."
        "\nMembers of a group: every user of the group.\nGiven users: the users listed.",
    )
    group_id = fields.Many2one("res.groups", string="Approver Group")
    user_ids = fields.Many2many(
        "res.users",
        "gender_equality_approval_stage_res_users_rel",
        "stage_id",
        "user_id",
        string="Approvers",
    )
    domain = fields.Char(
        string="Condition",
        help="Domain on the record: the stage is part of the chain of the records that match it "
        "when they are submitted. Empty: every record.",
    )
    active = fields.Boolean(default=True)
    receives_for_department = fields.Boolean(
        string="Reception by the Department",
        help="Records that reach this stage are received by the Department of Health: a report is "
        "dated (on time or late) by the moment it first reaches such a stage.",
    )
    description = fields.Text()
    without_approver = fields.Selection(
        [
            ("refuse", "Refuse the submission"),
            ("unit_setting", "As the unit is set: on paper or skipped"),
        ],
        string="When Nobody Can Decide",
        compute="_compute_head_rules",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        help="What happens when no user account may decide this stage for a record.\n"
        "Refuse the submission: the record cannot be submitted until the Department configures an "
        "approver.\nAs the unit is set (stages of heads of unit only): when the unit whose heads "
        "decide has no head account yet, its head's step is done as the Department set that unit "
        "(Configuration > Health Units): signed on paper and recorded by a member of the unit with "
        "the signed scan, or skipped.",
    )
    submitter_decides = fields.Boolean(
        string="Submitting Is Deciding",
        compute="_compute_head_rules",
        store=True,
        readonly=False,
        precompute=True,
        help="When an approver of this stage submits the record himself (a head of unit submitting "
        "his unit's plan), his submission is his decision: the stage is recorded as approved by him "
        "at submission and the record goes on to the next stage. Only the stage that the record "
        "reaches at its submission: a later stage is never decided by the person who submitted.",
    )

    @api.depends("approver_type")
    def _compute_head_rules(self):
        """Stages of heads of unit follow the unit's setting when it has no head account, and take
        the head's own submission as his decision; the other stages do neither."""
        for stage in self:
            is_head_stage = stage.approver_type in HEAD_TYPES
            stage.without_approver = "unit_setting" if is_head_stage else "refuse"
            stage.submitter_decides = is_head_stage

    @api.model
    def _selection_res_model(self):
        """Every concrete model that uses the approval mixin."""
        names = self.env.registry[APPROVAL_MIXIN]._inherit_children
        # The names of the models in the user's language (``_description`` is English).
        return [
            (name, self.env[name]._gep_model_label())
            for name in sorted(names)
            if name in self.env and not self.env[name]._abstract
        ]

    @api.constrains("approver_type", "group_id", "user_ids")
    def _check_approvers(self):
        for stage in self:
            if stage.approver_type == "group" and not stage.group_id:
                raise ValidationError(
                    self.env._("The approval stage %(stage)s needs an approver group.", stage=stage.name)
                )
            if stage.approver_type == "users" and not stage.user_ids:
                raise ValidationError(
                    self.env._("The approval stage %(stage)s needs at least one approver.", stage=stage.name)
                )

    @api.constrains("approver_type", "without_approver")
    def _check_without_approver(self):
        for stage in self:
            if stage.without_approver == "unit_setting" and stage.approver_type not in HEAD_TYPES:
                raise ValidationError(
                    self.env._(
                        "The approval stage %(stage)s is decided by a group or by given users: only a "
                        "stage of heads of unit can follow the unit's setting when nobody can decide.",
                        stage=stage.name,
                    )
                )

    @api.constrains("domain", "res_model")
    def _check_domain(self):
        for stage in self.filtered("domain"):
            try:
                # Parsed into a query, not run: unknown fields and operators raise here.
                self.env[stage.res_model].sudo()._where_calc(stage._get_domain())
            except (AssertionError, KeyError, SyntaxError, TypeError, ValueError) as error:
                raise ValidationError(
                    self.env._(
                        "The condition of the approval stage %(stage)s is not a valid domain: %(error)s",
                        stage=stage.name,
                        error=error,
                    )
                ) from error

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """Stages that reviewed records stay in their history: archive them instead."""
        used = (
            self.env["gender.equality.approval.review"].sudo().search([("stage_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "The approval stage %(stage)s has already reviewed records and cannot be "
                    "deleted. Archive it to remove it from the chain.",
                    stage=used.stage_id.name,
                )
            )

    def _get_domain(self):
        self.ensure_one()
        return safe_eval(self.domain) if self.domain else []

    def _filter_records(self, records):
        """{stage: the ``records`` whose chain includes the stage}: one evaluation per stage."""
        return {
            stage: records.browse(records.sudo().filtered_domain(stage._get_domain()).ids)
            if stage.domain
            else records
            for stage in self
        }

    def _get_deciding_unit(self, unit):
        """The unit whose heads decide this stage for a record of ``unit`` (the unit itself or its
        parent), or None for a stage of a group or of given users."""
        self.ensure_one()
        if self.approver_type == "unit_manager":
            return unit.sudo()
        if self.approver_type == "parent_unit_manager":
            return unit.sudo().parent_id
        return None

    def _get_approvers(self, unit):
        """Users allowed to approve this stage for a record of ``unit``."""
        self.ensure_one()
        deciding_unit = self._get_deciding_unit(unit)
        if deciding_unit is not None:
            users = deciding_unit.manager_ids
        elif self.approver_type == "group":
            users = self.group_id.users
        else:
            users = self.user_ids
        return users.filtered(lambda user: user.active and not user.share)

    def _get_step_mode(self, unit, approvers):
        """How this stage is decided for a record of ``unit`` whose approvers are ``approvers``:
        ``app`` (an approver decides in the application), ``paper`` (the head signs the paper
        document and a member of the unit records it), ``skip``, or None (nobody can decide: the
        submission is refused)."""
        self.ensure_one()
        if approvers:
            return "app"
        deciding_unit = self._get_deciding_unit(unit)
        if self.without_approver != "unit_setting" or not deciding_unit:
            return None
        return "skip" if deciding_unit.no_head_mode == "skip" else "paper"
