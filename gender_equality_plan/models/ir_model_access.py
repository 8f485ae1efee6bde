# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools


class IrModelAccess(models.Model):
    _inherit = "ir.model.access"

    @api.model
    def _get_allowed_models(self, mode="read"):
        """The models the current user may access in ``mode``, as Odoo computes them from the
        user's groups, cached per set of groups instead of per user (see ``ir.rule._get_rules``:
        each user of the deadline week paid this query again in each worker process). Changing
        an access right clears the cache, as in Odoo."""
        return self._gep_allowed_models(mode, tuple(self.env.user._get_group_ids()))

    @api.model
    @tools.ormcache("mode", "group_ids")
    def _gep_allowed_models(self, mode, group_ids):
        return super()._get_allowed_models(mode)
