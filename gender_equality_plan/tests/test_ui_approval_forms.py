# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .ui_common import PREFIX, UiTourCommon


@tagged("post_install", "-at_install")
class TestUiApprovalForms(UiTourCommon):
    """The last stage decided from the record's own form, in the browser, by the role that
    decides it (``gender_equality_approval_forms_tours.js``): the Approve button sends the stage
    the form shows (``gep_expected_stage_id``), the record reaches its final status, and its
    review is the user's. Desktop here, phone in ``TestUiApprovalFormsPhone``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.checklist = cls.env["gender.equality.checklist"].create(
            {"name": "Bảng kiểm duyệt", "code": "TOUR-AP"}
        )
        section = cls.env["gender.equality.checklist.section"].create(
            {"checklist_id": cls.checklist.id, "name": "Kế hoạch", "sequence": 1}
        )
        cls.env["gender.equality.checklist.item"].create(
            {
                "checklist_id": cls.checklist.id,
                "section_id": section.id,
                "sequence": 1,
                "question": "Kế hoạch năm đã được phê duyệt?",
                "weight": 1,
                "is_mandatory": True,
            }
        )

    def _decide(self, record, action, tour, user, state, stage):
        """``user`` decides ``record`` (waiting for ``stage``) with ``tour`` on its form opened
        from ``action``: it reaches ``state``, and the stage's review is ``user``'s."""
        self.assertTrue(record.with_user(user).can_approve)
        self._tour(self._action(action, f"/{record.id}"), tour, user)
        self.assertEqual(record.state, state)
        review = self.env["gender.equality.approval.review"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("stage_id", "=", self.env.ref(PREFIX + stage).id),
            ]
        )
        self.assertEqual(review.mapped("state"), ["approved"])
        self.assertEqual(review.done_by_id, user, "decided by the user who clicked")

    def test_department_manager_approves_an_inspection_from_its_form(self):
        inspection = self._inspection(self.checklist)
        inspection.action_start()
        inspection.line_ids.write({"answer_yes_no": "yes"})
        inspection.write({"conclusion": "<p>Đơn vị thực hiện đầy đủ.</p>"})
        inspection.action_done()
        self._decide(
            inspection,
            "gender_equality_inspection_action",
            "gender_equality_inspection_approve_tour",
            self.department,
            "approved",
            "gender_equality_approval_stage_inspection_department",
        )

    def test_department_manager_approves_the_departments_programme_from_its_form(self):
        programme = (
            self.env["gender.equality.inspection.programme"]
            .with_user(self.inspector)
            .create(
                {
                    "unit_id": self.department_unit.id,
                    "year": self.year,
                    "inspection_type": "inspection",
                    "inspection_category": "specialised",
                    "checklist_id": self.checklist.id,
                    "leader_id": self.inspector.id,
                    "scope": "Công tác truyền thông về bình đẳng giới",
                    "line_ids": [
                        Command.create({"unit_id": self.unit.id, "planned_date": date(self.year, 12, 20)})
                    ],
                }
            )
        )
        programme.action_submit()
        self._decide(
            programme,
            "gender_equality_inspection_programme_action",
            "gender_equality_programme_approve_tour",
            self.department,
            "approved",
            "gender_equality_approval_stage_programme_department",
        )

    def test_department_officer_confirms_an_indicator_status_from_its_form(self):
        """The unit's evidence, uploaded with the new record, is the record's: the Department's
        officer opens the form without an access error (``TestEvidenceFiles``)."""
        status = (
            self.env["gender.equality.indicator.status"]
            .with_user(self.officer)
            .create(
                {
                    "unit_id": self.unit.id,
                    "year": self.year,
                    "status": "pilot",
                    "attachment_ids": [Command.create({"name": "quyet-dinh.pdf", "raw": b"%PDF-1.4"})],
                }
            )
        )
        status.action_submit()
        self._decide(
            status,
            "gender_equality_indicator_status_action",
            "gender_equality_indicator_status_confirm_tour",
            self.department_officer,
            "confirmed",
            "gender_equality_approval_stage_indicator_status_department",
        )

    def test_department_officer_accepts_an_action_month_supplement_from_its_form(self):
        """The Action Month of the report's year ended yesterday: its supplement period opens
        today (``reporting_cycle.supplement_period``), whatever today is."""
        yesterday = fields.Date.today() - timedelta(days=1)
        year = yesterday.year
        start = max(date(year, 1, 1), yesterday - timedelta(days=9))
        self.env.ref(PREFIX + "gender_equality_observance_action_month").write(
            {
                "month_start": start.month,
                "day_start": start.day,
                "month_end": yesterday.month,
                "day_end": yesterday.day,
            }
        )
        report = (
            self.env["gender.equality.report"]
            .with_user(self.officer)
            .create(
                {
                    "unit_id": self.unit.id,
                    "year": year,
                    "results": "<p>Đơn vị đã triển khai các hoạt động truyền thông theo kế hoạch.</p>",
                }
            )
        )
        report.action_submit()
        report.with_user(self.head).action_approve()
        report.with_user(self.department_officer).action_approve()
        self.assertEqual(report.state, "accepted")
        supplement = (
            self.env["gender.equality.report.supplement"]
            .with_user(self.officer)
            .create({"report_id": report.id, "date": fields.Date.today()})
        )
        supplement.action_submit()
        self._decide(
            supplement,
            "gender_equality_report_supplement_action",
            "gender_equality_supplement_accept_tour",
            self.department_officer,
            "accepted",
            "gender_equality_approval_stage_supplement_department",
        )


@tagged("post_install", "-at_install")
class TestUiApprovalFormsPhone(TestUiApprovalForms):
    """The same decisions on a phone: the Approve button is the form's main action, in sight."""

    browser_size = "390x844"
    touch_enabled = True
    allow_inherited_tests_method = True
