# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contract of ``_gep_deliver`` with Odoo's mail.

``_gep_deliver`` writes the ``mail.message``, ``mail.notification`` and ``mail.mail`` rows and the
live inbox updates of many records itself, instead of calling ``message_post`` (a note in the
chatter) or ``message_notify`` (a notification about the record) for each record. These tests
run both for the same record, body, subtype and recipients, in a savepoint each, and compare
what they leave field by field: every stored field of the message, of each recipient's
notification and of each recipient's e-mail, the bus messages of each recipient (live inbox) and
the pushes to their browsers (web push). The recipients mix inbox and e-mail users, an e-mail
user without an address, Vietnamese and English, followers and not, and the acting user (whom
Odoo never notifies). A field that Odoo adds or fills differently in a later version fails
here, named, instead of silently missing from the module's notifications.

Only what must differ is normalised (ids, creation dates, the Message-Id) and the differences
that the module wants are asserted as such in ``_assert_intended`` (each with the reason).
"""

import ast
import json
import re
from contextlib import contextmanager
from unittest.mock import patch

from freezegun import freeze_time
from markupsafe import Markup

from odoo.tests import new_test_user, tagged

from odoo.addons.bus.models.bus import json_dump

from .plan_common import GenderEqualityPlanCommon

UNIT_USER = "gender_equality_plan.group_unit_user"
# Normalised in every comparison: what two runs can never share.
VOLATILE = {"id", "create_date", "write_date"}


@tagged("post_install", "-at_install")
@freeze_time("2026-12-01 03:00:00")
class TestDeliverContract(GenderEqualityPlanCommon):
    """``_gep_deliver`` creates what ``message_post``/``message_notify`` create, or differs on
    purpose."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        # An alias domain, as in a deployment that receives replies and bounces: Odoo then
        # stamps the message with it and the e-mails with its bounce address.
        cls.env.company.alias_domain_id = cls.env["mail.alias.domain"].create(
            {"name": "soyte.example.vn", "bounce_alias": "bounce", "catchall_alias": "catchall"}
        )

        def user(login, lang, notification_type, email=True):
            return new_test_user(
                cls.env,
                login,
                groups=UNIT_USER,
                lang=lang,
                notification_type=notification_type,
                email=f"{login}@example.com" if email else False,
            )

        cls.inbox_vi = user("gep_c_inbox_vi", "vi_VN", "inbox")
        cls.inbox_en = user("gep_c_inbox_en", "en_US", "inbox")
        cls.email_vi = user("gep_c_email_vi", "vi_VN", "email")
        cls.email_en = user("gep_c_email_en", "en_US", "email")
        # Wants e-mails but has no address: the module's rule sends it to the inbox.
        cls.no_address = user("gep_c_no_address", "vi_VN", "email", email=False)
        cls.recipients = cls.inbox_vi | cls.inbox_en | cls.email_vi | cls.email_en | cls.no_address
        cls.unit_a.user_ids |= cls.recipients
        cls.actor = cls.dept_manager
        # Addressed to the acting user too: Odoo never notifies the author of a message.
        cls.addressees = cls.recipients | cls.actor
        # Followers: two recipients (inbox and e-mail) and a follower who is not a recipient
        # (a note reaches only its recipients).
        cls.plan.message_subscribe(partner_ids=(cls.inbox_vi | cls.email_vi | cls.manager_a).partner_id.ids)
        # A thread that already has messages (Odoo threads a new message under the first one).
        cls.plan.sudo().message_post(body="Kế hoạch đã được lập.", message_type="comment")
        # Browsers that allowed Odoo's notifications (web push), of an inbox and an e-mail user.
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("mail.web_push_vapid_private_key", "test-private-key")
        params.set_param("mail.web_push_vapid_public_key", "test-public-key")
        cls.env["mail.push.device"].sudo().create(
            [
                {
                    "partner_id": user.partner_id.id,
                    "endpoint": f"https://push.example.com/{user.login}",
                    "keys": "{}",
                }
                for user in (cls.inbox_en, cls.email_en)
            ]
        )
        cls.body = Markup("<p>Kế hoạch <b>chờ phê duyệt</b> của đơn vị.</p>")
        cls.subject = "Chờ phê duyệt: kế hoạch năm 2026"

    # ------------------------------------------------------------------------------------------
    # The two sides
    # ------------------------------------------------------------------------------------------
    def _odoo(self, post):
        """What the module did before ``_gep_deliver`` (``_gep_post``/``_gep_notify``), with
        the e-mails left in the queue as ``_gep_deliver`` leaves them (see _assert_intended)."""
        plan = self.plan.with_user(self.actor)
        author_id, email_from = plan._gep_sender()
        common = {
            "body": self.body,
            "author_id": author_id,
            "email_from": email_from,
            "partner_ids": self.addressees.partner_id.ids,
            "force_send": False,
        }
        if post:
            return plan.sudo().message_post(message_type="comment", subtype_xmlid="mail.mt_note", **common)
        return plan.sudo().message_notify(subject=self.subject, **common)

    def _module(self, post):
        # As the approval engine calls it: a note's e-mail is titled with the record's name.
        subject = self.plan.display_name if post else self.subject
        return self.plan.with_user(self.actor)._gep_deliver(
            [(self.plan, self.addressees, subject, self.body, post)]
        )

    # ------------------------------------------------------------------------------------------
    # What one side leaves, as plain data
    # ------------------------------------------------------------------------------------------
    @staticmethod
    def _stored(record):
        """Every stored field of ``record`` (relations as ids), but ``VOLATILE``."""
        values = {}
        for name, field in record._fields.items():
            if not field.store or name in VOLATILE:
                continue
            value = record[name]
            if field.type == "many2one":
                value = value.id
            elif field.type in ("one2many", "many2many"):
                value = sorted(value.ids)
            values[name] = value
        return values

    @contextmanager
    def _recording(self):
        """Record the bus messages (``(target, type, payload)``) and the web pushes
        (``(endpoint, payload)``) sent inside the block; nothing is pushed for real."""
        bus, pushed = [], []
        BusBus = type(self.env["bus.bus"])
        sendone = BusBus._sendone

        def record_sendone(bus_bus, target, notification_type, message):
            bus.append((target, notification_type, json.loads(json_dump(message))))
            return sendone(bus_bus, target, notification_type, message)

        def record_push(base_url, device, payload, **kwargs):
            pushed.append((device["endpoint"], json.loads(payload)))

        with (
            patch.object(BusBus, "_sendone", record_sendone),
            patch("odoo.addons.mail.models.mail_thread.push_to_end_point", record_push),
        ):
            yield bus, pushed

    def _capture(self, send):
        """Run ``send`` in a savepoint and return what it created, then roll it back."""
        Message, Mail = self.env["mail.message"].sudo(), self.env["mail.mail"].sudo()
        last_message = Message.search([], order="id desc", limit=1).id
        last_mail = Mail.search([], order="id desc", limit=1).id
        followers_before = self.plan.message_partner_ids
        Trigger = self.env["ir.cron.trigger"].sudo()
        mail_cron = self.env.ref("mail.ir_cron_mail_scheduler_action")
        triggers_before = Trigger.search_count([("cron_id", "=", mail_cron.id)])
        with self.env.cr.savepoint() as savepoint, self._recording() as (bus, pushed):
            returned = send()
            self.env.flush_all()
            message = Message.search([("id", ">", last_message)])
            self.assertEqual(len(message), 1, "one message is created")
            self.assertEqual(returned, message, "the created message is returned")
            parent = message.parent_id
            message_ids = {message.message_id: "<message-id>", parent.message_id: "<parent-message-id>"}
            mails = Mail.search([("id", ">", last_mail)])
            self.assertEqual(mails.mail_message_id, message, "e-mails of the message only")
            data = {
                "message": self._stored(message),
                "notifications": {
                    notification.res_partner_id.id: self._stored(notification)
                    for notification in message.notification_ids
                },
                "mails": {},
                "bus": {},
                "followers": self.plan.message_partner_ids - followers_before,
                "web_push": sorted(pushed, key=lambda push: push[0]),
                "mail_cron_triggered": Trigger.search_count([("cron_id", "=", mail_cron.id)])
                > triggers_before,
            }
            for mail in mails:
                values = self._stored(mail)
                values["references"] = " ".join(
                    message_ids.get(ref, ref) for ref in (mail.references or "").split()
                )
                values["headers"] = ast.literal_eval(mail.headers) if mail.headers else {}
                values["recipients_of_the_mail"] = frozenset(mail.recipient_ids.ids)
                for partner in mail.recipient_ids:
                    data["mails"][partner.id] = dict(values)
            for target, notification_type, payload in bus:
                self.assertEqual(target._name, "res.partner", "the bus messages go to partners")
                data["bus"].setdefault(target.id, []).append((notification_type, payload))
            # The ids that both sides cannot share, named by role.
            self._normalise(data, message, mails)
            savepoint.close(rollback=True)
        self.env.invalidate_all()
        return data

    def _normalise(self, data, message, mails):
        names = {("mail.message", message.id): "<message>"}
        names.update({("mail.mail", mail.id): "<mail>" for mail in mails})
        names.update(
            {
                (
                    "mail.notification",
                    notif.id,
                ): f"<{notif.notification_type} notification of {notif.res_partner_id.id}>"
                for notif in message.notification_ids
            }
        )
        msg = data["message"]
        self.assertTrue(msg.pop("message_id"), "the message has a Message-Id")
        msg["mail_ids"] = len(msg["mail_ids"])
        msg["notification_ids"] = sorted(
            self.env["mail.notification"].browse(msg["notification_ids"]).res_partner_id.ids
        )
        for notification in data["notifications"].values():
            self.assertEqual(notification.pop("mail_message_id"), message.id)
            notification["mail_mail_id"] = names.get(("mail.mail", notification["mail_mail_id"]), False)
        for mail in data["mails"].values():
            mail["mail_message_id"] = names[("mail.message", mail["mail_message_id"])]
            mail["recipient_ids"] = "<compared as recipients_of_the_mail>"
        for partner, messages in data["bus"].items():
            data["bus"][partner] = [
                (notification_type, self._normalise_payload(payload, names))
                for notification_type, payload in messages
            ]

    def _normalise_payload(self, payload, names):
        """The payload of a bus message with the ids of the message, its notifications and
        e-mails named by role, and the dates that are the clock's."""
        if isinstance(payload, list):
            return [self._normalise_payload(item, names) for item in payload]
        if not isinstance(payload, dict):
            return payload
        return {key: self._normalise_value(key, value, names) for key, value in payload.items()}

    def _normalise_value(self, key, value, names):
        if key in ("create_date", "write_date"):
            return "<date>"
        if key == "mail.message":
            return [
                {**self._normalise_payload(item, names), "id": names[("mail.message", item["id"])]}
                for item in value
            ]
        if key == "mail.notification":
            return [
                {
                    **self._normalise_payload(item, names),
                    "id": names[("mail.notification", item["id"])],
                    "message": names[("mail.message", item["message"])],
                }
                for item in value
            ]
        if key == "notifications":
            return sorted(names[("mail.notification", notif)] for notif in value)
        return self._normalise_payload(value, names)

    # ------------------------------------------------------------------------------------------
    # The comparison
    # ------------------------------------------------------------------------------------------
    def _assert_same(self, odoo, module, what):
        """Every key of ``odoo`` and ``module`` has the same value; each difference is recorded
        with the field's name (``_compare`` reports them all at once)."""
        for key in sorted(set(odoo) | set(module), key=str):
            if key not in module:
                self._differences.append(
                    f"{what}: {key!r} is set by Odoo ({odoo[key]!r}), not by _gep_deliver"
                )
            elif key not in odoo:
                self._differences.append(
                    f"{what}: {key!r} is set by _gep_deliver ({module[key]!r}), not by Odoo"
                )
            elif module[key] != odoo[key]:
                self._differences.append(
                    f"{what}: {key!r} differs (_gep_deliver: {module[key]!r}, Odoo: {odoo[key]!r})"
                )

    def _assert_keys(self, odoo, module, what):
        """``odoo`` and ``module`` have the same keys (recipients, models of a payload)."""
        if set(odoo) != set(module):
            self._differences.append(
                f"{what}: only in Odoo {sorted(set(odoo) - set(module))}, "
                f"only in _gep_deliver {sorted(set(module) - set(odoo))}"
            )

    def _compare(self, post):
        odoo = self._capture(lambda: self._odoo(post))
        module = self._capture(lambda: self._module(post))
        self._assert_intended(odoo, module, post)
        self._differences = []
        logins = {user.partner_id.id: user.login for user in self.addressees}

        def who(partner_id):
            return logins.get(partner_id, f"partner {partner_id}")

        self._assert_same(odoo["message"], module["message"], "mail.message")
        self._assert_keys(odoo["notifications"], module["notifications"], "mail.notification recipients")
        for partner in set(odoo["notifications"]) & set(module["notifications"]):
            self._assert_same(
                odoo["notifications"][partner],
                module["notifications"][partner],
                f"mail.notification of {who(partner)}",
            )
        self._assert_keys(odoo["mails"], module["mails"], "mail.mail recipients")
        for partner in set(odoo["mails"]) & set(module["mails"]):
            self._assert_same(
                odoo["mails"][partner], module["mails"][partner], f"mail.mail to {who(partner)}"
            )
        self.assertTrue(odoo["web_push"], "Odoo pushes to the browsers of the recipients: the test sees it")
        self._assert_same(dict(odoo["web_push"]), dict(module["web_push"]), "web push (browser endpoint)")
        self._assert_keys(odoo["bus"], module["bus"], "bus recipients")
        for partner in set(odoo["bus"]) & set(module["bus"]):
            odoo_types = [notification_type for notification_type, _payload in odoo["bus"][partner]]
            module_types = [notification_type for notification_type, _payload in module["bus"][partner]]
            if module_types != odoo_types:
                self._differences.append(
                    f"bus to {who(partner)}: {module_types} (_gep_deliver), {odoo_types} (Odoo)"
                )
                continue
            for notification_type, (_type, payload), (_type, module_payload) in zip(
                odoo_types, odoo["bus"][partner], module["bus"][partner], strict=True
            ):
                what = f"bus {notification_type} to {who(partner)}"
                self._assert_keys(payload, module_payload, f"{what}: models")
                for model in set(payload) & set(module_payload):
                    records, module_records = (
                        self._entries(payload[model]),
                        self._entries(module_payload[model]),
                    )
                    if len(module_records) != len(records):
                        self._differences.append(
                            f"{what}: {len(module_records)} {model} (_gep_deliver), {len(records)} (Odoo)"
                        )
                    for index, (record, module_record) in enumerate(
                        zip(records, module_records, strict=False)
                    ):
                        self._assert_same(record, module_record, f"{what}: {model}[{index}]")
        if self._differences:
            self.fail(
                "_gep_deliver no longer creates what Odoo's mail creates (see test_deliver_contract.py):\n"
                + "\n".join(self._differences)
            )

    @staticmethod
    def _entries(records):
        """The entries of a model in a payload, in an order that does not depend on creation."""
        records = records if isinstance(records, list) else [records]
        return sorted(records, key=lambda record: json.dumps(record, sort_keys=True, default=str))

    def _assert_intended(self, odoo, module, post):
        """The differences that the module wants, asserted, then removed from the comparison."""
        om, mm = odoo["message"], module["message"]
        # Odoo writes the message as the acting user; the module as OdooBot on behalf of the
        # acting user (the author): a workflow message is not the user's comment, which they
        # could edit or delete.
        # Written too: Odoo updates the message as the acting user after creating it (its e-mails
        # write their subject on it); the module writes it once, with its subject.
        root = self.env.ref("base.user_root").id
        for field in ("create_uid", "write_uid"):
            self.assertEqual(om.pop(field), self.actor.id, f"Odoo: {field} is the acting user")
            self.assertEqual(mm.pop(field), root, f"_gep_deliver: {field} is OdooBot")
        # The posting user follows the record after message_post; not after the module's
        # workflow note: approving the plans of a province would make the approver follow each
        # of them (and get every later comment on them).
        self.assertEqual(
            odoo["followers"],
            self.actor.partner_id if post else self.env["res.partner"],
            "Odoo: message_post subscribes the acting user, message_notify nobody",
        )
        self.assertFalse(module["followers"], "the module subscribes nobody")
        # E-mails: Odoo renders its layout once for each language of the recipients, hence one
        # e-mail per language; the module writes one short e-mail (the text and a link to the
        # record, no layout to translate: the callers give one item per language) to all the
        # e-mail recipients of an item.
        email_partners = (self.email_vi | self.email_en).partner_id
        self.assertEqual(
            {mail["recipients_of_the_mail"] for mail in odoo["mails"].values()},
            {frozenset(partner.ids) for partner in email_partners},
            "Odoo: one e-mail for each language of the recipients who have an address",
        )
        self.assertEqual(
            {mail["recipients_of_the_mail"] for mail in module["mails"].values()},
            {frozenset(email_partners.ids)},
            "_gep_deliver: one e-mail to the recipients who want e-mails and have an address",
        )
        self.assertEqual(
            (om.pop("mail_ids"), mm.pop("mail_ids")), (2, 1), "mail.mail: e-mails of the message"
        )
        for side in (odoo, module):
            for partner, mail in side["mails"].items():
                mail.pop("recipients_of_the_mail")
                body = mail.pop("body_html")
                # What both e-mails must say: the text of the message and a link to the record.
                self.assertIn("chờ phê duyệt", body, f"the e-mail to {partner} has the text")
                self.assertTrue(
                    re.search(
                        rf"(model={self.plan._name}&amp;res_id=|/{self.plan._name}/){self.plan.id}\b", body
                    ),
                    f"the e-mail to {partner} links to the record",
                )
        # Odoo sends the e-mails of a request after its commit (force_send, here disabled);
        # the module leaves them to the mail queue and wakes its cron up: one SMTP session for
        # the e-mails of a whole batch, and no e-mail sent for a transaction that fails.
        self.assertFalse(odoo["mail_cron_triggered"], "Odoo: force_send=False queues without a trigger")
        self.assertTrue(module["mail_cron_triggered"], "the module wakes the mail queue up")
        # The live inbox: the module formats the message once, after the e-mails and their
        # notifications are created (Odoo formats it before, for each recipient): its payload
        # has the e-mail notifications too, and the subject that the e-mail gave the message.
        for partner, messages in module["bus"].items():
            for (_type, payload), (_otype, odoo_payload) in zip(
                messages, odoo["bus"].get(partner, []), strict=False
            ):
                notifications = payload.get("mail.notification", [])
                email_notifications = [n for n in notifications if n["notification_type"] == "email"]
                self.assertEqual(
                    sorted(n["persona"]["id"] for n in email_notifications),
                    sorted(email_partners.ids),
                    "_gep_deliver: the live inbox shows the e-mail notifications",
                )
                payload["mail.notification"] = [n for n in notifications if n not in email_notifications]
                email_ids = {n["id"] for n in email_notifications}
                for data, odoo_data in zip(
                    payload.get("mail.message", []), odoo_payload.get("mail.message", []), strict=False
                ):
                    data["notifications"] = [n for n in data["notifications"] if n not in email_ids]
                    if post:
                        self.assertEqual(data["subject"], self.plan.display_name, "the e-mail's subject")
                        self.assertFalse(odoo_data["subject"], "Odoo: no subject yet")
                        data["subject"] = odoo_data["subject"]
                    # Not scheduled: None (Odoo, from the values of the post) or False (read).
                    self.assertFalse(data["scheduledDatetime"], "_gep_deliver: not scheduled")
                    self.assertIsNone(odoo_data["scheduledDatetime"], "Odoo: not scheduled")
                    data["scheduledDatetime"] = None

    # ------------------------------------------------------------------------------------------
    # The tests
    # ------------------------------------------------------------------------------------------
    def test_note_in_the_chatter_as_message_post(self):
        """``post``: a note in the chatter that notifies the recipients (``message_post``)."""
        self._compare(post=True)

    def test_notification_about_the_record_as_message_notify(self):
        """Not ``post``: a notification about the record (``message_notify``)."""
        self._compare(post=False)

    def test_batch_inbox_update_names_only_its_record(self):
        """In a batch, each recipient's live inbox update holds their message, its record and the
        people it names, not the other records of the batch (which they may not be allowed to
        read), as Odoo's update for one message."""
        task = self.task_dissemination
        with self._recording() as (sent, pushed):
            messages = self.plan.with_user(self.actor)._gep_deliver(
                [
                    (self.plan, self.inbox_vi, self.plan.display_name, self.body, True),
                    (task, self.inbox_en, "Hoạt động", self.body, False),
                ]
            )
        expected = {
            self.inbox_vi.partner_id: (messages[0], self.plan),
            self.inbox_en.partner_id: (messages[1], task),
        }
        self.assertEqual({target for target, _type, _payload in sent}, set(expected))
        # The browser of inbox_en (an inbox recipient of a notification) gets it.
        self.assertEqual(
            [endpoint for endpoint, _payload in pushed], ["https://push.example.com/gep_c_inbox_en"]
        )
        for target, notification_type, payload in sent:
            message, record = expected[target]
            self.assertEqual(notification_type, "mail.message/inbox")
            self.assertEqual([data["id"] for data in payload["mail.message"]], message.ids)
            self.assertEqual(
                [(data["model"], data["id"]) for data in payload["mail.thread"]], [(record._name, record.id)]
            )
            self.assertEqual(
                {data["id"] for data in payload["res.partner"]},
                {self.actor.partner_id.id, target.id},
                "the author and the recipient, nobody of the other message",
            )
            self.assertEqual({data["message"] for data in payload["mail.notification"]}, set(message.ids))
            self.assertTrue(payload["mail.message"][0]["needaction"])
            # inbox_vi follows the plan; inbox_en does not follow the activity.
            follower = self.env["mail.followers"].search(
                [("res_model", "=", record._name), ("res_id", "=", record.id), ("partner_id", "=", target.id)]
            )
            self.assertEqual(bool(follower), target == self.inbox_vi.partner_id)
            self.assertEqual(payload["mail.thread"][0]["selfFollower"], follower.id or False)
            self.assertEqual([data["id"] for data in payload.get("mail.followers", [])], follower.ids)


