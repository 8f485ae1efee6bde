# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The PDF reports rendered for real, through wkhtmltopdf, and read back with pdftotext.

In test mode Odoo renders reports as HTML unless the context has ``force_report_rendering``
(``ir.actions.report._pre_render_qweb_pdf``); Odoo's own tests force real PDFs that way.
wkhtmltopdf loads the report's stylesheets over HTTP from ``report.url`` or ``web.base.url``:
these are ``HttpCase`` tests, so ``web.base.url`` is the test server, which serves them through
the test transaction while the test waits for wkhtmltopdf (as in Odoo's ``web`` report tests).
``make test`` installs wkhtmltopdf, pdftotext (poppler-utils) and the fonts.

The route ``/report/pdf/...`` (who may print what) is tested end to end in
``tests/test_e2e_pdf.py``: in an ``HttpCase`` the request holds the test cursor's lock while
wkhtmltopdf asks the same server for the stylesheets, which wait for that lock (tried: the
request never answers).
"""

import re
import shutil
import subprocess
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common_inspection import InspectionCommon
from .report_common import ReportCommon
from .sector_report_common import SectorReportCommon

MINUTES = "gender_equality_plan.action_report_gender_equality_inspection"
UNIT_REPORT = "gender_equality_plan.action_report_gender_equality_report"
PROGRAMME = "gender_equality_plan.action_report_gender_equality_inspection_programme"
SECTOR_REPORT = "gender_equality_plan.action_report_gender_equality_sector_report"
NATIONAL_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


class PdfReportMixin:
    """Render a report as a PDF through wkhtmltopdf and read it back."""

    def setUp(self):
        super().setUp()
        state = self.env["ir.actions.report"].get_wkhtmltopdf_state()
        self.assertEqual(
            state, "ok", "wkhtmltopdf is missing or unusable: run `make test`, which installs it"
        )
        for tool in ("pdftotext", "pdffonts"):
            self.assertTrue(shutil.which(tool), f"{tool} is missing: apt-get install poppler-utils")

    def _render_pdf(self, report_ref, records, user=None):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            Report = Report.with_user(user)
        content, report_type = Report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF-"), "not a PDF document")
        return content

    def _pdf_text(self, content):
        """The text of the PDF, laid out as printed (``pdftotext -layout``)."""
        return self._run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], content)

    def _pdf_fonts(self, content):
        return self._run(["pdffonts", "-"], content)

    def _run(self, command, content):
        result = subprocess.run(command, input=content, capture_output=True, check=True, timeout=60)
        return result.stdout.decode()

    def assertPrinted(self, text, fragments):
        for fragment in fragments:
            self.assertIn(fragment, text)

    def assertTimesLikeFont(self, content):
        """'Times New Roman' or its metric-compatible substitute, not a fallback font."""
        fonts = self._pdf_fonts(content)
        self.assertRegex(fonts, r"(?m)^(LiberationSerif|TimesNewRoman)", fonts)


@tagged("post_install", "-at_install")
class TestInspectionMinutesPdf(PdfReportMixin, InspectionCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspector.name = "Lê Thị Thanh Hương"
        cls.manager_a.name = "Nguyễn Văn Đức"
        cls.unit_a.name = "Trung tâm Y tế Thọ Xuân"
        cls.inspection = cls._started_inspection(
            inspection_type="inspection", decision_number="12/QĐ-SYT", date=date(2026, 11, 18)
        )
        cls._answer(cls.inspection, {cls.item_plan: "yes", cls.item_sessions: "no", cls.item_report: "yes"})
        cls.inspection.write(
            {
                "strengths": "<p>Kế hoạch được xây dựng đầy đủ, đúng hạn.</p>",
                "shortcomings": "<p>Chỉ tổ chức được một buổi truyền thông.</p>",
                "conclusion": "<p>Đơn vị cơ bản hoàn thành nhiệm vụ.</p>",
                "violation_ids": [Command.create({"description": "Gửi báo cáo chậm", "severity": "major"})],
            }
        )
        cls.inspection.action_done()

    def test_minutes_print_as_a_pdf_with_the_national_motto(self):
        content = self._render_pdf(MINUTES, self.inspection)
        text = self._pdf_text(content)
        self.assertPrinted(text, NATIONAL_MOTTO)
        self.assertPrinted(
            text,
            (
                "SỞ Y TẾ THANH HÓA",  # the Department issues the minutes of its inspections
                f"Số: {self.inspection.name}",
                "Thanh Hóa, ngày 18 tháng 11 năm 2026",
                "BIÊN BẢN KIỂM TRA",
                # The legal bases in force at the inspection's date (Configuration > Legal Bases).
                "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;",
                "Căn cứ Quyết định số 12/QĐ-SYT",
            ),
        )
        # A kiểm tra cites no law of the thanh tra; no grade before a scale is adopted.
        self.assertNotIn("Luật Thanh tra", text)
        self.assertNotIn("Xếp loại", text)

    def test_minutes_keep_vietnamese_diacritics_names_and_figures(self):
        text = self._pdf_text(self._render_pdf(MINUTES, self.inspection))
        self.assertPrinted(
            text,
            (
                "Đơn vị được kiểm tra: Trung tâm Y tế Thọ Xuân",
                "Lê Thị Thanh Hương – Trưởng đoàn",
                "Điểm đánh giá: 66,7%",
                "Kế hoạch được xây dựng đầy đủ, đúng hạn.",
                "Chỉ tổ chức được một buổi truyền thông.",
                "Gửi báo cáo chậm (mức độ: lớn)",
                "Đơn vị cơ bản hoàn thành nhiệm vụ.",
                "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA",
                "Nguyễn Văn Đức",
            ),
        )

    def test_minutes_use_a_times_like_serif(self):
        self.assertTimesLikeFont(self._render_pdf(MINUTES, self.inspection))

    def test_a_legal_basis_of_a_later_date_does_not_change_the_minutes(self):
        """The law changes on 1/1/2027: the Department ends the basis on 31/12/2026 and adds the
        new one. The minutes of 18/11/2026 print the basis of their date, as before."""
        law = self.env.ref("gender_equality_plan.gender_equality_legal_basis_gender_equality_law")
        law.with_user(self.dept_manager).date_to = date(2026, 12, 31)
        self.env["gender.equality.legal.basis"].with_user(self.dept_manager).create(
            {"name": "Luật Bình đẳng giới (sửa đổi) năm 2026", "date_from": date(2027, 1, 1)}
        )
        text = self._pdf_text(self._render_pdf(MINUTES, self.inspection))
        self.assertIn("Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;", text)
        self.assertNotIn("sửa đổi", text)

    def test_unit_member_prints_the_minutes_of_their_unit(self):
        text = self._pdf_text(self._render_pdf(MINUTES, self.inspection, user=self.user_a))
        self.assertPrinted(text, ("BIÊN BẢN KIỂM TRA", "Trung tâm Y tế Thọ Xuân", "SỞ Y TẾ THANH HÓA"))


@tagged("post_install", "-at_install")
class TestUnitReportPdf(PdfReportMixin, ReportCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_a.name = "Trung tâm Y tế Thọ Xuân"
        cls.manager_a.name = "Nguyễn Văn Đức"
        cls.report_a = cls._new_report()
        cls.report_a.with_user(cls.user_a).write(
            {
                "results": "<p>Đã tổ chức 02 cuộc truyền thông về bình đẳng giới.</p>",
                "assessment_shortcomings": "<p>Kinh phí còn hạn chế.</p>",
            }
        )
        cls._submit_at(cls.report_a, "2026-12-05 03:00:00")
        cls._accept(cls.report_a)

    def test_report_prints_as_a_pdf_with_the_national_motto(self):
        text = self._pdf_text(self._render_pdf(UNIT_REPORT, self.report_a))
        self.assertPrinted(text, NATIONAL_MOTTO)
        self.assertPrinted(
            text,
            (
                "SỞ Y TẾ THANH HÓA",
                "TRUNG TÂM Y TẾ THỌ XUÂN",
                "Số: 01/BC-TEST-A",
                "Thanh Hóa, ngày 05 tháng 12 năm 2026",
                "BÁO CÁO",
                "Kết quả thực hiện công tác truyền thông về bình đẳng giới năm 2026",
            ),
        )

    def test_report_keeps_vietnamese_diacritics_and_figures(self):
        text = self._pdf_text(self._render_pdf(UNIT_REPORT, self.report_a))
        self.assertPrinted(
            text,
            (
                "Đã tổ chức 02 cuộc truyền thông về bình đẳng giới.",
                "Kinh phí còn hạn chế.",
                "NHIỆM VỤ TRỌNG TÂM NĂM 2027",
                "Nơi nhận:",
                "GIÁM ĐỐC",  # the title of the head of a health centre
                "Nguyễn Văn Đức",
            ),
        )
        # The fixture's figures (report_common): held activities of unit A in 2026, its survey.
        for section, key, value in (
            ("activities", "dissemination", "2"),
            ("activities", "participants_male", "18"),
            ("activities", "participants_female", "31"),
            ("activities", "participants_total", "49"),
            ("awareness", "rate", "60,0%"),
        ):
            line = self.report_a.line_ids.filtered(
                lambda line, s=section, k=key: (line.section, line.key) == (s, k)
            )
            self.assertRegex(text, rf"(?m)^ *{re.escape(line.name)} +{re.escape(value)} *$")

    def test_report_uses_a_times_like_serif(self):
        self.assertTimesLikeFont(self._render_pdf(UNIT_REPORT, self.report_a))

    def test_a_long_name_of_the_unit_fits_the_heading_in_whole_lines(self):
        """Decree 30's heading: a long name is printed on lines cut between its words (before
        its place), never wrapped by the column ("…TỈNH THANH" / "HÓA")."""
        self.unit_a.name = "Trung tâm Kiểm soát bệnh tật tỉnh Thanh Hóa"
        lines = [
            line.strip() for line in self._pdf_text(self._render_pdf(UNIT_REPORT, self.report_a)).splitlines()
        ]
        heading = [line.split("   ")[0] for line in lines[:6]]
        self.assertEqual(heading[:3], ["SỞ Y TẾ THANH HÓA", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "TỈNH THANH HÓA"])
        self.assertNotIn("HÓA", heading)

    def test_unit_member_prints_the_report_of_their_unit(self):
        text = self._pdf_text(self._render_pdf(UNIT_REPORT, self.report_a, user=self.user_a))
        self.assertPrinted(text, ("BÁO CÁO", "TRUNG TÂM Y TẾ THỌ XUÂN", *NATIONAL_MOTTO))


@tagged("post_install", "-at_install")
class TestFormalInspectionMinutesPdf(PdfReportMixin, InspectionCommon, HttpCase):
    def test_formal_inspection_minutes_of_2024_print_as_the_department_issued_them(self):
        """Before Luật Thanh tra 84/2025/QH15, the Department's inspectorate carried out a thanh
        tra, under the law of 2022 in force at its date."""
        inspection = self._started_inspection(
            inspection_type="audit", inspection_category="administrative", year=2024, date=date(2024, 10, 2)
        )
        text = self._pdf_text(self._render_pdf(MINUTES, inspection))
        self.assertPrinted(
            text,
            (
                "SỞ Y TẾ THANH HÓA",
                "BIÊN BẢN THANH TRA",
                "Thanh tra hành chính, công vụ việc thực hiện chính sách, pháp luật",
                "Căn cứ Luật Thanh tra ngày 14 tháng 11 năm 2022;",
                "Đơn vị được thanh tra: Unit A",
                "TRƯỞNG ĐOÀN THANH TRA",
            ),
        )
        self.assertNotIn("BIÊN BẢN KIỂM TRA", text)

    def test_a_thanh_tra_of_2026_is_not_printed_under_the_department(self):
        """Since 1/7/2025 the provincial inspectorate carries it out: the Department records it and
        its conclusion, and prints no minutes of it under "SỞ Y TẾ THANH HÓA"."""
        inspection = self._create_inspection(
            inspection_type="audit",
            date=date(2026, 10, 2),
            external_body="Thanh tra tỉnh Thanh Hóa",
            conclusion_number="12/KL-TTT",
            conclusion_date=date(2026, 11, 2),
        )
        self.assertTrue(inspection.is_external)
        with self.assertRaisesRegex(UserError, "prints no minutes of it in the name of a unit"):
            self._render_pdf(MINUTES, inspection)

    def test_graded_minutes_print_the_grade_with_its_adopted_scale(self):
        self._adopt_grading_scale()
        inspection = self._started_inspection(inspection_type="inspection", date=date(2026, 11, 18))
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        inspection.action_done()
        text = self._pdf_text(self._render_pdf(MINUTES, inspection))
        self.assertPrinted(text, ("Xếp loại: Khá", "Thang xếp loại", "Quyết định số 15/QĐ-SYT"))


@tagged("post_install", "-at_install")
class TestInspectionProgrammePdf(PdfReportMixin, InspectionCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_a.name = "Trung tâm Y tế Thọ Xuân"
        cls.unit_b.name = "Bệnh viện Đa khoa Nga Sơn"
        cls.programme = (
            cls.env["gender.equality.inspection.programme"]
            .with_user(cls.inspector)
            .create(
                {
                    "unit_id": cls.department.id,
                    "year": 2026,
                    "inspection_type": "inspection",
                    "inspection_category": "specialised",
                    "leader_id": cls.inspector.id,
                    "purpose": "<p>Đánh giá việc thực hiện Kế hoạch.</p>",
                    "scope": "Công tác truyền thông về bình đẳng giới",
                    "implementation": "<p>Đoàn kiểm tra của Sở chủ trì thực hiện.</p>",
                    "recipients": "- Các đơn vị có tên trong Kế hoạch;\n- Lưu: VT.",
                    "line_ids": [
                        Command.create({"unit_id": cls.unit_a.id, "planned_date": date(2026, 3, 10)}),
                        Command.create({"unit_id": cls.unit_b.id, "planned_date": date(2026, 6, 16)}),
                    ],
                }
            )
        )
        cls.programme.action_submit()
        cls.programme.with_user(cls.dept_manager).action_approve()
        cls.programme.with_user(cls.inspector).write(
            {
                "document_number": "45/KH-SYT",
                "decision_number": "112/QĐ-SYT",
                "decision_date": date(2026, 1, 15),
                "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                "signer_name": "Nguyễn Văn An",
            }
        )

    def test_programme_prints_as_a_pdf_in_the_administrative_layout(self):
        text = self._pdf_text(self._render_pdf(PROGRAMME, self.programme))
        self.assertPrinted(text, NATIONAL_MOTTO)
        self.assertPrinted(
            text,
            (
                "SỞ Y TẾ THANH HÓA",
                "Số: 45/KH-SYT",
                "Thanh Hóa, ngày 15 tháng 01 năm 2026",
                "KẾ HOẠCH",
                "Kiểm tra chuyên ngành việc thực hiện chính sách, pháp luật",
                "(Ban hành kèm theo Quyết định số 112/QĐ-SYT ngày 15/01/2026)",
                # The legal bases in force on the date of its decision, frozen with it.
                "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;",
                "I. MỤC ĐÍCH, YÊU CẦU",
                "II. NỘI DUNG, ĐỐI TƯỢNG VÀ THỜI GIAN KIỂM TRA",
                "III. TỔ CHỨC THỰC HIỆN",
                "Nơi nhận:",
                "- Lưu: VT.",
                "KT. GIÁM ĐỐC",
                "PHÓ GIÁM ĐỐC",
                "Nguyễn Văn An",
            ),
        )
        self.assertNotIn("DỰ THẢO", text)

    def test_the_departments_programme_is_signed_with_its_managers_title(self):
        """Without a title of its own, the programme prints the title of the head of the unit
        that issues it: the Department's director, not "THỦ TRƯỞNG ĐƠN VỊ"."""
        self.programme.with_user(self.inspector).write({"signer_title": False})
        text = self._pdf_text(self._render_pdf(PROGRAMME, self.programme))
        self.assertRegex(text, r"(?m)Nơi nhận: +GIÁM ĐỐC$")
        self.assertNotIn("THỦ TRƯỞNG ĐƠN VỊ", text)

    def test_programme_lists_its_units_and_dates(self):
        text = self._pdf_text(self._render_pdf(PROGRAMME, self.programme))
        self.assertRegex(text, r"1 +Trung tâm Y tế Thọ Xuân +10/03/2026")
        self.assertRegex(text, r"2 +Bệnh viện Đa khoa Nga Sơn +16/06/2026")
        self.assertTimesLikeFont(self._render_pdf(PROGRAMME, self.programme))

    def test_a_covered_unit_prints_the_programme_with_its_own_line(self):
        # As in a request: nothing read as another user is in the cache.
        self.env.invalidate_all()
        text = self._pdf_text(self._render_pdf(PROGRAMME, self.programme, user=self.user_a))
        self.assertPrinted(text, ("KẾ HOẠCH", "Trung tâm Y tế Thọ Xuân"))
        self.assertNotIn("Nga Sơn", text)


