# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The integrity policy of every model of the module, in one place.

The units being assessed use the same API as the web client, so what a unit is assessed on
must not be writable by that unit through any door. Every model of the module inherits this
mixin (a test fails for a model that does not), and for every user but the superuser:

- the policy judges the record a request leaves behind, not the keys it carries. ``create``
  judges the values Odoo completes (the request's, the context's ``default_*`` keys, the
  user's ``ir.default`` records, the fields' defaults), and creates exactly what it judged;
  ``write`` judges the values against the records' current ones. A value equal to what the
  record would hold anyway (the module's default or compute at creation, the current value at
  write) is no change, and passes;
- nobody sets the fields that only the module's code writes: every field declared ``readonly``
  in Python (workflow bookkeeping, compiled figures, snapshots), every computed or related
  field unless it is an editable compute (``readonly=False``) or listed in
  ``_gep_writable_fields``, and the fields of ``_gep_protected_fields`` (the status);
- the parent of a child record (``_gep_parent_field``) and the fields of
  ``_gep_create_only_fields`` are set at creation and never changed afterwards (the model's
  actions change them, with a reason, as superuser);
- the fields of ``_gep_field_groups`` are changed only by the roles listed;
- a record locks fields according to its flags ``is_locked`` / ``is_editable`` (see
  ``_gep_locked_fields``), and a child record is locked with its parent: it cannot be
  created, changed or deleted while its parent is not editable;
- every value set is checked before anything is written: one year range, integer bounds,
  finite amounts, sensible text lengths and characters, valid selections and dates, and ids of
  records the user may read; bad input gets a clear, translated message and saves nothing;
- after a write, the records must still be the user's to write (record rules): a record
  cannot be moved to another unit, or out of the rules that let the user write it;
- one delete rule: a record that is part of the history (``_gep_kept_records``: it locks every
  field, or, for approval models, it has a review history or a final state) or whose parent
  is frozen is never deleted, with or without Odoo's uninstall flag (ignored for users);
- an access error says, in the user's language, that the record belongs to another unit.

