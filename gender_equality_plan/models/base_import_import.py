# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

MODULE_MODELS = "gender.equality."


class BaseImportImport(models.TransientModel):
    """Odoo's import dialog names the rows at fault by their index among the data rows: the
    error of the second activity of a workbook says "row 1" (and "row 2" in a column's list),
    where Excel shows it on row 3, under the headers. For the module's models, the rows are named
    as Excel numbers them."""

    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        result = super().execute_import(fields, columns, options, dryrun=dryrun)
        if not (self.res_model or "").startswith(MODULE_MODELS):
            return result
        # Data row i (from 0, after the skipped rows) is Excel's row i + offset + 1.
        header = 1 if options.get("has_headers") else 0
        offset = (options.get("skip") or 0) + header
        messages = result.get("messages", [])
        if len(messages) > 1 and any(
            (other.get("type"), other.get("message")) == (messages[0].get("type"), messages[0].get("message"))
            for other in messages[1:]
        ):
            # Odoo first creates the rows in one batch; when that fails, it repeats the batch's
            # error at the top, on the first row of the batch, then finds it on its own row:
            # the first is a wrong row.
            messages.pop(0)
        for message in messages:
            rows = message.get("rows")
            if rows:
                # The dialog prints ``rows.from + 1`` in a column's list of errors.
                message["rows"] = {key: value + offset for key, value in rows.items()}
            if isinstance(message.get("record"), int):
                # …and ``record`` in "Error at row …".
                message["record"] = (rows or {}).get("from", message["record"]) + offset + 1
        if result.get("name") and header:
            # The names the dialog shows beside a row are looked up by ``rows.from``.
            result["name"] = [""] * header + result["name"]
        return result
