# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command, fields
from odoo.tests import tagged

from .ui_common import PREFIX, UiTourCommon


@tagged("post_install", "-at_install")
class TestUiJourneys(UiTourCommon):
    """Each role does its main job of the year in the browser and saves its main form as the web
    client saves it (every field of the form is sent, invisible ones included): the unit officer
    makes, compiles and submits the annual report and the plan, the head forwards them, the
    Department accepts the report and issues the sector report. The tours fail on any error
    dialog; the tests then check what the database holds. On a desktop (1366×768);
    ``TestUiJourneysPhone`` runs them on a phone."""

    def _report(self):
        return self.env["gender.equality.report"].search(
            [("unit_id", "=", self.unit.id), ("year", "=", self.year)]
        )

    def _stage(self, name):
        return self.env.ref(PREFIX + f"gender_equality_approval_stage_{name}")

    def _done(self, task):
        """Mark ``task`` done (held on its planned day, or today if that is to come)."""
        day = min(task.date_start, fields.Date.context_today(task))
        task.with_user(self.officer).write(
            {
                "actual_date_start": day,
                "actual_date_end": day,
                "participants_male": 12,
                "participants_female": 18,
                "attachment_ids": [Command.create({"name": "bien-ban.pdf", "raw": b"minutes"})],
            }
        )
        task.with_user(self.officer).action_done()

    def _submitted_report(self):
        report = (
            self.env["gender.equality.report"]
            .with_user(self.officer)
            .create({"unit_id": self.unit.id, "results": "<p>Kết quả thực hiện.</p>"})
        )
        report.action_compile()
        report.action_submit()
        return report.with_user(self.env.user)

    # ------------------------------------------------------------
    # UNIT OFFICER
    # ------------------------------------------------------------

    def test_officer_makes_the_report_from_my_work(self):
        plan = self._approved_plan(self.year)
        self._done(plan.task_ids[0])
        self._tour("/odoo", "gender_equality_report_from_home_tour", self.officer)
        report = self._report()
        self.assertEqual(len(report), 1)
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.approval_stage_id, self._stage("report_unit"))
        self.assertTrue(report.compile_date)
        self.assertEqual(report.dissemination_count, 1, "the session held, compiled")
        self.assertEqual(report.participants_total, 30)
        self.assertIn("Tổ chức 01 buổi truyền thông cho viên chức.", report.results)
        period = self.env["gender.equality.report.period"].search([("year", "=", self.year)])
        self.assertEqual(
            (report.deadline, report.deadline_included),
            (period.deadline, period.deadline_included),
            "the deadline of the year, whatever the form sent",
        )

    def test_officer_makes_the_plan_from_my_work_and_the_report_from_the_menu(self):
        self._tour("/odoo", "gender_equality_plan_and_report_tour", self.officer)
        plan = self.env["gender.equality.plan"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual((plan.year, plan.state), (self.year, "submitted"))
        self.assertEqual(plan.approval_stage_id, self._stage("plan_unit"))
        self.assertEqual(plan.task_ids.mapped("name"), ["Nói chuyện chuyên đề bình đẳng giới"])
        self.assertEqual(plan.task_ids.date_start, date(self.year, 3, 12))
        report = self._report()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.approval_stage_id, self._stage("report_unit"))
        self.assertTrue(report.compile_date)
        self.assertTrue(report.line_ids)
        self.assertIn("Tổ chức 01 buổi nói chuyện chuyên đề.", report.results)

    # ------------------------------------------------------------
    # HEAD OF UNIT
    # ------------------------------------------------------------

    def test_head_forwards_the_report_and_the_plan_from_my_work(self):
        plan = self._plan(self.year)
        plan.with_user(self.officer).action_submit()
        report = self._submitted_report()
        self._tour("/odoo", "gender_equality_head_forward_tour", self.head)
        self.assertEqual(report.approval_stage_id, self._stage("report_department"))
        self.assertEqual(plan.approval_stage_id, self._stage("plan_department"))
        for record in (report, plan):
            review = record.review_ids.filtered(lambda review: review.state == "approved")
            self.assertEqual(review.done_by_id, self.head, "the head's own decision")

    # ------------------------------------------------------------
    # DEPARTMENT
    # ------------------------------------------------------------

    def test_department_accepts_the_report_and_issues_the_sector_report(self):
        report = self._submitted_report()
        report.with_user(self.head).action_approve()
        # The sector report of the year is written in the browser (the demo's is set aside).
        SectorReport = self.env["gender.equality.sector.report"]
        SectorReport.search([("year", "=", self.year), ("state", "!=", "cancelled")]).action_cancel()
        # The report of the year reviews a phase (2021–2025 in 2026), as the tour writes it.
        Phase = self.env["gender.equality.phase"]
        if not Phase._reviewed_in(self.year):
            Phase.search([("year_to", "<", self.year)], order="year_to desc", limit=1).review_year = self.year
        self._tour("/odoo", "gender_equality_department_accept_tour", self.department_officer)
        self.assertEqual(report.state, "accepted")
        self.assertTrue(report.received_date)
        sector = SectorReport.search([("year", "=", self.year), ("state", "!=", "cancelled")])
        self.assertEqual(len(sector), 1)
        self.assertEqual(sector.state, "submitted")
        self.assertEqual(sector.submitted_by_id, self.department_officer)
        self.assertEqual((sector.document_number, sector.signer_name), ("215/BC-SYT", "Nguyễn Văn An"))
        self.assertIn("Sở Y tế ban hành kế hoạch truyền thông năm.", sector.direction)
        self.assertIn("Phối hợp liên ngành là then chốt.", sector.period_lessons)
        self.assertIn("Duy trì truyền thông tại cơ sở.", sector.period_direction)
        self.assertTrue(sector.is_frozen)
        self._tour(
            self._action("gender_equality_sector_report_action", f"/{sector.id}"),
            "gender_equality_sector_report_issue_tour",
            self.department,
        )
        self.assertEqual(sector.state, "issued")
        self.assertGreaterEqual(sector.reports_accepted, 1, "the report accepted in the first tour")


@tagged("post_install", "-at_install")
class TestUiJourneysPhone(TestUiJourneys):
    """The same journeys on a phone (390×844, touch): the header's buttons are in the gear menu,
    the menus in the side menu, the activities are cards."""

    browser_size = "390x844"
    touch_enabled = True
    # Odoo's loader runs inherited test methods only when asked to.
    allow_inherited_tests_method = True
