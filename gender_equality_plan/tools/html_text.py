# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The narrative sections (HTML of the editor) as paragraphs of a Word document (no database).

Each block of the HTML (paragraph, list item, heading, line of a ``<div>``) becomes one paragraph,
a list of runs ``(text, bold, italic)``; list items start with a dash, as administrative
documents write them. Anything else (images, tables, styles) is reduced to its text.
"""

import re

from lxml import etree, html

BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "pre", "tr"})
BOLD = frozenset({"b", "strong"})
ITALIC = frozenset({"i", "em"})
SKIPPED = frozenset({"script", "style", "img"})
SPACES = re.compile(r"\s+")


def html_paragraphs(value):
    """``[{"list": bool, "runs": [(text, bold, italic)]}]`` of the HTML ``value``."""
    if not value or not str(value).strip():
        return []
    try:
        root = html.fragment_fromstring(str(value), create_parent="div")
    except etree.ParserError:
        return []
    paragraphs = []
    current = {"list": False, "runs": []}

    def flush():
        runs = _strip(current["runs"])
        if runs:
            paragraphs.append({"list": current["list"], "runs": runs})
        current["runs"] = []
        current["list"] = False

    def walk(element, bold, italic):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED:
            return
        block = tag in BLOCKS and element is not root
        if block:
            flush()
            current["list"] = tag == "li"
        if tag == "br":
            flush()
        bold_here = bold or tag in BOLD or (tag.startswith("h") and tag[1:].isdigit())
        italic_here = italic or tag in ITALIC
        if element.text:
            current["runs"].append((element.text, bold_here, italic_here))
        for child in element:
            walk(child, bold_here, italic_here)
            if child.tail:
                current["runs"].append((child.tail, bold_here, italic_here))
        if block:
            flush()

    walk(root, False, False)
    flush()
    return paragraphs


def _strip(runs):
    """Collapse white space as a browser does, and drop empty runs at both ends."""
    cleaned = []
    for text, bold, italic in runs:
        collapsed = SPACES.sub(" ", text)
        if collapsed:
            cleaned.append((collapsed, bold, italic))
    if not cleaned:
        return []
    first, *rest = cleaned
    cleaned = [(first[0].lstrip(), first[1], first[2]), *rest]
    last = cleaned[-1]
    cleaned[-1] = (last[0].rstrip(), last[1], last[2])
    return [run for run in cleaned if run[0]] if any(run[0].strip() for run in cleaned) else []


def html_plain_lines(value):
    """The paragraphs of ``value`` as plain lines (list items start with a dash)."""
    return [
        ("- " if paragraph["list"] else "") + "".join(text for text, __, __ in paragraph["runs"])
        for paragraph in html_paragraphs(value)
    ]
