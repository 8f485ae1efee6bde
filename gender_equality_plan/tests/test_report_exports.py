# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.tests import HttpCase, new_test_user, tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestReportExports(ReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_a = cls._new_report()
        cls.report_a.with_user(cls.user_a).write({"results": "<p>Đã tổ chức 02 cuộc truyền thông.</p>"})
        cls._submit_at(cls.report_a, "2026-12-05 03:00:00")
        cls._accept(cls.report_a)
        cls.consolidation = (
            cls.env["gender.equality.consolidation"].with_user(cls.dept_user).create({"year": 2026})
        )

    def _workbook(self):
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(self.dept_user)
            ._render("gender_equality_plan.consolidation_xlsx", self.consolidation.ids, {})
        )
        self.assertEqual(file_type, "xlsx")
        return load_workbook(io.BytesIO(content))

    def test_xlsx_has_a_summary_a_unit_sheet_participants_and_budget(self):
        self.assertEqual(self._workbook().sheetnames, ["Summary 2026", "Units", "Participants", "Budget"])

    def test_xlsx_summary_objectives_and_completeness(self):
        sheet = self._workbook()["Summary 2026"]
        self.assertEqual(sheet["A4"].value.split(" ")[0], "II.2.1")
        self.assertEqual(sheet["B4"].value, 100)
        self.assertEqual(sheet["C4"].value, 33.3)
        self.assertEqual(sheet["E4"].value, "Not achieved")
        self.assertIn("10/12/2026", sheet["A2"].value)
        self.assertEqual(sheet.freeze_panes, "A4")
        labels = {sheet.cell(row, 1).value: sheet.cell(row, 2).value for row in range(9, sheet.max_row + 1)}
        self.assertEqual(labels["Units Expected"], 3)
        self.assertEqual(labels["Reports On Time"], 1)
        self.assertEqual(labels["Reports Missing"], 2)

    def test_xlsx_budget_and_participants_agree_with_the_summary(self):
        summary = self.Report.with_user(self.dept_user).get_kpi_summary(2026)
        workbook = self._workbook()
        budget = workbook["Budget"]
        sheet_rows = [
            (budget.cell(row, 2).value, budget.cell(row, 3).value) for row in range(2, budget.max_row + 1)
        ]
        self.assertEqual(
            sheet_rows, [(line["planned"], line["actual"]) for line in summary["budget_by_source"]]
        )
        participants = workbook["Participants"]
        first_area = summary["by_area"][0]
        self.assertEqual(participants["A2"].value, first_area["name"])
        self.assertEqual(participants["C2"].value, first_area["male"])

    def test_xlsx_unit_rows_with_formats(self):
        sheet = self._workbook()["Units"]
        self.assertEqual(sheet.freeze_panes, "C2")
        self.assertEqual(sheet["B1"].value, "Unit")
        rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
        row_a = rows["TEST-A"]
        self.assertEqual(sheet.cell(row_a, 4).value.date().isoformat(), "2026-12-05")
        self.assertEqual(sheet.cell(row_a, 4).number_format, "dd/mm/yyyy")
        self.assertEqual(sheet.cell(row_a, 6).value, "On time")
        self.assertEqual(sheet.cell(row_a, 8).value, 2)
        self.assertEqual(sheet.cell(row_a, 10).number_format, "#,##0")
        self.assertEqual(sheet.cell(rows["TEST-C"], 6).value, "Missing")

    def test_xlsx_from_the_dashboard_button(self):
        action = self.consolidation.action_export_xlsx()
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(action["report_name"], "gender_equality_plan.consolidation_xlsx")

    def test_pdf_in_vietnamese_administrative_layout(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("gender_equality_plan.report_unit_report", self.report_a.ids)[0]
            .decode()
        )
        for text in (
            "SỞ Y TẾ THANH HÓA",
            "UNIT A",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 01/BC-TEST-A",
            "Thanh Hóa, ngày 05 tháng 12 năm 2026",
            "Đã tổ chức 02 cuộc truyền thông.",
            "Nơi nhận:",
            "Sở Y tế (qua Ban VSTBPN)",
            "Lưu: VT.",
            self.manager_a.name,
        ):
            self.assertIn(text, html)

    def test_pdf_shows_the_figures(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("gender_equality_plan.report_unit_report", self.report_a.ids)[0]
            .decode()
        )
        self.assertIn("60,0%", html)

    def test_pdf_figures_are_in_vietnamese_whoever_compiles(self):
        # The test runs in English, as a script or an English-speaking user would: the printed
        # document keeps its Vietnamese labels (no "Not applied", "Pilot", "Dissemination…").
        self.assertFalse(self.env.lang and self.env.lang.startswith("vi"))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("gender_equality_plan.report_unit_report", self.report_a.ids)[0]
            .decode()
        )
        self.assertIn("Số cuộc truyền thông, phổ biến pháp luật đã tổ chức", html)
        self.assertIn("Áp dụng thí điểm", html)
        for english in ("Dissemination sessions held", "Pilot", "Not applied", "Gender Indicator Set"):
            self.assertNotIn(english, html)

    def test_pdf_of_a_unit_without_the_indicator_set_says_so_in_vietnamese(self):
        # No status confirmed for 2025: the printed report reads "Chưa áp dụng", not "Not applied".
        report = self._new_report(year=2025)
        self._submit_at(report, "2025-12-05 03:00:00")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("gender_equality_plan.report_unit_report", report.ids)[0]
            .decode()
        )
        self.assertIn("Chưa áp dụng", html)
        self.assertNotIn("Not applied", html)


@tagged("post_install", "-at_install")
class TestXlsxRoute(HttpCase):
    """The standard report_xlsx route serves the consolidated workbook."""

    def test_xlsx_route(self):
        user = new_test_user(self.env, "gep_route_dept", groups="gender_equality_plan.group_department_user")
        consolidation = self.env["gender.equality.consolidation"].with_user(user).create({"year": 2026})
        self.authenticate("gep_route_dept", "gep_route_dept")
        response = self.url_open(f"/report/xlsx/gender_equality_plan.consolidation_xlsx/{consolidation.id}")
        self.assertEqual(response.status_code, 200)
        workbook = load_workbook(io.BytesIO(response.content))
        self.assertIn("Units", workbook.sheetnames)
