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
