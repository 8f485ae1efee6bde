# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Constants and clocks of the module, defined once (no database).

- Dates of the province: deadlines and "today" are those of Thanh Hóa (Asia/Ho_Chi_Minh),
  whatever the user's or the server's time zone.
- One range of valid years for every record, wizard and method that takes a year.
- Bounds of the values the database can store (PostgreSQL ``integer``) and sensible lengths of
  texts, checked before anything is written so that bad input gets a clear message.
"""

import math
from datetime import date, datetime

import pytz

LOCAL_TZ = "Asia/Ho_Chi_Minh"

# Plans, reports, inspections, surveys, statuses, wizards and get_kpi_summary take a year in
# this range (inclusive).
YEAR_MIN = 2000
YEAR_MAX = 2100

# PostgreSQL ``integer`` columns.
INT_MIN = -(2**31)
INT_MAX = 2**31 - 1
# Amounts and other floats: finite and below this magnitude (đồng, counts…).
FLOAT_MAX = 1e15
FLOAT_MAX_LABEL = "1.000.000.000.000.000"
# Longest texts accepted, by kind of field.
CHAR_MAX_LENGTH = 500
TEXT_MAX_LENGTH = 50_000
HTML_MAX_LENGTH = 2_000_000


def local_date(moment):
    """The date in Thanh Hóa (Asia/Ho_Chi_Minh) of a naive UTC datetime."""
    return pytz.utc.localize(moment).astimezone(pytz.timezone(LOCAL_TZ)).date()


def local_today():
    """Today's date in Thanh Hóa."""
    return local_date(datetime.utcnow())


def is_valid_year(year):
    """Whether ``year`` is an integer (not a boolean) in the range of the module."""
    return isinstance(year, int) and not isinstance(year, bool) and YEAR_MIN <= year <= YEAR_MAX


def is_valid_integer(value):
    return isinstance(value, int) and not isinstance(value, bool) and INT_MIN <= value <= INT_MAX


def is_valid_float(value):
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and abs(value) <= FLOAT_MAX
    )


def year_bounds(year):
    """First and last day of ``year``."""
    return date(year, 1, 1), date(year, 12, 31)


def expand_states(order, present, optional=("cancelled",)):
    """Kanban columns of a status: every state of ``order`` (the workflow order), those of
    ``optional`` only when some record is in them (``present``)."""
    return [state for state in order if state not in optional or state in present]
