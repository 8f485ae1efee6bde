# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval

# Model methods the wizard may call, by action: they take the reason as argument.
REASON_ACTIONS = {"return": "action_return", "reopen": "action_reopen"}


class GenderEqualityReasonWizard(models.TransientModel):
    """Ask the reason of a return or a reopening, then call the record's method with it."""

    _name = "gender.equality.reason.wizard"
    _description = "Reason of a Return"

    res_model = fields.Char(required=True)
    res_ids = fields.Char(required=True)
    action = fields.Selection([("return", "Return"), ("reopen", "Reopen")], required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        approvable = self.env.registry["gender.equality.approval.mixin"]._inherit_children
        if self.res_model not in approvable:
            raise UserError(self.env._("This kind of record cannot be returned."))
        records = self.env[self.res_model].browse(safe_eval(self.res_ids))
        getattr(records, REASON_ACTIONS[self.action])(self.reason)
        return {"type": "ir.actions.act_window_close"}
