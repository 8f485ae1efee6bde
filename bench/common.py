"""What the generator and the runner of the benchmark share: the scales, the benchmark year, the
logins of the roles it measures, and how a script opens an Odoo environment on its database.

Both scripts run as plain Python programs in the project's virtualenv; the options they do not
know are Odoo's (``--addons-path``, ``--db_host``, ``-d``…), passed to Odoo's configuration as
``odoo-bin`` would take them.
"""

import argparse
import contextlib
import json
import sys

# Units of each scale. A country is 34 provinces of 100 units (Vietnam has 34 provinces since
# 2025); "tiny" is for the smoke test.
SCALES = {"tiny": 5, "province": 100, "country": 3400}
UNITS_PER_PROVINCE = 100
YEAR = 2026
BASELINE_YEAR = 2025
# Plans of this year wait, submitted, for the Department's approval: the ``approve_many`` measure.
APPROVE_MANY_YEAR = 2027
APPROVE_MANY_COUNT = 100
SEED = 20261210
# Logins of the Department's users that the generator creates and the runner acts as.
DEPARTMENT_MANAGER = "bench.truongban"
DEPARTMENT_OFFICER = "bench.thuongtruc"
INSPECTOR = "bench.thanhtra"
# The generator records what it built in this system parameter, last: a database without it is
# incomplete and is built again.
MARKER = "gender_equality_plan.bench"


def parse_args(description, add_arguments):
    """``(options, odoo_args)``: the script's own options, and the rest for Odoo."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--scale", choices=sorted(SCALES), default="country")
    add_arguments(parser)
    return parser.parse_known_args()


@contextlib.contextmanager
def odoo_env(odoo_args, context=None):
    """An environment of the superuser on the database of ``odoo_args`` (``-d``), in one cursor
    that the caller commits; rolled back when the block raises."""
    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(odoo_args)
    database = config["db_name"]
    if not database:
        sys.exit("Give the database with -d.")
    registry = Registry(database)
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, dict(context or {}))


def read_marker(env):
    """What the generator recorded in the database (``{}`` when it did not finish)."""
    value = env["ir.config_parameter"].sudo().get_param(MARKER)
    return json.loads(value) if value else {}
