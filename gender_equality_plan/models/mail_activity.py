# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

APPROVAL_TYPE = "gender_equality_plan.mail_activity_type_approval"
# What makes an approval to-do what it is: whose it is, of which kind, on which record.
IDENTITY_FIELDS = frozenset({"user_id", "activity_type_id", "res_model_id", "res_model", "res_id"})


class MailActivity(models.Model):
    """Approval to-dos belong to the workflow.

    The workflow gives each approver of a pending stage a to-do of the type *Approval* on the
    record, and removes the to-dos when the stage is decided (approved or returned), as
    superuser. For a user bound by the policy, on the records of the module:

    - nobody creates an approval to-do, or turns another to-do into one;
    - only its assignee changes one (its deadline, its note: not whose it is, its kind or its
      record) or deletes it; nobody else touches it;
    - nobody marks one done, not even its assignee: its "done" in the chatter would read as a
      decision that was not taken. The approver decides with *Approve* or *Return* on the
      record, and the to-do closes by itself.

    Odoo only asks for write access on the record, which the submitter of a plan has.
    """

    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            approval = self._gep_approval_type()
            for vals in vals_list:
                model = vals.get("res_model") or (
                    vals.get("res_model_id")
                    and self.env["ir.model"].sudo().browse(vals["res_model_id"]).model
                )
                if vals.get("activity_type_id") == approval.id and self._gep_bound_model(model):
                    raise AccessError(self._gep_workflow_only_message())
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            # Odoo's access first: a user who may not see a to-do is told only that.
            self.check_access("write")
            approvals = self._gep_approval_todos()
            if approvals:
                approvals._gep_check_assignee()
                if IDENTITY_FIELDS & vals.keys():
                    raise AccessError(self._gep_workflow_only_message())
            if vals.get("activity_type_id") == self._gep_approval_type().id and any(
                self._gep_bound_model(model) for model in set(self.sudo().mapped("res_model"))
            ):
                raise AccessError(self._gep_workflow_only_message())
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._gep_approval_todos()._gep_check_assignee()
        return super().unlink()

    def _action_done(self, feedback=False, attachment_ids=None):
        if not self.env.su:
            if self._gep_approval_todos():
                raise AccessError(
                    self.env._(
                        "An approval to-do is not marked done: decide with Approve or Return on the "
                        "record, and the to-do closes by itself."
                    )
                )
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    # ------------------------------------------------------------
    # RULES
    # ------------------------------------------------------------

    @api.model
    def _gep_approval_type(self):
        return self.env.ref(APPROVAL_TYPE, raise_if_not_found=False) or self.env["mail.activity.type"]

    @api.model
    def _gep_bound_model(self, model):
        """Whether ``model`` is a model of the module whose policy binds the current user."""
        Guard = self.env["gender.equality.guard.mixin"]
        return bool(model) and Guard._gep_is_module_model(model) and self.env[model]._gep_enforced()

    def _gep_approval_todos(self):
        """The approval to-dos of ``self`` on records of the module that bind the current user."""
        approval = self._gep_approval_type()
        return self.filtered(
            lambda activity: activity.sudo().activity_type_id == approval
            and self._gep_bound_model(activity.sudo().res_model)
        )

    def _gep_check_assignee(self):
        others = self.sudo().filtered(lambda activity: activity.user_id != self.env.user)
        if others:
            raise AccessError(
                self.env._(
                    "This approval to-do belongs to %(user)s: only they can change or remove it. "
                    "It closes by itself when the stage is decided.",
                    user=others[0].user_id.name,
                )
            )

    @api.model
    def _gep_workflow_only_message(self):
        return self.env._(
            "Approval to-dos are given and closed by the approval workflow: submit the record to "
            "ask for an approval. You can change the deadline or the note of your own approval "
            "to-do, not whose it is, its type or its record."
        )
