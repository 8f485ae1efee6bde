# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression


class MailFollowers(models.Model):
    """Who follows a record of the module is read only by the users who may read the record.

    Odoo lets every internal user read every follower row: another unit would list who follows
    which plan or report. The rows about records of the module are filtered by the record rules
    of their model, in the database (a sub-query per model), so that the chatter of a record the
    user reads, counts and pages of the web client stay exact.
    """

    _inherit = "mail.followers"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            visible = self._gep_visible_domain("res_model", "res_id", domain)
            if visible:
                domain = expression.AND([domain, visible])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        return _refuse_hidden_rows(self, operation, super()._check_access(operation))

    @api.model
    def _gep_hidden_message(self):
        return self.env._(
            "These rows are about a record that you may not see (a record of another unit): "
            "you can only see who follows, or was notified of, the records you can open."
        )

    @api.model
    def _gep_visible_domain(self, model_field, id_field, domain=()):
        """A domain that keeps the rows about records (``model_field``, ``id_field``) that are not
        records of the module, or that the current user may read. Only the models that ``domain``
        names (a conjunction on ``model_field``) are looked at; by default every model of the
        module."""
        Guard = self.env["gender.equality.guard.mixin"]
        names = _named_values(domain, model_field)
        if names is None:
            names = [
                name
                for name, model_class in self.env.registry.items()
                if not (model_class._abstract or model_class._transient)
            ]
        bound = sorted(
            name for name in names if Guard._gep_is_module_model(name) and self.env[name]._gep_enforced()
        )
        if not bound:
            return []
        parts = [[(model_field, "not in", bound)]]
        for name in bound:
            Model = self.env[name].with_context(active_test=False)
            if Model.has_access("read"):
                parts.append([(model_field, "=", name), (id_field, "in", Model._search([]))])
        return expression.OR(parts)


def _named_values(domain, field_name):
    """The values that a conjunction ``domain`` allows for ``field_name`` (its ``=`` and ``in``
    leaves), or None when it does not restrict them (or is not a plain conjunction)."""
    values = None
    for leaf in domain or ():
        if leaf in ("|", "!"):
            return None
        if not (isinstance(leaf, list | tuple) and len(leaf) == 3 and leaf[0] == field_name):
            continue
        operator, value = leaf[1], leaf[2]
        if operator == "=" and isinstance(value, str | int) and not isinstance(value, bool):
            found = {value}
        elif operator == "in" and isinstance(value, list | tuple):
            found = set(value)
        else:
            continue
        values = found if values is None else values & found
    return values


def _refuse_hidden_rows(records, operation, result):
    """``_check_access`` of a model whose ``_search`` hides rows (followers, notifications): the
    rows the search would not return are refused on read too, with the module's message.
    ``result`` is the ``(forbidden, error factory)`` of Odoo's own check, or None."""
    if operation != "read" or records.env.su or not records:
        return result
    allowed = records - result[0] if result else records
    # The search filters the rows as ``_search`` does (and checks no record: no recursion).
    forbidden = allowed - allowed.search([("id", "in", allowed.ids)]) if allowed else allowed
    if not forbidden:
        return result
    if result:
        return result[0] + forbidden, result[1]
    return forbidden, lambda: AccessError(records.env["mail.followers"]._gep_hidden_message())
