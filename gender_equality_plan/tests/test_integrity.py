# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One regression test per way in which a unit could change what it is assessed on (issue
"Integrity: what a unit is assessed on cannot be changed by that unit, through any door"),
each run as the user who would try it. Each must be refused with a clear message and leave
nothing changed."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .integrity_common import IntegrityCommon


@tagged("post_install", "-at_install")
class TestIntegrity(IntegrityCommon):
    def assertRefused(self, function, *args, exception=UserError, **kwargs):
        """``function`` raises a translated, user-facing error and changes nothing."""
        with self.assertRaises(exception) as caught, self.env.cr.savepoint(), mute_logger("odoo.models"):
            function(*args, **kwargs)
            self.env.flush_all()
        self.assertTrue(str(caught.exception))
        return caught.exception

    # ------------------------------------------------------------
    # Derived figures are not writable
    # ------------------------------------------------------------

    def test_unit_cannot_write_the_timeliness_of_its_report(self):
        report = self.records["gender.equality.report"]["draft"].with_user(self.user_a)
        for vals in ({"is_late": True}, {"days_late": 30}, {"submit_date": "2031-12-01 00:00:00"}):
            with self.subTest(vals=vals):
                error = self.assertRefused(report.write, vals, exception=AccessError)
                self.assertEqual(error.gep_code, "protected")

    def test_unit_cannot_write_the_derived_figures_of_its_activities(self):
        task = self.records["gender.equality.task"]["plan_draft"].with_user(self.user_a)
        for vals in (
            {"is_dissemination": not task.is_dissemination},
            {"is_action_month": not task.is_action_month},
            {"participants_total": 500},
        ):
            with self.subTest(vals=vals):
                error = self.assertRefused(task.write, vals, exception=AccessError)
                self.assertEqual(error.gep_code, "protected")
        self.assertFalse(task.is_action_month)

    def test_unit_cannot_write_the_score_of_its_self_inspection(self):
        inspection = self.records["gender.equality.inspection"]["in_progress"].with_user(self.user_a)
        score = inspection.score
        other_band = "poor" if inspection.result_band == "good" else "good"
        for vals in (
            {"score": score + 10},
            {"result_band": other_band},
            {"has_critical_failure": not inspection.has_critical_failure},
        ):
            with self.subTest(vals=vals):
                error = self.assertRefused(inspection.write, vals, exception=AccessError)
                self.assertEqual(error.gep_code, "protected")
        line = inspection.line_ids[:1]
        for vals in (
            {"is_answered": not line.is_answered},
            {"weight": line.weight + 1},
            {"is_critical": not line.is_critical},
            {"question": "?"},
        ):
            with self.subTest(vals=vals):
                error = self.assertRefused(line.write, vals, exception=AccessError)
                self.assertEqual(error.gep_code, "protected")
        self.assertEqual(inspection.score, score)

    def test_current_values_written_back_are_no_change(self):
        """A field the unit may not set is not touched by a request that sends its current value
        (the web client sends the fields of its form): the write passes and changes nothing."""
        report = self.records["gender.equality.report"]["draft"].with_user(self.user_a)
        before = report.read(["is_late", "days_late", "deadline", "deadline_included", "state"])[0]
        report.write(
            {
                "is_late": report.is_late,
                "days_late": report.days_late,
                "deadline": report.deadline,
                "deadline_included": report.deadline_included,
                "state": report.state,
                "results": "<p>Kết quả</p>",
            }
        )
        self.assertEqual(
            report.read(["is_late", "days_late", "deadline", "deadline_included", "state"])[0], before
        )
        self.assertIn("Kết quả", report.results)

    # ------------------------------------------------------------
    # Statuses and workflow bookkeeping are set by the workflow only
    # ------------------------------------------------------------

    def test_plan_cannot_be_created_approved(self):
        Plan = self.Plan.with_user(self.user_a)
        self.assertRefused(
            Plan.create, {"unit_id": self.unit_a.id, "year": 2033, "state": "approved"}, exception=AccessError
        )
        # The kanban's quick-create in the "Approved" column passes the state as a default.
        self.assertRefused(
            Plan.with_context(default_state="approved").create,
            {"unit_id": self.unit_a.id, "year": 2033},
            exception=AccessError,
        )
        self.assertFalse(self.Plan.search([("year", "=", 2033)]))

    def test_plan_kanban_offers_no_quick_create(self):
        arch = self.Plan.get_view(view_type="kanban")["arch"]
        self.assertIn('quick_create="0"', arch)
        self.assertIn('records_draggable="0"', arch)

    def test_self_inspection_cannot_be_created_done(self):
        Inspection = self.env["gender.equality.inspection"].with_user(self.user_a)
        for vals in ({"state": "done"}, {"state": "approved"}, {"score": 100.0}):
            with self.subTest(vals=vals):
                self.assertRefused(
                    Inspection.create,
                    {"unit_id": self.unit_a.id, "inspection_type": "self", "year": 2026, **vals},
                    exception=AccessError,
                )

    def test_head_of_unit_cannot_rewrite_the_submitter_and_approve(self):
        report = self.records["gender.equality.report"]["draft"]
        report.with_user(self.manager_a).action_submit()
        self.assertRefused(
            report.with_user(self.manager_a).write, {"submitted_by_id": self.user_a.id}, exception=AccessError
        )
        self.assertEqual(report.submitted_by_id, self.manager_a)
        self.assertRefused(report.with_user(self.manager_a).action_approve, exception=AccessError)
        self.assertEqual(report.state, "submitted")

    def test_status_cannot_be_written(self):
        for model, state in (
            ("gender.equality.plan", "draft"),
            ("gender.equality.report", "draft"),
            ("gender.equality.task", "plan_approved"),
            ("gender.equality.corrective.action", "open"),
            ("gender.equality.report.supplement", "draft"),
        ):
            record = self.records[model][state].with_user(self.user_a)
            with self.subTest(model=model):
                self.assertRefused(
                    record.write, {"state": "done" if "task" in model else "submitted"}, exception=AccessError
                )

    # ------------------------------------------------------------
    # Records do not move between parents and units
    # ------------------------------------------------------------

    def test_answer_line_cannot_move_to_another_inspection(self):
        own = self.records["gender.equality.inspection"]["in_progress"]
        line = own.line_ids[:1].with_user(self.user_a)
        other_unit = self.env["gender.equality.inspection"].create(
            {"unit_id": self.unit_b.id, "inspection_type": "self", "year": 2026}
        )
        approved = self.records["gender.equality.inspection"]["approved"]
        for target in (other_unit, approved, self.records["gender.equality.inspection"]["returned"]):
            with self.subTest(target=target.name):
                self.assertRefused(line.write, {"inspection_id": target.id})
        self.assertEqual(line.inspection_id, own)

    def test_finding_and_figure_line_cannot_move(self):
        finding = self.records["gender.equality.inspection.violation"]["in_progress"].with_user(self.user_a)
        target = self.records["gender.equality.inspection"]["returned"]
        self.assertRefused(finding.write, {"inspection_id": target.id})
        line = self.records["gender.equality.report.line"][None].with_user(self.user_a)
        self.assertRefused(line.write, {"report_id": self.records["gender.equality.report"]["draft"].id})

    def test_records_cannot_move_to_another_unit(self):
        records = {
            "activity": self.records["gender.equality.task"]["plan_draft"],
            "survey": self.records["gender.equality.awareness.survey"]["open"],
            "indicator status": self.records["gender.equality.indicator.status"]["draft"],
            "report": self.records["gender.equality.report"]["draft"],
            "plan": self.records["gender.equality.plan"]["draft"],
        }
        for label, record in records.items():
            with self.subTest(record=label):
                field = "plan_id" if label == "activity" else "unit_id"
                value = (
                    self.Plan.create({"unit_id": self.unit_b.id, "year": 2034}).id
                    if field == "plan_id"
                    else self.unit_b.id
                )
                self.assertRefused(record.with_user(self.user_a).write, {field: value})
                self.assertEqual(record.unit_id, self.unit_a)

    def test_unit_of_a_submitted_record_does_not_change(self):
        report = self.records["gender.equality.report"]["returned"]
        self.assertRefused(report.with_user(self.dept_manager).write, {"unit_id": self.unit_b.id})
        self.assertRefused(report.with_user(self.dept_manager).write, {"year": 2040})

    # ------------------------------------------------------------
    # Helper models read only what the user may read
    # ------------------------------------------------------------

    def test_comparison_of_another_unit_is_refused(self):
        other = self.env["gender.equality.inspection"].create(
            {"unit_id": self.unit_b.id, "inspection_type": "self", "year": 2026}
        )
        Compare = self.env["gender.equality.inspection.compare"].with_user(self.user_a)
        self.assertRefused(Compare.create, {"unit_id": self.unit_b.id, "year": 2026}, exception=AccessError)
        self.assertRefused(
            Compare.create,
            {"unit_id": self.unit_a.id, "year": 2026, "self_inspection_id": other.id},
            exception=AccessError,
        )

    def test_reason_wizard_checks_the_records(self):
        plan_b = self.Plan.create({"unit_id": self.unit_b.id, "year": 2034})
        Wizard = self.env["gender.equality.reason.wizard"].with_user(self.user_a)
        self.assertRefused(
            Wizard.create,
            {"res_model": plan_b._name, "res_ids": plan_b.ids, "method": "action_return", "reason": "x"},
            exception=AccessError,
        )
        plan = self.records["gender.equality.plan"]["submitted"]
        self.assertRefused(
            Wizard.create, {"res_model": plan._name, "res_ids": plan.ids, "method": "unlink", "reason": "x"}
        )

    # ------------------------------------------------------------
    # What was accepted is frozen
    # ------------------------------------------------------------

    def test_figure_lines_of_a_report_are_read_only(self):
        line = self.records["gender.equality.report"]["accepted"].line_ids[:1].with_user(self.user_a)
        self.assertRefused(line.write, {"value": 99}, exception=AccessError)
        self.assertRefused(line.unlink, exception=AccessError)

    def test_answers_of_an_approved_self_inspection_stay(self):
        line = self.records["gender.equality.inspection.line"]["approved"].with_user(self.user_a)
        self.assertRefused(line.unlink, exception=AccessError)
        self.assertRefused(line.write, {"answer_yes_no": "no"})
        self.assertTrue(line.exists())

    def test_submitted_supplement_cannot_be_deleted(self):
        supplement = self.records["gender.equality.report.supplement"]["submitted"].with_user(self.user_a)
        self.assertRefused(supplement.unlink)
        self.assertTrue(supplement.exists())

    def test_withdrawn_report_gets_no_credit_for_its_submission(self):
        report = self.records["gender.equality.report"]["draft"].with_user(self.user_a)
        report.action_submit()
        report.action_cancel()
        report.action_draft()
        self.assertFalse(report.submit_date)
        row = next(
            row
            for row in self.env["gender.equality.report"].get_kpi_summary(2031)["units"]
            if row["unit_id"] == self.unit_a.id
        )
        self.assertEqual(row["timeliness"], "missing")

    def test_consolidation_reads_the_accepted_figures(self):
        """After acceptance, the unit's records are locked, and the consolidation reads the
        figures of the report, not the live records."""
        accepted = self.records["gender.equality.report"]["accepted"]
        before = self.env["gender.equality.report"].get_kpi_summary(2029)
        survey = self.records["gender.equality.awareness.survey"]["counted_by_a_report"].with_user(
            self.user_a
        )
        self.assertRefused(survey.write, {"correct_male": 10})
        self.assertRefused(survey.unlink)
        status = self.records["gender.equality.indicator.status"]["confirmed"].with_user(self.user_a)
        self.assertRefused(status.write, {"status": "official"})
        self.assertRefused(
            self.env["gender.equality.awareness.survey"].with_user(self.user_a).create,
            {
                "unit_id": self.unit_a.id,
                "year": 2029,
                "target_group": "staff",
                "respondents_male": 5,
                "correct_male": 5,
            },
        )
        # Even a live record changed behind the policy's back does not reach the figures.
        self.records["gender.equality.awareness.survey"]["counted_by_a_report"].sudo().correct_female = 0
        after = self.env["gender.equality.report"].get_kpi_summary(2029)
        self.assertEqual(after["awareness_rate"], before["awareness_rate"])
        self.assertEqual(after["units_indicator_pilot"], 0, "the status of 2029 was returned")
        self.assertEqual(self.env["gender.equality.report"].get_kpi_summary(2028)["units_indicator_pilot"], 1)
        self.assertEqual(accepted.state, "accepted")

    def test_activity_counted_by_a_report_is_frozen(self):
        task = self.records["gender.equality.task"]["counted_by_a_report"].with_user(self.user_a)
        self.assertTrue(task.is_locked)
        self.assertRefused(task.write, {"participants_male": 100})
        self.assertRefused(task.action_cancel)

    # ------------------------------------------------------------
    # Corrective actions belong to whoever verifies them
    # ------------------------------------------------------------

    def test_inspected_unit_cannot_move_or_cancel_its_corrective_actions(self):
        action = self.records["gender.equality.corrective.action"]["open"].with_user(self.manager_a)
        self.assertRefused(action.write, {"deadline": "2030-01-01"}, exception=AccessError)
        self.assertRefused(action.write, {"priority": "low"}, exception=AccessError)
        self.assertRefused(action.action_cancel, "Không cần", exception=AccessError)
        self.assertRefused(action.action_reschedule, "Bận", deadline="2030-01-01", exception=AccessError)
        self.assertEqual((str(action.deadline), action.state), ("2026-12-31", "open"))

    # ------------------------------------------------------------
    # Bad input gets a clear message and saves nothing
    # ------------------------------------------------------------

    def test_years_out_of_range_are_refused_everywhere(self):
        Report = self.env["gender.equality.report"].with_user(self.user_a)
        for year in (0, -1, 1999, 2101, 10000):
            with self.subTest(year=year):
                error = self.assertRefused(
                    Report.create, {"unit_id": self.unit_a.id, "year": year}, exception=ValidationError
                )
                self.assertIn("2000", str(error))
                self.assertRefused(
                    self.Plan.with_user(self.user_a).create, {"unit_id": self.unit_a.id, "year": year}
                )
                self.assertRefused(Report.get_kpi_summary, year)
                self.assertRefused(
                    self.env["gender.equality.awareness.survey"].with_user(self.user_a).create,
                    {"unit_id": self.unit_a.id, "year": year, "target_group": "staff"},
                )
                self.assertRefused(
                    self.env["gender.equality.prepare.year.wizard"].with_user(self.dept_manager).create,
                    {"year": year},
                )
        self.assertRefused(Report.get_kpi_summary, "abc")
        self.assertFalse(Report.search([("year", "in", (0, -1, 1999, 2101, 10000))]))

    def test_integer_beyond_the_database_range_is_refused(self):
        task = self.records["gender.equality.task"]["plan_approved"].with_user(self.user_a)
        for value in (2**31, -(2**31) - 1, 10**20):
            with self.subTest(value=value):
                self.assertRefused(task.write, {"participants_male": value}, exception=ValidationError)
        self.assertEqual(task.participants_male, 0)

    def test_other_bad_values_are_refused(self):
        task = self.records["gender.equality.task"]["plan_draft"].with_user(self.user_a)
        for vals in (
            {"name": "x" * 501},
            {"form": "telepathy"},
            {"date_start": "not a date"},
            {"date_start": "1900-01-01"},
            {"planned_budget": float("inf")},
            {"area_id": 10**9},
            {"no_such_field": 1},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(task.write, vals, exception=ValidationError)

    def test_drill_down_builds_its_domain_from_stored_ids(self):
        line = self.records["gender.equality.report"]["submitted"].line_ids.filtered(
            lambda line: (line.section, line.key) == ("activities", "held")
        )
        action = line.with_user(self.user_a).action_open_source()
        self.assertEqual(action["domain"], [("id", "in", line.source_ids)])
        self.assertEqual(line.source_ids, self.records["gender.equality.task"]["counted_by_a_report"].ids)
        self.assertNotIn("source_domain", line._fields)

    # ------------------------------------------------------------
    # One plan and one report per unit and year, in the database too
    # ------------------------------------------------------------

    def test_unique_unit_year_is_a_database_index(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname IN %s",
            (("gender_equality_plan_unit_year_unique", "gender_equality_report_unit_year_unique"),),
        )
        definitions = [row[0] for row in self.env.cr.fetchall()]
        self.assertEqual(len(definitions), 2)
        for definition in definitions:
            self.assertIn("UNIQUE", definition)
            self.assertIn("(unit_id, year)", definition)
            self.assertIn("cancelled", definition)

    def test_second_plan_of_a_year_gets_the_clear_message(self):
        error = self.assertRefused(
            self.Plan.with_user(self.user_a).create,
            {"unit_id": self.unit_a.id, "year": 2026},
            exception=ValidationError,
        )
        self.assertIn("Unit A", str(error))

    # ------------------------------------------------------------
    # The web client reads the same flags as the server
    # ------------------------------------------------------------

    def test_task_form_follows_the_flags(self):
        task = self.records["gender.equality.task"]["plan_approved"]
        with Form(task.with_user(self.user_a)) as form:
            self.assertTrue(form._get_modifier("name", "readonly"))
            self.assertFalse(form._get_modifier("participants_male", "readonly"))
            form.participants_male = 4
            form.participants_female = 5
            form.actual_date_start = date(2028, 4, 1)
        self.assertEqual(task.participants_total, 9)

    def test_activity_of_an_approved_plan_cannot_be_added(self):
        plan = self.records["gender.equality.plan"]["approved"].with_user(self.user_a)
        self.assertRefused(
            plan.write,
            {"task_ids": [Command.create(self._task_vals("Thêm", date(2028, 6, 1)))]},
        )
        self.assertRefused(
            self.Task.with_user(self.user_a).create,
            {**self._task_vals("Thêm", date(2028, 6, 1)), "plan_id": plan.id},
        )
