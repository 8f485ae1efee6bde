# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger

from ..tools import multi_year
from .sector_report_common import SectorReportCommon

SPECS = [
    {
        "code": "II.2.1",
        "kind": "dissemination",
        "name": "Truyền thông",
        "target": 100.0,
        "target_max": False,
        "target_year": False,
        "milestone_year": False,
        "unit": "%",
    },
    {
        "code": "II.2.4",
        "kind": "indicator_set",
        "name": "Bộ chỉ số",
        "target": 100.0,
        "target_max": False,
        "target_year": 2030,
        "milestone_year": 2025,
        "unit": "%",
    },
]


def _computed(value, achieved=False):
    return {"value": value, "unit": "%", "applicable": True, "achieved": achieved}


@tagged("post_install", "-at_install")
class TestMultiYearTable(BaseCase):
    """The rule of the table, without a database: computed where the year has accepted reports,
    recorded otherwise (or when the Department prefers its figure), saying which."""

    def _table(self, computed=None, accepted=None, recorded=None):
        return multi_year.build_table(
            [2023, 2024, 2025, 2026], SPECS, computed or {}, accepted or {}, recorded or {}
        )

    def test_recorded_years_and_computed_years(self):
        table = self._table(
            computed={2026: {"dissemination": _computed(100.0, True), "indicator_set": _computed(50.0)}},
            accepted={2026: 3},
            recorded={
                (2023, "dissemination"): {"value": 80.0, "note": "Báo cáo 1/BC-SYT", "prefer": False},
                (2026, "dissemination"): {"value": 70.0, "note": "Báo cáo 9/BC-SYT", "prefer": False},
            },
        )
        rows = {row["year"]: row for row in table["rows"]}
        self.assertEqual(rows[2023]["source"], "recorded")
        self.assertEqual(rows[2023]["cells"][0]["value"], 80.0)
        self.assertEqual(rows[2023]["cells"][0]["note"], "Báo cáo 1/BC-SYT")
        self.assertEqual(rows[2024]["source"], "none")
        # 2026 has accepted reports: its computed figures win over a recorded one.
        self.assertEqual(rows[2026]["source"], "computed")
        self.assertEqual(rows[2026]["accepted_reports"], 3)
        self.assertEqual([cell["value"] for cell in rows[2026]["cells"]], [100.0, 50.0])

    def test_the_department_may_prefer_its_recorded_figure(self):
        table = self._table(
            computed={2025: {"dissemination": _computed(20.0), "indicator_set": _computed(0.0)}},
            accepted={2025: 1},
            recorded={(2025, "dissemination"): {"value": 96.0, "note": "Báo cáo 5/BC-SYT", "prefer": True}},
        )
        row = table["rows"][2]
        self.assertEqual(row["source"], "mixed")
        self.assertEqual([cell["source"] for cell in row["cells"]], ["recorded", "computed"])
        self.assertEqual(row["cells"][0]["value"], 96.0)

    def test_recorded_figures_are_assessed_like_the_consolidation(self):
        table = self._table(
            recorded={
                (2023, "dissemination"): {"value": 100.0, "note": "", "prefer": False},
                (2024, "indicator_set"): {"value": 40.0, "note": "", "prefer": False},
                (2025, "indicator_set"): {"value": 100.0, "note": "", "prefer": False},
            }
        )
        cells = {(row["year"], cell["kind"]): cell for row in table["rows"] for cell in row["cells"]}
        self.assertTrue(cells[2023, "dissemination"]["achieved"])
        # The Gender Indicator Set is due from its milestone year (2025).
        self.assertFalse(cells[2024, "indicator_set"]["applicable"])
        self.assertFalse(cells[2024, "indicator_set"]["achieved"])
        self.assertTrue(cells[2025, "indicator_set"]["achieved"])

    def test_the_review_of_2026_covers_2021_2025(self):
        self.assertEqual(multi_year.period_years(2021, 2025, 2026), [2021, 2022, 2023, 2024, 2025])
        self.assertEqual(multi_year.period_years(2026, 2030, 2030), list(range(2026, 2031)))
        self.assertEqual(multi_year.period_years(2026, 2030, 2027), [2026, 2027])


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestMultiYear(SectorReportCommon):
    """The multi-year view of the database: the module's figures for 2026 (A's report accepted),
    the figures the Department recorded for 2021–2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.Result = cls.env["gender.equality.objective.result"]
        cls.Multi = cls.env["gender.equality.multi.year"]
        # The demo's recorded figures aside: this class records its own.
        cls.Result.search([]).unlink()
        cls.objective_1 = ref("gender_equality_plan.gender_equality_objective_dissemination")
        cls.objective_4 = ref("gender_equality_plan.gender_equality_objective_indicator_set")
        cls.result_2021, cls.result_2026 = cls.Result.with_user(cls.dept_user).create(
            [
                {
                    "objective_id": cls.objective_1.id,
                    "year": 2021,
                    "value": 62.0,
                    "source_note": "298/BC-SYT",
                },
                {
                    "objective_id": cls.objective_1.id,
                    "year": 2026,
                    "value": 90.0,
                    "source_note": "Báo cáo giấy",
                },
            ]
        )

    def _cells(self, year_from=2021, year_to=2030, user=None):
        table = self.Multi.with_user(user or self.dept_user).get_table(year_from, year_to)
        return {row["year"]: row for row in table["rows"]}, {
            (row["year"], cell["kind"]): cell for row in table["rows"] for cell in row["cells"]
        }

    def test_recorded_years_use_the_recorded_figures(self):
        rows, cells = self._cells()
        self.assertEqual(list(rows), list(range(2021, 2031)))
        self.assertEqual(rows[2021]["source"], "recorded")
        self.assertEqual(cells[2021, "dissemination"]["value"], 62.0)
        self.assertEqual(cells[2021, "dissemination"]["note"], "298/BC-SYT")
        self.assertFalse(cells[2021, "dissemination"]["achieved"])
        self.assertEqual(cells[2021, "indicator_set"]["source"], "none")
        self.assertEqual(rows[2022]["source"], "none")

    def test_years_with_accepted_reports_use_the_computed_figures(self):
        rows, cells = self._cells()
        summary = {row["kind"]: row for row in self._summary(2026)["objectives"]}
        self.assertEqual(rows[2026]["source"], "computed")
        self.assertEqual(rows[2026]["accepted_reports"], 1)
        for kind, objective in summary.items():
            with self.subTest(kind=kind):
                self.assertEqual(cells[2026, kind]["value"], objective["value"])
                self.assertEqual(cells[2026, kind]["achieved"], objective["achieved"])
        self.assertNotEqual(cells[2026, "dissemination"]["value"], 90.0)

    def test_the_recorded_figure_may_replace_the_computed_one(self):
        self.result_2026.with_user(self.dept_user).prefer_recorded = True
        rows, cells = self._cells()
        self.assertEqual(rows[2026]["source"], "mixed")
        self.assertEqual(cells[2026, "dissemination"]["value"], 90.0)
        self.assertEqual(cells[2026, "dissemination"]["source"], "recorded")
        self.assertEqual(cells[2026, "action_month"]["source"], "computed")

    def test_the_screen_says_which_figures_are_recorded(self):
        screen = self.Multi.with_user(self.dept_user).create({"year_from": 2021, "year_to": 2026})
        self.assertIn("298/BC-SYT", screen.table_html)
        self.assertIn("II.2.4", screen.table_html)
        self.assertEqual(screen.table_html.count("<tr>"), 1 + 6)
        self.assertEqual(screen.action_open_recorded()["res_model"], "gender.equality.objective.result")

    def test_the_sector_report_prints_the_period_with_its_sources(self):
        blocks = self.sector._document()["blocks"]
        period = next(block for block in blocks if block["kind"] == "table" and block["headers"][0] == "Năm")
        self.assertEqual(
            [row[0] for row in period["rows"]], ["Chỉ tiêu", "2021", "2022", "2023", "2024", "2025"]
        )
        self.assertEqual(period["rows"][1][1], "62,0%* (chưa đạt)")
        self.assertEqual(period["rows"][1][-1], "Số liệu ghi nhận")
        self.assertEqual(period["rows"][2][-1], "Chưa có số liệu")
        texts = " ".join(block.get("text", "") for block in blocks)
        self.assertIn("2021 (II.2.1): 298/BC-SYT", texts)

    def test_the_period_is_frozen_with_the_report(self):
        self.sector.with_user(self.dept_user).action_submit()
        self.result_2021.with_user(self.dept_user).value = 70.0
        self.sector.invalidate_recordset()
        period = self.sector.get_figures()["period"]
        self.assertEqual(period["rows"][0]["cells"][0]["value"], 62.0)

    def test_recorded_figures_stay_in_the_plan_period(self):
        Result = self.Result.with_user(self.dept_user)
        with self.assertRaises(ValidationError):
            Result.create(
                {"objective_id": self.objective_1.id, "year": 2019, "value": 50.0, "source_note": "x"}
            )
        with self.assertRaises(ValidationError):
            Result.create(
                {"objective_id": self.objective_1.id, "year": 2022, "value": 150.0, "source_note": "x"}
            )
        # One figure per target and year (the database refuses a second one; the web client and the
        # external API show the constraint's message).
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            Result.create(
                {"objective_id": self.objective_1.id, "year": 2021, "value": 50.0, "source_note": "x"}
            )

    def test_recorded_result_says_whether_it_is_achieved(self):
        result = self.Result.with_user(self.dept_user).create(
            {"objective_id": self.objective_4.id, "year": 2024, "value": 40.0, "source_note": "x"}
        )
        self.assertEqual(result.achievement, "not_due")
        self.assertEqual(self.result_2021.achievement, "not_achieved")
        self.assertEqual(self.result_2021.target_label, "≥ 100%", "as on every screen and document")

    def test_years_are_checked(self):
        with self.assertRaises(ValidationError):
            self.Multi.with_user(self.dept_user).get_table(2030, 2021)
        with self.assertRaises(ValidationError):
            self.Multi.with_user(self.dept_user).get_table(1990, 2030)

    def test_units_do_not_see_the_sector_figures(self):
        with self.assertRaises(AccessError):
            self.Multi.with_user(self.user_a).get_table(2021, 2030)
        with self.assertRaises(AccessError):
            self.Result.with_user(self.user_a).search([])
        self.assertTrue(self._cells(user=self.inspector)[0])
