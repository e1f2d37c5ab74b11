"""Partial ISO dates (`2005`, `2005-03`, `2005-03-01`): parsing, precision and bounds.

A source often gives only a year or a month. A partial date stands for the whole period
it names, so it has a first and a last day; its form is its precision.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# ASCII digits only: Python's \d would also take full-width ones (２００７).
PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
# The years a date in this portfolio can plausibly fall in: from the founding of the
# People's Republic to the end of the century (planned milestones look ahead).
EARLIEST_YEAR, LATEST_YEAR = 1949, 2100


def date_bounds(text: str) -> tuple[date, date]:
    """First and last day a partial ISO date can mean ('2007' -> 1 Jan to 31 Dec 2007).

    Raises ValueError for text that is not a partial ISO date or names no real day.
    """
    m = PARTIAL_DATE.match(text)
    if not m:
        raise ValueError(text)
    year, month, day = int(m[1]), m[2], m[3]
    if day:
        d = date(year, int(month), int(day))
        return d, d
    if month:
        first = date(year, int(month), 1)
        return first, first.replace(day=calendar.monthrange(year, int(month))[1])
    return date(year, 1, 1), date(year, 12, 31)


def plausible_year(text: str) -> bool:
    """Whether a partial date's year lies in EARLIEST_YEAR..LATEST_YEAR."""
    return EARLIEST_YEAR <= int(text[:4]) <= LATEST_YEAR


def date_precision(text: object) -> str:
    """'year', 'month' or 'day' by the form of a partial date; 'unknown' for a missing one."""
    if not isinstance(text, str) or not text:
        return "unknown"
    return {1: "year", 2: "month", 3: "day"}[len(text.split("-"))]
