"""Partial ISO dates: bounds and precision."""

from datetime import date

import pytest

from dashboard.dates import date_bounds, date_precision


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("2007", date(2007, 1, 1), date(2007, 12, 31)),
        ("2007-07", date(2007, 7, 1), date(2007, 7, 31)),
        ("2008-02", date(2008, 2, 1), date(2008, 2, 29)),  # a leap year
        ("2006-09-26", date(2006, 9, 26), date(2006, 9, 26)),
    ],
)
def test_bounds_of_a_partial_date(text, first, last):
    assert date_bounds(text) == (first, last)


@pytest.mark.parametrize("text", ["July 2007", "2007-13", "2007-02-30", "07", "2007/07", ""])
def test_text_that_is_no_date_is_refused(text):
    with pytest.raises(ValueError):
        date_bounds(text)


def test_precision_follows_the_form():
    assert [date_precision(x) for x in ("2007", "2007-07", "2007-07-15", None, "")] == ["year", "month", "day", "unknown", "unknown"]
