# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .ui_common import PREFIX, UiTourCommon


@tagged("post_install", "-at_install")
class TestHomeTours(UiTourCommon):
    """Each role's main list from "My work", in the browser (in Vietnamese) on a desktop
    (1366×768): the list, the record it opens and the record's main action; an item of the
    inbox opens its record; opening a new plan and leaving saves nothing.
    ``TestHomeToursPhone`` runs the same tours on a phone, where the lists are cards. The users
    have no e-mail address: their notifications reach their Odoo inbox."""

    def _corrective_action(self, **vals):
        return self.env["gender.equality.corrective.action"].create(
            {
                "unit_id": self.unit.id,
                "name": "Bổ sung kế hoạch truyền thông",
                "deadline": fields.Date.today() + timedelta(days=20),
                **vals,
            }
        )

    def _home_tour(self, tour, user):
        self._tour("/odoo", tour, user)

    def test_head_approves_a_plan_from_my_work(self):
        plan = self._plan(self.year)
        plan.with_user(self.officer).action_submit()
        self._home_tour("gender_equality_home_plan_to_approve_tour", self.head)
        self.assertEqual(
            plan.approval_stage_id, self.env.ref(PREFIX + "gender_equality_approval_stage_plan_department")
        )

    def test_department_accepts_a_report_from_my_work(self):
        report = (
            self.env["gender.equality.report"]
            .with_user(self.officer)
            .create({"unit_id": self.unit.id, "year": self.year, "results": "<p>Kết quả thực hiện.</p>"})
        )
        report.with_user(self.officer).action_submit()
        report.with_user(self.head).action_approve()
        self._home_tour("gender_equality_home_report_to_approve_tour", self.department)
        self.assertEqual(report.state, "accepted")

    def test_officer_starts_a_corrective_action_from_my_work(self):
        action = self._corrective_action()
        self._home_tour("gender_equality_home_action_to_carry_out_tour", self.officer)
        self.assertEqual(action.state, "in_progress")

    def test_inspector_starts_a_planned_inspection_from_my_work(self):
        inspection = self._inspection(
            self.env.ref(PREFIX + "gender_equality_checklist_plan"),
            planned_date=fields.Date.today() + timedelta(days=7),
        )
        self._home_tour("gender_equality_home_inspection_planned_tour", self.inspector)
        self.assertEqual(inspection.state, "in_progress")

    def test_inspector_verifies_a_corrective_action_from_my_work(self):
        action = self._corrective_action(evidence_note="Kế hoạch đã bổ sung, có chữ ký.")
        action.action_start()
        action.action_done()
        self._home_tour("gender_equality_home_action_to_verify_tour", self.inspector)
        self.assertEqual(action.state, "verified")

    def test_inbox_item_opens_its_record(self):
        # The head has no e-mail address: "To approve: the plan" reaches their Odoo inbox.
        plan = self._plan(self.year)
        plan.with_user(self.officer).action_submit()
        inbox = self.env["mail.notification"].search(
            [
                ("mail_message_id.model", "=", plan._name),
                ("mail_message_id.res_id", "=", plan.id),
                ("res_partner_id", "=", self.head.partner_id.id),
                ("notification_type", "=", "inbox"),
            ]
        )
        self.assertFalse(inbox.is_read)
        self._home_tour("gender_equality_home_inbox_tour", self.head)
        self.assertTrue(inbox.is_read, "opened: read")

    def test_opening_a_new_plan_and_leaving_saves_nothing(self):
        # The unit has no plan: the next step is the plan of the year (of next year from
        # October, once the year's is made: the same button and form).
        self._home_tour("gender_equality_home_new_plan_tour", self.officer)
        self.assertFalse(self.env["gender.equality.plan"].search([("unit_id", "=", self.unit.id)]))


@tagged("post_install", "-at_install")
class TestHomeToursPhone(TestHomeTours):
    """The same journeys on a phone (390×844, touch): cards, a tap opens the record, the main
    action is a button of the status bar."""

    browser_size = "390x844"
    touch_enabled = True
    # Odoo's loader runs inherited test methods only when asked to.
    allow_inherited_tests_method = True
