# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.3.0, after the module's data loaded (issue 19, the figures):

- Action-Month supplements go to the Department like a report. The supplements submitted before
  counted at once: those of a year whose sector report is issued are accepted (the Department
  reported them upward); the others wait for the Department, which accepts or returns them.
- A report that the Department returned after receiving it no longer counts as received until
  it is back: the reports returned (or sent again but not back at the Department yet) wait to
  be sent again, by the date proposed from the reporting period after their last return.
- An activity is one of the Action Month when it starts in it or half of its days fall in it
  (not merely when it touches it): the flags of every activity are computed again.
"""

import logging
from datetime import timedelta

from odoo import SUPERUSER_ID, api

from odoo.addons.gender_equality_plan.tools.common import local_date

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    _supplements(env)
    _returned_reports(env)
    env["gender.equality.task"]._recompute_action_month()
    env.flush_all()


def _supplements(env):
    Supplement = env["gender.equality.report.supplement"]
    submitted = Supplement.search([("state", "=", "submitted"), ("review_ids", "=", False)])
    if not submitted:
        return
    issued_years = set(env["gender.equality.sector.report"].search([("state", "=", "issued")]).mapped("year"))
    reported = submitted.filtered(lambda supplement: supplement.year in issued_years)
    reported.write({"state": "accepted"})
    waiting = submitted - reported
    for supplement in waiting:
        # The submitter of the reviews is the unit's user who submitted it (the last writer).
        supplement.with_user(supplement.write_uid or SUPERUSER_ID)._approval_start()
    _logger.info(
        "Action-Month supplements: %s accepted (years reported upward), %s waiting for the Department.",
        len(reported),
        len(waiting),
    )


def _returned_reports(env):
    Report = env["gender.equality.report"]
    Review = env["gender.equality.approval.review"]
    candidates = Report.search([("received_date", "!=", False), ("state", "in", ("returned", "submitted"))])
    pending_department = {
        review.res_id
        for review in Review.search(
            [
                ("res_model", "=", Report._name),
                ("res_id", "in", candidates.ids),
                ("state", "=", "pending"),
                ("stage_id.receives_for_department", "=", True),
            ]
        )
    }
    waiting = candidates.filtered(
        lambda report: report.state == "returned" or report.id not in pending_department
    )
    Period = env["gender.equality.report.period"]
    for report in waiting:
        returned_on = (
            local_date(report.last_return_date)
            if report.last_return_date
            else local_date(report.received_date)
        )
        report.write(
            {
                "awaiting_resubmission": True,
                "resubmit_deadline": returned_on + timedelta(days=Period._get_resubmission_days(report.year)),
            }
        )
    _logger.info("%s reports returned by the Department wait to be sent again.", len(waiting))
