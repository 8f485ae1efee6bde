# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.0.0: the target group of activities and surveys becomes a structured choice; the
free text that units wrote is kept in ``target_group_note``."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists

# A few words of the free text that tell the group (Vietnamese, lower case).
GROUP_WORDS = (
    ("staff", ("viên chức", "cán bộ", "người lao động", "nhân viên")),
    ("patients_families", ("người bệnh", "bệnh nhân", "người nhà")),
    ("community", ("cộng đồng", "người dân", "nhân dân")),
)


def migrate(cr, version):
    for table in ("gender_equality_task", "gender_equality_awareness_survey"):
        # Before 18.0.4 the free text was the target group itself.
        if not column_exists(cr, table, "target_group") or column_exists(cr, table, "target_group_note"):
            continue
        cr.execute(
            SQL("ALTER TABLE %s RENAME COLUMN target_group TO target_group_note", SQL.identifier(table))
        )
        cr.execute(SQL("ALTER TABLE %s ADD COLUMN target_group varchar", SQL.identifier(table)))
        for group, words in GROUP_WORDS:
            for word in words:
                cr.execute(
                    SQL(
                        "UPDATE %s SET target_group = %s "
                        "WHERE target_group IS NULL AND lower(target_group_note) LIKE %s",
                        SQL.identifier(table),
                        group,
                        f"%{word}%",
                    )
                )
        cr.execute(
            SQL(
                "UPDATE %s SET target_group = 'other' "
                "WHERE target_group IS NULL AND target_group_note IS NOT NULL",
                SQL.identifier(table),
            )
        )
