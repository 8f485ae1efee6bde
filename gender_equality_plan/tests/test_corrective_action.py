# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestCorrectiveAction(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.action = cls.Action.create(
            {
                "name": "Hold a second session",
                "unit_id": cls.unit_a.id,
                "responsible_id": cls.user_a.id,
                "deadline": "2026-12-10",
            }
        )

    def _as(self, user):
        return self.action.with_user(user)

    def _submit(self):
        self._as(self.user_a).write({"evidence_note": "Minutes of the session of 5/12"})
        self._as(self.user_a).action_done()

    def test_unit_moves_its_action_to_done_with_evidence(self):
        self.assertIs(self._as(self.user_a).action_start(), True)
        self.assertEqual(self.action.state, "in_progress")
        self._submit()
        self.assertEqual(self.action.state, "done")

    def test_done_requires_evidence(self):
        with self.assertRaises(UserError):
            self._as(self.user_a).action_done()

    def test_attachment_is_evidence(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "minutes.txt",
                "raw": b"minutes",
                "res_model": self.Action._name,
                "res_id": self.action.id,
            }
        )
        self.action.attachment_ids = attachment
        self._as(self.user_a).action_done()
        self.assertEqual(self.action.state, "done")

    def test_unit_cannot_verify(self):
        self._submit()
        for user in (self.user_a, self.manager_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user).action_verify()

    def test_inspector_verifies(self):
        self._submit()
        self.assertIs(self._as(self.inspector).action_verify(), True)
        self.assertEqual(self.action.state, "verified")

    def test_department_officer_verifies(self):
        self._submit()
        self._as(self.dept_user).action_verify()
        self.assertEqual(self.action.state, "verified")

    def test_only_done_actions_are_verified(self):
        with self.assertRaises(UserError):
            self._as(self.inspector).action_verify()

    def test_unit_cannot_reopen(self):
        self._submit()
        with self.assertRaises(AccessError):
            self._as(self.manager_a).action_reopen("Not enough")

    def test_reopen_requires_a_reason(self):
        self._submit()
        with self.assertRaises(UserError):
            self._as(self.inspector).action_reopen("")

    def test_inspector_reopens_with_a_reason(self):
        self._submit()
        self._as(self.inspector).action_verify()
        self._as(self.inspector).action_reopen("The minutes are not signed")
        self.assertEqual(self.action.state, "in_progress")
        self.assertEqual(self.action.reopen_reason, "The minutes are not signed")
        self.assertIn("The minutes are not signed", self.action.message_ids[0].body)

    def test_unit_cannot_cancel_its_action(self):
        for user in (self.user_a, self.manager_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user).action_cancel("Not needed")
        self.assertEqual(self.action.state, "open")

    def test_inspector_cancels_with_a_reason(self):
        with self.assertRaises(UserError):
            self._as(self.inspector).action_cancel("  ")
        self.assertEqual(
            self._as(self.inspector).action_cancel()["res_model"], "gender.equality.reason.wizard"
        )
        self.assertIs(self._as(self.inspector).action_cancel("Duplicate of another action"), True)
        self.assertEqual(self.action.state, "cancelled")
        self.assertIn("Duplicate of another action", self.action.message_ids[0].body)

    def test_unit_cannot_move_its_deadline(self):
        for user in (self.user_a, self.manager_a):
            for vals in ({"deadline": "2027-06-30"}, {"priority": "low"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    self._as(user).write(vals)
            with self.assertRaises(AccessError):
                self._as(user).action_reschedule("Busy", deadline="2027-06-30")
        self.assertEqual(str(self.action.deadline), "2026-12-10")

    def test_inspector_reschedules_with_a_reason(self):
        with self.assertRaises(AccessError):
            self._as(self.inspector).write({"deadline": "2027-01-31"})
        self._as(self.inspector).action_reschedule("Holiday season", deadline="2027-01-31", priority="high")
        self.assertEqual((str(self.action.deadline), self.action.priority), ("2027-01-31", "high"))
        self.assertIn("Holiday season", self.action.message_ids[0].body)

    def test_reschedule_through_the_reason_wizard(self):
        action = self._as(self.inspector).action_reschedule()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.inspector)
            .with_context(**action["context"])
            .create({"reason": "Waiting for the budget", "deadline": "2027-02-28"})
        )
        wizard.action_confirm()
        self.assertEqual(str(self.action.deadline), "2027-02-28")

    def test_responsible_must_belong_to_the_unit(self):
        with self.assertRaises(ValidationError):
            self.action.responsible_id = self.user_b

    def test_unit_cannot_move_an_action_to_another_unit(self):
        with self.assertRaises(AccessError):
            self._as(self.manager_a).write({"unit_id": self.unit_b.id, "responsible_id": False})

    def _overdue_ids(self):
        return self.Action.search([("is_overdue", "=", True)]).ids

    @freeze_time("2026-12-10 16:59:00")
    def test_not_overdue_on_the_last_local_day(self):
        # 23:59 on 10/12 in Asia/Ho_Chi_Minh
        self.assertFalse(self.action.is_overdue)
        self.assertNotIn(self.action.id, self._overdue_ids())

    @freeze_time("2026-12-10 17:00:00")
    def test_overdue_from_local_midnight_after_the_deadline(self):
        # 00:00 on 11/12 in Asia/Ho_Chi_Minh
        self.assertTrue(self.action.is_overdue)
        self.assertIn(self.action.id, self._overdue_ids())
        self.assertNotIn(self.action.id, self.Action.search([("is_overdue", "=", False)]).ids)

    @freeze_time("2026-12-20 12:00:00")
    def test_done_action_is_not_overdue(self):
        self._submit()
        self.assertFalse(self.action.is_overdue)
        self.assertNotIn(self.action.id, self._overdue_ids())

    def test_unit_cannot_force_verified_by_a_write(self):
        self._submit()
        with self.assertRaises(AccessError):
            self._as(self.manager_a).write({"state": "verified"})

    def test_unit_cannot_reopen_a_verified_action_by_a_write(self):
        self._submit()
        self._as(self.inspector).action_verify()
        with self.assertRaises(AccessError):
            self._as(self.manager_a).write({"state": "in_progress"})

    def test_unit_cannot_create_a_verified_action(self):
        with self.assertRaises(AccessError):
            self.Action.with_user(self.manager_a).create(
                {"name": "Already fixed", "unit_id": self.unit_a.id, "state": "verified"}
            )
