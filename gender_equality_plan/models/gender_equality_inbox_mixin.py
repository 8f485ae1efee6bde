# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class GenderEqualityInboxMixin(models.AbstractModel):
    """Every notification of the module reaches its recipient: by e-mail when they have an
    address, in their Odoo inbox otherwise. Many health-unit staff have no address, and an
    e-mail notification to a partner without an address never shows anywhere.

    ``_gep_notify`` sends a notification (not logged in the chatter); ``_gep_post`` posts a note
    in the chatter of the record that notifies the given users. Both are written by the
    acting user, with the company's (or OdooBot's) address when the user has none: a sender
    address is required for e-mails."""

    _name = "gender.equality.inbox.mixin"
    _description = "Inbox Notifications for Users without E-mail"
    _inherit = ["mail.thread"]

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        email_ids = [data["id"] for data in recipients if data["notif"] == "email" and data["type"] == "user"]
        if email_ids:
            partners = self.env["res.partner"].sudo().browse(email_ids)
            no_email_ids = set(partners.filtered(lambda partner: not partner.email_normalized).ids)
            for data in recipients:
                if data["id"] in no_email_ids:
                    data["notif"] = "inbox"
        return recipients

    def _gep_sender(self):
        """``(author partner id, e-mail from)``: the acting user, with a sender address that
        works when they have none (the company's, else OdooBot's)."""
        user = self.env.user
        email_from = (
            user.email_formatted
            or self.env.company.partner_id.email_formatted
            or self.env.ref("base.partner_root").email_formatted
            or False
        )
        return user.partner_id.id, email_from

    def _gep_notify(self, users, subject, body):
        """Notify ``users`` (inbox or e-mail) about the record ``self`` (or the model when empty)."""
        users = users.filtered(lambda user: user.active and user.partner_id)
        if not users:
            return False
        author_id, email_from = self._gep_sender()
        return self.sudo().message_notify(
            partner_ids=users.partner_id.ids,
            author_id=author_id,
            email_from=email_from,
            subject=subject,
            body=body,
        )

    def _gep_post(self, users, body):
        """Post ``body`` as a note in the chatter of ``self`` that notifies ``users``."""
        self.ensure_one()
        users = users.filtered(lambda user: user.active and user.partner_id)
        author_id, email_from = self._gep_sender()
        return self.sudo().message_post(
            body=body,
            author_id=author_id,
            email_from=email_from,
            partner_ids=users.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def _gep_feedback(self, message, title=None, notification_type="success"):
        """A short confirmation for the user who clicked a button of the record (the button
        puts ``gep_feedback`` in its context), then back to the record (or out of the dialog
        that asked for a reason); ``True`` for scripts."""
        if not self.env.context.get("gep_feedback"):
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title or False,
                "message": message,
                "type": notification_type,
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
