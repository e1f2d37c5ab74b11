import pandas as pd
import pytest

from dashboard.filters import (
    Filters,
    apply_filters,
    filters_from_query,
    milestone_period_status,
    project_period_status,
    query_from_filters,
    year_range,
)
from dashboard.load import read_package


@pytest.fixture(scope="module")
def package():
    return read_package()


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


def test_full_range_filters_nothing(package):
    view = apply_filters(package, Filters())
    assert not view.period_active
    assert len(view["projects"]) == 4 and len(view["milestones"]) == len(package["milestones"])
    assert view.undated_projects == [] and view.undated_milestones == []


def test_period_filter_counts_what_it_leaves_out(package):
    view = apply_filters(package, Filters(year_from=2005, year_to=2006))
    assert view.project_ids == ["xiaokang"]
    assert sorted(view.undated_projects) == ["alp-3", "iprcc-ssc"]
    undated = package["milestones"]["date"].isna().sum()
    assert len(view.undated_milestones) == undated


def test_project_filter(package):
    view = apply_filters(package, Filters(projects=("good-governance",)))
    assert view.project_ids == ["good-governance"]
    assert set(view["funding"]["project_id"]) == {"good-governance"}
    assert view["funding"]["amount_usd"].sum() == 1_740_000


def test_province_filter_keeps_projects_working_there(package):
    hubei = apply_filters(package, Filters(provinces=("420000",)))
    assert sorted(hubei.project_ids) == ["alp-3", "good-governance"]
    yunnan = apply_filters(package, Filters(provinces=("530000",)))
    assert yunnan.project_ids == ["xiaokang"]
    nowhere = apply_filters(package, Filters(provinces=("650000",)))
    assert nowhere.project_ids == []


def test_reversed_period_is_put_in_order(package):
    view = apply_filters(package, Filters(year_from=2010, year_to=2008))
    assert (view.filters.year_from, view.filters.year_to) == (2008, 2010)


def test_query_round_trip(package):
    years = year_range(package)
    filters = Filters(projects=("alp-3", "xiaokang"), provinces=("530000",), year_from=2005, year_to=2010)
    query = query_from_filters(filters, years, "zh", "en")
    assert query == {"project": ["alp-3", "xiaokang"], "from": "2005", "to": "2010", "province": ["530000"], "lang": "zh"}
    params = {k: (v if isinstance(v, list) else [v]) for k, v in query.items()}
    state = filters_from_query(params, ["alp-3", "xiaokang", "iprcc-ssc"], ["530000", "110000"], years)
    assert state == {"project": ["alp-3", "xiaokang"], "province": ["530000"], "from": 2005, "to": 2010}


def test_defaults_are_left_out_of_the_url(package):
    years = year_range(package)
    assert query_from_filters(Filters(year_from=years[0], year_to=years[1]), years, "en", "en") == {}


def test_bad_query_values_are_dropped(package):
    years = year_range(package)
    params = {"project": ["alp-3", "nope"], "province": ["999999", "530000"], "from": ["soon"], "to": ["3000"]}
    state = filters_from_query(params, ["alp-3"], ["530000"], years)
    assert state == {"project": ["alp-3"], "province": ["530000"], "from": years[0], "to": years[1]}
