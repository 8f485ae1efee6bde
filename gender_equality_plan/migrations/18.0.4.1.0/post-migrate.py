# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.1.0, after the module's data loaded: a database at 18.0.4.0.0 from before the
programmes skipped the migration 18.0.3.0.0 (numbered below it); its recorded minutes take the
grading band of the grade they carry, as that migration does (it only fills grades still empty,
so it changes nothing on a database that ran it)."""

import importlib.util
from pathlib import Path

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    path = Path(__file__).resolve().parent.parent / "18.0.3.0.0" / "post-migrate.py"
    spec = importlib.util.spec_from_file_location("gep_migration_18_0_3_0_0_post", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module._grade_recorded_inspections(api.Environment(cr, SUPERUSER_ID, {}))
