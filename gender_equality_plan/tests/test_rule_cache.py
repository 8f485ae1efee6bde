# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The record rules and access rights of a user come from the rules of his groups, read once per
set of groups (``ir.rule._get_rules``, ``ir.model.access._get_allowed_models``): the same rules
and models as Odoo finds them, refreshed as soon as a rule or a right changes, and a user new to
a worker process no longer pays three queries per model his screen reads (issue 20)."""

from odoo.tests import new_test_user, tagged

from odoo.addons.base.models.ir_model import IrModelAccess as BaseAccess
from odoo.addons.base.models.ir_rule import IrRule as BaseRule

from .plan_common import GenderEqualityPlanCommon

MODELS = (
    "gender.equality.plan",
    "gender.equality.task",
    "gender.equality.report",
    "gender.equality.unit",
    "gender.equality.inspection",
    "gender.equality.corrective.action",
    "ir.attachment",
    "mail.message",
    "res.partner",
)


@tagged("post_install", "-at_install")
class TestRuleCache(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = (cls.user_a, cls.manager_a, cls.inspector, cls.dept_user, cls.dept_manager)

    def test_same_rules_and_models_as_odoo(self):
        """For a user of every role, every mode and the module's models (and core ones), the
        rules and the allowed models are those Odoo's own methods find, in the same order."""
        Rule, Access = self.env["ir.rule"], self.env["ir.model.access"]
        for user in self.roles:
            for mode in Rule._MODES:
                with self.subTest(user=user.login, mode=mode):
                    rules, access = Rule.with_user(user), Access.with_user(user)
                    for model in MODELS:
                        self.assertEqual(
                            rules._get_rules(model, mode).ids, BaseRule._get_rules(rules, model, mode).ids
                        )
                    self.assertEqual(
                        access._get_allowed_models(mode),
                        BaseAccess._get_allowed_models.__cache__.method(access, mode),
                    )
        # The superuser has no rules, as in Odoo.
        self.assertFalse(Rule.sudo()._get_rules("gender.equality.plan"))

    def test_a_changed_rule_applies_at_once(self):
        """A rule created, then archived, for the officers' group changes what they read at the
        next call; a right withdrawn from their group refuses them at the next call."""
        Plan = self.env["gender.equality.plan"].with_user(self.user_a)
        self.assertIn(self.plan, Plan.search([]))
        rule = self.env["ir.rule"].create(
            {
                "name": "Test: officers read no plan",
                "model_id": self.env["ir.model"]._get_id("gender.equality.plan"),
                "groups": [self.env.ref("gender_equality_plan.group_unit_user").id],
                "domain_force": "[('id', '=', 0)]",
                "perm_write": False,
                "perm_create": False,
                "perm_unlink": False,
            }
        )
        # A rule of a group is OR-ed with the group's other rules: a global one restricts.
        rule.groups = False
        self.assertNotIn(self.plan, Plan.search([]))
        rule.active = False
        self.assertIn(self.plan, Plan.search([]))
        accesses = self.env["ir.model.access"].search(
            [("model_id.model", "=", "gender.equality.plan"), ("perm_read", "=", True)]
        )
        self.assertTrue(Plan.has_access("read"))
        accesses.perm_read = False
        self.assertFalse(Plan.has_access("read"))

    def test_a_user_new_to_the_process_reads_the_rules_once(self):
        """A second officer (same groups as the first, his domains not cached yet) computes the
        domains of nine models in six queries: two for the rules (their domains and their groups,
        all models at once), four for what the domains read of him. Odoo's ``_get_rules`` ran
        three queries per model (27, and the same four)."""
        Rule = self.env["ir.rule"]
        for model in MODELS:
            Rule.with_user(self.user_a)._compute_domain(model, "read")
        officer = new_test_user(self.env, "gep_user_a2", groups="gender_equality_plan.group_unit_user")
        self.unit_a.user_ids = [(4, officer.id)]
        officer._get_group_ids()  # the user's groups: one query per user, as in Odoo
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(6):
            for model in MODELS:
                Rule.with_user(officer)._compute_domain(model, "read")

    def test_rules_are_still_enforced(self):
        """The cache changes how rules are found, not what they do: unit A's officer still does not
        see unit B's plan, nor unit B's officer unit A's."""
        plan_b = self.Plan.create({"unit_id": self.unit_b.id, "year": 2031})
        self.assertNotIn(plan_b, self.Plan.with_user(self.user_a).search([]))
        self.assertIn(plan_b, self.Plan.with_user(self.user_b).search([]))
        self.assertNotIn(self.plan, self.Plan.with_user(self.user_b).search([]))
