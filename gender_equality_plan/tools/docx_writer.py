# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""An administrative document as an editable Word file (.docx), with python-docx (no database).

The layout is that of the PDF (Nghị định 30/2020/NĐ-CP): A4, margins 20/20/30/15 mm, Times New
Roman 13 pt, the page number centred in the header from the second page on; a two-column
heading table without borders (issuing body and number on the left, national motto and place
and date on the right); the title bold and centred; the addressees; the body (headings,
paragraphs, narrative sections, tables of figures with borders); then a two-column table of the
recipients and the signature. Officials edit and sign it in Word.

``document`` is the dict that the PDF prints too (``gender.equality.sector.report._document``):
``heading`` (``superior`` and ``unit``: lines of names), ``number``, ``date_line``, ``draft``,
``title``, ``subject``, ``addressees``, ``blocks`` (``tools.sector_document``), ``recipients``,
``signer_titles``, ``signer_name``.
"""

import io

from .html_text import html_paragraphs

try:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
except ImportError:  # pragma: no cover - python-docx is an external dependency of the module
    Document = None

FONT = "Times New Roman"
BODY_SIZE = 13
TABLE_SIZE = 11
# Usable width of an A4 page with margins of 30 and 15 mm.
PAGE_WIDTH_CM = 16.5
# The left column of the heading (the superior body and the issuing unit): 45%, as the PDF.
HEADING_LEFT_CM = 7.4


def is_available():
    """Whether python-docx is installed (the module lists it in its external dependencies)."""
    return Document is not None


def render_docx(document):
    """The bytes of the .docx of ``document``."""
    writer = DocxWriter()
    writer.render(document)
    return writer.to_bytes()


class DocxWriter:
    def __init__(self):
        self.doc = Document()
        self._setup_page()
        self._setup_styles()

    # Setup ----------------------------------------------------------

    def _setup_page(self):
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        self._page_numbers(section)

    def _page_numbers(self, section):
        """The page number centred in the top margin from the second page on (Decree 30): a
        PAGE field in the header, none on the first page."""
        section.different_first_page_header_footer = True
        section.header_distance = Cm(1)
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            run = paragraph.add_run()
            run.font.size = Pt(BODY_SIZE)
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)

    def _setup_styles(self):
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(BODY_SIZE)
        # East-Asian and complex-script fonts too, so that Word never substitutes another font.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
        paragraph = style.paragraph_format
        paragraph.space_before = Pt(0)
        paragraph.space_after = Pt(0)
        paragraph.line_spacing = 1.15

    def to_bytes(self):
        stream = io.BytesIO()
        self.doc.save(stream)
        return stream.getvalue()

    # Helpers ----------------------------------------------------------

    def _paragraph(self, container, text="", bold=False, italic=False, align=None, size=None, indent=False):
        paragraph = container.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1)
            paragraph.paragraph_format.space_after = Pt(6)
        if text:
            self._run(paragraph, text, bold, italic, size)
        return paragraph

    def _run(self, paragraph, text, bold=False, italic=False, size=None):
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        return run

    def _cell_lines(self, cell, lines):
        """Write ``lines`` (``(text, bold, italic, size, align)``) into ``cell``, one paragraph each."""
        first = True
        for text, bold, italic, size, align in lines:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.alignment = align
            if text:
                self._run(paragraph, text, bold, italic, size)

    def _borderless_table(self, widths):
        table = self.doc.add_table(rows=1, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for cell, width in zip(table.rows[0].cells, widths, strict=True):
            cell.width = Cm(width)
        return table

    # The document -------------------------------------------------------

    def render(self, document):
        self._heading_table(document)
        if document.get("draft"):
            self._paragraph(self.doc, "DỰ THẢO", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        title = self._paragraph(
            self.doc, document["title"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=14
        )
        title.paragraph_format.space_before = Pt(18)
        self._paragraph(self.doc, document["subject"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        self._addressees(document.get("addressees") or [])
        for block in document["blocks"]:
            getattr(self, f"_block_{block['kind']}")(block)
        self._signature_table(document)

    def _heading_table(self, document):
        # As the PDF (Decree 30): the names at 12 pt, in lines cut to fit the left column.
        table = self._borderless_table((HEADING_LEFT_CM, PAGE_WIDTH_CM - HEADING_LEFT_CM))
        left, right = table.rows[0].cells
        center = WD_ALIGN_PARAGRAPH.CENTER
        heading = document["heading"]
        lines = [(line, False, False, BODY_SIZE - 1, center) for line in heading["superior"]]
        lines += [(line, True, False, BODY_SIZE - 1, center) for line in heading["unit"]]
        lines += [
            ("———", False, False, BODY_SIZE, center),
            (document["number"], False, False, BODY_SIZE, center),
        ]
        self._cell_lines(left, lines)
        self._cell_lines(
            right,
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, BODY_SIZE - 1, center),
                ("Độc lập - Tự do - Hạnh phúc", True, False, BODY_SIZE, center),
                ("———————", False, False, BODY_SIZE, center),
                (document["date_line"], False, True, BODY_SIZE, center),
            ],
        )

    def _addressees(self, addressees):
        center = WD_ALIGN_PARAGRAPH.CENTER
        if len(addressees) == 1:
            paragraph = self._paragraph(self.doc, f"Kính gửi: {addressees[0]}", align=center)
            paragraph.paragraph_format.space_before = Pt(12)
        elif addressees:
            paragraph = self._paragraph(self.doc, "Kính gửi:", align=center)
            paragraph.paragraph_format.space_before = Pt(12)
            for addressee in addressees:
                line = self._paragraph(self.doc, f"- {addressee}", align=center)
                line.paragraph_format.left_indent = Cm(2)
        self._paragraph(self.doc)

    def _block_heading(self, block):
        paragraph = self._paragraph(
            self.doc, block["text"], bold=block["level"] == 1, italic=block["level"] == 2
        )
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.space_after = Pt(6)

    def _block_paragraph(self, block):
        self._paragraph(self.doc, block["text"], align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)

    def _block_html(self, block):
        for item in html_paragraphs(block["html"]):
            paragraph = self._paragraph(self.doc, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
            if item["list"]:
                self._run(paragraph, "- ")
            for text, bold, italic in item["runs"]:
                self._run(paragraph, text, bold, italic)

    def _block_table(self, block):
        headers, rows = block["headers"], block["rows"]
        table = self.doc.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        numeric_from = block.get("numeric_from", 1)
        center, right, left = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
        for column, header in enumerate(headers):
            self._cell_lines(table.cell(0, column), [(header, True, False, TABLE_SIZE, center)])
        last = len(rows) - 1
        for index, row in enumerate(rows):
            bold = bool(block.get("total")) and index == last
            for column, value in enumerate(row):
                align = right if column >= numeric_from else left
                self._cell_lines(
                    table.cell(index + 1, column), [(str(value), bold, False, TABLE_SIZE, align)]
                )
        self._paragraph(self.doc)

    def _signature_table(self, document):
        self._paragraph(self.doc)
        table = self._borderless_table((7.5, PAGE_WIDTH_CM - 7.5))
        left, right = table.rows[0].cells
        align_left, center = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER
        self._cell_lines(
            left,
            [("Nơi nhận:", True, True, 12, align_left)]
            + [(line, False, False, TABLE_SIZE, align_left) for line in document.get("recipients") or []],
        )
        titles = document.get("signer_titles") or []
        self._cell_lines(
            right,
            [(title, True, False, BODY_SIZE, center) for title in titles]
            + [("(Ký, ghi rõ họ tên, đóng dấu)", False, True, BODY_SIZE, center)]
            + [("", False, False, BODY_SIZE, center)] * 4
            + [(document.get("signer_name") or "", True, False, BODY_SIZE, center)],
        )
