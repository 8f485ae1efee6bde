# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from collections import OrderedDict

from odoo import models

from ..tools import pdf_format

MODULE = "gender_equality_plan"


class IrActionsReport(models.Model):
    """The PDF documents of the module, finished in one place after Odoo's rendering.

    - A record that has a final document (``gender.equality.document.mixin``) prints it: the
      signed PDF, or the final PDF waiting for its signature, as kept; a later change of the
      record's data does not change what was issued.
    - Any other print of the module's reports is rendered by wkhtmltopdf one record at a time,
      then finished for Decree 30 (``tools.pdf_format``): page numbers from the second page, the
      signature markers taken out (and, when the module issues the final PDF, the signer's empty
      signature field put in their place).
    Other reports are left to Odoo.
    """

    _inherit = "ir.actions.report"

    def _gep_is_module_report(self, report):
        return report.report_type == "qweb-pdf" and (report.report_name or "").startswith(MODULE + ".")

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        report = self._get_report(report_ref)
        if not self._gep_is_module_report(report):
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        issuing = bool(self.env.context.get("gep_issue"))
        margins = (
            report.paperformat_id.margin_top,
            report.paperformat_id.margin_bottom,
            report.paperformat_id.margin_left,
            report.paperformat_id.margin_right,
        )
        if not res_ids:
            streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
            return self._gep_finish_streams(streams, margins, False)
        records = self.env[report.model].browse(list(OrderedDict.fromkeys(res_ids)))
        stored = {}
        if not issuing and hasattr(records, "_gep_stored_documents"):
            records.check_access("read")
            stored = records._gep_stored_documents()
        streams = OrderedDict()
        for record in records:
            if record.id in stored:
                streams[record.id] = {"stream": io.BytesIO(stored[record.id]), "attachment": None}
                continue
            # One record at a time: each document has its own page numbers and signature places.
            rendered = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=record.ids)
            value = rendered.get(record.id) or next(iter(rendered.values()))
            streams[record.id] = self._gep_finish_streams({record.id: value}, margins, issuing)[record.id]
        return streams

    def _gep_finish_streams(self, streams, margins, signature_field):
        for value in streams.values():
            if value.get("stream"):
                finished = pdf_format.finish(
                    value["stream"].getvalue(), margins, signature_field=signature_field
                )
                value["stream"] = io.BytesIO(finished.content)
        return streams
