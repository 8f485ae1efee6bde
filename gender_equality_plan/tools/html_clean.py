# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The HTML that units write is text formatting only (no database).

A narrative (a report's results, an inspection's conclusion…) is read by others: shown in the
web client of the Department, printed by the server through wkhtmltopdf. Anything in it that
fetches an address when it is displayed acts for its author on the reader's behalf: an
``<img src="http://…">`` or a ``style="background:url(…)"`` makes the server fetch that address
at every print, an ``<img src="/web/session/logout">`` logs out the Department officer who
opens the tab. ``clean_html`` keeps what a text needs and drops what acts or fetches on load:

1. Odoo's sanitizer (``odoo.tools.html_sanitize``) with every option on: tags (it kills
   ``<script>``, ``<style>``, ``<link>``, ``<meta>``, ``<base>``, ``<object>``, ``<embed>``,
   ``<iframe>``…), attributes (a whitelist: no ``srcset``, ``background``, ``poster``, event
   handlers), forms, and styles (a whitelist of properties: no ``background``,
   ``background-image``, ``list-style-image``, ``border-image``).
2. What the sanitizer keeps and still fetches (``_strip``): the ``src`` of an image (remote,
   same-origin or relative), media elements and their sources (``<video>``, ``<audio>``,
   ``<source>``, ``<picture>``…), SVG and MathML, ``href`` outside a link, and style values
   that load or evaluate something (``url(…)``, ``image-set(…)``, ``expression(…)``, CSS
   escapes and comments that could spell them).

Kept: paragraphs, headings, lists, bold, italic, underline, colours, alignment, tables, links a
reader clicks (``<a href>``) and inline raster images (``data:image/png|jpeg|gif|webp;base64``):
their bytes are in the text itself, so displaying them fetches nothing, and a raster image holds
no script and no reference to another resource (unlike SVG, which is dropped).
"""

import re

from lxml import etree
from markupsafe import Markup

from odoo import fields
from odoo.tools.mail import html_normalize, html_sanitize

# Elements that load a resource or run something when displayed, removed with their content.
FETCHING_TAGS = frozenset(
    {
        "applet",
        "audio",
        "base",
        "basefont",
        "bgsound",
        "embed",
        "frame",
        "frameset",
        "iframe",
        "image",
        "input",
        "layer",
        "ilayer",
        "link",
        "math",
        "meta",
        "object",
        "picture",
        "portal",
        "script",
        "source",
        "style",
        "svg",
        "track",
        "video",
    }
)
# Attributes that load a resource when displayed (``src`` is judged apart, on images only).
FETCHING_ATTRIBUTES = frozenset(
    {
        "action",
        "archive",
        "background",
        "classid",
        "codebase",
        "data",
        "dynsrc",
        "formaction",
        "icon",
        "longdesc",
        "lowsrc",
        "manifest",
        "ping",
        "poster",
        "profile",
        "src",
        "srcset",
        "usemap",
        "xlink:href",
    }
)
# Elements whose ``href`` is a link the reader clicks (never fetched on load).
LINK_TAGS = frozenset({"a", "area"})
# The inline images kept: raster formats only, their bytes in the attribute.
DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|jpg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", re.IGNORECASE)
# A style declaration ``property: value`` (as Odoo's sanitizer writes them back).
DECLARATION = re.compile(r"^\s*([\w-]+)\s*:\s*(.+?)\s*$", re.DOTALL)
# CSS functions a formatting value may use: colours. Any other (``url``, ``image-set``,
# ``expression``, ``var``, ``attr``…) loads, evaluates or indirects something.
SAFE_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla"})
FUNCTION = re.compile(r"([\w-]*)\s*\(")
# Characters that may hide a function name from a reader of the value: CSS escapes and comments,
# and markup or at-rules that have nothing to do in a value.
UNSAFE_VALUE = re.compile(r"[\\<>@]|/\*|\*/|&#|javascript|behavior|binding", re.IGNORECASE)


def clean_html(value):
    """``value`` as text formatting only (see the module docstring); empty values as they are."""
    if not value:
        return value
    sanitized = html_sanitize(
        value,
        silent=True,
        sanitize_tags=True,
        sanitize_attributes=True,
        sanitize_style=True,
        sanitize_form=True,
        sanitize_conditional_comments=True,
    )
    if not sanitized:
        return sanitized
    return Markup(html_normalize(sanitized, filter_callback=_strip))


def _strip(doc):
    """Remove from the parsed ``doc`` what Odoo's sanitizer keeps and still fetches on load."""
    if _fetches(doc):
        # The whole value is one such element: nothing of it is kept.
        return etree.Element("div")
    for element in list(doc.iter()):
        if element is not doc and _fetches(element):
            _remove(element)
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        for name in list(element.attrib):
            local = name.lower()
            if (local in FETCHING_ATTRIBUTES and not (tag == "img" and local == "src")) or (
                local == "href" and tag not in LINK_TAGS
            ):
                del element.attrib[name]
        if "style" in element.attrib:
            style = _clean_style(element.get("style"))
            if style:
                element.set("style", style)
            else:
                del element.attrib["style"]
    return doc


def _fetches(element):
    """Whether ``element`` loads something when displayed (an image unless inline raster)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if _local_name(tag) in FETCHING_TAGS:
        return True
    return tag == "img" and not DATA_IMAGE.match(element.get("src", "") or "")


def _clean_style(style):
    """The declarations of ``style`` whose value only formats (see ``_is_safe_value``)."""
    kept = []
    for declaration in (style or "").split(";"):
        match = DECLARATION.match(declaration)
        if match and _is_safe_value(match.group(2)):
            kept.append(f"{match.group(1)}:{match.group(2)}")
    return "; ".join(kept)


def _is_safe_value(value):
    # Unbalanced parentheses are what lxml leaves of an ``expression(…)`` it cut out.
    if UNSAFE_VALUE.search(value) or value.count("(") != value.count(")"):
        return False
    return all(name.lower() in SAFE_FUNCTIONS for name in FUNCTION.findall(value))


def _local_name(tag):
    """``svg`` for ``{http://www.w3.org/2000/svg}svg`` or ``svg:svg``."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _remove(element):
    """Remove ``element`` and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


class NarrativeHtml(fields.Html):
    """An Html field that the module's users write: stored as text formatting only
    (``clean_html``), whoever writes it and through whichever door (create, write, import,
    onchange): the value is cleaned where the ORM converts it for the cache and the database."""

    sanitize_style = True

    def _convert(self, value, record, validate):
        value = super()._convert(value, record, validate)
        return clean_html(value) if validate and value else value
