# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class GenderEqualityRecordWizard(models.AbstractModel):
    """A dialog about one record of the models that inherit ``_gep_record_mixin`` (the record
    comes from the button that opens it, in its context): the action that opens it, the record
    it points to, and the refusal of any other record."""

    _name = "gender.equality.record.wizard"
    _description = "Dialog About One Record"
    _inherit = ["gender.equality.guard.mixin"]
    _gep_writable_fields = ("res_model", "res_id")
    # The abstract model the record's model must inherit.
    _gep_record_mixin = None

    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Integer(required=True, readonly=True)

    def _gep_action_title(self):
        raise NotImplementedError

    def _gep_no_record_message(self):
        raise NotImplementedError

    @api.model
    def _get_action(self, record):
        return {
            "type": "ir.actions.act_window",
            "name": self._gep_action_title(),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_res_model": record._name, "default_res_id": record.id},
        }

    def _record(self):
        """The record to act on, or None when the wizard does not point to a record of a model
        that inherits ``_gep_record_mixin``."""
        self.ensure_one()
        models_allowed = self.env.registry[self._gep_record_mixin]._inherit_children
        if self.res_model not in models_allowed or self.res_model not in self.env or not self.res_id:
            return None
        return self.env[self.res_model].browse(self.res_id)

    @api.constrains("res_model", "res_id")
    def _check_record(self):
        for wizard in self:
            record = wizard._record()
            if record is None:
                raise UserError(wizard._gep_no_record_message())
            record.check_access("read")
