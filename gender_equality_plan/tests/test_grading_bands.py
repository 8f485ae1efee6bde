# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scores are graded only with the grading bands the Department configures; the shipped bands
are local settings, not official norms."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_inspection import InspectionCommon

MINUTES = "gender_equality_plan.action_report_gender_equality_inspection"


@tagged("post_install", "-at_install")
class TestGradingBands(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Band = cls.env["gender.equality.grading.band"]
        ref = cls.env.ref
        cls.good = ref("gender_equality_plan.gender_equality_grading_band_good")
        cls.fair = ref("gender_equality_plan.gender_equality_grading_band_fair")
        cls.poor = ref("gender_equality_plan.gender_equality_grading_band_poor")
        # 4 of 6 weighted points: 66.7%.
        cls.answers = {cls.item_plan: "yes", cls.item_sessions: "no", cls.item_report: "yes"}

    def _graded_inspection(self):
        inspection = self._started_inspection()
        self._answer(inspection, self.answers)
        return inspection

    def _minutes(self, inspection):
        html, __ = self.env["ir.actions.report"]._render_qweb_html(MINUTES, inspection.ids)
        return html.decode()

    def test_the_shipped_bands_are_local_settings(self):
        bands = self.Band.search([])
        self.assertEqual(bands, self.good | self.fair | self.poor)
        self.assertTrue(all(bands.mapped("is_local_setting")))
        self.assertTrue(all("không phải định mức chính thức" in band.note for band in bands))
        self.assertEqual(bands.mapped("min_score"), [80.0, 50.0, 0.0])

    def test_a_score_takes_the_grade_of_the_highest_band_reached(self):
        inspection = self._graded_inspection()
        self.assertEqual((inspection.grade_id, inspection.result_band), (self.fair, "fair"))
        self.assertIn("Xếp loại:", self._minutes(inspection))
        self.assertIn("Khá", self._minutes(inspection))

    def test_without_bands_the_minutes_print_the_score_only(self):
        self.Band.search([]).with_user(self.dept_manager).action_archive()
        inspection = self._graded_inspection()
        self.assertFalse(inspection.grade_id)
        self.assertFalse(inspection.result_band)
        minutes = self._minutes(inspection)
        self.assertIn("66,7%", minutes)
        self.assertNotIn("Xếp loại", minutes)

    def test_the_department_changes_the_bands_and_open_inspections_follow(self):
        inspection = self._graded_inspection()
        self.fair.with_user(self.dept_manager).write({"min_score": 70.0})
        self.assertEqual(inspection.grade_id, self.poor)
        excellent = self.Band.with_user(self.dept_manager).create(
            {"name": "Xuất sắc", "code": "excellent", "min_score": 60.0, "is_local_setting": False}
        )
        self.assertEqual((inspection.grade_id, inspection.result_band), (excellent, "excellent"))
        self.assertEqual(
            dict(inspection._fields["result_band"]._description_selection(self.env))["excellent"], "Xuất sắc"
        )

    def test_recorded_minutes_keep_their_grade(self):
        inspection = self._graded_inspection()
        inspection.action_done()
        self.fair.with_user(self.dept_manager).write({"min_score": 70.0})
        self.Band.with_user(self.dept_manager).create({"name": "Đạt", "code": "pass", "min_score": 60.0})
        inspection.invalidate_recordset()
        self.assertEqual((inspection.grade_id, inspection.result_band), (self.fair, "fair"))
        with self.assertRaisesRegex(ValidationError, "archive"):
            self.fair.with_user(self.dept_manager).unlink()

    def test_a_failed_critical_item_fails_the_inspection_whatever_the_bands(self):
        self.Band.search([]).with_user(self.dept_manager).action_archive()
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "no", self.item_sessions: "yes", self.item_report: "yes"})
        self.assertEqual(inspection.result_band, "failed")
        self.assertFalse(inspection.grade_id)
        self.assertIn("Không đạt (có nội dung bắt buộc không đạt)", self._minutes(inspection))

    def test_bands_are_checked(self):
        Band = self.Band.with_user(self.dept_manager)
        with self.assertRaises(ValidationError):
            Band.create({"name": "Sai", "code": "wrong", "min_score": 120.0})
        with self.assertRaises(ValidationError):
            Band.create({"name": "Không đạt", "code": "failed", "min_score": 0.0})

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_only_the_department_manager_configures_the_bands(self):
        for user in (self.user_a, self.manager_a, self.inspector, self.dept_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.fair.with_user(user).write({"min_score": 10.0})
                with self.assertRaises(AccessError):
                    self.Band.with_user(user).create({"name": "Dễ", "code": "easy", "min_score": 1.0})
                self.assertTrue(self.fair.with_user(user).read(["name"]))
