# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a user learns through the doors that do not check read access (issue 17): ``onchange``
and the context's defaults, computes that read as superuser, uniqueness checks, public methods,
archiving of models without an archive. Each case runs as the user who would try it: a portal
user, an internal user without a role, or the officer of another unit (``user_b``)."""

import xmlrpc.client
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .integrity_common import IntegrityCommon

MODULE = "gender_equality_plan"
# The policy's own refusals of a read (gender.equality.guard.mixin, in English).
READ_REFUSALS = ("you may not see", "belongs to another unit", "Your role does not allow you to")
# Roles that may read a record, in the order a test looks for its owner.
OWNER_ROLES = ("unit_user", "unit_manager", "dept_manager", "dept_user", "inspector")


class ReadsCommon(IntegrityCommon):
    def assertReadRefused(self, function, *args, **kwargs):
        """``function`` raises the policy's access error of a read, and changes nothing."""
        with self.assertRaises(AccessError) as caught, self.env.cr.savepoint(), mute_logger("odoo.models"):
            function(*args, **kwargs)
            self.env.flush_all()
        message = str(caught.exception)
        self.assertTrue(any(part in message for part in READ_REFUSALS), message)
        return caught.exception

    def _module_models(self):
        return sorted(
            name
            for name, model in self.env.registry.items()
            if name.startswith("gender.equality.") and not model._abstract
        )