@tagged("post_install", "-at_install")
class TestDeliverAliasDomain(GenderEqualityPlanCommon):
    """The alias domain of ``_gep_deliver``'s messages (and the bounce address of its e-mails)
    is Odoo's ``_mail_get_alias_domains`` in each configuration: the company's, else the first
    alias domain, which the module reads with the thread's first message, in one query."""

    def _alias_domains(self):
        """The alias domain of a note on the plan: ``(the module's, Odoo's)``."""
        items = [(self.plan, self.user_a, "Subject", "Body", True)]
        _author_id, email_from = self.Plan._gep_sender()
        alias_domain = self.Plan._gep_thread_values(items, email_from)[2]
        odoo = self.plan.sudo()._mail_get_alias_domains(default_company=self.env.company)
        return alias_domain[self.plan._name, self.plan.id], odoo[self.plan.id]

    def test_alias_domain_as_odoo(self):
        Domain = self.env["mail.alias.domain"]
        self.env.company.alias_domain_id = False
        module, odoo = self._alias_domains()
        self.assertEqual(module, odoo, "no alias domain on the company")
        # The first alias domain in Odoo's order (sequence, id), read with the first message.
        later, first = Domain.create(
            [
                {"name": "later.example.vn", "sequence": 20, "bounce_alias": "bounce-later"},
                {"name": "first.example.vn", "sequence": 10, "bounce_alias": "bounce-first"},
            ]
        )
        self.env.company.alias_domain_id = False
        module, odoo = self._alias_domains()
        self.assertEqual((module, odoo), (first, first))
        self.plan._message_log(body="The thread's first message")
        first_message = self.env["mail.message"].search(
            [
                ("model", "=", self.plan._name),
                ("res_id", "=", self.plan.id),
                ("message_type", "!=", "user_notification"),
            ],
            order="id",
            limit=1,
        )
        self.assertTrue(first_message)
        with self.assertQueryCount(1):
            parent, domain = self.Plan._gep_first_messages(
                {self.plan._name: {self.plan.id}}, with_alias_domain=True
            )
        self.assertEqual(
            parent, {(self.plan._name, self.plan.id): (first_message.id, first_message.message_id)}
        )
        self.assertEqual(domain, first)
        # The message and its e-mail carry it.
        self.user_a.notification_type = "email"
        message = self.plan.with_user(self.dept_manager)._gep_deliver(
            [(self.plan, self.user_a, "Subject", "Body", True)]
        )
        self.assertEqual(message.record_alias_domain_id, first)
        mail = self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        self.assertIn("bounce-first@first.example.vn", mail.headers)
        # The company's own alias domain wins.
        self.env.company.alias_domain_id = later
        module, odoo = self._alias_domains()
        self.assertEqual((module, odoo), (later, later))
