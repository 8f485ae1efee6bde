"""The hand-written SQL baseline of ``get_kpi_summary``: one query over the module's tables that
computes the main figures of the consolidation by the same counting rules (docs/kpi_summary.md),
so that the ratio of the two times says what the ORM path costs above the data it has to read.

Figures: units expected (those that report to the Department), reports received (and not
returned and waiting), accepted, on time and late (timeliness from the reception that counts, in
Thanh Hóa time), participants by sex of the activities counted by the accepted reports and their
accepted supplements plus the Department's own activities, the numerators of the four objectives
(units whose staff received the sessions, each once; units with an Action-Month plan made and an
activity held; awareness over the pairs of unit and community target group surveyed in both
years; confirmed statuses of the communication units), inspections approved by type, corrective
actions open and overdue.
"""

KPI_BASELINE = """
WITH units AS (
    SELECT id, has_communication_duty FROM gender_equality_unit
     WHERE active AND has_reporting_duty
), objective AS (
    SELECT COALESCE((SELECT NULLIF(target_value, 0)::int FROM gender_equality_objective
                      WHERE active AND kind = 'dissemination' LIMIT 1), 2) AS min_sessions,
           COALESCE((SELECT baseline_year FROM gender_equality_objective
                      WHERE active AND kind = 'awareness' LIMIT 1), 2025) AS baseline_year
), reports AS (
    SELECT r.unit_id, r.state,
           r.timeliness_date IS NOT NULL AND NOT COALESCE(r.awaiting_resubmission, FALSE) AS received,
           (r.timeliness_date AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
               > r.deadline - CASE WHEN r.deadline_included THEN 0 ELSE 1 END AS late
      FROM gender_equality_report r JOIN units u ON u.id = r.unit_id
     WHERE r.year = %(year)s AND r.state != 'cancelled'
), lines AS (
    SELECT l.unit_id, l.section, l.key, l.value, l.participants_male, l.participants_female,
           l.target_group, l.respondents, l.correct, l.source_ids
      FROM gender_equality_report_line l
      JOIN gender_equality_report r ON r.id = l.report_id
      LEFT JOIN gender_equality_report_supplement s ON s.id = l.supplement_id
     WHERE r.year = %(year)s AND r.state = 'accepted'
       AND r.unit_id IN (SELECT id FROM units)
       AND (l.supplement_id IS NULL OR s.state = 'accepted')
), staff AS (
    SELECT unit_id, COUNT(DISTINCT session.id) AS staff_sessions
      FROM lines, jsonb_array_elements(lines.source_ids) AS session(id)
     WHERE section = 'activities' AND key = 'staff_sessions'
     GROUP BY unit_id
), per_unit AS (
    SELECT unit_id,
           SUM(value) FILTER (WHERE section = 'action_month' AND key = 'held') AS action_month_held,
           SUM(participants_male) FILTER (WHERE section = 'activities' AND key = 'held') AS male,
           SUM(participants_female) FILTER (WHERE section = 'activities' AND key = 'held') AS female
      FROM lines GROUP BY unit_id
), department AS (
    SELECT COALESCE(SUM(t.participants_male), 0) AS male, COALESCE(SUM(t.participants_female), 0) AS female
      FROM gender_equality_task t
      JOIN gender_equality_plan p ON p.id = t.plan_id
      JOIN gender_equality_unit u ON u.id = t.unit_id
     WHERE u.unit_type = 'department' AND t.state = 'done' AND p.year = %(year)s
       AND p.state != 'cancelled' AND t.actual_date_start >= make_date(%(year)s, 1, 1)
       AND t.actual_date_end <= make_date(%(year)s, 12, 31)
), latest_round AS (
    SELECT res_id, MAX(round) AS round FROM gender_equality_approval_review
     WHERE res_model = 'gender.equality.plan' GROUP BY res_id
), action_month_plan AS (
    SELECT DISTINCT t.unit_id
      FROM gender_equality_task t JOIN gender_equality_plan p ON p.id = t.plan_id
     WHERE t.unit_id IN (SELECT id FROM units) AND p.year = %(year)s
       AND p.state IN ('submitted', 'approved', 'returned')
       AND t.state != 'cancelled' AND t.is_action_month
       AND (p.state = 'approved' OR EXISTS (
            SELECT 1 FROM gender_equality_approval_review rv
              JOIN latest_round lr ON lr.res_id = rv.res_id AND lr.round = rv.round
              JOIN gender_equality_approval_stage st ON st.id = rv.stage_id
             WHERE rv.res_model = 'gender.equality.plan' AND rv.res_id = p.id
               AND ((st.approver_type = 'unit_manager' AND rv.state = 'approved')
                    OR (st.receives_for_department AND rv.state IN ('pending', 'approved', 'returned')))))
), awareness_now AS (
    SELECT unit_id, target_group, SUM(respondents) AS respondents, SUM(correct) AS correct
      FROM lines WHERE section = 'awareness' AND key = 'group' AND target_group != 'staff'
     GROUP BY unit_id, target_group
), awareness_base AS (
    SELECT unit_id, target_group, SUM(respondents_male + respondents_female) AS respondents,
           SUM(correct_male + correct_female) AS correct
      FROM gender_equality_awareness_survey
     WHERE year = (SELECT baseline_year FROM objective) AND unit_id IN (SELECT id FROM units)
       AND target_group != 'staff'
     GROUP BY unit_id, target_group
), awareness AS (
    SELECT COUNT(*) AS pairs, SUM(n.respondents) AS respondents, SUM(n.correct) AS correct,
           SUM(b.respondents) AS base_respondents, SUM(b.correct) AS base_correct
      FROM awareness_now n
      JOIN awareness_base b ON b.unit_id = n.unit_id AND b.target_group IS NOT DISTINCT FROM n.target_group
), statuses AS (
    SELECT s.status FROM gender_equality_indicator_status s JOIN units u ON u.id = s.unit_id
     WHERE u.has_communication_duty AND s.year = %(year)s AND s.state = 'confirmed'
), inspections AS (
    SELECT inspection_type, COUNT(*) AS count FROM gender_equality_inspection
     WHERE year = %(year)s AND state = 'approved' AND unit_id IN (SELECT id FROM units)
     GROUP BY inspection_type
), actions AS (
    SELECT a.state, a.deadline FROM gender_equality_corrective_action a
      LEFT JOIN gender_equality_inspection i ON i.id = a.inspection_id
     WHERE a.unit_id IN (SELECT id FROM units) AND a.state != 'cancelled'
       AND (i.year = %(year)s OR (a.inspection_id IS NULL
            AND a.deadline BETWEEN make_date(%(year)s, 1, 1) AND make_date(%(year)s, 12, 31)))
)
SELECT
    (SELECT COUNT(*) FROM units) AS units_expected,
    (SELECT COUNT(*) FROM reports WHERE received) AS reports_submitted,
    (SELECT COUNT(*) FROM reports WHERE state = 'accepted') AS reports_accepted,
    (SELECT COUNT(*) FROM reports WHERE received AND NOT late) AS reports_on_time,
    (SELECT COUNT(*) FROM reports WHERE received AND late) AS reports_late,
    (SELECT COALESCE(SUM(male), 0) FROM per_unit) + (SELECT male FROM department) AS participants_male,
    (SELECT COALESCE(SUM(female), 0) FROM per_unit) + (SELECT female FROM department) AS participants_female,
    (SELECT COUNT(*) FROM staff
      WHERE staff_sessions >= (SELECT min_sessions FROM objective)) AS units_with_two_dissemination_sessions,
    (SELECT COUNT(*) FROM action_month_plan) AS units_with_action_month_plan,
    (SELECT COUNT(*) FROM per_unit WHERE action_month_held >= 1) AS units_with_action_month_activity,
    (SELECT COUNT(*) FROM per_unit
      WHERE action_month_held >= 1 AND unit_id IN (SELECT unit_id FROM action_month_plan))
        AS action_month_both,
    (SELECT pairs FROM awareness) AS awareness_pairs,
    (SELECT ROUND(100.0 * correct / NULLIF(respondents, 0), 1) FROM awareness) AS awareness_rate,
    (SELECT ROUND(100.0 * base_correct / NULLIF(base_respondents, 0), 1) FROM awareness)
        AS awareness_baseline_rate,
    (SELECT COUNT(*) FROM units WHERE has_communication_duty) AS units_indicator_concerned,
    (SELECT COUNT(*) FROM statuses WHERE status = 'pilot') AS units_indicator_pilot,
    (SELECT COUNT(*) FROM statuses WHERE status = 'official') AS units_indicator_official,
    (SELECT COALESCE(SUM(count), 0) FROM inspections WHERE inspection_type = 'self') AS inspections_self,
    (SELECT COALESCE(SUM(count), 0) FROM inspections WHERE inspection_type = 'inspection')
        AS inspections_inspection,
    (SELECT COALESCE(SUM(count), 0) FROM inspections WHERE inspection_type = 'supervision')
        AS inspections_supervision,
    (SELECT COUNT(*) FROM actions WHERE state IN ('open', 'in_progress')) AS corrective_actions_open,
    (SELECT COUNT(*) FROM actions WHERE state IN ('open', 'in_progress')
        AND deadline < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS corrective_actions_overdue
"""


def compare_with_summary(baseline, summary):
    """The figures on which the baseline and ``summary`` (``get_kpi_summary``) disagree, as
    ``"key: baseline != summary"`` texts (none when they compute the same figures)."""
    expected = {key: summary.get(key) for key in baseline if key in summary}
    for kind in ("self", "inspection", "supervision"):
        expected[f"inspections_{kind}"] = summary["inspections_by_type"][kind]
    action_month = next(row for row in summary["objectives"] if row["kind"] == "action_month")
    units = summary["units_expected"]
    both = baseline["action_month_both"]
    mismatches = [
        f"{key}: {baseline[key]} != {value}"
        for key, value in expected.items()
        if not _same(baseline[key], value)
    ]
    if units and not _same(round(100.0 * both / units, 1), action_month["value"]):
        mismatches.append(f"objective action_month: {both} of {units} units != {action_month['value']} %")
    return mismatches


def _same(left, right):
    if left is None:
        left = 0
    if right is None:
        right = 0
    return float(left) == float(right)
