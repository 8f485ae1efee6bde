# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class GenderEqualityApprovalMixin(models.AbstractModel):
    """A declarative approval chain for records that belong to a unit.

    The chain of a model is the list of its active ``gender.equality.approval.stage`` records.
    Each submission (round) creates one review per stage; the first is pending, the others
    wait. Consumers call ``_approval_start``, ``_approval_approve``, ``_approval_return``,
    ``_approval_reopen`` and ``_approval_cancel``, and override the hooks
    ``_on_approval_complete`` and ``_on_approval_returned``. They must inherit
    ``mail.thread`` and ``mail.activity.mixin`` and have a ``unit_id`` (or override
    ``_approval_get_unit``). A stage with a condition (``domain``) is part of the chain of
    the records that match it only.
    """

    _name = "gender.equality.approval.mixin"
    _description = "Approval Workflow Mixin"

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

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    def _approval_pending_reviews(self):
        """Pending reviews of the records, in one query."""
        return (
            self.env["gender.equality.approval.review"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "pending")])
        )

    def _compute_approval_stage_id(self):
        stage_by_record = {review.res_id: review.stage_id for review in self._approval_pending_reviews()}
        for record in self:
            record.approval_stage_id = stage_by_record.get(record.id, False)

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

    # ------------------------------------------------------------
    # RULES
    # ------------------------------------------------------------

    def _approval_get_unit(self):
        self.ensure_one()
        return self.unit_id

    def _approval_get_stages(self):
        """The active stages of the model; ``_approval_get_record_stages`` picks those of each record."""
        return self.env["gender.equality.approval.stage"].search([("res_model", "=", self._name)])

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
        if stage.approver_type == "unit_manager" and user not in unit.manager_ids:
            return self.env._(
                "Only a head of the unit %(unit)s can decide the stage %(stage)s of %(record)s.",
                unit=unit.display_name,
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

    def _approval_check_can_decide(self):
        """Raise unless the current user may decide the pending stage of every record."""
        reviews = {review.res_id: review for review in self._approval_pending_reviews()}
        for record in self:
            review = reviews.get(record.id)
            if not review:
                raise UserError(
                    self.env._("%(record)s is not waiting for an approval.", record=record.display_name)
                )
            refusal = record._approval_get_refusal(review, self.env.user)
            if refusal:
                raise AccessError(refusal)
        return reviews

    # ------------------------------------------------------------
    # WORKFLOW
    # ------------------------------------------------------------

    def _approval_start(self):
        """Open a new round of reviews (one per active stage) and notify the first approvers."""
        Review = self.env["gender.equality.approval.review"].sudo()
        stages_by_record = self._approval_get_record_stages()
        self._approval_cancel()
        last_rounds = {
            res_id: max_round
            for res_id, max_round in Review._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["round:max"],
            )
        }
        vals_list = []
        for record in self:
            unit = record._approval_get_unit()
            for index, stage in enumerate(stages_by_record[record.id]):
                approvers = stage._get_approvers(unit)
                if not approvers:
                    raise UserError(
                        self.env._(
                            "Nobody can approve the stage %(stage)s of %(record)s: "
                            "ask the Department of Health to configure its approvers.",
                            stage=stage.name,
                            record=record.display_name,
                        )
                    )
                vals_list.append(
                    {
                        "res_model": self._name,
                        "res_id": record.id,
                        "unit_id": unit.id,
                        "stage_id": stage.id,
                        "sequence": stage.sequence,
                        "round": last_rounds.get(record.id, 0) + 1,
                        "state": "pending" if index == 0 else "waiting",
                        "reviewer_ids": [fields.Command.set(approvers.ids)],
                    }
                )
        reviews = Review.create(vals_list)
        self._approval_set_submitted()
        self._approval_notify_pending(reviews.filtered(lambda review: review.state == "pending"))
        # A record without a stage in its chain is approved at once.
        without_chain = self.filtered(lambda record: not stages_by_record[record.id])
        if without_chain:
            without_chain._on_approval_complete()
        return reviews

    def _approval_set_submitted(self):
        self.sudo().write({"submitted_by_id": self.env.uid, "submitted_date": fields.Datetime.now()})

    def _approval_approve(self):
        """Approve the pending stage of the records as the current user."""
        reviews = self._approval_check_can_decide()
        Review = self.env["gender.equality.approval.review"].sudo()
        completed = self.browse()
        to_notify = Review
        for record in self:
            review = reviews[record.id]
            review.write(
                {"state": "approved", "done_by_id": self.env.uid, "done_date": fields.Datetime.now()}
            )
            record._approval_close_activities(done_by=self.env.user)
            record._message_log(
                body=self.env._("Approved at the stage %(stage)s.", stage=review.stage_id.name),
            )
            next_review = Review.search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", record.id),
                    ("round", "=", review.round),
                    ("state", "=", "waiting"),
                ],
                order="sequence, id",
                limit=1,
            )
            if next_review:
                next_review.state = "pending"
                to_notify |= next_review
            else:
                completed |= record
        self._approval_notify_pending(to_notify)
        if completed:
            completed._on_approval_complete()
            completed._approval_notify_submitter(
                lambda record: record.env._("%(record)s is approved.", record=record.display_name)
            )
        return True

    def _approval_return(self, reason):
        """Return the records to their unit, with a reason, as an approver of the pending stage."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why you return the record to its unit."))
        reviews = self._approval_check_can_decide()
        now = fields.Datetime.now()
        for record in self:
            review = reviews[record.id]
            review.write(
                {"state": "returned", "done_by_id": self.env.uid, "done_date": now, "reason": reason}
            )
            record._approval_cancel()
        self._approval_set_returned(reason, now)
        self._on_approval_returned(reason)
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
        vals_list = []
        for record in self:
            last = last_reviews.get(record.id)
            if last:
                vals_list.append(
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
                )
        Review.create(vals_list)
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
        """End the open reviews of the records (a new round, a cancellation…)."""
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
    # HOOKS
    # ------------------------------------------------------------

    def _on_approval_complete(self):
        """Called when the last stage approved the records."""

    def _on_approval_returned(self, reason):
        """Called when an approver returned the records to their unit."""

    # ------------------------------------------------------------
    # NOTIFICATIONS
    # ------------------------------------------------------------

    def _approval_activity_type(self):
        return self.env.ref("gender_equality_plan.mail_activity_type_approval")

    def _approval_email_from(self):
        """Sender of the notifications: the user, or the company when the user has no e-mail."""
        return self.env.user.email_formatted or self.env.company.partner_id.email_formatted or False

    def _approval_notify_pending(self, reviews):
        """Give each approver of the newly pending ``reviews`` a to-do on the record, and tell them."""
        activity_type = self._approval_activity_type()
        for review in reviews:
            record = self.browse(review.res_id)
            users = (review.reviewer_ids - record.submitted_by_id).filtered(
                lambda user, record=record: record.with_user(user).has_access("read")
            )
            if not users:
                continue
            # Written in the approvers' language (the demo and the tests act in English).
            record = record.with_context(lang=users[:1].lang or self.env.lang)
            note = record.env._(
                "%(record)s waits for your decision at the stage %(stage)s.",
                record=record.display_name,
                stage=review.stage_id.name,
            )
            # The to-dos are created quietly: the message below tells the approvers, with a
            # sender address that works for users who have no e-mail address.
            quiet_record = record.sudo().with_context(mail_activity_quick_update=True)
            for user in users:
                quiet_record.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=record.env._("Approve: %(stage)s", stage=review.stage_id.name),
                    note=note,
                )
            record.sudo().message_notify(
                partner_ids=users.partner_id.ids,
                author_id=self.env.user.partner_id.id,
                email_from=self._approval_email_from(),
                subject=record.env._("To approve: %(record)s", record=record.display_name),
                body=note,
            )

    def _approval_close_activities(self, done_by=None):
        """Mark the approval to-do of ``done_by`` done and remove the other approval to-dos."""
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", self._approval_activity_type().id),
                ]
            )
        )
        done = activities.filtered(lambda activity: done_by and activity.user_id == done_by)
        (activities - done).unlink()
        if done:
            done.action_feedback()
        return True

    def _approval_notify_submitter(self, body_getter):
        """Tell the submitter of each record (in the chatter, with a notification)."""
        for record in self:
            submitter = record.submitted_by_id
            # Written in the submitter's language.
            record_in_lang = record.with_context(lang=submitter.lang or self.env.lang)
            record_in_lang.sudo().message_post(
                body=body_getter(record_in_lang),
                author_id=self.env.user.partner_id.id,
                email_from=self._approval_email_from(),
                partner_ids=submitter.partner_id.ids if submitter and submitter != self.env.user else [],
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
