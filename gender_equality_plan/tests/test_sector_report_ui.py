# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestSectorReportUi(HttpCase):
    """The Department's screens of the report upward open in the browser without an error."""

    def _open(self, path, login):
        self.browser_js(
            path,
            "console.log('test successful')",
            ready="document.querySelector('.o_view_controller')"
            " && !document.querySelector('.o_loading_indicator')",
            login=login,
        )

    def test_sector_report_multi_year_and_recorded_results(self):
        report = self.env.ref(
            "gender_equality_plan.gender_equality_sector_report_2026_demo", raise_if_not_found=False
        )
        if not report:
            self.skipTest("no demo data")
        action = "/odoo/action-gender_equality_plan."
        self._open(f"{action}gender_equality_sector_report_action/{report.id}", login="thuongtruc")
        self._open(f"{action}gender_equality_multi_year_action", login="truongban")
        self._open(f"{action}gender_equality_objective_result_action", login="truongban")
        self._open(f"{action}gender_equality_objective_result_action?view_type=pivot", login="thanhtra")
