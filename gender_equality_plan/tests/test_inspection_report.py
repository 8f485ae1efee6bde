# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common_inspection import InspectionCommon

REPORT = "gender_equality_plan.action_report_gender_equality_inspection"


@tagged("post_install", "-at_install")
class TestInspectionReport(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspection = cls._started_inspection(inspection_type="inspection", decision_number="12/QĐ-SYT")
        cls._answer(cls.inspection, {cls.item_plan: "yes", cls.item_sessions: "no", cls.item_report: "yes"})
        cls.inspection.write(
            {
                "strengths": "<p>Plan well prepared</p>",
                "shortcomings": "<p>Only one session held</p>",
                "conclusion": "<p>Satisfactory overall</p>",
                "violation_ids": [Command.create({"description": "Report sent late", "severity": "major"})],
            }
        )
        cls.inspection.action_done()

    def _render(self, user=None):
        Report = self.env["ir.actions.report"].with_user(user) if user else self.env["ir.actions.report"]
        html, __ = Report._render_qweb_html(REPORT, self.inspection.ids)
        return html.decode()

    def test_minutes_contain_unit_score_and_findings(self):
        html = self._render()
        self.assertIn("Unit A", html)
        self.assertIn("66,7%", html)
        for finding in (
            "Plan well prepared",
            "Only one session held",
            "Report sent late",
            "Satisfactory overall",
        ):
            self.assertIn(finding, html)

    def test_unit_members_print_their_minutes(self):
        html = self._render(self.user_a)
        self.assertIn("Unit A", html)
        self.assertIn(self.department.name.upper(), html)  # the issuing body

    def test_minutes_have_administrative_layout(self):
        html = self._render()
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "BIÊN BẢN KIỂM TRA",
            "Thanh Hóa, ngày",
            self.inspection.name,
            "12/QĐ-SYT",
            "TRƯỞNG ĐOÀN KIỂM TRA",
        ):
            self.assertIn(text, html)

    def test_minutes_list_answers_by_section(self):
        html = self._render()
        self.assertLess(html.index("Annual plan approved?"), html.index("Report on time?"))
        self.assertIn("Plan", html)

    def test_print_button_returns_the_report_action(self):
        action = self.inspection.action_print_minutes()
        self.assertEqual(action["report_name"], "gender_equality_plan.report_inspection_minutes")
