# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import errors

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, index_exists


class GenderEqualityUnitYearMixin(models.AbstractModel):
    """Records of which a unit has one a year, cancelled ones aside (plans, reports).

    The database holds the rule (a partial unique index on ``(unit_id, year)`` of the records
    that are not cancelled), so that two requests creating the same record at once cannot both
    succeed; a Python check in front of it gives the usual case a clear message, and the loser
    of a race gets the same message. Both read every unit's records, so for a user bound by the
    integrity policy the record rules are checked first, on the values
    (``_gep_check_rule_on_values``): a unit whose records the user may not create or write gets
    the same access error whether it has a record of the year or not. Consumers inherit the
    integrity policy (``gender.equality.guard.mixin``), have ``unit_id``, ``year`` and a
    ``state`` with a ``cancelled`` value, and say what is wrong in
    ``_unit_year_duplicate_message``.
    """

    _name = "gender.equality.unit.year.mixin"
    _description = "One Record per Unit and Year"

    def _unit_year_index_name(self):
        return f"{self._table}_unit_year_unique"

    def init(self):
        super().init()
        if self._abstract:
            return
        index = self._unit_year_index_name()
        if not index_exists(self.env.cr, index):
            # Raw SQL: the ORM declares no partial unique index in Odoo 18.
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX %s ON %s (unit_id, year) WHERE state != 'cancelled'",
                    SQL.identifier(index),
                    SQL.identifier(self._table),
                )
            )

    # Not on ``state``: a record that leaves the cancelled state is checked by ``write`` (it
    # "moves"), and a change between other states (an approval) takes nobody's place.
    @api.constrains("unit_id", "year")
    def _check_unique_unit_year(self):
        records = self.filtered(lambda record: record.state != "cancelled")
        self._unit_year_check_free([(record.unit_id.id, record.year) for record in records], records)

    def _unit_year_check_free(self, keys, exclude=None):
        """Raise the clear message when a ``(unit id, year)`` of ``keys`` is taken by a record
        that is not cancelled (``exclude`` aside), or appears twice in ``keys``."""
        keys = [(unit_id, year) for unit_id, year in keys if unit_id and year]
        if not keys:
            return
        taken = {
            (unit.id, year)
            for unit, year, __ in self.sudo()._read_group(
                [
                    ("unit_id", "in", list({unit_id for unit_id, __ in keys})),
                    ("year", "in", list({year for __, year in keys})),
                    ("state", "!=", "cancelled"),
                    ("id", "not in", (exclude or self.browse()).ids),
                ],
                ["unit_id", "year"],
                ["__count"],
            )
        }
        seen = set()
        for key in keys:
            if key in taken or key in seen:
                unit = self.env["gender.equality.unit"].sudo().browse(key[0])
                raise ValidationError(self._unit_year_duplicate_message(unit, key[1]))
            seen.add(key)

    @api.model_create_multi
    def create(self, vals_list):
        # Checked before the insertion, so that the usual case never reaches the unique index.
        defaults = self.default_get(["unit_id", "year"])
        keyed = [
            vals
            for vals in vals_list
            if vals.get("state", "draft") != "cancelled"
            and vals.get("unit_id", defaults.get("unit_id"))
            and vals.get("year", defaults.get("year"))
        ]
        # The check reads every unit's records: it answers only where the user may create.
        self._gep_check_rule_on_values("create", keyed)
        self._unit_year_check_free(
            [
                (vals.get("unit_id", defaults.get("unit_id")), vals.get("year", defaults.get("year")))
                for vals in keyed
            ]
        )
        try:
            with self.env.cr.savepoint(flush=False):
                return super().create(vals_list)
        except errors.UniqueViolation as error:
            self._raise_unit_year_duplicate(error, vals_list)
            raise

    def write(self, vals):
        if not {"state", "unit_id", "year"} & vals.keys():
            return super().write(vals)
        new_state = vals.get("state")
        # Only a record that moves to another unit or year, or leaves the cancelled state, can
        # take a place that another record holds.
        moving = self.filtered(
            lambda record: (new_state or record.state) != "cancelled"
            and (
                vals.get("unit_id", record.unit_id.id) != record.unit_id.id
                or vals.get("year", record.year) != record.year
                or record.state == "cancelled"
            )
        )
        if not moving:
            # Nothing takes another record's place (a status change between states that are not
            # cancelled, such as an approval, or a cancellation): the unique index cannot refuse.
            return super().write(vals)
        # The check reads every unit's records: it answers only where the user may write.
        moving._gep_check_rule_on_values("write", [vals])
        self._unit_year_check_free(
            [(vals.get("unit_id", record.unit_id.id), vals.get("year", record.year)) for record in moving],
            exclude=self,
        )
        try:
            with self.env.cr.savepoint():
                result = super().write(vals)
                self.flush_recordset(["unit_id", "year", "state"])
                return result
        except errors.UniqueViolation as error:
            self._raise_unit_year_duplicate(
                error, [{"unit_id": record.unit_id.id, "year": record.year} for record in self]
            )
            raise

    def _raise_unit_year_duplicate(self, error, vals_list):
        """Turn the violation of the unique index into the clear message of the Python check."""
        if error.diag.constraint_name != self._unit_year_index_name():
            return
        vals = vals_list[0] if vals_list else {}
        unit = self.env["gender.equality.unit"].sudo().browse(vals.get("unit_id"))
        raise ValidationError(self._unit_year_duplicate_message(unit, vals.get("year"))) from error

    def _unit_year_duplicate_message(self, unit, year):
        raise NotImplementedError()
