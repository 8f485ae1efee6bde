# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The four targets of the plan year by year, 2021–2030 (no database).

The module only has figures for the years it was used; for the earlier years the Department
records the figure of each target by hand, with its source (``gender.equality.objective.result``).
For each year and target the table takes:

- the module's figure (``get_kpi_summary(year)["objectives"]``) when the year has accepted
  reports, unless the Department marked its recorded figure as the one to use (a year in which
  only part of the units used the module);
- else the recorded figure;
- else nothing (``source`` ``none``).

Each cell says which (``source``), so that a reader knows what was computed and what was copied.
Whether a recorded figure achieves its target follows the same rule as the consolidation: the
target applies from its milestone year, and is achieved when the figure reaches it.
"""

# Decision 1790/QĐ-TTg (23/10/2021) and the plan run to 2030. Its phases (2021–2025, 2026–2030)
# and the year of the sector report that reviews each are the Department's data
# (``gender.equality.phase``).
PERIOD_START = 2021
PERIOD_END = 2030

COMPUTED = "computed"
RECORDED = "recorded"
NONE = "none"


def objective_spec(objective):
    """The target of an objective record as the table needs it (a plain dict)."""
    awareness = objective.kind == "awareness"
    return {
        "code": objective.code,
        "kind": objective.kind,
        "name": objective.name,
        "target": objective.target_value if awareness else objective.target_share,
        "target_max": objective.target_value_max or False,
        "target_year": objective.target_year or False,
        "milestone_year": objective.milestone_year or False,
        "unit": "points" if awareness and objective.awareness_measure != "relative" else "%",
    }


def is_applicable(kind, year, milestone_year, target_year):
    """Whether a target is judged in ``year`` (achieved or not), the one rule of every screen.

    - Awareness (II.2.3, "Phấn đấu đến năm 2030 … tăng từ 10 - 15% so với năm 2025") is a target
      *of* its target year: judged in that year and after; before it, its figure is a trend.
    - The others are judged from their milestone year on (the Gender Indicator Set: from 2025),
      every year when they have none (targets 1 and 2: "Hằng năm").
    """
    if kind == "awareness" and target_year:
        return year >= target_year
    return not (milestone_year and year < milestone_year)


def recorded_outcome(spec, year, value):
    """``(applicable, achieved)`` of a recorded ``value`` of ``year`` against ``spec``."""
    applicable = is_applicable(spec["kind"], year, spec["milestone_year"], spec["target_year"])
    return applicable, applicable and value is not False and value >= spec["target"]


def build_table(years, specs, computed, accepted, recorded):
    """The multi-year table.

    - ``years``: the years, in order;
    - ``specs``: the objectives (``objective_spec``), in order;
    - ``computed``: ``{year: {kind: objective dict of get_kpi_summary}}`` for the years computed;
    - ``accepted``: ``{year: number of accepted reports}``;
    - ``recorded``: ``{(year, kind): {"value", "note", "prefer"}}``.

    Returns ``{"objectives": specs, "rows": [{"year", "accepted_reports", "source", "cells"}]}``,
    JSON-serialisable; a row's ``source`` is that of its cells, or ``mixed``.
    """
    rows = []
    for year in years:
        cells = []
        for spec in specs:
            kind = spec["kind"]
            entry = recorded.get((year, kind))
            figure = computed.get(year, {}).get(kind)
            if figure and not (entry and entry["prefer"]):
                cell = {
                    "source": COMPUTED,
                    "value": figure["value"],
                    "unit": figure["unit"],
                    "applicable": figure["applicable"],
                    "achieved": figure["achieved"],
                    "note": "",
                }
            elif entry:
                applicable, achieved = recorded_outcome(spec, year, entry["value"])
                cell = {
                    "source": RECORDED,
                    "value": entry["value"],
                    "unit": spec["unit"],
                    "applicable": applicable,
                    "achieved": achieved,
                    "note": entry["note"] or "",
                }
            else:
                cell = {
                    "source": NONE,
                    "value": False,
                    "unit": spec["unit"],
                    "applicable": recorded_outcome(spec, year, 0)[0],
                    "achieved": False,
                    "note": "",
                }
            cells.append(dict(cell, code=spec["code"], kind=kind))
        sources = {cell["source"] for cell in cells} - {NONE}
        rows.append(
            {
                "year": year,
                "accepted_reports": accepted.get(year, 0),
                "source": sources.pop() if len(sources) == 1 else ("mixed" if sources else NONE),
                "cells": cells,
            }
        )
    return {"objectives": list(specs), "rows": rows}


def period_years(year_from, year_to, report_year):
    """The years of the phase ``year_from``–``year_to`` that a review written in ``report_year``
    covers: the phase's years up to the report's own year (2021–2025 for the review of 2026,
    2026–2030 for a review in 2030, 2026–2027 for a review asked for in 2027)."""
    return list(range(year_from, min(year_to, report_year) + 1))
