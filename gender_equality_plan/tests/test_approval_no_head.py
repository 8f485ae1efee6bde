# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A unit without a head account (most units in the first months): its head signs the paper
document, a member of the unit records the scan, and the record goes on to the Department; or
the Department marks the unit so that its head's step is skipped. The officer knows it before
submitting, the Department sees the scan and can revert it, a unit whose head has an account
cannot claim paper, and the Department's *My work* lists the units concerned."""

import base64
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .plan_common import GenderEqualityPlanCommon

SCAN = base64.b64encode(b"%PDF-1.4\n% Ke hoach da ky\n")
SIGNER = "Lê Văn Hùng, Giám đốc"


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestNoHeadAccount(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Unit A's head has no account yet: its only member is its officer.
        cls.unit_a.user_ids = cls.user_a

    def _record_paper(self, user=None, record=None, scan=SCAN, signer=SIGNER, signed="2026-02-28"):
        record = record or self.plan
        return record.with_user(user or self.user_a)._approval_record_paper(
            scan, "ke-hoach-ky.pdf", signer, signed
        )

    def _confirm_message(self, action, user):
        wizard = (
            self.env["gender.equality.confirm.wizard"]
            .with_user(user)
            .with_context(action["context"])
            .create({})
        )
        return wizard, str(wizard.message)

    def _approval_activities(self, record=None):
        activity_type = self.env.ref("gender_equality_plan.mail_activity_type_approval")
        return (record or self.plan).activity_ids.filtered(lambda act: act.activity_type_id == activity_type)

    # ------------------------------------------------------------
    # ON PAPER (the default)
    # ------------------------------------------------------------

    def test_officer_learns_before_submitting_that_the_head_signs_on_paper(self):
        action = self.plan.with_user(self.user_a).with_context(gep_confirm=True).action_submit()
        self.assertEqual(action["res_model"], "gender.equality.confirm.wizard")
        self.assertEqual(self.plan.state, "draft", "nothing happens before the officer confirms")
        wizard, message = self._confirm_message(action, self.user_a)
        self.assertIn("Unit A has no head account: the stage Thủ trưởng đơn vị is signed on paper", message)
        self.assertIn("Record the Signature on Paper", message)
        wizard.action_confirm()
        self.assertEqual(self.plan.state, "submitted")

    def test_head_step_waits_for_the_signature_on_paper(self):
        self._submit()
        review = self._reviews()[0]
        self.assertRecordValues(
            review, [{"stage_id": self.stage_unit.id, "state": "pending", "mode": "paper"}]
        )
        self.assertFalse(review.reviewer_ids)
        self.assertIn("waits for the head's signature on paper", self.plan.approval_paper_message)
        self.assertTrue(self.plan.with_user(self.user_a).can_record_paper)
        for user in (self.user_a, self.dept_manager, self.manager_b):
            self.assertFalse(self.plan.with_user(user).can_approve)
        with self.assertRaisesRegex(AccessError, "is signed on paper"):
            self.plan.with_user(self.dept_manager).action_approve()
        self.assertEqual(review.state, "pending")
        # The officer gets the to-do of the signature.
        activity = self._approval_activities()
        self.assertEqual(activity.user_id, self.user_a)
        self.assertEqual(activity.summary, "Signature on paper: Thủ trưởng đơn vị")

    def test_paper_approval_is_recorded_with_the_scan_and_goes_on(self):
        self._submit()
        result = (
            self.plan.with_user(self.user_a).with_context(gep_feedback=True).action_record_paper_approval()
        )
        self.assertEqual(result["res_model"], "gender.equality.paper.approval.wizard")
        wizard = (
            self.env["gender.equality.paper.approval.wizard"]
            .with_user(self.user_a)
            .with_context(result["context"])
            .create({"scan": SCAN, "scan_name": "ke-hoach-ky.pdf", "signer": SIGNER})
        )
        self.assertIn("waits for the head's signature on paper", str(wizard.message))
        feedback = wizard.action_confirm()
        self.assertIn("now waits for the stage Sở Y tế (Ban VSTBPN)", feedback["params"]["message"])
        review = self._reviews()[0]
        self.assertRecordValues(
            review,
            [
                {
                    "state": "approved",
                    "mode": "paper",
                    "done_by_id": self.user_a.id,
                    "paper_signer": SIGNER,
                    "paper_date": date(2026, 3, 1),
                }
            ],
        )
        scan = review.attachment_ids
        self.assertRecordValues(
            scan,
            [{"res_model": "gender.equality.plan", "res_id": self.plan.id, "mimetype": "application/pdf"}],
        )
        self.assertEqual(scan.raw, base64.b64decode(SCAN))
        log = self.plan.message_ids.filtered(lambda message: scan in message.attachment_ids)
        self.assertIn("Approved on paper at the stage Thủ trưởng đơn vị", str(log.body))
        self.assertEqual(log.author_id, self.user_a.partner_id)
        # On to the Department, which decides as usual.
        self.assertEqual(self.plan.approval_stage_id, self.stage_department)
        self.assertIn(self.dept_manager, self._approval_activities().user_id)
        self.assertNotIn(self.user_a, self._approval_activities().user_id)
        self.plan.with_user(self.dept_manager).action_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_scan_signer_and_date_are_required(self):
        self._submit()
        for kwargs, message in (
            ({"scan": False}, "Attach the scan of the document signed by the head"),
            ({"scan": base64.b64encode("chỉ là văn bản".encode())}, "must be a PDF or an image"),
            ({"signer": "  "}, "Give the name of the head"),
            ({"signed": "2026-03-02"}, "Give the date of the signature"),
        ):
            with self.subTest(kwargs=kwargs), self.assertRaisesRegex(UserError, message):
                self._record_paper(**kwargs)
        review = self._reviews()[0]
        self.assertEqual(review.state, "pending")
        self.assertFalse(review.attachment_ids)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "gender.equality.plan"), ("res_id", "=", self.plan.id)]
            )
        )

    def test_only_a_member_of_the_unit_records_the_signature(self):
        self._submit()
        for user in (self.user_b, self.dept_user, self.dept_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._record_paper(user=user)
        with self.assertRaisesRegex(AccessError, "Only a member of Unit A records the signature"):
            self._record_paper(user=self.dept_manager)
        self.assertFalse(self.plan.with_user(self.dept_manager).can_record_paper)
        self.assertEqual(self._reviews()[0].state, "pending")

    # ------------------------------------------------------------
    # INTEGRITY: no paper for a unit whose head has an account
    # ------------------------------------------------------------

    def test_unit_with_a_head_account_cannot_claim_paper(self):
        self.unit_a.user_ids |= self.manager_a
        self._submit()
        review = self._reviews()[0]
        self.assertRecordValues(review, [{"mode": "app", "state": "pending"}])
        self.assertFalse(self.plan.with_user(self.user_a).can_record_paper)
        with self.assertRaisesRegex(AccessError, "is not waiting for a signature on paper"):
            self.plan.with_user(self.user_a).action_record_paper_approval()
        with self.assertRaisesRegex(AccessError, "is not waiting for a signature on paper"):
            self._record_paper()
        # A step left on paper (the head's account came by a way that did not update it) is
        # refused all the same: the head has an account, the head decides.
        review.write({"mode": "paper", "reviewer_ids": [Command.clear()]})
        with self.assertRaisesRegex(AccessError, r"Unit A has a head account \(gep_manager_a"):
            self._record_paper()
        self.assertEqual(review.state, "pending")
        self.assertFalse(review.attachment_ids)

    def test_head_account_added_to_the_unit_takes_over_the_paper_step(self):
        self._submit()
        self.unit_a.with_user(self.dept_manager).user_ids = [Command.link(self.manager_a.id)]
        review = self._reviews()[0]
        self.assertRecordValues(
            review, [{"mode": "app", "state": "pending", "reviewer_ids": self.manager_a.ids}]
        )
        self.assertEqual(self._approval_activities().user_id, self.manager_a, "the paper to-do gave way")
        self.assertTrue(
            any(
                "decided in the application, no longer on paper" in str(m.body) for m in self.plan.message_ids
            )
        )
        with self.assertRaises(AccessError):
            self._record_paper()
        self.plan.with_user(self.manager_a).action_approve()
        self.assertEqual(self.plan.approval_stage_id, self.stage_department)

    def test_new_head_user_takes_over_the_paper_step(self):
        self._submit()
        head = new_test_user(
            self.env,
            "gep_new_head_a",
            groups="gender_equality_plan.group_unit_manager",
            gep_unit_ids=[Command.set(self.unit_a.ids)],
        )
        self.assertEqual(self._reviews()[0].reviewer_ids, head)
        self.assertTrue(self.plan.with_user(head).can_approve)

    # ------------------------------------------------------------
    # THE DEPARTMENT: sees the scan, reverts it
    # ------------------------------------------------------------

    def test_department_manager_reverts_the_paper_approval(self):
        self._submit()
        self._record_paper()
        self.assertTrue(self.plan.with_user(self.dept_manager).can_revert_paper)
        for user in (self.user_a, self.dept_user):
            self.assertFalse(self.plan.with_user(user).can_revert_paper)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.plan.with_user(user).action_revert_paper_approval("Không có chữ ký")
        self.assertEqual(self.plan.state, "submitted")
        action = self.plan.with_user(self.dept_manager).action_revert_paper_approval()
        self.assertEqual(action["res_model"], "gender.equality.reason.wizard")
        self.assertEqual(action["context"]["default_method"], "action_revert_paper_approval")
        self.plan.with_user(self.dept_manager).action_revert_paper_approval(
            "Bản scan chưa có chữ ký của Giám đốc"
        )
        self.assertEqual(self.plan.state, "returned")
        self.assertEqual(self.plan.last_return_reason, "Bản scan chưa có chữ ký của Giám đốc")
        paper, reverted, department = self._reviews()
        self.assertRecordValues(paper, [{"state": "approved", "mode": "paper", "done_by_id": self.user_a.id}])
        self.assertTrue(paper.attachment_ids, "the history keeps the scan")
        self.assertRecordValues(
            reverted,
            [{"stage_id": self.stage_unit.id, "state": "returned", "done_by_id": self.dept_manager.id}],
        )
        self.assertEqual(department.state, "cancelled")
        told = self.plan.message_ids.filtered(lambda message: self.user_a.partner_id in message.partner_ids)
        self.assertIn("approval on paper", str(told[0].body))
        # Submitted again: the head signs again, on paper.
        self._submit()
        self.assertRecordValues(self._reviews()[-2], [{"round": 2, "mode": "paper", "state": "pending"}])

    def test_nothing_to_revert_without_a_paper_approval(self):
        self.unit_a.user_ids |= self.manager_a
        self._submit()
        self.plan.with_user(self.manager_a).action_approve()
        self.assertFalse(self.plan.with_user(self.dept_manager).can_revert_paper)
        with self.assertRaisesRegex(UserError, "has no approval on paper to revert"):
            self.plan.with_user(self.dept_manager).action_revert_paper_approval("?")

    # ------------------------------------------------------------
    # SKIPPED (set by the Department)
    # ------------------------------------------------------------

    def test_head_step_skipped_for_a_unit_the_department_marks(self):
        self.unit_a.with_user(self.dept_manager).no_head_mode = "skip"
        action = self.plan.with_user(self.user_a).with_context(gep_confirm=True).action_submit()
        __, message = self._confirm_message(action, self.user_a)
        self.assertIn("the stage Thủ trưởng đơn vị is skipped", message)
        self._submit()
        unit_review, department_review = self._reviews()
        self.assertRecordValues(
            unit_review,
            [{"state": "skipped", "mode": "skip", "done_by_id": False, "stage_id": self.stage_unit.id}],
        )
        self.assertEqual(department_review.state, "pending")
        self.assertEqual(self.plan.approval_stage_id, self.stage_department)
        self.assertTrue(any("is skipped" in str(message.body) for message in self.plan.message_ids))

    def test_only_the_department_manager_sets_how_the_head_step_is_done(self):
        for user in (self.user_a, self.manager_b, self.dept_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.unit_a.with_user(user).no_head_mode = "skip"
        self.assertEqual(self.unit_a.no_head_mode, "paper")

    def test_stage_that_refuses_is_told_before_anything(self):
        self.stage_unit.without_approver = "refuse"
        with self.assertRaisesRegex(UserError, "Nobody can approve the stage Thủ trưởng đơn vị"):
            self.plan.with_user(self.user_a).with_context(gep_confirm=True).action_submit()
        self.assertEqual(self.plan.state, "draft")

    def test_only_a_head_stage_follows_the_unit_setting(self):
        with self.assertRaisesRegex(ValidationError, "only a stage of heads of unit"):
            self.stage_department.without_approver = "unit_setting"

    # ------------------------------------------------------------
    # REPORTS: received when the paper is recorded
    # ------------------------------------------------------------

    def test_report_reaches_the_department_when_the_signature_is_recorded(self):
        report = (
            self.env["gender.equality.report"]
            .with_user(self.user_a)
            .create({"unit_id": self.unit_a.id, "year": 2026, "results": "<p>Kết quả thực hiện.</p>"})
        )
        with freeze_time("2026-12-05 02:00:00"):
            report.with_user(self.user_a).action_submit()
        self.assertFalse(report.received_date, "the head has not signed yet")
        with freeze_time("2026-12-08 02:00:00"):
            self._record_paper(record=report, signed="2026-12-07")
        self.assertEqual(report.received_date, datetime(2026, 12, 8, 2, 0))
        report.with_user(self.dept_user).action_approve()
        self.assertEqual(report.state, "accepted")

    # ------------------------------------------------------------
    # MY WORK AND THE FORMS
    # ------------------------------------------------------------

    def test_department_my_work_lists_the_units_without_a_head_account(self):
        Home = self.env["gender.equality.home"]
        home = Home.with_user(self.dept_user).create({})
        action = home.with_context(gep_counter="units_without_head").action_open_list()
        self.assertEqual(action["res_model"], "gender.equality.unit")
        self.assertEqual(
            action["views"][0][0],
            self.env.ref("gender_equality_plan.gender_equality_unit_view_list_heads").id,
        )
        units = self.env["gender.equality.unit"].with_user(self.dept_user).search(action["domain"])
        self.assertIn(self.unit_a, units)
        self.assertNotIn(self.unit_b, units)
        self.assertNotIn(self.department, units)
        self.assertEqual(home.units_without_head_count, len(units))
        self.assertEqual(
            Home.with_user(self.user_a).create({}).units_without_head_count, 0, "the Department's"
        )
        # The way to fix it: the head gets an account.
        self.unit_a.with_user(self.dept_manager).user_ids = [Command.link(self.manager_a.id)]
        self.assertNotIn(self.unit_a, self.env["gender.equality.unit"].search(action["domain"]))
        self.assertEqual(Home.with_user(self.dept_user).create({}).units_without_head_count, len(units) - 1)

    def test_every_workflow_form_offers_the_paper_buttons(self):
        approvable = self.env.registry["gender.equality.approval.mixin"]._inherit_children
        for model in sorted(approvable):
            if self.env[model]._abstract:
                continue
            with self.subTest(model=model):
                arch = self.env[model].with_user(self.dept_manager).get_view(view_type="form")["arch"]
                for name in (
                    "action_record_paper_approval",
                    "action_revert_paper_approval",
                    "approval_paper_message",
                ):
                    self.assertIn(f'name="{name}"', arch)

    def test_demo_shows_both_cases(self):
        """``make demo``: most units have no head account; the commune station is skipped by the
        Department, the Sub-department (canbo.danso) signs on paper, the default."""
        ref = self.env.ref
        station = ref("gender_equality_plan.gender_equality_unit_tram_xuan_lap_demo")
        sub_department = ref("gender_equality_plan.gender_equality_unit_chi_cuc_dan_so_demo")
        self.assertRecordValues(
            station | sub_department,
            [
                {"no_head_mode": "skip", "has_head_account": False},
                {"no_head_mode": "paper", "has_head_account": False},
            ],
        )
        self.assertTrue(ref("gender_equality_plan.gender_equality_unit_ttyt_tho_xuan_demo").has_head_account)
