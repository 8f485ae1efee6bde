# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The calendar of a reporting year (no database): when what a unit reports may still change.

Section V of the plan: units report before 10 December; section II.2: the Action Month runs
from 15 November to 15 December, after the deadline. A report once submitted freezes the
figures of its year; the activities held in the Action Month after it are reported in an
**Action-Month supplement**, which is filed once the Action Month is over, in the first weeks
of the next year at the latest:

- the *supplement period* of year ``Y`` runs from the day after the Action Month ends (16
  December) to ``SUPPLEMENT_CLOSING`` of ``Y + 1`` (31 January): on any day, at most one year
  takes supplements (the current year after the Action Month, the previous one in January);
- until the period closes, a unit whose report of ``Y`` is submitted may still record and mark
  done an activity of ``Y`` held in the Action Month (what a supplement counts); afterwards
  nothing of ``Y`` changes.
"""

from datetime import date, timedelta

# (month, day) of the year after the report's year on which its supplement period closes.
SUPPLEMENT_CLOSING = (1, 31)


def supplement_closing(year):
    """The last day on which a supplement of ``year`` is dated, filed or submitted."""
    return date(year + 1, *SUPPLEMENT_CLOSING)


def supplement_period(year, action_month_end):
    """``(first day, last day)`` of the supplement period of ``year``, whose Action Month ends
    on ``action_month_end`` (or on 31 December without an Action Month)."""
    end = action_month_end or date(year, 12, 31)
    return end + timedelta(days=1), supplement_closing(year)


def is_catch_up_open(year, today):
    """Whether an activity of ``year`` may still be reported in a supplement on ``today``."""
    return today <= supplement_closing(year)


def overlaps(window, start, end):
    """Whether the dates ``start``–``end`` (``end`` may be empty) overlap ``window``."""
    if not (window and start):
        return False
    return start <= window[1] and (end or start) >= window[0]


def in_window(window, start, end):
    """Whether an activity of ``start``–``end`` (``end`` may be empty) is one *of* ``window``
    (the Action Month): it starts in the window, or at least half of its days fall in it.

    Touching the window is not enough: an activity held all year (1/1–31/12) overlaps the Action
    Month but is not a campaign of it (31 of its 365 days). A campaign that starts a little
    before (1/11–30/11: 16 of its 30 days inside) or one that starts in the window and runs on
    after it (10/12–25/12) is.
    """
    if not overlaps(window, start, end):
        return False
    end = max(end or start, start)
    if window[0] <= start <= window[1]:
        return True
    inside = (min(end, window[1]) - max(start, window[0])).days + 1
    return 2 * inside >= (end - start).days + 1
