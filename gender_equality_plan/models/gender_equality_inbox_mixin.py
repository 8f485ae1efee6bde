# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import SUPERUSER_ID, Command, api, models
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id

from odoo.addons.mail.tools.discuss import Store

from ..tools.overrides import overriding_modules


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
        reply_to, company, alias_domain, parent = self._gep_thread_values(items, email_from)
        log_values = self._gep_log_values(items, author_id, note)
        # Who is notified (as Odoo: not the author, whom the message names all the same), and who
        # of them by e-mail (the others in their inbox).
        notified = [
            addressees.filtered(lambda user: user.partner_id.id != author_id)
            for __, addressees, *__rest in items
        ]
        by_emails = [
            users.filtered(
                lambda user: user.notification_type == "email" and user.partner_id.email_normalized
            )
            for users in notified
        ]
        # Written by OdooBot on behalf of the acting user (the author): a workflow message is not
        # a comment of the user's, that they could edit or delete (models/mail_message.py). A note
        # sent by e-mail has the e-mail's subject (the e-mail is the message: ``_inherits``),
        # written with the message rather than updated by the e-mail's creation.
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
                        # As message_notify: a notification names no record and is internal.
                        "record_name": record.display_name if post else False,
                        "is_internal": not post,
                        "record_company_id": company[record._name, record.id].id,
                        "record_alias_domain_id": alias_domain[record._name, record.id].id,
                        "parent_id": parent.get((record._name, record.id), (False,))[0] if post else False,
                        "subject": subject if not post or by_email else False,
                        "body": body,
                        "author_id": author_id,
                        "email_from": email_from,
                        "reply_to": reply_to.get((record._name, record.id)) or email_from,
                        "message_type": "comment" if post else "user_notification",
                        "subtype_id": note,
                        "partner_ids": [Command.set(users.partner_id.ids)],
                    }
                    for (record, users, subject, body, post), by_email in zip(items, by_emails, strict=True)
                ]
            )
        )
        notifications, mails, inbox, push = [], [], [], []
        for message, (record, _users, _subject, body, post), users, by_email in zip(
            messages, items, notified, by_emails, strict=True
        ):
            if post == self.GEP_LOG:
                continue
            push.append(
                (
                    record,
                    message,
                    [
                        {
                            "id": user.partner_id.id,
                            "active": True,
                            "notif": "email" if user in by_email else "inbox",
                        }
                        for user in users
                    ],
                )
            )
            for user in users - by_email:
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
            if by_email:
                mails.append(
                    (
                        message,
                        by_email.partner_id,
                        {
                            "mail_message_id": message.id,
                            "body_html": self._gep_mail_body(record, body),
                            "recipient_ids": [Command.set(by_email.partner_id.ids)],
                            "auto_delete": True,
                            "is_notification": True,
                            "state": "outgoing",
                            # As ``_notify_by_email_get_base_mail_values``: the thread of the
                            # e-mail and the headers of the record (bounce address, record).
                            "references": " ".join(
                                filter(
                                    None,
                                    [
                                        parent.get((record._name, record.id), (0, False))[1],
                                        message.message_id,
                                    ],
                                )
                            ),
                            "headers": repr(
                                record.sudo()._notify_by_email_get_headers(
                                    headers={"Return-Path": bounce}
                                    if (bounce := alias_domain[record._name, record.id].bounce_email)
                                    else {}
                                )
                            ),
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
            self._gep_send_inbox(messages.browse(sorted({message.id for message, __ in inbox})), inbox)
        self._gep_web_push(push)
        return messages

    def _gep_thread_values(self, items, email_from):
        """What ``message_post`` asks each record of ``items`` (``_gep_deliver``'s), asked by model
        (``tests/test_deliver_contract.py`` compares the result with Odoo's): ``(reply-to,
        company, alias domain, first message)``, each by ``(model, id)``, the first message of the
        thread as ``(id, Message-Id)``: a note is threaded under it, as in a flat thread, and its
        e-mail refers to it. Logs need none of them.

        The alias domain is Odoo's (``_mail_get_alias_domains``): the record's company's, else
        the environment company's, else the first alias domain, which Odoo searches when a
        company has none; that search is made with the first messages, in one query
        (``_gep_first_messages``). A model that computes its alias domains itself is asked."""
        ids_by_model = defaultdict(set)
        for record, *_rest, post in items:
            if post != self.GEP_LOG:
                ids_by_model[record._name].add(record.id)
        reply_to, company, alias_domain = {}, {}, {}
        own_domains = set()
        for model, ids in ids_by_model.items():
            records = self.env[model].browse(sorted(ids)).sudo()
            for res_id, address in records._notify_get_reply_to(default=email_from).items():
                reply_to[model, res_id] = address
            for res_id, record_company in records._mail_get_companies(default=self.env.company).items():
                company[model, res_id] = record_company
            if self._gep_own_alias_domains(model):
                own_domains.add(model)
                domains = records._mail_get_alias_domains(default_company=self.env.company)
                alias_domain.update({(model, res_id): domain for res_id, domain in domains.items()})
        posted = defaultdict(set)
        for record, *_rest, post in items:
            if post and post != self.GEP_LOG:
                posted[record._name].add(record.id)
        default_domain = self.env.company.alias_domain_id
        parent, first_domain = self._gep_first_messages(
            posted,
            with_alias_domain=not default_domain
            and any(
                not record_company.alias_domain_id
                for (model, _res_id), record_company in company.items()
                if model not in own_domains
            ),
        )
        for (model, res_id), record_company in company.items():
            if model not in own_domains:
                alias_domain[model, res_id] = record_company.alias_domain_id or default_domain or first_domain
        return reply_to, company, alias_domain, parent

    @api.model
    def _gep_own_alias_domains(self, model):
        """Whether ``model`` overrides Odoo's ``_mail_get_alias_domains`` (mail's ``models.py``)."""
        mail_models = "odoo.addons.mail.models.models"
        return bool(overriding_modules(self.env[model], "_mail_get_alias_domains") - {mail_models})

    @api.model
    def _gep_first_messages(self, ids_by_model, with_alias_domain=False):
        """``({(model, id): (first message id, its Message-Id)}, alias domain)``: the first
        message of the thread of each record of ``ids_by_model`` (``{model: ids}``) and, with
        ``with_alias_domain``, the first alias domain (``mail.alias.domain``'s order: what Odoo's
        ``_mail_get_alias_domains`` searches), in one query."""
        parts = []
        if ids_by_model:
            self.env["mail.message"].flush_model(["model", "res_id", "message_type", "message_id"])
            parts.append(
                SQL(
                    """(
                    SELECT DISTINCT ON (model, res_id) model, res_id, id, message_id
                      FROM mail_message
                     WHERE (%s) AND message_type != 'user_notification'
                  ORDER BY model, res_id, id
                    )""",
                    SQL(" OR ").join(
                        SQL("(model = %s AND res_id = ANY(%s))", model, sorted(ids))
                        for model, ids in sorted(ids_by_model.items())
                    ),
                )
            )
        if with_alias_domain:
            self.env["mail.alias.domain"].flush_model(["sequence"])
            parts.append(
                SQL("(SELECT NULL, NULL, id, NULL FROM mail_alias_domain ORDER BY sequence, id LIMIT 1)")
            )
        parent, domain = {}, self.env["mail.alias.domain"].sudo()
        if not parts:
            return parent, domain
        for model, res_id, record_id, message_id in self.env.execute_query(SQL(" UNION ALL ").join(parts)):
            if model is None:
                domain = domain.browse(record_id)
            else:
                parent[model, res_id] = (record_id, message_id)
        return parent, domain

    def _gep_log_values(self, items, author_id, note):
        """The values of the logs of ``items`` (``_gep_deliver``'s items whose ``post`` is
        ``GEP_LOG``), as Odoo's ``_message_log_batch`` writes them (mail/models/mail_thread.py)."""
        if not any(post == self.GEP_LOG for *_rest, post in items):
            return {}
        log_from = self.env["res.partner"].browse(author_id).email_formatted
        return {
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

    def _gep_web_push(self, push):
        """The browsers of the recipients that allowed Odoo's notifications get them, as from
        Odoo's ``_notify_thread_by_web_push`` (same recipients, same payload). ``push``:
        ``[(record, message, recipients data)]``. Asked once for the batch, and not at all
        until a browser registered (Odoo creates its VAPID keys then)."""
        if not self.env["ir.config_parameter"].sudo().get_param("mail.web_push_vapid_private_key"):
            return
        partner_ids = {data["id"] for _record, _message, recipients in push for data in recipients}
        if not partner_ids or not self.env["mail.push.device"].sudo().search_count(
            [("partner_id", "in", list(partner_ids))], limit=1
        ):
            return
        for record, message, recipients in push:
            if recipients:
                record.sudo()._notify_thread_by_web_push(message, recipients)

    def _gep_send_inbox(self, messages, inbox):
        """The inbox of the recipients updates by itself (Odoo's ``_notify_thread_by_inbox``),
        with the messages formatted once for all of them. ``inbox``: ``[(message, partner)]``.

        Each recipient gets their message, its record and the people it names only (not the
        other records of the batch), with what Odoo adds for the recipient
        (``for_current_user``): an unread message of their inbox, not starred, without
        tracking, and whether they follow the record."""
        # Just created: none is scheduled (Odoo passes the values it created them with, likewise).
        payload = Store(messages.sudo(), msg_vals={"scheduled_date": False}).get_result()
        formatted = {data["id"]: data for data in payload.get("mail.message", [])}
        threads = {(data["model"], data["id"]): data for data in payload.get("mail.thread", [])}
        partners = {data["id"]: data for data in payload.get("res.partner", [])}
        ids_by_model = defaultdict(set)
        for message, _partner in inbox:
            ids_by_model[message.model].add(message.res_id)
        followers = self.env["mail.followers"].sudo()
        if ids_by_model:
            followers = followers.search(
                expression.AND(
                    [
                        expression.OR(
                            [("res_model", "=", model), ("res_id", "in", sorted(ids))]
                            for model, ids in ids_by_model.items()
                        ),
                        [("partner_id", "in", list({partner.id for _message, partner in inbox}))],
                    ]
                )
            )
        follower_of = {
            (follower.res_model, follower.res_id, follower.partner_id.id): follower for follower in followers
        }
        follower_data = {
            data["id"]: data
            for data in Store(followers, fields={"is_active": True, "partner": []})
            .get_result()
            .get("mail.followers", [])
        }
        for message, partner in inbox:
            data = formatted[message.id]
            follower = follower_of.get((message.model, message.res_id, partner.id))
            named = {data["author"]["id"]} if data.get("author") else set()
            named |= {recipient["id"] for recipient in data.get("recipients", [])}
            notifications = [
                notification
                for notification in payload.get("mail.notification", [])
                if notification["message"] == message.id
            ]
            named |= {
                notification["persona"]["id"] for notification in notifications if notification.get("persona")
            }
            own = {
                "mail.message": [{**data, "needaction": True, "starred": False, "trackingValues": []}],
                "mail.notification": notifications,
                "mail.thread": [
                    {
                        **threads[message.model, message.res_id],
                        "selfFollower": follower.id if follower else False,
                    }
                ],
                "res.partner": [
                    partners[partner_id] for partner_id in sorted(named) if partner_id in partners
                ],
            }
            if follower:
                own["mail.followers"] = [follower_data[follower.id]]
            extra = {
                key: value
                for key, value in payload.items()
                if key not in own and key not in ("mail.followers",)
            }
            partner._bus_send("mail.message/inbox", {**extra, **own})

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
