# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""HTML written by units is text formatting only (issue 17): the rule (``tools.html_clean``,
without a database), the fields that apply it, the migration of older values, and printing,
which fetches nothing a user wrote even from values stored before the rule."""

import ast
import http.server
import importlib.util
import threading
from pathlib import Path

from lxml import etree

from odoo.tests import BaseCase, tagged
from odoo.tools import SQL

from ..tools.html_clean import NarrativeHtml, clean_html
from .sector_report_common import SectorReportCommon
from .test_pdf_reports import SECTOR_REPORT, UNIT_REPORT, PdfReportMixin

# A 1×1 PNG, inline.
PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
MIGRATION = Path(__file__).resolve().parent.parent / "migrations" / "18.0.4.2.0" / "post-migrate.py"


@tagged("post_install", "-at_install")
class TestCleanHtml(BaseCase):
    """The rule itself: what fetches or acts on load goes, formatting stays."""

    def assertCleaned(self, value, expected):
        self.assertEqual(clean_html(value), expected)
        self.assertEqual(clean_html(expected), expected, "cleaning twice changes nothing more")

    def test_remote_and_same_origin_images_go(self):
        self.assertCleaned(
            '<p>Ảnh <img src="http://example.com/a.png"> và <img src="/web/session/logout">hết</p>',
            "<p>Ảnh  và hết</p>",
        )
        self.assertCleaned('<p>a<img src="//example.com/b.png">b<img src="web/image/1">c</p>', "<p>abc</p>")

    def test_inline_raster_image_stays_without_its_fetching_attributes(self):
        self.assertCleaned(
            f'<p><img src="{PNG}" srcset="http://example.com/x.png 2x" alt="ảnh"></p>',
            f'<p><img src="{PNG}" alt="ảnh"></p>',
        )

    def test_inline_svg_goes(self):
        self.assertCleaned('<p>x<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">y</p>', "<p>xy</p>")
        self.assertCleaned('<p>x<svg><image href="http://example.com/s.png"/></svg>y</p>', "<p>xy</p>")

    def test_styles_that_load_or_evaluate_go(self):
        for style in (
            "background:url(http://example.com/bg.png)",
            "background-image:url('/web/session/logout')",
            "background-color:url(http://example.com/c.png)",
            "border-image:url(http://example.com/b.png) 30",
            "list-style-image:url(/x.png)",
            "font-family:u\\72 l(http://example.com/e)",
            "color:expression(alert(1))",
            "color:image-set('/x.png' 1x)",
            "color:var(--x)",
            "color:r/**/gb(1,2,3)",
        ):
            with self.subTest(style=style):
                self.assertCleaned(f'<p style="{style}">Nội dung</p>', "<p>Nội dung</p>")

    def test_formatting_styles_stay(self):
        self.assertCleaned(
            '<p style="color:rgb(200, 0, 0); text-align: center; font-weight: bold">Đỏ</p>',
            '<p style="color:rgb(200, 0, 0); text-align:center; font-weight:bold">Đỏ</p>',
        )

    def test_elements_that_fetch_or_act_on_load_go(self):
        for html in (
            '<link rel="stylesheet" href="http://example.com/s.css">',
            '<meta http-equiv="refresh" content="0;url=/web/session/logout">',
            '<base href="http://example.com/">',
            '<object data="http://example.com/o"></object>',
            '<embed src="http://example.com/e"></embed>',
            '<iframe src="/web/session/logout"></iframe>',
            '<video poster="http://example.com/p.png"><source src="http://example.com/v.mp4"></video>',
            '<audio src="/a.mp3"></audio>',
            '<picture><source srcset="/x.png"></picture>',
            '<input type="image" src="/x.png">',
            "<script>fetch('/web/session/logout')</script>",
            "<style>@import url(http://example.com/x.css);</style>",
        ):
            with self.subTest(html=html):
                self.assertCleaned(f"<p>Trước</p>{html}<p>Sau</p>", "<p>Trước</p><p>Sau</p>")

    def test_fetching_attributes_go(self):
        self.assertCleaned(
            '<table background="http://example.com/t.png"><tr><td background="/x.png">1</td></tr></table>',
            "<table><tr><td>1</td></tr></table>",
        )
        self.assertCleaned('<p href="/web/session/logout" onmouseover="x()">p</p>', "<p>p</p>")

    def test_text_formatting_and_links_stay(self):
        html = (
            "<h3>Kết quả</h3><p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch</u></p>"
            "<ul><li>Một</li><li>Hai</li></ul><ol><li>Ba</li></ol>"
            "<table><tr><th>Chỉ tiêu</th><td>100%</td></tr></table>"
            '<p><a href="https://syt.thanhhoa.gov.vn/van-ban">Văn bản</a></p>'
        )
        self.assertCleaned(html, html)

    def test_empty_values_stay_empty(self):
        for value in (False, None, ""):
            self.assertEqual(clean_html(value), value)


@tagged("post_install", "-at_install")
class TestNarrativesAreCleaned(SectorReportCommon):
    """The fields that users write store text formatting only; values stored before the rule
    are cleaned by the migration."""

    DIRTY = (
        '<p>Kết quả <img src="http://127.0.0.1:9/probe.png"> <img src="/web/session/logout"></p>'
        '<p style="background:url(http://127.0.0.1:9/bg.png); color: red">Nền</p>'
    )

    def test_every_narrative_that_users_write_is_cleaned(self):
        """A new Html field of the module (stored, not computed) must be a ``NarrativeHtml``."""
        for name, model in self.env.registry.items():
            if not name.startswith("gender.equality.") or model._abstract:
                continue
            for field in model._fields.values():
                if field.type == "html" and field.store and not field.compute:
                    with self.subTest(model=name, field=field.name):
                        self.assertIsInstance(field, NarrativeHtml)

    def test_narrative_written_by_a_unit_is_stored_clean(self):
        report = self._new_report(self.unit_c, self.user_c)
        report.with_user(self.user_c).write({"results": self.DIRTY, "direction": self.DIRTY})
        created = self.Report.with_user(self.user_b).create(
            {"unit_id": self.unit_b.id, "year": 2027, "recommendations": self.DIRTY}
        )
        self.env.flush_all()
        for record, name in ((report, "results"), (report, "direction"), (created, "recommendations")):
            stored = self.env.execute_query(
                SQL("SELECT %s FROM gender_equality_report WHERE id = %s", SQL.identifier(name), record.id)
            )[0][0]
            with self.subTest(field=name):
                self.assertNotIn("img", stored)
                self.assertNotIn("url(", stored)
                self.assertIn("Kết quả", stored)
                self.assertIn('style="color:red"', stored)

    def test_editors_of_narratives_offer_no_image_or_video(self):
        """The forms' editors of narratives offer no image or video (they would be dropped when
        saved), whatever options a view gives them."""
        for model, name in (
            ("gender.equality.report", "direction"),
            ("gender.equality.sector.report", "direction"),
        ):
            arch = self.env[model].get_view(view_type="form")["arch"]
            node = etree.fromstring(arch).xpath(f"//field[@name='{name}']")[0]
            with self.subTest(model=model):
                options = ast.literal_eval(node.get("options"))
                self.assertTrue(options["disableImage"])
                self.assertTrue(options["disableVideo"])

    def test_migration_cleans_the_narratives_stored_before(self):
        self.env.flush_all()
        self.env.cr.execute(
            SQL("UPDATE gender_equality_report SET results = %s WHERE id = %s", self.DIRTY, self.report_a.id)
        )
        self.env.cr.execute(
            SQL(
                "UPDATE gender_equality_sector_report SET introduction = %s WHERE id = %s",
                self.DIRTY,
                self.sector.id,
            )
        )
        clean_before = self.sector.assessment_strengths
        spec = importlib.util.spec_from_file_location("gep_migration_18_0_4_2_0_post", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self.assertEqual(module.clean_narratives(self.env), 2)
        self.env.invalidate_all()
        for value in (self.report_a.results, self.sector.introduction):
            self.assertNotIn("img", value)
            self.assertNotIn("url(", value)
            self.assertIn("Kết quả", value)
        self.assertEqual(self.sector.assessment_strengths, clean_before)
        self.assertEqual(module.clean_narratives(self.env), 0, "a second run changes nothing")


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with an empty page and records its path."""

    def do_GET(self):
        self.server.paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if ".css" in self.path else "image/png")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        pass


