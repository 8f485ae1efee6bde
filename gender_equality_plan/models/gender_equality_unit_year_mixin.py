# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class GenderEqualityUnitYearMixin(models.AbstractModel):
    """Records of which a unit has one a year, cancelled ones aside (plans, reports).

    Consumers have ``unit_id``, ``year`` and a ``state`` with a ``cancelled`` value, and
    say what is wrong in ``_unit_year_duplicate_message``.
    """

    _name = "gender.equality.unit.year.mixin"
    _description = "One Record per Unit and Year"

    @api.constrains("unit_id", "year", "state")
    def _check_unique_unit_year(self):
        records = self.filtered(lambda record: record.state != "cancelled")
        if not records:
            return
        counts = self.sudo()._read_group(
            [
                ("unit_id", "in", records.unit_id.ids),
                ("year", "in", list(set(records.mapped("year")))),
                ("state", "!=", "cancelled"),
            ],
            ["unit_id", "year"],
            ["__count"],
        )
        for unit, year, count in counts:
            if count > 1 and any(record.unit_id == unit and record.year == year for record in records):
                raise ValidationError(self._unit_year_duplicate_message(unit, year))

    def _unit_year_duplicate_message(self, unit, year):
        raise NotImplementedError()
