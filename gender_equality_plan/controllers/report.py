# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging

import psycopg2.errors

from odoo import http
from odoo.http import request

from odoo.addons.report_xlsx.controllers.main import ReportController

_logger = logging.getLogger(__name__)

# The workbooks that only read (no attachment saved, figures read from the accepted reports):
# their download runs on the standby when Odoo has one.
READONLY_XLSX_REPORTS = ("gender_equality_plan.consolidation_xlsx",)


def _xlsx_download(data):
    """``(report name, ids)`` of a ``/report/download`` of an XLSX report (its ``data``: the
    report's URL and type, as the web client sends them), or ``None`` for any other download."""
    try:
        url, report_type = json.loads(data)[:2]
    except (TypeError, ValueError):
        return None
    if report_type != "xlsx" or not isinstance(url, str) or "/report/xlsx/" not in url:
        return None
    name, __, docids = url.split("/report/xlsx/", 1)[1].split("?", 1)[0].partition("/")
    return name, [int(docid) for docid in docids.split(",") if docid.isdigit()]


class GepReportController(ReportController):
    """The consolidated workbook is downloaded on the standby; the module's PDFs are printed on
    the primary.

    The web client downloads every report through ``/report/download``, a read/write route (a
    PDF may save its attachment). Odoo 18 decides per request whether a route runs on the
    read-only replica (``db_replica_host``): the download of a workbook that only reads is
    read-only. The record it prints (the consolidation, a transient record the form saved just
    before, on the primary) may not have reached a lagging standby yet: the download then runs
    again on the primary (Odoo retries a read-only request that raises ``ReadOnlySqlTransaction``
    with a read/write cursor), rather than failing.

    Odoo's ``/report/<converter>/<report>/<ids>`` is read-only, but the first print of a final
    record stores its document (``gender.equality.document``): the module's PDFs are printed on
    the primary, rather than tried on the standby, refused and printed again.
    """

    def _gep_report_readonly(self):
        return not request.httprequest.path.startswith("/report/pdf/gender_equality_plan.")

    @http.route(readonly=_gep_report_readonly)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        return super().report_routes(reportname, docids=docids, converter=converter, **data)

    def _gep_download_readonly(self):
        download = _xlsx_download(request.httprequest.values.get("data"))
        return bool(download) and download[0] in READONLY_XLSX_REPORTS

    @http.route(readonly=_gep_download_readonly)
    def report_download(self, data, context=None, token=None, readonly=True):
        download = _xlsx_download(data)
        if download and request.env.cr.readonly and download[0] in READONLY_XLSX_REPORTS:
            name, ids = download
            report = request.env["ir.actions.report"]._get_report_from_name(name)
            records = request.env[report.model].browse(ids)
            if report and len(records.exists()) != len(records):
                _logger.info("%s %s not on the standby yet: downloaded from the primary", report.model, ids)
                raise psycopg2.errors.ReadOnlySqlTransaction(
                    f"{report.model} {ids} not replayed on the standby yet"
                )
        return super().report_download(data, context=context, token=token, readonly=readonly)
