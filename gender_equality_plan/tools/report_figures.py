# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The counting rules of the reporting regime: what the compilation of unit reports counts.

An activity counts for a year when it is ``done``, its plan is of that year and not cancelled,
and both its actual dates fall in the year (the activities' constraint keeps the actual dates in
the plan's year; the plan's year is checked here too, so that older records held "in another
year" count nowhere else). Every figure comes from one ``_read_group`` per breakdown,
for all the units at once.
"""

from collections import defaultdict
from datetime import date

from odoo.tools import SQL

FINISHED_INSPECTION_STATES = ("done", "approved")
OPEN_ACTION_STATES = ("open", "in_progress")
TASK_AGGREGATES = ["__count", "participants_male:sum", "participants_female:sum", "id:array_agg"]


class ReportFigures:
    """Figures of ``units`` for ``year``, read with ``env`` (the caller decides its rights).

    ``task_filter``: an optional domain that restricts the activities counted (the activities of
    an Action-Month supplement); ``attended_filter``: the same for the sessions of others that
    the staff of the units attended (those an Action-Month supplement adds).
    """

    def __init__(self, env, year, units, task_filter=None, attended_filter=None):
        self.env = env
        self.year = year
        self.units = units
        self.task_filter = task_filter or []
        self.attended_filter = attended_filter or []

    # ------------------------------------------------------------
    # DOMAINS
    # ------------------------------------------------------------

    def task_domain(self, *extra):
        return [
            ("unit_id", "in", self.units.ids),
            ("state", "=", "done"),
            ("plan_year", "=", self.year),
            ("plan_id.state", "!=", "cancelled"),
            ("actual_date_start", ">=", date(self.year, 1, 1)),
            ("actual_date_end", "<=", date(self.year, 12, 31)),
            *self.task_filter,
            *extra,
        ]

    def planned_domain(self, *extra):
        """Activities planned for the year: of a plan of the year that is not cancelled, not
        cancelled themselves."""
        return [
            ("unit_id", "in", self.units.ids),
            ("plan_id.year", "=", self.year),
            ("plan_id.state", "!=", "cancelled"),
            ("state", "!=", "cancelled"),
            *extra,
        ]

    def planned_action_month_domain(self):
        return self.planned_domain(("is_action_month", "=", True))

    def planned_budget_domain(self):
        """Activities whose planned budget counts (section IV): those of the approved plan of the
        year, not cancelled (a draft or a plan waiting for its approval plans no budget yet)."""
        return self.planned_domain(("plan_id.state", "=", "approved"))

    def inspection_domain(self):
        return [
            ("unit_id", "in", self.units.ids),
            ("year", "=", self.year),
            ("state", "in", FINISHED_INSPECTION_STATES),
        ]

    def corrective_action_domain(self, *extra):
        """Corrective actions of the inspections of the year, or without inspection and due in it."""
        return [
            ("unit_id", "in", self.units.ids),
            ("state", "!=", "cancelled"),
            "|",
            ("inspection_id.year", "=", self.year),
            "&",
            ("inspection_id", "=", False),
            "&",
            ("deadline", ">=", date(self.year, 1, 1)),
            ("deadline", "<=", date(self.year, 12, 31)),
            *extra,
        ]

    # ------------------------------------------------------------
    # GROUPED FIGURES
    # ------------------------------------------------------------

    def tasks_by(self, groupby, *extra):
        """``{(unit, group): {"count", "male", "female", "ids"}}`` of the counted activities."""
        Task = self.env["gender.equality.task"]
        result = {}
        for *keys, count, male, female, ids in Task._read_group(
            self.task_domain(*extra), ["unit_id", *groupby], TASK_AGGREGATES
        ):
            result[tuple(keys) if groupby else keys[0]] = {
                "count": count,
                "male": male,
                "female": female,
                "ids": sorted(ids),
            }
        return result

    def task_totals(self, flags, group=None):
        """``{name: {unit id: {"count", "male", "female", "ids"}}}`` of the counted activities:
        all of them for a ``None`` flag, those whose stored boolean (or many2one) field ``flag``
        is set otherwise. One pass over the activities for every figure, keyed by unit id: a
        country compiles 3,400 reports at once, and one grouped read per figure, keyed by
        records, costs seconds each. With ``group`` (a many2one field), keyed by
        ``(unit id, group id)``."""
        Task = self.env["gender.equality.task"]
        query = Task._search(self.task_domain())
        alias = query.table

        def column(name):
            return SQL.identifier(alias, name)

        keys = [column("unit_id"), *([column(group)] if group else [])]
        selects = list(keys)
        for flag in flags.values():
            if flag is None:
                condition = SQL("TRUE")
            elif Task._fields[flag].type == "many2one":
                condition = SQL("%s IS NOT NULL", column(flag))
            else:
                condition = SQL("%s", column(flag))
            selects += [
                SQL("COUNT(*) FILTER (WHERE %s)", condition),
                SQL("COALESCE(SUM(%s) FILTER (WHERE %s), 0)", column("participants_male"), condition),
                SQL("COALESCE(SUM(%s) FILTER (WHERE %s), 0)", column("participants_female"), condition),
                SQL("ARRAY_AGG(%s ORDER BY %s) FILTER (WHERE %s)", column("id"), column("id"), condition),
            ]
        query.groupby = SQL(", ").join(keys)
        Task.flush_model()
        result = {name: {} for name in flags}
        for row in self.env.execute_query(query.select(*selects)):
            key, values = (row[:2], row[2:]) if group else (row[0], row[1:])
            for index, name in enumerate(flags):
                count, male, female, ids = values[4 * index : 4 * index + 4]
                if count:
                    result[name][key] = {"count": count, "male": male, "female": female, "ids": ids}
        return result

    def unit_counts(self, model, domain, groupby=()):
        """``{unit or (unit, group): (count, ids)}`` of ``model`` records matching ``domain``."""
        result = {}
        for *keys, count, ids in self.env[model]._read_group(
            domain, ["unit_id", *groupby], ["__count", "id:array_agg"]
        ):
            result[tuple(keys) if groupby else keys[0]] = (count, sorted(ids))
        return result

    def inspections_by_type(self):
        """``{(unit, type): (count, average score, ids)}``: the average over the inspections
        that have a score (``is_scored``: one with nothing scored yet would count at 0%)."""
        totals = {}
        for unit, inspection_type, is_scored, count, score, ids in self.env[
            "gender.equality.inspection"
        ]._read_group(
            self.inspection_domain(),
            ["unit_id", "inspection_type", "is_scored"],
            ["__count", "score:sum", "id:array_agg"],
        ):
            total = totals.setdefault((unit, inspection_type), [0, 0.0, 0, []])
            total[0] += count
            total[3] += ids
            if is_scored:
                total[1] += score or 0.0
                total[2] += count
        return {
            key: (count, round(score / scored, 1) if scored else 0.0, sorted(ids))
            for key, (count, score, scored, ids) in totals.items()
        }

    def attended_sessions(self):
        """``{unit: ids}`` of the dissemination sessions of other units (the Department's among
        them) that the staff of the unit attended: done, in the year, of a plan not cancelled
        (and matching ``attended_filter``)."""
        Task = self.env["gender.equality.task"]
        domain = [
            ("attending_unit_ids", "in", self.units.ids),
            ("is_dissemination", "=", True),
            ("state", "=", "done"),
            ("plan_year", "=", self.year),
            ("plan_id.state", "!=", "cancelled"),
            ("actual_date_start", ">=", date(self.year, 1, 1)),
            ("actual_date_end", "<=", date(self.year, 12, 31)),
            *self.attended_filter,
        ]
        result = defaultdict(list)
        for attending, organiser, ids in Task._read_group(
            domain, ["attending_unit_ids", "unit_id"], ["id:array_agg"]
        ):
            if attending in self.units and attending != organiser:
                result[attending] += ids
        return result

    def awareness(self, year):
        """``{(unit, target group): (respondents, correct)}`` of the awareness surveys of ``year``."""
        rows = self.env["gender.equality.awareness.survey"]._read_group(
            [("unit_id", "in", self.units.ids), ("year", "=", year)],
            ["unit_id", "target_group"],
            [
                "respondents_male:sum",
                "respondents_female:sum",
                "correct_male:sum",
                "correct_female:sum",
            ],
        )
        return {
            (unit, group): (r_male + r_female, c_male + c_female)
            for unit, group, r_male, r_female, c_male, c_female in rows
        }

    def indicator_status(self):
        """``{unit: status}`` of the Gender Indicator Set for the year, as the Department
        confirmed it."""
        return self.env["gender.equality.indicator.status"]._confirmed(self.year, self.units)


def rate(part, whole):
    """A percentage rounded to one decimal; 0 when there is nothing to divide."""
    return round(100.0 * part / whole, 1) if whole else 0.0
