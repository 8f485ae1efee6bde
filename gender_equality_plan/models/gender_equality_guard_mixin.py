# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The integrity policy of every model of the module, in one place.

The units being assessed use the same API as the web client, so what a unit is assessed on
must not be writable by that unit through any door. Every model of the module inherits this
mixin (a test fails for a model that does not), and for every user but the superuser:

- ``create`` and ``write`` refuse the fields that only the module's code writes: every field
  declared ``readonly`` in Python (workflow bookkeeping, compiled figures, snapshots), every
  computed or related field unless it is an editable compute (``readonly=False``) or listed in
  ``_gep_writable_fields``, and the fields of ``_gep_protected_fields`` (the status);
- the parent of a child record (``_gep_parent_field``) and the fields of
  ``_gep_create_only_fields`` are set at creation and never written afterwards (the model's
  actions change them, with a reason, as superuser);
- the fields of ``_gep_field_groups`` are written only by the roles listed;
- a record locks fields according to its flags ``is_locked`` / ``is_editable`` (see
  ``_gep_locked_fields``), and a child record is locked with its parent: it cannot be
  created, changed or deleted while its parent is not editable;
- every value is checked before anything is written: one year range, integer bounds, finite
  amounts, sensible text lengths, valid selections and dates, and ids of records the user may
  read; bad input gets a clear, translated message and saves nothing;
- after a write, the records must still be the user's to write (record rules): a record
  cannot be moved to another unit, or out of the rules that let the user write it;
- an access error says, in the user's language, that the record belongs to another unit.

