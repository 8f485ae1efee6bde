# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL
from odoo.tools.sql import column_exists

from .common_inspection import InspectionCommon
from .report_common import ReportCommon, utc

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
MIGRATION = MIGRATIONS / "18.0.2.0.0" / "post-migrate.py"


def _load(path):
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigration(ReportCommon):
    """Upgrading from 18.0.1: the drill-down domains of existing figure lines become ids; from
    18.0.3: target groups become a choice, reports in progress get their reception date."""

    def test_domains_of_existing_lines_become_ids(self):
        report = self._new_report()
        report.with_user(self.user_a).action_compile()
        line, other = report.line_ids.filtered("source_model")[:2]
        cr = self.env.cr
        self.env.flush_all()
        cr.execute(SQL("ALTER TABLE gender_equality_report_line ADD COLUMN source_domain varchar"))
        cr.execute(
            SQL(
                "UPDATE gender_equality_report_line SET source_ids = NULL, source_domain = %s WHERE id = %s",
                f"[('id', 'in', {line.source_ids})]",
                line.id,
            )
        )
        cr.execute(
            SQL(
                "UPDATE gender_equality_report_line SET source_ids = NULL, source_domain = %s WHERE id = %s",
                "[('name', 'ilike', 'x')]",
                other.id,
            )
        )
        expected = line.source_ids
        _load(MIGRATION).migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(line.source_ids, expected)
        self.assertFalse(other.source_ids, "a domain that is not a list of ids is not trusted")
        self.assertFalse(column_exists(cr, "gender_equality_report_line", "source_domain"))

    def test_free_text_target_groups_become_a_choice(self):
        staff, patients = self.plan.task_ids[:2]
        cr = self.env.cr
        self.env.flush_all()
        # The columns of 18.0.3: the free text was the target group.
        cr.execute(SQL("ALTER TABLE gender_equality_task DROP COLUMN target_group"))
        cr.execute(SQL("ALTER TABLE gender_equality_task RENAME COLUMN target_group_note TO target_group"))
        for task, text in ((staff, "Cán bộ, viên chức khoa Nội"), (patients, "Người nhà người bệnh")):
            cr.execute(SQL("UPDATE gender_equality_task SET target_group = %s WHERE id = %s", text, task.id))
        _load(MIGRATIONS / "18.0.4.0.0" / "pre-migrate.py").migrate(cr, "18.0.3.0.0")
        self.env.invalidate_all()
        self.assertEqual(staff.target_group, "staff")
        self.assertEqual(staff.target_group_note, "Cán bộ, viên chức khoa Nội")
        self.assertEqual(patients.target_group, "patients_families")

    def test_reports_in_progress_are_dated_by_their_reception(self):
        forwarded, waiting = self._new_report(), self._new_report(self.unit_b)
        self._submit_at(forwarded, "2026-12-12 03:00:00")  # the head forwards it at once
        self._submit_at(waiting, "2026-12-05 03:00:00", forward=False)
        item = self.env.ref("gender_equality_plan.gender_equality_checklist_plan_section_activities_item_1")
        item.reference = "Kế hoạch mục II.1"
        (forwarded | waiting).sudo().write({"received_date": False})
        _load(MIGRATIONS / "18.0.4.0.0" / "post-migrate.py").migrate(self.env.cr, "18.0.3.0.0")
        self.env.invalidate_all()
        self.assertEqual(forwarded.received_date, utc(2026, 12, 12, 3))
        self.assertTrue(forwarded.is_late)
        self.assertFalse(waiting.received_date, "still with its head of unit: not received")
        self.assertEqual(item.reference, "Kế hoạch mục II.2.1")


