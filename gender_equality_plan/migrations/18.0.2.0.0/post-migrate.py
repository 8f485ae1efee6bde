# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: figure lines keep the ids of the records they count (``source_ids``) instead of
a domain string (``source_domain``, which a unit could write). The ids of existing lines are
read from their domain, which the compilation always wrote as ``[('id', 'in', [ids])]``."""

import ast
import json
import logging

from odoo.tools import SQL
from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not column_exists(cr, "gender_equality_report_line", "source_domain"):
        return
    cr.execute(
        SQL(
            "SELECT id, source_domain FROM gender_equality_report_line "
            "WHERE source_domain IS NOT NULL AND source_ids IS NULL"
        )
    )
    converted = 0
    for line_id, domain in cr.fetchall():
        try:
            [(field, operator, ids)] = ast.literal_eval(domain)
        except (ValueError, SyntaxError, TypeError):
            continue
        if field != "id" or operator != "in" or not all(isinstance(value, int) for value in ids):
            continue
        cr.execute(
            SQL(
                "UPDATE gender_equality_report_line SET source_ids = %s WHERE id = %s",
                json.dumps(ids),
                line_id,
            )
        )
        converted += 1
    cr.execute(SQL("ALTER TABLE gender_equality_report_line DROP COLUMN source_domain"))
    _logger.info("Figure lines: %s drill-down domains converted to ids", converted)
