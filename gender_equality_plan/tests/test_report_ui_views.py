# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestReportUiViews(HttpCase):
    """Every view of the reporting regime opens in the browser without an error."""

    def _open(self, path, login="admin"):
        self.browser_js(
            path,
            "console.log('test successful')",
            ready="document.querySelector('.o_view_controller')"
            " && !document.querySelector('.o_loading_indicator')",
            login=login,
        )

    def _action(self, xmlid, suffix=""):
        return f"/odoo/action-gender_equality_plan.{xmlid}{suffix}"

    def test_report_views(self):
        for view_type in ("list", "kanban", "pivot", "graph"):
            with self.subTest(view_type=view_type):
                self._open(self._action("gender_equality_report_action", f"?view_type={view_type}"))

    def test_report_form_as_unit_officer(self):
        report = self.env.ref(
            "gender_equality_plan.gender_equality_report_tho_xuan_2025_demo", raise_if_not_found=False
        )
        if not report:
            self.skipTest("no demo data")
        self._open(self._action("gender_equality_report_action", f"/{report.id}"), login="canbo.thoxuan")

    def test_consolidation_as_department(self):
        self._open(self._action("gender_equality_consolidation_action"), login="truongban")

    def test_survey_status_and_period_views(self):
        for xmlid in (
            "gender_equality_awareness_survey_action",
            "gender_equality_indicator_status_action",
            "gender_equality_report_period_action",
        ):
            with self.subTest(action=xmlid):
                self._open(self._action(xmlid))

    def test_department_returns_a_report_with_the_reason_wizard(self):
        # The demo report of BVĐK for 2025 was forwarded by its head and waits for the Department.
        report = self.env.ref(
            "gender_equality_plan.gender_equality_report_bvdk_2025_demo", raise_if_not_found=False
        )
        if not report:
            self.skipTest("no demo data")
        self.start_tour(
            self._action("gender_equality_report_action", f"/{report.id}"),
            "gender_equality_report_return_tour",
            login="thuongtruc",
        )
        self.assertEqual(report.state, "returned")
        self.assertEqual(report.last_return_reason, "Bổ sung kết quả Tháng hành động.")
