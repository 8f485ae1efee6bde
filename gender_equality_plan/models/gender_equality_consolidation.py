# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models

from ..tools import vi_format
from ..tools.kpi_summary import summary_field_values

SUMMARY_FIELDS = (
    "units_expected",
    "reports_submitted",
    "reports_accepted",
    "reports_on_time",
    "reports_late",
    "reports_missing",
    "completeness_rate",
    "timeliness_rate",
    "participants_male",
    "participants_female",
    "timeliness_rule",
)


# The class of a right-aligned cell (figures).
RIGHT = " class='text-end'"


class GenderEqualityConsolidation(models.TransientModel):
    """The Department's dashboard of a year: completeness and timeliness of the reports, the four
    targets of the plan with their targets and achievement, participants by sex by area and by
    activity type, and the budget by funding source — from the accepted reports."""

    _name = "gender.equality.consolidation"
    _description = "Consolidation of the Annual Reports"
    _inherit = ["gender.equality.guard.mixin"]

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year - 1)
    units_expected = fields.Integer(compute="_compute_summary")
    reports_submitted = fields.Integer(compute="_compute_summary", string="Reports Received")
    reports_accepted = fields.Integer(compute="_compute_summary")
    reports_on_time = fields.Integer(compute="_compute_summary")
    reports_late = fields.Integer(compute="_compute_summary")
    reports_missing = fields.Integer(compute="_compute_summary")
    completeness_rate = fields.Float(compute="_compute_summary", string="Completeness (%)")
    timeliness_rate = fields.Float(compute="_compute_summary", string="On Time (%)")
    timeliness_rule = fields.Char(compute="_compute_summary")
    objective_1_rate = fields.Float(
        compute="_compute_summary", string="Target 1: Units Whose Staff Received the Sessions (%)"
    )
    objective_2_rate = fields.Float(
        compute="_compute_summary", string="Target 2: Units with the Action Month (%)"
    )
    objective_3_rate = fields.Float(compute="_compute_summary", string="Target 3: Rise in Awareness")
    objective_4_rate = fields.Float(
        compute="_compute_summary", string="Target 4: Communication Units Applying the Set (%)"
    )
    participants_male = fields.Integer(compute="_compute_summary")
    participants_female = fields.Integer(compute="_compute_summary")
    objectives_html = fields.Html(compute="_compute_summary", string="Targets of the Plan", sanitize=False)
    participants_html = fields.Html(compute="_compute_summary", string="Participants", sanitize=False)
    budget_html = fields.Html(compute="_compute_summary", string="Budget", sanitize=False)
    units_html = fields.Html(compute="_compute_summary", string="Units", sanitize=False)

    @api.depends("year")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for consolidation in self:
            consolidation.display_name = self.env._("Consolidation %(year)s", year=consolidation.year)

    @api.depends("year")
    def _compute_summary(self):
        Report = self.env["gender.equality.report"]
        for consolidation in self:
            summary = Report.get_kpi_summary(consolidation.year) if consolidation.year else {}
            values = summary_field_values(summary, SUMMARY_FIELDS)
            values["timeliness_rule"] = values["timeliness_rule"] or False
            consolidation.update(values)
            consolidation.objectives_html = consolidation._objectives_table(summary)
            consolidation.participants_html = consolidation._participants_table(summary)
            consolidation.budget_html = consolidation._budget_table(summary)
            consolidation.units_html = consolidation._units_table(summary) + consolidation._unit_type_table(
                summary
            )

    # ------------------------------------------------------------
    # TABLES
    # ------------------------------------------------------------

    @api.model
    def _html_table(self, headers, rows, numeric_from=1):
        """An HTML table: ``headers``, ``rows`` of cells; cells from ``numeric_from`` on right-aligned.

        Every cell is escaped once (``escape``) and the markup assembled as plain text: the table of
        a country's units (3,400 rows) takes a few milliseconds, where formatting each cell as
        ``Markup`` took a quarter of a second at each opening of the consolidation."""

        def cells(tag, values):
            return "".join(
                f"<{tag}{RIGHT if index >= numeric_from else ''}>{escape(value)}</{tag}>"
                for index, value in enumerate(values)
            )

        body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
        return Markup(
            f"<table class='table table-sm'><thead><tr>{cells('th', headers)}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )

    def _objectives_table(self, summary):
        """Each target of the plan with its value, its target and whether it is achieved (the
        figures in the words of every screen and document: ``vi_format.objective_value``)."""
        _ = self.env._
        rows = []
        for objective in summary.get("objectives", []):
            if not objective["applicable"]:
                outcome = _("Not due yet")
            else:
                outcome = _("Achieved") if objective["achieved"] else _("Not achieved")
            rows.append(
                (
                    f"{objective['code']} {objective['name']}",
                    vi_format.objective_value(objective["value"], objective["unit"]),
                    vi_format.objective_target(
                        objective["target"], objective["target_max"], objective["unit"]
                    ),
                    outcome,
                )
            )
        return self._html_table((_("Target"), _("Result"), _("Target value"), _("Achievement")), rows)

    def _participants_table(self, summary):
        """Participants by sex, by area and by activity type."""
        _ = self.env._
        tables = Markup()
        for key, title in (
            ("by_area", _("Area")),
            ("by_activity_type", _("Activity type")),
            ("by_topic", _("Topic")),
        ):
            rows = [
                (
                    row["name"],
                    vi_format.vi_number(row["count"]),
                    vi_format.vi_number(row["male"]),
                    vi_format.vi_number(row["female"]),
                    vi_format.vi_number(row["male"] + row["female"]),
                )
                for row in summary.get(key, [])
            ]
            if rows or key != "by_topic":
                tables += self._html_table(
                    (title, _("Number of Activities"), _("Men"), _("Women"), _("Total")), rows
                )
        products = [
            (row["name"], vi_format.vi_number(row["quantity"])) for row in summary.get("products_by_kind", [])
        ]
        if products:
            tables += self._html_table((_("Communication products"), _("Quantity")), products)
        department = summary.get("department") or {}
        if department.get("activities"):
            # Part of the totals above: the Department's own work, which no report carries.
            tables += self._html_table(
                (
                    _("Of which the Department of Health's own work"),
                    _("Number of Activities"),
                    _("Men"),
                    _("Women"),
                    _("Used"),
                ),
                [
                    (
                        _("Department of Health and its offices"),
                        vi_format.vi_number(department["activities"]),
                        vi_format.vi_number(department["participants_male"]),
                        vi_format.vi_number(department["participants_female"]),
                        vi_format.vi_amount(department["budget_used"]),
                    )
                ],
            )
        return tables

    def _budget_table(self, summary):
        """Budget planned and used, by funding source (in đồng)."""
        _ = self.env._
        rows = [
            (
                row["name"] or _("No funding source"),
                vi_format.vi_amount(row["planned"]),
                vi_format.vi_amount(row["actual"]),
            )
            for row in summary.get("budget_by_source", [])
        ]
        return self._html_table((_("Funding source"), _("Planned"), _("Used")), rows)

    def _units_table(self, summary):
        _ = self.env._
        states = dict(self.env["gender.equality.report"]._fields["state"]._description_selection(self.env))
        timeliness = {"on_time": _("On time"), "late": _("Late"), "missing": _("Missing")}
        rows = [
            (
                row["unit_name"],
                states.get(row["report_state"], _("Missing")),
                timeliness[row["timeliness"]],
                vi_format.vi_date(fields.Date.to_date(row["received_day"])),
                vi_format.vi_number(row["staff_sessions"]),
            )
            for row in summary.get("units", [])
        ]
        return self._html_table(
            (
                _("Unit"),
                _("Report status"),
                _("Timeliness"),
                _("Received by the Department on"),
                _("Sessions received by the staff"),
            ),
            rows,
            numeric_from=4,
        )

    def _unit_type_table(self, summary):
        """Completeness and timeliness by unit type."""
        _ = self.env._
        types = dict(self.env["gender.equality.unit"]._fields["unit_type"]._description_selection(self.env))
        keys = ("units_expected", "reports_submitted", "reports_on_time", "reports_late", "reports_missing")
        rows = [
            (types.get(row["unit_type"], row["unit_type"]), *(row[key] for key in keys))
            for row in summary.get("by_unit_type", [])
        ]
        return self._html_table(
            (_("Unit type"), _("Expected"), _("Received"), _("On time"), _("Late"), _("Missing")), rows
        )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.readonly
    def onchange(self, values, field_names, fields_spec):
        """The consolidation is shown as a new record: the web client computes it with ``onchange``, which
        writes nothing. Read-only, it runs on the standby when Odoo has one (``db_replica_host``),
        as the lists' reads do; its buttons save the record first, on the primary."""
        return super().onchange(values, field_names, fields_spec)

    def action_open_reports(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reports %(year)s", year=self.year),
            "res_model": "gender.equality.report",
            "view_mode": "pivot,graph,list,form",
            "views": [(False, "pivot"), (False, "graph"), (False, "list"), (False, "form")],
            "domain": [
                ("year", "=", self.year),
                ("state", "!=", "cancelled"),
                ("unit_id", "in", self._expected_unit_ids()),
            ],
        }

    def _expected_unit_ids(self):
        """The ids of the units expected to report in the year (the roster of the figures)."""
        self.ensure_one()
        roster, __ = self.env["gender.equality.report"]._kpi_roster(self.year)
        return [row["unit_id"] for row in roster]

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref("gender_equality_plan.gender_equality_consolidation_xlsx").report_action(self)

    def action_remind_now(self):
        """Remind the members of the units that owe their report of the year, now, and say
        how many people of how many units were reminded, and which units have nobody to remind
        (no active user account): those the Department must reach otherwise."""
        self.ensure_one()
        sent = self.env["gender.equality.report"]._send_unit_reminders(self.year)
        _ = self.env._
        owing, reminded, nobody = (
            sent["units"],
            sent["reminded_units"],
            sent["units"] - sent["reminded_units"],
        )
        if not owing:
            message = _("Every unit has sent its report of %(year)s: nobody to remind.", year=self.year)
        else:
            message = _(
                "%(owing)s units owe their report of %(year)s: %(users)s people of %(reminded)s units "
                "were reminded.",
                owing=len(owing),
                year=self.year,
                users=len(sent["users"]),
                reminded=len(reminded),
            )
            if nobody:
                message += " " + _(
                    "%(count)s units have no user account to remind (call or write to them): %(units)s.",
                    count=len(nobody),
                    units=", ".join(nobody.sorted("name").mapped("name")),
                )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Reminders of the annual report %(year)s", year=self.year),
                "message": message,
                "type": "warning" if nobody else "success",
                # A list of units to call is read, not flashed.
                "sticky": bool(nobody),
            },
        }
