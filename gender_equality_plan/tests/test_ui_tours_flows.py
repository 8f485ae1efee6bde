# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from ..tools.common import local_today
from .test_ui_tours import PREFIX, TestUiTours


class FlowJourneys:
    """The journeys that used to dead-end (issue 18), as their users click them, each checking
    what it saved: a unit without a head account submitting its plan (signed on paper, or its
    head's step skipped), a head submitting his own unit's report, an inspection scheduled
    through the wizard then started and recorded, the sector report submitted for signature and
    issued with its number. On the fixture of ``TestUiTours`` (in Vietnamese)."""

    def _plan_meeting_the_objectives(self):
        plan = self._plan(self.year, names=("Phổ biến Luật Bình đẳng giới", "Nói chuyện chuyên đề"))
        plan.with_user(self.officer).write(
            {
                "task_ids": [
                    Command.create(
                        {
                            "name": "Mít tinh Tháng hành động",
                            "area_id": self.area.id,
                            "activity_type_id": self.type_training.id,
                            "date_start": date(self.year, 11, 20),
                            "date_end": date(self.year, 11, 20),
                        }
                    )
                ]
            }
        )
        return plan

    def _without_head(self):
        self.unit.user_ids -= self.head

    def test_unit_without_head_account_submits_its_plan_signed_on_paper(self):
        self._without_head()
        plan = self._plan_meeting_the_objectives()
        self._tour(
            self._action("gender_equality_plan_action", f"/{plan.id}"),
            "gender_equality_paper_approval_tour",
            self.officer,
        )
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(
            plan.approval_stage_id, self.env.ref(PREFIX + "gender_equality_approval_stage_plan_department")
        )
        paper = plan.review_ids.filtered(lambda review: review.mode == "paper")
        self.assertRecordValues(
            paper,
            [{"state": "approved", "done_by_id": self.officer.id, "paper_signer": "Lê Văn Hùng, Giám đốc"}],
        )
        self.assertEqual(paper.attachment_ids.name, "ke-hoach-da-ky.pdf")
        self.assertEqual(paper.attachment_ids.mimetype, "application/pdf")

    def test_unit_marked_by_the_department_skips_its_head_step(self):
        self._without_head()
        self.unit.with_user(self.department).no_head_mode = "skip"
        plan = self._plan_meeting_the_objectives()
        self._tour(
            self._action("gender_equality_plan_action", f"/{plan.id}"),
            "gender_equality_skip_head_tour",
            self.officer,
        )
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(
            plan.review_ids.filtered(lambda review: review.state == "skipped").stage_id,
            self.env.ref(PREFIX + "gender_equality_approval_stage_plan_unit"),
        )

    def test_head_submits_his_own_units_report(self):
        report = (
            self.env["gender.equality.report"]
            .with_user(self.head)
            .create({"unit_id": self.unit.id, "year": self.year, "results": "<p>Kết quả thực hiện.</p>"})
        )
        self._tour(
            self._action("gender_equality_report_action", f"/{report.id}"),
            "gender_equality_head_submits_tour",
            self.head,
        )
        self.assertEqual(report.state, "submitted")
        self.assertRecordValues(
            report.review_ids.filtered(lambda review: review.mode == "submission"),
            [{"state": "approved", "done_by_id": self.head.id}],
        )
        self.assertTrue(report.received_date, "the Department received it as the head sent it")

    def test_inspection_scheduled_then_started_and_recorded(self):
        Checklist = self.env["gender.equality.checklist"]
        Checklist.search([("is_default", "=", True)]).is_default = False
        checklist = Checklist.create(
            {"name": "Bảng kiểm lập lịch", "code": "TOUR-SCHEDULE", "is_default": True}
        )
        section = self.env["gender.equality.checklist.section"].create(
            {"checklist_id": checklist.id, "name": "Kế hoạch", "sequence": 1}
        )
        self.env["gender.equality.checklist.item"].create(
            {
                "checklist_id": checklist.id,
                "section_id": section.id,
                "question": "Kế hoạch năm đã được phê duyệt?",
                "is_mandatory": True,
            }
        )
        self._tour(
            self._action("gender_equality_inspection_plan_wizard_action"),
            "gender_equality_inspection_schedule_tour",
            self.inspector,
        )
        inspection = self.env["gender.equality.inspection"].search([("unit_id", "=", self.unit.id)])
        self.assertRecordValues(inspection, [{"state": "done", "checklist_id": checklist.id}])
        self.assertEqual(inspection.line_ids.mapped("answer_yes_no"), ["yes"])

    def test_sector_report_submitted_for_signature_then_issued_with_its_number(self):
        SectorReport = self.env["gender.equality.sector.report"]
        SectorReport.search([("year", "=", self.year)]).unlink()
        officer = self.department_officer
        report = SectorReport.with_user(officer).create(
            {
                "year": self.year,
                "signer_name": "Nguyễn Văn An",
                "signer_title": "GIÁM ĐỐC",
                # Written, should the report of the year review a phase (2021–2025 in 2026).
                "period_lessons": "<p>Phối hợp liên ngành là then chốt.</p>",
                "period_direction": "<p>Duy trì truyền thông tại cơ sở.</p>",
            }
        )
        url = self._action("gender_equality_sector_report_action", f"/{report.id}")
        self._tour(url, "gender_equality_sector_report_warnings_tour", officer)
        self.assertEqual(report.state, "submitted")
        self.assertTrue(report.is_frozen)
        self._tour(url, "gender_equality_sector_report_number_tour", self.department)
        self.assertRecordValues(report, [{"state": "issued", "document_number": "12/BC-SYT"}])
        self.assertEqual(report.report_date, local_today(), "dated the day it is issued")


def _with_journeys(cls):
    """Put the journeys in the class itself: Odoo's loader runs the test methods that a class
    defines (inherited ones only with ``allow_inherited_tests_method``, which would run every
    tour of ``TestUiTours`` again)."""
    for name, method in vars(FlowJourneys).items():
        if callable(method):
            setattr(cls, name, method)
    return cls


@tagged("post_install", "-at_install")
@_with_journeys
class TestUiToursFlows(TestUiTours):
    """The journeys on a desktop (1366×768)."""


@tagged("post_install", "-at_install")
@_with_journeys
class TestUiToursFlowsPhone(TestUiTours):
    """The journeys on a phone (390×844, touch): the header buttons are in the gear menu."""

    browser_size = "390x844"
    touch_enabled = True
