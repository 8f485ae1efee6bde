# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import json
from contextlib import contextmanager
from functools import wraps
from unittest.mock import patch

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo import http
from odoo.tests import HttpCase, tagged

from .sector_report_common import SectorReportCommon

XLSX = "gender_equality_plan.consolidation_xlsx"


@tagged("post_install", "-at_install")
@freeze_time("2026-12-20 03:00:00")
class TestReadsOnAStandby(SectorReportCommon, HttpCase):
    """The Department's heavy reads are marked ``api.readonly``: with a standby configured
    (``db_replica_host``), the web client's calls of them run on it, in a read-only transaction,
    where any write fails. Each one is called here on a read-only cursor (Odoo's test cursor sets
    ``SET TRANSACTION READ ONLY``, as a standby refuses writes) and gives the same result as on the
    primary's cursor; then through the web client's routes, which must choose the read-only cursor
    and never fall back to the primary (Odoo logs a warning when it retries a read-only call that
    wrote). A change that makes one of them write fails here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sector_2025 = cls._new_sector_report(2025)

    @contextmanager
    def _read_only_env(self, user):
        """An environment of ``user`` on a read-only cursor, as a standby gives one."""
        self.env.flush_all()
        with self.env.registry.cursor(readonly=True) as cr:
            self.assertTrue(cr.readonly)
            cr.execute("SHOW transaction_read_only")
            self.assertEqual(cr.fetchone()[0], "on")
            env = self.env(cr=cr, user=user)
            yield env
            # A write the call left pending would be sent now, and refused.
            env.flush_all()

    def _same_on_a_read_only_cursor(self, user, call):
        """``call(env)`` on a read-only cursor first (a write it made once would be hidden by a
        first call on the primary), then on the test's cursor: both give the same result."""
        with self._read_only_env(user) as env:
            result = call(env)
        self.assertEqual(result, call(self.env(user=user)))
        return result

    def _onchange_values(self, env, model, context=None):
        """The values a new record of the screen ``model`` shows: the web client's ``onchange``."""
        Model = env[model].with_context(**(context or {}))
        spec = {name: {} for name, field in Model._fields.items() if not field.relational}
        return Model.onchange({}, [], spec)["value"]

    # ------------------------------------------------------------
    # THE METHODS, ON A READ-ONLY CURSOR
    # ------------------------------------------------------------

    def test_kpi_summary_reads_only(self):
        for user in (self.dept_user, self.user_a):
            summary = self._same_on_a_read_only_cursor(
                user, lambda env: env["gender.equality.report"].get_kpi_summary(2026)
            )
            self.assertEqual(summary["reports_accepted"], 1)
        self.assertEqual(summary["units_expected"], 1, "a unit officer: their own unit only")

    def test_multi_year_table_reads_only(self):
        table = self._same_on_a_read_only_cursor(
            self.dept_user, lambda env: env["gender.equality.multi.year"].get_table(2021, 2030)
        )
        row_2026 = next(row for row in table["rows"] if row["year"] == 2026)
        self.assertEqual(row_2026["accepted_reports"], 1)

    def test_sector_report_figures_read_only(self):
        figures = self._same_on_a_read_only_cursor(
            self.dept_user, lambda env: self.sector.with_env(env).get_figures()
        )
        self.assertFalse(figures["frozen"])
        self.assertEqual(figures["summary"]["reports_accepted"], 1)

    def test_import_templates_read_only(self):
        templates = self._same_on_a_read_only_cursor(
            self.user_a, lambda env: env["gender.equality.task"].get_import_templates()
        )
        self.assertEqual(len(templates), 1)

    def test_screens_computed_on_a_read_only_cursor(self):
        screens = (
            (self.dept_user, "gender.equality.home", None),
            (self.user_a, "gender.equality.home", None),
            (self.dept_user, "gender.equality.consolidation", {"default_year": 2026}),
            (self.dept_user, "gender.equality.multi.year", None),
        )
        for user, model, context in screens:
            with self.subTest(model=model, user=user.login):
                values = self._same_on_a_read_only_cursor(
                    user, lambda env, model=model, context=context: self._onchange_values(env, model, context)
                )
                self.assertTrue(values)
        consolidation = self._same_on_a_read_only_cursor(
            self.dept_user,
            lambda env: self._onchange_values(env, "gender.equality.consolidation", {"default_year": 2026}),
        )
        self.assertEqual((consolidation["reports_accepted"], consolidation["units_expected"]), (1, 3))

    def test_consolidated_workbook_reads_only(self):
        consolidation = (
            self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        )

        def cells(env):
            content, __ = env["ir.actions.report"]._render(XLSX, consolidation.ids, {})
            workbook = load_workbook(io.BytesIO(content))
            return {
                sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook
            }

        workbook = self._same_on_a_read_only_cursor(self.dept_user, cells)
        self.assertIn("Summary 2026", workbook)

    # ------------------------------------------------------------
    # THE WEB CLIENT'S ROUTES CHOOSE THE READ-ONLY CURSOR
    # ------------------------------------------------------------

    @contextmanager
    def _cursor_modes(self, model, method):
        """Record whether ``model.method`` runs on a read-only cursor, each time it is called
        (in the server's thread). Odoo finds ``api.readonly`` on any class of the model."""
        modes = []
        original = getattr(type(self.env[model]), method)

        @wraps(original)
        def recording(records, *args, **kwargs):
            modes.append(records.env.cr.readonly)
            return original(records, *args, **kwargs)

        with patch.object(type(self.env[model]), method, recording):
            yield modes

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_web_client_calls_run_on_the_read_only_cursor(self):
        self.authenticate(self.dept_user.login, self.dept_user.login)
        expected = self.Report.with_user(self.dept_user).get_kpi_summary(2026)
        spec = {"reports_accepted": {}, "units_expected": {}, "table_html": {}, "year": {}}
        calls = (
            ("gender.equality.report", "get_kpi_summary", [2026], {}),
            ("gender.equality.multi.year", "get_table", [2021, 2030], {}),
            ("gender.equality.sector.report", "get_figures", [self.sector.ids], {}),
            ("gender.equality.task", "get_import_templates", [], {}),
            (
                "gender.equality.consolidation",
                "onchange",
                [[], {}, [], {key: spec[key] for key in ("year", "reports_accepted", "units_expected")}],
                {"context": {"default_year": 2026}},
            ),
            ("gender.equality.multi.year", "onchange", [[], {}, [], {"table_html": {}}], {}),
            ("gender.equality.home", "onchange", [[], {}, [], {"reports_missing": {}}], {}),
        )
        for model, method, args, kwargs in calls:
            with (
                self.subTest(model=model, method=method),
                self._cursor_modes(model, method) as modes,
                self.assertNoLogs("odoo.http", "WARNING"),
            ):
                result = self._call_kw(model, method, args, kwargs)
                self.assertTrue(result)
                self.assertEqual(modes, [True], "called once, on the read-only cursor")
                if method == "get_kpi_summary":
                    self.assertEqual(result["reports_accepted"], expected["reports_accepted"])
                if model == "gender.equality.consolidation":
                    self.assertEqual(result["value"]["reports_accepted"], 1)
        # A write keeps the primary's cursor.
        with self._cursor_modes("gender.equality.sector.report", "write") as modes:
            self._call_kw("gender.equality.sector.report", "write", [self.sector.ids, {"place": "Thanh Hóa"}])
        self.assertEqual(modes, [False])
        self.assertEqual(self.sector.place, "Thanh Hóa")

    def test_a_records_form_reads_on_the_primary_and_its_list_on_the_standby(self):
        """A form reads its record again after a button: on the primary, where the click is."""
        self.authenticate(self.user_a.login, self.user_a.login)
        spec = {"state": {}, "year": {}}
        with self._cursor_modes("gender.equality.plan", "web_read") as modes:
            [values] = self._call_kw(
                "gender.equality.plan", "web_read", [self.plan.ids], {"specification": spec}
            )
        self.assertEqual(modes, [False])
        self.assertEqual((values["id"], values["state"]), (self.plan.id, self.plan.state))
        with self._cursor_modes("gender.equality.plan", "web_search_read") as modes:
            result = self._call_kw(
                "gender.equality.plan",
                "web_search_read",
                [],
                {"domain": [("id", "=", self.plan.id)], "specification": spec},
            )
        self.assertEqual(modes, [True])
        self.assertEqual([record["id"] for record in result["records"]], self.plan.ids)

    def _download(self, url, report_type):
        return self.url_open(
            "/report/download",
            data={
                "data": json.dumps([url, report_type]),
                "context": json.dumps({"lang": "en_US"}),
                "token": "dummy",
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def test_workbook_download_runs_on_the_read_only_cursor(self):
        consolidation = (
            self.env["gender.equality.consolidation"].with_user(self.dept_user).create({"year": 2026})
        )
        self.env.flush_all()
        self.authenticate(self.dept_user.login, self.dept_user.login)
        report_model = f"report.{XLSX}"
        with (
            self._cursor_modes(report_model, "generate_xlsx_report") as modes,
            self.assertNoLogs("odoo.http", "WARNING"),
        ):
            response = self._download(f"/report/xlsx/{XLSX}/{consolidation.id}", "xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Tong%20hop%20BDG%202026.xlsx", response.headers["Content-Disposition"])
        self.assertIn("Summary 2026", load_workbook(io.BytesIO(response.content)).sheetnames)
        self.assertEqual(modes, [True])
        # A PDF may save its document: its download stays on the primary.
        with self._cursor_modes("ir.actions.report", "_render_qweb_pdf") as modes:
            response = self._download(
                f"/report/pdf/gender_equality_plan.report_sector_report/{self.sector.id}", "qweb-pdf"
            )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(modes, [False])
        # Odoo's report route: the workbook on the read-only cursor, the module's PDF not (its
        # first print of a final record stores the document).
        with self._cursor_modes(report_model, "generate_xlsx_report") as modes:
            response = self.url_open(f"/report/xlsx/{XLSX}/{consolidation.id}")
        self.assertEqual((response.status_code, modes), (200, [True]))
        with self._cursor_modes("ir.actions.report", "_render_qweb_pdf") as modes:
            response = self.url_open(
                f"/report/pdf/gender_equality_plan.report_sector_report/{self.sector.id}"
            )
        self.assertEqual((response.status_code, modes), (200, [False]))
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