@tagged("post_install", "-at_install")
class TestReadsOnchange(ReadsCommon):
    """``onchange`` and ``default_get`` check access like ``read``: the model's rights, the
    records being edited, every id of the values and of the context's defaults."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_users = {"portal": cls.portal, "internal": cls.internal, "user_b": cls.user_b}

    def _pool(self):
        """``{model: records}`` of unit A in every state, and the wizards of unit A's officer."""
        pool = {}
        for states in self.records.values():
            for record in states.values():
                pool.setdefault(record._name, record.browse())
                pool[record._name] |= record
        for model in self._module_models():
            if self.env[model]._transient:
                record = self._transient_record(model, self.user_a) or self._transient_record(
                    model, self.dept_manager
                )
                if record:
                    pool[model] = record
        return pool

    def _foreign_cases(self, model, user, pool):
        """``[(records, values)]``: onchanges of ``model`` that name something ``user`` may not
        read (the model itself, a record of unit A, a record of unit A in a relational field)."""
        Model = self.env[model].with_user(user)
        cases = []
        if not Model.browse().has_access("read"):
            cases.append((Model, {}))
        for record in pool.get(model, ()):
            if not record.with_user(user).has_access("read"):
                cases.append((record.with_user(user), {}))
                break
        for name, field in Model._fields.items():
            if not field.relational or (not field.store and field.type != "one2many"):
                continue
            foreign = next(
                (
                    record
                    for record in pool.get(field.comodel_name, ())
                    if not record.with_user(user).has_access("read")
                ),
                None,
            )
            if foreign:
                value = foreign.id if field.type == "many2one" else [Command.link(foreign.id)]
                cases.append((Model, {name: value}))
                if field.type == "many2one":
                    # As the web client sends the parent of a line: a dict of its values.
                    cases.append((Model, {name: {"id": foreign.id}}))
        return cases

    def test_every_model_refuses_a_foreign_id(self):
        pool = self._pool()
        for model in self._module_models():
            for role, user in self.other_users.items():
                cases = self._foreign_cases(model, user, pool)
                with self.subTest(model=model, role=role):
                    if not cases:
                        # Shared master data: the user reads every record of the model.
                        self.assertEqual(role, "user_b")
                        Model = self.env[model].with_context(active_test=False)
                        self.assertEqual(Model.with_user(user).search_count([]), Model.search_count([]))
                for records, values in cases:
                    with self.subTest(model=model, role=role, values=values, records=records.ids):
                        self.assertReadRefused(records.onchange, values, list(values), {"display_name": {}})

    def test_every_model_answers_its_owner(self):
        pool = self._pool()
        for model in self._module_models():
            for record in pool.get(model, ()):
                # Who works on it: its author (a wizard), the first role that may write it, or else
                # read it.
                owner = record.create_uid if record._transient else None
                for operation in ("write", "read"):
                    owner = owner or next(
                        (
                            self.users[role]
                            for role in OWNER_ROLES
                            if record.with_user(self.users[role]).has_access(operation)
                        ),
                        None,
                    )
                # The configuration of digital signatures and the documents: the administrators'.
                owner = owner or self.env.ref("base.user_admin")
                mine = record.with_user(owner)
                values = self._relational_values(mine)
                with self.subTest(model=model, record=record.display_name, owner=owner.login):
                    spec = {name: {} for name in [*values, "display_name"]}
                    result = mine.onchange(values, list(values), spec)
                    self.assertIsInstance(result, dict)

    def _relational_values(self, record):
        """The values of the module's relational fields of ``record``, as the web client sends
        them."""
        values = {}
        for name, field in record._fields.items():
            if (
                field.relational
                and MODULE in (field._modules or ())
                and (field.store or field.type == "one2many")
            ):
                values[name] = (
                    record[name].id if field.type == "many2one" else [Command.set(record[name].ids)]
                )
        return values

    def test_related_fields_of_another_units_plan_and_report(self):
        plan = self.records["gender.equality.plan"]["approved"]
        report = self.records["gender.equality.report"]["accepted"]
        for user in self.other_users.values():
            Task = self.env["gender.equality.task"].with_user(user)
            Supplement = self.env["gender.equality.report.supplement"].with_user(user)
            with self.subTest(user=user.login):
                spec = {"unit_id": {}, "plan_year": {}, "plan_state": {}}
                self.assertReadRefused(Task.onchange, {"plan_id": plan.id}, ["plan_id"], spec)
                self.assertReadRefused(Task.onchange, {"plan_id": {"id": plan.id}}, ["plan_id"], spec)
                self.assertReadRefused(
                    Supplement.onchange, {"report_id": report.id}, ["report_id"], {"unit_id": {}, "year": {}}
                )
        result = (
            self.env["gender.equality.task"]
            .with_user(self.user_a)
            .onchange({"plan_id": plan.id}, ["plan_id"], {"plan_year": {}, "plan_state": {}})
        )
        self.assertEqual(result["value"], {"plan_year": 2028, "plan_state": "approved"})

    def test_lines_and_parents_of_a_form_are_checked(self):
        """A foreign id hidden in a line of the form or in the parent of a line is refused."""
        foreign_area_task = self.records["gender.equality.task"]["plan_approved"]
        Plan = self.env["gender.equality.plan"].with_user(self.user_b)
        values = {
            "unit_id": self.unit_b.id,
            "task_ids": [Command.update(foreign_area_task.id, {"name": "x"})],
        }
        self.assertReadRefused(Plan.onchange, values, ["task_ids"], {"task_ids": {}})
        Task = self.env["gender.equality.task"].with_user(self.user_b)
        parent = {"unit_id": self.unit_b.id, "task_ids": [Command.link(foreign_area_task.id)]}
        self.assertReadRefused(Task.onchange, {"plan_id": parent}, ["plan_id"], {"unit_id": {}})
        nested = {"unit_id": self.unit_b.id, "task_ids": [Command.create({"plan_id": {"id": self.plan.id}})]}
        self.assertReadRefused(Plan.onchange, nested, ["task_ids"], {"task_ids": {}})

    def test_confirmation_wizard_does_not_name_another_units_record(self):
        plan = self.records["gender.equality.plan"]["draft"]
        values = {"res_model": plan._name, "res_ids": plan.ids, "method": "action_cancel"}
        context = {f"default_{key}": value for key, value in values.items()}
        for user in self.other_users.values():
            Wizard = self.env["gender.equality.confirm.wizard"].with_user(user)
            with self.subTest(user=user.login):
                self.assertReadRefused(Wizard.onchange, values, list(values), {"message": {}})
                self.assertReadRefused(Wizard.with_context(**context).default_get, ["message"])
                self.assertReadRefused(
                    Wizard.with_context(**context).onchange, {}, [], {"res_ids": {}, "message": {}}
                )
        # A reference to a model without records is no reference.
        Wizard = self.env["gender.equality.confirm.wizard"].with_user(self.user_a)
        with self.assertRaises(UserError):
            Wizard.create({"res_model": "mail.thread", "res_ids": [1], "method": "action_cancel"})
        self.assertFalse(
            Wizard.onchange({"res_model": "mail.thread", "res_ids": [1]}, ["res_ids"], {"message": {}})[
                "value"
            ].get("message")
        )
        result = (
            self.env["gender.equality.confirm.wizard"]
            .with_user(self.user_a)
            .with_context(**context)
            .onchange({}, [], {"res_model": {}, "res_ids": {}, "method": {}, "message": {}})
        )
        self.assertIn(plan.name, result["value"]["message"])

    def test_default_get_does_not_look_at_another_units_records(self):
        """The next free year of another unit's plans is not told: a default naming a unit the
        user may not read is refused."""
        Plan = self.env["gender.equality.plan"]
        for user in self.other_users.values():
            with self.subTest(user=user.login):
                self.assertReadRefused(
                    Plan.with_user(user).with_context(default_unit_id=self.unit_a.id).default_get, ["year"]
                )
        Task = self.env["gender.equality.task"].with_user(self.user_b)
        self.assertReadRefused(
            Task.with_context(default_attending_unit_ids=[self.unit_a.id]).default_get, ["name"]
        )

    # ------------------------------------------------------------
    # The web client still works for the users of each form
    # ------------------------------------------------------------

    def test_new_plan_with_activities_in_the_form(self):
        with freeze_time("2026-06-01"), Form(self.env["gender.equality.plan"].with_user(self.user_a)) as form:
            self.assertEqual(form.unit_id, self.unit_a)
            form.year = 2037
            with form.task_ids.new() as task:
                task.name = "Phổ biến Luật"
                task.area_id = self.area_information
                task.activity_type_id = self.type_dissemination
                task.date_start = date(2037, 3, 5)
                task.date_end = date(2037, 3, 5)
                task.coordinating_unit_ids.add(self.unit_a1)
        plan = form.record
        self.assertEqual(plan.task_ids.name, "Phổ biến Luật")
        with Form(plan.with_user(self.user_a)) as form, form.task_ids.edit(0) as task:
            task.name = "Phổ biến Luật Bình đẳng giới"
        self.assertEqual(plan.task_ids.name, "Phổ biến Luật Bình đẳng giới")

    def test_new_forms_of_each_role(self):
        forms = {
            "gender.equality.report": self.user_a,
            "gender.equality.inspection": self.inspector,
            "gender.equality.indicator.status": self.user_a,
            "gender.equality.awareness.survey": self.user_a,
            "gender.equality.inspection.programme": self.user_a,
            "gender.equality.sector.report": self.dept_user,
            "gender.equality.home": self.user_a,
            "gender.equality.inspection.compare": self.user_a,
            "gender.equality.inspection.plan.wizard": self.inspector,
            "gender.equality.multi.year": self.dept_user,
            "gender.equality.consolidation": self.dept_user,
        }
        for model, user in forms.items():
            with self.subTest(model=model, user=user.login):
                form = Form(self.env[model].with_user(user))
                self.assertTrue(form._values is not None)

    def test_wizards_opened_from_a_record(self):
        plan = self.records["gender.equality.plan"]["submitted"]
        action = plan.with_user(self.manager_a).action_return()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.manager_a).with_context(**action["context"])
        )
        wizard.reason = "Bổ sung"
        wizard.save().action_confirm()
        self.assertEqual(plan.state, "returned")
        draft = self.records["gender.equality.plan"]["draft"]
        action = draft.with_user(self.user_a).with_context(gep_confirm=True).action_cancel()
        confirm = Form(self.env[action["res_model"]].with_user(self.user_a).with_context(**action["context"]))
        self.assertIn(draft.name, confirm.message)
        confirm.save().action_confirm()
        self.assertEqual(draft.state, "cancelled")
        compare = Form(self.env["gender.equality.inspection.compare"].with_user(self.user_a))
        compare.year = 2026
        self.assertEqual(compare.self_score, self.records["gender.equality.inspection"]["approved"].score)


