# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .ui_common import PREFIX, UiTourCommon


@tagged("post_install", "-at_install")
class TestApprovalBatchTour(UiTourCommon):
    """The Department manager approves plans selected in the list (Approve in the Action menu),
    in Vietnamese, on a desktop (1366×768)."""

    def test_department_approves_a_selection_from_the_list(self):
        at_department = self._plan(self.year + 1) | self._plan(self.year + 2)
        for plan in at_department:
            plan.with_user(self.officer).action_submit()
            plan.with_user(self.head).action_approve()
        at_head = self._plan(self.year + 3)
        at_head.with_user(self.officer).action_submit()
        self._tour(
            self._action("gender_equality_plan_action"),
            "gender_equality_approval_batch_tour",
            self.department,
        )
        self.assertEqual(at_department.mapped("state"), ["approved", "approved"])
        self.assertEqual(
            at_head.approval_stage_id, self.env.ref(PREFIX + "gender_equality_approval_stage_plan_unit")
        )


@tagged("post_install", "-at_install")
class TestApprovalBatchTourPhone(TestApprovalBatchTour):
    """The same on a phone: the list of plans (its cards by default), a long touch starts the
    selection."""

    browser_size = "390x844"
    touch_enabled = True
    # Odoo's loader runs inherited test methods only when asked to.
    allow_inherited_tests_method = True
