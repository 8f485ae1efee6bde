# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .sector_report_common import SectorReportCommon

FIGURE_FIELDS = (
    "units_expected",
    "reports_submitted",
    "reports_accepted",
    "reports_on_time",
    "reports_late",
    "reports_missing",
    "completeness_rate",
    "timeliness_rate",
    "activities_held",
    "participants_male",
    "participants_female",
    "participants_total",
    "corrective_actions_open",
    "corrective_actions_overdue",
)


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestSectorReport(SectorReportCommon):
    """The Department's report upward: its figures are those of the consolidation, frozen when
    it goes to the signer and kept once issued."""

    # Figures ----------------------------------------------------------

    def test_figures_are_those_of_get_kpi_summary(self):
        figures = self.sector.with_user(self.dept_user).get_figures()
        self.assertFalse(figures["frozen"])
        self.assertEqual(figures["summary"], self._summary())
        for name in FIGURE_FIELDS:
            with self.subTest(field=name):
                self.assertEqual(self.sector[name], figures["summary"][name])
        # The fixture: A accepted and on time, B late and waiting, C missing.
        self.assertEqual(
            (self.sector.units_expected, self.sector.reports_submitted, self.sector.reports_accepted),
            (3, 2, 1),
        )
        self.assertEqual((self.sector.reports_on_time, self.sector.reports_late), (1, 1))

    def test_figures_are_those_of_the_consolidation(self):
        consolidation = (
            self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        )
        for name in ("units_expected", "reports_submitted", "reports_on_time", "reports_missing"):
            with self.subTest(field=name):
                self.assertEqual(self.sector[name], consolidation[name])
        self.assertEqual(self.sector.completeness_rate, consolidation.completeness_rate)
        objectives = {row["kind"]: row["value"] for row in self.sector.get_figures()["summary"]["objectives"]}
        self.assertEqual(objectives["dissemination"], consolidation.objective_1_rate)
        self.assertEqual(objectives["action_month"], consolidation.objective_2_rate)
        self.assertEqual(objectives["awareness"], consolidation.objective_3_rate)
        self.assertEqual(objectives["indicator_set"], consolidation.objective_4_rate)

    def test_the_document_prints_the_figures_of_the_summary(self):
        summary = self._summary()
        blocks = self.sector._document()["blocks"]
        tables = {block["headers"][0]: block["rows"] for block in blocks if block["kind"] == "table"}
        objectives = tables["Mục tiêu"]
        self.assertEqual(
            [row[0].split(" ")[0] for row in objectives], ["II.2.1", "II.2.2", "II.2.3", "II.2.4"]
        )
        # Target 1: A's staff received its two sessions, 1 unit of 3.
        self.assertEqual(objectives[0][1:], ["≥ 100%", "33,3%", "Chưa đạt"])
        area_total = tables["Lĩnh vực hoạt động"][-1]
        self.assertEqual(
            area_total,
            [
                "Tổng cộng",
                str(summary["activities_held"]),
                str(summary["participants_male"]),
                str(summary["participants_female"]),
                str(summary["participants_total"]),
            ],
        )
        self.assertEqual(tables["Hình thức"][-1][1], str(sum(summary["inspections_by_type"].values())))
        self.assertIn("Unit C", " ".join(block.get("text", "") for block in blocks))
        budget = tables["Nguồn kinh phí"]
        self.assertEqual(len(budget), len(summary["budget_by_source"]) + 1)

    def test_figures_are_the_whole_sector_whoever_reads_them(self):
        self.assertEqual(self.sector.with_user(self.inspector).get_figures()["summary"], self._summary())
        self.assertEqual(self.sector.with_user(self.dept_manager).units_expected, 3)

    # Freezing -----------------------------------------------------------

    def test_submission_freezes_the_figures(self):
        self.sector.with_user(self.dept_user).action_submit()
        self.assertEqual(self.sector.state, "submitted")
        self.assertTrue(self.sector.is_frozen)
        self.assertEqual(self.sector.snapshot_date.date(), date(2026, 12, 20))
        self.assertEqual(self.sector.get_figures()["summary"], json.loads(json.dumps(self._summary())))
        # The Department accepts B's report while the sector report waits for its signature.
        self.report_b.with_user(self.dept_user).action_approve()
        self.assertEqual(self._summary()["reports_accepted"], 2)
        self.sector.invalidate_recordset()
        self.assertEqual(self.sector.reports_accepted, 1)

    def test_an_issued_report_keeps_its_figures(self):
        self._issue()
        self.assertEqual(self.sector.state, "issued")
        self.assertEqual(self.sector.report_date, date(2026, 12, 20))
        frozen = self.sector.get_figures()["summary"]
        # A report accepted after the issue changes the consolidation, not the issued report.
        self.report_b.with_user(self.dept_user).action_approve()
        self.assertNotEqual(self._summary()["reports_accepted"], frozen["reports_accepted"])
        self.sector.invalidate_recordset()
        self.assertEqual(self.sector.get_figures()["summary"], frozen)
        self.assertEqual(self.sector.reports_accepted, 1)
        blocks = self.sector._document()["blocks"]
        self.assertIn(
            "1 báo cáo đã được Sở Y tế chấp thuận", " ".join(block.get("text", "") for block in blocks)
        )

    def test_an_issued_report_is_locked(self):
        self._issue()
        for vals in (
            {"assessment_strengths": "<p>Khác</p>"},
            {"document_number": "1/BC-SYT"},
            {"year": 2027},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError), mute_logger("odoo.models"):
                self.sector.with_user(self.dept_manager).write(vals)
        with self.assertRaises(AccessError):
            self.sector.with_user(self.dept_manager).write({"snapshot": {"summary": {}}})
        with self.assertRaises(UserError):
            self.sector.with_user(self.dept_manager).unlink()

    def test_returned_report_follows_the_accepted_reports_again(self):
        self.sector.with_user(self.dept_user).action_submit()
        self.sector.with_user(self.dept_manager).action_return("Bổ sung đánh giá nguyên nhân.")
        self.assertEqual(self.sector.state, "returned")
        self.assertFalse(self.sector.is_frozen)
        self.report_b.with_user(self.dept_user).action_approve()
        self.sector.invalidate_recordset()
        self.assertEqual(self.sector.reports_accepted, 2)

    def test_the_manager_reopens_an_issued_report_with_a_reason(self):
        self._issue()
        with self.assertRaises(AccessError):
            self.sector.with_user(self.dept_user).action_reopen("Sai số liệu")
        self.sector.with_user(self.dept_manager).action_reopen("Bổ sung báo cáo của Unit B")
        self.assertEqual(self.sector.state, "returned")
        self.assertFalse(self.sector.snapshot)

    # Workflow -------------------------------------------------------------

    def test_submission_needs_a_signer(self):
        report = self._new_sector_report(2027, signer_name=False)
        with self.assertRaises(UserError):
            report.with_user(self.dept_user).action_submit()
        self.assertEqual(report.state, "draft")

    def test_the_department_manager_signs_what_an_officer_submitted(self):
        self.assertIs(self.sector.with_user(self.dept_user).action_submit(), True)
        with self.assertRaises(AccessError):
            self.sector.with_user(self.dept_user).action_approve()
        with self.assertRaises(AccessError):
            self.sector.with_user(self.inspector).action_approve()
        self.assertIs(self.sector.with_user(self.dept_manager).action_approve(), True)
        self.assertEqual(self.sector.state, "issued")

    def test_nobody_signs_what_they_submitted(self):
        report = self._new_sector_report(2027)
        report.with_user(self.dept_manager).action_submit()
        self.assertFalse(report.with_user(self.dept_manager).can_approve)
        with self.assertRaises(AccessError):
            report.with_user(self.dept_manager).action_approve()

    def test_one_report_a_year(self):
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self._new_sector_report(2026)
        self.sector.with_user(self.dept_user).action_cancel()
        self.assertTrue(self._new_sector_report(2026))

    def test_the_department_issues_it(self):
        with self.assertRaises(UserError):
            self._new_sector_report(2027, unit_id=self.unit_a.id)

    def test_a_draft_is_deleted_a_submitted_report_is_kept(self):
        draft = self._new_sector_report(2027)
        draft.with_user(self.dept_user).unlink()
        self.sector.with_user(self.dept_user).action_submit()
        self.sector.with_user(self.dept_user).action_cancel()
        with self.assertRaises(UserError):
            self.sector.with_user(self.dept_user).unlink()

    def test_word_download_is_an_url_action(self):
        action = self.sector.with_user(self.inspector).action_download_docx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], f"/gender_equality_plan/sector_report/{self.sector.id}/docx")
        self.assertEqual(self.sector.with_user(self.dept_user).action_print()["type"], "ir.actions.report")
        self.assertEqual(self.sector._docx_filename(), "Bao cao BDG nganh Y te 2026 215-BC-SYT.docx")

    def test_the_report_opens_the_targets_year_by_year(self):
        action = self.sector.with_user(self.inspector).action_view_multi_year()
        screen = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual((screen.year_from, screen.year_to), (2021, 2030))
        self.assertIn("2026", screen.with_user(self.inspector).table_html)

    # The review of the period ----------------------------------------------------

    def test_the_report_of_2026_reviews_2021_2025(self):
        self.assertTrue(self.sector.include_period_review)
        self.assertEqual(self.sector.period_label, "2021–2025")
        headings = [
            block["text"] for block in self.sector._document()["blocks"] if block["kind"] == "heading"
        ]
        self.assertIn("III. KẾT QUẢ GIAI ĐOẠN 2021–2025", headings)
        self.assertIn("IV. ĐÁNH GIÁ CHUNG", headings)

    def test_another_year_reviews_the_period_when_asked(self):
        report = self._new_sector_report(2027)
        self.assertFalse(report.include_period_review)
        headings = [block["text"] for block in report._document()["blocks"] if block["kind"] == "heading"]
        self.assertNotIn("KẾT QUẢ GIAI ĐOẠN", " ".join(headings))
        self.assertIn("III. ĐÁNH GIÁ CHUNG", headings)
        # Asked for in 2027: the results so far of the phase that holds 2026 (2026–2030).
        report.with_user(self.dept_user).include_period_review = True
        self.assertEqual(report.period_label, "2026–2027")
        years = [row["year"] for row in report.get_figures()["period"]["rows"]]
        self.assertEqual(years, [2026, 2027])
        # Or the phase the Department chooses.
        report.with_user(self.dept_user).review_phase_id = self.env.ref(
            "gender_equality_plan.gender_equality_phase_2021_2025"
        )
        self.assertEqual(report.period_label, "2021–2025")
