# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUiViews(HttpCase):
    """Every view of plans and activities opens in the browser without an error."""

    def _open(self, path, login="admin"):
        self.browser_js(
            path,
            "console.log('test successful')",
            ready="document.querySelector('.o_view_controller')"
            " && !document.querySelector('.o_loading_indicator')",
            login=login,
        )

    def _plan_action(self, suffix=""):
        return f"/odoo/action-gender_equality_plan.gender_equality_plan_action{suffix}"

    def _task_action(self, suffix=""):
        return f"/odoo/action-gender_equality_plan.gender_equality_task_action{suffix}"

    def test_plan_list_and_kanban(self):
        self._open(self._plan_action())
        self._open(self._plan_action("?view_type=kanban"))

    def test_plan_form(self):
        plan = self.env["gender.equality.plan"].search([], limit=1)
        if not plan:
            self.skipTest("no demo data")
        self._open(self._plan_action(f"/{plan.id}"))

    def test_task_views(self):
        for view_type in ("list", "kanban", "calendar", "pivot", "graph"):
            with self.subTest(view_type=view_type):
                self._open(self._task_action(f"?view_type={view_type}"))

    def test_task_form(self):
        task = self.env["gender.equality.task"].search([], limit=1)
        if not task:
            self.skipTest("no demo data")
        self._open(self._task_action(f"/{task.id}"))

    def test_configuration_views(self):
        for xmlid in (
            "gender_equality_area_action",
            "gender_equality_activity_type_action",
            "gender_equality_observance_action",
            "gender_equality_objective_action",
            "gender_equality_funding_source_action",
            "gender_equality_approval_stage_action",
        ):
            with self.subTest(action=xmlid):
                self._open(f"/odoo/action-gender_equality_plan.{xmlid}")

    def test_plan_form_as_unit_officer_and_approver(self):
        plan = self.env.ref(
            "gender_equality_plan.gender_equality_plan_tho_xuan_2026_demo", raise_if_not_found=False
        )
        pending = self.env.ref(
            "gender_equality_plan.gender_equality_plan_bvdk_2026_demo", raise_if_not_found=False
        )
        if not (plan and pending):
            self.skipTest("no demo data")
        self._open(self._plan_action(f"/{plan.id}"), login="canbo.thoxuan")
        self._open(self._plan_action(f"/{pending.id}"), login="truongban")
        self._open(
            "/odoo/action-gender_equality_plan.gender_equality_plan_action_to_approve", login="truongban"
        )

    def test_return_with_the_reason_wizard(self):
        plan = self.env.ref(
            "gender_equality_plan.gender_equality_plan_bvdk_2026_demo", raise_if_not_found=False
        )
        if not plan:
            self.skipTest("no demo data")
        self.start_tour(
            self._plan_action(f"/{plan.id}"), "gender_equality_plan_return_tour", login="truongban"
        )
        self.assertEqual(plan.state, "returned")
        self.assertEqual(plan.last_return_reason, "Thiếu hoạt động tự kiểm tra (III.6).")
