# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import roles


class GenderEqualityApprovalMixin(models.AbstractModel):
    """The workflow of the records that a unit submits and approvers decide (plans, reports,
    inspections), declared in a few class attributes, in the spirit of OCA
    ``base_tier_validation``:

    - ``_state_field`` and the states: ``_state_draft``, ``_state_editable`` (content editable),
      ``_state_submit_from``, ``_state_review`` (waiting for the approval chain),
      ``_state_approved`` (final: locked), ``_state_returned``, ``_state_cancelled``,
      ``_state_cancel_from``, ``_state_draft_from``; ``_workflow_draft_only_fields`` change
      only while the record is a draft (its unit, its year);
    - ``_workflow_final_cancel_groups`` / ``_workflow_reopen_groups``: roles that may cancel /
      reopen an approved record (none by default).

    The mixin owns ``action_submit``, ``action_approve``, ``action_return``, ``action_reopen``,
    ``action_cancel`` and ``action_draft`` and the flags the views read (``is_editable``,
    ``is_locked``, ``is_under_review``, ``can_submit``, ``can_approve``, ``can_cancel``,
    ``can_reset_to_draft``, ``can_reopen``); the integrity policy (``gender.equality.guard.mixin``)
    refuses any direct write of the status and of the workflow bookkeeping, and locks the
    record's fields outside its editable states. Consumers override small hooks:
    ``_workflow_check_submittable``, ``_workflow_before_submit``, ``_workflow_after_submit``,
    ``_workflow_on_approved``, ``_workflow_on_returned``, ``_workflow_on_cancelled``.

    From a button, the transitions talk to the user: with ``gep_confirm`` in the context,
    ``action_submit`` shows the warnings of ``_workflow_submit_warnings`` and ``action_cancel``
    asks, both in ``gender.equality.confirm.wizard``, before anything happens; with
    ``gep_feedback``, submit, approve and return end with a short confirmation. Scripts call
    the same methods without these keys and get ``True`` (or an action), never a dialog.

    The approval chain of a model is the list of its active ``gender.equality.approval.stage``
    records. Each submission (round) creates one review per stage; the first is pending, the
    others wait. A stage with a condition (``domain``) is part of the chain of the records that
    match it only.
    """

    _name = "gender.equality.approval.mixin"
    _description = "Approval Workflow Mixin"
    _inherit = ["gender.equality.guard.mixin", "gender.equality.inbox.mixin", "mail.activity.mixin"]

    _state_field = "state"
    _state_draft = "draft"
    _state_editable = ("draft", "returned")
    _state_submit_from = ("draft", "returned")
    _state_review = "submitted"
    _state_approved = "approved"
    _state_returned = "returned"
    _state_cancelled = "cancelled"
    _state_cancel_from = ("draft", "returned", "submitted")
    _state_draft_from = ("cancelled",)
    # A record that never went to its approvers, in one of these states, may be deleted; any
    # other is part of the history (see ``_gep_kept_records``).
    _state_deletable = ("draft", "cancelled")
    _workflow_final_cancel_groups = ()
    _workflow_reopen_groups = ()
    # Whether the approve button (with ``gep_confirm``) asks before deciding (see
    # ``_workflow_confirm_message``): a decision that cannot be taken back, such as issuing.
    _workflow_confirm_approve = False
    # Fields that change only while the record is a draft (never after its first submission).
    _workflow_draft_only_fields = ("unit_id", "year")
    _gep_protected_fields = ("state",)

    review_ids = fields.One2many(
        "gender.equality.approval.review",
        "res_id",
        string="Approval History",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
        copy=False,
    )
    approval_stage_id = fields.Many2one(
        "gender.equality.approval.stage",
        string="Stage to Approve",
        compute="_compute_approval_stage_id",
        help="The approval stage that must decide now.",
    )
    can_approve = fields.Boolean(
        compute="_compute_can_approve",
        search="_search_can_approve",
        string="Can I Approve",
        help="Whether you may approve or return the record at its current stage.",
    )
    submitted_by_id = fields.Many2one("res.users", string="Submitted by", readonly=True, copy=False)
    submitted_date = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    last_return_reason = fields.Text(string="Reason of the Last Return", readonly=True, copy=False)
    last_return_by_id = fields.Many2one("res.users", string="Last Returned by", readonly=True, copy=False)
    last_return_date = fields.Datetime(string="Last Returned on", readonly=True, copy=False)
    is_editable = fields.Boolean(
        compute="_compute_workflow_flags",
        string="Editable",
        help="The content of the record can be edited in its current status.",
    )
    is_locked = fields.Boolean(
        compute="_compute_workflow_flags",
        string="Locked",
        help="The record is approved: nothing of it changes any more.",
    )
    is_under_review = fields.Boolean(
        compute="_compute_workflow_flags",
        string="Under Review",
        help="The record waits for the approvers of its current stage.",
    )
    can_submit = fields.Boolean(compute="_compute_workflow_permissions")
    can_cancel = fields.Boolean(compute="_compute_workflow_permissions")
    can_reset_to_draft = fields.Boolean(compute="_compute_workflow_permissions")
    can_reopen = fields.Boolean(compute="_compute_workflow_permissions")

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    def _approval_pending_reviews(self):
        """Pending reviews of the records, with what the workflow reads of them, in one query."""
        return self._approval_open_reviews(("pending",))

    def _approval_open_reviews(self, states=("waiting", "pending")):
        """Reviews of the records in ``states``, with what the workflow reads of them, in one
        query (a decision reads the pending reviews and the waiting ones that come next: read
        together, their stages and approvers are then read together too)."""
        return (
            self.env["gender.equality.approval.review"]
            .sudo()
            .search_fetch(
                [("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "in", states)],
                ["res_id", "unit_id", "stage_id", "sequence", "round", "state", "mode"],
            )
        )

    @api.depends("review_ids.state", "review_ids.stage_id")
    def _compute_approval_stage_id(self):
        stage_by_record = {review.res_id: review.stage_id for review in self._approval_pending_reviews()}
        for record in self:
            record.approval_stage_id = stage_by_record.get(record.id, False)

    @api.depends("review_ids.state", "review_ids.reviewer_ids", "submitted_by_id")
    @api.depends_context("uid")
    def _compute_can_approve(self):
        reviews = {review.res_id: review for review in self._approval_pending_reviews()}
        for record in self:
            review = reviews.get(record.id)
            record.can_approve = bool(review) and not record._approval_get_refusal(review, self.env.user)

    def _search_can_approve(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search on the approver is not supported."))
        reviews = (
            self.env["gender.equality.approval.review"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("state", "=", "pending"),
                    ("reviewer_ids", "in", self.env.uid),
                ]
            )
        )
        domain = [("id", "in", reviews.mapped("res_id")), ("submitted_by_id", "!=", self.env.uid)]
        if (operator == "=") != value:
            domain = ["!", "&", *domain]
        return domain

    @api.depends(lambda self: [self._state_field])
    def _compute_workflow_flags(self):
        for record in self:
            state = record[self._state_field]
            record.is_editable = state in self._state_editable
            record.is_locked = state == self._state_approved
            record.is_under_review = state == self._state_review

    @api.depends(lambda self: [self._state_field])
    @api.depends_context("uid")
    def _compute_workflow_permissions(self):
        writable = self._filtered_access("write") if self.ids else self.browse()
        may_cancel_final = roles.has_any(self.env, *self._workflow_final_cancel_groups)
        may_reopen = roles.has_any(self.env, *self._workflow_reopen_groups)
        may_create = self.browse().has_access("create")
        for record in self:
            state = record[self._state_field]
            can_write = record in writable
            # A record being created can be submitted at once: the button saves it first.
            is_new = not record._origin
            record.can_submit = (can_write or (is_new and may_create)) and state in self._state_submit_from
            record.can_cancel = can_write and (
                state in self._state_cancel_from
                or (
                    state == self._state_approved
                    and bool(self._workflow_final_cancel_groups)
                    and may_cancel_final
                )
            )
            record.can_reset_to_draft = can_write and state in self._state_draft_from
            record.can_reopen = (
                state == self._state_approved and bool(self._workflow_reopen_groups) and may_reopen
            )

    # ------------------------------------------------------------
    # RULES
    # ------------------------------------------------------------

    def _gep_locked_fields(self):
        """Outside its editable states a record locks every field; once it left its draft
        state, it also locks its unit and the other draft-only fields."""
        locked = super()._gep_locked_fields()
        draft_only = frozenset(self._workflow_draft_only_fields) & self._gep_policy()[0]
        for record in self:
            if record not in locked and record[self._state_field] != self._state_draft:
                locked[record] = draft_only
        return locked

    def _gep_kept_records(self):
        """Records with a review history (submitted once, even if returned or cancelled since) or
        outside ``_state_deletable`` are kept: cancel them instead. (A cancelled record that
        never went to its approvers is locked but not history: it may go.)"""
        reviewed = {
            res_id
            for [res_id] in self.env["gender.equality.approval.review"]
            .sudo()
            ._read_group([("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"])
        }
        return self.filtered(
            lambda record: record.id in reviewed or record[self._state_field] not in self._state_deletable
        )

    def _gep_kept_message(self, record):
        return self.env._(
            "%(record)s has been submitted or decided: its history is kept. "
            "Cancel it instead of deleting it.",
            record=record.sudo().display_name,
        )

    def _approval_get_unit(self):
        self.ensure_one()
        return self.unit_id

    def _approval_get_stages(self):
        """The active stages of the model; ``_approval_get_record_stages`` picks those of each record."""
        return self.env["gender.equality.approval.stage"].sudo().search([("res_model", "=", self._name)])

    def _approval_get_record_stages(self):
        """{record id: its chain}, the stages whose condition the record meets, in order."""
        stages = self._approval_get_stages()
        records_by_stage = stages._filter_records(self)
        return {
            record.id: stages.filtered(lambda stage, record=record: record in records_by_stage[stage])
            for record in self
        }

    def _approval_get_refusal(self, review, user):
        """Why ``user`` may not decide ``review`` of this record, or False when they may.

        The same rule enforces the approval and drives the buttons (``can_approve``).
        """
        self.ensure_one()
        # Read as superuser: the rule must answer (no) for users who cannot read the record.
        record = self.sudo()
        if not review or review.state != "pending":
            return self.env._("%(record)s is not waiting for an approval.", record=record.display_name)
        if user == record.submitted_by_id:
            return self.env._(
                "You submitted %(record)s: another person must approve or return it.",
                record=record.display_name,
            )
        stage = review.stage_id
        unit = record._approval_get_unit()
        deciding_unit = stage._get_deciding_unit(unit)
        if deciding_unit is not None and not deciding_unit._is_head(user):
            return self.env._(
                "Only a head of the unit %(unit)s can decide the stage %(stage)s of %(record)s.",
                unit=deciding_unit.display_name,
                stage=stage.name,
                record=record.display_name,
            )
        if user not in review.reviewer_ids:
            return self.env._(
                "You are not an approver of the stage %(stage)s of %(record)s.",
                stage=stage.name,
                record=record.display_name,
            )
        return False

    def _approval_decision_reviews(self):
        """The open reviews of the records (``_approval_open_reviews``), with the people that a
        decision reads and tells (their approvers, the submitters) read at once."""
        reviews = self._approval_open_reviews()
        self._gep_prefetch_people(
            reviews.with_context(active_test=False).reviewer_ids | self.sudo().submitted_by_id
        )
        return reviews

    def _approval_check_can_decide(self, open_reviews=None):
        """Raise unless the current user may decide the pending stage of every record; return
        ``{record id: its pending review}`` (``open_reviews``: what ``_approval_open_reviews``
        returned, when the caller read them already).

        Two people deciding the same record at once are serialised by the decision itself: a
        decision writes the pending review it read (approved or returned), and Odoo runs its
        transactions in REPEATABLE READ, so the second one waits on that row until the first
        commits, then cannot write a row changed since its snapshot (a serialization failure);
        Odoo retries the request on fresh data, and the retry says that the record no longer
        waits for that decision. ``tests/test_concurrency.py`` shows the second transaction
        waiting on the review's row. (A ``SELECT … FOR NO KEY UPDATE`` of the pending reviews
        here only moved that wait a few statements earlier, with the same outcome: the tests
        passed without it, so it was removed.)
        """
        pending = (
            self._approval_pending_reviews()
            if open_reviews is None
            else open_reviews.filtered(lambda review: review.state == "pending")
        )
        reviews_by_record = {review.res_id: review for review in pending}
        # The stage the user saw when he clicked (the form's Approve button sends it): a click
        # repeated after an error whose answer was lost would otherwise decide the next stage
        # for a user who decides two stages in a row.
        expected = self.env.context.get("gep_expected_stage_id") if len(self) == 1 else None
        for record in self:
            review = reviews_by_record.get(record.id)
            if not review:
                raise UserError(
                    self.env._(
                        "%(record)s is not waiting for an approval.", record=record.sudo().display_name
                    )
                )
            if expected and review.stage_id.id != expected:
                raise UserError(
                    self.env._(
                        "%(record)s has moved on since you opened it: it now waits for the stage "
                        "%(stage)s. Reload it to see where it stands before you decide.",
                        record=record.sudo().display_name,
                        stage=review.stage_id.sudo().display_name,
                    )
                )
            refusal = record._approval_get_refusal(review, self.env.user)
            if refusal:
                raise AccessError(refusal)
        return reviews_by_record

    def _workflow_check_state(self, states, action):
        """Raise when a record is not in one of ``states`` for ``action`` (a label)."""
        labels = dict(self._fields[self._state_field]._description_selection(self.env))
        for record in self:
            state = record[self._state_field]
            if state not in states:
                raise UserError(
                    self.env._(
                        "%(record)s cannot be %(action)s: its status is %(state)s.",
                        record=record.display_name,
                        action=action,
                        state=labels.get(state, state),
                    )
                )

    def _workflow_set_state(self, state):
        """Write the status after the action checked that it may (the only writer of it)."""
        self.sudo().write({self._state_field: state})

    def _workflow_set_decided_state(self, state):
        """Write the status a decision gives (approved, returned). The decision logs itself in
        each record's chatter, for all the records at once (``_approval_log_items``,
        ``_gep_deliver``): Odoo's tracking of the status would add a second message per record,
        one insert each, so that approving a province's plans from the list cost two queries
        more per plan (``make bench``, ``approve_many``)."""
        self.with_context(tracking_disable=True)._workflow_set_state(state)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_submit(self):
        """Submit the records to their approval chain."""
        self._workflow_check_state(self._state_submit_from, self.env._("submitted"))
        self.check_access("write")
        for record in self:
            record._workflow_check_submittable()
        # A chain that nobody can decide is refused before anything is asked or done.
        self._approval_check_chain(self._approval_plan(self.env.user))
        if self.env.context.get("gep_confirm") and (
            self._workflow_submit_warnings() or self._approval_submit_notices()
        ):
            return self.env["gender.equality.confirm.wizard"]._get_action(self, "action_submit")
        self._workflow_before_submit()
        self._workflow_set_state(self._state_review)
        self._approval_start()
        return self._workflow_after_submit() or self._gep_feedback(
            self._workflow_feedback_message("submitted"), self.env._("Submitted")
        )

    def action_approve(self):
        """Approve the current stage of the records (the last stage approves them)."""
        self._workflow_check_state((self._state_review,), self.env._("approved"))
        # The pending reviews and the waiting ones in one query: the chain reads them next.
        open_reviews = self._approval_decision_reviews()
        reviews = self._approval_check_can_decide(open_reviews)
        self._workflow_check_approvable()
        if self._workflow_confirm_approve and self.env.context.get("gep_confirm"):
            return self.env["gender.equality.confirm.wizard"]._get_action(self, "action_approve")
        return self._approval_approve(reviews, open_reviews)

    def action_return(self, reason=None):
        """Return the records to their unit with a reason. Without a reason (a button), ask for it."""
        self._workflow_check_state((self._state_review,), self.env._("returned"))
        if reason is None:
            self._approval_check_can_decide()
            return self._workflow_reason_action("action_return", self._workflow_return_title())
        self._approval_return(reason)
        return self._gep_feedback(self._workflow_feedback_message("returned"), self.env._("Returned"))

    def action_reopen(self, reason=None):
        """Reopen approved records with a reason (the roles of ``_workflow_reopen_groups``)."""
        if not (self._workflow_reopen_groups and roles.has_any(self.env, *self._workflow_reopen_groups)):
            raise AccessError(
                self.env._("Your role does not allow you to reopen %(model)s.", model=self._gep_model_label())
            )
        self._workflow_check_state((self._state_approved,), self.env._("reopened"))
        if reason is None:
            return self._workflow_reason_action("action_reopen", self.env._("Reopen"))
        self._approval_reopen(reason)
        self._workflow_set_state(self._state_returned)
        self._workflow_on_returned(reason)
        return True

    def action_cancel(self):
        """Cancel the records (approved ones only for the roles of ``_workflow_final_cancel_groups``)."""
        final = self.filtered(lambda record: record[self._state_field] == self._state_approved)
        if final and not (
            self._workflow_final_cancel_groups
            and roles.has_any(self.env, *self._workflow_final_cancel_groups)
        ):
            raise AccessError(
                self.env._(
                    "%(record)s is approved: your role does not allow you to cancel it.",
                    record=final[0].display_name,
                )
            )
        (self - final)._workflow_check_state(self._state_cancel_from, self.env._("cancelled"))
        self.check_access("write")
        if self.env.context.get("gep_confirm"):
            return self.env["gender.equality.confirm.wizard"]._get_action(self, "action_cancel")
        self._workflow_set_state(self._state_cancelled)
        self._approval_cancel()
        self._workflow_on_cancelled()
        return True

    def action_draft(self):
        """Set cancelled (or returned) records back to draft."""
        self._workflow_check_state(self._state_draft_from, self.env._("set back to draft"))
        self.check_access("write")
        self._workflow_set_state(self._state_draft)
        return True

    def _workflow_reason_action(self, method, title):
        return self.env["gender.equality.reason.wizard"]._get_action(self, method, title)

    def _workflow_return_title(self):
        return self.env._("Return to the unit")

    # ------------------------------------------------------------
    # WORDS FOR THE USER (confirmations, feedback)
    # ------------------------------------------------------------

    def _workflow_submit_warnings(self):
        """Warnings that the user sees before the records leave (they never block)."""
        return []

    def _workflow_confirm_title(self, method):
        if method == "action_submit":
            return self.env._("Before submitting")
        return self.env._("Cancel %(records)s", records=self._gep_model_label())

    def _workflow_confirm_message(self, method):
        """What the confirmation dialog of ``method`` says (HTML)."""
        names = ", ".join(self.sudo().mapped("display_name"))
        if method == "action_submit":
            items = Markup("").join(
                Markup("<li>%s</li>") % warning for warning in self._workflow_submit_warnings()
            )
            return Markup("<p>%s</p><ul>%s</ul><p>%s</p>") % (
                self.env._("%(records)s can be submitted, but:", records=names),
                items,
                self.env._("Submit it anyway, or go back to complete it."),
            )
        return Markup("<p>%s</p><p>%s</p>") % (
            self.env._(
                "%(records)s will be cancelled: it leaves its workflow and no longer counts.", records=names
            ),
            self.env._("A cancelled record can be set back to draft later."),
        )

    def _workflow_confirm_label(self, method):
        """The label of the button that confirms ``method``: it names the action."""
        if method == "action_submit":
            return self.env._("Submit Anyway")
        return self.env._("Confirm Cancellation")

    def _workflow_feedback_message(self, event):
        """The confirmation that the user who submitted, approved or returned the records reads."""
        names = ", ".join(self.sudo().mapped("display_name"))
        if event == "submitted":
            stage = self.approval_stage_id[:1].name
            if stage:
                return self.env._(
                    "%(records)s is submitted: it waits for the stage %(stage)s.", records=names, stage=stage
                )
            return self.env._("%(records)s is submitted.", records=names)
        if event == "approved":
            if any(self.mapped("is_under_review")):
                return self.env._(
                    "You approved your stage: %(records)s now waits for the stage %(stage)s.",
                    records=names,
                    stage=self.approval_stage_id[:1].name,
                )
            return self.env._("%(records)s is approved.", records=names)
        return self.env._("%(records)s is returned to its unit with your reason.", records=names)

    # ------------------------------------------------------------
    # HOOKS
    # ------------------------------------------------------------

    def _workflow_check_submittable(self):
        """Raise when the record cannot be submitted (one record)."""

    def _workflow_check_approvable(self):
        """Raise when the records cannot be approved at their pending stage as they stand (the
        caller may decide it: checked before)."""

    def _workflow_before_submit(self):
        """Called before the records enter review (as the submitter, after the checks)."""

    def _workflow_after_submit(self):
        """Called after the submission; may return an action for the client."""
        return None

    def _workflow_on_approved(self):
        """Called when the last stage approved the records (as superuser)."""

    def _workflow_on_returned(self, reason):
        """Called when an approver returned, or a manager reopened, the records."""

    def _workflow_on_cancelled(self):
        """Called when the records are cancelled."""

    def _workflow_on_pending(self, reviews):
        """Called when ``reviews`` (of some of the records) become pending (as superuser)."""

    # ------------------------------------------------------------
    # THE APPROVAL CHAIN
    # ------------------------------------------------------------

    def _approval_start(self):
        """Open a new round of reviews (one per active stage) and notify the first approvers."""
        Review = self.env["gender.equality.approval.review"].sudo()
        plan = self._approval_plan(self.env.user)
        self._approval_check_chain(plan)
        self._approval_cancel()
        last_rounds = dict(
            Review._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["round:max"],
            )
        )
        vals_list = []
        for record in self:
            unit = record._approval_get_unit()
            for stage, approvers, mode in plan[record.id]:
                vals_list.append(
                    {
                        "res_model": self._name,
                        "res_id": record.id,
                        "unit_id": unit.id,
                        "stage_id": stage.id,
                        "sequence": stage.sequence,
                        "round": last_rounds.get(record.id, 0) + 1,
                        "state": "waiting",
                        "mode": mode,
                        "reviewer_ids": [fields.Command.set(approvers.ids)],
                    }
                )
        reviews = Review.create(vals_list)
        self.sudo().write({"submitted_by_id": self.env.uid, "submitted_date": fields.Datetime.now()})
        # The stages that the submission itself decides or skips are passed; the first other one
        # waits for its approvers. A record without a stage left is approved at once.
        self._approval_advance()
        return reviews

    def _approval_approve(self, reviews=None, open_reviews=None):
        """Approve the pending stage of the records as the current user and return the feedback
        of ``action_approve`` (``reviews``: what ``_approval_check_can_decide`` returned, and
        ``open_reviews`` what it read, when the caller checked already).

        What the decision writes in the chatters and the inboxes (its log, the next stage's
        logs and requests, the submitter's notice) is delivered at once at the end
        (``_gep_deliver``); the to-dos of the decided stage are deleted last: a deletion empties
        the whole record cache (Odoo's ``unlink``), and the decision reads the same records."""
        if reviews is None:
            open_reviews = self._approval_decision_reviews()
            reviews = self._approval_check_can_decide(open_reviews)
        Review = self.env["gender.equality.approval.review"].sudo()
        decided = Review.browse([review.id for review in reviews.values()])
        decided.write({"state": "approved", "done_by_id": self.env.uid, "done_date": fields.Datetime.now()})
        # Written first: the row of the decided review is what serialises two decisions of the
        # same stage (see ``_approval_check_can_decide``), before anything else is written.
        decided.flush_recordset()
        todos = self._approval_todos()
        outbox = self._approval_log_items(
            {
                record.id: self.env._(
                    "Approved at the stage %(stage)s.", stage=reviews[record.id].stage_id.name
                )
                for record in self
            }
        )
        # The waiting reviews that come next were read with the pending ones.
        waiting = open_reviews.filtered(lambda review: review.state == "waiting")
        completed = self._approval_advance(outbox=outbox, waiting=waiting)
        if completed:
            completed._approval_notify_submitter(
                lambda record: record.env._("%(record)s is approved.", record=record.display_name), outbox
            )
        self._gep_deliver(outbox)
        feedback = self._gep_feedback(self._workflow_feedback_message("approved"), self.env._("Approved"))
        todos._gep_unlink_todos()
        return feedback

    def _approval_complete(self):
        self._workflow_set_decided_state(self._state_approved)
        self.sudo()._workflow_on_approved()

    def _approval_return(self, reason):
        """Return the records to their unit, with a reason, as an approver of the pending stage."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why you return the record to its unit."))
        reviews = self._approval_check_can_decide()
        now = fields.Datetime.now()
        Review = self.env["gender.equality.approval.review"].sudo()
        Review.browse([review.id for review in reviews.values()]).write(
            {"state": "returned", "done_by_id": self.env.uid, "done_date": now, "reason": reason}
        )
        self._approval_cancel()
        self._approval_set_returned(reason, now)
        self._workflow_set_decided_state(self._state_returned)
        self._workflow_on_returned(reason)
        self._approval_notify_submitter(
            lambda record: self._approval_with_reason(
                record,
                record.env._(
                    "%(record)s was returned to its unit by %(user)s.",
                    record=record.display_name,
                    user=self.env.user.name,
                ),
                reason,
            )
        )
        return True

    def _approval_reopen(self, reason):
        """Reopen approved records with a reason: the history gets a 'returned' review."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why you reopen the record."))
        Review = self.env["gender.equality.approval.review"].sudo()
        now = fields.Datetime.now()
        last_reviews = {}
        for review in Review.search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)],
            order="round desc, sequence desc, id desc",
        ):
            last_reviews.setdefault(review.res_id, review)
        Review.create(
            [
                {
                    "res_model": self._name,
                    "res_id": record.id,
                    "unit_id": last.unit_id.id,
                    "stage_id": last.stage_id.id,
                    "sequence": last.sequence + 1,
                    "round": last.round,
                    "state": "returned",
                    "done_by_id": self.env.uid,
                    "done_date": now,
                    "reason": reason,
                }
                for record in self
                if (last := last_reviews.get(record.id))
            ]
        )
        self._approval_set_returned(reason, now)
        self._approval_notify_submitter(
            lambda record: self._approval_with_reason(
                record,
                record.env._(
                    "%(record)s was reopened by %(user)s.",
                    record=record.display_name,
                    user=self.env.user.name,
                ),
                reason,
            )
        )
        return True

    def _approval_with_reason(self, record, message, reason):
        """A notification ``message`` followed by the reason, in ``record``'s language."""
        return Markup("%s<br/>%s") % (message, record.env._("Reason: %(reason)s", reason=reason))

    def _approval_set_returned(self, reason, date):
        self.sudo().write(
            {"last_return_reason": reason, "last_return_by_id": self.env.uid, "last_return_date": date}
        )

    def _approval_cancel(self):
        """End the open reviews of the records (a new round, a return, a cancellation…)."""
        open_reviews = (
            self.env["gender.equality.approval.review"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("state", "in", ("waiting", "pending")),
                ]
            )
        )
        open_reviews.write({"state": "cancelled"})
        self._approval_close_activities()
        return True

    # ------------------------------------------------------------
    # NOTIFICATIONS
    # ------------------------------------------------------------

    def _approval_activity_type(self):
        # The id from the registry's cache (``env.ref`` asks the database whether it exists).
        return self.env["mail.activity.type"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id("gender_equality_plan.mail_activity_type_approval")
        )

    def _approval_on_pending(self, reviews, outbox=None):
        """Give each approver of the newly pending ``reviews`` a to-do on the record, and tell
        them in their inbox (or by e-mail when they have an address); ``outbox``: see
        ``_approval_notify_submitter``."""
        if not reviews:
            return
        activity_type = self._approval_activity_type()
        activities = []
        notifications = []
        readers = defaultdict(lambda: self.env["res.users"])
        for review in reviews:
            record = self.browse(review.res_id)
            for user in review.reviewer_ids - record.submitted_by_id:
                if record.with_user(user).has_access("read"):
                    readers[record] |= user
        for record, approvers in readers.items():
            stage = (
                self.env["gender.equality.approval.review"]
                .sudo()
                .browse([review.id for review in reviews if review.res_id == record.id])[:1]
                .stage_id
            )
            # Written in each approver's language: one message per language.
            by_lang = defaultdict(lambda: self.env["res.users"])
            for user in approvers:
                by_lang[user.lang or self.env.lang] |= user
            for lang, users in by_lang.items():
                record_in_lang = record.with_context(lang=lang)
                note = record_in_lang.env._(
                    "%(record)s waits for your decision at the stage %(stage)s.",
                    record=record_in_lang.display_name,
                    stage=stage.with_context(lang=lang).name,
                )
                summary = record_in_lang.env._("Approve: %(stage)s", stage=stage.with_context(lang=lang).name)
                activities += [
                    {
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": record.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": summary,
                        "note": note,
                        "automated": True,
                        "date_deadline": fields.Date.context_today(self),
                    }
                    for user in users
                ]
                notifications.append(
                    (
                        record,
                        users,
                        record_in_lang.env._("To approve: %(record)s", record=record_in_lang.display_name),
                        note,
                    )
                )
        self.sudo()._workflow_on_pending(reviews)
        self._approval_create_todos(activities)
        items = [(record, users, subject, body, False) for record, users, subject, body in notifications]
        if outbox is None:
            self._gep_deliver(items)
        else:
            outbox += items

    def _approval_close_activities(self):
        """Remove the approval to-dos of the records: the decision is logged in their chatter
        (marking a to-do done posts a message for each record, one at a time)."""
        self._approval_todos()._gep_unlink_todos()
        return True

    def _approval_create_todos(self, vals_list):
        """Create the approval to-dos ``vals_list`` quietly (the workflow's notification tells
        their assignees), their assignees following the records as Odoo's ``mail.activity``
        makes them, in one subscription per record instead of one per assignee
        (``gep_followers_done``: see ``models/mail_thread.py``). The assignees are active
        internal users who may read the record (approvers, members of a unit)."""
        if not vals_list:
            return self.env["mail.activity"]
        users = self.env["res.users"].sudo().browse({vals["user_id"] for vals in vals_list})
        partners_by_record = defaultdict(set)
        for vals in vals_list:
            partner = users.browse(vals["user_id"]).partner_id
            if partner.active:
                partners_by_record[vals["res_id"]].add(partner.id)
        # One subscription for the records of the same assignees (a stage of the Department: all).
        records_by_partners = defaultdict(list)
        for record_id, partner_ids in partners_by_record.items():
            records_by_partners[frozenset(partner_ids)].append(record_id)
        for partner_ids, record_ids in records_by_partners.items():
            # Internal users: none of them is a customer (``partner_share``).
            self.sudo().browse(record_ids)._message_subscribe(
                partner_ids=sorted(partner_ids), customer_ids=[]
            )
        done = frozenset(
            (self._name, record_id, partner_id)
            for record_id, partner_ids in partners_by_record.items()
            for partner_id in partner_ids
        )
        # What ``mail.activity`` computes after the insertion (an update of the rows), given with
        # it: the same values, from records the decision has read.
        names = {record.id: record.display_name for record in self.sudo()}
        vals_list = [
            {
                "res_model": self._name,
                "res_name": names.get(vals["res_id"]) or self.sudo().browse(vals["res_id"]).display_name,
                "user_tz": users.browse(vals["user_id"]).tz,
                "date_done": False,
                **vals,
            }
            for vals in vals_list
        ]
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True, gep_followers_done=done)
            .create(vals_list)
        )

    def _approval_log_items(self, bodies):
        """Items of ``_gep_deliver`` that log ``bodies`` (``{record id: body}``) in the chatters."""
        return [
            (self.browse(record_id), self.env["res.users"], False, body, self.GEP_LOG)
            for record_id, body in bodies.items()
        ]

    def _approval_todos(self):
        """The approval to-dos of the records, with what their deletion reads, in one query."""
        return (
            self.env["mail.activity"]
            .sudo()
            .search_fetch(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", self._approval_activity_type().id),
                ],
                ["user_id", "date_deadline"],
            )
        )

    def _approval_notify_submitter(self, body_getter, outbox=None):
        """Tell the submitter of each record, in the chatter and in their inbox. ``outbox``: a
        list that gathers what a decision writes in the chatters and inboxes, delivered at once
        by the caller (``_gep_deliver``); without it, delivered here."""
        items = [] if outbox is None else outbox
        for record in self:
            submitter = record.submitted_by_id
            # Written in the submitter's language.
            record_in_lang = record.with_context(lang=submitter.lang or self.env.lang)
            recipients = submitter if submitter and submitter != self.env.user else self.env["res.users"]
            items.append((record, recipients, record_in_lang.display_name, body_getter(record_in_lang), True))
        if outbox is None:
            self._gep_deliver(items)

    # ------------------------------------------------------------
    # DECISIONS ON A SELECTION (issue 20): the list's Approve / Return
    # ------------------------------------------------------------

    def _approval_selection_refusals(self, decision):
        """``{record: why the current user may not take decision on it now}`` for a selection of
        records (``decision``: ``"approve"`` or ``"return"``), with the checks and the words of
        ``action_approve`` / ``action_return``: its status, the user's right to decide its
        pending stage (``_approval_get_refusal``) and, for an approval, the record's own
        conditions (``_workflow_check_approvable``). The records that are not named here are
        decided together by one call of the action (``gender.equality.approval.batch.wizard``)."""
        action = self.env._("approved") if decision == "approve" else self.env._("returned")
        refusals = {}
        for record in self:
            try:
                record._workflow_check_state((self._state_review,), action)
            except UserError as error:
                refusals[record] = error.args[0]
        waiting = self - self.browse([record.id for record in refusals])
        reviews = {review.res_id: review for review in waiting._approval_pending_reviews()}
        for record in waiting:
            refusal = record._approval_get_refusal(reviews.get(record.id), self.env.user)
            if refusal:
                refusals[record] = refusal
                continue
            if decision == "approve":
                try:
                    record._workflow_check_approvable()
                except UserError as error:
                    refusals[record] = error.args[0]
        return refusals
