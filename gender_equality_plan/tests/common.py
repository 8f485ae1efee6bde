# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class GenderEqualityCommon(TransactionCase):
    """Two units with their officers and heads, an inspector and the Department's users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Unit = cls.env["gender.equality.unit"]
        cls.department = cls.env.ref("gender_equality_plan.gender_equality_unit_department")
        cls.unit_a, cls.unit_b = cls.Unit.create(
            [
                {
                    "name": "Unit A",
                    "code": "TEST-A",
                    "unit_type": "health_centre",
                    "parent_id": cls.department.id,
                },
                {
                    "name": "Unit B",
                    "code": "TEST-B",
                    "unit_type": "area_hospital",
                    "parent_id": cls.department.id,
                },
            ]
        )
        prefix = "gender_equality_plan."
        cls.user_a = new_test_user(cls.env, "gep_user_a", groups=prefix + "group_unit_user")
        cls.manager_a = new_test_user(cls.env, "gep_manager_a", groups=prefix + "group_unit_manager")
        cls.user_b = new_test_user(cls.env, "gep_user_b", groups=prefix + "group_unit_user")
        cls.manager_b = new_test_user(cls.env, "gep_manager_b", groups=prefix + "group_unit_manager")
        cls.inspector = new_test_user(cls.env, "gep_inspector", groups=prefix + "group_inspector")
        cls.dept_user = new_test_user(cls.env, "gep_dept_user", groups=prefix + "group_department_user")
        cls.dept_manager = new_test_user(
            cls.env, "gep_dept_manager", groups=prefix + "group_department_manager"
        )
        cls.unit_a.user_ids = cls.user_a | cls.manager_a
        cls.unit_b.user_ids = cls.user_b | cls.manager_b
        cls.department.user_ids |= cls.dept_user | cls.dept_manager
        # An inspection starts with a checklist: the tests that do not choose one get a default
        # checklist of one optional question, which changes neither scores nor corrective actions.
        Checklist = cls.env["gender.equality.checklist"]
        Checklist.search([("is_default", "=", True)]).is_default = False
        cls.default_checklist = Checklist.create(
            {"name": "Bảng kiểm mặc định của các bài kiểm thử", "code": "TEST-DEFAULT", "is_default": True}
        )
        cls.default_checklist.section_ids = [
            Command.create(
                {
                    "name": "Chung",
                    "item_ids": [
                        Command.create(
                            {
                                "checklist_id": cls.default_checklist.id,
                                "question": "Ghi chú chung",
                                "answer_type": "text",
                                "weight": 0,
                            }
                        )
                    ],
                }
            )
        ]
