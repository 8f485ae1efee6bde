# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.3.0.0 (plan section III.6 in full), after the module's data loaded:

- existing inspections take the grading band (a new, configurable model) of the grade they
  carry (``result_band`` ``good``, ``fair``, ``poor``, the codes of the shipped bands): recorded
  minutes keep the grade they were printed with; inspections still open were graded again when
  the bands were created;
- the Department's stage of the inspections' approval chain, if the Department left it as
  shipped (no condition), gets the new default condition: it decides self-inspections and the
  Department's own inspections, not a unit's inspections of its affiliated units (which the new
  stage of the parent unit's head decides). A condition the Department wrote is kept.

The kinds of inspection keep their keys (``self``, ``inspection``, ``supervision``; ``audit`` is
new); existing inspections get the category ``specialised`` and, as inspecting unit, themselves
(self-inspections) or the Department (the others), from the ORM.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

DEPARTMENT_STAGE = "gender_equality_plan.gender_equality_approval_stage_inspection_department"
DEPARTMENT_STAGE_DOMAIN = (
    '["|", ("inspection_type", "=", "self"), ("inspecting_unit_id.unit_type", "=", "department")]'
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    _grade_recorded_inspections(env)
    _condition_department_stage(env)


def _grade_recorded_inspections(env):
    bands = env["gender.equality.grading.band"].with_context(active_test=False).search([])
    graded = 0
    for band in bands:
        # Raw SQL: the ORM would recompute the grade with today's bands; the minutes keep theirs.
        env.cr.execute(
            SQL(
                "UPDATE gender_equality_inspection SET grade_id = %s "
                "WHERE grade_id IS NULL AND result_band = %s AND NOT has_critical_failure",
                band.id,
                band.code,
            )
        )
        graded += env.cr.rowcount
    env["gender.equality.inspection"].invalidate_model(["grade_id"])
    _logger.info("Inspections: %s graded with the grading band of their result", graded)


def _condition_department_stage(env):
    stage = env.ref(DEPARTMENT_STAGE, raise_if_not_found=False)
    if stage and not stage.domain:
        stage.domain = DEPARTMENT_STAGE_DOMAIN
        _logger.info(
            "Approval stage %s: decides self-inspections and the Department's inspections", stage.name
        )
