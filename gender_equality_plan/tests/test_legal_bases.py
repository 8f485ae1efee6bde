# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The state apparatus of 2026 in the inspections (issue 19, point 9): the legal bases (căn cứ)
that the minutes and programmes print are the Department's data, in force between dates; since
Luật Thanh tra 84/2025/QH15 (1/7/2025) a thanh tra is carried out outside the sector and is
recorded as an external inspection, never printed in the name of the Department."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_inspection import InspectionCommon

MINUTES = "gender_equality_plan.action_report_gender_equality_inspection"
PROGRAMME = "gender_equality_plan.action_report_gender_equality_inspection_programme"
GENDER_EQUALITY_LAW = "Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;"
INSPECTION_LAW_2022 = "Căn cứ Luật Thanh tra ngày 14 tháng 11 năm 2022;"
EXTERNAL = {
    "external_body": "Thanh tra tỉnh Thanh Hóa",
    "conclusion_number": "12/KL-TTT",
    "conclusion_date": date(2026, 9, 30),
}


class LegalBasisCommon(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Basis = cls.env["gender.equality.legal.basis"]
        cls.law_2025 = cls.env.ref("gender_equality_plan.gender_equality_legal_basis_inspection_law_2025")

    def _html(self, report, records):
        html, __ = self.env["ir.actions.report"]._render_qweb_html(report, records.ids)
        return html.decode()

    def _recorded(self, **vals):
        inspection = self._started_inspection(inspection_type="inspection", **vals)
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "yes", self.item_report: "yes"})
        inspection.action_done()
        return inspection


