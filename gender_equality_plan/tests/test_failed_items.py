# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An item answered "No" is failed (issue 17): a critical one whoever writes (no critical
failure, no corrective action, result "good" would follow), another one unless those who judge
the unit clear it; the inspected unit does not soften the result of its own self-inspection."""

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestFailedItems(InspectionCommon):
    """Unit A's self-inspection, started by its officer, with the test checklist: "Annual plan
    approved?" is critical, "Two sessions held?" is not; both require a corrective action."""

    def setUp(self):
        super().setUp()
        self.inspection = self._started_inspection(user=self.user_a)
        self.critical = self._line(self.item_plan)
        self.other = self._line(self.item_sessions)

    def _line(self, item):
        return self.inspection.line_ids.filtered(lambda line: line.item_id == item)

    def assertRefused(self, function, *args):
        with (
            self.assertRaises(ValidationError) as caught,
            self.env.cr.savepoint(),
            mute_logger("odoo.models"),
        ):
            function(*args)
            self.env.flush_all()
        self.env.invalidate_all()
        return str(caught.exception)

    def test_critical_item_answered_no_stays_failed_whoever_writes(self):
        for user in (self.user_a, self.manager_a, self.inspector, self.dept_user, self.dept_manager):
            with self.subTest(user=user.login):
                line = self.critical.with_user(user)
                message = self.assertRefused(line.write, {"answer_yes_no": "no", "is_failed": False})
                self.assertIn("is failed", message)
                self.critical.with_user(self.user_a).answer_yes_no = "no"
                self.assertRefused(line.write, {"is_failed": False})
                self.assertTrue(self.critical.is_failed)
                self.assertTrue(self.inspection.has_critical_failure)

    def test_minutes_keep_the_critical_failure_and_its_corrective_action(self):
        self._answer(
            self.inspection, {self.item_plan: "no", self.item_sessions: "yes", self.item_report: "yes"}
        )
        self.assertRefused(self.critical.with_user(self.user_a).write, {"is_failed": False})
        self.inspection.with_user(self.user_a).action_done()
        self.assertEqual(self.inspection.result_band, "failed")
        self.assertEqual(self.inspection.corrective_action_ids.line_id, self.critical)

    def test_unit_does_not_soften_its_own_self_inspection(self):
        self.other.with_user(self.user_a).answer_yes_no = "no"
        for user in (self.user_a, self.manager_a):
            with self.subTest(user=user.login):
                message = self.assertRefused(self.other.with_user(user).write, {"is_failed": False})
                self.assertIn("not the inspected unit itself", message)
        self.assertTrue(self.other.is_failed)

    def test_inspector_judging_may_clear_a_failure_that_is_not_critical(self):
        self._answer(
            self.inspection, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"}
        )
        self.other.with_user(self.inspector).is_failed = False
        self.inspection.with_user(self.user_a).action_done()
        self.assertFalse(self.other.is_failed)
        self.assertFalse(self.inspection.corrective_action_ids)

    def test_form_answering_no_with_the_recomputed_flag_saves(self):
        """The web client sends the flag that its onchange recomputed with the answer."""
        self.inspection.with_user(self.user_a).write(
            {
                "line_ids": [
                    Command.update(self.critical.id, {"answer_yes_no": "no", "is_failed": True}),
                    Command.update(self.other.id, {"answer_yes_no": "yes", "is_failed": False}),
                ]
            }
        )
        self.assertEqual((self.critical.is_failed, self.other.is_failed), (True, False))

    def test_unit_may_flag_a_failure(self):
        """Hardening its own result is the unit's right: a number answer flagged as failed."""
        line = self._line(self.item_count).with_user(self.user_a)
        line.write({"answer_number": 1, "is_failed": True})
        self.assertTrue(line.is_failed)
