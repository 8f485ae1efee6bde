# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sector report as an editable Word document, read back with python-docx."""

import io

from docx import Document
from docx.oxml.ns import qn
from freezegun import freeze_time

from odoo.tests import BaseCase, HttpCase, tagged
from odoo.tools import mute_logger

from ..tools.html_text import html_paragraphs, html_plain_lines
from .sector_report_common import SectorReportCommon

NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _read(content):
    return Document(io.BytesIO(content))


def _paragraphs(document):
    return [paragraph.text for paragraph in document.paragraphs]


def _table_rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestSectorReportDocx(SectorReportCommon):
    def _docx(self, report=None, user=None):
        return _read((report or self.sector).with_user(user or self.dept_user)._docx_content())

    def test_heading_table_with_the_issuing_body_and_the_national_motto(self):
        document = self._docx()
        left, right = document.tables[0].rows[0].cells
        self.assertEqual(
            [paragraph.text for paragraph in left.paragraphs], ["SỞ Y TẾ THANH HÓA", "———", "Số: 215/BC-SYT"]
        )
        self.assertTrue(left.paragraphs[0].runs[0].bold)
        self.assertEqual(
            [paragraph.text for paragraph in right.paragraphs],
            [*NATIONAL_MOTTO, "———————", "Thanh Hóa, ngày 20 tháng 12 năm 2026"],
        )

    def test_page_numbers_from_the_second_page_centred_in_the_header(self):
        section = self._docx().sections[0]
        self.assertTrue(section.different_first_page_header_footer, "no number on the first page")
        self.assertFalse(section.first_page_header.paragraphs[0].text)
        paragraph = section.header.paragraphs[0]
        self.assertEqual(paragraph.alignment, 1)  # WD_ALIGN_PARAGRAPH.CENTER
        self.assertIn("PAGE", [node.text.strip() for node in paragraph._p.iter(qn("w:instrText"))])
        self.assertEqual((round(section.top_margin.cm, 2), round(section.left_margin.cm, 2)), (2, 3))

    def test_title_bold_and_centred(self):
        paragraphs = self._docx().paragraphs
        title = next(paragraph for paragraph in paragraphs if paragraph.text == "BÁO CÁO")
        self.assertTrue(title.runs[0].bold)
        self.assertEqual(title.alignment, 1)  # WD_ALIGN_PARAGRAPH.CENTER
        texts = [paragraph.text for paragraph in paragraphs]
        self.assertIn(
            "Kết quả thực hiện công tác truyền thông về bình đẳng giới năm 2026 của ngành Y tế", texts
        )
        # The default addressees of 2026: the province and its body of gender equality.
        self.assertIn("Kính gửi:", texts)
        self.assertIn("- Ủy ban nhân dân tỉnh Thanh Hóa", texts)
        self.assertIn("- Sở Nội vụ tỉnh Thanh Hóa", texts)
        self.assertIn("DỰ THẢO", texts)

    def test_figures_tables_are_those_of_the_summary(self):
        document = self._docx()
        summary = self._summary()
        tables = {table.rows[0].cells[0].text: _table_rows(table) for table in document.tables[1:-1]}
        objectives = tables["Mục tiêu"]
        self.assertEqual(objectives[0], ["Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"])
        self.assertEqual(objectives[1][1:], ["≥ 100%", "33,3%", "Chưa đạt"])
        self.assertEqual(
            tables["Lĩnh vực hoạt động"][-1],
            [
                "Tổng cộng",
                str(summary["activities_held"]),
                str(summary["participants_male"]),
                str(summary["participants_female"]),
                str(summary["participants_total"]),
            ],
        )
        self.assertEqual(tables["Loại đơn vị"][-1], ["Tổng cộng", "3", "2", "1", "1", "1"])
        self.assertIn("Hình thức", tables)
        self.assertIn("Nguồn kinh phí", tables)
        # The review of 2021–2025 (the report of 2026).
        self.assertEqual(tables["Năm"][0][-1], "Nguồn số liệu")
        self.assertEqual(document.tables[1].style.name, "Table Grid")

    def test_narrative_sections_and_headings(self):
        texts = _paragraphs(self._docx())
        for fragment in (
            "I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN",
            "II. KẾT QUẢ THỰC HIỆN",
            "III. KẾT QUẢ GIAI ĐOẠN 2021–2025",
            "IV. ĐÁNH GIÁ CHUNG",
            "Các đơn vị triển khai đầy đủ kế hoạch.",
            "Một số đơn vị gửi báo cáo muộn.",
            "V. NHIỆM VỤ TRỌNG TÂM NĂM 2027",
            "- Duy trì 02 cuộc truyền thông mỗi năm.",
            "VI. ĐỀ XUẤT, KIẾN NGHỊ",
            "Đề nghị bố trí kinh phí tập huấn.",
        ):
            with self.subTest(fragment=fragment):
                self.assertIn(fragment, texts)
        strengths = next(
            p for p in self._docx().paragraphs if p.text == "Các đơn vị triển khai đầy đủ kế hoạch."
        )
        self.assertEqual([run.bold for run in strengths.runs], [None, True, None])

    def test_recipients_and_signature(self):
        left, right = self._docx().tables[-1].rows[0].cells
        recipients = [paragraph.text for paragraph in left.paragraphs]
        self.assertEqual(recipients[0], "Nơi nhận:")
        self.assertIn("- Lưu: VT, Ban VSTBPN.", recipients)
        signature = [paragraph.text for paragraph in right.paragraphs if paragraph.text]
        self.assertEqual(signature[:2], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        self.assertEqual(signature[-1], "Nguyễn Văn An")

    def test_the_issued_report_is_not_a_draft_and_keeps_its_figures(self):
        self._issue()
        self.report_b.with_user(self.dept_user).action_approve()
        document = self._docx(user=self.inspector)
        texts = _paragraphs(document)
        self.assertNotIn("DỰ THẢO", texts)
        self.assertIn("1 báo cáo đã được Sở Y tế chấp thuận", " ".join(texts))
        self.assertEqual(document.styles["Normal"].font.name, "Times New Roman")


@tagged("post_install", "-at_install")
class TestHtmlParagraphs(BaseCase):
    def test_blocks_runs_and_list_items(self):
        paragraphs = html_paragraphs(
            "<p>Kế hoạch <strong>đầy đủ</strong>, <em>đúng hạn</em>.</p>"
            "<ul><li>Một</li><li>Hai</li></ul>dòng<br/>mới"
        )
        self.assertEqual(
            paragraphs[0]["runs"],
            [
                ("Kế hoạch ", False, False),
                ("đầy đủ", True, False),
                (", ", False, False),
                ("đúng hạn", False, True),
                (".", False, False),
            ],
        )
        self.assertEqual([paragraph["list"] for paragraph in paragraphs], [False, True, True, False, False])

    def test_plain_lines_and_empty_values(self):
        self.assertEqual(html_plain_lines("<ul><li>Một</li></ul><p> </p><p>Hai</p>"), ["- Một", "Hai"])
        self.assertEqual(html_paragraphs(False), [])
        self.assertEqual(html_paragraphs("<p><br></p>"), [])


@tagged("post_install", "-at_install")
class TestSectorReportDocxRoute(HttpCase):
    """The Word document through its route, as a browser asks for it: the Department and
    inspectors download it, a unit officer is refused."""

    def _route(self):
        report = self.env.ref(
            "gender_equality_plan.gender_equality_sector_report_2026_demo", raise_if_not_found=False
        )
        if not report:
            self.skipTest("no demo data")
        return f"/gender_equality_plan/sector_report/{report.id}/docx"

    def test_the_department_downloads_the_word_document(self):
        route = self._route()
        for login in ("thuongtruc", "thanhtra"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                response = self.url_open(route)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.headers["Content-Type"], DOCX_TYPE)
                self.assertIn(".docx", response.headers["Content-Disposition"])
                texts = _paragraphs(_read(response.content))
                self.assertIn("BÁO CÁO", texts)
                self.assertIn("III. KẾT QUẢ GIAI ĐOẠN 2021–2025", texts)

    @mute_logger("odoo.http")
    def test_a_unit_officer_is_refused(self):
        route = self._route()
        self.authenticate("canbo.thoxuan", "canbo.thoxuan")
        response = self.url_open(route)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(response.content.startswith(b"PK"))
        self.authenticate("thuongtruc", "thuongtruc")
        self.assertEqual(self.url_open("/gender_equality_plan/sector_report/999999/docx").status_code, 404)
