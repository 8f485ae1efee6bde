# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..tools import html_clean


class ReportInspectionMinutes(models.AbstractModel):
    """The minutes of an inspection (PDF): printed for the users who may read it."""

    _name = "report.gender_equality_plan.report_inspection_minutes"
    _description = "Inspection Minutes (printing)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["gender.equality.inspection"].browse(docids)
        # Checked before rendering: a refusal is an access error (403), not a rendering error.
        docs.check_access("read")
        # An external inspection's document is the conclusion of the body that carried it out.
        docs._check_printable()
        # The narratives are printed as text formatting only, even those stored before the
        # rule (tools.html_clean): wkhtmltopdf fetches nothing that a user wrote.
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "data": data,
            "clean_html": html_clean.clean_html,
        }
