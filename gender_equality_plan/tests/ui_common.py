# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user

PREFIX = "gender_equality_plan."


class UiTourCommon(HttpCase):
    """A unit of its own and a user of every role, working in Vietnamese as the demo users do,
    for the browser tours (``start_tour``). The report of the year is due in 9 days, whatever
    today is. Desktop size (1366×768); the phone classes set ``browser_size`` and ``touch_enabled``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = fields.Date.today().year
        ref = cls.env.ref
        # The users work in Vietnamese: the tours read the words they see.
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["gender_equality_plan"], ["vi_VN"])
        cls.department_unit = ref(PREFIX + "gender_equality_unit_department")
        cls.unit = cls.env["gender.equality.unit"].create(
            {"name": "Trung tâm Y tế Thử nghiệm", "code": "TOUR-1", "unit_type": "health_centre"}
        )

        def user(login, group, unit):
            # Logins of 8 characters or more: the password is the login (new_test_user).
            new = new_test_user(
                cls.env, login, groups=PREFIX + group, email=False, lang="vi_VN", tz="Asia/Ho_Chi_Minh"
            )
            unit.user_ids |= new
            return new

        cls.officer = user("gep_tour_officer", "group_unit_user", cls.unit)
        cls.head = user("gep_tour_head", "group_unit_manager", cls.unit)
        cls.inspector = user("gep_tour_inspector", "group_inspector", cls.department_unit)
        cls.department = user("gep_tour_department", "group_department_manager", cls.department_unit)
        cls.department_officer = user("gep_tour_dept_officer", "group_department_user", cls.department_unit)
        # The report of the year is due in 9 days, whatever today is.
        cls.env["gender.equality.report.period"].search([("year", "=", cls.year)]).unlink()
        cls.env["gender.equality.report.period"].create(
            {"year": cls.year, "deadline": fields.Date.today() + timedelta(days=9)}
        )
        cls.area = ref(PREFIX + "gender_equality_area_information")
        cls.type_session = ref(PREFIX + "gender_equality_activity_type_dissemination")
        cls.type_training = ref(PREFIX + "gender_equality_activity_type_training")

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    def _plan(self, year, names=("Phổ biến Luật Bình đẳng giới",), user=None):
        return (
            self.env["gender.equality.plan"]
            .with_user(user or self.officer)
            .create(
                {
                    "unit_id": self.unit.id,
                    "year": year,
                    "task_ids": [
                        Command.create(
                            {
                                "name": name,
                                "area_id": self.area.id,
                                "activity_type_id": self.type_session.id,
                                "target_group": "staff",
                                "date_start": date(year, 3, 5 + index),
                                "date_end": date(year, 3, 5 + index),
                                "planned_budget": 2_000_000,
                            }
                        )
                        for index, name in enumerate(names)
                    ],
                }
            )
            .with_user(self.env.user)
        )

    def _approved_plan(self, year):
        plan = self._plan(year, names=("Phổ biến Luật Bình đẳng giới", "Tập huấn cán bộ truyền thông"))
        plan.with_user(self.officer).action_submit()
        plan.with_user(self.head).action_approve()
        plan.with_user(self.department).action_approve()
        return plan

    def _inspection(self, checklist, **vals):
        """An inspection of the tours' unit by the Department, planned by its inspector."""
        return (
            self.env["gender.equality.inspection"]
            .with_user(self.inspector)
            .create(
                {
                    "unit_id": self.unit.id,
                    "inspection_type": "inspection",
                    "year": self.year,
                    "checklist_id": checklist.id,
                    "leader_id": self.inspector.id,
                    **vals,
                }
            )
        )

    def _action(self, xmlid, suffix=""):
        return f"/odoo/action-gender_equality_plan.{xmlid}{suffix}"

    def _tour(self, url, tour, login):
        self.start_tour(url, tour, login=login.login)
