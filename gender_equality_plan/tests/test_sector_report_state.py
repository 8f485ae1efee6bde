# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Department's report upward in the state apparatus of 2026 (issue 19, points 10 and 12):
whom it addresses and copies, which ministry's products the units reproduce, from the setting of
its year; the review of a phase of the programme in the year the Department configured, with its
lessons learned and the direction of the next phase."""

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import sector_document
from .sector_report_common import SectorReportCommon

DEFAULT_ADDRESSEES = ["Ủy ban nhân dân tỉnh Thanh Hóa", "Sở Nội vụ tỉnh Thanh Hóa"]
DEFAULT_RECIPIENTS = [
    "- Như trên;",
    "- Lãnh đạo Sở (để biết);",
    "- Website Sở Y tế;",
    "- Lưu: VT, Ban VSTBPN.",
]
OLD_RECIPIENTS = "- Như trên;\n- Giám đốc Sở (để báo cáo);\n- Các đơn vị trong ngành;\n- Lưu: VT, Ban VSTBPN."


def _headings(blocks):
    return [block["text"] for block in blocks if block["kind"] == "heading"]


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestSectorReportRecipients(SectorReportCommon):
    def test_the_report_addresses_the_province_and_home_affairs_by_default(self):
        document = self.sector._document()
        self.assertEqual(document["addressees"], DEFAULT_ADDRESSEES)
        self.assertEqual(document["recipients"], DEFAULT_RECIPIENTS)
        self.assertNotIn("Giám đốc Sở (để báo cáo)", self.sector.recipients)
        self.assertEqual(self.sector.coordinator_ministry, "Bộ Nội vụ")

    def test_the_defaults_are_those_of_the_year(self):
        """Until 2024 the gender-equality function sat with MOLISA and the provincial DOLISA; the
        Department adds a setting from the year of the next change, which the older reports do
        not follow."""
        report_2024 = self._new_sector_report(2024)
        self.assertIn("Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa", report_2024.addressees)
        self.assertEqual(report_2024.coordinator_ministry, "Bộ Lao động - Thương binh và Xã hội")
        self.env["gender.equality.sector.setting"].with_user(self.dept_manager).create(
            {
                "year_from": 2027,
                "addressees": "Ủy ban nhân dân tỉnh Thanh Hóa\nSở Nội vụ tỉnh Thanh Hóa\nBộ Y tế",
                "recipients": "- Như trên;\n- Lưu: VT.",
                "coordinator_ministry": "Bộ Nội vụ",
                "introduction": "<p>Thực hiện Công văn hướng dẫn năm 2027,</p>",
            }
        )
        report_2027 = self._new_sector_report(2027)
        self.assertEqual(report_2027._document()["addressees"], [*DEFAULT_ADDRESSEES, "Bộ Y tế"])
        self.assertIn("Công văn hướng dẫn năm 2027", report_2027.introduction)
        self.assertEqual(self.sector._document()["addressees"], DEFAULT_ADDRESSEES)
        # Each report is still the Department's to edit.
        self.sector.with_user(self.dept_user).addressees = "Ủy ban nhân dân tỉnh Thanh Hóa"
        self.assertEqual(self.sector._document()["addressees"], ["Ủy ban nhân dân tỉnh Thanh Hóa"])

    def test_reproductions_name_the_ministry_of_the_year(self):
        summary = dict(
            self.sector._live_summary(),
            products_by_kind=[{"kind": "reproduction", "name": "Nhân bản", "quantity": 3}],
        )
        self.sector.sudo().snapshot = {"summary": summary, "period": False}
        rows = [
            block["rows"]
            for block in self.sector._document()["blocks"]
            if block["kind"] == "table" and block["headers"][0] == "Sản phẩm truyền thông"
        ]
        self.assertEqual(rows, [[["Nhân bản sản phẩm của Bộ Nội vụ", "3"]]])
        # A report issued before the ministry was recorded prints what it printed.
        self.assertEqual(sector_document.reproduction_word(False), "Nhân bản sản phẩm của Bộ")

    def test_the_director_does_not_report_to_the_director(self):
        self.sector.with_user(self.dept_user).write(
            {"signer_title": "GIÁM ĐỐC", "recipients": OLD_RECIPIENTS}
        )
        warnings = self.sector._workflow_submit_warnings()
        self.assertIn(
            "The director signs the report, and its copy list reports to the director "
            "(- Giám đốc Sở (để báo cáo);)",
            " ".join(warnings),
        )
        # A deputy signing for the director reports to him: no warning.
        self.sector.with_user(self.dept_user).signer_title = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
        self.assertNotIn("The director signs", " ".join(self.sector._workflow_submit_warnings()))


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestPeriodReview(SectorReportCommon):
    def test_the_review_year_follows_the_configured_phase(self):
        phase = self.env.ref("gender_equality_plan.gender_equality_phase_2021_2025")
        self.assertEqual(self.sector.review_phase_id, phase)
        # The guidance asks for the review of 2021–2025 in the report of 2027 instead.
        phase.with_user(self.dept_manager).review_year = 2027
        report_2027 = self._new_sector_report(2027)
        self.assertTrue(report_2027.include_period_review)
        self.assertEqual(report_2027.period_label, "2021–2025")
        self.assertIn("III. KẾT QUẢ GIAI ĐOẠN 2021–2025", _headings(report_2027._document()["blocks"]))
        self.assertFalse(self._new_sector_report(2028).include_period_review)

    def test_the_final_review_of_2026_2030_is_in_2030(self):
        report = self._new_sector_report(2030)
        self.assertTrue(report.include_period_review)
        self.assertEqual(report.period_label, "2026–2030")
        years = [row["year"] for row in report.get_figures()["period"]["rows"]]
        self.assertEqual(years, [2026, 2027, 2028, 2029, 2030])
        self.assertIn("3. Phương hướng giai đoạn tiếp theo", _headings(report._document()["blocks"]))

    def test_the_review_states_its_lessons_and_the_direction_of_the_next_phase(self):
        blocks = self.sector._document()["blocks"]
        headings = _headings(blocks)
        start = headings.index("III. KẾT QUẢ GIAI ĐOẠN 2021–2025")
        self.assertEqual(
            headings[start : start + 5],
            [
                "III. KẾT QUẢ GIAI ĐOẠN 2021–2025",
                "1. Kết quả thực hiện các mục tiêu qua các năm",
                "2. Bài học kinh nghiệm",
                "3. Phương hướng giai đoạn 2026–2030",
                "IV. ĐÁNH GIÁ CHUNG",
            ],
        )
        narratives = [block["html"] for block in blocks if block["kind"] == "html"]
        self.assertIn("<p>Người đứng đầu quan tâm thì đơn vị thực hiện tốt.</p>", narratives)
        self.assertIn("<p>Duy trì truyền thông trên nền tảng số.</p>", narratives)

    def test_a_review_without_its_lessons_is_not_submitted(self):
        self.sector.with_user(self.dept_user).period_lessons = "<p><br></p>"
        with self.assertRaisesRegex(UserError, "reviews the phase 2021–2025: write its Lessons Learned"):
            self.sector.with_user(self.dept_user).action_submit()
        self.assertEqual(self.sector.state, "draft")
        self.assertFalse(self.sector.snapshot)
        # A report that reviews no phase needs none.
        report = self._new_sector_report(2027, period_lessons=False, period_direction=False)
        self.assertFalse(report.include_period_review)
        report.with_user(self.dept_user).action_submit()
        self.assertEqual(report.state, "submitted")

    def test_a_review_issued_as_a_table_prints_as_it_did(self):
        """A report issued before the lessons and direction were asked prints its table alone."""
        period = self.sector.get_figures()["period"]
        blocks = sector_document.SectorReportDocument(
            2026, self.sector._live_summary(), period=period
        ).build()
        headings = _headings(blocks)
        start = headings.index("III. KẾT QUẢ GIAI ĐOẠN 2021–2025")
        self.assertEqual(headings[start + 1], "IV. ĐÁNH GIÁ CHUNG")
