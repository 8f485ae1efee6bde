# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The consolidated figures of a year (``gender.equality.report.get_kpi_summary``).

Keys and counting rules are documented in ``docs/kpi_summary.md``, with the section of the plan
each one comes from. What a unit is assessed on comes from what the Department accepted, never
from the unit's live records: the activity figures, budgets and awareness survey results are
those compiled in its accepted report (``gender.equality.report.line``) plus those of its
accepted Action-Month supplements. Timeliness is counted from the day the Department received
the report; the Action-Month plan comes from the plans that the unit's head approved (or that
reached the Department); the Gender Indicator Set from the statuses the Department confirmed;
inspections are the approved ones; corrective actions, which the inspectors and the Department
manage, are counted as they stand. The Department's own activities (and its offices'), which no
report carries, are compiled with the rules of a unit report and added to the sector's totals.
The targets are those of the objectives configured by the Department
(``gender.equality.objective``), found by kind.

The expected units are a *roster*: ``[{"unit_id", "unit_type", "has_communication_duty"}]``,
the units and the flags of the year (frozen once the year's sector report is issued, see
``gender.equality.unit._reporting_roster``), not the units as they stand today.
"""

import json
from collections import defaultdict

from odoo.tools import SQL

from .common import LOCAL_TZ
from .multi_year import is_applicable
from .report_compiler import FigureSet, ReportCompiler
from .report_figures import OPEN_ACTION_STATES, ReportFigures, rate

ACCEPTED = "accepted"
INSPECTION_TYPES = ("self", "inspection", "audit", "supervision")


def build_kpi_summary(env, year, roster, detail=True, department_units=None, frozen=False):
    """The summary of ``year`` for the expected units of ``roster`` (see the module docstring),
    read with ``env``. Without ``detail``, only the completeness, timeliness and objectives (the
    home's headline): no breakdown, inspection, corrective action, unit row or work of the
    Department. ``department_units``: the Department and its offices, whose own activities add
    to the sector's figures (none for a caller who sees only some units). ``frozen``: whether
    the roster is the one frozen with the year's issued sector report.

    A country has thousands of units: the figures of each unit are read in one statement (its
    report, the sums of its accepted figure lines, its Action-Month plan) and the breakdowns in
    another, as rows of plain values; no record is browsed for each unit.
    """
    objectives = env["gender.equality.objective"]._get_by_kind()
    Period = env["gender.equality.report.period"]
    deadline, deadline_included = Period._get_deadline_rule(year)
    dissemination = objectives.get("dissemination")
    min_sessions = int(dissemination.target_value) if dissemination and dissemination.target_value else 2
    env["gender.equality.report.line"].flush_model()
    for model in (
        "gender.equality.unit",
        "gender.equality.report",
        "gender.equality.report.supplement",
        "gender.equality.approval.review",
        "gender.equality.approval.stage",
    ):
        env[model].flush_model()
    env["gender.equality.task"].flush_model(["unit_id", "plan_id", "state", "is_action_month"])
    env["gender.equality.plan"].flush_model(["year", "state"])
    units = [row["unit_id"] for row in roster]
    params = {"year": year, "units": units, "roster": json.dumps(roster), "tz": LOCAL_TZ}
    results = env.execute_query_dict(SQL(UNIT_ROWS_SQL, **params))
    # The sessions the staff received, each session once whatever the number of units whose
    # staff attended it (the same for every row).
    sessions_held = int(results[0]["sessions_total"]) if results else 0
    rows = [_unit_row(values, deadline) for values in results]
    rows.sort(key=lambda row: (row["unit_type"] or "", row.pop("sequence") or 0, row["unit_name"] or ""))
    concerned = [row["unit_id"] for row in rows if row["has_communication_duty"]]
    indicator = _indicator_set(env, year, concerned, objectives.get("indicator_set"))
    for row in rows:
        row["indicator_status"] = indicator["statuses"].get(row["unit_id"], "none")

    expected = len(rows)
    received_rows = [row for row in rows if row["timeliness"] != "missing"]
    on_time = sum(1 for row in rows if row["timeliness"] == "on_time")
    two_sessions = sum(1 for row in rows if row["staff_sessions"] >= min_sessions)
    am_plan = sum(1 for row in rows if row["action_month_plan"])
    am_plan_approved = sum(1 for row in rows if row["action_month_plan_by"] == "department")
    am_activity = sum(1 for row in rows if row["action_month_activities"] >= 1)
    am_both = sum(1 for row in rows if row["action_month_plan"] and row["action_month_activities"] >= 1)
    awareness = _awareness(env, params, objectives.get("awareness"), year)
    figures = {
        "dissemination": (rate(two_sessions, expected), "%"),
        "action_month": (rate(am_both, expected), "%"),
        "awareness": (awareness["change"], "points" if awareness["measure"] == "points" else "%"),
        "indicator_set": (indicator["rate"], "%"),
    }
    summary = {
        "year": year,
        "deadline": deadline.isoformat(),
        "deadline_included": deadline_included,
        "timeliness_rule": Period._timeliness_rule(deadline, deadline_included),
        "expected_units_frozen": frozen,
        "units_expected": expected,
        "reports_submitted": len(received_rows),
        "reports_accepted": sum(1 for row in rows if row["report_state"] == ACCEPTED),
        "reports_on_time": on_time,
        "reports_late": sum(1 for row in rows if row["timeliness"] == "late"),
        "reports_missing": expected - len(received_rows),
        "completeness_rate": rate(len(received_rows), expected),
        "timeliness_rate": rate(on_time, expected),
        "min_sessions": min_sessions,
        "objectives": _objectives(env, year, objectives, figures),
    }
    if not detail:
        return summary
    live = ReportFigures(env, year, env["gender.equality.unit"].browse(units))
    Action = env["gender.equality.corrective.action"]
    actions_by_state = dict(Action._read_group(live.corrective_action_domain(), ["state"], ["__count"]))
    inspections_by_type, scores = _inspections(env, year, units)
    breakdowns = _breakdowns(env, params)
    department = _department_work(env, year, department_units, breakdowns)

    def total(key):
        return sum(row[key] for row in rows) + department[key]

    summary.update(
        {
            "units_with_two_dissemination_sessions": two_sessions,
            "units_with_action_month_plan": am_plan,
            "units_with_action_month_plan_approved": am_plan_approved,
            "units_with_action_month_activity": am_activity,
            "activities_held": total("activities"),
            "staff_sessions": sessions_held,
            "staff_session_credits": sum(row["staff_sessions"] for row in rows),
            "dissemination_sessions": total("dissemination_sessions"),
            "action_month_activities": total("action_month_activities"),
            "participants_male": total("participants_male"),
            "participants_female": total("participants_female"),
            "participants_total": total("participants_male") + total("participants_female"),
            "department": department,
            "inspections_by_type": inspections_by_type,
            "inspection_scores_by_type": scores,
            "corrective_actions_open": sum(actions_by_state.get(state, 0) for state in OPEN_ACTION_STATES),
            "corrective_actions_overdue": Action.search_count(
                live.corrective_action_domain(("is_overdue", "=", True))
            ),
            "corrective_actions_verified": actions_by_state.get("verified", 0),
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
            "by_area": _breakdown(env, breakdowns, "area", "gender.equality.area", "area_id"),
            "by_activity_type": _breakdown(
                env, breakdowns, "activity_type", "gender.equality.activity.type", "activity_type_id"
            ),
            "by_topic": _breakdown(env, breakdowns, "topic", "gender.equality.topic", "topic_id"),
            "products_by_kind": _products(env, breakdowns),
            "budget_by_source": _budget(env, breakdowns),
            "by_unit_type": _by_unit_type(rows),
            "units": rows,
        }
    )
    return summary


# The accepted figure lines of the year: those of the accepted reports of the units, and those of
# their Action-Month supplements that the Department accepted. Only the columns the statements
# below read: a country's lines then stay in memory (``work_mem``) where whole rows (their labels)
# were written to disk at each call.
ACCEPTED_LINES_SQL = """
    SELECT l.unit_id, l.section, l.key, l.value, l.participants_male, l.participants_female,
           l.source_ids, l.area_id, l.activity_type_id, l.topic_id, l.product_kind,
           l.funding_source_id, l.target_group, l.respondents, l.correct
      FROM gender_equality_report_line l
      JOIN gender_equality_report r ON r.id = l.report_id
      LEFT JOIN gender_equality_report_supplement s ON s.id = l.supplement_id
     WHERE l.year = %(year)s AND r.year = %(year)s AND r.state = 'accepted'
       AND r.unit_id = ANY(%(units)s)
       AND (l.supplement_id IS NULL OR s.state = 'accepted')
"""

# One row per expected unit of the roster (the unit with the type and communication duty of the
# year): its report of the year (not cancelled: one at most), the activity figures of its
# accepted lines (the sessions its staff received counted once each: a supplement never counts
# one again), and whether its plan of the year counts for target 2.
#
# Target 2 (II.2.2, "100% các đơn vị xây dựng kế hoạch … Tháng hành động"): a plan of the year that
# plans an Action-Month activity (not cancelled) and that the unit made: approved by the
# Department (``department``), or, in its latest submission, approved by the unit's own head or
# received by the Department (``unit``). A draft, a plan its head returned, a cancelled plan do not.
UNIT_ROWS_SQL = (
    """
    WITH roster AS (
        SELECT * FROM jsonb_to_recordset(%(roster)s::jsonb)
            AS roster(unit_id int, unit_type varchar, has_communication_duty bool)
    ), lines AS NOT MATERIALIZED ("""
    + ACCEPTED_LINES_SQL
    + """ AND l.section IN ('activities', 'action_month')
    ), figures AS (
        SELECT unit_id,
               SUM(value) FILTER (WHERE section = 'activities' AND key = 'dissemination') AS dissemination,
               SUM(value) FILTER (WHERE section = 'activities' AND key = 'held') AS held,
               SUM(participants_male) FILTER (WHERE section = 'activities' AND key = 'held') AS male,
               SUM(participants_female) FILTER (WHERE section = 'activities' AND key = 'held') AS female,
               SUM(value) FILTER (WHERE section = 'action_month' AND key = 'held') AS action_month
          FROM lines GROUP BY unit_id
    ), sessions AS (
        SELECT DISTINCT lines.unit_id, session.id::int AS id
          FROM lines, jsonb_array_elements(lines.source_ids) AS session(id)
         WHERE lines.section = 'activities' AND lines.key = 'staff_sessions'
           AND jsonb_typeof(session.id) = 'number'
    ), staff AS (
        SELECT unit_id, COUNT(*) AS staff FROM sessions GROUP BY unit_id
    ), latest_round AS (
        SELECT res_id, MAX(round) AS round
          FROM gender_equality_approval_review
         WHERE res_model = 'gender.equality.plan'
         GROUP BY res_id
    ), action_month_plan AS (
        SELECT p.unit_id, BOOL_OR(p.state = 'approved') AS approved
          FROM gender_equality_plan p
         WHERE p.unit_id = ANY(%(units)s) AND p.year = %(year)s
           AND p.state IN ('submitted', 'approved', 'returned')
           AND EXISTS (
                SELECT 1 FROM gender_equality_task t
                 WHERE t.plan_id = p.id AND t.state != 'cancelled' AND t.is_action_month)
           AND (p.state = 'approved' OR EXISTS (
                SELECT 1
                  FROM gender_equality_approval_review rv
                  JOIN latest_round lr ON lr.res_id = rv.res_id AND lr.round = rv.round
                  JOIN gender_equality_approval_stage st ON st.id = rv.stage_id
                 WHERE rv.res_model = 'gender.equality.plan' AND rv.res_id = p.id
                   AND ((st.approver_type = 'unit_manager' AND rv.state = 'approved')
                        OR (st.receives_for_department AND rv.state IN ('pending', 'approved', 'returned')))))
         GROUP BY p.unit_id
    )
    SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, roster.unit_type, u.sequence,
           COALESCE(roster.has_communication_duty, FALSE) AS has_communication_duty,
           r.id AS report_id, r.state AS report_state, r.submit_date,
           r.timeliness_date AS received_date, COALESCE(r.awaiting_resubmission, FALSE) AS awaiting,
           r.deadline, r.is_late, r.days_late,
           (r.submit_date AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS submit_day,
           (r.timeliness_date AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS received_day,
           COALESCE(staff.staff, 0) AS staff, COALESCE(f.dissemination, 0) AS dissemination,
           COALESCE(f.held, 0) AS held, COALESCE(f.male, 0) AS male, COALESCE(f.female, 0) AS female,
           COALESCE(f.action_month, 0) AS action_month,
           a.unit_id IS NOT NULL AS action_month_plan,
           COALESCE(a.approved, FALSE) AS action_month_plan_approved,
           (SELECT COUNT(DISTINCT id) FROM sessions) AS sessions_total
      FROM roster
      JOIN gender_equality_unit u ON u.id = roster.unit_id
      LEFT JOIN gender_equality_report r
             ON r.unit_id = u.id AND r.year = %(year)s AND r.state != 'cancelled'
      LEFT JOIN figures f ON f.unit_id = u.id
      LEFT JOIN staff ON staff.unit_id = u.id
      LEFT JOIN action_month_plan a ON a.unit_id = u.id
"""
)

# The breakdowns of the accepted lines: by area, activity type, topic, product kind and funding
# source, in one statement.
BREAKDOWNS_SQL = (
    "WITH lines AS ("
    + ACCEPTED_LINES_SQL
    + """ AND l.section IN ('area', 'activity_type', 'topic', 'product', 'budget', 'budget_planned')
    )
    SELECT section, area_id, activity_type_id, topic_id, product_kind, funding_source_id,
           SUM(value) AS value, SUM(participants_male) AS male, SUM(participants_female) AS female
      FROM lines
     GROUP BY section, area_id, activity_type_id, topic_id, product_kind, funding_source_id
"""
)

# Target 3 (II.2.3) measures "các nhóm đối tượng trong cộng đồng": the surveys of every target group
# but the staff of the units.
COMMUNITY_GROUPS_SQL = "target_group != 'staff'"

# Awareness of the year (accepted lines) and of the baseline year (the surveys), by unit and
# community target group.
AWARENESS_SQL = (
    "WITH lines AS ("
    + ACCEPTED_LINES_SQL
    + """ AND l.section = 'awareness' AND l.key = 'group'
    )
    SELECT 'now' AS period, unit_id, target_group, SUM(respondents) AS respondents, SUM(correct) AS correct
      FROM lines WHERE """
    + COMMUNITY_GROUPS_SQL
    + """ GROUP BY unit_id, target_group
     UNION ALL
    SELECT 'base', unit_id, target_group, SUM(respondents_male + respondents_female),
           SUM(correct_male + correct_female)
      FROM gender_equality_awareness_survey
     WHERE year = %(baseline_year)s AND unit_id = ANY(%(units)s) AND """
    + COMMUNITY_GROUPS_SQL
    + """ GROUP BY unit_id, target_group
"""
)


def _unit_row(values, deadline):
    # Received: the Department holds the report (counted from the reception that timeliness
    # counts); a report it returned counts again once it is back.
    received = bool(values["received_date"]) and not values["awaiting"]
    submitted = values["submit_date"]
    if not values["action_month_plan"]:
        plan_by = False
    else:
        plan_by = "department" if values["action_month_plan_approved"] else "unit"
    return {
        "unit_id": values["unit_id"],
        "unit_code": values["unit_code"] or False,
        "unit_name": values["unit_name"],
        "unit_type": values["unit_type"] or False,
        "sequence": values["sequence"],
        "report_id": values["report_id"] or False,
        "report_state": values["report_state"] or "missing",
        "submit_date": submitted.isoformat() if submitted else False,
        "submit_day": values["submit_day"].isoformat() if submitted else False,
        "received_date": values["received_date"].isoformat() if received else False,
        "received_day": values["received_day"].isoformat() if received else False,
        "awaiting_resubmission": values["awaiting"],
        "deadline": (
            values["deadline"] if values["report_id"] and values["deadline"] else deadline
        ).isoformat(),
        "timeliness": ("late" if values["is_late"] else "on_time") if received else "missing",
        "days_late": (values["days_late"] or 0) if received else 0,
        "staff_sessions": int(values["staff"]),
        "dissemination_sessions": int(values["dissemination"]),
        "activities": int(values["held"]),
        "action_month_plan": values["action_month_plan"],
        "action_month_plan_by": plan_by,
        "action_month_activities": int(values["action_month"]),
        "participants_male": int(values["male"]),
        "participants_female": int(values["female"]),
        "has_communication_duty": values["has_communication_duty"],
    }


def _inspections(env, year, units):
    """``({type: count}, {type: average score})`` of the approved inspections of ``units``: the
    average over the inspections that have a score (an answered item that counts in it, or a
    critical item failed); one with nothing scored would pull the average down at 0%."""
    counts = dict.fromkeys(INSPECTION_TYPES, 0)
    sums, scored = defaultdict(float), defaultdict(int)
    for kind, is_scored, count, score in env["gender.equality.inspection"]._read_group(
        [("unit_id", "in", units), ("year", "=", year), ("state", "=", "approved")],
        ["inspection_type", "is_scored"],
        ["__count", "score:sum"],
    ):
        counts[kind] += count
        if is_scored:
            sums[kind] += score or 0.0
            scored[kind] += count
    return counts, {kind: round(sums[kind] / scored[kind], 1) for kind in scored}


def _department_work(env, year, department_units, breakdowns):
    """The Department's own activities of ``year`` (and those of its offices): compiled by the
    rules of a unit report (``ReportCompiler``), in memory (the Department has no report). Their
    breakdown lines are added to ``breakdowns``; returns the totals (``activities``,
    ``dissemination_sessions``, ``action_month_activities``, ``participants_male``,
    ``participants_female``, ``budget_planned``, ``budget_used``)."""
    totals = dict.fromkeys(
        (
            "activities",
            "dissemination_sessions",
            "action_month_activities",
            "participants_male",
            "participants_female",
            "budget_planned",
            "budget_used",
        ),
        0,
    )
    if not department_units:
        return totals
    sets = defaultdict(FigureSet)
    ReportCompiler(env)._activities(ReportFigures(env, year, department_units), sets, with_planned=True)
    keys = {
        ("activities", "held"): "activities",
        ("activities", "dissemination"): "dissemination_sessions",
        ("action_month", "held"): "action_month_activities",
    }
    for figure_set in sets.values():
        for line in figure_set.lines:
            key = keys.get((line["section"], line["key"]))
            if key:
                totals[key] += int(line["value"] or 0)
            if (line["section"], line["key"]) == ("activities", "held"):
                totals["participants_male"] += line["participants_male"]
                totals["participants_female"] += line["participants_female"]
            if line["section"] in ("budget", "budget_planned"):
                totals["budget_used" if line["section"] == "budget" else "budget_planned"] += line["value"]
            if line["section"] in BREAKDOWN_SECTIONS:
                breakdowns.append(
                    {
                        "section": line["section"],
                        **{name: line[name] for name in BREAKDOWN_KEYS},
                        "value": line["value"],
                        "male": line["participants_male"],
                        "female": line["participants_female"],
                    }
                )
    totals["budget_planned"] = round(totals["budget_planned"])
    totals["budget_used"] = round(totals["budget_used"])
    return totals


BREAKDOWN_SECTIONS = ("area", "activity_type", "topic", "product", "budget", "budget_planned")
BREAKDOWN_KEYS = ("area_id", "activity_type_id", "topic_id", "product_kind", "funding_source_id")


def _breakdowns(env, params):
    return env.execute_query_dict(SQL(BREAKDOWNS_SQL, **params))


def _breakdown(env, breakdowns, section, model, field):
    """``[{field, name, count, male, female}]`` of the accepted lines of ``section`` by ``field``."""
    totals = defaultdict(lambda: [0.0, 0, 0])
    for row in breakdowns:
        if row["section"] == section and row[field]:
            total = totals[row[field]]
            total[0] += row["value"] or 0.0
            total[1] += row["male"] or 0
            total[2] += row["female"] or 0
    groups = env[model].browse(totals)
    return [
        {
            field: group.id,
            "name": group.display_name,
            "count": int(totals[group.id][0]),
            "male": totals[group.id][1],
            "female": totals[group.id][2],
        }
        for group in groups.sorted(lambda group: (group.sequence, group.id))
    ]


def _products(env, breakdowns):
    """``[{kind, name, quantity}]``: the communication products of the accepted reports, by kind
    (plan section V), in the order of the kinds."""
    labels = dict(env["gender.equality.communication.product"]._fields["kind"]._description_selection(env))
    quantities = defaultdict(float)
    for row in breakdowns:
        if row["section"] == "product":
            quantities[row["product_kind"]] += row["value"] or 0.0
    return [
        {"kind": kind, "name": label, "quantity": int(quantities[kind])}
        for kind, label in labels.items()
        if kind in quantities
    ]


def _budget(env, breakdowns):
    """``[{funding_source_id, name, planned, actual}]`` of the accepted reports: the budget
    planned (approved plans) and used (actual costs of the activities held), by funding source."""
    totals = defaultdict(lambda: {"planned": 0.0, "actual": 0.0})
    for row in breakdowns:
        if row["section"] in ("budget", "budget_planned"):
            key = "planned" if row["section"] == "budget_planned" else "actual"
            totals[row["funding_source_id"] or 0][key] += row["value"] or 0.0
    sources = env["gender.equality.funding.source"].browse(source_id for source_id in totals if source_id)
    names = {source.id: source for source in sources} | {0: sources.browse()}
    return [
        {
            "funding_source_id": source_id or False,
            "name": names[source_id].display_name or "",
            "planned": round(values["planned"]),
            "actual": round(values["actual"]),
        }
        for source_id, values in sorted(totals.items(), key=lambda item: (names[item[0]].sequence, item[0]))
    ]


def _awareness(env, params, objective, year):
    """Awareness of the year against the baseline year, like with like: over the (unit,
    community target group) pairs that have surveys in both years (the staff of the units are
    not a group of the community). The year's results come from the accepted reports; the
    baseline's from the surveys of the baseline year (the Department's records). The baseline
    year itself and the years before it have no change to show (``change`` False)."""
    baseline_year = (objective and objective.baseline_year) or env[
        "gender.equality.objective"
    ]._get_baseline_year()
    measure = (objective and objective.awareness_measure) or "points"
    env["gender.equality.awareness.survey"].flush_model()
    figures = {"now": {}, "base": {}}
    for period, unit_id, group, respondents, correct in env.execute_query(
        SQL(AWARENESS_SQL, **params, baseline_year=baseline_year)
    ):
        figures[period][unit_id, group] = (respondents or 0, correct or 0)
    now, base = figures["now"], figures["base"]
    pairs = set(now) & set(base)
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
        "change": (points if measure == "points" else percent) if year > baseline_year else False,
    }


def _indicator_set(env, year, concerned_ids, objective):
    """Target 4: the communication units (``has_communication_duty``, ids ``concerned_ids``)
    whose status the Department confirmed; pilot or official until the target year, official
    from it on."""
    concerned = env["gender.equality.unit"].browse(concerned_ids)
    confirmed = env["gender.equality.indicator.status"]._confirmed(year, concerned)
    pilot = sum(1 for status in confirmed.values() if status == "pilot")
    official = sum(1 for status in confirmed.values() if status == "official")
    target_year = objective.target_year if objective and objective.target_year else 2030
    applying = official if year >= target_year else pilot + official
    return {
        "statuses": {unit.id: status for unit, status in confirmed.items()},
        "concerned": len(concerned_ids),
        "pilot": pilot,
        "official": official,
        "rate": rate(applying, len(concerned_ids)),
    }


def _objectives(env, year, objectives, results):
    """One dict per configured objective (in their order), with its target and whether it is
    achieved; an objective not judged in ``year`` says so (``multi_year.is_applicable``: the
    awareness target at its target year, the others from their milestone year); its value is
    then a trend (or False: no figure)."""
    rows = []
    for objective in sorted(objectives.values(), key=lambda objective: (objective.sequence, objective.code)):
        value, unit = results[objective.kind]
        target = objective.target_value if objective.kind == "awareness" else objective.target_share
        applicable = is_applicable(objective.kind, year, objective.milestone_year, objective.target_year)
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
                "achieved": applicable and value is not False and value >= target,
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
    # A target without a figure (awareness in its baseline year) reads 0 on a numeric field.
    values.update({field: objectives.get(kind) or 0.0 for kind, field in OBJECTIVE_FIELDS.items()})
    return values
