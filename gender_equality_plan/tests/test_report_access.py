# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .report_common import ReportCommon


@tagged("post_install", "-at_install")
class TestReportAccess(ReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report_a = cls._new_report()
        cls.report_a.with_user(cls.user_a).action_compile()
        cls.attachment_a = cls.env["ir.attachment"].create(
            {
                "name": "bao-cao.pdf",
                "raw": b"report",
                "res_model": cls.Report._name,
                "res_id": cls.report_a.id,
            }
        )
        cls.survey_a = cls.env["gender.equality.awareness.survey"].search(
            [("unit_id", "=", cls.unit_a.id)], limit=1
        )
        cls.status_a = cls.env["gender.equality.indicator.status"].search([("unit_id", "=", cls.unit_a.id)])

    def test_other_unit_does_not_see_the_report(self):
        self.assertFalse(self.Report.with_user(self.user_b).search([("id", "=", self.report_a.id)]))
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.user_b).read(["name"])

    def test_other_unit_does_not_see_the_figures(self):
        Line = self.env["gender.equality.report.line"].with_user(self.user_b)
        self.assertFalse(Line.search([("report_id", "=", self.report_a.id)]))

    def test_other_unit_cannot_create_a_report_for_it(self):
        with self.assertRaises(AccessError):
            self.Report.with_user(self.user_b).create({"unit_id": self.unit_a.id, "year": 2027})

    def test_other_unit_does_not_see_surveys_and_statuses(self):
        Survey = self.env["gender.equality.awareness.survey"].with_user(self.user_b)
        Status = self.env["gender.equality.indicator.status"].with_user(self.user_b)
        self.assertFalse(Survey.search([("id", "=", self.survey_a.id)]))
        self.assertFalse(Status.search([("id", "=", self.status_a.id)]))
        with self.assertRaises(AccessError):
            self.survey_a.with_user(self.user_b).write({"note": "x"})

    def test_other_unit_cannot_read_the_attachments(self):
        with self.assertRaises(AccessError):
            self.attachment_a.with_user(self.user_b).read(["datas"])

    def test_members_read_their_attachments(self):
        self.assertTrue(self.attachment_a.with_user(self.user_a).read(["datas"]))

    def test_inspector_reads_but_does_not_write(self):
        self.assertTrue(self.report_a.with_user(self.inspector).read(["name"]))
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.inspector).write({"results": "<p>x</p>"})

    def test_department_reads_every_report_but_does_not_edit(self):
        reports = self.Report.with_user(self.dept_user).search(
            [("year", "=", 2026), ("unit_id", "in", (self.unit_a | self.unit_b).ids)]
        )
        self.assertEqual(reports, self.report_a)
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.dept_user).write({"results": "<p>x</p>"})

    def test_unit_user_cannot_open_the_consolidation(self):
        with self.assertRaises(AccessError):
            self.env["gender.equality.consolidation"].with_user(self.user_a).create({"year": 2026})
