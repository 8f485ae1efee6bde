# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from .common import GenderEqualityCommon


class InspectionCommon(GenderEqualityCommon):
    """A small checklist of two sections and helpers to run inspections with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Checklist = cls.env["gender.equality.checklist"]
        cls.Inspection = cls.env["gender.equality.inspection"]
        cls.Action = cls.env["gender.equality.corrective.action"]
        cls.checklist = cls.Checklist.create({"name": "Test checklist", "code": "TEST-CL"})
        cls.section_plan, cls.section_report = cls.env["gender.equality.checklist.section"].create(
            [
                {"checklist_id": cls.checklist.id, "name": "Plan", "sequence": 1},
                {"checklist_id": cls.checklist.id, "name": "Report", "sequence": 2},
            ]
        )
        Item = cls.env["gender.equality.checklist.item"]
        common = {"checklist_id": cls.checklist.id}
        cls.item_plan = Item.create(
            dict(
                common,
                section_id=cls.section_plan.id,
                sequence=1,
                question="Annual plan approved?",
                weight=3,
                is_mandatory=True,
                is_critical=True,
                requires_action=True,
            )
        )
        cls.item_sessions = Item.create(
            dict(
                common,
                section_id=cls.section_plan.id,
                sequence=2,
                question="Two sessions held?",
                weight=2,
                requires_action=True,
            )
        )
        cls.item_report = Item.create(
            dict(common, section_id=cls.section_report.id, sequence=1, question="Report on time?", weight=1)
        )
        cls.item_count = Item.create(
            dict(
                common,
                section_id=cls.section_report.id,
                sequence=2,
                question="Number of sessions",
                answer_type="number",
                weight=0,
            )
        )

    @classmethod
    def _create_inspection(cls, unit=None, inspection_type="self", user=None, **vals):
        Inspection = cls.Inspection.with_user(user) if user else cls.Inspection
        return Inspection.create(
            dict(
                {
                    "unit_id": (unit or cls.unit_a).id,
                    "inspection_type": inspection_type,
                    "year": 2026,
                    "checklist_id": cls.checklist.id,
                    "leader_id": cls.inspector.id,
                    "inspector_ids": [Command.set(cls.inspector.ids)],
                },
                **vals,
            )
        )

    @classmethod
    def _adopt_grading_scale(cls):
        """The Department adopts the shipped scale (Tốt from 80%, Khá from 50%) by a decision and
        activates it: inspections are graded from now on."""
        scale = cls.env.ref("gender_equality_plan.gender_equality_grading_scale_default")
        scale.write({"decision_number": "15/QĐ-SYT", "decision_date": date(2026, 1, 10), "active": True})
        return scale

    @classmethod
    def _answer(cls, inspection, answers):
        """``answers``: {item: value} where value is yes/no/na or a number."""
        for item, value in answers.items():
            line = inspection.line_ids.filtered(lambda line, item=item: line.item_id == item)
            field = "answer_number" if item.answer_type == "number" else "answer_yes_no"
            line.write({field: value})

    @classmethod
    def _started_inspection(cls, **kwargs):
        inspection = cls._create_inspection(**kwargs)
        inspection.action_start()
        return inspection
