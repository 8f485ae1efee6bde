# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression

from .mail_followers import _named_values, _refuse_hidden_rows


class MailNotification(models.Model):
    """Who was notified of a message about a record of the module is read only by the users who
    may read the record (and each user reads their own notifications).

    Odoo lets every internal user read every notification row: another unit would list what was
    notified to whom about its plans and reports. The rows are filtered in the database, as the
    followers are (``mail.followers._gep_visible_domain``).
    """

    _inherit = "mail.notification"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain, self._gep_visible_domain(domain)])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        return _refuse_hidden_rows(self, operation, super()._check_access(operation))

    @api.model
    def _gep_visible_domain(self, domain):
        """Own notifications, and those of messages about records that the user may read."""
        partner = self.env.user.partner_id
        if _named_values(domain, "res_partner_id") == {partner.id}:
            return []
        visible = self.env["mail.followers"]._gep_visible_domain("model", "res_id")
        if not visible:
            return []
        # The messages' own ``_search`` filters in Python: a plain sub-query of the table instead.
        messages = self.env["mail.message"].sudo()._where_calc(visible)
        return ["|", ("res_partner_id", "=", partner.id), ("mail_message_id", "in", messages)]
