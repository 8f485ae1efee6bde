# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import new_test_user

from .plan_common import GenderEqualityPlanCommon


class ReportCommon(GenderEqualityPlanCommon):
    """Three expected units (the demo units are archived) and their 2026 records.

    Unit A: an approved plan; two dissemination sessions and an Action-Month activity done,
    a cancelled session; a 2025 plan with a session done in 2025 (does not count in 2026);
    a self-inspection done, a supervision cancelled; a corrective action open and overdue,
    another cancelled; awareness 50% in 2025, 60% in 2026; indicator set: pilot.
    Unit B: an approved plan with one session done and an Action-Month activity not done;
    an inspection by the Department done; a corrective action open, due in 2027; indicator
    set: official. Unit C: nothing.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["gender.equality.report"]
        cls.Unit.search(
            [("id", "not in", (cls.unit_a | cls.unit_b).ids), ("unit_type", "!=", "department")]
        ).action_archive()
        cls.unit_c = cls.Unit.create(
            {"name": "Unit C", "code": "TEST-C", "unit_type": "health_centre", "parent_id": cls.department.id}
        )
        cls.user_c = new_test_user(cls.env, "gep_user_c", groups="gender_equality_plan.group_unit_user")
        cls.unit_c.user_ids = cls.user_c
        # Unit A, 2026: the plan of plan_common (sessions on 5/3 and 20/10, Action Month 16-20/11).
        cancelled = cls.Task.create(
            dict(cls._task_vals("Buổi bị hủy", date(2026, 6, 1)), plan_id=cls.plan.id)
        )
        cancelled.action_cancel()
        cls._approve_plan(cls.plan)
        session_1, session_2, action_month = cls.plan.task_ids.filtered(
            lambda task: task.state != "cancelled"
        )
        cls._done(session_1, date(2026, 3, 5), 10, 20)
        cls._done(session_2, date(2026, 10, 20), 5, 7)
        cls._done(action_month, date(2026, 11, 16), 3, 4)
        cls.task_action_month_a = action_month
        # Unit A, 2025: a session done in 2025.
        plan_2025 = cls.Plan.create(
            {
                "unit_id": cls.unit_a.id,
                "year": 2025,
                "task_ids": [Command.create(cls._task_vals("Phổ biến 2025", date(2025, 5, 5)))],
            }
        )
        cls._approve_plan(plan_2025)
        cls._done(plan_2025.task_ids, date(2025, 5, 5), 100, 100)
        # Unit B, 2026: an approved plan.
        cls.plan_b = cls.Plan.create(
            {
                "unit_id": cls.unit_b.id,
                "year": 2026,
                "task_ids": [
                    Command.create(cls._task_vals("Phổ biến B", date(2026, 4, 1))),
                    Command.create(cls._task_vals("Tháng hành động B", date(2026, 11, 20))),
                ],
            }
        )
        cls._approve_plan(cls.plan_b, cls.user_b, cls.manager_b)
        cls._done(cls.plan_b.task_ids[0], date(2026, 4, 1), 1, 1)
        # Inspections and corrective actions.
        Inspection = cls.env["gender.equality.inspection"]
        cls.inspection_a = Inspection.create(
            {"unit_id": cls.unit_a.id, "inspection_type": "self", "year": 2026}
        )
        cls.inspection_a.action_start()
        cls.inspection_a.action_done()
        cls.inspection_b = Inspection.create(
            {"unit_id": cls.unit_b.id, "inspection_type": "inspection", "year": 2026}
        )
        cls.inspection_b.action_start()
        cls.inspection_b.action_done()
        supervision = Inspection.create(
            {"unit_id": cls.unit_a.id, "inspection_type": "supervision", "year": 2026}
        )
        supervision.action_cancel()
        Action = cls.env["gender.equality.corrective.action"]
        Action.create(
            [
                {
                    "name": "Overdue A",
                    "unit_id": cls.unit_a.id,
                    "inspection_id": cls.inspection_a.id,
                    "deadline": "2026-06-01",
                },
                {
                    "name": "Open B",
                    "unit_id": cls.unit_b.id,
                    "inspection_id": cls.inspection_b.id,
                    "deadline": "2027-03-01",
                },
            ]
        )
        Action.create(
            {"name": "Cancelled A", "unit_id": cls.unit_a.id, "inspection_id": cls.inspection_a.id}
        ).action_cancel("Trùng với biện pháp khác")
        # Awareness and the indicator set.
        cls.env["gender.equality.awareness.survey"].create(
            [
                cls._survey_vals(cls.unit_a, 2025, 25),
                cls._survey_vals(cls.unit_a, 2026, 30),
            ]
        )
        # Both are communication units; the Department confirmed their statuses.
        (cls.unit_a | cls.unit_b).has_communication_duty = True
        evidence = [Command.create({"name": "quyet-dinh.pdf", "raw": b"%PDF"})]
        statuses = cls.env["gender.equality.indicator.status"].create(
            [
                {"unit_id": cls.unit_a.id, "year": 2026, "status": "pilot", "attachment_ids": evidence},
                {"unit_id": cls.unit_b.id, "year": 2026, "status": "official", "attachment_ids": evidence},
            ]
        )
        statuses.action_submit()
        statuses.with_user(cls.dept_user).action_approve()

    @classmethod
    def _done(cls, task, day, male, female):
        task.write(
            {
                "actual_date_start": day,
                "actual_date_end": day,
                "participants_male": male,
                "participants_female": female,
                "attachment_ids": [Command.create({"name": "bien-ban.pdf", "raw": b"minutes"})],
            }
        )
        task.action_done()

    @classmethod
    def _survey_vals(cls, unit, year, correct_each):
        return {
            "unit_id": unit.id,
            "year": year,
            "target_group": "patients_families",
            "respondents_male": 50,
            "respondents_female": 50,
            "correct_male": correct_each,
            "correct_female": correct_each,
        }

    @classmethod
    def _new_report(cls, unit=None, user=None, year=2026):
        """A report of ``unit`` with its narrative of results (a report is submitted with it)."""
        unit = unit or cls.unit_a
        user = user or (cls.user_a if unit == cls.unit_a else cls.user_b)
        return cls.Report.with_user(user).create({"unit_id": unit.id, "year": year, "results": RESULTS})

    @classmethod
    def _submit_at(cls, report, moment, user=None, forward=True):
        """Submit ``report`` at ``moment`` (UTC); with ``forward``, its head of unit forwards it to
        the Department at once, so that the Department receives it at ``moment``."""
        with freeze_time(moment):
            report.with_user(user or cls._member(report)).action_submit()
            if forward:
                report.with_user(cls._head(report)).action_approve()

    @classmethod
    def _accept(cls, report):
        if not report.approval_stage_id.receives_for_department:
            report.with_user(cls._head(report)).action_approve()
        report.with_user(cls.dept_user).action_approve()

    @classmethod
    def _head(cls, report):
        return cls.manager_a if report.unit_id == cls.unit_a else cls.manager_b

    @classmethod
    def _member(cls, report):
        return {cls.unit_a: cls.user_a, cls.unit_b: cls.user_b, cls.unit_c: cls.user_c}[report.unit_id]


# The narrative of results that a report is submitted with (section V: the unit reports its results).
RESULTS = "<p>Đơn vị đã triển khai các hoạt động truyền thông theo kế hoạch.</p>"


def utc(*args):
    return datetime(*args)
