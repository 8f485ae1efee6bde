# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .field_policy import FAILURE_CLEARED_BY, POLICY, ROLES, classified_fields, model_name, writable_fields
from .integrity_common import IntegrityCommon

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
                    create_only = self.env[model]._gep_policy()[2]
                    for name in sorted(self._scope(model)):
                        written = record is not None and self._try_write(
                            record, user, name, name in create_only
                        )
                        with self.subTest(model=key, state=state, role=role, field=name):
                            self.assertEqual(written, name in expected)

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
                cleared = self._try_write(line, self.users[role], "is_failed", value=False)
                with self.subTest(model=key, critical=critical, role=role):
                    self.assertEqual(cleared, role in judges)

    def _try_write(self, record, user, name, change=False, value=None):
        """Write the current value of ``name`` back (or, with ``change``, another value) as
        ``user``: True when it is accepted."""
        if value is None:
            value = (
                self._other_value(record, name)
                if change
                else record._fields[name].convert_to_write(record[name], record)
            )
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.models"):
                record.with_user(user).write({name: value})
                record.env.flush_all()
        except UserError:
            return False
        finally:
            record.invalidate_recordset()
        return True

    def _other_value(self, record, name):
        """A valid value of ``name`` other than the record's (fields set at creation accept
        their own value again, so only a change tells whether they are writable)."""
        field = record._fields[name]
        current = record[name]
        if field.type == "many2one":
            other = self.env[field.comodel_name].search([("id", "!=", current.id)], limit=1)
            return other.id
        if field.type == "selection":
            return next(key for key in field.get_values(self.env) if key != current)
        if field.type == "date":
            return fields.Date.add(current or fields.Date.today(), days=1)
        raise NotImplementedError(f"no other value for the field {name} ({field.type})")
