# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInspectionDemo(TransactionCase):
    """The demo data tells the story the README promises (skipped without demo data)."""

    def _demo(self, xmlid):
        record = self.env.ref(f"gender_equality_plan.{xmlid}", raise_if_not_found=False)
        if not record:
            self.skipTest("no demo data")
        return record

    def test_self_inspection_is_done_with_a_corrective_action(self):
        inspection = self._demo("gender_equality_inspection_self_thoxuan_demo")
        self.assertEqual(inspection.state, "done")
        self.assertEqual(inspection.result_band, "failed")  # two sessions: critical, failed
        self.assertEqual(len(inspection.corrective_action_ids), 1)
        self.assertEqual(inspection.corrective_action_ids.responsible_id.login, "giamdoc.thoxuan")

    def test_self_inspection_waits_for_the_head_of_the_unit(self):
        inspection = self._demo("gender_equality_inspection_self_thoxuan_demo")
        self.assertEqual(inspection.submitted_by_id.login, "canbo.thoxuan")
        pending = inspection.review_ids.filtered(lambda review: review.state == "pending")
        self.assertEqual(pending.reviewer_ids.mapped("login"), ["giamdoc.thoxuan"])

    def test_department_inspection_has_findings_and_an_overdue_action(self):
        inspection = self._demo("gender_equality_inspection_dept_bvdk_demo")
        self.assertEqual(inspection.state, "done")
        self.assertTrue(inspection.violation_ids)
        overdue = self._demo("gender_equality_corrective_action_bvdk_overdue_demo")
        self.assertTrue(overdue.is_overdue)
        self.assertIn(overdue, inspection.corrective_action_ids)

    def test_department_inspection_waits_for_the_department_only(self):
        inspection = self._demo("gender_equality_inspection_dept_bvdk_demo")
        self.assertEqual(
            inspection.approval_stage_id,
            self.env.ref("gender_equality_plan.gender_equality_approval_stage_inspection_department"),
        )
        self.assertEqual(len(inspection.review_ids), 1)

    def test_late_planned_supervision(self):
        inspection = self._demo("gender_equality_inspection_planned_ngoc_lac_demo")
        self.assertTrue(inspection.is_late)
