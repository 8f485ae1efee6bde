# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .gender_equality_checklist_item import ANSWER_TYPES

# Characters of the question kept in the title of a corrective action.
QUESTION_IN_TITLE = 90


class GenderEqualityInspectionLine(models.Model):
    """An answer to one checklist item.

    The question and its weight and flags are copied from the item when the line is created,
    so that an inspection keeps the questions it was answered with whatever happens to the
    template afterwards.
    """

    _name = "gender.equality.inspection.line"
    _description = "Inspection Answer"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "inspection_id, section_sequence, sequence, id"
    _rec_name = "question"
    # Integrity policy: an answer stays in its inspection and is locked with it; the question
    # and its weight and flags are a snapshot that only the application writes.
    _gep_parent_field = "inspection_id"

    inspection_id = fields.Many2one(
        "gender.equality.inspection", string="Inspection", required=True, ondelete="cascade", index=True
    )
    unit_id = fields.Many2one(related="inspection_id.unit_id", store=True, index=True)
    inspection_type = fields.Selection(related="inspection_id.inspection_type", store=True)
    year = fields.Integer(related="inspection_id.year", store=True, aggregator=False)
    state = fields.Selection(related="inspection_id.state", string="Inspection Status")
    item_id = fields.Many2one(
        "gender.equality.checklist.item",
        string="Checklist Item",
        ondelete="set null",
        index=True,
        readonly=True,
    )
    # Snapshot of the item, written when the line is created from its checklist.
    section_name = fields.Char(string="Section", readonly=True)
    section_sequence = fields.Integer(readonly=True)
    sequence = fields.Integer(default=10, readonly=True)
    question = fields.Text(required=True, readonly=True)
    help_text = fields.Text(string="Help", readonly=True)
    reference = fields.Char(readonly=True)
    answer_type = fields.Selection(ANSWER_TYPES, required=True, default="yes_no", readonly=True)
    weight = fields.Float(default=1.0, aggregator=False, readonly=True)
    is_mandatory = fields.Boolean(string="Mandatory", readonly=True)
    is_critical = fields.Boolean(string="Critical", readonly=True)
    requires_action = fields.Boolean(string="Requires Corrective Action", readonly=True)
    requires_evidence = fields.Boolean(readonly=True)
    is_unverified = fields.Boolean(string="Wording Not Verified", readonly=True)
    # Answer
    answer_yes_no = fields.Selection(
        [("yes", "Yes"), ("no", "No"), ("na", "Not applicable")], string="Answer (Yes/No)"
    )
    answer_number = fields.Float(string="Answer (Number)")
    answer_text = fields.Text(string="Answer (Text)")
    answer_date = fields.Date(string="Answer (Date)")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "gender_equality_inspection_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Files",
    )
    is_answered = fields.Boolean(
        compute="_compute_is_answered",
        store=True,
        string="Answered",
        help="A number answer of 0 counts as an answer only when a finding explains it.",
    )
    is_failed = fields.Boolean(
        compute="_compute_is_failed",
        store=True,
        readonly=False,
        string="Failed",
        help="Set when a yes/no item is answered “no”; the team may also flag other answers. A "
        "critical item answered “no” is failed, whoever answers; another item answered “no” is "
        "cleared only by those who judge the unit (inspectors, the Department, the inspecting "
        "unit), never by the inspected unit itself.",
    )
    failed_count = fields.Integer(compute="_compute_failed_count", store=True, string="Failures")
    item_score = fields.Float(
        compute="_compute_item_score",
        store=True,
        aggregator="avg",
        help="100 for a yes/no item answered “yes”, 0 otherwise. The analysis averages it over "
        "the items answered “yes” or “no”.",
    )
    finding = fields.Text(help="What the team found for this item.")
    corrective_action_ids = fields.One2many(
        "gender.equality.corrective.action", "line_id", string="Corrective Actions", copy=False
    )

    @api.depends(
        "answer_type",
        "answer_yes_no",
        "answer_number",
        "answer_text",
        "answer_date",
        "attachment_ids",
        "finding",
    )
    def _compute_is_answered(self):
        for line in self:
            line.is_answered = bool(
                {
                    "yes_no": line.answer_yes_no,
                    "number": line.answer_number or line.finding,
                    "text": line.answer_text and line.answer_text.strip(),
                    "date": line.answer_date,
                    "file": line.attachment_ids,
                }.get(line.answer_type)
            )

    @api.depends("answer_type", "answer_yes_no")
    def _compute_is_failed(self):
        for line in self:
            if line.answer_type == "yes_no":
                line.is_failed = line.answer_yes_no == "no"

    @api.constrains("is_failed", "answer_yes_no", "answer_type", "is_critical")
    def _check_failure_judged(self):
        """An answer “no” is a failure. Nobody clears it on a critical item (no critical failure,
        no corrective action, a good result would follow); on another item only those who judge
        the unit may, never a member of the inspected unit (a unit does not soften the result of
        its own self-inspection). The rule judges the answer the record is left with, whatever
        the request carried."""
        for line in self:
            problem = line._failure_problem()
            if problem:
                raise ValidationError(problem)

    def _failure_problem(self):
        """Why the line's ``is_failed`` is not acceptable for the current user, or None."""
        self.ensure_one()
        if self.is_failed or self.answer_type != "yes_no" or self.answer_yes_no != "no":
            return None
        if self.is_critical:
            return self.env._(
                "The critical item “%(question)s” is answered “No”: it is failed. Answer “Yes” or "
                "“Not applicable” if that is the truth; a failed critical item cannot be cleared.",
                question=self.question,
            )
        if not self.env.su and self.sudo().inspection_id.unit_id in self.env.user.gep_unit_ids:
            return self.env._(
                "The item “%(question)s” is answered “No”: it is failed. Only the inspectors or the "
                "unit that inspects %(unit)s may judge it not failed, not the inspected unit itself.",
                question=self.question,
                unit=self.sudo().inspection_id.unit_id.display_name,
            )
        return None

    @api.depends("is_failed")
    def _compute_failed_count(self):
        for line in self:
            line.failed_count = int(line.is_failed)

    @api.depends("answer_type", "answer_yes_no")
    def _compute_item_score(self):
        for line in self:
            line.item_score = 100.0 if line.answer_type == "yes_no" and line.answer_yes_no == "yes" else 0.0

    def _gep_prepare_create_vals(self, vals_list):
        """A line created with only its item takes the snapshot of the item."""
        Item = self.env["gender.equality.checklist.item"].sudo()
        return [
            dict(Item.browse(vals["item_id"])._prepare_inspection_line_vals(), **vals)
            if vals.get("item_id") and "question" not in vals
            else vals
            for vals in vals_list
        ]

    def _corrective_action_title(self):
        """A title that tells the corrective actions apart: the inspection, the section and the
        item (shortened), in the language of the user who records the minutes."""
        self.ensure_one()
        question = " ".join((self.question or "").split())
        if len(question) > QUESTION_IN_TITLE:
            question = question[: QUESTION_IN_TITLE - 1].rstrip() + "…"
        return self.env._(
            "%(inspection)s – %(section)s: correct “%(question)s”",
            inspection=self.inspection_id.name,
            section=self.section_name or self.env._("Checklist"),
            question=question,
        )

    def _prepare_corrective_action_vals(self):
        self.ensure_one()
        inspection = self.inspection_id
        unit = inspection.unit_id
        start = inspection.date or fields.Date.context_today(self)
        return {
            "name": self._corrective_action_title(),
            "inspection_id": inspection.id,
            "unit_id": unit.id,
            "line_id": self.id,
            "item_id": self.item_id.id,
            "finding": self.finding,
            "responsible_id": (unit.manager_ids[:1] or unit.user_ids[:1]).id,
            "deadline": start + timedelta(days=30),
            "priority": "high" if self.is_critical else "medium",
        }

    def _get_answer_display(self):
        """The answer as text, whatever its type (for comparisons and the minutes)."""
        self.ensure_one()
        if self.answer_type == "yes_no":
            return dict(self._fields["answer_yes_no"]._description_selection(self.env)).get(
                self.answer_yes_no, ""
            )
        if self.answer_type == "number":
            return f"{self.answer_number:g}" if self.is_answered else ""
        if self.answer_type == "date":
            return self.answer_date.strftime("%d/%m/%Y") if self.answer_date else ""
        if self.answer_type == "file":
            return ", ".join(self.attachment_ids.mapped("name"))
        return self.answer_text or ""
