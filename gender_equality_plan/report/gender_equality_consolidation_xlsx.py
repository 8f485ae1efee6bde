# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import models

from ..tools import vi_format

# The figures of the summary sheet that the consolidation screen shows too: the workbook names
# them with the screen's labels (one figure, one label).
SCREEN_FIGURES = (
    "units_expected",
    "reports_submitted",
    "reports_accepted",
    "reports_on_time",
    "reports_late",
    "reports_missing",
)

# The figures of a unit's row, by column.
UNIT_NUMBERS = (
    (6, "days_late"),
    (7, "staff_sessions"),
    (8, "action_month_activities"),
    (9, "participants_male"),
    (10, "participants_female"),
)


class GenderEqualityConsolidationXlsx(models.AbstractModel):
    """The consolidated report of a year as a workbook: a summary sheet (the four targets with
    their target values and achievement, completeness, timeliness), a sheet of one row per unit,
    participants by area and by activity type, and the budget by funding source."""

    _name = "report.gender_equality_plan.consolidation_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Consolidated Report (XLSX)"

    def generate_xlsx_report(self, workbook, data, consolidations):
        formats = self._create_formats(workbook)
        Report = self.env["gender.equality.report"]
        for consolidation in consolidations:
            summary = Report.get_kpi_summary(consolidation.year)
            self._write_summary_sheet(workbook, formats, summary)
            self._write_units_sheet(workbook, formats, summary)
            self._write_breakdown_sheet(workbook, formats, summary)
            self._write_budget_sheet(workbook, formats, summary)

    def _create_formats(self, workbook):
        """Every cell format of the workbook, created once."""
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "vcenter"}
            ),
            "text": workbook.add_format({"border": 1}),
            "integer": workbook.add_format({"border": 1, "num_format": "#,##0"}),
            "percent": workbook.add_format({"border": 1, "num_format": "#,##0.0"}),
            "date": workbook.add_format({"border": 1, "num_format": "dd/mm/yyyy"}),
        }

    def _write_summary_sheet(self, workbook, formats, summary):
        _ = self.env._
        sheet = workbook.add_worksheet(_("Summary %(year)s", year=summary["year"]))
        sheet.set_column(0, 0, 60)
        sheet.set_column(1, 4, 16)
        sheet.write(0, 0, _("Consolidated results of %(year)s", year=summary["year"]), formats["title"])
        sheet.write(1, 0, summary["timeliness_rule"])
        row = 2
        sheet.write_row(
            row,
            0,
            [_("Target"), _("Target value"), _("Result"), _("Unit"), _("Achievement")],
            formats["header"],
        )
        sheet.freeze_panes(row + 1, 0)
        for objective in summary["objectives"]:
            row += 1
            sheet.write(row, 0, f"{objective['code']} {objective['name']}", formats["text"])
            sheet.write_number(row, 1, objective["target"], formats["percent"])
            if objective["value"] is False:
                sheet.write_blank(row, 2, None, formats["percent"])
            else:
                sheet.write_number(row, 2, objective["value"], formats["percent"])
            sheet.write(row, 3, vi_format.objective_unit(objective["unit"]), formats["text"])
            if not objective["applicable"]:
                outcome = _("Not due yet")
            else:
                outcome = _("Achieved") if objective["achieved"] else _("Not achieved")
            sheet.write(row, 4, outcome, formats["text"])
        row += 2
        sheet.write_row(row, 0, [_("Indicator"), _("Value")], formats["header"])
        labels = self.env["gender.equality.consolidation"].fields_get(list(SCREEN_FIGURES), ["string"])
        figures = [
            *((labels[key]["string"], summary[key]) for key in SCREEN_FIGURES),
            (
                _("Units whose staff received at least %(count)s sessions", count=summary["min_sessions"]),
                summary["units_with_two_dissemination_sessions"],
            ),
            (_("Communication units (Gender Indicator Set)"), summary["units_indicator_concerned"]),
            (
                _("Units with an Action-Month plan (approved by their head or the Department)"),
                summary["units_with_action_month_plan"],
            ),
            (
                _("of which approved by the Department"),
                summary["units_with_action_month_plan_approved"],
            ),
            (_("Units with Action-Month activities held"), summary["units_with_action_month_activity"]),
            (_("Sessions received by the staff (each session once)"), summary["staff_sessions"]),
            (_("Activities held (the Department's included)"), summary["activities_held"]),
            (_("Male participations"), summary["participants_male"]),
            (_("Female participations"), summary["participants_female"]),
            (_("Self-inspections"), summary["inspections_by_type"]["self"]),
            (_("Inspections by the Department"), summary["inspections_by_type"]["inspection"]),
            (_("Supervisions"), summary["inspections_by_type"]["supervision"]),
            (_("Corrective actions open"), summary["corrective_actions_open"]),
            (_("Corrective actions overdue"), summary["corrective_actions_overdue"]),
        ]
        for label, value in figures:
            row += 1
            sheet.write(row, 0, label, formats["text"])
            sheet.write_number(row, 1, value, formats["integer"])
        return sheet

    def _write_units_sheet(self, workbook, formats, summary):
        _ = self.env._
        sheet = workbook.add_worksheet(_("Units"))
        headers = [
            _("Code"),
            _("Unit"),
            _("Report status"),
            _("Received by the Department on"),
            _("Deadline"),
            _("Timeliness"),
            _("Days late"),
            _("Sessions received by the staff"),
            _("Action-Month activities"),
            _("Male participants"),
            _("Female participants"),
        ]
        sheet.set_column(0, 0, 10)
        sheet.set_column(1, 1, 45)
        sheet.set_column(2, len(headers) - 1, 14)
        sheet.write_row(0, 0, headers, formats["header"])
        sheet.freeze_panes(1, 2)
        states = dict(self.env["gender.equality.report"]._fields["state"]._description_selection(self.env))
        timeliness = {"on_time": _("On time"), "late": _("Late"), "missing": _("Missing")}
        # A country has thousands of units: each cell is written with its type's own method, which
        # skips ``write``'s guessing of the type (a regular expression per text cell).
        write_string, write_number = sheet.write_string, sheet.write_number
        text, integer, date = formats["text"], formats["integer"], formats["date"]
        missing = _("Missing")
        for index, unit in enumerate(summary["units"], start=1):
            if unit["unit_code"]:
                write_string(index, 0, unit["unit_code"], text)
            else:
                sheet.write_blank(index, 0, None, text)
            write_string(index, 1, unit["unit_name"], text)
            write_string(index, 2, states.get(unit["report_state"], missing), text)
            for column, key in ((3, "received_day"), (4, "deadline")):
                if unit[key]:
                    sheet.write_datetime(index, column, datetime.fromisoformat(unit[key]), date)
                else:
                    sheet.write_blank(index, column, None, date)
            write_string(index, 5, timeliness[unit["timeliness"]], text)
            for column, key in UNIT_NUMBERS:
                write_number(index, column, unit[key], integer)
        return sheet

    def _write_breakdown_sheet(self, workbook, formats, summary):
        """Activities and participants by sex, by area and by activity type."""
        _ = self.env._
        sheet = workbook.add_worksheet(_("Participants"))
        sheet.set_column(0, 0, 60)
        sheet.set_column(1, 4, 14)
        row = 0
        for key, title in (
            ("by_area", _("Area")),
            ("by_activity_type", _("Activity type")),
            ("by_topic", _("Topic")),
        ):
            sheet.write_row(
                row,
                0,
                [title, _("Number of Activities"), _("Men"), _("Women"), _("Total")],
                formats["header"],
            )
            for line in summary[key]:
                row += 1
                sheet.write(row, 0, line["name"], formats["text"])
                for column, value in enumerate(
                    (line["count"], line["male"], line["female"], line["male"] + line["female"]), start=1
                ):
                    sheet.write_number(row, column, value, formats["integer"])
            row += 2
        sheet.write_row(row, 0, [_("Communication products"), _("Quantity")], formats["header"])
        for line in summary["products_by_kind"]:
            row += 1
            sheet.write(row, 0, line["name"], formats["text"])
            sheet.write_number(row, 1, line["quantity"], formats["integer"])
        return sheet

    def _write_budget_sheet(self, workbook, formats, summary):
        """Budget planned and used by funding source, in đồng."""
        _ = self.env._
        sheet = workbook.add_worksheet(_("Budget"))
        sheet.set_column(0, 0, 60)
        sheet.set_column(1, 2, 18)
        sheet.write_row(0, 0, [_("Funding source"), _("Planned (đồng)"), _("Used (đồng)")], formats["header"])
        for row, line in enumerate(summary["budget_by_source"], start=1):
            sheet.write(row, 0, line["name"] or _("No funding source"), formats["text"])
            sheet.write_number(row, 1, line["planned"], formats["integer"])
            sheet.write_number(row, 2, line["actual"], formats["integer"])
        return sheet
