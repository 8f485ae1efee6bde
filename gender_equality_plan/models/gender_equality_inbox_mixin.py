# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import SUPERUSER_ID, Command, api, models
from odoo.tools.mail import generate_tracking_message_id

from odoo.addons.mail.tools.discuss import Store


class GenderEqualityInboxMixin(models.AbstractModel):
    """Every notification of the module reaches its recipient: by e-mail when they have an
    address, in their Odoo inbox otherwise. Many health-unit staff have no address, and an
    e-mail notification to a partner without an address never shows anywhere.

    ``_gep_notify`` sends a notification (not logged in the chatter); ``_gep_deliver`` posts
    notes in the chatter of records, or notifications about them, for many records at once. Both
    are written by the acting user, with the company's (or OdooBot's) address when the user has
    none: a sender address is required for e-mails."""

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

    @api.model
    def _gep_prefetch_people(self, users):
        """Read ``users``, the acting user, OdooBot (the writer of the workflow's messages) and
        their partners with the company's partner, in one query per table: a notification reads
        them one after the other otherwise."""
        users = (users | self.env.user | self.env["res.users"].browse(SUPERUSER_ID)).sudo()
        (users.partner_id | self.env.company.sudo().partner_id).mapped("email_normalized")

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

    # ``post`` of an item of ``_gep_deliver`` that logs its body in the chatter, telling nobody.
    GEP_LOG = "log"

    @api.model
    def _gep_deliver(self, items):
        """Deliver the notifications of many records in a fixed number of queries.

        ``items``: ``[(record, users, subject, body, post)]``. With ``post``, ``body`` is a note in
        the chatter of ``record``, otherwise a notification about the record
        outside its chatter (as ``_gep_notify``). Each user gets it by e-mail when they have an
        address and want e-mails, in their Odoo inbox otherwise, the same rule as
        ``_notify_get_recipients``. Odoo's ``message_post`` runs about twenty queries for each
        record: approving the plans of a whole country at once would run them for each plan.

        With ``post`` equal to ``GEP_LOG``, ``body`` is a log of the workflow in the chatter that
        tells nobody, with the values of Odoo's ``_message_log_batch`` (``users`` and ``subject``
        are ignored): a decision writes its logs and its notifications in one statement.
        """
        items = [
            (
                record,
                self.env["res.users"]
                if post == self.GEP_LOG
                else users.filtered(lambda user: user.active and user.partner_id),
                subject,
                body,
                post,
            )
            for record, users, subject, body, post in items
        ]
        if not items:
            return self.env["mail.message"]
        self._gep_prefetch_people(self.env["res.users"].union(*(users for __, users, *__rest in items)))
        author_id, email_from = self._gep_sender()
        note = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        # The reply-to of each record, by model (``mail.message`` would ask one record at a time).
        ids_by_model = defaultdict(set)
        for record, *_rest, post in items:
            if post != self.GEP_LOG:
                ids_by_model[record._name].add(record.id)
        reply_to = {
            (model, res_id): address
            for model, ids in ids_by_model.items()
            for res_id, address in self.env[model]
            .browse(sorted(ids))
            ._notify_get_reply_to(default=email_from)
            .items()
        }
        log_values = {}
        if any(post == self.GEP_LOG for *_rest, post in items):
            # As ``_message_log_batch`` writes them (mail/models/mail_thread.py).
            log_from = self.env["res.partner"].browse(author_id).email_formatted
            log_values = {
                "author_id": author_id,
                "email_from": log_from,
                "record_alias_domain_id": False,
                "record_company_id": False,
                "record_name": False,
                "message_type": "notification",
                "is_internal": True,
                "subject": False,
                "subtype_id": note,
                "email_add_signature": False,
                "reply_to": self.env["mail.thread"]._notify_get_reply_to(default=log_from)[False],
            }
        # Who gets it by e-mail (the others in their inbox).
        by_email = [
            users.filtered(
                lambda user: user.notification_type == "email" and user.partner_id.email_normalized
            )
            for __, users, *__rest in items
        ]
        # Written by OdooBot on behalf of the acting user (the author): a workflow message is not
        # a comment of the user's, that they could edit or delete (models/mail_message.py). A note
        # sent by e-mail has the e-mail's subject (the e-mail is the message: ``_inherits``).
        messages = (
            self.env["mail.message"]
            .with_user(SUPERUSER_ID)
            .create(
                [
                    dict(
                        log_values,
                        model=record._name,
                        res_id=record.id,
                        body=escape(body),
                        message_id=generate_tracking_message_id("message-notify"),
                    )
                    if post == self.GEP_LOG
                    else {
                        "model": record._name,
                        "res_id": record.id,
                        "record_name": record.display_name,
                        "subject": subject if not post or mailed else False,
                        "body": body,
                        "author_id": author_id,
                        "email_from": email_from,
                        "reply_to": reply_to.get((record._name, record.id)) or email_from,
                        "message_type": "comment" if post else "user_notification",
                        "subtype_id": note,
                        "partner_ids": [Command.set(users.partner_id.ids)],
                    }
                    for (record, users, subject, body, post), mailed in zip(items, by_email, strict=True)
                ]
            )
        )
        notifications, mails, inbox = [], [], []
        for message, (record, users, _subject, body, _post), mailed in zip(
            messages, items, by_email, strict=True
        ):
            for user in users - mailed:
                inbox.append((message, user.partner_id))
                notifications.append(
                    {
                        "author_id": author_id,
                        "mail_message_id": message.id,
                        "res_partner_id": user.partner_id.id,
                        "notification_type": "inbox",
                        "notification_status": "sent",
                    }
                )
            if mailed:
                mails.append(
                    (
                        message,
                        mailed.partner_id,
                        {
                            # Its subject is the message's (written with it, not updated after).
                            "mail_message_id": message.id,
                            "body_html": self._gep_mail_body(record, body),
                            "recipient_ids": [Command.set(mailed.partner_id.ids)],
                            "auto_delete": True,
                            "is_notification": True,
                            "state": "outgoing",
                        },
                    )
                )
        if mails:
            created = self.env["mail.mail"].sudo().create([vals for _message, _partners, vals in mails])
            notifications += [
                {
                    "author_id": author_id,
                    "mail_message_id": message.id,
                    "mail_mail_id": mail.id,
                    "res_partner_id": partner.id,
                    "notification_type": "email",
                    "notification_status": "ready",
                    "is_read": True,
                }
                for mail, (message, partners, _vals) in zip(created, mails, strict=True)
                for partner in partners
            ]
            # The id from the registry's cache (``env.ref`` asks the database whether it exists).
            self.env["ir.cron"].browse(
                self.env["ir.model.data"]._xmlid_to_res_id("mail.ir_cron_mail_scheduler_action")
            )._trigger()
        self.env["mail.notification"].sudo().create(notifications)
        if inbox:
            # The inbox of the recipients updates by itself (Odoo's ``_notify_thread_by_inbox``),
            # with the messages formatted once for all of them.
            # Only the messages of the inbox, just created: none is scheduled (Odoo's own
            # notification passes the values it created the message with, for the same reason).
            inbox_messages = messages.browse(sorted({message.id for message, __ in inbox}))
            payload = Store(inbox_messages.sudo(), msg_vals={"scheduled_date": False}).get_result()
            formatted = {data["id"]: data for data in payload.get("mail.message", [])}
            for message, partner in inbox:
                partner._bus_send("mail.message/inbox", {**payload, "mail.message": [formatted[message.id]]})
        return messages

    def _gep_mail_body(self, record, body):
        """The e-mail of a notification: its text and a link to the record."""
        url = f"{record.get_base_url()}/odoo/{record._name}/{record.id}"
        return Markup('%s<p><a href="%s">%s</a></p>') % (body, url, record.display_name)

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
