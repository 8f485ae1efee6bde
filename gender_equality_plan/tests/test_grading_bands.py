# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Scores are graded only with a grading scale the Department adopted and activated, and the
minutes print which one; the shipped scale (a local setting, not an official norm) is inactive."""

from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_inspection import InspectionCommon

MINUTES = "gender_equality_plan.action_report_gender_equality_inspection"
ADOPTION = (
    "(theo Thang xếp loại kết quả kiểm tra công tác truyền thông về bình đẳng giới, ban hành kèm theo "
    "Quyết định số 15/QĐ-SYT ngày 10/01/2026 của Sở Y tế Thanh Hóa)"
)


@tagged("post_install", "-at_install")
class TestGradingBands(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Band = cls.env["gender.equality.grading.band"]
        cls.Scale = cls.env["gender.equality.grading.scale"]
        ref = cls.env.ref
        cls.scale = ref("gender_equality_plan.gender_equality_grading_scale_default")
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

    def test_the_shipped_scale_is_inactive_and_a_local_setting(self):
        self.assertFalse(self.scale.active)
        self.assertFalse(self.Band.search([]), "no band grades before a scale is adopted")
        bands = self.scale.band_ids
        self.assertEqual(bands, self.good | self.fair | self.poor)
        self.assertFalse(any(bands.mapped("active")))
        self.assertTrue(all(bands.mapped("is_local_setting")))
        self.assertTrue(all("không phải định mức chính thức" in band.note for band in bands))
        self.assertEqual(bands.sorted("min_score", reverse=True).mapped("min_score"), [80.0, 50.0, 0.0])

    def test_before_a_scale_is_adopted_the_minutes_print_the_score_only(self):
        inspection = self._graded_inspection()
        self.assertFalse(inspection.grade_id)
        self.assertFalse(inspection.result_band)
        minutes = self._minutes(inspection)
        self.assertIn("66,7%", minutes)
        self.assertNotIn("Xếp loại", minutes)

    def test_an_adopted_scale_grades_and_the_minutes_say_which(self):
        inspection = self._graded_inspection()
        self._adopt_grading_scale()
        self.assertEqual((inspection.grade_id, inspection.result_band), (self.fair, "fair"))
        minutes = self._minutes(inspection)
        self.assertIn("Xếp loại:", minutes)
        self.assertIn("Khá", minutes)
        self.assertIn(ADOPTION, minutes)

    def test_a_scale_is_activated_once_adopted_and_one_at_a_time(self):
        with self.assertRaisesRegex(ValidationError, "Record the decision that adopts the scale"):
            self.scale.with_user(self.dept_manager).active = True
        self._adopt_grading_scale()
        other = self.Scale.with_user(self.dept_manager).create(
            {"name": "Thang khác", "decision_number": "20/QĐ-SYT", "decision_date": date(2026, 6, 1)}
        )
        self.assertFalse(other.active, "a new scale starts inactive")
        with self.assertRaisesRegex(ValidationError, "Only one grading scale is active"):
            other.with_user(self.dept_manager).active = True

    def test_the_department_changes_the_bands_and_open_inspections_follow(self):
        self._adopt_grading_scale()
        inspection = self._graded_inspection()
        self.fair.with_user(self.dept_manager).write({"min_score": 70.0})
        self.assertEqual(inspection.grade_id, self.poor)
        excellent = self.Band.with_user(self.dept_manager).create(
            {
                "scale_id": self.scale.id,
                "name": "Xuất sắc",
                "code": "excellent",
                "min_score": 60.0,
                "is_local_setting": False,
            }
        )
        self.assertTrue(excellent.active, "a band is active with its scale")
        self.assertEqual((inspection.grade_id, inspection.result_band), (excellent, "excellent"))
        self.assertEqual(
            dict(inspection._fields["result_band"]._description_selection(self.env))["excellent"], "Xuất sắc"
        )
        # The Department archives the scale: open inspections are no longer graded.
        self.scale.with_user(self.dept_manager).active = False
        self.assertFalse(inspection.grade_id)

    def test_recorded_minutes_keep_their_grade_and_its_scale(self):
        self._adopt_grading_scale()
        inspection = self._graded_inspection()
        inspection.action_done()
        self.fair.with_user(self.dept_manager).write({"min_score": 70.0})
        self.Band.with_user(self.dept_manager).create(
            {"scale_id": self.scale.id, "name": "Đạt", "code": "pass", "min_score": 60.0}
        )
        self.scale.with_user(self.dept_manager).active = False
        inspection.invalidate_recordset()
        self.assertEqual((inspection.grade_id, inspection.result_band), (self.fair, "fair"))
        self.assertIn(ADOPTION, self._minutes(inspection))
        with self.assertRaisesRegex(ValidationError, "archive"):
            self.fair.with_user(self.dept_manager).unlink()
        with self.assertRaisesRegex(ValidationError, "stay as they printed them"):
            self.scale.with_user(self.dept_manager).decision_number = "16/QĐ-SYT"
        self.assertEqual(self.scale.decision_number, "15/QĐ-SYT")

    def test_a_failed_critical_item_fails_the_inspection_whatever_the_scale(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "no", self.item_sessions: "yes", self.item_report: "yes"})
        self.assertEqual(inspection.result_band, "failed")
        self.assertFalse(inspection.grade_id)
        self.assertIn("Không đạt (có nội dung bắt buộc không đạt)", self._minutes(inspection))

    def test_bands_are_checked(self):
        Band = self.Band.with_user(self.dept_manager)
        with self.assertRaises(ValidationError):
            Band.create({"scale_id": self.scale.id, "name": "Sai", "code": "wrong", "min_score": 120.0})
        with self.assertRaises(ValidationError):
            Band.create({"scale_id": self.scale.id, "name": "Không đạt", "code": "failed", "min_score": 0.0})

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_only_the_department_manager_configures_the_scales(self):
        for user in (self.user_a, self.manager_a, self.inspector, self.dept_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.fair.with_user(user).write({"min_score": 10.0})
                with self.assertRaises(AccessError):
                    self.Band.with_user(user).create(
                        {"scale_id": self.scale.id, "name": "Dễ", "code": "easy", "min_score": 1.0}
                    )
                with self.assertRaises(AccessError):
                    self.scale.with_user(user).write({"decision_number": "1/QĐ"})
                self.assertTrue(self.fair.with_user(user).read(["name"]))
                self.assertTrue(self.scale.with_user(user).read(["name"]))
