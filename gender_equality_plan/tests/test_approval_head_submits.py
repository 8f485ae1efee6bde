# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A head of unit who submits his unit's record decided his own stage by submitting it: the
record goes on to the next stage, with a review that says so, for every approval model. The
later stages are never decided by the person who submitted."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .test_inspection_programme import ProgrammeCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestHeadSubmits(ProgrammeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.Review = cls.env["gender.equality.approval.review"]
        cls.stage_plan_unit = ref("gender_equality_plan.gender_equality_approval_stage_plan_unit")
        cls.stage_plan_department = ref("gender_equality_plan.gender_equality_approval_stage_plan_department")
        cls.stage_report_department = ref(
            "gender_equality_plan.gender_equality_approval_stage_report_department"
        )
        cls.stage_self_unit = ref("gender_equality_plan.gender_equality_approval_stage_inspection_unit")
        cls.plan = (
            cls.env["gender.equality.plan"]
            .with_user(cls.manager_a)
            .create(
                {
                    "unit_id": cls.unit_a.id,
                    "year": 2026,
                    "task_ids": [
                        Command.create(
                            {
                                "name": "Phổ biến Luật Bình đẳng giới",
                                "area_id": ref("gender_equality_plan.gender_equality_area_information").id,
                                "activity_type_id": ref(
                                    "gender_equality_plan.gender_equality_activity_type_dissemination"
                                ).id,
                                "target_group": "staff",
                                "date_start": date(2026, 3, 5),
                                "date_end": date(2026, 3, 5),
                            }
                        )
                    ],
                }
            )
        )

    def _reviews(self, record):
        return self.Review.search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)], order="round, sequence, id"
        )

    def _assert_decided_by_submission(self, record, head, stage):
        review = self._reviews(record).filtered(lambda review: review.stage_id == stage)
        self.assertRecordValues(review, [{"state": "approved", "mode": "submission", "done_by_id": head.id}])
        self.assertTrue(
            any("by submitting it" in str(message.body) for message in record.message_ids),
            "the chatter says how the stage was decided",
        )

    def test_head_submitting_his_plan_decides_his_stage(self):
        action = self.plan.with_user(self.manager_a).with_context(gep_confirm=True).action_submit()
        wizard = (
            self.env["gender.equality.confirm.wizard"]
            .with_user(self.manager_a)
            .with_context(action["context"])
            .create({})
        )
        self.assertIn(
            "You are a head of Unit A: your submission is your approval at the stage Thủ trưởng đơn vị. "
            "It then waits for the stage Sở Y tế (Ban VSTBPN).",
            str(wizard.message),
        )
        self.assertEqual(self.plan.state, "draft")
        wizard.action_confirm()
        self._assert_decided_by_submission(self.plan, self.manager_a, self.stage_plan_unit)
        self.assertEqual(self.plan.approval_stage_id, self.stage_plan_department)
        # The Department stage is the Department's, whoever submitted.
        self.assertFalse(self.plan.with_user(self.manager_a).can_approve)
        with self.assertRaisesRegex(AccessError, "You submitted"):
            self.plan.with_user(self.manager_a).action_approve()
        self.plan.with_user(self.dept_manager).action_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_officer_submission_still_waits_for_the_head(self):
        self.plan.with_user(self.user_a).action_submit()
        review = self._reviews(self.plan)[0]
        self.assertRecordValues(
            review, [{"state": "pending", "mode": "app", "reviewer_ids": self.manager_a.ids}]
        )
        self.assertTrue(self.plan.with_user(self.manager_a).can_approve)

    def test_head_submitting_his_report_forwards_it_to_the_department(self):
        report = (
            self.env["gender.equality.report"]
            .with_user(self.manager_a)
            .create({"unit_id": self.unit_a.id, "year": 2026, "results": "<p>Kết quả thực hiện.</p>"})
        )
        with freeze_time("2026-12-05 03:00:00"):
            report.with_user(self.manager_a).action_submit()
        self.assertEqual(report.approval_stage_id, self.stage_report_department)
        self.assertEqual(report.received_date, datetime(2026, 12, 5, 3, 0), "received as the head sends it")
        self.assertFalse(report.is_late)
        report.with_user(self.dept_user).action_approve()
        self.assertEqual(report.state, "accepted")

    def test_head_recording_his_self_inspection(self):
        inspection = self._create_inspection(
            user=self.manager_a, leader_id=self.manager_a.id, inspector_ids=[]
        )
        inspection = inspection.with_user(self.manager_a)
        inspection.action_start()
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "yes", self.item_report: "yes"})
        inspection.action_done()
        self._assert_decided_by_submission(inspection, self.manager_a, self.stage_self_unit)
        self.assertEqual(inspection.approval_stage_id, self.stage_department)
        with self.assertRaises(AccessError):
            inspection.action_approve()
        inspection.with_user(self.dept_manager).action_approve()
        self.assertEqual(inspection.state, "approved")

    def test_parent_head_recording_the_inspection_of_an_affiliated_unit_approves_it(self):
        inspection = self._inspection_of_a1(user=self.manager_a).with_user(self.manager_a)
        inspection.action_start()
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        inspection.action_done()
        self._assert_decided_by_submission(inspection, self.manager_a, self.stage_parent)
        self.assertEqual(inspection.state, "approved", "no stage follows the head of the inspecting unit")

    def test_head_submitting_his_units_programme_approves_it(self):
        programme = self._unit_programme()
        programme.with_user(self.manager_a).action_submit()
        self._assert_decided_by_submission(programme, self.manager_a, self.stage_programme_unit)
        self.assertEqual(programme.state, "approved")
        self.assertEqual(len(programme.inspection_ids), 2, "the approved programme schedules its inspections")

    def test_head_submitting_his_indicator_status_with_a_head_stage(self):
        """The shipped chain of the statuses is the Department's only: a head stage that the
        Department adds takes the head's submission as his decision too."""
        stage = self.env["gender.equality.approval.stage"].create(
            {
                "name": "Thủ trưởng đơn vị",
                "res_model": "gender.equality.indicator.status",
                "sequence": 5,
                "approver_type": "unit_manager",
            }
        )
        status = (
            self.env["gender.equality.indicator.status"]
            .with_user(self.manager_a)
            .create(
                {
                    "unit_id": self.unit_a.id,
                    "year": 2026,
                    "status": "pilot",
                    "attachment_ids": [Command.create({"name": "qd.pdf", "raw": b"%PDF-1.4"})],
                }
            )
        )
        status.with_user(self.manager_a).action_submit()
        self._assert_decided_by_submission(status, self.manager_a, stage)
        self.assertEqual(status.state, "submitted")
        self.assertFalse(status.with_user(self.manager_a).can_approve)
        status.with_user(self.dept_user).action_approve()
        self.assertEqual(status.state, "confirmed")

    def test_later_stage_is_never_decided_by_the_submitter(self):
        """Even a later stage that takes its approver's submission as his decision waits when the
        submitter is its approver: only the stage the record reaches at its submission is his."""
        stage = self.env["gender.equality.approval.stage"].create(
            {
                "name": "Phó Giám đốc phụ trách",
                "res_model": "gender.equality.plan",
                "sequence": 15,
                "approver_type": "users",
                "user_ids": [Command.set(self.manager_a.ids)],
                "submitter_decides": True,
            }
        )
        self.plan.with_user(self.manager_a).action_submit()
        self._assert_decided_by_submission(self.plan, self.manager_a, self.stage_plan_unit)
        self.assertEqual(self.plan.approval_stage_id, stage)
        with self.assertRaisesRegex(AccessError, "You submitted"):
            self.plan.with_user(self.manager_a).action_approve()

    def test_department_stage_is_decided_by_another_manager(self):
        """The sector report: the Department manager who submits it for signature does not sign
        it himself (its stage is a group's: the submission is no decision there)."""
        other = new_test_user(
            self.env,
            "gep_dept_manager_2",
            groups="gender_equality_plan.group_department_manager",
            gep_unit_ids=[Command.set(self.department.ids)],
        )
        report = (
            self.env["gender.equality.sector.report"]
            .with_user(self.dept_manager)
            .create({"year": 2027, "signer_name": "Nguyễn Văn An", "document_number": "215/BC-SYT"})
        )
        report.with_user(self.dept_manager).action_submit()
        review = self._reviews(report)
        self.assertRecordValues(review, [{"state": "pending", "mode": "app"}])
        with self.assertRaisesRegex(AccessError, "You submitted"):
            report.with_user(self.dept_manager).action_approve()
        report.with_user(other).action_approve()
        self.assertEqual(report.state, "issued")

    def test_head_step_of_a_resubmission_is_his_again(self):
        self.plan.with_user(self.manager_a).action_submit()
        self.plan.with_user(self.dept_manager).action_return("Bổ sung hoạt động Tháng hành động")
        self.plan.with_user(self.user_a).action_submit()
        second = self._reviews(self.plan).filtered(lambda review: review.round == 2)
        self.assertRecordValues(second[0], [{"state": "pending", "mode": "app"}])
