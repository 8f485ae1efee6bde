# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_inspection import InspectionCommon
from .plan_common import GenderEqualityPlanCommon

MODULE = "gender_equality_plan"


def module_views(env, view_type=None):
    """The views of the module (``view_type``: only those)."""
    data = env["ir.model.data"].search([("module", "=", MODULE), ("model", "=", "ir.ui.view")])
    views = env["ir.ui.view"].browse(data.mapped("res_id"))
    return views.filtered(lambda view: not view_type or view.type == view_type)


@tagged("post_install", "-at_install")
class TestPlanScreens(GenderEqualityPlanCommon):
    """What the plan and activity screens propose, warn and refuse."""

    def test_new_plan_proposes_the_first_year_without_a_plan(self):
        Plan = self.Plan.with_user(self.user_a)
        with freeze_time("2026-06-01"):
            # Unit A has its plan of 2026 (plan_common): the next free year is 2027.
            self.assertEqual(Plan.with_context(default_unit_id=self.unit_a.id)._default_year(), 2027)
            self.assertEqual(Plan.with_context(default_unit_id=self.unit_b.id)._default_year(), 2026)
            self.assertEqual(Plan.create({"unit_id": self.unit_a.id}).year, 2027)
            Plan.create({"unit_id": self.unit_a.id, "year": 2028})
            self.assertEqual(Plan.create({"unit_id": self.unit_a.id}).year, 2029)

    def test_choosing_the_unit_of_a_new_plan_proposes_its_year(self):
        with freeze_time("2026-06-01"):
            plan = self.Plan.with_user(self.user_a).new({"unit_id": self.unit_b.id, "year": 2031})
            plan.unit_id = self.unit_a
            plan._onchange_unit_id_propose_year()
            self.assertEqual(plan.year, 2027)

    def test_a_cancelled_plan_leaves_its_year_free(self):
        with freeze_time("2026-06-01"):
            self.plan.with_user(self.user_a).action_cancel()
            self.assertEqual(self.Plan.with_context(default_unit_id=self.unit_a.id)._default_year(), 2026)

    def test_a_new_plan_can_be_submitted_at_once(self):
        plan = self.Plan.with_user(self.user_a).new({"unit_id": self.unit_a.id, "year": 2030})
        self.assertTrue(plan.can_submit, "the Submit button saves the new plan, then submits it")
        self.assertFalse(self.Plan.with_user(self.inspector).new({"unit_id": self.unit_a.id}).can_submit)

    def _task_in_dialog(self, **vals):
        """An activity being edited in the dialog of a plan that is not saved yet."""
        plan = self.Plan.with_user(self.user_a).new({"unit_id": self.unit_a.id, "year": 2030})
        return self.Task.with_user(self.user_a).new(
            dict(self._task_vals("Phổ biến Luật", date(2030, 3, 5)), plan_id=plan, **vals)
        )

    def test_activity_dialog_warns_of_dates_in_the_wrong_order(self):
        task = self._task_in_dialog(date_end=date(2030, 3, 1))
        warning = task._onchange_warn_input_problems()["warning"]
        self.assertIn("ends before it starts", warning["message"])

    def test_activity_dialog_warns_of_dates_outside_the_year(self):
        task = self._task_in_dialog(date_start=date(2031, 3, 5), date_end=date(2031, 3, 5))
        self.assertIn("2030", task._onchange_warn_input_problems()["warning"]["message"])

    def test_activity_dialog_warns_of_negative_numbers(self):
        task = self._task_in_dialog(planned_budget=-1)
        self.assertIn("cannot be negative", task._onchange_warn_input_problems()["warning"]["message"])
        task = self._task_in_dialog(participants_male=-3)
        self.assertIn("cannot be negative", task._onchange_warn_input_problems()["warning"]["message"])

    def test_a_correct_activity_gets_no_warning(self):
        self.assertIsNone(self._task_in_dialog()._onchange_warn_input_problems())

    def test_activity_dialog_of_a_plan_hides_the_plan(self):
        arch = self.Task.get_views([(False, "form")])["views"]["form"]["arch"]
        field = etree.fromstring(arch).xpath("//field[@name='plan_id']")[0]
        self.assertIn("gep_plan_dialog", field.get("invisible"))
        arch = self.Plan.get_views([(False, "form")])["views"]["form"]["arch"]
        task_ids = etree.fromstring(arch).xpath("//field[@name='task_ids']")[0]
        self.assertIn("'gep_plan_dialog': True", task_ids.get("context"))

    def test_drafted_activities_show_no_execution(self):
        arch = etree.fromstring(self.Task.get_views([(False, "form")])["views"]["form"]["arch"])
        for name in ("action_start", "action_done", "action_cancel"):
            for button in arch.xpath(f"//header/button[@name='{name}']"):
                invisible = button.get("invisible", "")
                self.assertTrue(
                    "is_editable" in invisible or "can_start" in invisible or "can_finish" in invisible,
                    name,
                )
        task = self.task_dissemination
        self.assertTrue(task.is_editable)
        self.assertFalse(task.can_start or task.can_finish or task.can_execute)
        page = arch.xpath("//page[@name='execution']")[0]
        self.assertEqual(page.get("invisible"), "not (can_execute or is_locked)")

    def test_plan_kanban_columns_in_workflow_order(self):
        groups = self.Plan.web_read_group([("unit_id", "=", self.unit_a.id)], ["state"], ["state"])["groups"]
        self.assertEqual([group["state"] for group in groups], ["draft", "returned", "submitted", "approved"])
        self.plan.with_user(self.user_a).action_cancel()
        groups = self.Plan.web_read_group([("unit_id", "=", self.unit_a.id)], ["state"], ["state"])["groups"]
        self.assertEqual(groups[-1]["state"], "cancelled", "the cancelled column only when it has plans")

    def test_task_kanban_columns_in_workflow_order(self):
        groups = self.Task.web_read_group([("plan_id", "=", self.plan.id)], ["state"], ["state"])["groups"]
        self.assertEqual([group["state"] for group in groups], ["planned", "in_progress", "done"])

    def test_money_once_in_dong(self):
        self.env.ref("base.VND").active = True
        plan = self.plan.with_context(lang="vi_VN")
        self.assertEqual(plan._format_amount(1_234_567).replace("\xa0", " "), "1.234.567 ₫")
        summary = str(plan.budget_summary)
        self.assertEqual(summary.count("₫"), len(plan.task_ids.funding_source_id))
        self.assertNotIn(",0", summary)
        self.assertTrue(self.env.ref("base.VND").active, "budgets are in đồng: the currency is active")


