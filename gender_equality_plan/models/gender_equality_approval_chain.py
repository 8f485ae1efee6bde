# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from collections import defaultdict

from lxml import etree
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.mimetypes import guess_mimetype

from ..tools import roles


class GenderEqualityApprovalChain(models.AbstractModel):
    """How the approval chain of ``gender.equality.approval.mixin`` is passed, whatever the
    unit's accounts look like (its own file, as the extension of the mixin that it is).

    In a province where most heads of unit have no account yet, the head signs the paper
    document and the Department receives it. Each stage says what happens when nobody can
    decide it (``without_approver``) and whether an approver's own submission is his decision
    (``submitter_decides``); each unit says how its head's step is done while it has no head
    account (``no_head_mode``: on paper or skipped, set by the Department). From them,
    ``_approval_plan`` tells how each stage of a record will be passed (``app``, ``submission``,
    ``paper``, ``skip``), the submission tells the submitter before anything happens
    (``_approval_submit_notices``), and ``_approval_advance`` passes the stages that need no
    decision and makes the next one pending. A stage signed on paper is recorded by a member of
    the unit with the scan (``_approval_record_paper``), refused once the unit has a head
    account; the Department manager sees the scan and can revert it
    (``action_revert_paper_approval``). The forms of the workflow get their buttons from
    ``_get_view``.
    """

    _inherit = "gender.equality.approval.mixin"

    approval_paper_message = fields.Char(
        compute="_compute_approval_paper",
        string="Signature on Paper",
        help="The current stage waits for the head's signature on paper: what the unit does next.",
    )
    can_record_paper = fields.Boolean(
        compute="_compute_approval_paper",
        string="Can I Record the Signature on Paper",
        help="You are a member of the unit whose head signs the current stage on paper.",
    )
    can_revert_paper = fields.Boolean(
        compute="_compute_approval_paper",
        string="Can I Revert the Approval on Paper",
        help="The Department manager may return a record whose head's approval was recorded on paper "
        "(a scan that is not the signed document, a wrong signer...).",
    )

    # ------------------------------------------------------------
    # THE CHAIN AS IT WILL BE PASSED (issue 18): units without a head account, heads who
    # submit, stages done on paper or skipped
    # ------------------------------------------------------------

    def _approval_plan(self, submitter):
        """``{record id: [(stage, approvers, mode)]}``: the chain of each record as it is passed
        if ``submitter`` submits it now.

        ``mode`` says how each stage is decided (``gender.equality.approval.stage._get_step_mode``):
        ``app`` (its approvers decide in the application), ``paper`` (the head signs on paper, a
        member of the unit records it), ``skip``, None (nobody: the submission is refused), or
        ``submission``: the stage takes the submitter's own submission as his decision
        (``submitter_decides``) and the submitter is one of its approvers. Only the stage that
        the record reaches at its submission (the first one not skipped) is decided so: every
        later stage waits for its own approvers (nobody approves what they submitted).
        """
        stages_by_record = self._approval_get_record_stages()
        plan = {}
        for record in self:
            unit = record._approval_get_unit()
            steps = []
            reached = True
            for stage in stages_by_record[record.id]:
                approvers = stage._get_approvers(unit)
                mode = stage._get_step_mode(unit, approvers)
                if reached and mode == "app" and stage.submitter_decides and submitter in approvers:
                    mode = "submission"
                if mode != "skip":
                    reached = False
                steps.append((stage, approvers, mode))
            plan[record.id] = steps
        return plan

    def _approval_check_chain(self, plan):
        """Raise when a stage of the chain of a record has nobody to decide it (``plan``: see
        ``_approval_plan``)."""
        for record in self:
            for stage, __, mode in plan[record.id]:
                if mode is None:
                    raise UserError(
                        self.env._(
                            "Nobody can approve the stage %(stage)s of %(record)s: "
                            "ask the Department of Health to configure its approvers.",
                            stage=stage.name,
                            record=record.sudo().display_name,
                        )
                    )

    def _approval_submit_notices(self):
        """What the submission will do that the submitter must know before (shown with the
        warnings): stages signed on paper, skipped, or decided by the submitter himself."""
        notices = []
        plan = self._approval_plan(self.env.user)
        for record in self:
            unit = record._approval_get_unit().sudo()
            steps = plan[record.id]
            for index, (stage, __, mode) in enumerate(steps):
                following = next((step[0].name for step in steps[index + 1 :] if step[2] != "skip"), None)
                deciding_unit = stage._get_deciding_unit(unit) or unit
                if mode == "paper":
                    notices.append(
                        self.env._(
                            "%(unit)s has no head account: the stage %(stage)s is signed on paper. After "
                            "submitting, print the document, have the head sign it, then record the scan "
                            "of the signed document with the button “Record the Signature on Paper”.",
                            unit=deciding_unit.name,
                            stage=stage.name,
                        )
                    )
                elif mode == "skip":
                    notices.append(
                        self.env._(
                            "%(unit)s has no head account and the Department of Health set its head's "
                            "step to be skipped: the stage %(stage)s is skipped.",
                            unit=deciding_unit.name,
                            stage=stage.name,
                        )
                    )
                elif mode == "submission":
                    notices.append(
                        self.env._(
                            "You are a head of %(unit)s: your submission is your approval at the stage "
                            "%(stage)s.",
                            unit=deciding_unit.name,
                            stage=stage.name,
                        )
                        + " "
                        + (
                            self.env._("It then waits for the stage %(next)s.", next=following)
                            if following
                            else self.env._("No other stage follows: it is approved at once.")
                        )
                    )
        return notices

    # ------------------------------------------------------------
    # WORDS FOR THE USER: the submission's notices, the approval's confirmation
    # ------------------------------------------------------------

    def _workflow_confirm_title(self, method):
        if method == "action_approve":
            return self.env._("Approve %(records)s", records=self._gep_model_label())
        return super()._workflow_confirm_title(method)

    def _workflow_confirm_message(self, method):
        names = ", ".join(self.sudo().mapped("display_name"))
        if method == "action_submit":
            return self._workflow_submit_confirm_message(names)
        if method == "action_approve":
            return Markup("<p>%s</p>") % self.env._(
                "%(records)s will be approved at the stage %(stage)s.",
                records=names,
                stage=self.approval_stage_id[:1].name,
            )
        return super()._workflow_confirm_message(method)

    def _workflow_confirm_label(self, method):
        if method == "action_submit" and not self._workflow_submit_warnings():
            return self.env._("Submit")
        if method == "action_approve":
            return self.env._("Approve")
        return super()._workflow_confirm_label(method)

    def _workflow_feedback_message(self, event):
        if event == "submitted":
            names = ", ".join(self.sudo().mapped("display_name"))
            if all(self.mapped("is_locked")):
                return self.env._(
                    "%(records)s is submitted and approved: no stage of its approval chain waits for "
                    "another decision.",
                    records=names,
                )
            if any(self.mapped("approval_paper_message")):
                return self.env._(
                    "%(records)s is submitted. The stage %(stage)s is signed on paper: once the head has "
                    "signed the document, record the scan with the button “Record the Signature on "
                    "Paper”.",
                    records=names,
                    stage=self.approval_stage_id[:1].name,
                )
        return super()._workflow_feedback_message(event)

    def _approval_get_refusal(self, review, user):
        """A stage signed on paper is not decided in the application: its signature is recorded
        (``_approval_record_paper``)."""
        if review and review.state == "pending" and review.mode == "paper":
            return self.env._(
                "The stage %(stage)s of %(record)s is signed on paper: a member of the unit records "
                "the head's signature with the scan of the signed document.",
                stage=review.stage_id.name,
                record=self.sudo().display_name,
            )
        return super()._approval_get_refusal(review, user)

    def _workflow_submit_confirm_message(self, names):
        """The dialog before submitting: the warnings (the record can be completed first), then
        what the submission does to the approval chain."""
        warnings = self._workflow_submit_warnings()
        notices = self._approval_submit_notices()
        parts = []
        if warnings:
            parts.append(
                Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._("%(records)s can be submitted, but:", records=names),
                    Markup("").join(Markup("<li>%s</li>") % warning for warning in warnings),
                )
            )
        if notices:
            parts.append(
                Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._("When %(records)s is submitted:", records=names),
                    Markup("").join(Markup("<li>%s</li>") % notice for notice in notices),
                )
            )
        closing = (
            self.env._("Submit it anyway, or go back to complete it.")
            if warnings
            else self.env._("Submit it, or go back.")
        )
        return Markup("").join(parts) + Markup("<p>%s</p>") % closing

    def _approval_advance(self, outbox=None, waiting=None):
        """Pass the stages of the current round that need no decision now: those that the
        submission decided (``submission``) and the skipped ones; make the next stage pending
        and tell who decides it. Return the records that have no stage left: approved.
        ``outbox``: a list that gathers the logs and notifications, delivered by the caller
        (``_gep_deliver``); without it, they are delivered here, before the records that have
        no stage left are approved. ``waiting``: the waiting reviews of the records, when the
        caller read them already (``_approval_open_reviews``)."""
        Review = self.env["gender.equality.approval.review"].sudo()
        now = fields.Datetime.now()
        waiting = self._approval_waiting_by_record(waiting)
        pending, decided, skipped = Review.browse(), Review.browse(), Review.browse()
        logs = defaultdict(list)
        for record in self:
            for review in waiting[record.id]:
                if review.mode == "submission":
                    decided |= review
                    logs[record.id].append(
                        self.env._(
                            "Approved at the stage %(stage)s by submitting it: the head's own "
                            "submission is his decision.",
                            stage=review.stage_id.name,
                        )
                    )
                elif review.mode == "skip":
                    skipped |= review
                    logs[record.id].append(
                        self.env._(
                            "The stage %(stage)s is skipped: the unit has no head account and the "
                            "Department of Health set its head's step to be skipped.",
                            stage=review.stage_id.name,
                        )
                    )
                else:
                    pending |= review
                    if review.mode == "paper":
                        logs[record.id].append(
                            self.env._(
                                "The stage %(stage)s is signed on paper: the unit has no head account. "
                                "Once the head has signed the document, a member of the unit records "
                                "it with the scan of the signed document.",
                                stage=review.stage_id.name,
                            )
                        )
                    break
        # Decided by their submitter (one write per submitter: usually the current user).
        by_submitter = defaultdict(Review.browse)
        for review in decided:
            by_submitter[self.browse(review.res_id).submitted_by_id.id] |= review
        for submitter_id, reviews in by_submitter.items():
            reviews.write({"state": "approved", "done_by_id": submitter_id, "done_date": now})
        skipped.write({"state": "skipped", "done_date": now})
        pending.write({"state": "pending"})
        items = [] if outbox is None else outbox
        items += self._approval_log_items(
            {record_id: Markup("<br/>").join(lines) for record_id, lines in logs.items()}
        )
        self._approval_on_pending(pending, items)
        self._approval_on_paper_pending(pending.filtered(lambda review: review.mode == "paper"), items)
        if outbox is None:
            self._gep_deliver(items)
        waiting_ids = set(pending.mapped("res_id"))
        completed = self.filtered(lambda record: record.id not in waiting_ids)
        if completed:
            completed._approval_complete()
        return completed

    def _approval_waiting_by_record(self, waiting=None):
        """``{record id: [review]}``: the waiting reviews of the current round of each record, in
        the order of the chain (``waiting``: the waiting reviews, when the caller read them)."""
        if waiting is None:
            waiting = (
                self.env["gender.equality.approval.review"]
                .sudo()
                .search(
                    [("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "waiting")]
                )
            )
        by_record = defaultdict(list)
        rounds = {}
        for review in waiting.sorted(lambda review: (-review.round, review.sequence, review.id)):
            rounds.setdefault(review.res_id, review.round)
            if review.round == rounds[review.res_id]:
                by_record[review.res_id].append(review)
        return by_record

    # ------------------------------------------------------------
    # PAPER: the head's signature on the paper document (issue 18)
    # ------------------------------------------------------------

    @api.depends("review_ids.state", "review_ids.mode")
    @api.depends_context("uid")
    def _compute_approval_paper(self):
        pending = {review.res_id: review for review in self._approval_pending_reviews()}
        reverted = self._approval_current_paper_reviews() if roles.is_department_manager(self.env) else {}
        for record in self:
            review = pending.get(record.id)
            on_paper = bool(review) and review.mode == "paper"
            record.approval_paper_message = (
                self.env._(
                    "The stage %(stage)s waits for the head's signature on paper: print the document, "
                    "have the head sign it, then a member of the unit records the scan of the signed "
                    "document.",
                    stage=review.stage_id.name,
                )
                if on_paper
                else False
            )
            record.can_record_paper = on_paper and not record._approval_get_paper_refusal(
                review, self.env.user
            )
            record.can_revert_paper = (
                record.id in reverted and record[self._state_field] == self._state_review
            )

    def _approval_current_paper_reviews(self):
        """``{record id: review}``: the approvals on paper of the records' current round."""
        Review = self.env["gender.equality.approval.review"].sudo()
        reviews = Review.search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], order="round desc, sequence, id"
        )
        current = {}
        for review in reviews:
            current.setdefault(review.res_id, review.round)
        return {
            review.res_id: review
            for review in reviews
            if review.round == current[review.res_id]
            and review.mode == "paper"
            and review.state == "approved"
        }

    def _approval_get_paper_refusal(self, review, user):
        """Why ``user`` may not record the head's signature on paper for ``review`` of this
        record, or False. The integrity policy of the step: only a stage that the Department
        set to be signed on paper and that has no head account to decide it, only by a member
        of the unit whose head signs; once the unit has a head account, the head decides in the
        application (a unit does not approve its own record by claiming a paper it does not
        need)."""
        self.ensure_one()
        record = self.sudo()
        if not review or review.state != "pending" or review.mode != "paper":
            return self.env._(
                "%(record)s is not waiting for a signature on paper.", record=record.display_name
            )
        unit = record._approval_get_unit()
        stage = review.stage_id
        deciding_unit = stage._get_deciding_unit(unit)
        heads = stage._get_approvers(unit)
        if heads:
            return self.env._(
                "%(unit)s has a head account (%(heads)s): the head decides the stage %(stage)s in the "
                "application, not on paper.",
                unit=deciding_unit.name,
                heads=", ".join(heads.mapped("name")),
                stage=stage.name,
            )
        if not self.env.su and (not deciding_unit or user not in deciding_unit.user_ids):
            return self.env._(
                "Only a member of %(unit)s records the signature of its head on paper.",
                unit=(deciding_unit or unit).name,
            )
        return False

    def action_record_paper_approval(self):
        """Open the dialog that records the head's signature on paper (with the signed scan)."""
        self.ensure_one()
        refusal = self._approval_get_paper_refusal(self._approval_pending_reviews(), self.env.user)
        if refusal:
            raise AccessError(refusal)
        return self.env["gender.equality.paper.approval.wizard"]._get_action(self)

    def _approval_record_paper(self, scan, filename, signer, signed_date):
        """Record the approval of the pending stage signed on paper by the head ``signer`` on
        ``signed_date``, with ``scan`` (base64: the signed document, PDF or image), as the
        current user: the review is approved, says it was on paper and who recorded it, keeps
        the scan, and the record goes on to its next stage."""
        self.ensure_one()
        self._workflow_check_state((self._state_review,), self.env._("recorded as signed on paper"))
        self.check_access("read")
        review = self._approval_pending_reviews()
        refusal = self._approval_get_paper_refusal(review, self.env.user)
        if refusal:
            raise AccessError(refusal)
        signer = (signer or "").strip()
        if not signer:
            raise UserError(self.env._("Give the name of the head who signed the document."))
        signed_date = fields.Date.to_date(signed_date) if signed_date else None
        if not signed_date or signed_date > fields.Date.context_today(self):
            raise UserError(self.env._("Give the date of the signature: today or a day before."))
        try:
            content = base64.b64decode(scan or b"", validate=True)
        except ValueError:
            content = b""
        if not content:
            raise UserError(self.env._("Attach the scan of the document signed by the head: it is required."))
        mimetype = guess_mimetype(content)
        if mimetype not in ("application/pdf", "image/jpeg", "image/png"):
            raise UserError(
                self.env._(
                    "The signed document must be a PDF or an image (JPEG, PNG): a scan or a photo of "
                    "the signed paper."
                )
            )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": (filename or "").strip() or self.env._("Signed document.pdf"),
                    "raw": content,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        review.write(
            {
                "state": "approved",
                "mode": "paper",
                "done_by_id": self.env.uid,
                "done_date": fields.Datetime.now(),
                "paper_signer": signer,
                "paper_date": signed_date,
                "attachment_ids": [fields.Command.set(attachment.ids)],
            }
        )
        self._approval_close_activities()
        self.sudo()._message_log(
            body=self.env._(
                "Approved on paper at the stage %(stage)s: signed by %(signer)s on %(date)s; recorded "
                "by %(user)s with the signed document.",
                stage=review.stage_id.name,
                signer=signer,
                date=signed_date.strftime("%d/%m/%Y"),
                user=self.env.user.name,
            ),
            author_id=self.env.user.partner_id.id,
            attachment_ids=attachment.ids,
        )
        completed = self._approval_advance()
        if completed:
            completed._approval_notify_submitter(
                lambda record: record.env._("%(record)s is approved.", record=record.display_name)
            )
        stage = self.approval_stage_id.name
        message = (
            self.env._(
                "The head's signature on paper is recorded: %(record)s now waits for the stage %(stage)s.",
                record=self.sudo().display_name,
                stage=stage,
            )
            if stage
            else self.env._(
                "The head's signature on paper is recorded: %(record)s is approved.",
                record=self.sudo().display_name,
            )
        )
        return self._gep_feedback(message, self.env._("Recorded"))

    def action_revert_paper_approval(self, reason=None):
        """Return records whose head's approval was recorded on paper to their unit, with a
        reason (the Department manager: the scan is not the signed document, the signer is
        wrong...). Without a reason (a button), ask for it. The review on paper stays in the
        history, followed by the return."""
        if not roles.is_department_manager(self.env):
            raise AccessError(
                self.env._("Only the Department manager reverts an approval recorded on paper.")
            )
        self._workflow_check_state((self._state_review,), self.env._("reverted"))
        paper = self._approval_current_paper_reviews()
        without = self.filtered(lambda record: record.id not in paper)
        if without:
            raise UserError(
                self.env._(
                    "%(record)s has no approval on paper to revert.", record=without[0].sudo().display_name
                )
            )
        if reason is None:
            return self._workflow_reason_action(
                "action_revert_paper_approval", self.env._("Revert the approval on paper")
            )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason why you revert the approval on paper."))
        now = fields.Datetime.now()
        self.env["gender.equality.approval.review"].sudo().create(
            [
                {
                    "res_model": self._name,
                    "res_id": record.id,
                    "unit_id": paper[record.id].unit_id.id,
                    "stage_id": paper[record.id].stage_id.id,
                    "sequence": paper[record.id].sequence,
                    "round": paper[record.id].round,
                    "state": "returned",
                    "done_by_id": self.env.uid,
                    "done_date": now,
                    "reason": reason,
                }
                for record in self
            ]
        )
        self._approval_cancel()
        self._approval_set_returned(reason, now)
        self._workflow_set_decided_state(self._state_returned)
        self._workflow_on_returned(reason)
        self._approval_notify_submitter(
            lambda record: self._approval_with_reason(
                record,
                record.env._(
                    "The approval on paper of %(record)s was reverted by %(user)s: it is returned to its "
                    "unit.",
                    record=record.display_name,
                    user=self.env.user.name,
                ),
                reason,
            )
        )
        return self._gep_feedback(
            self.env._(
                "The approval on paper is reverted: %(records)s is returned to its unit with your reason.",
                records=", ".join(self.sudo().mapped("display_name")),
            ),
            self.env._("Returned"),
        )

    def _approval_on_paper_pending(self, reviews, outbox=None):
        """Give the stages ``reviews`` signed on paper a to-do: for the submitter when he is a
        member of the unit whose head signs, else for that unit's members (``outbox``: see
        ``_approval_notify_submitter``)."""
        if not reviews:
            return
        activity_type = self._approval_activity_type()
        activities, notifications = [], []
        for review in reviews:
            record = self.browse(review.res_id)
            unit = record._approval_get_unit()
            deciding_unit = review.stage_id._get_deciding_unit(unit) or unit
            members = deciding_unit.sudo().user_ids.filtered(lambda user: user.active and not user.share)
            submitter = record.submitted_by_id
            recorders = submitter if submitter in members else members
            for user in recorders.filtered(
                lambda user, record=record: record.with_user(user).has_access("read")
            ):
                record_in_lang = record.with_context(lang=user.lang or self.env.lang)
                stage = review.stage_id.with_context(lang=user.lang or self.env.lang).name
                note = record_in_lang.env._(
                    "%(record)s: have the head of %(unit)s sign the document, then record the scan of "
                    "the signed document (button “Record the Signature on Paper”).",
                    record=record_in_lang.display_name,
                    unit=deciding_unit.name,
                )
                activities.append(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": record.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": record_in_lang.env._("Signature on paper: %(stage)s", stage=stage),
                        "note": note,
                        "automated": True,
                        "date_deadline": fields.Date.context_today(self),
                    }
                )
                if user != self.env.user:
                    notifications.append(
                        (
                            record,
                            user,
                            record_in_lang.env._(
                                "Signature on paper: %(record)s", record=record_in_lang.display_name
                            ),
                            note,
                            False,
                        )
                    )
        self._approval_create_todos(activities)
        if outbox is None:
            self._gep_deliver(notifications)
        else:
            outbox += notifications

    def _approval_on_new_heads(self, reviews):
        """The stages ``reviews`` (of these records) that waited for a signature on paper now
        have head accounts to decide them (see ``gender.equality.approval.review``): the paper
        to-dos go, the heads are asked."""
        self._approval_close_activities()
        self.sudo()._message_log_batch(
            bodies={
                review.res_id: self.env._(
                    "The unit now has a head account: the stage %(stage)s is decided in the application, "
                    "no longer on paper.",
                    stage=review.stage_id.name,
                )
                for review in reviews
            },
            author_id=self.env.user.partner_id.id,
        )
        self._approval_on_pending(reviews)

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """The buttons and the notice of the stages signed on paper, in every form of the
        workflow (next to its approve button), as ``base_tier_validation`` injects its own."""
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form":
            approve = arch.xpath("//header/button[@name='action_approve']")
            if approve:
                self._approval_inject_paper_nodes(arch, approve[0])
        return arch, view

    @api.model
    def _approval_inject_paper_nodes(self, arch, approve):
        header = approve.getparent()
        buttons = [
            etree.Element(
                "button",
                name="action_revert_paper_approval",
                type="object",
                string=self.env._("Revert the Approval on Paper"),
                invisible="not can_revert_paper",
            ),
            etree.Element(
                "button",
                name="action_record_paper_approval",
                type="object",
                string=self.env._("Record the Signature on Paper"),
                invisible="not can_record_paper",
                **{"class": "btn-primary"},
            ),
        ]
        for button in buttons:
            approve.addnext(button)
        for name in ("can_record_paper", "can_revert_paper"):
            header.append(etree.Element("field", name=name, invisible="1"))
        notice = etree.Element(
            "div",
            role="status",
            invisible="not approval_paper_message",
            **{"class": "alert alert-warning mb-0"},
        )
        etree.SubElement(notice, "field", name="approval_paper_message", readonly="1")
        header.addnext(notice)
