# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.3.0, before the models load: who reports to the Department is a property of the unit
(``has_reporting_duty``) that the Department sets, proposed from the unit type. Left to the ORM,
the new column would take the proposal for every unit; here the units that have been reporting
keep reporting: every unit but the Department's own, and the commune health stations that sent a
report (the others were recorded for their parent's inspections and were expected by mistake)."""

import logging

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if column_exists(cr, "gender_equality_unit", "has_reporting_duty"):
        return
    create_column(cr, "gender_equality_unit", "has_reporting_duty", "bool")
    cr.execute(
        SQL(
            """UPDATE gender_equality_unit unit
                  SET has_reporting_duty = unit.unit_type != 'department' AND (
                      unit.unit_type != 'health_station' OR EXISTS (
                          SELECT 1 FROM gender_equality_report report
                           WHERE report.unit_id = unit.id AND report.state != 'cancelled'))"""
        )
    )
    _logger.info("Reporting duty set on %s units.", cr.rowcount)
