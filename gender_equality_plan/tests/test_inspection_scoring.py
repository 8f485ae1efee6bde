# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from ..models.gender_equality_inspection import InspectionScorer
from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestInspectionScoring(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._adopt_grading_scale()

    def test_start_creates_one_answer_line_per_item(self):
        inspection = self._started_inspection()
        self.assertEqual(len(inspection.line_ids), 4)
        self.assertEqual(inspection.state, "in_progress")

    def test_score_is_weighted(self):
        inspection = self._started_inspection()
        # yes: 3 + 1, no: 2 -> 4 / 6
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        self.assertAlmostEqual(inspection.score, 66.7)
        self.assertEqual(inspection.result_band, "fair")

    def test_not_applicable_items_are_left_out(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "na", self.item_report: "yes"})
        self.assertEqual(inspection.score, 100.0)
        self.assertEqual(inspection.result_band, "good")

    def test_unanswered_and_zero_weight_items_are_not_scored(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_report: "no", self.item_count: 5})
        self.assertEqual(inspection.score, 0.0)
        self.assertEqual(inspection.result_band, "poor")

    def test_failed_critical_item_fails_the_inspection(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "no", self.item_sessions: "yes", self.item_report: "yes"})
        self.assertEqual(inspection.score, 50.0)
        self.assertEqual(inspection.result_band, "failed")

    def test_scorer_bands_at_thresholds(self):
        bands = ((80.0, "good"), (50.0, "fair"), (0.0, "poor"))

        def band(yes, no):
            return InspectionScorer(
                [("yes_no", "yes", yes, False, False), ("yes_no", "no", no, False, True)], bands
            ).band

        self.assertEqual(band(80, 20), "good")
        self.assertEqual(band(79, 21), "fair")
        self.assertEqual(band(50, 50), "fair")
        self.assertEqual(band(49, 51), "poor")
        self.assertFalse(InspectionScorer([], bands).band)

    def test_scorer_without_bands_grades_nothing(self):
        answers = [("yes_no", "yes", 9, False, False), ("yes_no", "no", 1, False, True)]
        self.assertEqual(InspectionScorer(answers).score, 90.0)
        self.assertFalse(InspectionScorer(answers).band)
        self.assertFalse(InspectionScorer(answers, [(95.0, "excellent")]).band, "no band reached")
        critical = [("yes_no", "no", 1, True, True)]
        self.assertEqual(InspectionScorer(critical).band, "failed", "a failed critical item needs no band")

    def test_scorer_takes_the_highest_band_reached_in_any_order(self):
        answers = [("yes_no", "yes", 9, False, False), ("yes_no", "no", 1, False, True)]
        bands = [(0.0, "poor"), (90.0, "excellent"), (50.0, "fair")]
        self.assertEqual(InspectionScorer(answers, bands).band, "excellent")

    def test_an_inspection_is_scored_once_an_item_that_counts_is_answered(self):
        inspection = self._started_inspection()
        self.assertFalse(inspection.is_scored, "a planned or just started inspection shows no 0%")
        self._answer(inspection, {self.item_count: 5})
        self.assertFalse(inspection.is_scored, "a number does not count in the score")
        self._answer(inspection, {self.item_report: "no"})
        self.assertTrue(inspection.is_scored)

    def test_scorer_is_scored_without_bands(self):
        self.assertFalse(InspectionScorer([]).is_scored)
        self.assertFalse(InspectionScorer([("yes_no", "na", 1, False, False)]).is_scored)
        self.assertTrue(InspectionScorer([("yes_no", "no", 1, False, True)]).is_scored, "0% once answered")
