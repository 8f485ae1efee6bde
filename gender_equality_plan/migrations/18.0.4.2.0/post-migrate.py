# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.2.0, after the module's data loaded: the narratives that users wrote are text
formatting only (``tools.html_clean``). The fields clean what is written from now on; the values
stored before lose here what fetches or acts when they are displayed or printed (remote and
same-origin image sources, media, ``url()`` styles…), so that the web client of the reader does
not load them either (the PDF reports clean what they print in any case)."""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

from odoo.addons.gender_equality_plan.tools.html_clean import NarrativeHtml, clean_html

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    clean_narratives(api.Environment(cr, SUPERUSER_ID, {}))


def clean_narratives(env):
    """Clean every stored narrative of the module's models, in SQL (a write through the ORM
    would check, track and recompute each record for a change of markup); return how many
    values changed."""
    changed = 0
    for name in sorted(env.registry):
        model = env[name]
        if not name.startswith("gender.equality.") or model._abstract or not model._auto:
            continue
        for field in model._fields.values():
            if not (isinstance(field, NarrativeHtml) and field.store and field.column_type):
                continue
            model.flush_model([field.name])
            column = SQL.identifier(field.name)
            rows = env.execute_query(
                SQL(
                    "SELECT id, %s FROM %s WHERE %s IS NOT NULL", column, SQL.identifier(model._table), column
                )
            )
            updates = [
                (record_id, cleaned)
                for record_id, value in rows
                if (cleaned := clean_html(value) or "") != value
            ]
            if not updates:
                continue
            env.cr.execute(
                SQL(
                    """UPDATE %(table)s AS record SET %(column)s = NULLIF(cleaned.value, '')
                         FROM (SELECT UNNEST(%(ids)s::int[]) AS id,
                                      UNNEST(%(values)s::text[]) AS value) AS cleaned
                        WHERE record.id = cleaned.id""",
                    table=SQL.identifier(model._table),
                    column=column,
                    ids=[record_id for record_id, __ in updates],
                    values=[str(value) for __, value in updates],
                )
            )
            model.invalidate_model([field.name])
            changed += len(updates)
            _logger.info("%s.%s: %s narratives cleaned.", name, field.name, len(updates))
    return changed
