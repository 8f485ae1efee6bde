# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

REVIEW_STATES = [
    ("waiting", "Waiting"),
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("returned", "Returned"),
    ("cancelled", "Cancelled"),
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
        "Approved: an approver of this stage approved.\n"
        "Returned: an approver returned the record to its unit, with a reason.\n"
        "Cancelled: the submission ended before this stage was reached.",
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
