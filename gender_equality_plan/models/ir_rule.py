# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """Records of the module refused by a record rule get the module's plain message
        (whose unit the record is, what the user may do), wherever the refusal comes from."""
        if hasattr(records, "_gep_make_access_error"):
            return records._gep_make_access_error(operation, records)
        return super()._make_access_error(operation, records)
