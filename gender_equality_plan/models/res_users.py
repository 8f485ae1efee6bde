# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..tools import roles

HOME_ACTION = "gender_equality_plan.gender_equality_home_action"
# Keys of ``write`` that change the groups of users (the user form writes the reified fields).
GROUP_KEYS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    gep_unit_ids = fields.Many2many(
        "gender.equality.unit",
        "gender_equality_unit_res_users_rel",
        "user_id",
        "unit_id",
        string="Health Units",
        help="Health units this user is a member of (gender-equality plan).",
    )
    gep_signing_identifier = fields.Char(
        string="Identifier in the Certificate",
        groups="base.group_system",
        help="The personal identifier that this user's digital certificate carries in its subject (UID or "
        "serialNumber), e.g. CCCD:038090001234 or 038090001234: a signed document that this user uploads "
        "must be signed by the certificate that carries it.",
    )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and domain:
            domain = [self._gep_unit_condition(leaf) for leaf in domain]
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _gep_unit_condition(self, leaf):
        """Who is a member of which unit is read through the record rules of the units.

        Odoo matches a many2many condition on ids (``gep_unit_ids in [unit]``) in the relation
        table, without the rules of the units: another unit would list the members of a unit it
        may not see. The condition goes through the units the user may read instead (``any``):
        a unit officer or head finds the members of their own units (to choose a responsible
        person), inspectors and the Department those of every unit; a user without a role of the
        application is told that their role does not give access to the units.
        """
        if not (isinstance(leaf, list | tuple) and len(leaf) == 3 and leaf[0] == "gep_unit_ids"):
            return leaf
        operator, value = leaf[1], leaf[2]
        negative = operator in ("!=", "<>", "not in")
        if value is False or value is None:
            if operator not in ("=", "!=", "<>"):
                return leaf
            # "has a unit" / "has no unit": among the units the user may read.
            return ("gep_unit_ids", "not any" if not negative else "any", [])
        if operator not in ("=", "!=", "<>", "in", "not in") or isinstance(value, str):
            # Names, hierarchies and sub-domains already search the units with their rules.
            return leaf
        ids = list(value) if isinstance(value, list | tuple) else [value]
        return ("gep_unit_ids", "not any" if negative else "any", [("id", "in", ids)])

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._gep_update_home_action()
        if any(vals.get("gep_unit_ids") for vals in vals_list):
            users._gep_assign_new_heads()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._gep_update_home_action()
        if any(key.startswith(GROUP_KEYS) for key in vals) or {"gep_unit_ids", "active"} & vals.keys():
            self._gep_assign_new_heads()
        return result

    def _gep_assign_new_heads(self):
        """A head account that a unit gets (a new user, a role or a membership) takes over the
        head's steps of that unit waiting for a signature on paper."""
        self.env["gender.equality.approval.review"]._approval_assign_new_heads()

    def _gep_update_home_action(self):
        """Users of the app land on "My work" after login, the Odoo way: their home action.

        A user who gets a role of the app and has no home action of their own gets "My work";
        a user who loses every role of the app no longer lands there.
        """
        home = self.env.ref(HOME_ACTION, raise_if_not_found=False)
        base = self.env.ref(roles.BASE, raise_if_not_found=False)
        if not (home and base):
            return
        users = self.sudo()
        users.filtered(lambda user: not user.action_id and not user.share and base in user.groups_id).write(
            {"action_id": home.id}
        )
        users.filtered(lambda user: user.action_id.id == home.id and base not in user.groups_id).write(
            {"action_id": False}
        )

    @api.model
    def _gep_set_home_action_of_every_user(self):
        """On install and update: every user of the app without a home action lands on "My work"."""
        self.with_context(active_test=False).sudo().search(
            [("groups_id", "in", self.env.ref(roles.BASE).id), ("share", "=", False)]
        )._gep_update_home_action()