@tagged("post_install", "-at_install")
class TestLegalBases(LegalBasisCommon):
    def test_the_minutes_print_the_bases_in_force_at_their_date(self):
        minutes = self._html(
            MINUTES, self._create_inspection(inspection_type="inspection", date=date(2026, 11, 18))
        )
        self.assertIn(GENDER_EQUALITY_LAW, minutes)
        self.assertIn("Căn cứ Quyết định số 1790/QĐ-TTg ngày 23/10/2021", minutes)
        self.assertIn("Căn cứ Kế hoạch số 87/KH-UBND ngày 28/3/2022", minutes)
        # A kiểm tra does not cite the law of the thanh tra.
        self.assertNotIn("Luật Thanh tra", minutes)
        # A thanh tra of 2024, by the Department's inspectorate, cited the law of 2022 in force then.
        audit = self._create_inspection(inspection_type="audit", year=2024, date=date(2024, 10, 2))
        self.assertIn(INSPECTION_LAW_2022, self._html(MINUTES, audit))
        # In 2021, before the provincial plan of 2022: neither the plan nor the law of 2022.
        old = self._html(
            MINUTES, self._create_inspection(inspection_type="audit", year=2021, date=date(2021, 11, 5))
        )
        self.assertIn("Căn cứ Luật Thanh tra ngày 15 tháng 11 năm 2010;", old)
        self.assertNotIn("87/KH-UBND", old)
        self.assertNotIn(INSPECTION_LAW_2022, old)

    def test_a_basis_from_a_later_date_does_not_change_an_older_document(self):
        """The law changes on 1/1/2027: the Department ends the basis on 31/12/2026 and adds the new
        one. Minutes of 2026, recorded or not, keep the old basis; minutes of 2027 print the new."""
        recorded = self._recorded(date=date(2026, 11, 18))
        planned = self._create_inspection(inspection_type="inspection", date=date(2026, 12, 1))
        old_law = self.env.ref("gender_equality_plan.gender_equality_legal_basis_gender_equality_law")
        old_law.with_user(self.dept_manager).date_to = date(2026, 12, 31)
        self.Basis.with_user(self.dept_manager).create(
            {"name": "Luật Bình đẳng giới (sửa đổi) ngày 10 tháng 12 năm 2026", "date_from": date(2027, 1, 1)}
        )
        for inspection in (recorded, planned):
            with self.subTest(inspection=inspection.name):
                minutes = self._html(MINUTES, inspection)
                self.assertIn(GENDER_EQUALITY_LAW, minutes)
                self.assertNotIn("sửa đổi", minutes)
        later = self._html(
            MINUTES, self._create_inspection(inspection_type="inspection", year=2027, date=date(2027, 3, 2))
        )
        self.assertIn("Căn cứ Luật Bình đẳng giới (sửa đổi) ngày 10 tháng 12 năm 2026;", later)
        self.assertNotIn(GENDER_EQUALITY_LAW, later)

    def test_recorded_minutes_keep_the_bases_they_printed(self):
        """Even a basis reworded or archived later: the recorded minutes froze their bases."""
        recorded = self._recorded(date=date(2026, 11, 18))
        self.assertIn("Luật Bình đẳng giới ngày 29 tháng 11 năm 2006", recorded.legal_basis_snapshot)
        decision = self.env.ref("gender_equality_plan.gender_equality_legal_basis_decision_1790")
        decision.with_user(self.dept_manager).name = "Quyết định đã sửa"
        decision.with_user(self.dept_manager).action_archive()
        minutes = self._html(MINUTES, recorded)
        self.assertIn("Căn cứ Quyết định số 1790/QĐ-TTg", minutes)
        self.assertNotIn("Quyết định đã sửa", minutes)
        # An inspection not recorded follows the Department's data.
        planned = self._html(
            MINUTES, self._create_inspection(inspection_type="inspection", date=date(2026, 12, 1))
        )
        self.assertNotIn("1790/QĐ-TTg", planned)

    def test_minutes_recorded_before_the_bases_print_as_they_were(self):
        recorded = self._recorded(date=date(2026, 11, 18))
        recorded.sudo().legal_basis_snapshot = None  # as the migration leaves them
        self.assertNotIn("Căn cứ Luật", self._html(MINUTES, recorded))

    def test_the_programme_prints_the_bases_of_its_decision_date(self):
        programme = self.env["gender.equality.inspection.programme"].create(
            {
                "unit_id": self.department.id,
                "year": 2026,
                "inspection_type": "inspection",
                "line_ids": [Command.create({"unit_id": self.unit_a.id, "planned_date": date(2026, 3, 10)})],
            }
        )
        programme.action_submit()
        programme.with_user(self.dept_manager).action_approve()
        programme.with_user(self.inspector).decision_date = date(2026, 1, 15)
        html = self._html(PROGRAMME, programme)
        self.assertIn(GENDER_EQUALITY_LAW, html)
        self.assertIn("Luật Bình đẳng giới ngày 29 tháng 11 năm 2006", programme.legal_basis_text)
        # A basis printed on programmes only, from a later date, does not reach it.
        self.Basis.with_user(self.dept_manager).create(
            {
                "name": "Quyết định số 9/QĐ-SYT ngày 02/02/2026",
                "document": "programme",
                "date_from": date(2026, 2, 2),
            }
        )
        self.assertNotIn("9/QĐ-SYT", self._html(PROGRAMME, programme))
        # Nor the minutes of an inspection of the same day.
        minutes = self._html(
            MINUTES, self._create_inspection(inspection_type="inspection", date=date(2026, 3, 1))
        )
        self.assertNotIn("9/QĐ-SYT", minutes)

    def test_a_basis_is_checked(self):
        Basis = self.Basis.with_user(self.dept_manager)
        with self.assertRaisesRegex(ValidationError, "ends before"):
            Basis.create({"name": "Sai", "date_from": date(2026, 5, 1), "date_to": date(2026, 4, 1)})
        with self.assertRaisesRegex(ValidationError, "choose that kind"):
            Basis.create({"name": "Sai", "external_only": True})

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_only_the_department_manager_keeps_the_bases(self):
        basis = self.env.ref("gender_equality_plan.gender_equality_legal_basis_gender_equality_law")
        for user in (self.user_a, self.manager_a, self.inspector, self.dept_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    basis.with_user(user).write({"date_to": date(2026, 1, 1)})
                with self.assertRaises(AccessError):
                    self.Basis.with_user(user).create({"name": "Luật"})
                self.assertTrue(basis.with_user(user).read(["name"]))
        self.assertFalse(basis.date_to)


@tagged("post_install", "-at_install")
class TestExternalInspection(LegalBasisCommon):
    """A thanh tra of 2026 is the provincial inspectorate's: the Department records it."""

    def test_a_thanh_tra_of_2026_is_an_external_inspection_recorded_by_the_department(self):
        Report = self.env["gender.equality.report"]
        before = Report.get_kpi_summary(2026)["inspections_by_type"]["audit"]
        inspection = self._create_inspection(inspection_type="audit", date=date(2026, 10, 2))
        self.assertTrue(inspection.is_external)
        self.assertEqual(inspection.inspecting_unit_id, self.department)
        # No checklist to answer: the Department records the body and its conclusion.
        inspection.action_start()
        self.assertFalse(inspection.line_ids)
        with self.assertRaisesRegex(UserError, "Inspecting Body, Conclusion Number, Conclusion Date"):
            inspection.action_done()
        inspection.write(EXTERNAL)
        inspection.action_done()
        inspection.with_user(self.dept_manager).action_approve()
        self.assertEqual(inspection.state, "approved")
        self.assertFalse(inspection.is_scored)
        # Its document is the body's conclusion: approving it issues no minutes to sign.
        issued = (
            self.env["gender.equality.document"]
            .sudo()
            .search_count([("res_model", "=", inspection._name), ("res_id", "=", inspection.id)])
        )
        self.assertEqual(issued, 0)
        # Counted among the sector's thanh tra of the year.
        self.assertEqual(Report.get_kpi_summary(2026)["inspections_by_type"]["audit"], before + 1)

    def test_a_thanh_tra_of_2026_is_not_printed_under_the_department(self):
        inspection = self._create_inspection(inspection_type="audit", date=date(2026, 10, 2), **EXTERNAL)
        with self.assertRaisesRegex(
            UserError, "Thanh tra tỉnh Thanh Hóa: its document is that body's conclusion"
        ):
            self._html(MINUTES, inspection)
        with self.assertRaisesRegex(UserError, "prints no minutes"):
            inspection.action_print_minutes()

    def test_the_department_no_longer_carries_out_a_thanh_tra(self):
        inspection = self._create_inspection(inspection_type="audit", date=date(2026, 10, 2))
        with self.assertRaisesRegex(ValidationError, r"Since 01/07/2025 \(Luật Thanh tra số 84/2025/QH15\)"):
            inspection.is_external = False
        with self.assertRaisesRegex(ValidationError, "Since 01/07/2025"):
            self._create_inspection(inspection_type="audit", date=date(2026, 10, 2), is_external=False)
        # Before the law, its inspectorate did: the minutes of 2024 are the Department's.
        old = self._create_inspection(inspection_type="audit", year=2024, date=date(2024, 10, 2))
        self.assertFalse(old.is_external)
        minutes = self._html(MINUTES, old)
        self.assertIn("BIÊN BẢN THANH TRA", minutes)
        self.assertIn("SỞ Y TẾ THANH HÓA", minutes)

    def test_no_programme_of_thanh_tra_after_the_law(self):
        Programme = self.env["gender.equality.inspection.programme"]
        with self.assertRaisesRegex(ValidationError, "cannot plan one on 01/01/2026"):
            Programme.create({"unit_id": self.department.id, "year": 2026, "inspection_type": "audit"})
        with self.assertRaisesRegex(ValidationError, "cannot plan one on 01/09/2025"):
            Programme.create(
                {
                    "unit_id": self.department.id,
                    "year": 2025,
                    "inspection_type": "audit",
                    "line_ids": [
                        Command.create({"unit_id": self.unit_a.id, "planned_date": date(2025, 9, 1)})
                    ],
                }
            )
        self.assertTrue(
            Programme.create(
                {
                    "unit_id": self.department.id,
                    "year": 2025,
                    "inspection_type": "audit",
                    "line_ids": [
                        Command.create({"unit_id": self.unit_a.id, "planned_date": date(2025, 4, 1)})
                    ],
                }
            )
        )

    def test_an_external_inspection_is_the_sectors_record_of_another_bodys_work(self):
        with self.assertRaisesRegex(ValidationError, "not by an external body"):
            self._create_inspection(inspection_type="self", is_external=True)
        # Another competent body may kiểm tra a unit too (Sở Nội vụ): the Department records it.
        check = self._create_inspection(inspection_type="inspection", is_external=True, **EXTERNAL)
        self.assertEqual(check.inspecting_unit_id, self.department)
        with self.assertRaises(UserError):
            check.action_print_minutes()

    def test_the_next_change_of_law_is_a_configuration_change(self):
        """Should a law give the sector its thanh tra back from 2028, the Department ends the
        basis that took it out: a thanh tra of 2028 is the Department's again."""
        self.law_2025.with_user(self.dept_manager).date_to = date(2027, 12, 31)
        inspection = self._create_inspection(inspection_type="audit", year=2028, date=date(2028, 3, 1))
        self.assertFalse(inspection.is_external)
        self.assertEqual(inspection.inspecting_unit_id, self.department)
        self.assertIn("BIÊN BẢN THANH TRA", self._html(MINUTES, inspection))
        self.assertTrue(self._create_inspection(inspection_type="audit", date=date(2026, 10, 2)).is_external)
