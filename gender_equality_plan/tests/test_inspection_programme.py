# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The annual inspection programme (Kế hoạch kiểm tra năm, plan section III.6): its approval
chain, the inspections it schedules, what it shows as done, late or not started, and who may
read and change it."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_affiliated import AffiliatedCommon


class ProgrammeCommon(AffiliatedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Programme = cls.env["gender.equality.inspection.programme"]
        ref = cls.env.ref
        cls.stage_programme_unit = ref("gender_equality_plan.gender_equality_approval_stage_programme_unit")
        cls.stage_programme_department = ref(
            "gender_equality_plan.gender_equality_approval_stage_programme_department"
        )

    @classmethod
    def _department_programme(cls, **vals):
        """The Department's programme of 2026, prepared by an inspector: units A and B."""
        return cls.Programme.with_user(cls.inspector).create(
            {
                "unit_id": cls.department.id,
                "year": 2026,
                "inspection_type": "inspection",
                "inspection_category": "specialised",
                "checklist_id": cls.checklist.id,
                "leader_id": cls.inspector.id,
                "scope": "Công tác truyền thông về bình đẳng giới",
                "line_ids": [
                    Command.create({"unit_id": cls.unit_a.id, "planned_date": date(2026, 3, 10)}),
                    Command.create(
                        {"unit_id": cls.unit_b.id, "planned_date": date(2026, 6, 10), "note": "Kết hợp"}
                    ),
                ],
                **vals,
            }
        )

    @classmethod
    def _unit_programme(cls, **vals):
        """Unit A's programme of 2026, prepared by its officer: its affiliated units A1 and A2."""
        return cls.Programme.with_user(cls.user_a).create(
            {
                "unit_id": cls.unit_a.id,
                "year": 2026,
                "inspection_type": "inspection",
                "checklist_id": cls.checklist.id,
                "line_ids": [
                    Command.create({"unit_id": cls.unit_a1.id, "planned_date": date(2026, 4, 1)}),
                    Command.create({"unit_id": cls.unit_a2.id, "planned_date": date(2026, 9, 1)}),
                ],
                **vals,
            }
        )

    @classmethod
    def _approved(cls, programme, submitter, approver):
        programme.with_user(submitter).action_submit()
        programme.with_user(approver).action_approve()
        return programme.with_user(cls.env.user)


@tagged("post_install", "-at_install")
class TestProgrammeWorkflow(ProgrammeCommon):
    def test_the_departments_programme_is_approved_by_the_department_manager(self):
        programme = self._department_programme()
        programme.with_user(self.inspector).action_submit()
        self.assertEqual(programme.state, "submitted")
        self.assertEqual(programme.approval_stage_id, self.stage_programme_department)
        self.assertFalse(programme.with_user(self.manager_a).can_approve)
        programme.with_user(self.dept_manager).action_approve()
        self.assertEqual(programme.state, "approved")
        self.assertEqual(programme.review_ids.mapped("state"), ["approved"])

    def test_the_approved_programme_schedules_its_inspections(self):
        programme = self._approved(self._department_programme(), self.inspector, self.dept_manager)
        inspections = programme.inspection_ids.sorted("planned_date")
        self.assertEqual(inspections.unit_id, self.unit_a | self.unit_b)
        self.assertEqual(inspections.programme_line_id, programme.line_ids)
        self.assertEqual(programme.line_ids.inspection_id, inspections)
        first = inspections[0]
        self.assertEqual(
            (first.inspection_type, first.inspection_category, first.year, first.planned_date, first.state),
            ("inspection", "specialised", 2026, date(2026, 3, 10), "draft"),
        )
        self.assertEqual(first.inspecting_unit_id, self.department)
        self.assertEqual((first.checklist_id, first.leader_id), (self.checklist, self.inspector))
        self.assertEqual(inspections[1].scope, "Công tác truyền thông về bình đẳng giới\nKết hợp")
        self.assertEqual(programme.unscheduled_count, 0)

    def test_a_units_programme_is_approved_by_its_head(self):
        programme = self._unit_programme()
        programme.with_user(self.user_a).action_submit()
        self.assertEqual(programme.approval_stage_id, self.stage_programme_unit)
        self.assertFalse(programme.with_user(self.dept_manager).can_approve)
        with self.assertRaises(AccessError):
            programme.with_user(self.manager_b).action_approve()
        programme.with_user(self.manager_a).action_approve()
        self.assertEqual(programme.state, "approved")
        self.assertEqual(programme.inspection_ids.unit_id, self.unit_a1 | self.unit_a2)
        self.assertEqual(programme.inspection_ids.inspecting_unit_id, self.unit_a)

    def test_a_programme_without_units_cannot_be_submitted(self):
        programme = self._unit_programme(line_ids=[])
        with self.assertRaisesRegex(UserError, "no unit to inspect"):
            programme.with_user(self.user_a).action_submit()

    def test_the_approved_programme_is_locked_but_records_its_signed_decision(self):
        programme = self._approved(self._unit_programme(), self.user_a, self.manager_a).with_user(self.user_a)
        with self.assertRaises(ValidationError):
            programme.write({"scope": "Nội dung khác"})
        with self.assertRaises(ValidationError):
            programme.line_ids[0].write({"planned_date": date(2026, 5, 1)})
        with self.assertRaises(ValidationError):
            programme.write(
                {"line_ids": [Command.create({"unit_id": self.unit_a1.id, "planned_date": date(2026, 5, 1)})]}
            )
        programme.write(
            {"decision_number": "12/QĐ-TTYT", "decision_date": date(2026, 1, 20), "signer_title": "GIÁM ĐỐC"}
        )
        self.assertEqual(programme.decision_number, "12/QĐ-TTYT")

    def test_a_returned_programme_is_corrected_and_approved_again(self):
        programme = self._unit_programme()
        programme.with_user(self.user_a).action_submit()
        programme.with_user(self.manager_a).action_return("Thiếu nội dung kiểm tra")
        self.assertEqual(programme.state, "returned")
        programme.with_user(self.user_a).write({"scope": "Công tác truyền thông"})
        self._approved(programme, self.user_a, self.manager_a)
        self.assertEqual(programme.state, "approved")
        self.assertEqual(len(programme.inspection_ids), 2)

    def test_a_reopened_programme_moves_its_inspections_not_started(self):
        programme = self._approved(self._department_programme(), self.inspector, self.dept_manager)
        started = programme.line_ids[0].inspection_id
        started.with_user(self.inspector).action_start()
        programme.with_user(self.dept_manager).action_reopen("Lùi lịch kiểm tra")
        programme.line_ids.with_user(self.inspector).write({"planned_date": date(2026, 10, 1)})
        self._approved(programme, self.inspector, self.dept_manager)
        self.assertEqual(len(programme.inspection_ids), 2, "no inspection twice")
        self.assertEqual(programme.line_ids[1].inspection_id.planned_date, date(2026, 10, 1))
        self.assertEqual(started.planned_date, date(2026, 3, 10), "a started inspection keeps its date")

    def test_cancelling_an_approved_programme_cancels_its_inspections_not_started(self):
        programme = self._approved(self._department_programme(), self.inspector, self.dept_manager)
        started = programme.line_ids[0].inspection_id
        started.with_user(self.inspector).action_start()
        with self.assertRaises(AccessError):
            programme.with_user(self.inspector).action_cancel()
        programme.with_user(self.dept_manager).action_cancel()
        self.assertEqual(programme.state, "cancelled")
        self.assertEqual(programme.line_ids[1].inspection_ids.state, "cancelled")
        self.assertEqual(started.state, "in_progress")

    def test_cancelling_from_the_button_says_the_inspections_go_too(self):
        programme = self._approved(self._department_programme(), self.inspector, self.dept_manager)
        manager = self.dept_manager
        action = programme.with_user(manager).with_context(gep_confirm=True).action_cancel()
        self.assertEqual(programme.state, "approved", "asked first")
        wizard = (
            self.env["gender.equality.confirm.wizard"]
            .with_user(manager)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn("inspections that have not started are cancelled too", wizard.message)
        wizard.action_confirm()
        self.assertEqual(programme.state, "cancelled")
        self.assertEqual(programme.line_ids.inspection_ids.mapped("state"), ["cancelled", "cancelled"])

    def test_a_programme_that_went_to_its_approvers_is_not_deleted(self):
        draft = self._unit_programme()
        draft.with_user(self.user_a).unlink()
        self.assertFalse(draft.exists())
        submitted = self._unit_programme()
        submitted.with_user(self.user_a).action_submit()
        with self.assertRaisesRegex(UserError, "history is kept") as caught:
            submitted.with_user(self.user_a).unlink()
        self.assertEqual(caught.exception.gep_code, "kept")
        # Cancelled, then set back to draft: its reviews (and the inspections it scheduled) keep it.
        approved = self._approved(self._unit_programme(), self.user_a, self.manager_a)
        approved.with_user(self.dept_manager).action_cancel()
        approved.with_user(self.dept_manager).action_draft()
        with self.assertRaisesRegex(UserError, "Cancel it instead") as caught:
            approved.with_user(self.dept_manager).unlink()
        self.assertEqual(caught.exception.gep_code, "kept")

    def test_a_line_that_scheduled_an_inspection_stays(self):
        programme = self._approved(self._unit_programme(), self.user_a, self.manager_a)
        programme.with_user(self.dept_manager).action_reopen("Bỏ bớt một đơn vị")
        with self.assertRaisesRegex(UserError, "cancel the inspection"):
            programme.line_ids[0].with_user(self.user_a).unlink()

    def test_a_cancelled_inspection_is_scheduled_again(self):
        programme = self._approved(self._unit_programme(), self.user_a, self.manager_a)
        line = programme.line_ids[0]
        line.inspection_id.with_user(self.user_a).action_cancel()
        self.assertEqual(line.status, "cancelled")
        self.assertEqual(programme.unscheduled_count, 1)
        programme.with_user(self.user_a).action_schedule_inspections()
        self.assertEqual(line.inspection_id.state, "draft")
        self.assertEqual(len(line.inspection_ids), 2)
        self.assertEqual(programme.unscheduled_count, 0)


@tagged("post_install", "-at_install")
class TestProgrammeProgress(ProgrammeCommon):
    """What the programme shows: done, in progress, late or not started (Thanh Hóa dates)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.programme = cls._approved(cls._unit_programme(), cls.user_a, cls.manager_a)
        cls.line_a1, cls.line_a2 = cls.programme.line_ids.sorted("planned_date")

    def _statuses(self):
        self.programme.invalidate_recordset()
        self.programme.line_ids.invalidate_recordset()
        return [self.line_a1.status, self.line_a2.status]

    def test_before_the_planned_dates_nothing_is_late(self):
        with freeze_time("2026-03-31 16:59:00"):  # 23:59 on 31/3 in Thanh Hóa
            self.assertEqual(self._statuses(), ["not_started", "not_started"])
            self.assertEqual(self.programme.not_started_count, 2)

    def test_an_inspection_not_started_after_its_planned_date_is_late(self):
        with freeze_time("2026-04-01 17:00:00"):  # 00:00 on 2/4 in Thanh Hóa
            self.assertEqual(self._statuses(), ["late", "not_started"])
            self.assertEqual((self.programme.late_count, self.programme.not_started_count), (1, 1))

    def test_started_then_done(self):
        inspection = self.line_a1.inspection_id.with_user(self.user_a)
        inspection.action_start()
        with freeze_time("2026-07-01"):
            self.assertEqual(self._statuses(), ["in_progress", "not_started"])
            self._answer(inspection, {self.item_plan: "yes"})
            inspection.action_done()
            self.assertEqual(self._statuses(), ["done", "not_started"])
            self.assertEqual(self.programme.done_count, 1)
            self.assertEqual(self.programme.progress_rate, 50.0)


@tagged("post_install", "-at_install")
class TestProgrammeRules(ProgrammeCommon):
    def test_a_units_programme_covers_its_affiliated_units_only(self):
        def line(unit):
            return [Command.create({"unit_id": unit.id, "planned_date": date(2026, 5, 1)})]

        with self.assertRaisesRegex(ValidationError, "cannot inspect itself"):
            self._unit_programme(line_ids=line(self.unit_a))
        # Units that are not its affiliated units: the unit does not even see them...
        for unit in (self.unit_b, self.department):
            with self.subTest(unit=unit.name), self.assertRaises(AccessError):
                self._unit_programme(line_ids=line(unit))
        # ...and the Department cannot put them in the unit's programme either.
        with self.assertRaisesRegex(ValidationError, "affiliated units only"):
            self.Programme.with_user(self.dept_manager).create(
                {
                    "unit_id": self.unit_a.id,
                    "year": 2026,
                    "inspection_type": "inspection",
                    "line_ids": line(self.unit_b),
                }
            )

    def test_a_units_programme_of_self_inspections_covers_the_unit_itself(self):
        programme = self._unit_programme(
            inspection_type="self",
            line_ids=[Command.create({"unit_id": self.unit_a.id, "planned_date": date(2026, 5, 1)})],
        )
        self._approved(programme, self.user_a, self.manager_a)
        self.assertEqual(programme.inspection_ids.inspection_type, "self")
        self.assertEqual(programme.inspection_ids.inspecting_unit_id, self.unit_a)
        with self.assertRaises(ValidationError):
            self._unit_programme(inspection_type="self")

    def test_formal_inspections_are_the_departments(self):
        """Before 1/7/2025 the Department's inspectorate planned its thanh tra; since Luật Thanh
        tra 84/2025/QH15, nobody in the sector does."""
        with self.assertRaisesRegex(ValidationError, "formal inspections"):
            self._unit_programme(
                inspection_type="audit",
                year=2024,
                line_ids=[Command.create({"unit_id": self.unit_a1.id, "planned_date": date(2024, 4, 1)})],
            )
        programme = self._approved(
            self._department_programme(
                inspection_type="audit",
                year=2024,
                line_ids=[Command.create({"unit_id": self.unit_a.id, "planned_date": date(2024, 3, 10)})],
            ),
            self.inspector,
            self.dept_manager,
        )
        self.assertEqual(set(programme.inspection_ids.mapped("inspection_type")), {"audit"})
        self.assertFalse(programme.inspection_ids.is_external)
        with self.assertRaisesRegex(ValidationError, "outside the health sector"):
            self._department_programme(inspection_type="audit")

    def test_planned_dates_fall_in_the_year_of_the_programme(self):
        with self.assertRaisesRegex(ValidationError, "2026"):
            self._unit_programme(
                line_ids=[Command.create({"unit_id": self.unit_a1.id, "planned_date": date(2027, 1, 5)})]
            )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_a_unit_prepares_its_own_programme_only(self):
        with self.assertRaises(AccessError):
            self.Programme.with_user(self.user_b).create(
                {"unit_id": self.unit_a.id, "year": 2026, "inspection_type": "self"}
            )

    def test_an_inspection_matches_the_line_that_schedules_it(self):
        programme = self._approved(self._unit_programme(), self.user_a, self.manager_a)
        line_a1 = programme.line_ids.filtered(lambda line: line.unit_id == self.unit_a1)
        with self.assertRaisesRegex(ValidationError, "does not match"):
            self._inspection_of_a1(inspection_type="supervision", programme_line_id=line_a1.id)
        with self.assertRaisesRegex(ValidationError, "already schedules"):
            self._inspection_of_a1(programme_line_id=line_a1.id)

    def test_an_inspection_stays_on_its_line(self):
        programme = self._approved(self._unit_programme(), self.user_a, self.manager_a)
        line_a1, line_a2 = programme.line_ids.sorted("planned_date")
        with self.assertRaises(AccessError):
            line_a1.inspection_id.with_user(self.user_a).write({"programme_line_id": line_a2.id})


@tagged("post_install", "-at_install")
class TestProgrammeAccess(ProgrammeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_programme = cls._unit_programme()
        cls.department_programme = cls._department_programme()

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_another_unit_sees_nothing_of_a_units_programme(self):
        self.env.invalidate_all()
        Programme = self.Programme.with_user(self.user_b)
        self.assertFalse(Programme.search([("id", "=", self.unit_programme.id)]))
        with self.assertRaises(AccessError):
            self.unit_programme.with_user(self.user_b).read(["name"])
        Line = self.env["gender.equality.inspection.programme.line"].with_user(self.user_b)
        self.assertFalse(Line.search([("programme_id", "=", self.unit_programme.id)]))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_a_covered_unit_reads_the_programme_and_its_own_line_only(self):
        # As in a request: nothing read as another user is in the cache.
        self.env.invalidate_all()
        programme = self.department_programme.with_user(self.user_b)
        self.assertEqual(programme.read(["name"])[0]["name"], self.department_programme.name)
        self.assertEqual(programme.line_ids.unit_id, self.unit_b)
        with self.assertRaises(AccessError):
            programme.write({"scope": "Sửa"})
        # An affiliated unit reads its parent's programme that covers it, and its own line.
        self.env.invalidate_all()
        self.assertEqual(self.unit_programme.with_user(self.user_a1).line_ids.unit_id, self.unit_a1)

    def test_inspectors_and_the_department_manage_every_programme(self):
        for user in (self.inspector, self.dept_user):
            with self.subTest(user=user.login):
                self.unit_programme.with_user(user).write({"purpose": "<p>Mục đích</p>"})
