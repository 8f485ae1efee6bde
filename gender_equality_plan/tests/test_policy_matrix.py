# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The field policy at creation and at deletion, for every model, role and door.

Creation: every field of every model is set, by each role that creates records of the model,
through each source Odoo completes a new record from: the values of the request, the context's
``default_*`` keys (the web client's and any client's) and the user's personal ``ir.default``
records. The policy judges the record that would be created: a field the role may not set is
refused by the policy's own rule, whatever the source; a field it may set is not refused by it.

Deletion: every record of every model in every state, by every role, plainly and with Odoo's
uninstall flag (``_force_unlink``), which users can send but which changes nothing for them.

Each cell runs in its own savepoint and is rolled back.
"""

import json
from datetime import date

import psycopg2

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .field_policy import POLICY, ROLES, model_name, writable_fields
from .integrity_common import IntegrityCommon, other_value

SOURCES = ("vals", "context", "ir.default")
# Models of which a unit (or the Department) has one record a year: new records take a free year.
ONE_A_YEAR = {
    "gender.equality.plan",
    "gender.equality.report",
    "gender.equality.indicator.status",
    "gender.equality.sector.report",
}
# Values that a unique constraint reserves to the record copied: a free one for the new record.
FREE_VALUES = {
    "gender.equality.grading.band": {"code": "policy"},
    "gender.equality.phase": {"review_year": 2095},
}
MAGIC = {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date", "parent_path"}
# Refusals of a field by the policy (``gep_code``).
FIELD_REFUSALS = ("protected", "create_only", "field_group", "locked", "parent_locked")
# Any refusal of the policy (a value may be refused before its field is).
POLICY_REFUSALS = (*FIELD_REFUSALS, "value", "foreign_id")
# States in which a record may be deleted by the roles that may delete records of the model
# (they may not be deleted in any other state); models left out are master data, figures and
# history whose deletion rules are their own (the cells still check that the uninstall flag
# changes nothing).
DELETABLE = {
    "gender.equality.plan": {"draft", "cancelled"},
    "gender.equality.task": {"plan_draft"},
    "gender.equality.communication.product": {"plan_approved"},
    "gender.equality.inspection": {"draft", "cancelled"},
    "gender.equality.inspection:affiliated": {"draft", "cancelled"},
    "gender.equality.inspection.violation": {"in_progress"},
    "gender.equality.inspection.programme": {"draft", "cancelled"},
    "gender.equality.inspection.programme.line": {"draft", "returned"},
    "gender.equality.report": {"draft", "cancelled"},
    "gender.equality.report.supplement": {"draft", "cancelled"},
    "gender.equality.awareness.survey": {"open"},
    "gender.equality.indicator.status": {"draft", "cancelled"},
    "gender.equality.sector.report": {"draft", "cancelled"},
}
# Models whose unit records unit A's roles keep (they delete no corrective action, answer line,
# figure line or review: those have no delete right).


@tagged("post_install", "-at_install")
class TestPolicyMatrix(IntegrityCommon):
    # ------------------------------------------------------------
    # CREATION
    # ------------------------------------------------------------

    def _initial_state(self, key):
        return next(iter(POLICY[key]["states"]))

    def _create_keys(self):
        """Policy entries of stored models whose records the test can copy."""
        return [key for key in POLICY if not self.env[model_name(key)]._transient]

    def _base_vals(self, key, role):
        """Values with which ``role`` creates a record like the one of ``key`` in its initial
        state: the fields the role may set then, copied from that record (a free year for
        records of which a unit has one a year)."""
        record = self.records[key][self._initial_state(key)]
        entry = POLICY[key]
        allowed = writable_fields(key, role, self._initial_state(key)) | entry.get("create_only", frozenset())
        vals = record.sudo().copy_data()[0]
        vals = {
            name: value
            for name, value in vals.items()
            if name in allowed and record._fields[name].type != "one2many"
        }
        if model_name(key) in ONE_A_YEAR:
            vals["year"] = 2095
        vals.update(
            (name, value) for name, value in FREE_VALUES.get(model_name(key), {}).items() if name in vals
        )
        return vals, allowed

    def _create(self, model, user, base, name, value, source):
        """Create as ``user`` with ``name`` set to ``value`` through ``source``: None when the
        record is created, else the refusal."""
        Model = self.env[model].with_user(user)
        vals = dict(base)
        vals.pop(name, None)
        try:
            with self.env.cr.savepoint() as savepoint, mute_logger("odoo.models", "odoo.sql_db"):
                if source == "vals":
                    Model.create(dict(vals, **{name: value}))
                elif source == "context":
                    Model.with_context(**{f"default_{name}": value}).create(vals)
                else:
                    self._personal_default(model, user, name, value)
                    Model.create(vals)
                self.env.flush_all()
                savepoint.rollback()
        except (UserError, ValueError, TypeError) as error:
            return error
        finally:
            self.env.invalidate_all()
            self.env.registry.clear_cache()
        return None

    def _personal_default(self, model, user, name, value):
        """A personal default of ``user`` (stored as superuser, as an older version or another
        door could have left it)."""
        field = self.env["ir.model.fields"]._get(model, name)
        if isinstance(value, list):
            value = [id_ for command in value for id_ in (command[2] if command[0] == 6 else [command[1]])]
        elif isinstance(value, date):
            value = fields.Date.to_string(value)
        self.env["ir.default"].sudo().create(
            {"field_id": field.id, "json_value": json.dumps(value, default=str), "user_id": user.id}
        )

    def _create_value(self, key, name, user, base):
        """A value of ``name`` other than the one a new record created from ``base`` holds."""
        model = model_name(key)
        record = self.records[key][self._initial_state(key)]
        field = record._fields[name]
        if field.compute or field.related:
            # What the new record would compute (as the user, for the flags computed per user).
            record = self.env[model].with_user(user).new(base)
        value = other_value(self.env, record, name)
        if field.type == "many2many":
            # A set of records the roles may read (the record's own, or another one).
            ids = record[name].ids or self.env[field.comodel_name].search([], limit=1).ids
            return [(6, 0, ids)]
        return value

    def test_create_matrix(self):
        """A field the role may not set at creation is refused by the policy, through the
        values, the context's defaults and personal defaults; a field it may set is not."""
        for key in self._create_keys():
            model = model_name(key)
            scope = self.env[model]._gep_policy()[0]
            for role in POLICY[key]["writers"]:
                user = self.users[role]
                if not self.env[model].with_user(user).has_access("create"):
                    continue
                base, allowed = self._base_vals(key, role)
                for name in sorted(scope):
                    field = self.env[model]._fields[name]
                    if field.type in ("one2many", "binary") or (name in base and name in allowed):
                        continue
                    value = self._create_value(key, name, user, base)
                    for source in SOURCES:
                        with self.subTest(model=key, role=role, field=name, source=source):
                            error = self._create(model, user, base, name, value, source)
                            code = getattr(error, "gep_code", None)
                            if name in allowed:
                                self.assertNotIn(code, FIELD_REFUSALS, f"refused by the policy: {error}")
                            else:
                                self.assertIn(code, POLICY_REFUSALS, f"not refused by the policy: {error!r}")

    def test_create_matrix_covers_every_stored_model(self):
        stored = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("gender.equality.") and not model._abstract and not model._transient
        }
        self.assertEqual({model_name(key) for key in self._create_keys()}, stored)

    def test_roles_without_rights_create_nothing(self):
        for key in self._create_keys():
            model = model_name(key)
            for role in ROLES:
                if role in POLICY[key]["writers"]:
                    continue
                Model = self.env[model].with_user(self.users[role])
                with self.subTest(model=key, role=role):
                    # No rights on the model, or rights that the record rules limit to records
                    # of other units than unit A.
                    base = self._base_vals(
                        key, POLICY[key]["writers"][0] if POLICY[key]["writers"] else role
                    )[0]
                    with (
                        self.assertRaises(UserError) as caught,
                        self.env.cr.savepoint(),
                        mute_logger("odoo.models"),
                    ):
                        Model.create(base)
                        self.env.flush_all()
                    error = caught.exception
                    self.assertTrue(
                        isinstance(error, AccessError) or getattr(error, "gep_code", None) in POLICY_REFUSALS,
                        repr(error),
                    )

    def test_the_policy_covers_every_field_but_the_frameworks(self):
        """Deny by default: the policy's scope is every field of the model (a field that another
        module adds too) except the fields of the framework's mixins that no module redefines
        (followers, messages, activities). The activity type of an activity is the module's own
        field, although ``mail.activity.mixin`` has a field of that name."""
        framework = {
            name: set(field._modules)
            for mixin in ("mail.thread", "mail.thread.main.attachment", "mail.activity.mixin")
            for name, field in self.env[mixin]._fields.items()
        }
        for model in self._module_models():
            Model = self.env[model]
            expected = {
                name
                for name, field in Model._fields.items()
                if name not in MAGIC and not (name in framework and set(field._modules) <= framework[name])
            }
            with self.subTest(model=model):
                self.assertEqual(set(Model._gep_policy()[0]), expected)
        self.assertIn("activity_type_id", self.env["gender.equality.task"]._gep_policy()[0])
        self.assertNotIn("message_ids", self.env["gender.equality.plan"]._gep_policy()[0])

    def _module_models(self):
        return [
            name
            for name, model in self.env.registry.items()
            if name.startswith("gender.equality.") and not model._abstract
        ]

    # ------------------------------------------------------------
    # DELETION
    # ------------------------------------------------------------

    def _unlink(self, record, user, force):
        context = {MODULE_UNINSTALL_FLAG: True} if force else {}
        try:
            with self.env.cr.savepoint() as savepoint, mute_logger("odoo.models", "odoo.sql_db"):
                record.with_user(user).with_context(**context).unlink()
                self.env.flush_all()
                savepoint.rollback()
        except (UserError, psycopg2.IntegrityError) as error:
            # A record that others refer to (ondelete="restrict") is refused by the database.
            return error
        finally:
            self.env.invalidate_all()
        return None

    def test_unlink_matrix(self):
        """Deleting with or without the uninstall flag gives the same answer, for every model,
        state and role; records that are part of the history are kept by the policy's rule."""
        for key, entry in POLICY.items():
            model = model_name(key)
            if self.env[model]._transient:
                continue
            for state in entry["states"]:
                record = self.records[key][state]
                for role in ROLES:
                    user = self.users[role]
                    plain = self._unlink(record, user, force=False)
                    forced = self._unlink(record, user, force=True)
                    with self.subTest(model=key, state=state, role=role):
                        self.assertEqual(
                            (type(plain), getattr(plain, "gep_code", None)),
                            (type(forced), getattr(forced, "gep_code", None)),
                            f"the uninstall flag changed the answer: {plain!r} / {forced!r}",
                        )
                        if key not in DELETABLE:
                            continue
                        may_delete = role in entry["writers"] and record.with_user(user).has_access("unlink")
                        if may_delete and state in DELETABLE[key]:
                            self.assertIsNone(plain, f"refused: {plain!r}")
                        elif may_delete:
                            self.assertIn(
                                getattr(plain, "gep_code", None), ("kept", "parent_locked"), repr(plain)
                            )
                        else:
                            self.assertIsInstance(plain, AccessError)
