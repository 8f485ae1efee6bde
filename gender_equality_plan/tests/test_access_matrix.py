# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may create, read, write and delete each model (the access rights), and what a unit
sees of another unit's records through every door: search, read, read_group, name_search,
export, attachments, chatter messages and report routes."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .field_policy import ROLES
from .integrity_common import IntegrityCommon

MASTER = {"unit_user": "r", "unit_manager": "r", "inspector": "r", "dept_user": "r", "dept_manager": "crwu"}
UNIT_RECORD = {
    "unit_user": "crwu",
    "unit_manager": "crwu",
    "inspector": "r",
    "dept_user": "r",
    "dept_manager": "crwu",
}
INSPECTION_RECORD = {"inspector": "crwu", "dept_user": "crwu", "dept_manager": "crwu"}
EVERYONE = {
    "unit_user": "crwu",
    "unit_manager": "crwu",
    "inspector": "crwu",
    "dept_user": "crwu",
    "dept_manager": "crwu",
}
ACCESS = {
    "gender.equality.unit": MASTER,
    "gender.equality.area": MASTER,
    "gender.equality.activity.type": MASTER,
    "gender.equality.funding.source": MASTER,
    "gender.equality.objective": MASTER,
    # Units add their own days (record rules: theirs only); the Department's are shared.
    "gender.equality.observance": {**MASTER, "unit_user": "crwu", "unit_manager": "crwu"},
    "gender.equality.topic": MASTER,
    "gender.equality.grading.band": MASTER,
    "gender.equality.grading.scale": MASTER,
    "gender.equality.legal.basis": MASTER,
    "gender.equality.sector.setting": MASTER,
    "gender.equality.phase": MASTER,
    "gender.equality.observance.theme": MASTER,
    "gender.equality.approval.stage": MASTER,
    "gender.equality.checklist": MASTER,
    "gender.equality.checklist.section": MASTER,
    "gender.equality.checklist.item": MASTER,
    "gender.equality.report.period": MASTER,
    "gender.equality.approval.review": dict.fromkeys(MASTER, "r"),
    "gender.equality.plan": UNIT_RECORD,
    "gender.equality.task": UNIT_RECORD,
    "gender.equality.communication.product": UNIT_RECORD,
    "gender.equality.report": UNIT_RECORD,
    "gender.equality.report.supplement": UNIT_RECORD,
    "gender.equality.awareness.survey": UNIT_RECORD,
    "gender.equality.indicator.status": UNIT_RECORD,
    "gender.equality.report.line": dict.fromkeys(MASTER, "r"),
    # Unit roles: the self-inspections of their units (record rules); answers come from checklists.
    "gender.equality.inspection": {**INSPECTION_RECORD, "unit_user": "crw", "unit_manager": "crw"},
    "gender.equality.inspection.line": {
        "unit_user": "rw",
        "unit_manager": "rw",
        **dict.fromkeys(INSPECTION_RECORD, "rw"),
    },
    "gender.equality.inspection.violation": {
        **INSPECTION_RECORD,
        "unit_user": "crwu",
        "unit_manager": "crwu",
    },
    # Unit roles: their own unit's programmes (record rules), read the programmes that cover them.
    "gender.equality.inspection.programme": EVERYONE,
    "gender.equality.inspection.programme.line": EVERYONE,
    # Units carry corrective actions out; inspectors and the Department create them.
    "gender.equality.corrective.action": {**INSPECTION_RECORD, "unit_user": "rw", "unit_manager": "rw"},
    "gender.equality.consolidation": {"dept_user": "crwu", "dept_manager": "crwu"},
    # The Department's report upward and its recorded figures: the Department writes, inspectors
    # read, the units have no access.
    "gender.equality.sector.report": {"inspector": "r", "dept_user": "crwu", "dept_manager": "crwu"},
    "gender.equality.objective.result": {"inspector": "r", "dept_user": "crwu", "dept_manager": "crwu"},
    "gender.equality.multi.year": {"inspector": "crw", "dept_user": "crw", "dept_manager": "crw"},
    "gender.equality.home": dict.fromkeys(MASTER, "crw"),
    "gender.equality.reason.wizard": EVERYONE,
    "gender.equality.confirm.wizard": EVERYONE,
    "gender.equality.approval.batch.wizard": EVERYONE,
    "gender.equality.paper.approval.wizard": EVERYONE,
    # The signed documents are read through their records; administrators configure the digital
    # signatures (trusted roots, the bodies' certificates): no role of the application has rights.
    "gender.equality.document.upload.wizard": EVERYONE,
    "gender.equality.document": {},
    "gender.equality.trusted.root": {},
    "gender.equality.signing.certificate": {},
    "gender.equality.prepare.year.wizard": {"dept_manager": "crw"},
    "gender.equality.inspection.plan.wizard": INSPECTION_RECORD,
    "gender.equality.inspection.compare": EVERYONE,
    "gender.equality.inspection.compare.line": EVERYONE,
}
OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}
# Records of a unit, by model (the unit's own records, as another unit must not see them).
UNIT_MODELS = (
    "gender.equality.plan",
    "gender.equality.task",
    "gender.equality.communication.product",
    "gender.equality.inspection",
    "gender.equality.inspection.programme",
    "gender.equality.inspection.programme.line",
    "gender.equality.inspection.line",
    "gender.equality.inspection.violation",
    "gender.equality.corrective.action",
    "gender.equality.report",
    "gender.equality.report.line",
    "gender.equality.report.supplement",
    "gender.equality.awareness.survey",
    "gender.equality.indicator.status",
)