@tagged("post_install", "-at_install")
class TestWorkflowFeedback(GenderEqualityPlanCommon):
    """From a button (``gep_confirm``, ``gep_feedback`` in its context) the workflow asks
    first and confirms after; scripts call the same methods and get True."""

    def _plan_meeting_the_objectives(self):
        self.plan.with_user(self.user_a).write(
            {"task_ids": [Command.create(self._task_vals("Phổ biến lần 2", date(2026, 6, 5)))]}
        )
        self.assertFalse(self.plan._get_objective_warnings())
        return self.plan

    def test_submission_warnings_come_before_the_plan_leaves(self):
        self.plan.with_user(self.user_a).write(
            {"task_ids": [Command.unlink(self.plan.task_ids.filtered("is_action_month").id)]}
        )
        action = self.plan.with_user(self.user_a).with_context(gep_confirm=True).action_submit()
        self.assertEqual(action["res_model"], "gender.equality.confirm.wizard")
        self.assertEqual(self.plan.state, "draft", "nothing left yet")
        wizard = (
            self.env["gender.equality.confirm.wizard"]
            .with_user(self.user_a)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn("Action Month", wizard.message)
        self.assertEqual(wizard.confirm_label, "Submit Anyway")
        result = wizard.action_confirm()
        self.assertEqual(self.plan.state, "submitted")
        self.assertEqual(result["params"]["type"], "warning")

    def test_a_plan_meeting_the_objectives_leaves_at_once_with_a_confirmation(self):
        plan = self._plan_meeting_the_objectives()
        result = plan.with_user(self.user_a).with_context(gep_confirm=True, gep_feedback=True).action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn("waits for the stage", result["params"]["message"])
        self.assertEqual(result["params"]["next"], {"type": "ir.actions.act_window_close"})

    def test_scripts_get_true(self):
        plan = self._plan_meeting_the_objectives()
        self.assertIs(plan.with_user(self.user_a).action_submit(), True)
        self.assertIs(plan.with_user(self.manager_a).action_approve(), True)

    def test_approve_and_return_confirm_what_happened(self):
        plan = self._plan_meeting_the_objectives()
        plan.with_user(self.user_a).action_submit()
        result = plan.with_user(self.manager_a).with_context(gep_feedback=True).action_approve()
        self.assertIn("now waits for the stage", result["params"]["message"])
        action = plan.with_user(self.dept_manager).with_context(gep_feedback=True).action_return()
        wizard = (
            self.env["gender.equality.reason.wizard"]
            .with_user(self.dept_manager)
            .with_context(action["context"], gep_feedback=True)
            .create({"reason": "Thiếu kinh phí"})
        )
        result = wizard.action_confirm()
        self.assertIn("returned to its unit", result["params"]["message"])
        self.assertEqual(plan.state, "returned")

    def test_cancel_asks_first(self):
        action = self.plan.with_user(self.user_a).with_context(gep_confirm=True).action_cancel()
        self.assertEqual(action["res_model"], "gender.equality.confirm.wizard")
        self.assertEqual(self.plan.state, "draft")
        wizard = (
            self.env["gender.equality.confirm.wizard"]
            .with_user(self.user_a)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.confirm_label, "Confirm Cancellation")
        self.assertIn("will be cancelled", wizard.message)
        wizard.action_confirm()
        self.assertEqual(self.plan.state, "cancelled")

    def test_the_confirmation_wizard_runs_only_its_transitions(self):
        Wizard = self.env["gender.equality.confirm.wizard"].with_user(self.user_a)
        for model, ids, method in (
            (self.plan._name, self.plan.ids, "action_approve"),
            (self.plan._name, self.plan.ids, "unlink"),
            ("gender.equality.task", self.plan.task_ids.ids, "action_cancel"),
            (self.plan._name, [], "action_cancel"),
        ):
            with self.subTest(model=model, method=method), self.assertRaises(UserError):
                Wizard.with_context(
                    default_res_model=model, default_res_ids=ids, default_method=method
                ).create({})

    def test_the_confirmation_wizard_cannot_reach_another_unit(self):
        plan_b = self.Plan.create({"unit_id": self.unit_b.id, "year": 2026})
        with self.assertRaises(UserError):
            self.env["gender.equality.confirm.wizard"].with_user(self.user_a).with_context(
                default_res_model=plan_b._name, default_res_ids=plan_b.ids, default_method="action_cancel"
            ).create({})
        self.assertEqual(plan_b.state, "draft")


@tagged("post_install", "-at_install")
class TestInspectionFeedback(InspectionCommon):
    def test_recording_the_minutes_is_confirmed_with_the_corrective_actions(self):
        inspection = self._started_inspection(unit=self.unit_a, inspection_type="inspection")
        self._answer(inspection, {self.item_plan: "no", self.item_sessions: "no", self.item_report: "yes"})
        result = inspection.with_context(gep_feedback=True).action_done()
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn("2 corrective action(s)", result["params"]["message"])

    def test_corrective_actions_of_failed_items_tell_them_apart(self):
        inspection = self._started_inspection(unit=self.unit_a, inspection_type="inspection")
        self._answer(inspection, {self.item_plan: "no", self.item_sessions: "no", self.item_report: "yes"})
        inspection.action_done()
        names = inspection.corrective_action_ids.mapped("name")
        self.assertEqual(len(set(names)), 2)
        for name in names:
            self.assertIn(inspection.name, name)
            self.assertIn("Plan:", name, "the section of the item")

    def test_verifying_is_confirmed(self):
        action = self.Action.create({"name": "Bổ sung minh chứng", "unit_id": self.unit_a.id})
        action.with_user(self.user_a).write({"evidence_note": "Biên bản số 12"})
        action.with_user(self.user_a).action_done()
        result = action.with_user(self.inspector).with_context(gep_feedback=True).action_verify()
        self.assertIn("Bổ sung minh chứng", result["params"]["message"])
        self.assertEqual(action.state, "verified")


@tagged("post_install", "-at_install")
class TestKanbans(GenderEqualityPlanCommon):
    def test_no_kanban_of_the_module_changes_a_status(self):
        """No quick creation (Odoo's "Title" form), no dragging between columns, no column
        edited, in every kanban view of the module."""
        kanbans = module_views(self.env, "kanban")
        self.assertTrue(kanbans)
        for view in kanbans:
            # The whole view, for a view that inherits another (the cards of "My work").
            root = view._get_combined_arch()
            with self.subTest(view=view.xml_id):
                for attribute in ("quick_create", "records_draggable", "group_create", "group_edit"):
                    self.assertEqual(root.get(attribute), "0", attribute)

    def test_years_are_written_without_separator(self):
        """Every year of every view (lists, forms, kanbans) is shown as 2026, not 2.026."""
        checked = 0
        for view in module_views(self.env).filtered(lambda view: view.type in ("list", "form", "kanban")):
            Model = self.env[view.model]
            for node in etree.fromstring(view.arch).iter("field"):
                name = node.get("name")
                field = Model._fields.get(name)
                if not field or field.type != "integer" or not (name == "year" or name.endswith("_year")):
                    continue
                if node.get("invisible") == "1":
                    continue
                with self.subTest(view=view.xml_id, field=name):
                    self.assertIn("'enable_formatting': false", node.get("options", ""))
                    if view.type == "kanban":
                        self.assertEqual(
                            node.get("widget"), "integer", "a card ignores the option without it"
                        )
                checked += 1
        self.assertGreater(checked, 10)
