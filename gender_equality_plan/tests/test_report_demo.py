# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestReportDemo(TransactionCase):
    """The demo reports of 2025 show each case of the consolidation."""

    def setUp(self):
        super().setUp()
        self.on_time = self.env.ref(
            "gender_equality_plan.gender_equality_report_tho_xuan_2025_demo", raise_if_not_found=False
        )
        if not self.on_time:
            self.skipTest("no demo data")
        self.late = self.env.ref("gender_equality_plan.gender_equality_report_bvdk_2025_demo")

    def test_on_time_report_is_accepted(self):
        self.assertEqual(self.on_time.state, "accepted")
        self.assertFalse(self.on_time.is_late)
        self.assertGreaterEqual(self.on_time.dissemination_count, 1)

    def test_report_forwarded_late_by_its_head_is_late(self):
        """Its officer submitted it on 9/12; its head forwarded it to the Department on 15/12."""
        self.assertEqual(self.late.state, "submitted")
        self.assertTrue(self.late.approval_stage_id.receives_for_department)
        self.assertEqual(self.late.days_late, 5)

    def test_consolidation_of_2025(self):
        summary = self.env["gender.equality.report"].get_kpi_summary(2025)
        self.assertEqual(summary["reports_on_time"], 1)
        self.assertEqual(summary["reports_late"], 1)
        self.assertEqual(summary["reports_missing"], summary["units_expected"] - 2)

    def test_awareness_against_the_2025_baseline(self):
        summary = self.env["gender.equality.report"].get_kpi_summary(2026)
        self.assertEqual(summary["awareness_pairs"], 1, "Thọ Xuân's patients, surveyed in 2025 and 2026")
        self.assertEqual(summary["awareness_change_points"], 8.0)
        self.assertEqual(summary["units_indicator_pilot"], 1)
        self.assertEqual(summary["units_indicator_official"], 1)
