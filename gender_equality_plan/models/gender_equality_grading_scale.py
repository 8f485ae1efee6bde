# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import vi_format

# What the minutes print of a scale: changed after minutes were graded with it, they would no
# longer say what the minutes were graded with.
ADOPTION_FIELDS = frozenset({"name", "decision_number", "decision_date", "issued_by"})


class GenderEqualityGradingScale(models.Model):
    """A grading scale of inspection scores (*thang xếp loại*) that the Department adopts: its
    grading bands, and the decision that adopted it.

    No legal text found sets grades for inspections of gender-equality communication: a scale is
    the Department's own decision. Inspections are graded only while a scale is active, and the
    Department activates a scale once it records its adoption (the decision's number and date);
    the minutes then print the grade with the scale and its adoption. At most one scale is active
    at a time. The shipped scale (80% / 50%) is inactive: a starting point to confirm.
    """

    _name = "gender.equality.grading.scale"
    _description = "Inspection Grading Scale"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "active desc, decision_date desc, id desc"

    name = fields.Char(
        required=True,
        help="The name of the scale as the minutes print it, e.g. Thang xếp loại kết quả kiểm tra công "
        "tác truyền thông về bình đẳng giới.",
    )
    decision_number = fields.Char(
        string="Adopted by Decision No.",
        help="Number of the decision that adopts the scale (số quyết định), e.g. 15/QĐ-SYT. Required to "
        "activate the scale.",
    )
    decision_date = fields.Date(string="Decision Date", help="Required to activate the scale.")
    issued_by = fields.Char(
        string="Issued By",
        default="Sở Y tế Thanh Hóa",
        help="The body whose decision adopts the scale, as the minutes print it.",
    )
    band_ids = fields.One2many(
        "gender.equality.grading.band",
        "scale_id",
        string="Grading Bands",
        context={"active_test": False},
    )
    note = fields.Text()
    active = fields.Boolean(
        default=False,
        help="Inspections are graded with the bands of the active scale. Activate a scale once its "
        "adoption (decision number and date) is recorded; at most one scale is active.",
    )
    adoption = fields.Char(
        compute="_compute_adoption", help="The scale and its adoption, as the minutes print them."
    )

    @api.depends("name", "decision_number", "decision_date", "issued_by")
    def _compute_adoption(self):
        for scale in self:
            scale.adoption = scale._adoption_text()

    @api.constrains("active", "decision_number", "decision_date")
    def _check_active(self):
        active = self.filtered("active")
        for scale in active:
            if not (scale.decision_number and scale.decision_date):
                raise ValidationError(
                    self.env._(
                        "Record the decision that adopts the scale %(scale)s (its number and date) before "
                        "activating it: the minutes print the grade with the scale and its adoption.",
                        scale=scale.name,
                    )
                )
        if active and self.search_count([("active", "=", True)]) > 1:
            raise ValidationError(
                self.env._("Only one grading scale is active at a time: archive the other scale first.")
            )

    def write(self, vals):
        if ADOPTION_FIELDS & vals.keys():
            self._check_not_printed()
        result = super().write(vals)
        if "active" in vals:
            # The bands follow the scale: open inspections are graded again.
            self.env["gender.equality.grading.band"]._regrade_open_inspections()
        return result

    def _check_not_printed(self):
        """A scale that recorded minutes were graded with keeps its name and adoption."""
        graded = (
            self.env["gender.equality.inspection"]
            .sudo()
            .search(
                [
                    ("grade_id.scale_id", "in", self.ids),
                    ("state", "in", self.env["gender.equality.inspection"]._minutes_recorded_states),
                ],
                limit=1,
            )
        )
        if graded:
            raise ValidationError(
                self.env._(
                    "Recorded minutes (%(minutes)s) were graded with the scale %(scale)s: its name and "
                    "adoption stay as they printed them. Archive it and create a new scale for a new "
                    "decision.",
                    minutes=graded.name,
                    scale=graded.grade_id.scale_id.name,
                )
            )

    def _adoption_text(self):
        """``Thang xếp loại …, ban hành kèm theo Quyết định số 15/QĐ-SYT ngày 10/01/2026 của Sở Y tế
        Thanh Hóa`` (the scale alone while its adoption is not recorded)."""
        self.ensure_one()
        if not (self.decision_number and self.decision_date):
            return self.name or ""
        text = (
            f"{self.name}, ban hành kèm theo Quyết định số {self.decision_number} "
            f"ngày {vi_format.vi_date(self.decision_date)}"
        )
        return f"{text} của {self.issued_by}" if self.issued_by else text
