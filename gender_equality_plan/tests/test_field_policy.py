# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .field_policy import FAILURE_CLEARED_BY, POLICY, ROLES, classified_fields, model_name, writable_fields
from .integrity_common import IntegrityCommon, other_value

# The policy's refusals of a change (``gep_code`` of its errors).
REFUSALS = ("protected", "create_only", "field_group", "locked", "parent_locked", "access")

MODULE = "gender_equality_plan"


@tagged("post_install", "-at_install")
class TestFieldPolicy(IntegrityCommon):
    """The field policy (``tests/field_policy.py``) holds for every model, role, state and
    field: each user tries to write each field of a record of unit A, in each state, and
    succeeds exactly where the policy says so."""

    def _module_models(self):
        return {
            name
            for name, model in self.env.registry.items()
            if name.startswith("gender.equality.") and not model._abstract
        }

    def _scope(self, model):
        return self.env[model]._gep_policy()[0]

    def test_every_model_inherits_the_policy(self):
        guard = self.env.registry["gender.equality.guard.mixin"]
        for name in self._module_models():
            with self.subTest(model=name):
                self.assertTrue(issubclass(self.env.registry[name], guard))

    def test_every_model_and_field_is_classified(self):
        self.assertEqual(self._module_models(), {model_name(key) for key in POLICY})
        for key in POLICY:
            with self.subTest(model=key):
                self.assertEqual(
                    classified_fields(key),
                    set(self._scope(model_name(key))),
                    "fields of the model that the policy does not classify, or no longer exist",
                )

    def test_policy_of_every_role_state_and_field(self):
        """Each role changes exactly the fields the policy gives it; every other change is
        refused by the policy (or, for a role without rights on the record, by the access
        rules). A field the role may write accepts its current value back."""
        for key, entry in POLICY.items():
            model = model_name(key)
            transient = self.env[model]._transient
            for state in entry["states"]:
                for role in ROLES:
                    user = self.users[role]
                    if transient:
                        record = self._transient_record(model, user)
                    else:
                        record = self.records[key][state]
                    self.assertTrue(transient or record, f"no record of {key} in the state {state}")
                    expected = writable_fields(key, role, state)
                    for name in sorted(self._scope(model)):
                        if record is None:
                            continue
                        with self.subTest(model=key, state=state, role=role, field=name):
                            if name in expected:
                                self.assertIsNone(self._try_write(record, user, name, change=False))
                            else:
                                error = self._try_write(record, user, name, change=True)
                                self.assertIsNotNone(error, "the change was accepted")
                                self.assertRefusedByPolicy(error)

    def assertRefusedByPolicy(self, error):
        """``error`` is a refusal of the integrity policy (it names its rule), or an access
        error of a user without rights on the record."""
        code = getattr(error, "gep_code", None)
        self.assertTrue(
            code in REFUSALS or (isinstance(error, AccessError) and code in (None, "access")),
            f"refused by something else than the policy: {error!r} ({code})",
        )

    def test_writing_back_current_values_changes_nothing(self):
        """The web client sends every field of its form: writing back the current value of any
        field, also one the role may not change, is no change and is accepted, for every role
        that may write the record."""
        for key, entry in POLICY.items():
            model = model_name(key)
            if self.env[model]._transient:
                continue
            for state in entry["states"]:
                record = self.records[key][state]
                for role in entry["writers"]:
                    user = self.users[role]
                    if not record.with_user(user).has_access("write"):
                        continue
                    names = [
                        name
                        for name in sorted(self._scope(model))
                        if record._fields[name].store and record._fields[name].type != "one2many"
                    ]
                    vals = {
                        name: record._fields[name].convert_to_write(record[name], record) for name in names
                    }
                    with self.subTest(model=key, state=state, role=role):
                        try:
                            with self.env.cr.savepoint() as savepoint, mute_logger("odoo.models"):
                                record.with_user(user).write(vals)
                                record.env.flush_all()
                                savepoint.rollback()
                        except UserError as error:
                            self.fail(f"the current values were refused: {error}")
                        finally:
                            record.invalidate_recordset()

    def test_failure_of_an_answer_no_is_cleared_by_those_who_judge(self):
        """``is_failed`` of an item answered "No" (``FAILURE_CLEARED_BY``): each user tries to
        clear it, and succeeds exactly where the policy says so."""
        for (key, critical), judges in FAILURE_CLEARED_BY.items():
            inspection = self.records[key]["in_progress"]
            line = inspection.line_ids.filtered(
                lambda line, critical=critical: line.answer_type == "yes_no" and line.is_critical == critical
            )[:1]
            self.assertTrue(line, f"no {'critical' if critical else 'other'} yes/no item in {key}")
            line.answer_yes_no = "no"  # as the superuser: the answer is not the point
            self.assertTrue(line.is_failed)
            for role in ROLES:
                cleared = self._try_write(line, self.users[role], "is_failed", value=False) is None
                with self.subTest(model=key, critical=critical, role=role):
                    self.assertEqual(cleared, role in judges)

    def _try_write(self, record, user, name, change=False, value=None):
        """Write the current value of ``name`` back (or, with ``change``, another value) as
        ``user``: None when it is accepted, else the refusal."""
        if value is None:
            value = (
                self._other_value(record, name, user)
                if change
                else record._fields[name].convert_to_write(record[name], record)
            )
        try:
            with self.env.cr.savepoint() as savepoint, mute_logger("odoo.models"):
                record.with_user(user).write({name: value})
                record.env.flush_all()
                savepoint.rollback()
        except UserError as error:
            return error
        finally:
            record.invalidate_recordset()
        return None

    def _other_value(self, record, name, user=None):
        """A value of ``name`` other than the record's, as ``user`` reads it (some fields are
        computed for the user who reads them)."""
        if user and record.with_user(user).has_access("read"):
            record = record.with_user(user)
        return other_value(self.env, record, name)
