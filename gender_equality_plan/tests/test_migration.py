# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL
from odoo.tools.sql import column_exists

from .report_common import ReportCommon

MIGRATION = Path(__file__).resolve().parent.parent / "migrations" / "18.0.2.0.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestMigration(ReportCommon):
    """Upgrading from 18.0.1: the drill-down domains of existing figure lines become ids."""

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
        spec = importlib.util.spec_from_file_location("post_migrate", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(line.source_ids, expected)
        self.assertFalse(other.source_ids, "a domain that is not a list of ids is not trusted")
        self.assertFalse(column_exists(cr, "gender_equality_report_line", "source_domain"))


@tagged("post_install", "-at_install")
class TestMigrationHome(TransactionCase):
    """Upgrading from 18.0.2.0: "My work" was a server action; the update replaces it by a
    window action of the same xml id, and activates the đồng."""

    def _migrate(self):
        path = MIGRATION.parent.parent / "18.0.2.1.0" / "pre-migrate.py"
        spec = importlib.util.spec_from_file_location("pre_migrate", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.2.0.0")
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
