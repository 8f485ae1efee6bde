# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.0.0: the figures mean what the plan means.

- The objectives are the four targets of section II.2 (codes II.2.1–II.2.4) with their kind and
  target values (their data is not updated with the module: it is set here once).
- The shipped checklist questions cite the targets by their number in the plan (II.2.1, II.2.2).
- Campaign months are not dissemination sessions by default.
- The Department's approval stages receive the records for the Department; a report is dated by
  the day the Department received it: for reports already on their way, the day their head of
  unit forwarded them (or their submission when the Department's stage came first).
- Indicator-set statuses now count once the Department confirms them: existing ones are drafts.
"""

from odoo import SUPERUSER_ID, api

OBJECTIVES = {
    "gender_equality_objective_dissemination": {
        "code": "II.2.1",
        "kind": "dissemination",
        "target_value": 2,
        "target_share": 100,
    },
    "gender_equality_objective_action_month": {"code": "II.2.2", "kind": "action_month", "target_share": 100},
    "gender_equality_objective_awareness": {
        "code": "II.2.3",
        "kind": "awareness",
        "target_value": 10,
        "target_value_max": 15,
        "awareness_measure": "points",
    },
    "gender_equality_objective_indicator_set": {
        "code": "II.2.4",
        "kind": "indicator_set",
        "target_share": 100,
        "milestone_year": 2025,
        "target_year": 2030,
    },
}
DEPARTMENT_STAGES = (
    "gender_equality_approval_stage_plan_department",
    "gender_equality_approval_stage_inspection_department",
    "gender_equality_approval_stage_report_department",
)
CHECKLIST_REFERENCES = {
    "gender_equality_checklist_plan_section_activities_item_1": ("Kế hoạch mục II.1", "Kế hoạch mục II.2.1"),
    "gender_equality_checklist_plan_section_activities_item_2": ("Kế hoạch mục II.1", "Kế hoạch mục II.2.1"),
    "gender_equality_checklist_plan_section_activities_item_3": ("Kế hoạch mục II.2", "Kế hoạch mục II.2.2"),
}
CAMPAIGN_MONTHS = (
    "gender_equality_observance_domestic_violence_month",
    "gender_equality_observance_action_month",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    ref = lambda name: env.ref(f"gender_equality_plan.{name}", raise_if_not_found=False)  # noqa: E731
    for xmlid, values in OBJECTIVES.items():
        objective = ref(xmlid)
        if objective and not objective.kind:
            objective.write(values)
    for xmlid in DEPARTMENT_STAGES:
        stage = ref(xmlid)
        if stage:
            stage.receives_for_department = True
    for xmlid, (old, new) in CHECKLIST_REFERENCES.items():
        item = ref(xmlid)
        if item and item.reference == old:
            item.reference = new
    dissemination, event = (
        ref("gender_equality_activity_type_dissemination"),
        ref("gender_equality_activity_type_event"),
    )
    for xmlid in CAMPAIGN_MONTHS:
        observance = ref(xmlid)
        if observance and dissemination and event and observance.default_activity_type_id == dissemination:
            observance.default_activity_type_id = event
    _date_received_reports(env)
    env["gender.equality.indicator.status"].search([]).write({"state": "draft"})


def _date_received_reports(env):
    Review = env["gender.equality.approval.review"]
    reports = env["gender.equality.report"].search(
        [("received_date", "=", False), ("state", "in", ("submitted", "accepted", "returned"))]
    )
    for report in reports:
        reviews = Review.search(
            [("res_model", "=", report._name), ("res_id", "=", report.id)], order="round, sequence, id"
        )
        received = False
        for review in reviews:
            if review.stage_id.receives_for_department and review.state not in ("waiting", "cancelled"):
                earlier = reviews.filtered(
                    lambda other, review=review: other.round == review.round
                    and other.sequence < review.sequence
                    and other.state == "approved"
                )
                received = max(earlier.mapped("done_date"), default=False) or report.submit_date
                break
        if received:
            report.received_date = received
