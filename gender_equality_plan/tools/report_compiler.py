# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The compilation of the figures of unit reports and of their Action-Month supplements.

One pass per figure for all the reports of a year: every breakdown is one ``_read_group`` over
the records of all their units (``ReportFigures``), then the figure lines of every report are
created in one call. A figure line keeps the ids of the records it counts (the drill-down) and
its breakdown keys (area, activity type, funding source, inspection type) so that the
consolidation sums the lines of the accepted reports instead of reading the units' live records.
"""

import json
import operator
from collections import defaultdict

from odoo import Command
from odoo.tools import SQL

from . import vi_format
from .report_figures import OPEN_ACTION_STATES, ReportFigures, rate

TASK = "gender.equality.task"
INSPECTION = "gender.equality.inspection"
VIOLATION = "gender.equality.inspection.violation"
CORRECTIVE_ACTION = "gender.equality.corrective.action"
SURVEY = "gender.equality.awareness.survey"
INDICATOR_STATUS = "gender.equality.indicator.status"
PRODUCT = "gender.equality.communication.product"
# The models a figure line may open (its drill-down).
SOURCE_MODELS = (TASK, INSPECTION, VIOLATION, CORRECTIVE_ACTION, SURVEY, INDICATOR_STATUS, PRODUCT)
EMPTY = {"count": 0, "male": 0, "female": 0, "ids": []}
# The breakdown keys of a figure line. Every line has them all (empty when they do not apply), so
# that the lines of any number of reports are created in one statement.
BREAKDOWN = dict.fromkeys(
    (
        "area_id",
        "activity_type_id",
        "funding_source_id",
        "inspection_type",
        "target_group",
        "topic_id",
        "product_kind",
    ),
) | dict.fromkeys(("participants_male", "participants_female", "respondents", "correct"), 0)


class FigureSet:
    """The figures of one unit: lines (``gender.equality.report.line`` values) and the
    counters of the report or supplement."""

    def __init__(self):
        self.lines = []
        self.vals = {}

    def add(self, section, key, name, value=0, model=None, ids=(), display=None, **breakdown):
        self.lines.append(
            {
                "sequence": len(self.lines) + 1,
                "section": section,
                "key": key,
                "name": name,
                "value": value or 0,
                "value_display": display or None,
                "source_model": model or None,
                "source_ids": sorted(ids) if model else None,
                **BREAKDOWN,
                # SQL's NULL, not False, for an empty key (an empty recordset's id is False).
                **{name: None if key is False else key for name, key in breakdown.items()},
            }
        )

    def add_tasks(self, section, key, name, data, **breakdown):
        """A line that counts activities, with their participants by sex."""
        self.add(
            section,
            key,
            name,
            data["count"],
            TASK,
            data["ids"],
            participants_male=data["male"],
            participants_female=data["female"],
            **breakdown,
        )


class ReportCompiler:
    """Compiles reports and supplements with ``env`` (the superuser: the caller checked that
    the user may compile them); labels are written in the language of ``env``."""

    def __init__(self, env):
        self.env = env
        labels = {}

        def translate(source, *args, **kwargs):
            # The labels of the lines, translated once (a country's compilation asks for each
            # label thousands of times).
            if args or kwargs:
                return env._(source, *args, **kwargs)
            if source not in labels:
                labels[source] = env._(source)
            return labels[source]

        self._ = translate

    # ------------------------------------------------------------
    # ENTRY POINTS
    # ------------------------------------------------------------

    def compile_reports(self, reports):
        """Store the figures of ``reports``: their lines, counters and counted activities."""
        lines, vals_by_report = [], {}
        for year, year_reports in _by_year(reports):
            # An activity that a supplement of the report counts is the supplement's (a report
            # returned after its supplement and compiled again would count it twice).
            figures = ReportFigures(
                self.env,
                year,
                year_reports.unit_id,
                task_filter=[("supplement_ids", "not any", [("state", "!=", "cancelled")])],
            )
            sets = defaultdict(FigureSet)
            self._activities(figures, sets, with_planned=True)
            self._inspections(figures, sets)
            self._awareness(figures, sets)
            for report in year_reports:
                figure_set = sets[report.unit_id]
                parent = self._parent(report)
                lines += [{**line, **parent} for line in figure_set.lines]
                vals_by_report[report] = figure_set.vals
        self._replace_lines(
            SQL("report_id IN %s AND supplement_id IS NULL", tuple(reports.ids)), lines, reports
        )
        counted = [(report, vals.pop("compiled_task_ids")) for report, vals in vals_by_report.items()]
        self._write_counters(reports, vals_by_report)
        # The activities each report counts, for all the reports at once (``write`` would update
        # the relation of one report at a time).
        reports._fields["compiled_task_ids"].write_batch(counted)

    def compile_supplements(self, supplements):
        """Store the figures of ``supplements``: the unit's Action-Month activities done, held by
        the supplement's date, that neither their report nor another supplement of it counts
        yet."""
        lines, vals_by_supplement = [], {}
        for supplement in supplements:
            report = supplement.report_id
            others = (report.supplement_ids - supplement).filtered(lambda other: other.state != "cancelled")
            known = report.compiled_task_ids | others.task_ids
            # The sessions of others that the staff attended count once: those the report or
            # another supplement counts already are left out.
            known_sessions = {
                task_id
                for line in report.line_ids | others.line_ids
                if line.section == "activities" and line.key == "staff_sessions"
                for task_id in line.source_ids or []
            }
            held_by_date = [
                ("is_held_in_action_month", "=", True),
                ("actual_date_end", "<=", supplement.date),
            ]
            figures = ReportFigures(
                self.env,
                report.year,
                report.unit_id,
                task_filter=[*held_by_date, ("id", "not in", known.ids)],
                attended_filter=[*held_by_date, ("id", "not in", sorted(known_sessions))],
            )
            sets = defaultdict(FigureSet)
            self._activities(figures, sets, with_planned=False)
            figure_set = sets[report.unit_id]
            parent = {**self._parent(report), "supplement_id": supplement.id}
            lines += [{**line, **parent} for line in figure_set.lines]
            vals_by_supplement[supplement] = figure_set.vals
        self._replace_lines(SQL("supplement_id IN %s", tuple(supplements.ids)), lines, supplements)
        for supplement, vals in vals_by_supplement.items():
            supplement.write(
                {
                    "task_ids": vals["compiled_task_ids"],
                    "action_month_held": vals["action_month_held"],
                    "participants_male": vals["participants_male"],
                    "participants_female": vals["participants_female"],
                }
            )

    def _by_unit_id(self, rows, model):
        """``{(unit id, group id): data}`` → ``{unit id: [(group, data)]}``, the groups (records of
        ``model``) in their order (sequence, id)."""
        groups = self.env[model].browse({group_id for __, group_id in rows if group_id})
        ordered = groups.sorted(lambda group: (group.sequence, group.id))
        order = {group.id: index for index, group in enumerate(ordered)}
        records = {group.id: group for group in ordered}
        result = defaultdict(list)
        for (unit_id, group_id), data in sorted(rows.items(), key=lambda item: order.get(item[0][1], -1)):
            if group_id:
                result[unit_id].append((records[group_id], data))
        return result

    # ------------------------------------------------------------
    # STORAGE
    # ------------------------------------------------------------

    @staticmethod
    def _parent(report):
        return {
            "report_id": report.id,
            "supplement_id": None,
            "unit_id": report.unit_id.id,
            "year": report.year,
        }

    def _write_counters(self, reports, vals_by_report):
        """Write the counters of the reports (plain stored numbers and a status that only this
        class writes, none tracked) in one ``UPDATE`` from a JSON array: through ``write`` a
        country's 3,400 reports cost a second of checks, one report at a time. The caches are
        dropped and the fields computed from the counters marked to recompute, as ``write``
        would."""
        fnames = sorted({name for vals in vals_by_report.values() for name in vals} | {"compile_date"})
        now = self.env.cr.now()
        # SQL's NULL for an empty value (JSON's false would be the text 'false' in a text column).
        rows = [
            {
                **{name: None if value is False else value for name, value in vals.items()},
                "id": report.id,
                "compile_date": now.isoformat(),
            }
            for report, vals in vals_by_report.items()
        ]
        reports.flush_recordset()
        self.env.cr.execute(
            SQL(
                """UPDATE gender_equality_report AS report
                      SET %(assignments)s, write_uid = %(uid)s, write_date = %(now)s
                     FROM json_populate_recordset(NULL::gender_equality_report, %(rows)s) AS figures
                    WHERE report.id = figures.id""",
                assignments=SQL(", ").join(
                    SQL("%s = figures.%s", SQL.identifier(name), SQL.identifier(name)) for name in fnames
                ),
                uid=self.env.uid,
                now=now,
                rows=json.dumps(rows),
            )
        )
        reports.invalidate_recordset([*fnames, "write_uid", "write_date"])
        reports.modified(fnames)

    def _replace_lines(self, where, lines, parents):
        """Make the figure lines that match ``where`` (SQL) those of ``lines``, in at most three
        statements, writing only what changed.

        A country compiles about 40 lines for each of 3,400 reports: created and deleted one
        ORM record at a time they take minutes, and even one ``INSERT`` of them all costs seconds
        of foreign-key checks. The lines are derived rows that only this class writes (no
        computed field, attachment, chatter or external id hangs on them): the stored lines are
        read in one statement, those whose values all stay are kept, the others deleted in one
        ``DELETE`` and the new ones inserted by one ``INSERT`` from a JSON array of their values.
        """
        Line = self.env["gender.equality.report.line"]
        Line.flush_model()
        cr = self.env.cr
        columns = SQL(", ").join(SQL.identifier(name) for name in LINE_COLUMNS)
        cr.execute(
            SQL(
                "SELECT id, %s FROM gender_equality_report_line WHERE %s",
                SQL(", ").join(_column_value(name) for name in LINE_COLUMNS),
                where,
            )
        )
        stored = defaultdict(list)
        for line_id, *values in cr.fetchall():
            stored[tuple(values)].append(line_id)
        new_lines = []
        for line in lines:
            kept = stored.get(_line_values(line))
            if kept:
                kept.pop()
            else:
                new_lines.append(line)
        obsolete = [line_id for line_ids in stored.values() for line_id in line_ids]
        if obsolete:
            cr.execute(SQL("DELETE FROM gender_equality_report_line WHERE id = ANY(%s)", obsolete))
        if new_lines:
            cr.execute(
                SQL(
                    """INSERT INTO gender_equality_report_line
                            (%(columns)s, create_uid, create_date, write_uid, write_date)
                       SELECT %(columns)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                         FROM json_populate_recordset(NULL::gender_equality_report_line, %(lines)s)""",
                    columns=columns,
                    uid=self.env.uid,
                    now=cr.now(),
                    lines=json.dumps(new_lines),
                )
            )
        if obsolete or new_lines:
            Line.invalidate_model()
            parents.invalidate_recordset(["line_ids"])

    # ------------------------------------------------------------
    # FIGURES
    # ------------------------------------------------------------

    def _activities(self, figures, sets, with_planned):
        """Activities held, by area and type, the Action Month, observances and budget used."""
        _ = self._
        totals = figures.task_totals(
            {
                "held": None,
                "dissemination": "is_dissemination",
                "for_staff": "is_staff_session",
                "action_month": "is_held_in_action_month",
                "observance": "observance_id",
            }
        )
        # The sessions of others that the staff attended: all those of the year for a report; for
        # a supplement, those held in the Action Month by its date that no figure counts yet
        # (``attended_filter``), never again those the report counts.
        attended = figures.attended_sessions()
        by_area = self._by_unit_id(
            figures.task_totals({"held": None}, "area_id")["held"], "gender.equality.area"
        )
        by_type = self._by_unit_id(
            figures.task_totals({"held": None}, "activity_type_id")["held"], "gender.equality.activity.type"
        )
        budget = defaultdict(list)
        for unit, source, amount, ids in self.env[TASK]._read_group(
            figures.task_domain(), ["unit_id", "funding_source_id"], ["actual_cost:sum", "id:array_agg"]
        ):
            budget[unit].append((source, amount, ids))
        planned = figures.unit_counts(TASK, figures.planned_action_month_domain()) if with_planned else {}
        planned_budget = defaultdict(list)
        if with_planned:
            for unit, source, amount, ids in self.env[TASK]._read_group(
                figures.planned_budget_domain(),
                ["unit_id", "funding_source_id"],
                ["planned_budget:sum", "id:array_agg"],
            ):
                planned_budget[unit].append((source, amount, ids))
        for unit in figures.units:
            figure_set = sets[unit]
            unit_held = totals["held"].get(unit.id, EMPTY)
            unit_dissemination = totals["dissemination"].get(unit.id, EMPTY)
            unit_action_month = totals["action_month"].get(unit.id, EMPTY)
            unit_observance = totals["observance"].get(unit.id, EMPTY)
            figure_set.add_tasks("activities", "held", _("Activities held"), unit_held)
            figure_set.add_tasks(
                "activities", "dissemination", _("Dissemination sessions held"), unit_dissemination
            )
            for_staff = totals["for_staff"].get(unit.id, EMPTY)["ids"]
            staff_ids = sorted(set(for_staff) | set(attended.get(unit, [])))
            figure_set.add(
                "activities",
                "staff_sessions",
                _("Sessions received by the staff (organised for them or attended)"),
                len(staff_ids),
                TASK,
                staff_ids,
            )
            for key, label, value in (
                ("participants_male", _("Male participants"), unit_held["male"]),
                ("participants_female", _("Female participants"), unit_held["female"]),
                ("participants_total", _("Participants"), unit_held["male"] + unit_held["female"]),
            ):
                figure_set.add("activities", key, label, value, TASK, unit_held["ids"])
            figure_set.add_tasks("activities", "observance", _("Observance activities"), unit_observance)
            planned_count, planned_ids = planned.get(unit, (0, []))
            if with_planned:
                figure_set.add(
                    "action_month",
                    "planned",
                    _("Action-Month activities planned"),
                    planned_count,
                    TASK,
                    planned_ids,
                )
            figure_set.add_tasks("action_month", "held", _("Action-Month activities held"), unit_action_month)
            for area, data in by_area.get(unit.id, []):
                figure_set.add_tasks("area", f"area_{area.id}", area.display_name, data, area_id=area.id)
            for kind, data in by_type.get(unit.id, []):
                figure_set.add_tasks(
                    "activity_type", f"type_{kind.id}", kind.display_name, data, activity_type_id=kind.id
                )
            for source, amount, ids in planned_budget.get(unit, []):
                figure_set.add(
                    "budget_planned",
                    f"source_{source.id or 0}",
                    source.display_name or _("No funding source"),
                    amount,
                    TASK,
                    ids,
                    vi_format.vi_amount(amount),
                    funding_source_id=source.id,
                )
            budget_used = 0.0
            for source, amount, ids in budget.get(unit, []):
                budget_used += amount
                figure_set.add(
                    "budget",
                    f"source_{source.id or 0}",
                    source.display_name or _("No funding source"),
                    amount,
                    TASK,
                    ids,
                    vi_format.vi_amount(amount),
                    funding_source_id=source.id,
                )
            figure_set.vals.update(
                {
                    "compiled_task_ids": [Command.set(unit_held["ids"])],
                    "activity_count": unit_held["count"],
                    "dissemination_count": unit_dissemination["count"],
                    "staff_session_count": len(staff_ids),
                    "participants_male": unit_held["male"],
                    "participants_female": unit_held["female"],
                    "action_month_planned": planned_count,
                    "action_month_held": unit_action_month["count"],
                    "observance_count": unit_observance["count"],
                    "budget_used": budget_used,
                }
            )
        self._topics_and_products(figures, sets)

    def _topics_and_products(self, figures, sets):
        """Activities held by topic (plan section V) and their communication products by kind
        (quantities), with the activities and products they count."""
        by_topic = _by_unit(figures.tasks_by(["topic_ids"]), lambda topic: topic.sequence)
        kinds = dict(self.env[PRODUCT]._fields["kind"]._description_selection(self.env))
        products = defaultdict(list)
        for unit, kind, quantity, ids in self.env[PRODUCT]._read_group(
            [("unit_id", "in", figures.units.ids), ("task_id", "any", figures.task_domain())],
            ["unit_id", "kind"],
            ["quantity:sum", "id:array_agg"],
        ):
            products[unit].append((kind, quantity, sorted(ids)))
        order = list(kinds)
        for unit in figures.units:
            figure_set = sets[unit]
            for topic, data in by_topic.get(unit, []):
                if topic:
                    figure_set.add_tasks(
                        "topic", f"topic_{topic.id}", topic.display_name, data, topic_id=topic.id
                    )
            for kind, quantity, ids in sorted(products.get(unit, []), key=lambda row: order.index(row[0])):
                figure_set.add(
                    "product", f"product_{kind}", kinds[kind], quantity, PRODUCT, ids, product_kind=kind
                )

    def _inspections(self, figures, sets):
        """Inspections by type with their average score, findings and corrective actions."""
        _ = self._
        type_labels = dict(self.env[INSPECTION]._fields["inspection_type"]._description_selection(self.env))
        inspections = defaultdict(list)
        for (unit, kind), values in sorted(
            figures.inspections_by_type().items(), key=lambda item: item[0][1]
        ):
            inspections[unit].append((kind, values))
        violations = figures.unit_counts(
            VIOLATION,
            [("unit_id", "in", figures.units.ids), ("inspection_id", "any", figures.inspection_domain())],
        )
        actions = {
            state: figures.unit_counts(CORRECTIVE_ACTION, figures.corrective_action_domain(*domain))
            for state, domain in (
                ("open", [("state", "in", OPEN_ACTION_STATES)]),
                ("overdue", [("is_overdue", "=", True)]),
                ("verified", [("state", "=", "verified")]),
            )
        }
        action_labels = {
            "open": _("Corrective actions open"),
            "overdue": _("Corrective actions overdue"),
            "verified": _("Corrective actions verified"),
        }
        for unit in figures.units:
            figure_set = sets[unit]
            inspection_count = 0
            for kind, (count, score, ids) in inspections.get(unit, []):
                inspection_count += count
                figure_set.add(
                    "inspection",
                    f"inspection_{kind}",
                    type_labels.get(kind, kind),
                    count,
                    INSPECTION,
                    ids,
                    _("%(count)s (average score %(score)s)", count=count, score=vi_format.vi_percent(score)),
                    inspection_type=kind,
                )
            violation_count, violation_ids = violations.get(unit, (0, []))
            figure_set.add(
                "inspection",
                "findings",
                _("Findings (violations)"),
                violation_count,
                VIOLATION,
                violation_ids,
            )
            counts = {}
            for state, label in action_labels.items():
                counts[state], ids = actions[state].get(unit, (0, []))
                figure_set.add("corrective_action", state, label, counts[state], CORRECTIVE_ACTION, ids)
            figure_set.vals.update(
                {
                    "inspection_count": inspection_count,
                    "violation_count": violation_count,
                    "corrective_open_count": counts["open"],
                    "corrective_overdue_count": counts["overdue"],
                    "corrective_verified_count": counts["verified"],
                }
            )

    def _awareness(self, figures, sets):
        """The unit's status on the Gender Indicator Set (as confirmed by the Department) and its
        awareness survey results, by target group (the consolidation compares like with like)."""
        _ = self._
        year = figures.year
        statuses = figures.indicator_status()
        status_labels = dict(
            self.env["gender.equality.report"]._fields["indicator_status"]._description_selection(self.env)
        )
        group_labels = dict(self.env[SURVEY]._fields["target_group"]._description_selection(self.env))
        status_ids = _ids_by_unit(self.env[INDICATOR_STATUS], figures.units, year)
        survey_ids = _ids_by_unit(self.env[SURVEY], figures.units, year)
        awareness = defaultdict(list)
        for (unit, group), counts in sorted(
            figures.awareness(year).items(), key=lambda item: item[0][1] or ""
        ):
            awareness[unit].append((group, counts))
        for unit in figures.units:
            figure_set = sets[unit]
            status = statuses.get(unit, "none")
            figure_set.add(
                "indicator",
                "status",
                _("Gender Indicator Set (confirmed by the Department)"),
                0,
                INDICATOR_STATUS,
                status_ids[unit],
                status_labels[status],
            )
            surveys = survey_ids[unit]
            total_respondents = total_correct = 0
            for group, (respondents, correct) in awareness.get(unit, []):
                total_respondents += respondents
                total_correct += correct
                figure_set.add(
                    "awareness",
                    "group",
                    _("Awareness: %(group)s", group=group_labels.get(group, group)),
                    rate(correct, respondents),
                    SURVEY,
                    surveys,
                    vi_format.vi_percent(rate(correct, respondents)),
                    target_group=group,
                    respondents=respondents,
                    correct=correct,
                )
            awareness_rate = rate(total_correct, total_respondents)
            figure_set.add(
                "awareness",
                "rate",
                _(
                    "Awareness rate (%(correct)s correct of %(respondents)s)",
                    correct=total_correct,
                    respondents=total_respondents,
                ),
                awareness_rate,
                SURVEY,
                surveys,
                vi_format.vi_percent(awareness_rate),
                respondents=total_respondents,
                correct=total_correct,
            )
            figure_set.vals.update({"indicator_status": status, "awareness_rate": awareness_rate})


# The stored columns of a figure line that the compilation writes.
LINE_COLUMNS = (
    "report_id",
    "supplement_id",
    "unit_id",
    "year",
    "sequence",
    "section",
    "key",
    "name",
    "value",
    "value_display",
    "source_model",
    "source_ids",
    *BREAKDOWN,
)


def _column_value(name):
    """A stored column of a line as ``_line_values`` writes it: the figure as a float, the ids as
    the text of their JSON."""
    if name == "value":
        return SQL("value::float")
    if name == "source_ids":
        return SQL("source_ids::text")
    return SQL.identifier(name)


_LINE_GETTER = operator.itemgetter(*LINE_COLUMNS)
_VALUE = LINE_COLUMNS.index("value")
_SOURCE_IDS = LINE_COLUMNS.index("source_ids")


def _line_values(line):
    """The values of a new line as they read once stored: ``value`` with one decimal, the ids as
    the text of their JSON (a list of integers prints the same in Python)."""
    values = list(_LINE_GETTER(line))
    values[_VALUE] = float(round(values[_VALUE] or 0, 1))
    if values[_SOURCE_IDS] is not None:
        values[_SOURCE_IDS] = str(values[_SOURCE_IDS])
    return tuple(values)


def _by_year(records):
    years = defaultdict(lambda: records.browse())
    for record in records:
        years[record.year] |= record
    return sorted(years.items())


def _by_unit(rows, sort_key):
    """``{(unit, group): data}`` → ``{unit: [(group, data)]}`` sorted by ``sort_key(group)``."""
    result = defaultdict(list)
    for (unit, group), data in rows.items():
        result[unit].append((group, data))
    for groups in result.values():
        groups.sort(key=lambda item: (sort_key(item[0]), item[0].id))
    return result


def _ids_by_unit(model, units, year):
    result = defaultdict(list)
    for unit, ids in model._read_group(
        [("unit_id", "in", units.ids), ("year", "=", year)], ["unit_id"], ["id:array_agg"]
    ):
        result[unit] = ids
    return result
