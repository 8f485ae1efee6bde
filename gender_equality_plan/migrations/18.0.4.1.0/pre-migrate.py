# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.1.0:

- "My work" opens through a window action (a new record every time, and the app's menus show
  on it) instead of a server action that created a record. The xml id keeps its name: the
  server action is deleted here so that the update creates the window action in its place.
- Budgets are in đồng: the currency is activated (new databases get it from
  ``data/res_currency_data.xml``), or the web client shows amounts without its symbol."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    action = env.ref("gender_equality_plan.gender_equality_home_action", raise_if_not_found=False)
    if action and action._name == "ir.actions.server":
        action.unlink()
        _logger.info("The server action of My Work is replaced by a window action.")
    vnd = env.ref("base.VND", raise_if_not_found=False)
    if vnd and not vnd.active:
        vnd.active = True