@tagged("post_install", "-at_install")
class TestReadsComputes(ReadsCommon):
    """Computes that read as superuser compute nothing for a record the caller may not read."""

    def test_sector_figures_only_for_their_readers(self):
        SectorReport = self.env["gender.equality.sector.report"]
        readable = SectorReport.with_user(self.dept_user).new({"year": 2029})
        self.assertEqual(readable.units_expected, SectorReport.new({"year": 2029}).units_expected)
        self.assertIn("Unit B", readable.figures_html, "a unit that has not reported, by name")
        for user in (self.portal, self.internal, self.user_b):
            with self.subTest(user=user.login):
                report = SectorReport.with_user(user).new({"year": 2029})
                self.assertEqual(report.units_expected, 0)
                self.assertFalse(report.figures_html)
                self.assertReadRefused(
                    SectorReport.with_user(user).onchange,
                    {"year": 2029},
                    ["year"],
                    {"reports_missing": {}, "figures_html": {}},
                )

    def test_multi_year_results_only_for_their_readers(self):
        MultiYear = self.env["gender.equality.multi.year"]
        self.assertTrue(MultiYear.with_user(self.dept_user).new({}).table_html)
        for user in (self.portal, self.internal, self.user_b):
            with self.subTest(user=user.login):
                self.assertFalse(MultiYear.with_user(user).new({}).table_html)
                self.assertReadRefused(
                    MultiYear.with_user(user).onchange, {"year_from": 2021}, ["year_from"], {"table_html": {}}
                )
                self.assertReadRefused(MultiYear.with_user(user).get_table)

    def test_comparison_shows_no_score_of_another_unit(self):
        inspection = self.records["gender.equality.inspection"]["approved"]
        self.assertTrue(inspection.score)
        Compare = self.env["gender.equality.inspection.compare"]
        mine = Compare.with_user(self.user_a).new({"unit_id": self.unit_a.id, "year": 2026})
        self.assertEqual(mine.self_score, inspection.score)
        compare = Compare.with_user(self.user_b).new(
            {"unit_id": self.unit_b.id, "year": 2026, "self_inspection_id": inspection.id}
        )
        self.assertEqual(compare.self_score, 0.0)
        values = {"unit_id": self.unit_b.id, "year": 2026, "self_inspection_id": inspection.id}
        self.assertReadRefused(
            Compare.with_user(self.user_b).onchange, values, ["self_inspection_id"], {"self_score": {}}
        )

    def test_confirmation_wizard_names_only_readable_records(self):
        plan = self.records["gender.equality.plan"]["draft"]
        vals = {"res_model": plan._name, "res_ids": plan.ids, "method": "action_cancel"}
        Wizard = self.env["gender.equality.confirm.wizard"]
        self.assertIn(plan.name, Wizard.with_user(self.user_a).new(vals).message)
        self.assertFalse(Wizard.with_user(self.user_b).new(vals).message)

    def test_lock_of_a_record_of_another_unit_is_not_told(self):
        """A survey being composed for the affiliated unit A1 does not tell whether A1's report of
        the year is submitted."""
        report = self.env["gender.equality.report"].create({"unit_id": self.unit_a1.id, "year": 2033})
        report.write({"state": "submitted"})
        vals = {"unit_id": self.unit_a1.id, "year": 2033, "target_group": "staff"}
        Survey = self.env["gender.equality.awareness.survey"]
        self.assertTrue(Survey.new(vals).is_locked)
        self.assertFalse(Survey.with_user(self.user_a).new(vals).is_locked)
        own = self.records["gender.equality.awareness.survey"]["counted_by_a_report"]
        self.assertTrue(own.with_user(self.user_a).is_locked)

    def test_next_free_year_of_another_unit_is_not_told(self):
        self.env["gender.equality.plan"].create({"unit_id": self.unit_a1.id, "year": 2026})
        Plan = self.env["gender.equality.plan"]
        with freeze_time("2026-06-01"):
            context = {"default_unit_id": self.unit_a1.id}
            self.assertEqual(Plan.with_context(**context).default_get(["year"])["year"], 2027)
            self.assertEqual(
                Plan.with_user(self.user_a).with_context(**context).default_get(["year"])["year"], 2026
            )
            result = Plan.with_user(self.user_a).onchange(
                {"unit_id": self.unit_a1.id}, ["unit_id"], {"year": {}}
            )
            self.assertEqual(result["value"]["year"], 2026)
            # Its own unit's plans are read: 2026 to 2028 are taken (its returned plan is 2036's).
            own = Plan.with_user(self.user_a).with_context(default_unit_id=self.unit_a.id)
            self.assertEqual(own.default_get(["year"])["year"], 2029)


