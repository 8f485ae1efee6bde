# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The words of the Department's figures, as a Vietnamese user reads them on the consolidation,
in its workbook and in the printed documents: one label names one figure (the reports the
Department received are not the reports it accepted), the count of activities is not Odoo's
to-dos, the rise of awareness (II.2.3) reads the same everywhere, and numbers are Vietnamese."""

import io
import re

from freezegun import freeze_time
from lxml import etree
from lxml import html as lxml_html
from openpyxl import load_workbook

from odoo.tests import HttpCase, tagged

from ..tools import vi_format
from .sector_report_common import SectorReportCommon
from .test_pdf_reports import MINUTES, SECTOR_REPORT, UNIT_REPORT, PdfReportMixin

VI = "vi_VN"
# Words that name something else than the figure they were put on.
WRONG_WORDS = ("việc cần làm", "điểm %")
# A number printed the English way ("87.5%").
ENGLISH_PERCENT = re.compile(r"\d\.\d+ ?%")
# Words of a label that do not tell one figure from another.
FILLERS = ("số ", "báo cáo ")
SCREEN_COUNTS = (
    "units_expected",
    "reports_submitted",
    "reports_accepted",
    "reports_on_time",
    "reports_late",
    "reports_missing",
)
# The other figures of the summary sheet of the workbook, in their order.
WORKBOOK_COUNTS = (
    "units_with_two_dissemination_sessions",
    "units_indicator_concerned",
    "units_with_action_month_plan",
    "units_with_action_month_plan_approved",
    "units_with_action_month_activity",
    "staff_sessions",
    "activities_held",
    "participants_male",
    "participants_female",
    "inspections_self",
    "inspections_inspection",
    "inspections_supervision",
    "corrective_actions_open",
    "corrective_actions_overdue",
)
UNIT_COLUMNS = (
    "code",
    "unit",
    "report_state",
    "received_date",
    "deadline",
    "timeliness",
    "days_late",
    "staff_sessions",
    "action_month_activities",
    "participants_male",
    "participants_female",
)


def _key(label):
    """A label as the user tells it apart: case, fillers and the unit aside."""
    key = " ".join(label.split()).casefold().removesuffix(" (%)")
    while key.startswith(FILLERS):
        for filler in FILLERS:
            key = key.removeprefix(filler)
    return key


def _headers(html):
    """The header rows of the tables of an HTML field: ``[[header, …], …]``."""
    if not html:
        return []
    tree = lxml_html.fromstring(f"<div>{html}</div>")
    return [
        [th.text_content().strip() for th in table.xpath(".//thead//th")] for table in tree.xpath("//table")
    ]


class FigureWordsCommon(SectorReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang(VI)
        cls.env["ir.module.module"]._load_module_terms(["gender_equality_plan"], [VI])
        (cls.dept_user | cls.dept_manager | cls.inspector).lang = VI
        cls.consolidation = (
            cls.env["gender.equality.consolidation"]
            .with_user(cls.dept_user)
            .with_context(lang=VI)
            .create({"year": 2026})
        )

    def _workbook(self):
        content, _file_type = (
            self.env["ir.actions.report"]
            .with_user(self.dept_user)
            .with_context(lang=VI)
            ._render("gender_equality_plan.consolidation_xlsx", self.consolidation.ids, {})
        )
        return load_workbook(io.BytesIO(content))

    def _awareness(self, summary):
        [objective] = [objective for objective in summary["objectives"] if objective["kind"] == "awareness"]
        return objective


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestFigureWords(FigureWordsCommon):
    def test_one_label_names_one_figure_on_the_screen_and_in_the_workbook(self):
        figures = {}

        def name(label, figure, where):
            figures.setdefault(_key(label), {})[figure] = f"{where}: {label}"

        consolidation = self.consolidation
        view = consolidation.get_views([(False, "form")])
        arch = etree.fromstring(view["views"]["form"]["arch"])
        shown = [field for field in arch.xpath("//sheet//field/@name") if not field.endswith("_html")]
        for field, description in consolidation.fields_get(shown, ["string"]).items():
            if field not in ("year", "display_name", "timeliness_rule"):
                name(description["string"], field, "screen")
        by_area, by_type, *_others = _headers(consolidation.participants_html)
        for table in (by_area, by_type):
            name(table[1], "activities", "screen")
        units, unit_types = _headers(consolidation.units_html)
        for label, figure in zip(
            units, UNIT_COLUMNS[1:3] + ("timeliness", "received_date", "staff_sessions"), strict=True
        ):
            name(label, figure, "screen")
        for label, figure in zip(
            unit_types[1:],
            ("units_expected", "reports_submitted", "reports_on_time", "reports_late", "reports_missing"),
            strict=True,
        ):
            name(label, figure, "screen")
        # The status of the accepted reports is the word of their count.
        states = dict(self.Report._fields["state"]._description_selection(self.env(context={"lang": VI})))
        name(states["accepted"], "reports_accepted", "status")
        name(states["submitted"], "report_state_submitted", "status")

        workbook = self._workbook()
        summary = workbook.worksheets[0]
        column_b = [summary.cell(row, 2).value for row in range(1, summary.max_row + 1)]
        first = max(index for index, value in enumerate(column_b) if isinstance(value, str)) + 2
        labels = [summary.cell(row, 1).value for row in range(first, summary.max_row + 1)]
        screen = consolidation.fields_get(list(SCREEN_COUNTS), ["string"])
        # The counts the screen shows carry the screen's labels in the workbook.
        self.assertEqual(labels[: len(SCREEN_COUNTS)], [screen[key]["string"] for key in SCREEN_COUNTS])
        for label, figure in zip(labels[len(SCREEN_COUNTS) :], WORKBOOK_COUNTS, strict=True):
            name(label, figure, "workbook")
        headers = [cell.value for cell in workbook.worksheets[1][1]]
        for label, figure in zip(headers, UNIT_COLUMNS, strict=True):
            name(label, figure, "workbook")
        for row in workbook.worksheets[2].iter_rows(values_only=True):
            if len([value for value in row if value]) == 5 and isinstance(row[1], str):
                name(row[1], "activities", "workbook")

        shared = {key: where for key, where in figures.items() if len(where) > 1}
        self.assertFalse(shared, "one label for two figures")

    def test_the_count_of_activities_is_not_called_a_to_do(self):
        headers = _headers(self.consolidation.participants_html)
        self.assertEqual({table[1] for table in headers if len(table) == 5}, {"Số hoạt động"})
        workbook = self._workbook()
        cells = " ".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value
        ).casefold()
        for words in WRONG_WORDS:
            self.assertNotIn(words, cells)
        self.assertIn("số hoạt động", cells)
        html = str(self.consolidation.participants_html).casefold()
        self.assertNotIn("việc cần làm", html)

    def test_received_and_accepted_have_their_own_words(self):
        labels = self.consolidation.fields_get(["reports_submitted", "reports_accepted"], ["string"])
        self.assertEqual(labels["reports_submitted"]["string"], "Báo cáo Sở Y tế đã tiếp nhận")
        self.assertEqual(labels["reports_accepted"]["string"], "Báo cáo đã chấp thuận")

    def test_the_rise_of_awareness_reads_the_same_on_every_screen(self):
        summary = self.Report.with_user(self.dept_user).with_context(lang=VI).get_kpi_summary(2026)
        objective = self._awareness(summary)
        self.assertEqual(objective["unit"], "points")
        words = vi_format.objective_value(objective["value"], "points")
        self.assertRegex(words, r"^\+\d+,\d điểm phần trăm$")
        target = vi_format.objective_target(objective["target"], objective["target_max"], "points")
        screens = {
            "consolidation": str(self.consolidation.objectives_html),
            "sector report": str(
                self.sector.with_user(self.dept_user)
                .with_context(lang=VI)
                ._document_html(self.sector._document())
            ),
        }
        multi_year = (
            self.env["gender.equality.multi.year"]
            .with_user(self.dept_user)
            .with_context(lang=VI)
            .create({"year_from": 2026, "year_to": 2026})
        )
        screens["targets year by year"] = str(multi_year.table_html)
        for screen, text in screens.items():
            with self.subTest(screen=screen):
                self.assertIn(words, text)
                self.assertIn(target, text)
                self.assertNotIn("điểm %", text)
        summary_sheet = self._workbook().worksheets[0]
        units = {
            row[0].split(" ")[0]: row[3]
            for row in summary_sheet.iter_rows(min_row=4, max_row=7, values_only=True)
        }
        self.assertEqual(units[objective["code"]], "điểm phần trăm")


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestFigureWordsPdf(PdfReportMixin, FigureWordsCommon, HttpCase):
    """The printed documents: Vietnamese numbers, the same words as the screens."""

    def _texts(self):
        return {
            "sector report": self._pdf_text(
                self._render_pdf(SECTOR_REPORT, self.sector, user=self.dept_user)
            ),
            "unit report": self._pdf_text(self._render_pdf(UNIT_REPORT, self.report_a, user=self.dept_user)),
            "minutes": self._pdf_text(self._render_pdf(MINUTES, self.inspection_a, user=self.dept_user)),
        }

    def test_documents_print_vietnamese_numbers_and_the_words_of_the_screens(self):
        texts = self._texts()
        for document, text in texts.items():
            with self.subTest(document=document):
                self.assertFalse(ENGLISH_PERCENT.findall(text), "a number printed the English way")
                for words in WRONG_WORDS:
                    self.assertNotIn(words, text.casefold())
        self.assertIn("Điểm đánh giá: 0,0%", texts["minutes"])
        sector = texts["sector report"]
        summary = self.Report.with_user(self.dept_user).with_context(lang=VI).get_kpi_summary(2026)
        self.assertRegex(sector, r"Lĩnh vực hoạt động +Số hoạt động +Nam +Nữ +Tổng")
        # The columns of the completeness table are the screen's: received is "Đã tiếp nhận".
        unit_types = _headers(self.consolidation.units_html)[-1]
        self.assertRegex(sector, r"Loại đơn vị +" + r" +".join(map(re.escape, unit_types[1:])))
        self.assertIn(f"{summary['reports_accepted']} báo cáo đã được Sở Y tế chấp thuận", sector)
        objective = self._awareness(summary)
        self.assertIn(vi_format.objective_value(objective["value"], "points"), " ".join(sector.split()))
