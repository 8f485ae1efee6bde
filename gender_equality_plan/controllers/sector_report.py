# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from .file_response import file_response

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class SectorReportController(http.Controller):
    @http.route("/gender_equality_plan/sector_report/<int:report_id>/docx", type="http", auth="user")
    def sector_report_docx(self, report_id):
        """The sector report as an editable .docx, for the users who may read it (as the PDF route:
        an access error answers 403). A user who may not read sector reports is refused before
        the report is looked up: the answer does not tell which ids exist."""
        SectorReport = request.env["gender.equality.sector.report"]
        SectorReport.check_access("read")
        report = SectorReport.browse(report_id).exists()
        if not report:
            raise NotFound()
        report.check_access("read")
        content = report._docx_content()
        return file_response(content, DOCX_TYPE, report._docx_filename())
