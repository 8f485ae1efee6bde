# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.3.0.0, before the models load: create the column of the inspections' new grade
(``grade_id``) so that the ORM does not compute it for existing inspections. Its compute also
writes ``result_band``, and it would run before the grading bands of the module's data exist:
recorded minutes would lose their grade. ``post-migrate.py`` fills the column from the grades
the minutes carry."""

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if not column_exists(cr, "gender_equality_inspection", "grade_id"):
        # The ORM adds its foreign key when it loads the model.
        create_column(cr, "gender_equality_inspection", "grade_id", "int4")
