# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The ids of existing records that the values of an ``onchange`` (or the context's defaults)
name, at any depth.

With the values of a form, the web client sends the values of its lines (x2many commands, whose
values may hold ids again) and, for a line, the values of its parent (a dict with the parent's
``id``). Odoo builds new records from all of them, and every computed field of those records
may read the records they name: each is listed here, so that the guard checks that the user may
read it. Virtual ids (``virtual_…`` strings, new records without origin) are records being
created in the form: they name nothing that exists.
"""

from collections import defaultdict

from odoo.fields import Command
from odoo.models import BaseModel, NewId


def real_ids(values):
    """The ids of existing records among ``values`` (a new record counts as its origin)."""
    ids = []
    for value in values:
        record_id = value.origin if isinstance(value, NewId) else value
        if isinstance(record_id, int) and not isinstance(record_id, bool):
            ids.append(record_id)
    return ids


def reference_fields(model):
    """``{ids field: model-name field}`` of ``model``: its ``Many2oneReference`` fields and the
    pairs it declares in ``_gep_reference_fields``."""
    pairs = {
        name: field.model_field for name, field in model._fields.items() if field.type == "many2one_reference"
    }
    pairs.update(getattr(model, "_gep_reference_fields", None) or {})
    return pairs


def referenced_ids(model, values):
    """``{(model name, field name, comodel name): ids}`` of every existing record that ``values``
    (in the format ``onchange`` receives: ids, ``(id, name)`` pairs, dicts of a record's values,
    x2many commands) of a record of ``model`` name, through their relational fields at any depth
    and through their reference fields. Walked with a stack: no payload is too deep for it."""
    found = defaultdict(set)
    stack = [(model, values)]
    while stack:
        current, vals = stack.pop()
        if not isinstance(vals, dict):
            continue
        references = reference_fields(current)
        for name, value in vals.items():
            field = current._fields.get(name) if isinstance(name, str) else None
            if field is None or not value:
                continue
            if name in references:
                model_name = vals.get(references[name])
                # A model of records (an abstract model names none).
                if (
                    isinstance(model_name, str)
                    and model_name in current.env
                    and not current.env[model_name]._abstract
                ):
                    ids = value if isinstance(value, list | tuple) else [value]
                    found[current._name, name, model_name].update(real_ids(ids))
                continue
            if not field.relational:
                continue
            comodel = current.env[field.comodel_name]
            ids, nested = _relational_value(field, value)
            found[current._name, name, comodel._name].update(ids)
            stack.extend((comodel, child) for child in nested)
    return {key: sorted(ids) for key, ids in found.items() if ids}


def _relational_value(field, value):
    """``(ids, nested values)`` of the value of a relational field."""
    if isinstance(value, BaseModel):
        return real_ids(value._ids), []
    if field.type == "many2one":
        if isinstance(value, dict):
            return real_ids([value.get("id")]), [{key: val for key, val in value.items() if key != "id"}]
        if isinstance(value, list | tuple):
            return real_ids(value[:1]), []
        return real_ids([value]), []
    ids, nested = [], []
    for command in value if isinstance(value, list | tuple) else ():
        if isinstance(command, dict):
            nested.append(command)
        elif not isinstance(command, list | tuple):
            ids.append(command)
        elif not command:
            continue
        elif command[0] == Command.CREATE:
            nested.extend(command[2:3])
        elif command[0] == Command.UPDATE:
            ids.extend(command[1:2])
            nested.extend(command[2:3])
        elif command[0] in (Command.DELETE, Command.UNLINK, Command.LINK):
            ids.extend(command[1:2])
        elif command[0] == Command.SET and len(command) > 2:
            ids.extend(command[2] if isinstance(command[2], list | tuple) else ())
    return real_ids(ids), nested
