# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models

from ..tools import vi_format
from ..tools.kpi_summary import summary_field_values


class GenderEqualityConsolidation(models.TransientModel):
    """The Department's dashboard of a year: completeness, timeliness and the four objectives."""

    _name = "gender.equality.consolidation"
    _description = "Consolidation of the Annual Reports"
    _inherit = ["gender.equality.guard.mixin"]

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year - 1)
    units_expected = fields.Integer(compute="_compute_summary")
    reports_submitted = fields.Integer(compute="_compute_summary")
    reports_accepted = fields.Integer(compute="_compute_summary")
    reports_on_time = fields.Integer(compute="_compute_summary")
    reports_late = fields.Integer(compute="_compute_summary")
    reports_missing = fields.Integer(compute="_compute_summary")
    completeness_rate = fields.Float(compute="_compute_summary", string="Completeness (%)")
    timeliness_rate = fields.Float(compute="_compute_summary", string="On Time (%)")
    objective_1_rate = fields.Float(compute="_compute_summary", string="II.1 Two Dissemination Sessions (%)")
    objective_2_rate = fields.Float(compute="_compute_summary", string="II.2 Action Month (%)")
    objective_3_rate = fields.Float(compute="_compute_summary", string="II.3 Awareness Change vs 2025 (%)")
    objective_4_rate = fields.Float(compute="_compute_summary", string="II.4 Gender Indicator Set (%)")
    participants_male = fields.Integer(compute="_compute_summary")
    participants_female = fields.Integer(compute="_compute_summary")
    units_html = fields.Html(compute="_compute_summary", string="Units", sanitize=False)

    @api.depends("year")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # The breadcrumb's name ("Consolidation 2026"), not "gender.equality.consolidation,1".
        for consolidation in self:
            consolidation.display_name = self.env._("Consolidation %(year)s", year=consolidation.year)

    @api.depends("year")
    def _compute_summary(self):
        Report = self.env["gender.equality.report"]
        states = dict(Report._fields["state"]._description_selection(self.env))
        timeliness = {
            "on_time": self.env._("On time"),
            "late": self.env._("Late"),
            "missing": self.env._("Missing"),
        }
        for consolidation in self:
            summary = Report.get_kpi_summary(consolidation.year) if consolidation.year else {}
            consolidation.update(
                summary_field_values(
                    summary,
                    (
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
                    ),
                )
            )
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class='text-end'>%s</td></tr>")
                % (
                    row["unit_name"],
                    states.get(row["report_state"], self.env._("Missing")),
                    timeliness[row["timeliness"]],
                    vi_format.vi_date(fields.Date.to_date(row["submit_day"])),
                    row["dissemination_sessions"],
                )
                for row in summary.get("units", [])
            )
            head = Markup(
                "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th class='text-end'>%s</th></tr>"
            ) % (
                self.env._("Unit"),
                self.env._("Report"),
                self.env._("Timeliness"),
                self.env._("Submitted on"),
                self.env._("Dissemination sessions"),
            )
            table = Markup("<table class='table table-sm'><thead>%s</thead><tbody>%s</tbody></table>")
            consolidation.units_html = (table % (head, rows)) + consolidation._unit_type_table(summary)

    def _unit_type_table(self, summary):
        """Completeness and timeliness by unit type."""
        types = dict(self.env["gender.equality.unit"]._fields["unit_type"]._description_selection(self.env))
        head = Markup("").join(
            Markup("<th class='text-end'>%s</th>") % label
            for label in (
                self.env._("Expected"),
                self.env._("Submitted"),
                self.env._("On time"),
                self.env._("Late"),
                self.env._("Missing"),
            )
        )
        rows = Markup("").join(
            Markup("<tr><td>%s</td>%s</tr>")
            % (
                types.get(row["unit_type"], row["unit_type"]),
                Markup("").join(
                    Markup("<td class='text-end'>%s</td>") % row[key]
                    for key in (
                        "units_expected",
                        "reports_submitted",
                        "reports_on_time",
                        "reports_late",
                        "reports_missing",
                    )
                ),
            )
            for row in summary.get("by_unit_type", [])
        )
        return Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (self.env._("Unit type"), head, rows)

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
                ("unit_id.active", "=", True),
                ("unit_id.unit_type", "!=", "department"),
            ],
        }

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref("gender_equality_plan.gender_equality_consolidation_xlsx").report_action(self)

    def action_remind_now(self):
        """Remind the members of the units that owe their report of the year, now."""
        self.ensure_one()
        self.env["gender.equality.report"]._send_unit_reminders(self.year)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Reminders sent"),
                "message": self.env._(
                    "The units that owe their report of %(year)s were reminded.", year=self.year
                ),
                "type": "success",
            },
        }