@tagged("post_install", "-at_install")
class TestAccessMatrix(IntegrityCommon):
    def test_every_model_is_in_the_matrix(self):
        models = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("gender.equality.") and not model._abstract
        }
        self.assertEqual(models, set(ACCESS))

    def test_access_rights_of_every_role(self):
        for model, rights in ACCESS.items():
            for role in ROLES:
                Model = self.env[model].with_user(self.users[role])
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model, role=role, operation=operation):
                        self.assertEqual(Model.has_access(operation), letter in rights.get(role, ""))

    def _unit_a_records(self, model):
        return self.env[model].search([("unit_id", "=", self.unit_a.id)])

    def test_another_unit_finds_nothing_of_unit_a(self):
        for model in UNIT_MODELS:
            records = self._unit_a_records(model)
            self.assertTrue(records, model)
            Model = self.env[model].with_user(self.user_b)
            with self.subTest(model=model, door="search"):
                self.assertFalse(Model.search([("id", "in", records.ids)]))
            with self.subTest(model=model, door="read_group"):
                groups = Model._read_group([], ["unit_id"], ["__count"])
                self.assertFalse({unit.id for unit, __ in groups} - set(self.unit_b.ids))
            with self.subTest(model=model, door="name_search"):
                found = {record_id for record_id, __ in Model.name_search("", limit=1000)}
                self.assertFalse(found & set(records.ids))
            with self.subTest(model=model, door="search_read"):
                self.assertFalse(Model.search_read([("unit_id", "=", self.unit_a.id)], ["id"]))

    def test_another_unit_cannot_read_or_export_unit_a(self):
        self.user_b.groups_id += self.env.ref("base.group_allow_export")
        for model in UNIT_MODELS:
            records = self._unit_a_records(model)[:1].with_user(self.user_b)
            with self.subTest(model=model, door="read"), self.assertRaises(AccessError) as caught:
                records.read(["display_name"])
            self.assertIn("another unit", str(caught.exception))
            # As in a request, nothing of the record is in the cache yet.
            self.env.invalidate_all()
            with self.subTest(model=model, door="export"), self.assertRaises(AccessError):
                records.export_data(["create_date", "unit_id/name"])

    def test_another_unit_cannot_read_attachments_of_unit_a(self):
        task = self.records["gender.equality.task"]["plan_approved"]
        attachment = self.env["ir.attachment"].create(
            {"name": "bien-ban.pdf", "raw": b"%PDF", "res_model": task._name, "res_id": task.id}
        )
        self.assertTrue(attachment.with_user(self.user_a).read(["datas"]))
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_b).read(["datas"])
        found = (
            self.env["ir.attachment"]
            .with_user(self.user_b)
            .search([("res_model", "=", task._name), ("res_id", "=", task.id)])
        )
        self.assertFalse(found)

    def test_another_unit_cannot_read_chatter_messages_of_unit_a(self):
        plan = self.records["gender.equality.plan"]["submitted"]
        message = plan.message_post(
            body="Ghi chú nội bộ", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.assertTrue(message.with_user(self.user_a).read(["body"]))
        with self.assertRaises(AccessError):
            message.with_user(self.user_b).read(["body"])
        Message = self.env["mail.message"].with_user(self.user_b)
        self.assertFalse(Message.search([("model", "=", plan._name), ("res_id", "=", plan.id)]))
        with self.assertRaises(AccessError):
            plan.with_user(self.user_b).message_post(body="Xen vào", message_type="comment")

    def test_units_have_no_access_to_the_departments_report(self):
        """A unit officer or head reads, searches, creates and changes none of the Department's
        reports upward, their recorded figures or the multi-year table, over the ORM."""
        report = self.records["gender.equality.sector.report"]["draft"]
        result = self.records["gender.equality.objective.result"][None]
        for user in (self.user_a, self.manager_a, self.user_b):
            for record in (report, result):
                as_unit = record.with_user(user)
                with self.subTest(user=user.login, model=record._name, door="read"):
                    with self.assertRaises(AccessError):
                        as_unit.read(["display_name"])
                with self.subTest(user=user.login, model=record._name, door="search"):
                    with self.assertRaises(AccessError):
                        as_unit.search([])
                with self.subTest(user=user.login, model=record._name, door="write"):
                    with self.assertRaises(AccessError):
                        as_unit.write({"year": record.year})
            with self.subTest(user=user.login, door="create"), self.assertRaises(AccessError):
                self.env["gender.equality.sector.report"].with_user(user).create({"year": 2040})
            with self.subTest(user=user.login, door="figures"), self.assertRaises(AccessError):
                report.with_user(user).get_figures()
            with self.subTest(user=user.login, door="multi-year"), self.assertRaises(AccessError):
                self.env["gender.equality.multi.year"].with_user(user).get_table(2021, 2030)

    def test_inspectors_read_the_departments_report_without_changing_it(self):
        report = self.records["gender.equality.sector.report"]["draft"].with_user(self.inspector)
        self.assertEqual(report.read(["year"])[0]["year"], 2031)
        self.assertIn("summary", report.get_figures())
        with self.assertRaises(AccessError):
            report.write({"direction": "<p>Sửa</p>"})

    def test_users_outside_the_application_see_nothing(self):
        for role in ("internal", "portal"):
            for model in UNIT_MODELS:
                with self.subTest(role=role, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(self.users[role]).search([])


@tagged("post_install", "-at_install")
class TestReportRoutes(HttpCase):
    """The report routes print only what the user may read."""

    @mute_logger("odoo.http")
    def test_another_unit_cannot_print_a_report_or_minutes(self):
        report = self.env.ref("gender_equality_plan.gender_equality_report_tho_xuan_2025_demo")
        minutes = self.env.ref("gender_equality_plan.gender_equality_inspection_self_thoxuan_demo")
        routes = (
            f"/report/html/gender_equality_plan.report_unit_report/{report.id}",
            f"/report/html/gender_equality_plan.report_inspection_minutes/{minutes.id}",
        )
        self.authenticate("canbo.thoxuan", "canbo.thoxuan")
        for route in routes:
            with self.subTest(route=route, user="own unit"):
                self.assertEqual(self.url_open(route).status_code, 200)
        self.authenticate("canbo.bvdk", "canbo.bvdk")
        for route in routes:
            with self.subTest(route=route, user="another unit"):
                self.assertEqual(self.url_open(route).status_code, 403)

    @mute_logger("odoo.http")
    def test_unit_cannot_export_the_consolidation(self):
        consolidation = self.env["gender.equality.consolidation"].create({"year": 2025})
        self.authenticate("canbo.bvdk", "canbo.bvdk")
        response = self.url_open(f"/report/xlsx/gender_equality_plan.consolidation_xlsx/{consolidation.id}")
        self.assertEqual(response.status_code, 403)
