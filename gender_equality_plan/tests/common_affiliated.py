# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from .common_inspection import InspectionCommon


class AffiliatedCommon(InspectionCommon):
    """Unit A has two affiliated units, A1 and A2 (commune health stations), each with an
    officer; A1 also has a head."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_a1, cls.unit_a2 = cls.Unit.create(
            [
                {
                    "name": "Station A1",
                    "code": "TEST-A1",
                    "unit_type": "health_station",
                    "parent_id": cls.unit_a.id,
                },
                {
                    "name": "Station A2",
                    "code": "TEST-A2",
                    "unit_type": "health_station",
                    "parent_id": cls.unit_a.id,
                },
            ]
        )
        prefix = "gender_equality_plan."
        cls.user_a1 = new_test_user(cls.env, "gep_user_a1", groups=prefix + "group_unit_user")
        cls.manager_a1 = new_test_user(cls.env, "gep_manager_a1", groups=prefix + "group_unit_manager")
        cls.user_a2 = new_test_user(cls.env, "gep_user_a2", groups=prefix + "group_unit_user")
        cls.unit_a1.user_ids = cls.user_a1 | cls.manager_a1
        cls.unit_a2.user_ids = cls.user_a2
        cls.stage_parent = cls.env.ref(
            "gender_equality_plan.gender_equality_approval_stage_inspection_parent"
        )
        cls.stage_department = cls.env.ref(
            "gender_equality_plan.gender_equality_approval_stage_inspection_department"
        )

    @classmethod
    def _inspection_of_a1(cls, user=None, **vals):
        """An inspection of A1 planned by unit A's officer (``user``)."""
        vals.setdefault("inspection_type", "inspection")
        return cls._create_inspection(
            unit=cls.unit_a1, user=user or cls.user_a, leader_id=cls.user_a.id, inspector_ids=[], **vals
        )

    def _recorded_inspection_of_a1(self, answers=None):
        """An inspection of A1 started, answered and recorded by unit A's officer."""
        inspection = self._inspection_of_a1().with_user(self.user_a)
        inspection.action_start()
        self._answer(
            inspection,
            answers or {self.item_plan: "yes", self.item_sessions: "no", self.item_report: "yes"},
        )
        inspection.action_done()
        return inspection.with_user(self.env.user)
