# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError

# What a reader writes on any message they see (stars); reactions are records of their own.
FREE_FIELDS = frozenset({"starred_partner_ids"})


class MailMessage(models.Model):
    """The chatter follows its record: on the records of the module, a user bound by the policy
    changes or deletes only their own plain comments (``comment`` messages without tracking that
    they wrote and posted themselves), and only while the record takes comments
    (``_gep_comments_editable``). Workflow logs and decisions (the status changes, the approvals,
    the returns with their reason, written by the application as OdooBot on behalf of the
    person who acted) and other people's messages stay as they were written. Odoo itself only
    asks for write access on the record, which the record rules grant to the unit.

    A message is written in one's own name: nobody posts on a record of the module as someone
    else (``author_id``).
    """

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._gep_check_authors(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) - FREE_FIELDS:
            # Odoo's access first: a user who may not see a message is told only that.
            self.check_access("write")
            self._gep_check_changes()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._gep_check_changes()
        return super().unlink()

    # ------------------------------------------------------------
    # RULES
    # ------------------------------------------------------------

    def _gep_bound_messages(self):
        """``{model: messages}``: the messages of ``self`` (as superuser) on records of the module
        whose policy binds the current user."""
        Guard = self.env["gender.equality.guard.mixin"]
        by_model = defaultdict(lambda: self.sudo().browse())
        for message in self.sudo():
            if message.model and message.res_id and Guard._gep_is_module_model(message.model):
                by_model[message.model] |= message
        return {model: messages for model, messages in by_model.items() if self.env[model]._gep_enforced()}

    def _gep_check_changes(self):
        """Raise unless the current user may change or delete every message of ``self`` that is
        about a record of the module."""
        user = self.env.user
        for model, messages in self._gep_bound_messages().items():
            foreign = messages.filtered(
                lambda message: message.message_type != "comment"
                or message.tracking_value_ids
                or message.author_id != user.partner_id
                or message.create_uid != user
            )
            if foreign:
                record = self.env[model].sudo().browse(foreign[0].res_id)
                raise AccessError(
                    self.env._(
                        "This message on %(record)s cannot be changed or deleted: workflow logs, "
                        "decisions and other people's messages stay as they were written. You can "
                        "only edit or delete your own comments, or post a new one.",
                        record=record.display_name,
                    )
                )
            records = self.env[model].sudo().browse(set(messages.mapped("res_id"))).exists()
            closed = records - records._gep_comments_editable()
            if closed:
                raise AccessError(
                    self.env._(
                        "Your comments on %(record)s can no longer be changed or deleted: the record "
                        "is no longer editable in its current status. Post a new comment instead.",
                        record=closed[0].display_name,
                    )
                )

    @api.model
    def _gep_check_authors(self, vals_list):
        """A user bound by the policy writes on a record of the module in their own name."""
        Guard = self.env["gender.equality.guard.mixin"]
        partner = self.env.user.partner_id
        for vals in vals_list:
            model, author_id = vals.get("model"), vals.get("author_id")
            if (
                author_id
                and author_id != partner.id
                and vals.get("res_id")
                and Guard._gep_is_module_model(model)
                and self.env[model]._gep_enforced()
            ):
                raise AccessError(
                    self.env._(
                        "You can only write messages in your own name: the author of a message "
                        "on %(model)s is the person who posts it.",
                        model=self.env[model]._gep_model_label(),
                    )
                )
