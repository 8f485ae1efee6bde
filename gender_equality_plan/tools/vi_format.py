# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Vietnamese formatting of numbers, amounts and dates for administrative documents.

Plain functions (no database): a thousands separator is a dot, decimals take a comma,
amounts end with "đ", and dates follow the administrative style ("ngày 05 tháng 12 năm 2026").
"""

from functools import lru_cache
from itertools import pairwise

from babel.numbers import format_decimal

LOCALE = "vi_VN"


def vi_number(value, digits=0):
    """``1234567`` → ``"1.234.567"``; ``1234.5`` with ``digits=1`` → ``"1.234,5"``."""
    return _format_number(value or 0, digits)


@lru_cache(maxsize=8192)
def _format_number(value, digits):
    # Cached: a compilation formats the same small numbers tens of thousands of times.
    if not digits:
        # Babel's vi_VN integers: groups of three digits separated by dots, half to even.
        return f"{round(value):,}".replace(",", ".")
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def vi_amount(value):
    """``1234567`` → ``"1.234.567 đ"`` (Vietnamese đồng, no decimals)."""
    return f"{vi_number(round(value or 0))} đ"


def vi_percent(value, digits=1):
    """``85.26`` (a percentage already) → ``"85,3%"``."""
    return f"{vi_number(value, digits)}%"


def vi_date(day):
    """``date(2026, 12, 5)`` → ``"05/12/2026"``; empty for no date."""
    return day.strftime("%d/%m/%Y") if day else ""


def vi_date_line(day, place="Thanh Hóa"):
    """The place and date line of a document: ``"Thanh Hóa, ngày 05 tháng 12 năm 2026"``."""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


# ------------------------------------------------------------
# THE TARGETS OF THE PLAN (section II.2)
# ------------------------------------------------------------

# The unit of a target's figure, in words: a share of the units, or a rise of the awareness rate
# in percentage points (II.2.3, "Percentage points" of the objective's measure).
PERCENTAGE_POINTS = "điểm phần trăm"


def objective_unit(unit):
    """The words of the unit of a target's figure: ``"%"`` or ``"điểm phần trăm"``."""
    return PERCENTAGE_POINTS if unit == "points" else "%"


def objective_value(value, unit):
    """A target's figure as every screen and document shows it: ``"87,5%"`` (a share of the
    units), ``"+7,1 điểm phần trăm"`` (a rise in percentage points, with its sign); ``"–"``
    when there is no figure."""
    if value is False or value is None:
        return "–"
    if unit == "points":
        sign = "+" if value > 0 else ""
        return f"{sign}{vi_number(value, 1)} {PERCENTAGE_POINTS}"
    return vi_percent(value)


def objective_target(target, target_max, unit):
    """A target's target value: ``"≥ 100%"``, ``"10–15 điểm phần trăm"`` (a range), with the
    decimals it was given (``"≥ 12,5%"``)."""

    def number(value):
        return vi_number(value, 0 if float(value or 0).is_integer() else 1)

    words = objective_unit(unit)
    if target_max:
        text = f"{number(target)}–{number(target_max)}"
    else:
        text = f"≥ {number(target)}"
    return f"{text}{'' if words == '%' else ' '}{words}"


# ------------------------------------------------------------
# THE HEADING OF A DOCUMENT (Decree 30/2020/NĐ-CP)
# ------------------------------------------------------------

# Characters of upper-case bold Times at 12 pt that fit, on one line, in the left column of the
# heading (the names of the superior body and of the issuing unit).
HEADING_WIDTH = 30
# A name is best cut before the words that start its place ("… / TỈNH THANH HÓA") or after a
# dash ("CHI CỤC DÂN SỐ -" / "KẾ HOẠCH HÓA GIA ĐÌNH").
PLACE_WORDS = ("TỈNH", "HUYỆN", "THÀNH", "THỊ", "XÃ", "PHƯỜNG", "QUẬN", "KHU")
DASHES = ("-", "–")


def heading_lines(name, width=HEADING_WIDTH):
    """The name of a body in the heading of a document, upper case, cut into lines that fit
    the heading's column (Decree 30 prints a long name on several centred lines). Lines are
    cut between words, before the place of the name or after a dash when it fits ("TRUNG TÂM
    KIỂM SOÁT BỆNH TẬT" / "TỈNH THANH HÓA"), else into lines of balanced length; never a word alone at the
    end ("… THANH" / "HÓA"). The printed lines must not wrap again: the templates print each
    one on its own, unbroken."""
    words = (name or "").upper().split()
    if not words:
        return []
    text = " ".join(words)
    if len(text) <= width:
        return [text]
    return _split_words(words, width)


def _split_words(words, width, most=4):
    """Cut ``words`` into at most ``most`` lines of at most ``width`` characters (a longer word
    makes its own line). Best: no last line of a single word, then the fewest cuts that are not
    before a place word or after a dash, the fewest lines, the longest line the shortest."""

    def length(part):
        return len(" ".join(part))

    best = None
    for count in range(2, min(len(words), most) + 1):
        for cuts in _cuts(len(words), count):
            lines = [words[start:end] for start, end in zip((0, *cuts), (*cuts, len(words)), strict=True)]
            if any(length(line) > width and len(line) > 1 for line in lines):
                continue
            unnatural = sum(
                1
                for previous, line in pairwise(lines)
                if not (line[0] in PLACE_WORDS or previous[-1] in DASHES)
            )
            score = (len(lines[-1]) == 1, unnatural, count, max(length(line) for line in lines))
            if best is None or score < best[0]:
                best = (score, lines)
    return [" ".join(line) for line in best[1]] if best else [" ".join(words)]


def _cuts(size, count):
    """Every way to cut ``size`` words into ``count`` non-empty lines (the cut positions)."""
    if count == 1:
        yield ()
        return
    for first in range(1, size - count + 2):
        for rest in _cuts(size - first, count - 1):
            yield (first, *(first + cut for cut in rest))
