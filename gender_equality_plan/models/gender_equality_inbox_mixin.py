# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class GenderEqualityInboxMixin(models.AbstractModel):
    """Internal users without an e-mail address are notified in Odoo (their inbox) instead of
    by an e-mail that could not be sent. Many health-unit staff have no address."""

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
