# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.1.0:

- "My work" opens through a window action (a new record every time, and the app's menus show
  on it) instead of a server action that created a record. The xml id keeps its name: the
  server action is deleted here so that the update creates the window action in its place.
- Budgets are in đồng: the currency is activated (new databases get it from
  ``data/res_currency_data.xml``), or the web client shows amounts without its symbol.
- The inspections' new flag ``is_scored`` (no score shown before an answer counts) is filled
  here from the answers: left to the ORM, its compute would also grade every recorded inspection
  again with today's grading bands.
- A database at 18.0.4.0.0 from before the programmes (issue 11, whose migration is numbered
  18.0.3.0.0, below the version it was merged into) never ran that migration: its steps run here
  (they are idempotent); ``post-migrate.py`` grades the recorded minutes."""

import importlib.util
import logging
from pathlib import Path

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column, table_exists

_logger = logging.getLogger(__name__)


DEPARTMENT_STAGE = "gender_equality_approval_stage_inspection_department"


def _load_sibling(version, name):
    path = Path(__file__).resolve().parent.parent / version / name
    spec = importlib.util.spec_from_file_location(f"gep_migration_{version.replace('.', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _catch_up_programmes(cr, version):
    """The steps of 18.0.3.0.0 before the models load, for a database that skipped them."""
    if table_exists(cr, "gender_equality_grading_band"):
        return
    _load_sibling("18.0.3.0.0", "pre-migrate.py").migrate(cr, version)
    # The Department's stage is master data (noupdate): as shipped (no condition), it gets the
    # condition that leaves a unit's inspections of its affiliated units to the parent unit.
    cr.execute(
        SQL(
            "UPDATE gender_equality_approval_stage SET domain = %s WHERE (domain IS NULL OR domain = '') "
            "AND id = (SELECT res_id FROM ir_model_data WHERE module = 'gender_equality_plan' AND name = %s)",
            _load_sibling("18.0.3.0.0", "post-migrate.py").DEPARTMENT_STAGE_DOMAIN,
            DEPARTMENT_STAGE,
        )
    )
    _logger.info("Steps of 18.0.3.0.0 (programmes) run for a database that skipped them.")


def _fill_is_scored(cr):
    if not column_exists(cr, "gender_equality_inspection", "is_scored"):
        create_column(cr, "gender_equality_inspection", "is_scored", "bool")
    # Raw SQL: the ORM's compute would grade the recorded inspections again (see above).
    cr.execute(
        SQL(
            "UPDATE gender_equality_inspection inspection SET is_scored = ("
            "  COALESCE(inspection.has_critical_failure, FALSE) OR EXISTS ("
            "    SELECT 1 FROM gender_equality_inspection_line line"
            "    WHERE line.inspection_id = inspection.id AND line.answer_type = 'yes_no'"
            "    AND line.answer_yes_no IN ('yes', 'no') AND line.weight > 0))"
        )
    )


def migrate(cr, version):
    _catch_up_programmes(cr, version)
    if column_exists(cr, "gender_equality_inspection", "has_critical_failure"):
        _fill_is_scored(cr)
    env = api.Environment(cr, SUPERUSER_ID, {})
    action = env.ref("gender_equality_plan.gender_equality_home_action", raise_if_not_found=False)
    if action and action._name == "ir.actions.server":
        action.unlink()
        _logger.info("The server action of My Work is replaced by a window action.")
    vnd = env.ref("base.VND", raise_if_not_found=False)
    if vnd and not vnd.active:
        vnd.active = True
