# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The format of Decree 30 (Appendix I) read back from every printed document: A4, Liberation
Serif, page numbers centred in the top margin from the second page on (none on the first), the
number and the heading, *nơi nhận* on the left and the signature block (title, name) on the
right of the last page. Each document is given enough text for several pages."""

import io
import re
from datetime import date
from html import unescape

from pyhanko.pdf_utils.reader import PdfFileReader

from odoo import Command
from odoo.tests import HttpCase, tagged

from ..tools import pdf_format, pdf_signature
from .common_inspection import InspectionCommon
from .report_common import ReportCommon
from .sector_report_common import SectorReportCommon
from .test_pdf_reports import MINUTES, PROGRAMME, SECTOR_REPORT, UNIT_REPORT, PdfReportMixin

MM = 72 / 25.4
# A4 with the margins of the paper format (20/20/30/15 mm): the centre of the text column.
PAGE_WIDTH, PAGE_HEIGHT = 595, 842
COLUMN_CENTRE = (30 * MM + (PAGE_WIDTH - 15 * MM)) / 2
TOP_MARGIN = 20 * MM
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _long_html(sentence, count=45):
    return "".join(f"<p>{index}. {sentence}</p>" for index in range(1, count + 1))


class DocumentFormatMixin(PdfReportMixin):
    def _pages(self, content):
        """``[[(x1, y1, x2, y2, word)]]`` of each page (y from the top), as poppler reads it."""
        html = self._run(["pdftotext", "-bbox", "-enc", "UTF-8", "-", "-"], content)
        pages = []
        for page in html.split("<page ")[1:]:
            pages.append(
                [
                    (float(x1), float(y1), float(x2), float(y2), unescape(word))
                    for x1, y1, x2, y2, word in WORD.findall(page)
                ]
            )
        return pages

    def assertDecree30Format(self, content, signer_title, signer_name, left_block="Nơi nhận:"):
        """Page size, fonts, page numbers and the closing blocks of ``content``: ``left_block``
        (the recipients, or the other party of minutes) on the left, the signer on the right."""
        info = self._run(["pdfinfo", "-"], content)
        self.assertRegex(info, r"Page size: +595 x 842 pts \(A4\)")
        fonts = [line.split()[0] for line in self._pdf_fonts(content).splitlines()[2:]]
        self.assertTrue(fonts)
        for font in fonts:
            self.assertRegex(font, r"^([A-Z]{6}\+)?LiberationSerif", "every font is Liberation Serif")
        pages = self._pages(content)
        self.assertGreaterEqual(len(pages), 2, "the document is long enough for two pages")
        in_margin = [[word for word in page if word[3] <= TOP_MARGIN] for page in pages]
        self.assertEqual(in_margin[0], [], "no page number on the first page")
        for index, words in enumerate(in_margin[1:], start=2):
            with self.subTest(page=index):
                self.assertEqual([word[4] for word in words], [str(index)])
                x1, __, x2, __, __ = words[0]
                self.assertAlmostEqual((x1 + x2) / 2, COLUMN_CENTRE, delta=3, msg="centred over the text")
        # The closing blocks, on the last page: nơi nhận on the left half, the signer on the right.
        last = pages[-1]
        text = " ".join(word[4] for word in last)
        self.assertIn(left_block, text)
        recipients = next(word for word in last if word[4] == left_block.split()[0])
        self.assertLess(recipients[0], COLUMN_CENTRE - 30, f"{left_block} on the left")
        for line in (signer_title, signer_name):
            first = line.split()[0]
            words = [word for word in last if word[4] == first and word[1] > recipients[1] - 5]
            self.assertTrue(words, f"{line} is printed in the signature block")
            self.assertGreater(words[-1][0], COLUMN_CENTRE - 30, f"{line} in the right column")
            self.assertIn(line, text)


@tagged("post_install", "-at_install")
class TestUnitReportFormat(DocumentFormatMixin, ReportCommon, HttpCase):
    def test_unit_report_follows_decree_30(self):
        self.unit_a.name = "Trung tâm Y tế Thọ Xuân"
        self.manager_a.name = "Nguyễn Văn Đức"
        report = self._new_report()
        report.with_user(self.user_a).write(
            {"results": _long_html("Đơn vị đã tổ chức truyền thông về bình đẳng giới cho cán bộ, viên chức.")}
        )
        self._submit_at(report, "2026-12-05 03:00:00")
        content = self._render_pdf(UNIT_REPORT, report)
        self.assertDecree30Format(content, "GIÁM ĐỐC", "Nguyễn Văn Đức")
        text = self._pdf_text(content)
        self.assertIn("Số: 01/BC-TEST-A", text)
        self.assertIn("- Sở Y tế (qua Ban VSTBPN);", text)


@tagged("post_install", "-at_install")
class TestMinutesFormat(DocumentFormatMixin, InspectionCommon, HttpCase):
    def test_minutes_follow_decree_30(self):
        self.inspector.name = "Lê Thị Thanh Hương"
        inspection = self._started_inspection(inspection_type="inspection", date=date(2026, 11, 18))
        inspection.write({"conclusion": _long_html("Đơn vị cơ bản hoàn thành nhiệm vụ của Kế hoạch.")})
        content = self._render_pdf(MINUTES, inspection)
        self.assertDecree30Format(
            content, "TRƯỞNG ĐOÀN KIỂM TRA", "Lê Thị Thanh Hương", left_block="ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA"
        )
        self.assertIn(f"Số: {inspection.name}", self._pdf_text(content))


@tagged("post_install", "-at_install")
class TestProgrammeFormat(DocumentFormatMixin, InspectionCommon, HttpCase):
    def test_programme_follows_decree_30(self):
        programme = (
            self.env["gender.equality.inspection.programme"]
            .with_user(self.inspector)
            .create(
                {
                    "unit_id": self.department.id,
                    "year": 2026,
                    "inspection_type": "inspection",
                    "purpose": _long_html("Đánh giá việc thực hiện Kế hoạch truyền thông về bình đẳng giới."),
                    "implementation": "<p>Thanh tra Sở chủ trì thực hiện.</p>",
                    "recipients": "- Các đơn vị có tên trong Kế hoạch;\n- Lưu: VT.",
                    "document_number": "45/KH-SYT",
                    "signer_title": "GIÁM ĐỐC",
                    "signer_name": "Nguyễn Văn An",
                    "line_ids": [
                        Command.create({"unit_id": self.unit_a.id, "planned_date": date(2026, 3, 10)})
                    ],
                }
            )
        )
        content = self._render_pdf(PROGRAMME, programme)
        self.assertDecree30Format(content, "GIÁM ĐỐC", "Nguyễn Văn An")
        self.assertIn("Số: 45/KH-SYT", self._pdf_text(content))


@tagged("post_install", "-at_install")
class TestSectorReportFormat(DocumentFormatMixin, SectorReportCommon, HttpCase):
    def test_sector_report_follows_decree_30(self):
        self.sector.with_user(self.dept_user).write(
            {"report_date": date(2026, 12, 20), "signer_title": "GIÁM ĐỐC"}
        )
        content = self._render_pdf(SECTOR_REPORT, self.sector)
        self.assertDecree30Format(content, "GIÁM ĐỐC", "Nguyễn Văn An")
        text = self._pdf_text(content)
        self.assertIn("Số: 215/BC-SYT", text)
        self.assertIn("- Lưu: VT, Ban VSTBPN.", text)

    def test_a_print_carries_no_signature_marker_nor_field(self):
        """The marker of the signature's place is taken out; a print that is not the issued
        document offers no signature field."""
        content = self._render_pdf(SECTOR_REPORT, self.sector)
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        for index in range(int(reader.root["/Pages"]["/Count"])):
            page = reader.find_page_for_modification(index)[0].get_object()
            for annotation in page.get("/Annots", []):
                action = annotation.get_object().get("/A")
                uri = str(action.get_object().get("/URI", "")) if action is not None else ""
                self.assertFalse(uri.startswith(pdf_format.MARKER_PREFIX))
        self.assertEqual(pdf_signature.signature_fields(content), {})
