# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the documents print that is data, not layout: the title above the signature of the
Department's programme, the heading of a unit, the number of an inspection of next year."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .test_inspection_programme import ProgrammeCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-12-05 03:00:00")
class TestDocumentData(ProgrammeCommon):
    def test_the_head_title_is_proposed_by_the_unit_type_and_kept_once_written(self):
        self.assertEqual(self.department.head_title, "GIÁM ĐỐC")
        station = self.Unit.create(
            {"name": "Trạm Y tế xã Xuân Lập", "code": "TEST-TYT", "unit_type": "health_station"}
        )
        self.assertEqual(station.head_title, "TRẠM TRƯỞNG")
        station.unit_type = "sub_department"
        self.assertEqual(station.head_title, "CHI CỤC TRƯỞNG", "a proposed title follows the type")
        station.head_title = "KT. CHI CỤC TRƯỞNG\nPHÓ CHI CỤC TRƯỞNG"
        station.unit_type = "other"
        self.assertEqual(
            station.head_title, "KT. CHI CỤC TRƯỞNG\nPHÓ CHI CỤC TRƯỞNG", "a title written stays"
        )
        self.assertEqual(station._document_signer_titles(), ["KT. CHI CỤC TRƯỞNG", "PHÓ CHI CỤC TRƯỞNG"])

    def test_the_departments_programme_is_signed_by_its_managers_title(self):
        programme = self._department_programme()
        self.assertFalse(programme.signer_title)
        self.assertEqual(programme._pdf_signer_titles(), ["GIÁM ĐỐC"])
        self.department.head_title = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
        self.assertEqual(programme._pdf_signer_titles(), ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        programme.with_user(self.inspector).signer_title = "Giám đốc"
        self.assertEqual(programme._pdf_signer_titles(), ["GIÁM ĐỐC"], "the programme's own title first")

    def test_a_unit_s_heading_names_its_superior_body(self):
        self.assertEqual(
            self.unit_a1._document_heading(),
            {"superior": [self.unit_a.name.upper()], "unit": [self.unit_a1.name.upper()]},
        )
        orphan = self.Unit.create(
            {
                "name": "Trung tâm Kiểm soát bệnh tật tỉnh Thanh Hóa",
                "code": "TEST-CDC",
                "unit_type": "provincial_centre",
            }
        )
        self.assertEqual(
            orphan._document_heading(),
            {"superior": ["SỞ Y TẾ THANH HÓA"], "unit": ["TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "TỈNH THANH HÓA"]},
        )
        self.assertEqual(self.department._document_heading()["superior"], [])

    def test_inspections_of_next_year_are_numbered_in_that_year(self):
        programme = self._department_programme(
            year=2027,
            line_ids=[Command.create({"unit_id": self.unit_a.id, "planned_date": date(2027, 3, 10)})],
        )
        programme = self._approved(programme, self.inspector, self.dept_manager)
        self.assertTrue(programme.inspection_ids)
        self.assertTrue(programme.inspection_ids.name.startswith("KT/2027/"), programme.inspection_ids.name)
        this_year = self.env["gender.equality.inspection"].create(
            {"unit_id": self.unit_b.id, "inspection_type": "inspection", "year": 2026}
        )
        self.assertTrue(this_year.name.startswith("KT/2026/"), this_year.name)
