# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.fields import Command

from .common import GenderEqualityCommon


class GenderEqualityPlanCommon(GenderEqualityCommon):
    """A plan of unit A for 2026 with three activities, prepared by user A."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.Plan = cls.env["gender.equality.plan"]
        cls.Task = cls.env["gender.equality.task"]
        cls.Review = cls.env["gender.equality.approval.review"]
        cls.area_information = ref("gender_equality_plan.gender_equality_area_information")
        cls.area_education = ref("gender_equality_plan.gender_equality_area_education")
        cls.type_dissemination = ref("gender_equality_plan.gender_equality_activity_type_dissemination")
        cls.type_article = ref("gender_equality_plan.gender_equality_activity_type_web_article")
        cls.type_other = ref("gender_equality_plan.gender_equality_activity_type_other")
        cls.funding_state = ref("gender_equality_plan.gender_equality_funding_source_state")
        cls.stage_unit = ref("gender_equality_plan.gender_equality_approval_stage_plan_unit")
        cls.stage_department = ref("gender_equality_plan.gender_equality_approval_stage_plan_department")
        cls.plan = (
            cls.Plan.with_user(cls.user_a)
            .create(
                {
                    "unit_id": cls.unit_a.id,
                    "year": 2026,
                    "task_ids": [
                        Command.create(cls._task_vals("Phổ biến Luật Bình đẳng giới", date(2026, 3, 5))),
                        Command.create(cls._task_vals("Nói chuyện chuyên đề 20/10", date(2026, 10, 20))),
                        Command.create(
                            cls._task_vals(
                                "Mít tinh Tháng hành động",
                                date(2026, 11, 16),
                                date(2026, 11, 20),
                                area=cls.area_education,
                                activity_type=cls.type_article,
                            )
                        ),
                    ],
                }
            )
            .with_user(cls.env.user)
        )
        cls.task_dissemination = cls.plan.task_ids[0]

    @classmethod
    def _task_vals(cls, name, date_start, date_end=None, area=None, activity_type=None, **vals):
        return {
            "name": name,
            "area_id": (area or cls.area_information).id,
            "activity_type_id": (activity_type or cls.type_dissemination).id,
            "date_start": date_start,
            "date_end": date_end or date_start,
            "funding_source_id": cls.funding_state.id,
            "planned_budget": 1_000_000,
            "target_group": "staff",
            **vals,
        }

    def _submit(self, plan=None, user=None):
        return (plan or self.plan).with_user(user or self.user_a).action_submit()

    @classmethod
    def _approve_plan(cls, plan, user=None, manager=None):
        plan.with_user(user or cls.user_a).action_submit()
        plan.with_user(manager or cls.manager_a).action_approve()
        plan.with_user(cls.dept_manager).action_approve()

    def _approve_all(self, plan=None):
        self._approve_plan(plan or self.plan)

    def _reviews(self, plan=None):
        return self.Review.search(
            [("res_model", "=", "gender.equality.plan"), ("res_id", "=", (plan or self.plan).id)],
            order="round, sequence, id",
        )
