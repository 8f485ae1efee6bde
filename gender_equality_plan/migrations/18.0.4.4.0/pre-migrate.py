# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.4.0 (the state apparatus of 2026), before the models load: the new stored fields whose
compute would rewrite what existing documents printed are created here, empty, so that the ORM
does not compute them on every existing record; ``post-migrate.py`` fills them where it should.

- ``gender_equality_inspection.is_external``: existing inspections were all carried out by the
  sector (False); the thanh tra the Department planned after 1/7/2025 become kiểm tra there.
- ``gender_equality_sector_report.coordinator_ministry``: a report already submitted or issued
  keeps printing "Nhân bản sản phẩm của Bộ" as it did; drafts get their year's ministry.
- ``gender_equality_sector_report.review_phase_id``: the reports that review a period get their
  phase there (a compute would untick the review of a report whose year reviews no phase).
"""

from odoo.tools.sql import column_exists, create_column, table_exists

COLUMNS = (
    ("gender_equality_inspection", "is_external", "bool"),
    ("gender_equality_sector_report", "coordinator_ministry", "varchar"),
    ("gender_equality_sector_report", "review_phase_id", "int4"),
)


def migrate(cr, version):
    for table, column, column_type in COLUMNS:
        if table_exists(cr, table) and not column_exists(cr, table, column):
            create_column(cr, table, column, column_type)
