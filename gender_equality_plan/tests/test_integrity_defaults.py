# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The integrity policy judges the record a request leaves behind (issue 17): values that Odoo
adds at creation (context ``default_*`` keys, personal ``ir.default`` records) are judged like
the values of the request, values equal to what the record would hold anyway pass, and
Odoo's uninstall flag does not switch the delete rule off. Each case of the issue, run as the
user who tried it over XML-RPC, is refused by the policy's own rule and leaves nothing."""

import json
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .integrity_common import IntegrityCommon


@tagged("post_install", "-at_install")
class TestIntegrityDefaults(IntegrityCommon):
    def assertPolicyRefuses(self, code, function, *args, **kwargs):
        """``function`` is refused by the policy's rule ``code`` and changes nothing."""
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint(), mute_logger("odoo.models"):
            function(*args, **kwargs)
            self.env.flush_all()
        self.assertEqual(getattr(caught.exception, "gep_code", None), code, str(caught.exception))
        return caught.exception

    def _personal_default(self, user, model, name, value):
        """What any internal user could store with *Set Defaults* before this policy (stored as
        superuser here: the module now refuses it, see the test below)."""
        field = self.env["ir.model.fields"]._get(model, name)
        self.env["ir.default"].sudo().create(
            {"field_id": field.id, "json_value": json.dumps(value), "user_id": user.id}
        )

    # ------------------------------------------------------------
    # Statuses and bookkeeping through the defaults
    # ------------------------------------------------------------

    def test_plan_is_not_created_approved_by_a_personal_default(self):
        self._personal_default(self.user_a, "gender.equality.plan", "state", "approved")
        Plan = self.Plan.with_user(self.user_a)
        self.assertPolicyRefuses("protected", Plan.create, {"unit_id": self.unit_a.id, "year": 2040})
        self.assertFalse(self.Plan.search([("year", "=", 2040)]))

    def test_report_is_not_created_accepted_and_on_time(self):
        Report = self.env["gender.equality.report"].with_user(self.user_a)
        for key, value in (
            ("default_state", "accepted"),
            ("default_received_date", "2040-12-01 08:00:00"),
            ("default_submitted_by_id", self.manager_a.id),
        ):
            with self.subTest(key=key):
                self.assertPolicyRefuses(
                    "protected",
                    Report.with_context(**{key: value}).create,
                    {"unit_id": self.unit_a.id, "year": 2040},
                )

    def test_indicator_status_is_not_confirmed_by_its_unit(self):
        Status = self.env["gender.equality.indicator.status"].with_user(self.user_a)
        self.assertPolicyRefuses(
            "protected",
            Status.with_context(default_state="confirmed").create,
            {"unit_id": self.unit_a.id, "year": 2040, "status": "official"},
        )

    def test_inspector_does_not_create_an_approved_inspection(self):
        Inspection = self.env["gender.equality.inspection"].with_user(self.inspector)
        self.assertPolicyRefuses(
            "protected",
            Inspection.with_context(default_state="approved").create,
            {"unit_id": self.unit_b.id, "inspection_type": "inspection", "year": 2026},
        )

    def test_sector_report_is_not_created_issued_with_a_forged_snapshot(self):
        SectorReport = self.env["gender.equality.sector.report"].with_user(self.dept_user)
        for key, value in (("default_state", "issued"), ("default_snapshot", {"reports_on_time": 99})):
            with self.subTest(key=key):
                self.assertPolicyRefuses(
                    "protected", SectorReport.with_context(**{key: value}).create, {"year": 2040}
                )

    # ------------------------------------------------------------
    # Values reserved to a role, through the defaults
    # ------------------------------------------------------------

    def test_unit_does_not_move_its_deadline(self):
        Report = self.env["gender.equality.report"].with_user(self.user_a)
        self.assertPolicyRefuses(
            "field_group",
            Report.with_context(default_deadline="2099-12-31").create,
            {"unit_id": self.unit_a.id, "year": 2040},
        )
        self._personal_default(self.user_a, "gender.equality.report", "deadline_included", False)
        self.assertPolicyRefuses("field_group", Report.create, {"unit_id": self.unit_a.id, "year": 2040})

    def test_unit_observance_does_not_become_the_action_month(self):
        Observance = self.env["gender.equality.observance"].with_user(self.user_a)
        vals = {
            "name": "Ngày của đơn vị",
            "unit_id": self.unit_a.id,
            "day_start": 1,
            "month_start": 1,
            "day_end": 31,
            "month_end": 12,
        }
        self.assertPolicyRefuses(
            "field_group", Observance.with_context(default_is_action_month=True).create, vals
        )
        self.assertEqual(
            self.env["gender.equality.observance"].search([("is_action_month", "=", True)]),
            self.env.ref("gender_equality_plan.gender_equality_observance_action_month"),
        )

    def test_unit_does_not_create_a_baseline_survey(self):
        Survey = self.env["gender.equality.awareness.survey"].with_user(self.user_a)
        self.assertPolicyRefuses(
            "locked",
            Survey.with_context(default_year=2025).create,
            {
                "unit_id": self.unit_a.id,
                "target_group": "staff",
                "respondents_male": 10,
                "respondents_female": 10,
                "correct_male": 10,
                "correct_female": 10,
            },
        )

    # ------------------------------------------------------------
    # Children of frozen parents, ids and values, through the defaults
    # ------------------------------------------------------------

    def test_no_activity_joins_an_approved_plan_through_a_default(self):
        approved = self.records["gender.equality.plan"]["approved"]
        Task = self.Task.with_user(self.user_a).with_context(default_plan_id=approved.id)
        vals = self._task_vals("Thêm sau khi duyệt", approved.task_ids[0].date_start)
        self.assertPolicyRefuses("parent_locked", Task.create, vals)
        self.assertEqual(len(approved.task_ids), 2)

    def test_no_finding_joins_an_approved_inspection_through_a_default(self):
        approved = self.records["gender.equality.inspection"]["approved"]
        Violation = (
            self.env["gender.equality.inspection.violation"]
            .with_user(self.user_a)
            .with_context(default_inspection_id=approved.id)
        )
        self.assertPolicyRefuses("parent_locked", Violation.create, {"description": "Thêm sau"})

    def test_session_is_not_credited_to_a_unit_the_officer_cannot_see(self):
        """Unit B is not one of the officer's units: no activity of unit A names it as attending,
        also through a default."""
        self.assertFalse(self.unit_b.with_user(self.user_a).has_access("read"))
        plan = self.records["gender.equality.plan"]["draft"]
        Task = self.Task.with_user(self.user_a).with_context(default_attending_unit_ids=self.unit_b.ids)
        self.assertPolicyRefuses(
            "foreign_id",
            Task.create,
            self._task_vals("Phối hợp", plan.task_ids[0].date_start, plan_id=plan.id),
        )

    def test_values_out_of_range_through_defaults_get_a_message(self):
        Plan = self.Plan.with_user(self.user_a)
        error = self.assertPolicyRefuses(
            "value", Plan.with_context(default_year=99999).create, {"unit_id": self.unit_a.id}
        )
        self.assertIn("99999", str(error))
        Survey = self.env["gender.equality.awareness.survey"].with_user(self.user_a)
        self.assertPolicyRefuses(
            "value",
            Survey.with_context(default_respondents_male=2**40).create,
            {"unit_id": self.unit_a.id, "year": 2026, "target_group": "patients"},
        )

    # ------------------------------------------------------------
    # What the web client sends is no change
    # ------------------------------------------------------------

    def test_unit_officer_saves_a_new_report_as_the_browser_does(self):
        """The report form carries the deadline fields (invisible to units) and sends them at
        creation with the values the form computed: the same as the record would have, so the
        officer's report is saved."""
        self.env["gender.equality.report.period"].create({"year": 2040})
        with Form(self.env["gender.equality.report"].with_user(self.user_a)) as form:
            form.year = 2040
            form.results = "<p>Kết quả</p>"
        report = form.record
        self.assertEqual(report.unit_id, self.unit_a)
        self.assertEqual(report.state, "draft")

    def test_values_equal_to_the_defaults_pass_through_every_source(self):
        Report = self.env["gender.equality.report"].with_user(self.user_a)
        report = Report.with_context(default_state="draft", default_is_late=False).create(
            {"unit_id": self.unit_a.id, "year": 2040, "deadline_included": True, "state": "draft"}
        )
        self.assertEqual(report.state, "draft")
        self.assertTrue(report.deadline_included)

    def test_unit_users_store_no_defaults_on_the_modules_models(self):
        field = self.env["ir.model.fields"]._get("gender.equality.plan", "state")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["ir.default"].with_user(self.user_a).set(
                "gender.equality.plan", "state", "approved", user_id=True
            )
        self.assertFalse(self.env["ir.default"].search([("field_id", "=", field.id)]))
        # Defaults of other models stay theirs.
        self.env["ir.default"].with_user(self.user_a).set("res.partner", "comment", "x", user_id=True)

    # ------------------------------------------------------------
    # The uninstall flag
    # ------------------------------------------------------------

    def test_uninstall_flag_deletes_nothing_for_users(self):
        forced = {MODULE_UNINSTALL_FLAG: True}
        for record, user in (
            (self.records["gender.equality.report"]["accepted"], self.user_a),
            (self.records["gender.equality.plan"]["approved"], self.user_a),
            (self.records["gender.equality.report.supplement"]["submitted"], self.user_a),
            (self.records["gender.equality.awareness.survey:baseline"]["baseline"], self.user_a),
            (self.records["gender.equality.inspection"]["approved"], self.inspector),
            (self.records["gender.equality.sector.report"]["issued"], self.dept_manager),
            (self.records["gender.equality.indicator.status"]["returned"], self.user_a),
            (self.records["gender.equality.inspection.programme"]["returned"], self.user_a),
        ):
            with self.subTest(model=record._name, state=record.read(["display_name"])):
                with self.assertRaises(UserError), self.env.cr.savepoint(), mute_logger("odoo.models"):
                    record.with_user(user).with_context(**forced).unlink()
                    self.env.flush_all()
                self.assertTrue(record.exists())

    def test_returned_indicator_status_keeps_its_reviews(self):
        status = self.records["gender.equality.indicator.status"]["returned"].with_user(self.user_a)
        self.assertPolicyRefuses("kept", status.unlink)
        self.assertTrue(status.review_ids)

    def test_draft_plan_is_deleted_with_its_activities(self):
        plan = self.Plan.with_user(self.user_a).create(
            {
                "unit_id": self.unit_a.id,
                "year": 2041,
                "task_ids": [Command.create(self._task_vals("Hoạt động", date(2041, 3, 1)))],
            }
        )
        plan.unlink()
        self.assertFalse(plan.exists())
