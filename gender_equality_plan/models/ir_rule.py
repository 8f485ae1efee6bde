# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models, tools
from odoo.tools import SQL


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """Records of the module refused by a record rule get the module's plain message
        (whose unit the record is, what the user may do), wherever the refusal comes from."""
        if hasattr(records, "_gep_make_access_error"):
            return records._gep_make_access_error(operation, records)
        return super()._make_access_error(operation, records)

    @api.model
    def _get_rules(self, model_name, mode="read"):
        """The rules of ``model_name`` for ``mode`` that apply to the current user, as Odoo finds
        them, but from the rules of the user's groups read once per set of groups
        (``_gep_rules_of_groups``) instead of one query per user, model and mode.

        Odoo caches the domain of the rules per user (``_compute_domain``), so each user pays
        these queries again in each worker process, for each model a screen reads: in the
        deadline week, thousands of users spread over the workers made that most of the queries
        of *My work* and of a form (issue 20). The rules come back with all the rules of the
        groups as their prefetch: the first model's rules read their domains and groups for every
        other model of the request in one query each. Writing a rule clears the cache (Odoo's
        ``ir.rule`` clears the registry's cache on every change)."""
        if self.env.su or mode not in self._MODES:
            return super()._get_rules(model_name, mode=mode)
        rules_by_model, all_ids = self._gep_rules_of_groups(mode, tuple(self.env.user._get_group_ids()))
        return self.browse(rules_by_model.get(model_name, ())).with_prefetch(all_ids)

    @api.model
    @tools.ormcache("mode", "group_ids")
    def _gep_rules_of_groups(self, mode, group_ids):
        """``({model: rule ids}, all ids)``: the active rules for ``mode`` that are global or
        belong to one of ``group_ids``, by model, in the order of Odoo's ``_get_rules`` (id)."""
        rows = self.env.execute_query(
            SQL(
                """
                SELECT m.model, r.id FROM ir_rule r
                  JOIN ir_model m ON (r.model_id = m.id)
                 WHERE r.active AND r.perm_%s
                   AND (r.global OR r.id IN (
                        SELECT rule_group_id FROM rule_group_rel rg WHERE rg.group_id IN %s))
                 ORDER BY r.id
                """,
                SQL(mode),
                group_ids or (None,),
            )
        )
        by_model = defaultdict(list)
        for model, rule_id in rows:
            by_model[model].append(rule_id)
        return {model: tuple(ids) for model, ids in by_model.items()}, tuple(rule_id for __, rule_id in rows)
