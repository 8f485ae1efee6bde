# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

REVIEW_STATES = [
    ("waiting", "Waiting"),
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("skipped", "Skipped"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
]
REVIEW_MODES = [
    ("app", "In the application"),
    ("submission", "By submitting"),
    ("paper", "On paper"),
    ("skip", "Skipped"),
]


class GenderEqualityApprovalReview(models.Model):
    """One stage of one submission of a record: the approval history, never deleted.

    Reviews are written only by the methods of ``gender.equality.approval.mixin``, which
    check who may act before writing as superuser; users only read them.
    """

    _name = "gender.equality.approval.review"
    _description = "Approval Review"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "res_model, res_id, round desc, sequence, id"

    res_model = fields.Char(string="Document Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", required=True, index=True, readonly=True
    )
    unit_id = fields.Many2one(
        "gender.equality.unit", string="Unit", index=True, readonly=True, ondelete="restrict"
    )
    stage_id = fields.Many2one(
        "gender.equality.approval.stage", string="Stage", required=True, readonly=True, ondelete="restrict"
    )
    name = fields.Char(related="stage_id.name", string="Stage Name")
    sequence = fields.Integer(readonly=True)
    round = fields.Integer(
        readonly=True,
        default=1,
        help="Submission the review belongs to: 1 for the first submission, 2 for the next…",
    )
    state = fields.Selection(
        REVIEW_STATES,
        required=True,
        default="waiting",
        readonly=True,
        help="Waiting: an earlier stage has not approved yet.\n"
        "Pending: the approvers of this stage must decide.\n"
        "Approved: an approver of this stage approved (in the application, by submitting the "
        "record himself, or on paper: see How).\n"
        "Skipped: the unit has no head account and the Department set its head's step to be "
        "skipped: nobody decided.\n"
        "Returned: an approver returned the record to its unit, with a reason.\n"
        "Cancelled: the submission ended before this stage was reached.",
    )
    mode = fields.Selection(
        REVIEW_MODES,
        string="How",
        required=True,
        default="app",
        readonly=True,
        help="In the application: an approver of the stage decides in the application.\n"
        "By submitting: an approver of the stage submitted the record himself; his submission is "
        "his decision (Decided by: him, at the submission).\n"
        "On paper: the unit has no head account; the head signed the paper document and a member "
        "of the unit recorded it with the scan of the signed document (Decided by: who recorded "
        "it).\nSkipped: the unit has no head account and the Department set its head's step to "
        "be skipped.",
    )
    paper_signer = fields.Char(string="Signed on Paper by", readonly=True)
    paper_date = fields.Date(string="Signed on Paper on", readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "gender_equality_approval_review_attachment_rel",
        "review_id",
        "attachment_id",
        string="Signed Document",
        readonly=True,
        help="The scan of the paper document signed by the head (approvals on paper).",
    )
    reviewer_ids = fields.Many2many(
        "res.users",
        "gender_equality_approval_review_res_users_rel",
        "review_id",
        "user_id",
        string="Allowed Approvers",
        readonly=True,
    )
    done_by_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    done_date = fields.Datetime(string="Decided on", readonly=True)
    reason = fields.Text(readonly=True)

    # ------------------------------------------------------------
    # HEAD ACCOUNTS THAT ARRIVE
    # ------------------------------------------------------------

    @api.model
    def _approval_assign_new_heads(self):
        """Give the head's steps waiting for a signature on paper to the heads that their unit has
        now (an account created, a role given, a member added): the step is then decided in the
        application, as for any unit with a head account, and its new approvers are told."""
        waiting = self.sudo().search([("state", "=", "pending"), ("mode", "=", "paper")])
        by_model = defaultdict(lambda: self.sudo().browse())
        for review in waiting:
            approvers = review.stage_id._get_approvers(review.unit_id)
            if approvers:
                review.write({"mode": "app", "reviewer_ids": [fields.Command.set(approvers.ids)]})
                by_model[review.res_model] |= review
        for model, reviews in by_model.items():
            self.env[model].sudo().browse(reviews.mapped("res_id"))._approval_on_new_heads(reviews)
        return True
