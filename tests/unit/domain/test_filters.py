"""The period, project and province filters on the small fixture package."""

import pandas as pd

from dashboard.domain.filters import Filters, apply_filters, milestone_period_status, project_period_status, single_project_view, year_range
from helpers import view_of


def projects(*rows):
    """A tiny projects table: (id, start_first, end_last) with None for unknown."""
    return pd.DataFrame(
        [{"project_id": p, "start_first": pd.Timestamp(s) if s else pd.NaT, "end_last": pd.Timestamp(e) if e else pd.NaT} for p, s, e in rows]
    )


def test_period_status_of_projects():
    table = projects(
        ("both", "2007-07-01", "2011-12-31"),
        ("start-only", "2005-03-01", None),
        ("end-only", None, "2009-12-31"),
        ("none", None, None),
    )
    status = lambda lo, hi: dict(zip(table["project_id"], project_period_status(table, lo, hi)))  # noqa: E731
    assert status(2010, 2012) == {"both": "in", "start-only": "undated", "end-only": "out", "none": "undated"}
    assert status(2005, 2006) == {"both": "out", "start-only": "in", "end-only": "undated", "none": "undated"}
    assert status(2000, 2004) == {"both": "out", "start-only": "out", "end-only": "undated", "none": "undated"}
    assert status(2009, 2009)["end-only"] == "in"


def test_milestones_count_by_their_own_date_and_continuing_ones_stay():
    m = pd.DataFrame(
        {
            "date_first": pd.to_datetime(["2006-07-01", "2008-01-01", None]),
            "date_last": pd.to_datetime(["2006-07-31", "2008-12-31", None]),
            "date_qualifier": ["on", "from", None],
        }
    )
    assert list(milestone_period_status(m, 2010, 2012)) == ["out", "in", "undated"]
    assert list(milestone_period_status(m, 2006, 2006)) == ["in", "out", "undated"]


def test_year_range_spans_every_dated_record(small):
    # River Pilot starts Mar 2010; the planned final review is in 2014.
    assert year_range(small) == (2010, 2014)


def test_full_range_filters_nothing(small):
    view = view_of(small)
    assert not view.period_active
    assert view.project_ids == list(small["projects"]["project_id"])
    assert len(view["milestones"]) == len(small["milestones"])
    assert view.undated_projects == [] and view.undated_milestones == []


def test_period_filter_counts_what_it_leaves_out(small):
    view = view_of(small, year_from=2010, year_to=2011)
    assert view.project_ids == ["river"]
    # Coast Training starts in 2012: certainly outside. Policy Desk has no dates at all.
    assert view.undated_projects == ["desk"]
    assert view.undated_milestones == ["coast-uptake"]
    assert set(view["milestones"]["milestone_id"]) == {"river-study"}


def test_project_filter_keeps_that_projects_records(small):
    view = view_of(small, projects=("coast",))
    assert view.project_ids == ["coast"]
    assert set(view["funding"]["project_id"]) == {"coast"}
    assert view["funding"]["amount_usd"].sum() == 200_000


def test_province_filter_keeps_projects_working_there(small):
    assert view_of(small, provinces=("530000",)).project_ids == ["river"]
    assert view_of(small, provinces=("420000", "530000")).project_ids == ["river", "coast"]
    assert view_of(small, provinces=("650000",)).project_ids == []


def test_reversed_period_is_put_in_order(small):
    view = view_of(small, year_from=2013, year_to=2011)
    assert (view.filters.year_from, view.filters.year_to) == (2011, 2013)


def test_single_project_view_holds_one_projects_records(small):
    one = single_project_view(apply_filters(small, Filters()), "river")
    assert set(one["locations"]["project_id"]) == {"river"} and set(one["milestones"]["project_id"]) == {"river"}
    assert len(one["sources"]) == len(small["sources"])
