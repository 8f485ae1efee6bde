# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import roles

# A report in these states counts the records of its unit and year: they are frozen.
FREEZING_REPORT_STATES = ("submitted", "accepted")


class GenderEqualityUnitRecordMixin(models.AbstractModel):
    """Records of a unit and a year that the unit's annual report counts (awareness surveys,
    indicator statuses).

    They are frozen once the report of their unit and year is submitted or accepted; records of
    a baseline year (``_is_baseline_record``) are changed by the Department manager only, so
    that no unit moves the baseline that its progress is measured against. Consumers have
    ``unit_id`` and ``year``.
    """

    _name = "gender.equality.unit.record.mixin"
    _description = "Record Counted by an Annual Report"
    _inherit = ["gender.equality.guard.mixin"]

    # Computed with the user's rights: whoever may write the record reads the reports of its unit,
    # and a record being composed for another unit (an onchange) tells nothing of that unit's.
    is_locked = fields.Boolean(
        compute="_compute_is_locked",
        string="Locked",
        help="The report of the unit for the year is submitted or accepted: it counts this record.",
    )
    can_edit = fields.Boolean(
        compute="_compute_can_edit",
        string="Can I Edit",
        help="Whether you may change this record now.",
    )

    @api.depends("unit_id", "year")
    def _compute_is_locked(self):
        reports = self.env["gender.equality.report"].search(
            [
                ("unit_id", "in", self.unit_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
                ("state", "in", FREEZING_REPORT_STATES),
            ]
        )
        frozen = {(report.unit_id.id, report.year) for report in reports}
        for record in self:
            record.is_locked = (record.unit_id.id, record.year) in frozen

    @api.depends("is_locked", "year")
    @api.depends_context("uid")
    def _compute_can_edit(self):
        # A new record is edited freely (its year may be changed to one that is not locked): the
        # policy judges its values when it is saved.
        locked = self._gep_locked_fields()
        for record in self:
            record.can_edit = not record._origin or record not in locked

    def _is_baseline_record(self):
        """Whether the record belongs to a baseline year (none by default)."""
        self.ensure_one()
        return False

    def _gep_locked_fields(self):
        scope = self._gep_policy()[0]
        is_manager = roles.is_department_manager(self.env)
        return {
            record: scope
            for record in self
            if record.is_locked or (record._is_baseline_record() and not is_manager)
        }
