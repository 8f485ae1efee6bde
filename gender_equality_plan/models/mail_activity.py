# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..tools.overrides import overriding_modules

# Odoo's audit line of a deletion (``BaseModel.unlink``), written by the lean deletion as well.
_unlink_logger = logging.getLogger("odoo.models.unlink")

APPROVAL_TYPE = "gender_equality_plan.mail_activity_type_approval"
# What makes an approval to-do what it is: whose it is, of which kind, on which record.
IDENTITY_FIELDS = frozenset({"user_id", "activity_type_id", "res_model_id", "res_model", "res_id"})
# Where ``mail.activity.unlink`` is defined when no other module overrides it: Odoo's
# ``BaseModel``, mail's ``mail.activity`` and this file (``_gep_unlink_todos`` does what they do).
UNLINK_MODULES = frozenset({"odoo.models", "odoo.addons.mail.models.mail_activity", __name__})


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

    # ------------------------------------------------------------
    # THE WORKFLOW'S DELETION OF ITS TO-DOS (issue 20)
    # ------------------------------------------------------------

    def _gep_unlink_todos(self):
        """Delete the to-dos ``self`` as the workflow does when their stage is decided (as
        superuser): what ``unlink`` does (mail's, then ``BaseModel``'s), in one query where
        ``unlink`` runs four: the deletion of the rows, and in the same statement the lookups
        that ``BaseModel.unlink`` makes after it, one query each, for what must go with the
        deleted rows (their external ids, their attachments, the defaults that name them), which
        are deleted as ``unlink`` deletes them when there are any (a to-do of the workflow has
        none). The assignees' counters of to-dos update as with ``unlink`` (the bus message of
        mail's ``unlink``), and the record caches are emptied as ``unlink`` empties them.

        Anything else falls back to ``unlink`` itself: a user bound by the policy (its checks),
        another module that overrides ``mail.activity.unlink`` (its effects), a field of another
        model that refers to to-dos through a company-dependent many2one (its checks).
        ``tests/test_approval_todos.py`` compares the two deletions."""
        if not self:
            return True
        overridden = overriding_modules(self, "unlink") - UNLINK_MODULES
        if not self.env.su or overridden or self.env.registry.many2one_company_dependents[self._name]:
            return self.unlink()
        # mail.activity.unlink: the assignees of the to-dos due today or late recount theirs.
        todo_activities = self.filtered(lambda act: act.date_deadline <= fields.Date.today())
        if todo_activities:
            todo_activities.user_id._bus_send("mail.activity/updated", {"activity_deleted": True})
        # BaseModel.unlink, step by step.
        self.check_access("unlink")
        for func in self._ondelete_methods:
            if func._ondelete or not self.env.context.get(MODULE_UNINSTALL_FLAG):
                func(self)
        for field in self._fields.values():
            self.env.remove_to_compute(field, self)
        self.env.flush_all()
        with self.env.protecting(self._fields.values(), self):
            self.modified(self._fields, before=True)
        found = defaultdict(list)
        for sub_ids in self.env.cr.split_for_in_conditions(self.ids):
            for model, res_id in self.env.execute_query(
                SQL(
                    """
                    WITH deleted AS (DELETE FROM %(table)s WHERE id IN %(ids)s RETURNING id)
                    SELECT 'ir.model.data', id FROM ir_model_data
                     WHERE model = %(model)s AND res_id IN %(ids)s
                     UNION ALL
                    SELECT 'ir.attachment', id FROM ir_attachment
                     WHERE res_model = %(model)s AND res_id IN %(ids)s
                     UNION ALL
                    SELECT 'ir.default', d.id FROM ir_default d
                      JOIN ir_model_fields f ON f.id = d.field_id
                     WHERE f.ttype = 'many2one' AND f.relation = %(model)s AND d.json_value IN %(json_ids)s
                    """,
                    table=SQL.identifier(self._table),
                    model=self._name,
                    ids=sub_ids,
                    json_ids=tuple(json.dumps(id_) for id_ in sub_ids),
                )
            ):
                found[model].append(res_id)
        if found["ir.default"]:
            self.env["ir.default"].sudo().browse(found["ir.default"]).unlink()
        self.env.invalidate_all(flush=False)
        if found["ir.model.data"]:
            self.env["ir.model.data"].sudo().with_context({}).browse(found["ir.model.data"]).unlink()
        if found["ir.attachment"]:
            self.env["ir.attachment"].sudo().browse(found["ir.attachment"]).unlink()
        _unlink_logger.info("User #%s deleted %s records with IDs: %r", self._uid, self._name, self.ids)
        return True