A new field or a new model is covered without anyone remembering to add it. Fields that the
framework owns (``mail.thread`` followers, messages and activities) are outside the policy.
"""

import functools
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import common, roles

MODULE = "gender_equality_plan"
# Written by the ORM itself.
FRAMEWORK_FIELDS = frozenset(
    {"id", "display_name", "create_uid", "create_date", "write_uid", "write_date", "parent_path"}
)
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

    @api.model
    def _gep_policy(self):
        """``(scope, protected, create_only)`` of the model: cached on its registry class."""
        cls = type(self)
        policy = cls.__dict__.get("_gep_policy_cache")
        if policy is None:
            scope = frozenset(
                name
                for name, field in self._fields.items()
                if MODULE in (field._modules or ()) and name not in FRAMEWORK_FIELDS
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
            return super().create(self._gep_prepare_create_vals(vals_list))
        self._gep_check_create(vals_list)
        keys = [set(vals) for vals in vals_list]
        records = super().create(self._gep_prepare_create_vals(vals_list))
        # A new record cannot carry values in the fields that it locks (execution figures of an
        # activity whose plan is not approved, a record of a frozen year...).
        locked = records._gep_locked_fields()
        for record, names in zip(records, keys, strict=False):
            refused = locked.get(record, frozenset()) & names
            if refused:
                raise ValidationError(self._gep_locked_message(record, refused))
        return records

    def write(self, vals):
        enforced = self._gep_enforced() and self
        if enforced:
            self._gep_check_write(vals)
        result = super().write(vals)
        keys = self._gep_policy()[0] & vals.keys() if enforced else set()
        if keys:
            # The records must still be the user's to write: no move to another unit or parent,
            # and no move into a state of the record that would lock what was just written.
            self.check_access("write")
            for record, names in self._gep_locked_fields().items():
                if names & keys:
                    raise ValidationError(self._gep_locked_message(record, names & keys))
        return result

    def copy_data(self, default=None):
        """Copies leave out what only the module writes (status, figures, bookkeeping)."""
        vals_list = super().copy_data(default=default)
        if self._gep_enforced():
            protected = self._gep_policy()[1] - set(default or ())
            vals_list = [
                {key: value for key, value in vals.items() if key not in protected} for vals in vals_list
            ]
        return vals_list

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if not self._gep_enforced():
            return
        scope = self._gep_policy()[0]
        locked = [record for record, names in self._gep_locked_fields().items() if names >= scope]
        if locked:
            raise ValidationError(self._gep_locked_message(locked[0], delete=True))
        self._gep_check_parents_accept_children(self._gep_parents())

    def _gep_prepare_create_vals(self, vals_list):
        """Hook: complete the values of new records after the policy checked them."""
        return vals_list

    # ------------------------------------------------------------
    # CHECKS
    # ------------------------------------------------------------

    @api.model
    def _gep_check_create(self, vals_list):
        # The rights on the model come first: a user without them is told so.
        self.browse().check_access("create")
        scope, protected, __ = self._gep_policy()
        defaults = self._gep_static_defaults(protected)
        for key, value in self.env.context.items():
            name = key[8:] if isinstance(key, str) and key.startswith("default_") else None
            if name in protected and value != defaults.get(name):
                self._gep_refuse_fields({name})
        parent_field = self._gep_parent_field
        parent_ids = set()
        for vals in vals_list:
            refused = {name for name in protected & vals.keys() if vals[name] != defaults.get(name)}
            if refused:
                self._gep_refuse_fields(refused)
            self._gep_check_field_groups(vals.keys())
            self._gep_check_values(vals)
            parent = vals.get(parent_field) if parent_field and self._gep_locked_with_parent else None
            if parent:
                parent_ids.add(parent.id if isinstance(parent, models.BaseModel) else parent)
        if parent_ids:
            parents = self.env[self._fields[parent_field].comodel_name].browse(parent_ids)
            self._gep_check_parents_accept_children(parents)

    def _gep_check_write(self, vals):
        # The rights on the records come first: a user without them is told so.
        self.check_access("write")
        scope, protected, create_only = self._gep_policy()
        self._gep_check_field_names(vals)
        refused = protected & vals.keys()
        # A field set at creation may be written again with its value (a one2many command
        # that links a child to its parent does that); a change is refused.
        refused |= {name for name in create_only & vals.keys() if self._gep_changes(name, vals[name])}
        if refused:
            self._gep_refuse_fields(refused)
        self._gep_check_field_groups(vals.keys())
        keys = scope & vals.keys()
        for record, names in self._gep_locked_fields().items():
            if names & keys:
                raise ValidationError(self._gep_locked_message(record, names & keys))
        self._gep_check_parents_accept_children(self._gep_parents())
        self._gep_check_values(vals)

    @api.model
    def _gep_check_field_names(self, vals):
        unknown = set(vals) - set(self._fields)
        if unknown:
            raise ValidationError(
                self.env._(
                    "%(model)s has no field named %(fields)s.",
                    model=self._gep_model_label(),
                    fields=", ".join(sorted(unknown)),
                )
            )

    def _gep_changes(self, name, value):
        """The records whose field ``name`` would change if ``value`` were written."""
        field = self._fields[name]
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

    def _gep_check_parents_accept_children(self, parents):
        if not parents:
            return
        closed = parents.sudo().filtered(lambda parent: not parent._gep_accepts_children())
        if closed:
            raise ValidationError(
                self.env._(
                    "%(parent)s can no longer be changed in its current status: its %(children)s "
                    "cannot be added, changed or deleted.",
                    parent=closed[0].display_name,
                    children=self._gep_model_label(),
                )
            )

    def _gep_check_field_groups(self, names):
        for name in set(self._gep_field_groups) & set(names):
            if not roles.has_any(self.env, *self._gep_field_groups[name]):
                raise AccessError(
                    self.env._(
                        "Your role does not allow you to change the field %(field)s of %(model)s.",
                        field=self._gep_field_label(name),
                        model=self._gep_model_label(),
                    )
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
                raise exception(
                    self.env._(
                        "%(field)s: %(problem)s",
                        field=self._gep_field_label(name),
                        problem=message,
                    )
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
        return self._gep_ids_error(field, self._gep_command_ids(value))

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
    def _gep_command_ids(self, commands):
        """Ids that x2many ``commands`` link (``Command.link``/``Command.set``, or plain ids)."""
        ids = []
        if isinstance(commands, models.BaseModel):
            return list(commands.ids)
        for command in commands or ():
            if isinstance(command, int):
                ids.append(command)
            elif isinstance(command, list | tuple) and command:
                if command[0] == 4 and len(command) > 1:
                    ids.append(command[1])
                elif command[0] == 6 and len(command) > 2:
                    ids.extend(command[2] or ())
            else:
                ids.append(command)
        return ids

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

    @api.model
    def _gep_static_defaults(self, names):
        """The defaults that the fields ``names`` declare (a status starts at its first value)."""
        return {name: self._fields[name].default(self) for name in names if self._fields[name].default}

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
    def _gep_refuse_fields(self, names):
        raise AccessError(
            self.env._(
                "%(fields)s of %(model)s cannot be written directly: the application sets them "
                "(through the actions of the record, such as submit or approve, or by computing them).",
                fields=", ".join(sorted(self._gep_field_label(name) for name in names)),
                model=self._gep_model_label(),
            )
        )

    def _gep_locked_message(self, record, names=None, delete=False):
        record = record.sudo()
        if delete:
            return self.env._(
                "%(record)s cannot be deleted in its current status: it is part of the history.",
                record=record.display_name,
            )
        return self.env._(
            "%(record)s can no longer be changed in its current status (%(fields)s).",
            record=record.display_name,
            fields=", ".join(sorted(self._gep_field_label(name) for name in names)),
        )

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
                return AccessError(
                    env._(
                        "This record (%(model)s) belongs to another unit: you can only %(operation)s "
                        "the records of your own units.",
                        model=model,
                        operation=verbs[operation],
                    )
                )
        if records:
            return AccessError(
                env._(
                    "Your role does not allow you to %(operation)s this record (%(model)s).",
                    operation=verbs[operation],
                    model=model,
                )
            )
        return AccessError(
            env._(
                "Your role does not allow you to %(operation)s records of %(model)s.",
                operation=verbs[operation],
                model=model,
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
