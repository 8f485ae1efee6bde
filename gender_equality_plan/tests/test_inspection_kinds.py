# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The kinds of inspection of plan section III.6 and what the minutes print for each."""

import re
from datetime import date

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval, time

from ..tools import inspection_kinds
from .common_inspection import InspectionCommon

MINUTES = "gender_equality_plan.action_report_gender_equality_inspection"


@tagged("post_install", "-at_install")
class TestInspectionKinds(InspectionCommon):
    def _minutes(self, inspection):
        html, __ = self.env["ir.actions.report"]._render_qweb_html(MINUTES, inspection.ids)
        return html.decode()

    def test_the_four_kinds_keep_the_keys_of_the_api(self):
        keys = [
            key for key, __ in self.Inspection._fields["inspection_type"]._description_selection(self.env)
        ]
        self.assertEqual(keys, ["self", "inspection", "audit", "supervision"])
        categories = self.Inspection._fields["inspection_category"]._description_selection(self.env)
        self.assertEqual([key for key, __ in categories], ["specialised", "administrative"])

    def test_the_minutes_print_the_title_of_each_kind(self):
        """As the Department issued them: a thanh tra of its inspectorate, before Luật Thanh tra
        84/2025/QH15 (1/7/2025) took the thanh tra out of the sector."""
        dated = {"audit": {"year": 2024, "date": date(2024, 10, 2)}}
        expected = {
            "self": ("BIÊN BẢN TỰ KIỂM TRA", "Tự kiểm tra", "KIỂM TRA"),
            "inspection": ("BIÊN BẢN KIỂM TRA", "Kiểm tra", "KIỂM TRA"),
            "audit": ("BIÊN BẢN THANH TRA", "Thanh tra", "THANH TRA"),
            "supervision": ("BIÊN BẢN GIÁM SÁT", "Giám sát", "GIÁM SÁT"),
        }
        for kind, (title, activity, word) in expected.items():
            with self.subTest(kind=kind):
                inspection = self._create_inspection(inspection_type=kind, **dated.get(kind, {}))
                html = self._minutes(inspection)
                self.assertEqual(re.findall(r'class="gep-title">([^<]*)</h4>', html), [title])
                self.assertIn(f"{activity} chuyên ngành việc thực hiện chính sách, pháp luật", html)
                self.assertIn(f"TRƯỞNG ĐOÀN {word}", html)
                self.assertIn(f"Đơn vị được {inspection_kinds.document_word(kind)}", html)

    def test_the_minutes_print_the_administrative_category(self):
        inspection = self._create_inspection(
            inspection_type="audit", inspection_category="administrative", year=2024, date=date(2024, 5, 6)
        )
        self.assertIn("Thanh tra hành chính, công vụ việc thực hiện", self._minutes(inspection))
        inspection = self._create_inspection(
            inspection_type="inspection", inspection_category="administrative"
        )
        self.assertIn("Kiểm tra hành chính, công vụ việc thực hiện", self._minutes(inspection))

    def test_the_file_name_follows_the_kind(self):
        report = self.env.ref(MINUTES)
        for kind, word in (("audit", "thanh tra"), ("supervision", "giam sat"), ("self", "kiem tra")):
            with self.subTest(kind=kind):
                inspection = self._create_inspection(inspection_type=kind)
                name = safe_eval(report.print_report_name, {"object": inspection, "time": time})
                self.assertTrue(name.startswith(f"Bien ban {word} - KT-"), name)

    def test_the_kpi_summary_counts_every_kind(self):
        external = {
            "external_body": "Thanh tra tỉnh Thanh Hóa",
            "conclusion_number": "12/KL-TTT",
            "conclusion_date": date(2026, 9, 30),
        }
        for kind in ("self", "inspection", "audit", "supervision"):
            # A thanh tra of 2026 is the provincial inspectorate's, recorded with its conclusion.
            inspection = self._started_inspection(
                inspection_type=kind, **(external if kind == "audit" else {})
            )
            self._answer(inspection, {self.item_plan: "yes"})
            inspection.action_done()
            if kind == "self":
                inspection.with_user(self.manager_a).action_approve()
            inspection.with_user(self.dept_manager).action_approve()
            self.assertEqual(inspection.state, "approved")
        summary = self.env["gender.equality.report"].get_kpi_summary(2026)
        by_type = summary["inspections_by_type"]
        self.assertEqual(set(by_type), {"self", "inspection", "audit", "supervision"})
        self.assertTrue(all(by_type[kind] >= 1 for kind in by_type))
