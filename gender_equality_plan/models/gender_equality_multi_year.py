# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import multi_year, vi_format

MAX_YEARS = 30


class GenderEqualityMultiYear(models.TransientModel):
    """The four targets of the plan year by year (2021–2030), against their targets, for the
    five-year review: the module's figures for the years that have accepted reports, the
    figures the Department recorded for the other years (``gender.equality.objective.result``),
    each cell saying which (``tools.multi_year``)."""

    _name = "gender.equality.multi.year"
    _description = "Targets Year by Year"
    _inherit = ["gender.equality.guard.mixin"]

    year_from = fields.Integer(string="From", required=True, default=multi_year.PERIOD_START)
    year_to = fields.Integer(string="To", required=True, default=multi_year.PERIOD_END)
    table_html = fields.Html(compute="_compute_table_html", string="Targets Year by Year", sanitize=False)

    @api.depends("year_from", "year_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for record in self:
            record.display_name = self.env._(
                "Targets %(start)s–%(end)s", start=record.year_from, end=record.year_to
            )

    @api.depends("year_from", "year_to")
    @api.depends_context("lang")
    def _compute_table_html(self):
        # The table is read as superuser: computed only for the callers who may read it.
        readable = self._gep_readable()
        for record in self:
            valid = (
                record in readable
                and record.year_from
                and record.year_to
                and 0 <= record.year_to - record.year_from < MAX_YEARS
            )
            table = self._build_table(range(record.year_from, record.year_to + 1)) if valid else None
            record.table_html = record._table_html(table) if table else False

    @api.constrains("year_from", "year_to")
    def _check_years(self):
        for record in self:
            self._check_range(record.year_from, record.year_to)

    # ------------------------------------------------------------
    # API
    # ------------------------------------------------------------

    @api.model
    @api.readonly
    def get_table(self, year_from=multi_year.PERIOD_START, year_to=multi_year.PERIOD_END):
        """The table of the years ``year_from`` to ``year_to`` (2021–2030 by default) as a dict:
        ``objectives`` (``code``, ``kind``, ``name``, ``target``, ``target_max``, ``unit``…) and one
        row per year (``year``, ``accepted_reports``, ``source``: ``computed``/``recorded``/
        ``mixed``/``none``, ``cells``: ``value``, ``applicable``, ``achieved``, ``source``, ``note``).
        For the Department and inspectors."""
        self.browse().check_access("read")
        self._check_range(year_from, year_to)
        return self._build_table(range(year_from, year_to + 1))

    @api.model
    def _check_range(self, year_from, year_to):
        year_from, year_to = self._gep_check_year(year_from), self._gep_check_year(year_to)
        if not 0 <= year_to - year_from < MAX_YEARS:
            raise ValidationError(
                self.env._(
                    "Choose a first year before the last one, at most %(count)s years apart.", count=MAX_YEARS
                )
            )

    @api.model
    def _build_table(self, years):
        """The table of ``years`` (read as superuser: the sector's figures, for the roles that
        may read them)."""
        years = list(years)
        Objective = self.env["gender.equality.objective"]
        objectives = sorted(
            Objective._get_by_kind().values(), key=lambda objective: (objective.sequence, objective.code)
        )
        specs = [multi_year.objective_spec(objective) for objective in objectives]
        Report = self.env["gender.equality.report"].sudo()
        # The accepted reports of the units expected each year (the roster of the year: frozen
        # once its sector report is issued).
        accepted_units = defaultdict(set)
        for year, unit in Report._read_group(
            [("state", "=", "accepted"), ("year", "in", years)], ["year", "unit_id"]
        ):
            accepted_units[year].add(unit.id)
        Unit = self.env["gender.equality.unit"]
        accepted = {}
        for year in sorted(accepted_units):
            expected = {row["unit_id"] for row in Unit._reporting_roster(year)[0]}
            accepted[year] = len(accepted_units[year] & expected)
        recorded = {
            (result.year, result.kind): {
                "value": result.value,
                "note": result.source_note or "",
                "prefer": result.prefer_recorded,
            }
            for result in self.env["gender.equality.objective.result"]
            .sudo()
            .search(
                [("year", "in", years), ("objective_id", "in", [objective.id for objective in objectives])]
            )
        }
        computed = {}
        for year in years:
            preferred = all(recorded.get((year, spec["kind"]), {}).get("prefer") for spec in specs)
            if accepted.get(year) and not preferred:
                summary = Report.get_kpi_summary(year)
                computed[year] = {objective["kind"]: objective for objective in summary["objectives"]}
        return multi_year.build_table(years, specs, computed, accepted, recorded)

    # ------------------------------------------------------------
    # THE SCREEN
    # ------------------------------------------------------------

    @api.readonly
    def onchange(self, values, field_names, fields_spec):
        """The screen is a new record: the web client computes its table with ``onchange``,
        which writes nothing. Read-only, it runs on the standby when Odoo has one
        (``db_replica_host``), as the lists' reads do."""
        return super().onchange(values, field_names, fields_spec)

    def _table_html(self, table):
        """One row per year, one column per target (value and achievement), and the source."""
        _ = self.env._
        outcomes = {
            "achieved": (_("achieved"), "text-bg-success"),
            "not_achieved": (_("not achieved"), "text-bg-danger"),
            "not_due": (_("not due yet"), "text-bg-secondary"),
        }
        sources = {
            multi_year.COMPUTED: _("Computed from the accepted reports"),
            multi_year.RECORDED: _("Recorded by the Department"),
            multi_year.NONE: _("No figures"),
        }

        # The words and the format of every screen and document (``vi_format``).
        value = vi_format.objective_value
        head = Markup("").join(
            Markup("<th class='text-end' title='%s'>%s<br/><small class='text-muted'>%s %s</small></th>")
            % (
                spec["name"],
                spec["code"],
                _("Target:"),
                vi_format.objective_target(spec["target"], spec["target_max"], spec["unit"]),
            )
            for spec in table["objectives"]
        )
        body = Markup()
        for row in table["rows"]:
            cells = Markup()
            for cell in row["cells"]:
                if cell["source"] == multi_year.NONE:
                    cells += Markup("<td class='text-end text-muted'>–</td>")
                    continue
                key = (
                    "not_due"
                    if not cell["applicable"]
                    else ("achieved" if cell["achieved"] else "not_achieved")
                )
                label, badge = outcomes[key]
                note = (
                    Markup("<br/><small class='text-muted'>%s %s</small>") % (_("Recorded:"), cell["note"])
                    if cell["source"] == multi_year.RECORDED
                    else Markup()
                )
                cells += Markup("<td class='text-end'>%s <span class='badge %s'>%s</span>%s</td>") % (
                    value(cell["value"], cell["unit"]),
                    badge,
                    label,
                    note,
                )
            if row["source"] == "mixed":
                source = _("Computed, and recorded for some targets")
            else:
                source = sources[row["source"]]
            if row["source"] in (multi_year.COMPUTED, "mixed"):
                source = _("%(origin)s (%(count)s reports)", origin=source, count=row["accepted_reports"])
            body += Markup("<tr><td>%s</td>%s<td>%s</td></tr>") % (row["year"], cells, source)
        legend = Markup("").join(
            Markup("<li><strong>%s</strong> %s</li>") % (spec["code"], spec["name"])
            for spec in table["objectives"]
        )
        return Markup(
            "<table class='table table-sm table-bordered o_gep_multi_year'>"
            "<thead><tr><th>%s</th>%s<th>%s</th></tr></thead><tbody>%s</tbody></table>"
            "<ul class='small'>%s</ul>"
        ) % (_("Year"), head, _("Source"), body, legend)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_recorded(self):
        """The figures the Department recorded for the years before the module."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "gender_equality_plan.gender_equality_objective_result_action"
        )
