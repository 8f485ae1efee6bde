# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from datetime import date
from pathlib import Path

from odoo import Command
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


@tagged("post_install", "-at_install")
class TestMigrationStateApparatus(InspectionCommon):
    """Upgrading to 18.0.4.4 (the state apparatus of 2026): what the Department planned as a
    thanh tra after 1/7/2025 and never issued becomes a kiểm tra; what it issued prints as it
    did; the grading bands join the shipped scale, inactive; sector report drafts lose the old
    copy list "to the director"."""

    MIGRATION = MIGRATIONS / "18.0.4.4.0"

    def _migrate(self):
        self.env.flush_all()
        _load(self.MIGRATION / "pre-migrate.py").migrate(self.env.cr, "18.0.4.2.0")
        _load(self.MIGRATION / "post-migrate.py").migrate(self.env.cr, "18.0.4.2.0")
        self.env.invalidate_all()

    def _as_before(self, records, **columns):
        """Write ``columns`` of ``records`` in SQL, as the previous version left them."""
        self.env.flush_all()
        for name, value in columns.items():
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE id IN %s",
                    SQL.identifier(records._table),
                    SQL.identifier(name),
                    value,
                    tuple(records.ids),
                )
            )
        records.invalidate_recordset()

    def test_unissued_thanh_tra_after_the_reform_become_kiem_tra(self):
        Programme = self.env["gender.equality.inspection.programme"]
        programme = Programme.create(
            {
                "unit_id": self.department.id,
                "year": 2026,
                "inspection_type": "inspection",
                "line_ids": [Command.create({"unit_id": self.unit_a.id, "planned_date": date(2026, 12, 28)})],
            }
        )
        planned = self._create_inspection(inspection_type="inspection", date=date(2026, 10, 2))
        recorded = self._started_inspection(inspection_type="inspection", date=date(2026, 9, 2))
        self._answer(recorded, {self.item_plan: "yes"})
        recorded.action_done()
        before = self._create_inspection(inspection_type="audit", year=2024, date=date(2024, 10, 2))
        self._as_before(programme, inspection_type="audit")
        self._as_before(
            planned | recorded, inspection_type="audit", is_external=False, legal_basis_snapshot=None
        )
        self._migrate()
        self.assertEqual(programme.inspection_type, "inspection")
        self.assertTrue(programme.name.startswith("Kế hoạch kiểm tra năm 2026"))
        self.assertEqual(planned.inspection_type, "inspection")
        self.assertIn("không còn tiến hành thanh tra", planned.message_ids[:1].body)
        # Issued: the minutes stay a thanh tra, printed as they were.
        self.assertEqual((recorded.inspection_type, recorded.is_external), ("audit", False))
        self.assertFalse(recorded.legal_basis_snapshot)
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "gender_equality_plan.action_report_gender_equality_inspection", recorded.ids
        )
        self.assertIn("BIÊN BẢN THANH TRA", html.decode())
        # Before the reform: untouched.
        self.assertEqual((before.inspection_type, before.is_external), ("audit", False))

    def test_the_bands_join_the_shipped_scale_inactive_and_recorded_minutes_keep_their_grade(self):
        scale = self.env.ref("gender_equality_plan.gender_equality_grading_scale_default")
        self._adopt_grading_scale()
        recorded = self._started_inspection(inspection_type="inspection")
        self._answer(recorded, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        recorded.action_done()
        open_ = self._started_inspection(inspection_type="inspection")
        self._answer(open_, {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"})
        fair = self.env.ref("gender_equality_plan.gender_equality_grading_band_fair")
        self.assertEqual((recorded.grade_id, open_.grade_id), (fair, fair))
        # As 18.0.4.2 left them: bands without a scale, active; no scale adopted.
        bands = scale.band_ids
        self.env.flush_all()
        self.env.cr.execute(
            SQL("ALTER TABLE gender_equality_grading_band ALTER COLUMN scale_id DROP NOT NULL")
        )
        self._as_before(bands, scale_id=None, active=True)
        self._as_before(scale, active=False, decision_number=None, decision_date=None)
        self._migrate()
        self.assertEqual(bands.scale_id, scale)
        self.assertFalse(any(bands.mapped("active")))
        self.assertEqual(recorded.grade_id, fair, "the grade its minutes printed")
        self.assertFalse(open_.grade_id, "no grade before a scale is adopted")

    def test_sector_report_drafts_lose_the_copy_to_the_director(self):
        Report = self.env["gender.equality.sector.report"]
        Report.search([]).unlink()
        draft = Report.create({"year": 2026, "signer_title": "GIÁM ĐỐC"})
        submitted = Report.create({"year": 2027})
        old = "- Như trên;\n- Giám đốc Sở (để báo cáo);\n- Các đơn vị trong ngành;\n- Lưu: VT, Ban VSTBPN."
        self._as_before(
            draft | submitted,
            recipients=old,
            addressees="Ủy ban nhân dân tỉnh Thanh Hóa",
            coordinator_ministry=None,
        )
        self._as_before(submitted, state="submitted")
        self._migrate()
        self.assertNotIn("Giám đốc Sở (để báo cáo)", draft.recipients)
        self.assertIn("Sở Nội vụ tỉnh Thanh Hóa", draft.addressees)
        self.assertEqual(draft.coordinator_ministry, "Bộ Nội vụ")
        # Submitted for signature: what it prints stays.
        self.assertEqual(submitted.recipients, old)
        self.assertFalse(submitted.coordinator_ministry)
