# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The finish of Decree 30 (Nghị định 30/2020/NĐ-CP, Appendix I) on a rendered PDF (no database).

wkhtmltopdf lays the document out; what it cannot do is done here, with pyHanko's writer, once
for every document of the module (``ir.actions.report._render_qweb_pdf_prepare_streams``):

- the page numbers: Debian's wkhtmltopdf is built on an unpatched Qt and ignores the header
  and footer that Odoo passes, so the number is stamped on each page from the second one,
  centred over the text column in the top margin, in Arabic figures, Liberation Serif 13 pt
  (metric-compatible with Times New Roman: the font of the body);
- the places of the signatures: the templates mark them with an empty link to
  ``MARKER_PREFIX + name`` (``person``: the signer's signature, box 7b of Appendix I), which
  wkhtmltopdf turns into a link annotation whose rectangle is exactly where the layout put the
  block. The marker is removed; for a document to be signed, an empty signature field
  (``PERSON_FIELD``) is put in its place, so that the signer's tool (a USB token's software,
  Adobe Reader…) signs there. The body's signature (box 8: its seal) is placed by
  ``body_box``: over the left third of the signer's signature, as Appendix I says.
"""

import io
import logging
from dataclasses import dataclass, field

from pyhanko.pdf_utils import generic, layout, text
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
from pyhanko.sign import fields
from pyhanko.stamp import TextStamp, TextStampStyle

# fontTools tells which tables of the font it leaves out of the subset it embeds (FFTM, the
# timestamp FontForge writes in Liberation Serif) as a warning: nothing a reader of the
# document needs, and a warning in the server's log at every print.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

FONT_FILE = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
PAGE_NUMBER_SIZE = 13
MARKER_PREFIX = "https://gep.invalid/signature/"
PERSON_MARKER = "person"
# The name of the empty field of the signer's signature (Người ký) in the issued PDF.
PERSON_FIELD = "NguoiKy"
# The body's signature (Cơ quan, tổ chức), added by the server.
BODY_FIELD = "CoQuan"
MM = 72 / 25.4
# The seal of the body: a square of this side (points), about 3.5 cm, the size of a seal.
SEAL_SIZE = 100


@dataclass
class Finished:
    """The finished PDF and where its signatures go: ``boxes`` maps a marker name to
    ``(page index, (x1, y1, x2, y2))`` in points."""

    content: bytes
    pages: int
    boxes: dict = field(default_factory=dict)


def page_number_style():
    return TextStampStyle(
        border_width=0,
        stamp_text="%(number)s",
        text_box_style=text.TextBoxStyle(
            font=GlyphAccumulatorFactory(FONT_FILE, font_size=PAGE_NUMBER_SIZE),
            font_size=PAGE_NUMBER_SIZE,
            border_width=0,
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID
        ),
    )


def finish(content, margins, signature_field=False):
    """Stamp the page numbers of ``content`` (a PDF), take out its signature markers and, with
    ``signature_field``, put the signer's empty signature field in the place of ``person``.

    ``margins``: ``(top, bottom, left, right)`` of the page in millimetres (the paper format).
    """
    reader = PdfFileReader(io.BytesIO(content), strict=False)
    writer = copy_into_new_writer(reader)
    count = int(writer.root["/Pages"]["/Count"])
    boxes = {}
    for index in range(count):
        page = writer.find_page_for_modification(index)[0].get_object()
        boxes.update({name: (index, rect) for name, rect in _take_markers(page)})
    style = page_number_style()
    top, __, left, right = margins
    box_width, box_height = 60, 20
    for index in range(1, count):
        page = writer.find_page_for_modification(index)[0].get_object()
        x1, y1, x2, y2 = (float(value) for value in page["/MediaBox"])
        centre = x1 + left * MM + ((x2 - x1) - (left + right) * MM) / 2
        middle = y2 - top * MM / 2
        # Qt leaves its scaling in force at the end of the page's content: the page's own
        # content is enclosed in q … Q, so that the number is drawn in the page's coordinates.
        writer.add_stream_to_page(
            index, writer.add_object(generic.StreamObject(stream_data=b"q")), prepend=True
        )
        writer.add_stream_to_page(index, writer.add_object(generic.StreamObject(stream_data=b"Q")))
        stamp = TextStamp(
            writer,
            style,
            text_params={"number": str(index + 1)},
            box=layout.BoxConstraints(width=box_width, height=box_height),
        )
        stamp.apply(index, centre - box_width / 2, middle - box_height / 2)
    if signature_field and PERSON_MARKER in boxes:
        page_index, rect = boxes[PERSON_MARKER]
        fields.append_signature_field(
            writer,
            fields.SigFieldSpec(
                sig_field_name=PERSON_FIELD, on_page=page_index, box=tuple(int(value) for value in rect)
            ),
        )
    output = io.BytesIO()
    writer.write(output)
    return Finished(output.getvalue(), count, boxes)


def _take_markers(page):
    """Remove the marker links of ``page``; yield ``(name, (x1, y1, x2, y2))`` of each."""
    annotations = page.get("/Annots")
    if annotations is None:
        return
    kept = generic.ArrayObject()
    for reference in annotations.get_object():
        annotation = reference.get_object()
        action = annotation.get("/A")
        uri = str(action.get_object().get("/URI", "")) if action is not None else ""
        if annotation.get("/Subtype") == "/Link" and uri.startswith(MARKER_PREFIX):
            rect = [float(value) for value in annotation["/Rect"]]
            yield (
                uri[len(MARKER_PREFIX) :],
                (
                    min(rect[0], rect[2]),
                    min(rect[1], rect[3]),
                    max(rect[0], rect[2]),
                    max(rect[1], rect[3]),
                ),
            )
        else:
            kept.append(reference)
    if kept:
        page[generic.NameObject("/Annots")] = kept
    else:
        del page["/Annots"]


def body_box(person_box):
    """Where the body's seal goes (box 8 of Appendix I): over about a third of the signer's
    signature, on its left, centred on it vertically."""
    x1, y1, x2, y2 = person_box
    right = x1 + (x2 - x1) / 3
    middle = (y1 + y2) / 2
    return (
        int(right - SEAL_SIZE),
        int(middle - SEAL_SIZE / 2),
        int(right),
        int(middle + SEAL_SIZE / 2),
    )
