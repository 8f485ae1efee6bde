# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from ..tools.html_clean import clean_html


class MailThread(models.AbstractModel):
    """Messages about a record of the module, posted by a user bound by the policy:

    - reach, and are followed by, only people who can open the record (a message, a notification
      or a follower of another unit's head would tell them what the record says);
    - are written in the user's own name;
    - bring files only while the record's files are not frozen (``_gep_attachments_frozen``);
    - change afterwards only as ``mail.message`` allows (own comments, record still editable).

    The same rule answers over the API (``message_post``, ``message_notify``,
    ``message_subscribe``) and in the chatter, whose controllers post as superuser once Odoo
    checked the access (``controllers/mail.py`` asks ``_gep_check_post`` first). A model of the
    module without a chatter is covered too (``message_notify`` with ``model``/``res_id``).
    """

    _inherit = "mail.thread"

    @api.model
    def _gep_bound(self, records):
        """Whether ``records`` are records of the module whose policy binds the current user."""
        Guard = self.env["gender.equality.guard.mixin"]
        return bool(records) and Guard._gep_is_module_model(records._name) and records._gep_enforced()

    @api.model
    def _gep_check_post(self, records, partner_ids=None, author_id=None, with_files=False):
        """Refuse a message about ``records`` that the current user may not send."""
        if not self._gep_bound(records):
            return
        # Odoo's access first: a user who may not see the record is told only that.
        records.check_access("read")
        if author_id and author_id != self.env.user.partner_id.id:
            raise AccessError(
                self.env._(
                    "You can only write messages in your own name: the author of a message "
                    "on %(model)s is the person who posts it.",
                    model=records._gep_model_label(),
                )
            )
        self._gep_check_recipients(records, partner_ids)
        if with_files:
            records._gep_check_attachments_editable()

    @api.model
    def _gep_check_recipients(self, records, partner_ids):
        """Every partner of ``partner_ids`` must have a user who may read ``records``."""
        if not partner_ids or not self._gep_bound(records):
            return
        records.check_access("read")
        blind = self._gep_blind_partners(records, partner_ids)
        if blind:
            raise UserError(
                self.env._(
                    "%(people)s cannot open %(record)s: only the people who can open a record (the "
                    "members of its unit, its approvers, inspectors and the Department) are notified "
                    "of it or follow it. Remove them from the recipients.",
                    people=", ".join(blind.mapped("name")),
                    record=records.sudo()[:1].display_name,
                )
            )

    @api.model
    def _gep_blind_partners(self, records, partner_ids):
        """The partners of ``partner_ids`` without a user who may read ``records``."""
        partners = self.env["res.partner"].sudo().browse(partner_ids).exists()
        records = records.sudo(False)
        return partners.filtered(
            lambda partner: not any(records.with_user(user).has_access("read") for user in partner.user_ids)
        )

    # ------------------------------------------------------------
    # DOORS
    # ------------------------------------------------------------

    def message_post(self, **kwargs):
        self._gep_check_post(
            self,
            partner_ids=kwargs.get("partner_ids"),
            author_id=kwargs.get("author_id"),
            with_files=bool(kwargs.get("attachment_ids") or kwargs.get("attachments")),
        )
        if self._gep_bound(self):
            kwargs = self._gep_clean_body(kwargs)
        return super().message_post(**kwargs)

    @api.model
    def _gep_clean_body(self, kwargs):
        """A message's HTML is text formatting only, as the narratives are (``clean_html``): an
        image or a style in a comment would make whoever reads the chatter fetch an address (or
        log out, with ``/web/session/logout``). A plain-text body is escaped by Odoo already."""
        body = kwargs.get("body")
        if body and (isinstance(body, Markup) or kwargs.get("body_is_html")):
            kwargs = dict(kwargs, body=Markup(clean_html(str(body))))
        return kwargs

    def message_notify(self, **kwargs):
        record = self
        model, res_id = kwargs.get("model"), kwargs.get("res_id")
        if not self and model in self.env and isinstance(res_id, int):
            record = self.env[model].browse(res_id)
        if self._gep_bound(record):
            # A notification about a record tells its name: only about records one can read
            # (``_gep_check_post`` checks it first).
            self._gep_check_post(
                record,
                partner_ids=kwargs.get("partner_ids"),
                author_id=kwargs.get("author_id"),
                with_files=bool(kwargs.get("attachment_ids") or kwargs.get("attachments")),
            )
        return super().message_notify(**kwargs)

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        done = self.env.context.get("gep_followers_done")
        if (
            done
            and partner_ids
            and not subtype_ids
            and all(
                (self._name, res_id, partner_id) in done for res_id in self.ids for partner_id in partner_ids
            )
        ):
            # The workflow subscribed the assignees of its to-dos in one batch before creating
            # them (``_approval_create_todos``); ``mail.activity`` would subscribe each assignee
            # again, one set of queries each.
            return True
        self._gep_check_recipients(self, partner_ids)
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def message_unsubscribe(self, partner_ids=None):
        """A user stops following a record of the module themselves; who else follows it (its
        head, its approvers) is the workflow's business."""
        others = set(partner_ids or ()) - {self.env.user.partner_id.id}
        if others and self._gep_bound(self):
            raise AccessError(
                self.env._(
                    "You can stop following %(model)s yourself, but not remove other followers: "
                    "they follow it for the workflow.",
                    model=self._gep_model_label(),
                )
            )
        return super().message_unsubscribe(partner_ids=partner_ids)

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        """A responsible who cannot open the record does not follow it (nor hears of it)."""
        followers = super()._message_auto_subscribe_followers(updated_values, default_subtype_ids)
        if followers and self._gep_bound(self):
            blind = self._gep_blind_partners(self, [partner_id for partner_id, *_rest in followers]).ids
            followers = [follower for follower in followers if follower[0] not in blind]
        return followers

    def _message_update_content(
        self, message, body, attachment_ids=None, partner_ids=None, strict=True, **kwargs
    ):
        """The chatter's edit and delete of a message (the controller hands a superuser message)."""
        if self._gep_bound(self):
            message.with_env(self.env)._gep_check_changes()
            if isinstance(body, Markup):
                body = Markup(clean_html(str(body)))
            if attachment_ids is not None and set(attachment_ids) != set(message.sudo().attachment_ids.ids):
                self._gep_check_attachments_editable()
            self._gep_check_recipients(self, partner_ids)
        return super()._message_update_content(
            message, body, attachment_ids=attachment_ids, partner_ids=partner_ids, strict=strict, **kwargs
        )
