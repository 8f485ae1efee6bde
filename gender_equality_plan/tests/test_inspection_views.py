# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval

from odoo.tests import Form, tagged

from .common_inspection import InspectionCommon

VIEWS = {
    "gender.equality.checklist": ["list", "form", "search"],
    "gender.equality.inspection": ["list", "kanban", "form", "search", "calendar", "pivot", "graph"],
    "gender.equality.inspection.line": ["list", "form", "search", "pivot", "graph"],
    "gender.equality.corrective.action": ["list", "kanban", "form", "search", "pivot", "graph"],
    "gender.equality.inspection.compare": ["form"],
    "gender.equality.reason.wizard": ["form"],
    "gender.equality.confirm.wizard": ["form"],
}


@tagged("post_install", "-at_install")
class TestInspectionViews(InspectionCommon):
    def test_every_role_loads_the_views(self):
        for user in (self.user_a, self.manager_a, self.inspector, self.dept_user):
            for model, view_types in VIEWS.items():
                with self.subTest(user=user.login, model=model):
                    self.env[model].with_user(user).get_views(
                        [(False, view_type) for view_type in view_types]
                    )

    def test_inspectors_load_the_plan_wizard(self):
        self.env["gender.equality.inspection.plan.wizard"].with_user(self.inspector).get_views(
            [(False, "form")]
        )


@tagged("post_install", "-at_install")
class TestInspectionAnalysis(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for unit, answer in ((cls.unit_a, "yes"), (cls.unit_b, "no")):
            inspection = cls._started_inspection(unit=unit, inspection_type="inspection")
            cls._answer(inspection, {cls.item_plan: answer, cls.item_sessions: "no", cls.item_report: "na"})
        cls.Line = cls.env["gender.equality.inspection.line"]
        action = cls.env.ref("gender_equality_plan.gender_equality_inspection_line_action_analysis")
        cls.domain = [*literal_eval(action.domain), ("unit_id", "in", (cls.unit_a | cls.unit_b).ids)]

    def test_average_score_by_unit_and_section(self):
        groups = self.Line._read_group(self.domain, ["unit_id", "section_name"], ["item_score:avg"])
        averages = {(unit, section): score for unit, section, score in groups}
        self.assertEqual(averages[(self.unit_a, "Plan")], 50.0)
        self.assertEqual(averages[(self.unit_b, "Plan")], 0.0)
        self.assertNotIn((self.unit_a, "Report"), averages)  # not applicable: left out

    def test_most_failed_items(self):
        groups = self.Line._read_group(
            self.domain, ["question"], ["failed_count:sum"], order="failed_count:sum desc"
        )
        self.assertEqual(groups[0], ("Two sessions held?", 2))


@tagged("post_install", "-at_install")
class TestInspectionForms(InspectionCommon):
    def test_unit_user_fills_a_self_inspection_in_the_form(self):
        self._create_inspection()
        with Form(self.Inspection.with_user(self.user_a)) as form:
            form.unit_id = self.unit_a
            form.year = 2026
            form.checklist_id = self.checklist
            self.assertIn("Unit A", form.duplicate_warning)
        inspection = form.save()
        inspection.action_start()
        with Form(inspection.with_user(self.user_a)) as form:
            with form.line_ids.edit(0) as line:
                line.answer_yes_no = "no"
                line.finding = "No plan"
        self.assertEqual(inspection.result_band, "failed")

    def test_compare_wizard_form(self):
        self._started_inspection()
        with Form(self.env["gender.equality.inspection.compare"].with_user(self.user_a)) as form:
            form.unit_id = self.unit_a
            form.year = 2026
            self.assertEqual(len(form.line_ids), 4)

    def test_reason_wizard_returns_an_inspection(self):
        inspection = self._started_inspection()
        self._answer(inspection, {self.item_plan: "yes"})
        inspection.action_done()
        action = inspection.with_user(self.manager_a).action_return()
        wizard_form = Form(
            self.env[action["res_model"]].with_user(self.manager_a).with_context(**action["context"])
        )
        wizard_form.reason = "Missing findings"
        wizard_form.save().action_confirm()
        self.assertEqual(inspection.state, "returned")
        self.assertEqual(inspection.last_return_reason, "Missing findings")
