# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The consolidated figures of a year (``gender.equality.report.get_kpi_summary``).

Keys and counting rules are documented in ``docs/kpi_summary.md``, with the section of the plan
each one comes from. What a unit is assessed on comes from what the Department accepted, never
from the unit's live records: the activity figures, budgets and awareness survey results are
those compiled in its accepted report (``gender.equality.report.line``) plus those of its
submitted Action-Month supplements. Timeliness is counted from the day the Department received
the report; the Action-Month plan comes from approved plans; the Gender Indicator Set from the
statuses the Department confirmed; inspections are the approved ones; corrective actions, which
the inspectors and the Department manage, are counted as they stand. The targets are those of
the objectives configured by the Department (``gender.equality.objective``), found by kind.
"""

from collections import defaultdict

from .common import local_date
from .report_figures import OPEN_ACTION_STATES, ReportFigures, rate

ACCEPTED = "accepted"
INSPECTION_TYPES = ("self", "inspection", "audit", "supervision")
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
    objectives = env["gender.equality.objective"]._get_by_kind()
    Period = env["gender.equality.report.period"]
    reports = env["gender.equality.report"].search(
        [("year", "=", year), ("unit_id", "in", units.ids), ("state", "!=", "cancelled")]
    )
    report_by_unit = {report.unit_id: report for report in reports}
    deadline, deadline_included = Period._get_deadline_rule(year)
    accepted = reports.filtered(lambda report: report.state == ACCEPTED)
    Line = env["gender.equality.report.line"]
    line_domain = accepted_line_domain(accepted)
    figures = defaultdict(lambda: {"count": 0, "male": 0, "female": 0})
    for unit, section, key, value, male, female in Line._read_group(
        [*line_domain, ("section", "in", ("activities", "action_month"))],
        ["unit_id", "section", "key"],
        LINE_AGGREGATES,
    ):
        figures[unit, section, key] = {"count": int(value), "male": male, "female": female}
    live = ReportFigures(env, year, units)
    with_plan = live.units_with_action_month_plan()
    dissemination = objectives.get("dissemination")
    min_sessions = int(dissemination.target_value) if dissemination and dissemination.target_value else 2

    def unit_figure(unit, section, key, name="count"):
        return figures[unit, section, key][name] if (unit, section, key) in figures else 0

    rows = []
    for unit in units.sorted(lambda unit: (unit.unit_type, unit.sequence, unit.name)):
        report = report_by_unit.get(unit)
        received = bool(report and report.received_date)
        rows.append(
            {
                "unit_id": unit.id,
                "unit_code": unit.code,
                "unit_name": unit.name,
                "unit_type": unit.unit_type,
                "report_id": report.id if report else False,
                "report_state": report.state if report else "missing",
                "submit_date": report.submit_date.isoformat() if report and report.submit_date else False,
                "submit_day": local_date(report.submit_date).isoformat()
                if report and report.submit_date
                else False,
                "received_date": report.received_date.isoformat() if received else False,
                "received_day": local_date(report.received_date).isoformat() if received else False,
                "deadline": (report.deadline if report else deadline).isoformat(),
                "timeliness": ("late" if report.is_late else "on_time") if received else "missing",
                "days_late": report.days_late if received else 0,
                "staff_sessions": unit_figure(unit, "activities", "staff_sessions"),
                "dissemination_sessions": unit_figure(unit, "activities", "dissemination"),
                "activities": unit_figure(unit, "activities", "held"),
                "action_month_plan": unit in with_plan,
                "action_month_activities": unit_figure(unit, "action_month", "held"),
                "participants_male": unit_figure(unit, "activities", "held", "male"),
                "participants_female": unit_figure(unit, "activities", "held", "female"),
                "has_communication_duty": unit.has_communication_duty,
            }
        )
    indicator = _indicator_set(env, year, units, objectives.get("indicator_set"))
    for row in rows:
        row["indicator_status"] = indicator["statuses"].get(row["unit_id"], "none")

    expected = len(units)
    received_rows = [row for row in rows if row["timeliness"] != "missing"]
    on_time = sum(1 for row in rows if row["timeliness"] == "on_time")
    two_sessions = sum(1 for row in rows if row["staff_sessions"] >= min_sessions)
    am_plan = sum(1 for row in rows if row["action_month_plan"])
    am_activity = sum(1 for row in rows if row["action_month_activities"] >= 1)
    am_both = sum(1 for row in rows if row["action_month_plan"] and row["action_month_activities"] >= 1)
    awareness = _awareness(env, Line, line_domain, live, objectives.get("awareness"))
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
    for kind, count, score in env["gender.equality.inspection"]._read_group(
        [("unit_id", "in", units.ids), ("year", "=", year), ("state", "=", "approved")],
        ["inspection_type"],
        ["__count", "score:avg"],
    ):
        inspections_by_type[kind] = count
        scores[kind] = round(score or 0.0, 1)

    results = {
        "dissemination": (rate(two_sessions, expected), "%"),
        "action_month": (rate(am_both, expected), "%"),
        "awareness": (awareness["change"], "points" if awareness["measure"] == "points" else "%"),
        "indicator_set": (indicator["rate"], "%"),
    }
    return {
        "year": year,
        "deadline": deadline.isoformat(),
        "deadline_included": deadline_included,
        "timeliness_rule": Period._timeliness_rule(deadline, deadline_included),
        "units_expected": expected,
        "reports_submitted": len(received_rows),
        "reports_accepted": len(accepted),
        "reports_on_time": on_time,
        "reports_late": sum(1 for row in rows if row["timeliness"] == "late"),
        "reports_missing": expected - len(received_rows),
        "completeness_rate": rate(len(received_rows), expected),
        "timeliness_rate": rate(on_time, expected),
        "min_sessions": min_sessions,
        "units_with_two_dissemination_sessions": two_sessions,
        "units_with_action_month_plan": am_plan,
        "units_with_action_month_activity": am_activity,
        "activities_held": sum(row["activities"] for row in rows),
        "staff_sessions": sum(row["staff_sessions"] for row in rows),
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
        "awareness_measure": awareness["measure"],
        "awareness_baseline_year": awareness["baseline_year"],
        "awareness_pairs": awareness["pairs"],
        "awareness_rate": awareness["rate"],
        "awareness_baseline_rate": awareness["baseline_rate"],
        "awareness_change_points": awareness["points"],
        "awareness_change_percent": awareness["percent"],
        "units_indicator_concerned": indicator["concerned"],
        "units_indicator_pilot": indicator["pilot"],
        "units_indicator_official": indicator["official"],
        "objectives": _objectives(env, year, objectives, results),
        "by_area": _breakdown(Line, line_domain, "area", "area_id", "area_id"),
        "by_activity_type": _breakdown(
            Line, line_domain, "activity_type", "activity_type_id", "activity_type_id"
        ),
        "by_topic": _breakdown(Line, line_domain, "topic", "topic_id", "topic_id"),
        "products_by_kind": _products(env, Line, line_domain),
        "budget_by_source": _budget(Line, line_domain),
        "by_unit_type": _by_unit_type(rows),
        "units": rows,
    }


def _breakdown(Line, line_domain, section, field, key):
    """``[{key, name, count, male, female}]`` of the accepted lines of ``section`` by ``field``."""
    rows = Line._read_group([*line_domain, ("section", "=", section)], [field], LINE_AGGREGATES)
    return [
        {key: group.id, "name": group.display_name, "count": int(value), "male": male, "female": female}
        for group, value, male, female in sorted(rows, key=lambda row: (row[0].sequence, row[0].id))
        if group
    ]


def _products(env, Line, line_domain):
    """``[{kind, name, quantity}]``: the communication products of the accepted reports, by kind
    (plan section V), in the order of the kinds."""
    labels = dict(env["gender.equality.communication.product"]._fields["kind"]._description_selection(env))
    quantities = dict(
        Line._read_group([*line_domain, ("section", "=", "product")], ["product_kind"], ["value:sum"])
    )
    return [
        {"kind": kind, "name": label, "quantity": int(quantities[kind])}
        for kind, label in labels.items()
        if kind in quantities
    ]


def _budget(Line, line_domain):
    """``[{funding_source_id, name, planned, actual}]`` of the accepted reports: the budget
    planned (approved plans) and used (actual costs of the activities held), by funding source."""
    totals = defaultdict(lambda: {"planned": 0.0, "actual": 0.0})
    names = {}
    for section, source, amount in Line._read_group(
        [*line_domain, ("section", "in", ("budget", "budget_planned"))],
        ["section", "funding_source_id"],
        ["value:sum"],
    ):
        totals[source.id or 0]["planned" if section == "budget_planned" else "actual"] += amount
        names[source.id or 0] = source
    return [
        {
            "funding_source_id": source_id or False,
            "name": names[source_id].display_name or "",
            "planned": round(values["planned"]),
            "actual": round(values["actual"]),
        }
        for source_id, values in sorted(totals.items(), key=lambda item: (names[item[0]].sequence, item[0]))
    ]


def _awareness(env, Line, line_domain, live, objective):
    """Awareness of the year against the baseline year, like with like: over the (unit, target
    group) pairs that have surveys in both years. The year's results come from the accepted
    reports; the baseline's from the surveys of the baseline year (the Department's records)."""
    baseline_year = (objective and objective.baseline_year) or env[
        "gender.equality.objective"
    ]._get_baseline_year()
    measure = (objective and objective.awareness_measure) or "points"
    now = {
        (unit, group): (respondents, correct)
        for unit, group, respondents, correct in Line._read_group(
            [*line_domain, ("section", "=", "awareness"), ("key", "=", "group")],
            ["unit_id", "target_group"],
            ["respondents:sum", "correct:sum"],
        )
    }
    base = live.awareness(baseline_year)
    pairs = sorted(set(now) & set(base), key=lambda pair: (pair[0].id, pair[1] or ""))
    year_rate = rate(sum(now[pair][1] for pair in pairs), sum(now[pair][0] for pair in pairs))
    base_rate = rate(sum(base[pair][1] for pair in pairs), sum(base[pair][0] for pair in pairs))
    points = round(year_rate - base_rate, 1) if pairs else 0.0
    percent = round(100.0 * points / base_rate, 1) if pairs and base_rate else 0.0
    return {
        "baseline_year": baseline_year,
        "measure": measure,
        "pairs": len(pairs),
        "rate": year_rate,
        "baseline_rate": base_rate,
        "points": points,
        "percent": percent,
        "change": points if measure == "points" else percent,
    }


def _indicator_set(env, year, units, objective):
    """Target 4: the communication units (``has_communication_duty``) whose status the
    Department confirmed; pilot or official until the target year, official from it on."""
    concerned = units.filtered("has_communication_duty")
    confirmed = env["gender.equality.indicator.status"]._confirmed(year, concerned)
    pilot = sum(1 for status in confirmed.values() if status == "pilot")
    official = sum(1 for status in confirmed.values() if status == "official")
    target_year = objective.target_year if objective and objective.target_year else 2030
    applying = official if year >= target_year else pilot + official
    return {
        "statuses": {unit.id: status for unit, status in confirmed.items()},
        "concerned": len(concerned),
        "pilot": pilot,
        "official": official,
        "rate": rate(applying, len(concerned)),
    }


def _objectives(env, year, objectives, results):
    """One dict per configured objective (in their order), with its target and whether it is
    achieved; an objective due later than ``year`` (or not yet started) says so."""
    rows = []
    for objective in sorted(objectives.values(), key=lambda objective: (objective.sequence, objective.code)):
        value, unit = results[objective.kind]
        target = objective.target_value if objective.kind == "awareness" else objective.target_share
        applicable = not (objective.milestone_year and year < objective.milestone_year)
        rows.append(
            {
                "code": objective.code,
                "kind": objective.kind,
                "name": objective.name,
                "target": target,
                "target_max": objective.target_value_max or False,
                "target_year": objective.target_year or False,
                "value": value,
                "unit": unit,
                "applicable": applicable,
                "achieved": applicable and value >= target,
            }
        )
    return rows


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
    "dissemination": "objective_1_rate",
    "action_month": "objective_2_rate",
    "awareness": "objective_3_rate",
    "indicator_set": "objective_4_rate",
}


def summary_field_values(summary, names):
    """Values of dashboard fields from a KPI summary: the keys ``names`` (0 when absent) and
    the four objectives, by kind, as ``objective_N_rate`` (0.0 when absent)."""
    values = {name: summary.get(name, 0) for name in names}
    objectives = {objective["kind"]: objective["value"] for objective in summary.get("objectives", [])}
    values.update({field: objectives.get(kind, 0.0) for kind, field in OBJECTIVE_FIELDS.items()})
    return values
