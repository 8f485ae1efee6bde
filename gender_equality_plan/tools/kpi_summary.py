# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The consolidated figures of a year (``gender.equality.report.get_kpi_summary``).

Keys are documented in ``docs/kpi_summary.md``. What a unit is assessed on comes from what
the Department accepted, never from the unit's live records: the activity figures, the
awareness survey results and the indicator-set status are those compiled in its accepted
report (``gender.equality.report.line``) plus those of its submitted Action-Month
supplements. Timeliness comes from the reports' submission dates; the Action-Month plan from
approved plans; inspections are the approved ones; corrective actions, which the inspectors
and the Department manage, are counted as they stand.
"""

from collections import defaultdict

from .common import local_date
from .report_figures import OPEN_ACTION_STATES, ReportFigures, rate

BASELINE_YEAR = 2025
ACCEPTED = "accepted"
INSPECTION_TYPES = ("self", "inspection", "supervision")
# Objective II.3: awareness rises 10-15% over 2025 (relative change, lower bound).
AWARENESS_TARGET_CHANGE = 10.0
# Objective II.4: 70% of the units concerned pilot the indicator set (to 2029), 90% apply it
# officially from 2030 (Decision 1790, target 4).
INDICATOR_PILOT_TARGET, INDICATOR_OFFICIAL_TARGET, INDICATOR_OFFICIAL_YEAR = 70.0, 90.0, 2030
LINE_AGGREGATES = ["value:sum", "participants_male:sum", "participants_female:sum"]


def accepted_line_domain(reports):
    """Figure lines of the accepted ``reports`` and of their submitted supplements."""
    return [
        ("report_id", "in", reports.ids),
        "|",
        ("supplement_id", "=", False),
        ("supplement_id.state", "=", "submitted"),
    ]


def build_kpi_summary(env, year, units):
    """The summary of ``year`` for the expected ``units``, read with ``env``."""
    reports = env["gender.equality.report"].search(
        [("year", "=", year), ("unit_id", "in", units.ids), ("state", "!=", "cancelled")]
    )
    report_by_unit = {report.unit_id: report for report in reports}
    deadline = env["gender.equality.report.period"]._get_deadline(year).isoformat()
    accepted = reports.filtered(lambda report: report.state == ACCEPTED)
    Line = env["gender.equality.report.line"]
    line_domain = accepted_line_domain(accepted)
    figures = defaultdict(lambda: {"count": 0, "male": 0, "female": 0})
    for unit, section, key, value, male, female in Line._read_group(
        [*line_domain, ("section", "in", ("activities", "action_month", "awareness"))],
        ["unit_id", "section", "key"],
        LINE_AGGREGATES,
    ):
        figures[unit, section, key] = {"count": value, "male": male, "female": female}
    by_area = _breakdown(Line, line_domain, "area", "area_id")
    by_type = _breakdown(Line, line_domain, "activity_type", "activity_type_id")
    indicator = {report.unit_id: report.indicator_status or "none" for report in accepted}
    live = ReportFigures(env, year, units)
    with_plan = live.units_with_action_month_plan()
    inspections = env["gender.equality.inspection"]._read_group(
        [("unit_id", "in", units.ids), ("year", "=", year), ("state", "=", "approved")],
        ["inspection_type"],
        ["__count", "score:avg"],
    )
    awareness_base = live.awareness(BASELINE_YEAR)

    def unit_figure(unit, section, key, name="count"):
        return int(figures[unit, section, key][name]) if (unit, section, key) in figures else 0

    rows = []
    for unit in units.sorted(lambda unit: (unit.unit_type, unit.sequence, unit.name)):
        report = report_by_unit.get(unit)
        submitted = bool(report and report.submit_date)
        rows.append(
            {
                "unit_id": unit.id,
                "unit_code": unit.code,
                "unit_name": unit.name,
                "unit_type": unit.unit_type,
                "report_id": report.id if report else False,
                "report_state": report.state if report else "missing",
                "submit_date": report.submit_date.isoformat() if submitted else False,
                "submit_day": local_date(report.submit_date).isoformat() if submitted else False,
                "deadline": report.deadline.isoformat() if report else deadline,
                "timeliness": ("late" if report.is_late else "on_time") if submitted else "missing",
                "days_late": report.days_late if submitted else 0,
                "dissemination_sessions": unit_figure(unit, "activities", "dissemination"),
                "activities": unit_figure(unit, "activities", "held"),
                "action_month_plan": unit in with_plan,
                "action_month_activities": unit_figure(unit, "action_month", "held"),
                "participants_male": unit_figure(unit, "activities", "held", "male"),
                "participants_female": unit_figure(unit, "activities", "held", "female"),
                "indicator_status": indicator.get(unit, "none"),
            }
        )

    expected = len(units)
    submitted_rows = [row for row in rows if row["timeliness"] != "missing"]
    two_sessions = sum(1 for row in rows if row["dissemination_sessions"] >= 2)
    am_plan = sum(1 for row in rows if row["action_month_plan"])
    am_activity = sum(1 for row in rows if row["action_month_activities"] >= 1)
    am_both = sum(1 for row in rows if row["action_month_plan"] and row["action_month_activities"] >= 1)
    pilot = sum(1 for status in indicator.values() if status == "pilot")
    official = sum(1 for status in indicator.values() if status == "official")
    concerned = len(indicator)

    respondents = sum(
        value["count"] for (_unit, section, key), value in figures.items() if key == "respondents"
    )
    correct = sum(value["count"] for (_unit, section, key), value in figures.items() if key == "correct")
    awareness_rate = rate(correct, respondents)
    baseline_rate = rate(*_totals(awareness_base))
    has_awareness = bool(respondents) and bool(awareness_base)
    change_points = round(awareness_rate - baseline_rate, 1) if has_awareness else 0.0
    change_percent = (
        round(100.0 * change_points / baseline_rate, 1) if has_awareness and baseline_rate else 0.0
    )

    actions = {
        name: env["gender.equality.corrective.action"].search_count(live.corrective_action_domain(*domain))
        for name, domain in (
            ("open", [("state", "in", OPEN_ACTION_STATES)]),
            ("overdue", [("is_overdue", "=", True)]),
            ("verified", [("state", "=", "verified")]),
        )
    }
    inspections_by_type = dict.fromkeys(INSPECTION_TYPES, 0)
    scores = {}
    for kind, count, score in inspections:
        inspections_by_type[kind] = count
        scores[kind] = round(score or 0.0, 1)

    objectives = _objectives(
        env,
        year,
        [
            ("II.1", 100.0, rate(two_sessions, expected), "%"),
            ("II.2", 100.0, rate(am_both, expected), "%"),
            ("II.3", AWARENESS_TARGET_CHANGE, change_percent, "%"),
            _indicator_objective(year, pilot, official, concerned),
        ],
    )
    return {
        "year": year,
        "units_expected": expected,
        "reports_submitted": len(submitted_rows),
        "reports_accepted": len(accepted),
        "reports_on_time": sum(1 for row in rows if row["timeliness"] == "on_time"),
        "reports_late": sum(1 for row in rows if row["timeliness"] == "late"),
        "reports_missing": expected - len(submitted_rows),
        "completeness_rate": rate(len(submitted_rows), expected),
        "timeliness_rate": rate(sum(1 for row in rows if row["timeliness"] == "on_time"), expected),
        "units_with_two_dissemination_sessions": two_sessions,
        "units_with_action_month_plan": am_plan,
        "units_with_action_month_activity": am_activity,
        "activities_held": sum(row["activities"] for row in rows),
        "dissemination_sessions": sum(row["dissemination_sessions"] for row in rows),
        "action_month_activities": sum(row["action_month_activities"] for row in rows),
        "participants_male": sum(row["participants_male"] for row in rows),
        "participants_female": sum(row["participants_female"] for row in rows),
        "participants_total": sum(row["participants_male"] + row["participants_female"] for row in rows),
        "inspections_by_type": inspections_by_type,
        "inspection_scores_by_type": scores,
        "corrective_actions_open": actions["open"],
        "corrective_actions_overdue": actions["overdue"],
        "corrective_actions_verified": actions["verified"],
        "awareness_rate": awareness_rate,
        "awareness_baseline_rate": baseline_rate,
        "awareness_change_points": change_points,
        "awareness_change_percent": change_percent,
        "units_indicator_pilot": pilot,
        "units_indicator_official": official,
        "objectives": objectives,
        "by_area": [
            {"area_id": area.id, "name": area.display_name, **totals}
            for area, totals in sorted(by_area.items(), key=lambda item: (item[0].sequence, item[0].id))
        ],
        "by_activity_type": [
            {"activity_type_id": kind.id, "name": kind.display_name, **totals}
            for kind, totals in sorted(by_type.items(), key=lambda item: (item[0].sequence, item[0].id))
        ],
        "by_unit_type": _by_unit_type(rows),
        "units": rows,
    }


def _breakdown(Line, line_domain, section, field):
    """``{group: {count, male, female}}`` of the accepted lines of ``section`` by ``field``."""
    return {
        group: {"count": int(value), "male": male, "female": female}
        for group, value, male, female in Line._read_group(
            [*line_domain, ("section", "=", section)], [field], LINE_AGGREGATES
        )
        if group
    }


def _totals(by_unit):
    """``(correct, respondents)`` summed over the units of ``awareness``."""
    return sum(correct for _respondents, correct in by_unit.values()), sum(
        respondents for respondents, _correct in by_unit.values()
    )


def _indicator_objective(year, pilot, official, concerned):
    if year >= INDICATOR_OFFICIAL_YEAR:
        return ("II.4", INDICATOR_OFFICIAL_TARGET, rate(official, concerned), "%")
    return ("II.4", INDICATOR_PILOT_TARGET, rate(pilot + official, concerned), "%")


def _objectives(env, year, values):
    names = {
        objective.code: objective.name
        for objective in env["gender.equality.objective"].with_context(active_test=False).search([])
    }
    return [
        {
            "code": code,
            "name": names.get(code, code),
            "target": target,
            "value": value,
            "unit": unit,
            "achieved": value >= target,
        }
        for code, target, value, unit in values
    ]


def _by_unit_type(rows):
    totals = {}
    for row in rows:
        total = totals.setdefault(
            row["unit_type"],
            {
                "unit_type": row["unit_type"],
                "units_expected": 0,
                "reports_submitted": 0,
                "reports_on_time": 0,
                "reports_late": 0,
                "reports_missing": 0,
            },
        )
        total["units_expected"] += 1
        total["reports_" + ("missing" if row["timeliness"] == "missing" else "submitted")] += 1
        if row["timeliness"] != "missing":
            total["reports_" + row["timeliness"]] += 1
    return list(totals.values())


OBJECTIVE_FIELDS = {
    "II.1": "objective_1_rate",
    "II.2": "objective_2_rate",
    "II.3": "objective_3_rate",
    "II.4": "objective_4_rate",
}


def summary_field_values(summary, names):
    """Values of dashboard fields from a KPI summary: the keys ``names`` (0 when absent) and
    the four objectives as ``objective_N_rate`` (0.0 when absent)."""
    values = {name: summary.get(name, 0) for name in names}
    objectives = {objective["code"]: objective["value"] for objective in summary.get("objectives", [])}
    values.update({field: objectives.get(code, 0.0) for code, field in OBJECTIVE_FIELDS.items()})
    return values
