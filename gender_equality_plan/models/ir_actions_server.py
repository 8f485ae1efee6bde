# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrActionsServer(models.Model):
    """The server actions of the module's scheduled jobs run only as the superuser.

    Odoo runs a server action without groups for any user who may write on its model: a unit
    officer would send the reminders of a cron again to every head and the whole Department by
    running its action (``ir.actions.server.run``). The cron itself runs as its user (OdooBot),
    and *Run Manually* (``ir.cron.method_direct_trigger``, administrators only) as that user too.
    The cron methods refuse other callers as well (``_gep_check_cron_caller``).
    """

    _inherit = "ir.actions.server"

    def run(self):
        if not self.env.su and self._gep_cron_actions():
            self.env["gender.equality.guard.mixin"]._gep_check_cron_caller()
        return super().run()

    def _gep_cron_actions(self):
        """The actions of ``self`` that are the actions of scheduled jobs of the module."""
        Guard = self.env["gender.equality.guard.mixin"]
        crons = (
            self.env["ir.cron"]
            .sudo()
            .with_context(active_test=False)
            .search([("ir_actions_server_id", "in", self.ids)])
        )
        return crons.filtered(
            lambda cron: Guard._gep_is_module_model(cron.model_id.model)
        ).ir_actions_server_id