@tagged("post_install", "-at_install")
class TestMigrationHome(TransactionCase):
    """Upgrading from 18.0.4.0 or before: "My work" was a server action; the update replaces it by a
    window action of the same xml id, and activates the đồng."""

    def _migrate(self):
        _load(MIGRATIONS / "18.0.4.1.0" / "pre-migrate.py").migrate(self.env.cr, "18.0.4.0.0")
        self.env.invalidate_all()

    def test_the_server_action_of_my_work_is_removed(self):
        old = self.env["ir.actions.server"].create(
            {
                "name": "My Work",
                "model_id": self.env["ir.model"]._get_id("gender.equality.home"),
                "state": "code",
                "code": "action = model.action_open_home()",
            }
        )
        self.env.ref("gender_equality_plan.gender_equality_home_action").unlink()
        self.env["ir.model.data"].create(
            {
                "module": "gender_equality_plan",
                "name": "gender_equality_home_action",
                "model": "ir.actions.server",
                "res_id": old.id,
            }
        )
        self._migrate()
        self.assertFalse(old.exists())
        self.assertFalse(
            self.env.ref("gender_equality_plan.gender_equality_home_action", raise_if_not_found=False)
        )

    def test_the_window_action_is_kept(self):
        action = self.env.ref("gender_equality_plan.gender_equality_home_action")
        self._migrate()
        self.assertTrue(action.exists())

    def test_the_dong_is_activated(self):
        vnd = self.env.ref("base.VND")
        vnd.active = False
        self._migrate()
        self.assertTrue(vnd.active)


MIGRATION_3 = MIGRATIONS / "18.0.3.0.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestMigrationToProgrammes(InspectionCommon):
    """Upgrading from 18.0.2: recorded minutes keep the grade they carry, and the Department's
    stage of the inspections' chain leaves a unit's inspections of its affiliated units to the
    parent unit's head, unless the Department wrote its own condition."""

    def _migrate(self):
        self.env.flush_all()
        _load(MIGRATION_3).migrate(self.env.cr, "18.0.2.0.0")
        self.env.invalidate_all()

    def test_recorded_minutes_take_the_band_of_their_grade(self):
        inspection = self._started_inspection(inspection_type="inspection")
        self._answer(inspection, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        inspection.action_done()
        self.env.flush_all()
        # As 18.0.2 left it: a grade code, no grading band.
        self.env.cr.execute(
            SQL(
                "UPDATE gender_equality_inspection SET grade_id = NULL, result_band = 'good' WHERE id = %s",
                inspection.id,
            )
        )
        self._migrate()
        good = self.env.ref("gender_equality_plan.gender_equality_grading_band_good")
        self.assertEqual(
            (inspection.grade_id, inspection.result_band), (good, "good"), "the grade it was printed with"
        )

    def test_the_departments_stage_gets_the_new_condition(self):
        stage = self.env.ref("gender_equality_plan.gender_equality_approval_stage_inspection_department")
        stage.domain = False
        self._migrate()
        self.assertIn("inspecting_unit_id.unit_type", stage.domain)

    def test_a_condition_the_department_wrote_is_kept(self):
        stage = self.env.ref("gender_equality_plan.gender_equality_approval_stage_inspection_department")
        stage.domain = "[('year', '>=', 2026)]"
        self._migrate()
        self.assertEqual(stage.domain, "[('year', '>=', 2026)]")


@tagged("post_install", "-at_install")
class TestMigrationIsScored(InspectionCommon):
    """Upgrading to 18.0.4.1: the inspections' new flag is filled from the answers in SQL (the
    ORM's compute of a new stored field would grade every recorded inspection again)."""

    def _migrate(self):
        self.env.flush_all()
        _load(MIGRATIONS / "18.0.4.1.0" / "pre-migrate.py").migrate(self.env.cr, "18.0.4.0.0")
        _load(MIGRATIONS / "18.0.4.1.0" / "post-migrate.py").migrate(self.env.cr, "18.0.4.0.0")
        self.env.invalidate_all()

    def test_the_flag_is_filled_from_the_answers(self):
        answered = self._started_inspection(inspection_type="inspection")
        self._answer(answered, {self.item_report: "no"})
        planned = self._started_inspection(inspection_type="inspection")
        self.env.flush_all()
        self.env.cr.execute(SQL("UPDATE gender_equality_inspection SET is_scored = NULL"))
        self._migrate()
        self.assertEqual((answered.is_scored, planned.is_scored), (True, False))
