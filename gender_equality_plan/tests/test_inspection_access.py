# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_inspection import InspectionCommon


@tagged("post_install", "-at_install")
class TestInspectionCreateRights(InspectionCommon):
    def test_unit_user_creates_self_inspection_of_own_unit(self):
        inspection = self._create_inspection(user=self.user_a)
        self.assertEqual(inspection.unit_id, self.unit_a)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_unit_user_cannot_create_self_inspection_of_another_unit(self):
        with self.assertRaises(AccessError):
            self._create_inspection(unit=self.unit_b, user=self.user_a)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_unit_user_cannot_create_an_inspection_by_the_department(self):
        for inspection_type in ("inspection", "supervision"):
            with self.subTest(type=inspection_type), self.assertRaises(AccessError):
                self._create_inspection(inspection_type=inspection_type, user=self.manager_a)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_unit_user_cannot_turn_a_self_inspection_into_an_inspection(self):
        inspection = self._create_inspection(user=self.user_a)
        with self.assertRaises(AccessError):
            inspection.with_user(self.user_a).inspection_type = "inspection"

    def test_inspector_and_department_create_any_type_for_any_unit(self):
        for user in (self.inspector, self.dept_user):
            for inspection_type in ("self", "inspection", "supervision"):
                with self.subTest(user=user.login, type=inspection_type):
                    self._create_inspection(unit=self.unit_b, inspection_type=inspection_type, user=user)

    def test_unit_user_runs_a_self_inspection(self):
        inspection = self._create_inspection(user=self.user_a).with_user(self.user_a)
        inspection.action_start()
        self._answer(inspection, {self.item_plan: "no"})
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(len(inspection.corrective_action_ids), 1)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_unit_user_cannot_answer_an_inspection_by_the_department(self):
        inspection = self._started_inspection(inspection_type="inspection")
        with self.assertRaises(AccessError):
            inspection.line_ids[0].with_user(self.user_a).answer_yes_no = "yes"


@tagged("post_install", "-at_install")
class TestInspectionIsolation(InspectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspection_a = cls._started_inspection(unit=cls.unit_a, inspection_type="inspection")
        cls.inspection_b = cls._started_inspection(unit=cls.unit_b, inspection_type="inspection")
        for inspection in cls.inspection_a | cls.inspection_b:
            cls._answer(inspection, {cls.item_plan: "no"})
            inspection.action_done()
        cls.action_a = cls.inspection_a.corrective_action_ids
        cls.action_b = cls.inspection_b.corrective_action_ids
        Attachment = cls.env["ir.attachment"]
        cls.attachments = {}
        for record in (cls.inspection_a, cls.inspection_b, cls.action_a, cls.action_b):
            cls.attachments[record] = Attachment.create(
                {"name": "evidence.txt", "raw": b"evidence", "res_model": record._name, "res_id": record.id}
            )
        cls.line_b = cls.inspection_b.line_ids[0]
        cls.line_b.attachment_ids = Attachment.create(
            {"name": "answer.txt", "raw": b"answer", "res_model": cls.line_b._name, "res_id": cls.line_b.id}
        )

    def test_unit_user_reads_own_unit_inspection_not_others(self):
        Inspection = self.Inspection.with_user(self.user_a)
        found = Inspection.search([("id", "in", (self.inspection_a | self.inspection_b).ids)])
        self.assertEqual(found, self.inspection_a)
        self.inspection_a.with_user(self.user_a).read(["score"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_unit_user_cannot_read_other_unit_inspection(self):
        with self.assertRaises(AccessError):
            self.inspection_b.with_user(self.user_a).read(["score"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_unit_user_cannot_write_other_unit_inspection(self):
        with self.assertRaises(AccessError):
            self.inspection_b.with_user(self.manager_a).write({"scope": "x"})

    def test_read_group_only_counts_own_unit(self):
        groups = self.Inspection.with_user(self.user_a)._read_group(
            [("id", "in", (self.inspection_a | self.inspection_b).ids)], ["unit_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.unit_a, 1)])

    def test_answer_lines_are_isolated(self):
        Line = self.env["gender.equality.inspection.line"].with_user(self.user_a)
        lines = Line.search([("inspection_id", "in", (self.inspection_a | self.inspection_b).ids)])
        self.assertEqual(lines.inspection_id, self.inspection_a)
        groups = Line._read_group(
            [("unit_id", "in", (self.unit_a | self.unit_b).ids)], ["unit_id"], ["__count"]
        )
        self.assertEqual([unit for unit, __ in groups], [self.unit_a])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_other_unit_answer_line_unreadable(self):
        with self.assertRaises(AccessError):
            self.line_b.with_user(self.user_a).read(["question"])

    def test_corrective_actions_are_isolated(self):
        Action = self.Action.with_user(self.user_a)
        found = Action.search([("id", "in", (self.action_a | self.action_b).ids)])
        self.assertEqual(found, self.action_a)
        groups = Action._read_group(
            [("id", "in", (self.action_a | self.action_b).ids)], ["unit_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.unit_a, 1)])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_other_unit_corrective_action_unreadable_and_unwritable(self):
        with self.assertRaises(AccessError):
            self.action_b.with_user(self.user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.action_b.with_user(self.user_a).write({"evidence_note": "x"})

    def test_own_attachments_readable(self):
        for record in (self.inspection_a, self.action_a):
            self.attachments[record].with_user(self.user_a).read(["name"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_other_unit_attachments_unreadable(self):
        for attachment in (
            self.attachments[self.inspection_b],
            self.attachments[self.action_b],
            self.line_b.attachment_ids,
        ):
            with self.subTest(attachment=attachment.res_model), self.assertRaises(AccessError):
                attachment.with_user(self.user_a).read(["datas"])

    def test_other_unit_attachments_not_found(self):
        Attachment = self.env["ir.attachment"].with_user(self.user_a)
        found = Attachment.search([("id", "in", [a.id for a in self.attachments.values()])])
        self.assertEqual(found, self.attachments[self.inspection_a] | self.attachments[self.action_a])

    def test_inspector_reads_every_unit(self):
        found = self.Inspection.with_user(self.inspector).search(
            [("id", "in", (self.inspection_a | self.inspection_b).ids)]
        )
        self.assertEqual(found, self.inspection_a | self.inspection_b)