@tagged("post_install", "-at_install")
class TestPrintingFetchesNothing(PdfReportMixin, SectorReportCommon):
    """The unit report and the sector report printed through wkhtmltopdf, with narratives stored
    before the rule (written in SQL, as an older database holds them): a local HTTP listener is
    the server's address for printing (``report.url``), so that remote, same-origin and relative
    sources would all reach it; it records every request."""

    def setUp(self):
        super().setUp()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        self.server.paths = []
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(thread.join, 10)
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.url)

    def _dirty(self):
        return (
            f'<p>Nội dung đã viết <img src="{self.url}/gep-probe/remote.png"> '
            '<img src="/gep-probe/same-origin.png"> <img src="gep-probe/relative.png"></p>'
            f'<p style="background:url({self.url}/gep-probe/style.png)">Nền</p>'
            '<p style="background-color:url(/gep-probe/colour.png)">Màu</p>'
            '<table background="/gep-probe/table.png"><tr><td>1</td></tr></table>'
            f'<p><img src="{PNG}" srcset="/gep-probe/srcset.png 2x"></p>'
            '<video poster="/gep-probe/poster.png"><source src="/gep-probe/video.mp4"></video>'
        )

    def _store_raw(self, record, names):
        """Write the narrative as an older database holds it: in SQL, past the fields' rule."""
        self.env.flush_all()
        for name in names:
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE id = %s",
                    SQL.identifier(record._table),
                    SQL.identifier(name),
                    self._dirty(),
                    record.id,
                )
            )
        self.env.invalidate_all()

    def assertFetchedNothingWritten(self, content):
        self.assertIn("Nội dung đã viết", self._pdf_text(content))
        paths = list(self.server.paths)
        self.assertTrue(
            any(path.startswith("/web/assets/") for path in paths),
            f"wkhtmltopdf did not load its stylesheets from the listener: {paths}",
        )
        self.assertFalse([path for path in paths if "gep-probe" in path], paths)

    def test_unit_report_fetches_nothing_a_unit_wrote(self):
        self._store_raw(self.report_a, ["direction", "results", "recommendations"])
        self.assertIn("gep-probe", self.report_a.results, "the narrative is stored as it was written")
        self.assertFetchedNothingWritten(self._render_pdf(UNIT_REPORT, self.report_a))

    def test_sector_report_fetches_nothing_written(self):
        self._store_raw(self.sector, ["introduction", "assessment_causes"])
        self.assertFetchedNothingWritten(self._render_pdf(SECTOR_REPORT, self.sector))
