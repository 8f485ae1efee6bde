# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class GenderEqualityApprovableWizardMixin(models.AbstractModel):
    """The records of the approval workflow that a dialog acts on: a model that inherits the
    approval mixin and ids, from the button or the list that opened it (its context), checked
    before anything reads them."""

    _name = "gender.equality.approvable.wizard.mixin"
    _description = "Dialog on Records of the Approval Workflow"

    res_model = fields.Char(required=True, readonly=True)
    # Checked by ``_check_records`` (an empty selection is refused there, with a clear message).
    res_ids = fields.Json(readonly=True)
    # Set by the decision: a dialog decides once (``_mark_decided``).
    decided = fields.Boolean(readonly=True)

    def _records_allowed(self):
        """Whether the dialog may act on its records, beyond their model and ids."""
        return True

    def _records_refusal(self):
        """The message of a dialog that describes no records it may act on."""
        return self.env._("Select the records to approve or return first.")

    def _records(self):
        """The records to act on, or None when the dialog does not describe records of the
        approval workflow that it may act on."""
        self.ensure_one()
        approvable = self.env.registry["gender.equality.approval.mixin"]._inherit_children
        ids = self.res_ids if isinstance(self.res_ids, list) else []
        if (
            self.res_model not in approvable
            or self.res_model not in self.env
            or not ids
            or not all(isinstance(record_id, int) and not isinstance(record_id, bool) for record_id in ids)
            or not self._records_allowed()
        ):
            return None
        return self.env[self.res_model].browse(ids)

    def _checked_records(self):
        """The records to act on, readable by the user; refused with a clear message otherwise."""
        records = self._records()
        if records is None:
            raise UserError(self._records_refusal())
        records.check_access("read")
        return records

    def _check_not_decided(self):
        """A dialog decides once. Clicking its button again after an error whose answer was lost
        (the decision was made and committed) would decide the next stage for a user who decides
        two stages in a row: refused, with what to do."""
        if self.decided:
            raise UserError(
                self.env._(
                    "This dialog has already been confirmed: close it and reload the records to see "
                    "where they stand."
                )
            )

    def _mark_decided(self):
        self.sudo().decided = True

    @api.constrains("res_model", "res_ids")
    def _check_records(self):
        for wizard in self:
            wizard._checked_records()
