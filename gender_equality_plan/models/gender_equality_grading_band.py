# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Inspections whose grade follows the bands: those whose answers may still change. The grade of
# recorded minutes (done, approved) is what was printed: a later change of the bands leaves it.
REGRADED_STATES = ("draft", "in_progress", "returned")


class GenderEqualityGradingBand(models.Model):
    """A grade of a grading scale (``gender.equality.grading.scale``) that an inspection gets
    from its score (xếp loại).

    An inspection is graded with the band of the active scale of the highest minimum score that
    its score reaches; a band is active with its scale. Without an active scale, inspections are
    not graded and their minutes print the score only. The shipped bands (80% / 50%) are a local
    setting, not an official norm (no legal text found sets grades for this work, see
    ``is_local_setting``): their scale is shipped inactive, for the Department to adopt.
    """

    _name = "gender.equality.grading.band"
    _description = "Inspection Grading Band"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "min_score desc, sequence, id"

    scale_id = fields.Many2one(
        "gender.equality.grading.scale",
        string="Scale",
        required=True,
        index=True,
        ondelete="restrict",
        help="The scale the band belongs to: the band grades inspections while its scale is active.",
    )
    name = fields.Char(string="Grade", required=True, help="The grade as the minutes print it (Tốt, Khá…).")
    code = fields.Char(
        required=True,
        help="Stable key of the grade in the external API (the inspection's result_band).",
    )
    min_score = fields.Float(
        string="Minimum Score (%)",
        required=True,
        digits=(5, 1),
        help="An inspection whose score reaches this percentage gets this grade, unless a band "
        "of a higher minimum applies.",
    )
    sequence = fields.Integer(default=10)
    is_local_setting = fields.Boolean(
        string="Local Setting",
        default=True,
        help="The band is a setting of the Department, not an official norm: no legal text sets it.",
    )
    note = fields.Text(help="Where the band comes from (a decision of the Department, a local practice…).")
    active = fields.Boolean(
        related="scale_id.active",
        store=True,
        readonly=False,
        help="A band grades inspections while its scale is active (archiving a band archives its scale).",
    )

    _sql_constraints = [
        ("code_unique", "unique(scale_id, code)", "The code of a grading band must be unique in its scale."),
    ]

    @api.constrains("min_score", "code")
    def _check_min_score(self):
        for band in self:
            if not 0.0 <= band.min_score <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The minimum score of the grade %(grade)s must be a percentage between 0 and 100.",
                        grade=band.name,
                    )
                )
            if band.code == "failed":
                raise ValidationError(
                    self.env._(
                        "The code “failed” is kept for the inspections of which a critical item failed."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        bands = super().create(vals_list)
        bands._regrade_open_inspections()
        return bands

    def write(self, vals):
        result = super().write(vals)
        if {"min_score", "active", "code"} & vals.keys():
            self._regrade_open_inspections()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        """A grade that recorded minutes carry stays: archive it instead."""
        used = self.env["gender.equality.inspection"].sudo().search([("grade_id", "in", self.ids)], limit=1)
        if used:
            raise ValidationError(
                self.env._(
                    "The grade %(grade)s is given by inspections and cannot be deleted: archive it.",
                    grade=used.grade_id.name,
                )
            )

    def unlink(self):
        result = super().unlink()
        self._regrade_open_inspections()
        return result

    @api.model
    def _get_bands(self):
        """``[(minimum score, band)]`` of the active bands, highest minimum first."""
        return [(band.min_score, band) for band in self.sudo().search([])]

    def _regrade_open_inspections(self):
        """Grade again the inspections whose answers may still change."""
        Inspection = self.env["gender.equality.inspection"].sudo()
        inspections = Inspection.search([("state", "in", REGRADED_STATES)])
        if inspections:
            self.env.add_to_compute(Inspection._fields["grade_id"], inspections)
            self.env.add_to_compute(Inspection._fields["result_band"], inspections)