@tagged("post_install", "-at_install")
class TestReadsUniqueness(ReadsCommon):
    """Uniqueness checks answer only about records the user may create or write: a unit whose
    records the user may not create gets the same access error whether it has one or not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The affiliated unit A1 (which unit A's members see) has a plan, a report and a status
        # in 2034, none in 2035.
        cls.env["gender.equality.plan"].create({"unit_id": cls.unit_a1.id, "year": 2034})
        cls.env["gender.equality.report"].create({"unit_id": cls.unit_a1.id, "year": 2034})
        cls.env["gender.equality.indicator.status"].create({"unit_id": cls.unit_a1.id, "year": 2034})

    def _same_refusal(self, function, taken, free):
        """``function(taken)`` and ``function(free)`` raise the same access error."""
        refusals = [str(self.assertReadRefused(function, vals)) for vals in (taken, free)]
        self.assertEqual(refusals[0], refusals[1])
        self.assertIn("belongs to another unit", refusals[0])

    def test_create_for_a_unit_the_user_may_not_write(self):
        for model in ("gender.equality.plan", "gender.equality.report", "gender.equality.indicator.status"):
            Model = self.env[model].with_user(self.user_a)
            with self.subTest(model=model):
                self._same_refusal(
                    Model.create,
                    {"unit_id": self.unit_a1.id, "year": 2034},
                    {"unit_id": self.unit_a1.id, "year": 2035},
                )

    def test_move_to_a_unit_the_user_may_not_write(self):
        plan = (
            self.env["gender.equality.plan"]
            .with_user(self.user_a)
            .create({"unit_id": self.unit_a.id, "year": 2037})
        )
        status = self.records["gender.equality.indicator.status"]["draft"].with_user(self.user_a)
        for record in (plan, status):
            with self.subTest(model=record._name):
                self._same_refusal(
                    record.write,
                    {"unit_id": self.unit_a1.id, "year": 2034},
                    {"unit_id": self.unit_a1.id, "year": 2035},
                )
                self.assertEqual(record.unit_id, self.unit_a)

    def test_duplicates_of_own_units_keep_their_clear_message(self):
        Plan = self.env["gender.equality.plan"]
        with self.assertRaises(ValidationError) as caught, mute_logger("odoo.models"):
            Plan.with_user(self.user_a).create({"unit_id": self.unit_a.id, "year": 2026})
        self.assertIn("2026", str(caught.exception))
        with self.assertRaises(ValidationError), mute_logger("odoo.models"):
            Plan.with_user(self.dept_manager).create({"unit_id": self.unit_a1.id, "year": 2034})
        self.assertTrue(Plan.with_user(self.dept_manager).create({"unit_id": self.unit_a1.id, "year": 2035}))


@tagged("post_install", "-at_install")
class TestReadsPublicMethods(ReadsCommon):
    """Every method of the README's External API refuses the users without a role of the app
    (a portal user, an internal user without a role) with a clear access error."""

    # {model: [(method, args)]}: the methods of the README's External API.
    DOCUMENTED = {
        "gender.equality.unit": [("action_archive", ())],
        "gender.equality.plan": [
            ("action_submit", ()),
            ("action_approve", ()),
            ("action_return", ("x",)),
            ("action_reopen", ("x",)),
            ("action_cancel", ()),
            ("action_draft", ()),
            ("action_import_tasks", ()),
        ],
        "gender.equality.task": [("action_start", ()), ("action_done", ()), ("action_cancel", ())],
        "gender.equality.inspection": [
            ("action_start", ()),
            ("action_done", ()),
            ("action_approve", ()),
            ("action_return", ("x",)),
            ("action_cancel", ()),
            ("action_print_minutes", ()),
        ],
        "gender.equality.inspection.programme": [
            ("action_submit", ()),
            ("action_approve", ()),
            ("action_return", ("x",)),
            ("action_reopen", ("x",)),
            ("action_cancel", ()),
            ("action_draft", ()),
            ("action_schedule_inspections", ()),
            ("action_print", ()),
        ],
        "gender.equality.corrective.action": [
            ("action_start", ()),
            ("action_done", ()),
            ("action_verify", ()),
            ("action_reopen", ("x",)),
            ("action_cancel", ("x",)),
            ("action_reschedule", ("x",)),
        ],
        "gender.equality.report": [
            ("action_compile", ()),
            ("action_submit", ()),
            ("action_approve", ()),
            ("action_return", ("x",)),
            ("action_cancel", ()),
            ("action_draft", ()),
        ],
        "gender.equality.indicator.status": [
            ("action_submit", ()),
            ("action_approve", ()),
            ("action_return", ("x",)),
        ],
        "gender.equality.sector.report": [
            ("action_submit", ()),
            ("action_approve", ()),
            ("action_return", ("x",)),
            ("action_reopen", ("x",)),
            ("action_cancel", ()),
            ("action_draft", ()),
            ("action_print", ()),
            ("action_download_docx", ()),
            ("get_figures", ()),
        ],
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms([MODULE], ["vi_VN"])

    def test_documented_methods_refuse_users_without_a_role(self):
        """Refused with an access error that tells nothing of the record (not even its name)."""
        for model, methods in self.DOCUMENTED.items():
            for state, record in self.records[model].items():
                before = record.read()
                for user in (self.portal, self.internal):
                    for method, args in methods:
                        with self.subTest(model=model, state=state, user=user.login, method=method):
                            with self.assertRaises(AccessError) as caught, self.env.cr.savepoint():
                                getattr(record.with_user(user), method)(*args)
                            self.assertTrue(str(caught.exception))
                            self.assertNotIn(record.display_name, str(caught.exception))
                record.invalidate_recordset()
                self.assertEqual(record.read(), before)

    def test_model_methods_refuse_users_without_a_role(self):
        for user in (self.portal, self.internal):
            with self.subTest(user=user.login):
                self.assertReadRefused(
                    self.env["gender.equality.report"].with_user(user).get_kpi_summary, 2029
                )
                self.assertReadRefused(
                    self.env["gender.equality.multi.year"].with_user(user).get_table, 2021, 2030
                )
        summary = self.env["gender.equality.report"].with_user(self.user_a).get_kpi_summary(2029)
        self.assertEqual(summary["reports_accepted"], 1)

    def test_archiving_a_model_without_archive_is_a_message(self):
        plan = self.records["gender.equality.plan"]["draft"]
        for method in ("action_archive", "action_unarchive", "toggle_active"):
            for record in (plan.with_user(self.user_a), plan):
                with self.subTest(method=method, user=record.env.user.login):
                    with self.assertRaises(UserError) as caught:
                        getattr(record, method)()
                    self.assertIn("cannot be archived", str(caught.exception))
        for model in self._module_models():
            Model = self.env[model]
            if not Model._active_name:
                with self.subTest(model=model), self.assertRaises(UserError):
                    Model.browse().action_archive()
        self.assertEqual(plan.state, "draft")
        # In Vietnamese for a Vietnamese user.
        with self.assertRaises(UserError) as caught:
            plan.with_user(self.user_a).with_context(lang="vi_VN").action_archive()
        self.assertIn("không thể lưu trữ", str(caught.exception))


@tagged("post_install", "-at_install")
class TestReadsPublicMethodsRpc(HttpCase):
    """The same refusals over XML-RPC, and the .docx route tells no id that exists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(cls.env, "gep_rpc_portal", groups="base.group_portal")
        cls.internal = new_test_user(cls.env, "gep_rpc_internal", groups="base.group_user")
        cls.officer = new_test_user(cls.env, "gep_rpc_officer", groups="gender_equality_plan.group_unit_user")

    def _call(self, login, model, method, *args):
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, login, login, {})
        return self.xmlrpc_object.execute_kw(self.env.cr.dbname, uid, login, model, method, list(args))

    @mute_logger("odoo.http")
    def test_get_kpi_summary_over_xmlrpc(self):
        for login in ("gep_rpc_portal", "gep_rpc_internal"):
            with self.subTest(login=login), self.assertRaises(xmlrpc.client.Fault) as caught:
                self._call(login, "gender.equality.report", "get_kpi_summary", 2026)
            self.assertEqual(caught.exception.faultCode, 4)  # an access error
            self.assertIn("Your role does not allow you to see", caught.exception.faultString)
        summary = self._call("gep_rpc_officer", "gender.equality.report", "get_kpi_summary", 2026)
        self.assertEqual(summary["year"], 2026)

    @mute_logger("odoo.http")
    def test_docx_route_tells_no_id_to_a_unit(self):
        report = self.env["gender.equality.sector.report"].search([], limit=1)
        self.assertTrue(report)
        self.authenticate("gep_rpc_officer", "gep_rpc_officer")
        for report_id in (report.id, report.id + 10**6):
            response = self.url_open(f"/gender_equality_plan/sector_report/{report_id}/docx")
            self.assertEqual(response.status_code, 403)
