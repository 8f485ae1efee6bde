# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The roles of the application and their predicates, defined once.

Each predicate takes an environment and answers for its user; the superuser (``env.su``)
has every role.
"""

BASE = "gender_equality_plan.group_base"
UNIT_USER = "gender_equality_plan.group_unit_user"
UNIT_MANAGER = "gender_equality_plan.group_unit_manager"
INSPECTOR = "gender_equality_plan.group_inspector"
DEPARTMENT_USER = "gender_equality_plan.group_department_user"
DEPARTMENT_MANAGER = "gender_equality_plan.group_department_manager"


def has_any(env, *groups):
    return env.su or any(env.user.has_group(group) for group in groups)


def is_department(env):
    """Officers and managers of the Department of Health."""
    return has_any(env, DEPARTMENT_USER)


def is_department_manager(env):
    return has_any(env, DEPARTMENT_MANAGER)


def is_verifier(env):
    """Inspectors and the Department: they plan inspections and verify corrective actions."""
    return has_any(env, INSPECTOR, DEPARTMENT_USER)


def sees_every_unit(env):
    """Roles that read the records of every unit (inspectors and the Department)."""
    return has_any(env, INSPECTOR, DEPARTMENT_USER)
