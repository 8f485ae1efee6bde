# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Vietnamese formatting of numbers, amounts and dates for administrative documents.

Plain functions (no database): a thousands separator is a dot, decimals take a comma,
amounts end with "đ", and dates follow the administrative style ("ngày 05 tháng 12 năm 2026").
"""

from functools import lru_cache

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