Every refusal carries ``gep_code``, the rule that refused (see ``policy_error``). The scope is
every field of the model (deny by default: a field that another module adds is covered without
anyone remembering to add it) but the framework's own (``mail.thread`` followers, messages and
activities), whose doors are watched on their models.
"""

import ast
import functools
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..tools import common, onchange_ids, policy_values, roles
from ..tools.html_clean import NarrativeHtml

# Written by the ORM itself.
FRAMEWORK_FIELDS = frozenset(
    {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date", "parent_path"}
)
# The framework's mixins: their fields (followers, messages, activities) follow the framework's
# own rules and the doors of their models (see models/mail_*.py). Every other field of a model
# of the module is in the policy, also a field that another module adds.
FRAMEWORK_MIXINS = (
    "mail.thread",
    "mail.thread.main.attachment",
    "mail.activity.mixin",
    "mail.tracking.duration.mixin",
)


def policy_error(exception_class, code, message):
    """A refusal of the policy: ``exception_class(message)`` carrying ``gep_code``, which names
    the rule that refused (``protected``, ``create_only``, ``field_group``, ``locked``,
    ``parent_locked``, ``kept``, ``value``, ``foreign_id``, ``unknown_field``, ``access``)."""
    error = exception_class(message)
    error.gep_code = code
    return error


# Operations as the access errors name them.
OPERATIONS = ("read", "write", "create", "unlink")


class GenderEqualityGuardMixin(models.AbstractModel):
    _name = "gender.equality.guard.mixin"
    _description = "Integrity Policy of the Gender-Equality Records"

    # Declarations of the consumers (see the module docstring).
    _gep_parent_field = None
    _gep_locked_with_parent = True
    _gep_create_only_fields = ()
    _gep_writable_fields = ()
    _gep_protected_fields = ()
    _gep_field_groups = {}
    _gep_unit_field = "unit_id"

    # ------------------------------------------------------------
    # THE POLICY OF THE MODEL
    # ------------------------------------------------------------

    def _setup_complete(self):
        # Fields change when the registry is set up again (a module or a custom field added):
        # the policy is computed anew from them.
        super()._setup_complete()
        type(self)._gep_policy_cache = None

    @api.model
    def _gep_policy(self):
        """``(scope, protected, create_only)`` of the model: cached on its registry class."""
        cls = type(self)
        policy = cls.__dict__.get("_gep_policy_cache")
        if policy is None:
            # Deny by default: every field but the framework's (a field of a framework mixin
            # that a module redefines, such as the activity type of an activity, is ours).
            framework = {}
            for mixin in FRAMEWORK_MIXINS:
                if mixin in self.env.registry:
                    for name, field in self.env.registry[mixin]._fields.items():
                        framework.setdefault(name, set()).update(field._modules or ())
            scope = frozenset(
                name
                for name, field in self._fields.items()
                if name not in FRAMEWORK_FIELDS
                and not (name in framework and set(field._modules or ()) <= framework[name])
            )
            protected = set(self._gep_protected_fields)
            for name in scope:
                if name not in self._gep_writable_fields and self._fields[name].readonly:
                    protected.add(name)
            create_only = set(self._gep_create_only_fields)
            if self._gep_parent_field:
                create_only.add(self._gep_parent_field)
            policy = (scope, frozenset(protected), frozenset(create_only - protected))
            cls._gep_policy_cache = policy
        return policy

    @api.model
    def _gep_enforced(self):
        """The policy binds every user but the superuser (data files, workflow code)."""
        return not self.env.su

    def _gep_locked_fields(self):
        """``{record: names}``: the fields each record locks now (those with none are left out).

        By default a record whose ``is_locked`` is set or whose ``is_editable`` is not locks
        every field of the policy; models with partial locks override this method, from the
        same flags that their views read.
        """
        scope = self._gep_policy()[0]
        has_locked, has_editable = "is_locked" in self._fields, "is_editable" in self._fields
        if not (has_locked or has_editable):
            return {}
        return {
            record: scope
            for record in self
            if (has_locked and record.is_locked) or (has_editable and not record.is_editable)
        }

    def _gep_accepts_children(self):
        """Whether the records take new children (and changes of them): editable parents."""
        return "is_editable" not in self._fields or all(self.mapped("is_editable"))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._gep_enforced():
            records = super().create(self._gep_prepare_create_vals(vals_list))
            records._gep_adopt_files({name for vals in vals_list for name in vals})
            return records
        # The rights on the model come first: a user without them is told so.
        self.browse().check_access("create")
        # Judge the values the records will be created with: Odoo completes those of the
        # request from the context's ``default_*`` keys, the user's ``ir.default`` records and
        # the fields' defaults. The completed values are created as they were judged.
        completed = [self._add_missing_default_values(dict(vals)) for vals in vals_list]
        touched = self._gep_touched_at_create(completed)
        self._gep_check_create(completed, touched)
        self._gep_check_create_locks(completed, touched)
        records = super().create(self._gep_prepare_create_vals(completed))
        records._gep_adopt_files({name for vals in completed for name in vals})
        # Again on the records as stored (a lock may depend on what the database holds).
        locked = records._gep_locked_fields()
        for record, names in zip(records, touched, strict=True):
            refused = locked.get(record, frozenset()) & names
            if refused:
                raise self._gep_locked_error(record, refused)
        return records

    def write(self, vals):
        enforced = self._gep_enforced() and self
        if enforced:
            vals = self._gep_check_write(vals)
        result = super().write(vals)
        self._gep_adopt_files(vals.keys())
        keys = self._gep_policy()[0] & vals.keys() if enforced else set()
        if keys:
            # The records must still be the user's to write: no move to another unit or parent,
            # and no move into a state of the record that would lock what was just written.
            self.check_access("write")
            for record, names in self._gep_locked_fields().items():
                if names & keys:
                    raise self._gep_locked_error(record, names & keys)
        return result

    def _gep_adopt_files(self, names):
        """Files uploaded before their record was saved belong to no record (the form's upload
        widget sends ``res_id`` 0 for a new record; a script links new files the same way), and
        Odoo lets nobody but their uploader read such files: the head or the Department deciding
        on the record could not open its evidence. Linked to the records through a file field
        of ``names`` (``ir.attachment._gep_evidence_fields``) by their uploader, they become the
        record's (``res_model``, ``res_id``): readable by whoever may read it, frozen with it.
        Files of another record or of another uploader are left as they are."""
        file_fields = [
            field
            for model, field in self.env["ir.attachment"]._gep_evidence_fields()
            if model == self._name and field in names
        ]
        if not file_fields or not self:
            return
        uid, su = self.env.uid, self.env.su
        Attachment = self.env["ir.attachment"].sudo()
        linked = {record: Attachment.union(*(record[name] for name in file_fields)) for record in self.sudo()}
        # The files of every record read at once; a write only for the records that have orphans.
        orphans = Attachment.union(*linked.values()).filtered(
            lambda file: not file.res_id
            and not file.res_field
            and file.res_model in (False, self._name)
            and (su or file.create_uid.id == uid)
        )
        for record, files in linked.items():
            if adopted := files & orphans:
                adopted.write({"res_model": self._name, "res_id": record.id})

    def copy_data(self, default=None):
        """Copies leave out what only the module writes (status, figures, bookkeeping)."""
        vals_list = super().copy_data(default=default)
        if self._gep_enforced():
            protected = self._gep_policy()[1] - set(default or ())
            vals_list = [
                {key: value for key, value in vals.items() if key not in protected} for vals in vals_list
            ]
        return vals_list

    def unlink(self):
        # Odoo's uninstall flag switches the delete rules off (``ondelete(at_uninstall=False)``)
        # and any client can send it: only the superuser (who uninstalls modules) keeps it.
        records = self
        if self._gep_enforced() and self.env.context.get(MODULE_UNINSTALL_FLAG):
            records = self.with_context(**{MODULE_UNINSTALL_FLAG: False})
        return super(GenderEqualityGuardMixin, records).unlink()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """The one delete rule of the module: a record that is part of the history (see
        ``_gep_kept_records``) or whose parent no longer takes changes is kept."""
        if not self._gep_enforced():
            return
        kept = self._gep_kept_records()
        if kept:
            raise policy_error(ValidationError, "kept", self._gep_kept_message(kept[0]))
        self._gep_check_unlink_parents()

    def _gep_check_unlink_parents(self):
        """Raise when the parents of the records take no change of their children (by default:
        when the model is locked with its parent and a parent is not editable)."""
        self._gep_check_parents_accept_children(self._gep_parents())

    def _gep_kept_records(self):
        """The records that are part of the history and are never deleted by a user: by default
        those that lock every field of the policy (approval models add their reviewed and final
        records)."""
        scope = self._gep_policy()[0]
        locked = self._gep_locked_fields()
        return self.browse([record.id for record, names in locked.items() if names >= scope])

    def _gep_kept_message(self, record):
        return self.env._(
            "%(record)s cannot be deleted in its current status: it is part of the history.",
            record=record.sudo().display_name,
        )

    def _gep_prepare_create_vals(self, vals_list):
        """Hook: complete the values of new records after the policy checked them."""
        return vals_list

    # ------------------------------------------------------------
    # WHAT A REQUEST CHANGES
    # ------------------------------------------------------------

    @api.model
    def _gep_touched_at_create(self, completed):
        """For each completed ``vals``, the names of the fields whose value differs from what
        the module itself gives a new record: the field's own default (evaluated without the
        context's ``default_*`` keys), the value its compute gives from the other values, or
        nothing. A value
        equal to that is no change, whatever source sent it (the web client sends every field
        of its form, invisible ones included)."""
        context_names = {
            key[8:] for key in self.env.context if isinstance(key, str) and key.startswith("default_")
        }
        sources = context_names | set(self.env["ir.default"]._get_model_defaults(self._name))
        clean = self.with_context(
            {key: value for key, value in self.env.context.items() if not str(key).startswith("default_")}
        )
        touched = []
        for vals in completed:
            names = set()
            computed = []
            for name in (sources | set(vals)) & vals.keys():
                field = self._fields.get(name)
                if field is None:
                    names.add(name)
                elif field.compute or field.related:
                    computed.append(name)
                elif not self._gep_same_value(
                    field, vals[name], field.default(clean) if field.default else False
                ):
                    names.add(name)
            if computed:
                # What the computes give from the other values, on a record that is not saved.
                new = clean.new({key: value for key, value in vals.items() if key not in computed})
                names.update(
                    name
                    for name in computed
                    if not self._gep_same_value(self._fields[name], vals[name], new[name])
                )
            touched.append(frozenset(names))
        return touched

    @api.model
    def _gep_normalize(self, field, value):
        """``value`` as a field of a new record holds it, for comparisons."""
        if field.type in ("one2many", "many2many"):
            if isinstance(value, models.BaseModel):
                return frozenset(value.ids)
            return policy_values.x2many_result(value)
        if isinstance(value, models.BaseModel):
            value = value.id
        if value is None or value is False or value == "":
            return {"integer": 0, "float": 0.0, "monetary": 0.0, "boolean": False}.get(field.type)
        try:
            return field.convert_to_cache(value, self.browse())
        except (TypeError, ValueError):
            return policy_values.Changes()

    @api.model
    def _gep_same_value(self, field, value, expected):
        return self._gep_normalize(field, value) == self._gep_normalize(field, expected)

    def _gep_changes(self, name, value):
        """The records whose field ``name`` would change if ``value`` were written."""
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            if isinstance(value, models.BaseModel):
                value = [(policy_values.SET, 0, value.ids)]
            return self.filtered(
                lambda record: policy_values.x2many_result(value, record[name].ids)
                != frozenset(record[name].ids)
            )
        try:
            new = field.convert_to_record(field.convert_to_cache(value, self), self)
        except (TypeError, ValueError):
            return self
        return self.filtered(lambda record: record[name] != new)

    def _gep_parents(self):
        parent_field = self._gep_parent_field
        if not (parent_field and self._gep_locked_with_parent):
            return None
        return self.sudo()[parent_field]

    # ------------------------------------------------------------
    # CHECKS
    # ------------------------------------------------------------

    @api.model
    def _gep_check_create(self, completed, touched):
        """Judge the completed values of new records (``touched``: the fields each one sets)."""
        protected = self._gep_policy()[1]
        parent_field = self._gep_parent_field
        parent_ids = set()
        for vals, names in zip(completed, touched, strict=True):
            self._gep_check_field_names(vals)
            refused = protected & names
            if refused:
                self._gep_refuse_fields(refused)
            self._gep_check_field_groups(names)
            self._gep_check_values({name: vals[name] for name in names})
            parent = vals.get(parent_field) if parent_field else None
            if parent:
                parent_ids.add(parent.id if isinstance(parent, models.BaseModel) else parent)
        if parent_ids:
            parents = self.env[self._fields[parent_field].comodel_name].browse(parent_ids)
            self._gep_check_create_parents(parents)

    @api.model
    def _gep_check_create_locks(self, completed, touched):
        """A new record cannot carry values in the fields that it locks (execution figures of an
        activity whose plan is not approved, a record of a frozen year...): judged on the record
        as it would be, before the model's constraints look at its values."""
        for vals, names in zip(completed, touched, strict=True):
            if not names:
                continue
            new = self.new({key: value for key, value in vals.items() if key in self._fields})
            refused = new._gep_locked_fields().get(new, frozenset()) & names
            if refused:
                raise self._gep_locked_error(new, refused)

    @api.model
    def _gep_check_create_parents(self, parents):
        """Raise when ``parents`` take no new children (by default: when the model is locked
        with its parent and a parent is not editable)."""
        if self._gep_locked_with_parent:
            self._gep_check_parents_accept_children(parents)

    def _gep_check_write(self, vals):
        """Judge a write; return the values to write (those of the fields that the user may not
        write and that keep their value are left out: no change)."""
        # The rights on the records come first: a user without them is told so.
        self.check_access("write")
        __, protected, create_only = self._gep_policy()
        self._gep_check_field_names(vals)
        locked = self._gep_locked_fields()
        denied = self._gep_denied_field_groups(vals.keys())
        parents = self._gep_parents()
        closed = parents.filtered(lambda parent: not parent._gep_accepts_children()) if parents else None
        restricted = protected | create_only | denied | set().union(*locked.values())
        if closed:
            # Children of a frozen parent take no change at all.
            restricted |= set(self._fields)
        restricted &= vals.keys()
        changes = {name: self._gep_changes(name, vals[name]) for name in restricted}
        changed = {name for name, records in changes.items() if records}
        if protected & changed:
            self._gep_refuse_fields(protected & changed)
        if create_only & changed:
            self._gep_refuse_fields(create_only & changed, code="create_only")
        self._gep_check_field_groups(changed)
        for record, names in locked.items():
            refused = {name for name in names & changed if record in changes[name]}
            if refused:
                raise self._gep_locked_error(record, refused)
        if closed and changed:
            self._gep_check_parents_accept_children(closed)
        vals = {key: value for key, value in vals.items() if key not in restricted or key in changed}
        self._gep_check_values(vals)
        return vals

    @api.model
    def _gep_check_field_names(self, vals):
        unknown = set(vals) - set(self._fields)
        if unknown:
            raise policy_error(
                ValidationError,
                "unknown_field",
                self.env._(
                    "%(model)s has no field named %(fields)s.",
                    model=self._gep_model_label(),
                    fields=", ".join(sorted(unknown)),
                ),
            )

    def _gep_check_parents_accept_children(self, parents):
        if not parents:
            return
        closed = parents.sudo().filtered(lambda parent: not parent._gep_accepts_children())
        if closed:
            raise policy_error(
                ValidationError,
                "parent_locked",
                self.env._(
                    "%(parent)s can no longer be changed in its current status: its %(children)s "
                    "cannot be added, changed or deleted.",
                    parent=closed[0].display_name,
                    children=self._gep_model_label(),
                ),
            )

    @api.model
    def _gep_denied_field_groups(self, names):
        """The fields of ``names`` that the user's roles may not write (``_gep_field_groups``)."""
        return {
            name
            for name in set(self._gep_field_groups) & set(names)
            if not roles.has_any(self.env, *self._gep_field_groups[name])
        }

    @api.model
    def _gep_check_field_groups(self, names):
        denied = self._gep_denied_field_groups(names)
        if denied:
            name = sorted(denied)[0]
            raise policy_error(
                AccessError,
                "field_group",
                self.env._(
                    "Your role does not allow you to change the field %(field)s of %(model)s.",
                    field=self._gep_field_label(name),
                    model=self._gep_model_label(),
                ),
            )

    def _gep_check_values(self, vals):
        """Refuse values the database cannot store or the application cannot use."""
        self._gep_check_field_names(vals)
        scope = self._gep_policy()[0]
        for name, value in vals.items():
            if name not in scope or value is False or value is None:
                continue
            field = self._fields[name]
            problem = self._gep_value_error(field, value)
            if problem:
                message, exception = problem if isinstance(problem, tuple) else (problem, ValidationError)
                raise policy_error(
                    exception,
                    "foreign_id" if exception is AccessError else "value",
                    self.env._(
                        "%(field)s: %(problem)s",
                        field=self._gep_field_label(name),
                        problem=message,
                    ),
                )

    def _gep_value_error(self, field, value):
        """Why ``value`` is not valid for ``field``: a translated text (or a pair of the text and
        the exception to raise), or None."""
        checker = {
            "integer": self._gep_integer_error,
            "float": self._gep_float_error,
            "monetary": self._gep_float_error,
            "char": self._gep_text_error,
            "text": self._gep_text_error,
            "html": self._gep_text_error,
            "selection": self._gep_selection_error,
            "date": self._gep_date_error,
            "datetime": self._gep_date_error,
            "many2one": self._gep_many2one_error,
            "many2many": self._gep_many2many_error,
        }.get(field.type)
        return checker(field, value) if checker else None

    def _gep_integer_error(self, field, value):
        if not common.is_valid_integer(value):
            return self.env._(
                "enter a whole number between %(low)s and %(high)s.",
                low=common.INT_MIN,
                high=common.INT_MAX,
            )
        is_year = self._gep_is_year_field(field) and not (value == 0 and not field.required)
        return self._gep_year_problem(value) if is_year and not common.is_valid_year(value) else None

    def _gep_float_error(self, field, value):
        if not common.is_valid_float(value):
            return self.env._("enter a number no larger than %(high)s.", high=common.FLOAT_MAX_LABEL)
        return None

    def _gep_text_error(self, field, value):
        if not isinstance(value, str):
            return self.env._("enter a text.")
        limit = {
            "char": field.size or common.CHAR_MAX_LENGTH,
            "text": common.TEXT_MAX_LENGTH,
            "html": common.HTML_MAX_LENGTH,
        }[field.type]
        if len(value) > limit:
            return self.env._(
                "the text is too long (%(length)s characters, at most %(limit)s).",
                length=len(value),
                limit=limit,
            )
        character = policy_values.text_problem(value)
        if character:
            return self.env._(
                "the text holds a control character (%(character)s) that cannot be saved or printed: "
                "remove it (it often comes with text pasted from another program).",
                character=policy_values.character_label(character),
            )
        return None

    def _gep_selection_error(self, field, value):
        if value not in field.get_values(self.env):
            return self.env._("“%(value)s” is not one of the allowed values.", value=value)
        return None

    def _gep_date_error(self, field, value):
        try:
            convert = fields.Date.to_date if field.type == "date" else fields.Datetime.to_datetime
            moment = convert(value)
        except (TypeError, ValueError):
            moment = None
        if not isinstance(moment, date) or not common.YEAR_MIN <= moment.year <= common.YEAR_MAX:
            return self.env._(
                "enter a valid date between %(low)s and %(high)s.",
                low=common.YEAR_MIN,
                high=common.YEAR_MAX,
            )
        return None

    def _gep_many2one_error(self, field, value):
        return self._gep_ids_error(field, [value.id] if isinstance(value, models.BaseModel) else [value])

    def _gep_many2many_error(self, field, value):
        if isinstance(value, models.BaseModel):
            return self._gep_ids_error(field, value.ids)
        return self._gep_ids_error(field, policy_values.linked_ids(value))

    def _gep_ids_error(self, field, ids):
        """Ids given for a relational field must be records that the user may read."""
        if not all(isinstance(record_id, int) and not isinstance(record_id, bool) for record_id in ids):
            return self.env._("refers to a record that does not exist.")
        records = self.env[field.comodel_name].browse(ids)
        if len(records.exists()) != len(set(ids)):
            return self.env._("refers to a record that does not exist.")
        if not records.has_access("read"):
            return (
                self.env._(
                    "refers to a record that you may not see: it belongs to another unit, or your role "
                    "does not give access to it."
                ),
                AccessError,
            )
        return None

    @api.model
    def _gep_is_year_field(self, field):
        return field.type == "integer" and (field.name == "year" or field.name.endswith("_year"))

    def _gep_year_problem(self, year):
        return self.env._(
            "%(year)s is not a valid year: enter a year between %(low)s and %(high)s.",
            year=year,
            low=common.YEAR_MIN,
            high=common.YEAR_MAX,
        )

    @api.model
    def _gep_check_year(self, year):
        """Return ``year`` as an integer of the module's range, or raise a clear error."""
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year)
        if not common.is_valid_year(year):
            raise ValidationError(self._gep_year_problem(year))
        return year

    # ------------------------------------------------------------
    # VIEWS
    # ------------------------------------------------------------

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """Narratives are text formatting only (``NarrativeHtml`` drops images and media when
        saved): their editor offers no image or video, so nobody pastes one that would vanish."""
        arch, view = super()._get_view(view_id, view_type, **options)
        for node in arch.iter("field"):
            if not isinstance(self._fields.get(node.get("name")), NarrativeHtml) or node.xpath(
                "ancestor::field"
            ):
                continue
            try:
                field_options = ast.literal_eval(node.get("options") or "{}")
            except (SyntaxError, ValueError):
                continue
            field_options.update(disableImage=True, disableVideo=True)
            node.set("options", repr(field_options))
        return arch, view

    # ------------------------------------------------------------
    # MESSAGES
    # ------------------------------------------------------------

    @api.model
    def _gep_model_label(self):
        """The name of the model in the user's language (``_description`` is English)."""
        return self.env["ir.model"].sudo()._get(self._name).name or self._description

    @api.model
    def _gep_field_label(self, name):
        return self._fields[name]._description_string(self.env)

    @api.model
    def _gep_refuse_fields(self, names, code="protected"):
        raise policy_error(
            AccessError,
            code,
            self.env._(
                "%(fields)s of %(model)s cannot be written directly: the application sets them "
                "(through the actions of the record, such as submit or approve, or by computing them).",
                fields=", ".join(sorted(self._gep_field_label(name) for name in names)),
                model=self._gep_model_label(),
            ),
        )

    def _gep_locked_error(self, record, names):
        message = self.env._(
            "%(record)s can no longer be changed in its current status (%(fields)s).",
            record=record.sudo().display_name,
            fields=", ".join(sorted(self._gep_field_label(name) for name in names)),
        )
        reason = record.sudo()._gep_lock_reason()
        return policy_error(ValidationError, "locked", f"{message} {reason}" if reason else message)

    def _gep_lock_reason(self):
        """Why the record (one) is locked, in words, when its status does not say it (a closed
        period...), or None."""
        return None

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result and operation in OPERATIONS:
            forbidden = result[0]
            return forbidden, functools.partial(self._gep_make_access_error, operation, forbidden)
        return result

    @api.model
    def _gep_make_access_error(self, operation, records):
        """An access error in plain words: whose record it is, and what the user may do."""
        user = self.env.user
        env = self.with_context(lang=user.lang or self.env.lang).env
        verbs = {
            "read": env._("see"),
            "write": env._("change"),
            "create": env._("create"),
            "unlink": env._("delete"),
        }
        model = self.with_env(env)._gep_model_label()
        unit_field = self._gep_unit_field
        if records and unit_field in self._fields and self._fields[unit_field].type == "many2one":
            units = records.sudo()[unit_field]
            if units and not units <= user.gep_unit_ids:
                return policy_error(
                    AccessError,
                    "access",
                    env._(
                        "This record (%(model)s) belongs to another unit: you can only %(operation)s "
                        "the records of your own units.",
                        model=model,
                        operation=verbs[operation],
                    ),
                )
        if records:
            return policy_error(
                AccessError,
                "access",
                env._(
                    "Your role does not allow you to %(operation)s this record (%(model)s).",
                    operation=verbs[operation],
                    model=model,
                ),
            )
        return policy_error(
            AccessError,
            "access",
            env._(
                "Your role does not allow you to %(operation)s records of %(model)s.",
                operation=verbs[operation],
                model=model,
            ),
        )

    # ------------------------------------------------------------
    # READS: ONCHANGE, CONTEXT DEFAULTS, COMPUTES, RULES BEFORE UNIQUENESS
    # ------------------------------------------------------------
    # Odoo's ``onchange`` checks no access, and what is computed as superuser (related fields,
    # ``compute_sudo`` fields, computes that read through ``sudo()``) answers through it;
    # ``default_get`` computes defaults from the ids of the context's ``default_*`` keys. For the
    # users the policy binds, both answer only about records the user may read.

    # Fields holding ids of the model that another field names, ``{ids field: model field}``: the
    # wizards that act on the records of a button. Many2oneReference fields are found without it.
    _gep_reference_fields = {}

    def onchange(self, values, field_names, fields_spec):
        if self._gep_enforced():
            self._gep_check_onchange(values)
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def default_get(self, fields_list):
        if self._gep_enforced():
            self._gep_check_readable_values(self._gep_context_defaults())
        return super().default_get(fields_list)

    def _gep_check_onchange(self, values):
        """What an onchange computes from must be readable: the model, the records being edited,
        every record that the values name (the lines of the form, the parent of a line) and
        every record that the context's defaults name."""
        self.browse().check_access("read")
        self.browse(onchange_ids.real_ids(self._ids)).check_access("read")
        self._gep_check_readable_values(values)
        self._gep_check_readable_values(self._gep_context_defaults())

    @api.model
    def _gep_context_defaults(self):
        """The values that the context's ``default_*`` keys give to fields of the model."""
        return {
            key[8:]: value
            for key, value in self.env.context.items()
            if isinstance(key, str) and key.startswith("default_") and key[8:] in self._fields
        }

    @api.model
    def _gep_check_readable_values(self, values):
        """Refuse ``values`` (in the format of ``onchange``) that name a record the user may not
        read, with the message of the ids check of ``create`` and ``write``."""
        for (model_name, name, comodel_name), ids in onchange_ids.referenced_ids(self, values).items():
            field = self.env[model_name]._fields[name]
            if not field.relational:
                # A reference (a model and ids): the records' own access error.
                self.env[comodel_name].browse(ids).exists().check_access("read")
                continue
            problem = self._gep_ids_error(field, ids)
            if problem:
                message, exception = problem if isinstance(problem, tuple) else (problem, ValidationError)
                raise policy_error(
                    exception,
                    "foreign_id" if exception is AccessError else "value",
                    self.env._(
                        "%(field)s: %(problem)s", field=field._description_string(self.env), problem=message
                    ),
                )

    def _gep_readable(self):
        """The records of ``self`` that the caller may read: a compute that reads as superuser
        computes only for them. A new record (an onchange) counts when the caller may read the
        model and the record it comes from."""
        if not self._gep_enforced():
            return self
        if not self.browse().has_access("read"):
            return self.browse()
        allowed = self._origin._filtered_access("read")
        return self.filtered(lambda record: not record._origin or record._origin in allowed)

    def _gep_check_rule_on_values(self, operation, vals_list):
        """Refuse, with the access error that the record rules would give, the records that
        ``vals_list`` would create (``self`` empty) or that ``self`` would become (a write of
        ``vals_list[0]``), before a check that reads other records as superuser (a uniqueness
        check, a unique index) answers: such a check must not tell a user whether a unit the
        user may not write already has a record. The rules are evaluated in memory, as Odoo
        evaluates them on existing records (``filtered_domain``)."""
        if not self._gep_enforced():
            return
        self.check_access(operation)
        domain = self.env["ir.rule"]._compute_domain(self._name, operation)
        if not domain or not vals_list:
            return
        names = {
            leaf[0].split(".")[0]
            for leaf in domain
            if isinstance(leaf, list | tuple) and leaf and isinstance(leaf[0], str)
        } & set(self._fields)
        Model = self.sudo()
        if self:
            vals = vals_list[0]
            candidates = [
                Model.new({name: vals[name] for name in names & vals.keys()}, origin=record)
                for record in Model
            ]
        else:
            defaults = self.default_get(sorted(names))
            candidates = [
                Model.new(dict(defaults, **{name: vals[name] for name in names & vals.keys()}))
                for vals in vals_list
            ]
        for candidate in candidates:
            if not candidate.filtered_domain(domain):
                raise self._gep_make_access_error(operation, candidate)

    # ------------------------------------------------------------
    # ARCHIVING
    # ------------------------------------------------------------

    def action_archive(self):
        self._gep_check_archivable()
        return super().action_archive()

    def action_unarchive(self):
        self._gep_check_archivable()
        return super().action_unarchive()

    def toggle_active(self):
        self._gep_check_archivable()
        return super().toggle_active()

    @api.model
    def _gep_check_archivable(self):
        """Odoo asserts (a server error) on a model without ``active``: the user gets a message."""
        if not self._active_name:
            raise UserError(
                self.env._(
                    "%(model)s cannot be archived or restored: it has no archive. Use the actions of "
                    "the record instead (cancel it, if its status allows it).",
                    model=self._gep_model_label(),
                )
            )

    # ------------------------------------------------------------
    # THE DOORS OF ODOO'S MODELS (files, chatter, crons)
    # ------------------------------------------------------------
    # Odoo's own models next to the records (``ir.attachment``, ``mail.message``, ``ir.cron``…)
    # ask these hooks; their rules live in the files that extend them (models/ir_attachment.py,
    # models/mail_message.py, models/mail_thread.py, models/mail_activity.py…).

    @api.model
    def _gep_is_module_model(self, model_name):
        """Whether ``model_name`` is a model of the module (its class inherits this mixin)."""
        cls = self.env.registry.get(model_name)
        return cls is not None and issubclass(cls, self.env.registry["gender.equality.guard.mixin"])

    def _gep_attachments_frozen(self):
        """The records whose files (``ir.attachment``) are frozen: nobody bound by the policy adds,
        replaces or deletes them. By default the records that lock their ``attachment_ids`` field
        or every field, and those whose parent no longer accepts children."""
        scope = self._gep_policy()[0]
        frozen = self.browse(
            record.id
            for record, names in self._gep_locked_fields().items()
            if "attachment_ids" in names or names >= scope
        )
        parent_field = self._gep_parent_field
        if parent_field and self._gep_locked_with_parent:
            for record in self - frozen:
                parent = record.sudo()[parent_field]
                if parent and not parent._gep_accepts_children():
                    frozen |= record
        return frozen

    def _gep_check_attachments_editable(self):
        """Refuse to add, change or delete a file of a record whose files are frozen."""
        if not self._gep_enforced():
            return
        # Read as superuser: the flags of a record and of its parent decide, whoever asks.
        frozen = self.sudo()._gep_attachments_frozen()
        if frozen:
            raise AccessError(
                self.env._(
                    "The files of %(record)s can no longer be added, replaced or deleted: it is "
                    "frozen in its current status (submitted, approved, verified or counted by a "
                    "report). Attach files while it can still be edited; if a file is wrong, ask "
                    "for the record to be returned.",
                    record=frozen[0].display_name,
                )
            )

    def _gep_comments_editable(self):
        """The records on which authors may still edit or delete their own chatter comments: by
        default those that are editable (``is_editable``), or not locked (``is_locked``)."""
        if "is_editable" in self._fields:
            return self.filtered("is_editable")
        if "is_locked" in self._fields:
            return self.filtered(lambda record: not record.is_locked)
        return self

    @api.model
    def _gep_check_cron_caller(self):
        """The module's scheduled jobs run as the superuser only (the cron's user, OdooBot, or
        *Run Manually*): a user who calls them, or runs their server action, is refused."""
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "This is a scheduled job of the application: it runs by itself, as the system. "
                    "An administrator can start it with Run Manually in Settings › Technical › "
                    "Scheduled Actions."
                )
            )

    # ------------------------------------------------------------
    # READS ON A STANDBY (issue 20): a record's form reads on the primary
    # ------------------------------------------------------------

    def web_read(self, specification):
        """A form reads its record with ``web_read``, and reads it again after every button and
        every save. Odoo 18 marks it read-only: with a standby (``db_replica_host``) it would run
        there, and a standby that has not replayed the click yet would show the record as before
        it (a plan still a draft after *Submit*, a user who clicks again). The module's records
        are read on the primary (``_readonly = False``: Odoo's web client takes the first mark it
        finds on the model's classes); the lists, groupings and counts (``web_search_read``,
        ``web_read_group``, ``search_count``) and the figures stay on the standby."""
        return super().web_read(specification)

    web_read._readonly = False