@tagged("post_install", "-at_install")
class TestSectorReportPdf(PdfReportMixin, SectorReportCommon, HttpCase):
    """The Department's report upward, printed through wkhtmltopdf (the Department's officer
    writes it in December 2026; it is issued the same day)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sector.with_user(cls.dept_user).write({"report_date": date(2026, 12, 20)})

    def test_sector_report_prints_in_the_administrative_layout(self):
        text = self._pdf_text(self._render_pdf(SECTOR_REPORT, self.sector))
        self.assertPrinted(text, NATIONAL_MOTTO)
        self.assertPrinted(
            text,
            (
                "SỞ Y TẾ THANH HÓA",
                "Số: 215/BC-SYT",
                "Thanh Hóa, ngày 20 tháng 12 năm 2026",
                "DỰ THẢO",
                "BÁO CÁO",
                "Kết quả thực hiện công tác truyền thông về bình đẳng giới năm 2026 của ngành Y tế",
                "Kính gửi:",
                "- Ủy ban nhân dân tỉnh Thanh Hóa",
                "- Sở Nội vụ tỉnh Thanh Hóa",
                "I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN",
                "II. KẾT QUẢ THỰC HIỆN",
                "1. Kết quả thực hiện các mục tiêu của Kế hoạch",
                "2. Tình hình gửi báo cáo của các đơn vị",
                "5. Công tác tự kiểm tra, kiểm tra, thanh tra, giám sát",
                "6. Kinh phí thực hiện",
                "III. KẾT QUẢ GIAI ĐOẠN 2021–2025",
                # The five-year review states its lessons and the direction of the next phase.
                "2. Bài học kinh nghiệm",
                "Người đứng đầu quan tâm thì đơn vị thực hiện tốt.",
                "3. Phương hướng giai đoạn 2026–2030",
                "Duy trì truyền thông trên nền tảng số.",
                "IV. ĐÁNH GIÁ CHUNG",
                "Một số đơn vị gửi báo cáo muộn.",
                "V. NHIỆM VỤ TRỌNG TÂM NĂM 2027",
                "VI. ĐỀ XUẤT, KIẾN NGHỊ",
                "Nơi nhận:",
                # The copy list by default: the Department's leadership for information, its website.
                "- Lãnh đạo Sở (để biết);",
                "- Website Sở Y tế;",
                "KT. GIÁM ĐỐC",
                "PHÓ GIÁM ĐỐC",
                "Nguyễn Văn An",
            ),
        )
        self.assertNotIn("Giám đốc Sở (để báo cáo)", text)
        self.assertTimesLikeFont(self._render_pdf(SECTOR_REPORT, self.sector))

    def test_sector_report_prints_its_figures(self):
        text = self._pdf_text(self._render_pdf(SECTOR_REPORT, self.sector))
        summary = self._summary()
        # Target 1: 1 unit of 3; the completeness of the units.
        self.assertRegex(text, r"≥ 100% +33,3% +Chưa đạt")
        self.assertRegex(text, r"Tổng cộng +3 +2 +1 +1 +1")
        self.assertIn(f"tổng số {summary['participants_total']} lượt người tham gia", text)

    def test_issued_report_is_printed_without_the_draft_mark(self):
        self._issue()
        text = self._pdf_text(self._render_pdf(SECTOR_REPORT, self.sector, user=self.inspector))
        self.assertPrinted(text, ("BÁO CÁO", *NATIONAL_MOTTO))
        self.assertNotIn("DỰ THẢO", text)
