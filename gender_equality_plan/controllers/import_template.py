# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from ..models.gender_equality_task import IMPORT_TEMPLATE, IMPORT_TEMPLATE_FILENAME
from .file_response import file_response

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportTemplateController(http.Controller):
    @http.route(IMPORT_TEMPLATE, type="http", auth="user")
    def task_import_template(self):
        """The import template of a plan's activities, made from the configuration as it is now,
        for the users who may add activities (others are refused: an access error answers 403)."""
        Task = request.env["gender.equality.task"]
        Task.check_access("create")
        content = Task._import_template_content()
        return file_response(content, XLSX_TYPE, IMPORT_TEMPLATE_FILENAME)
