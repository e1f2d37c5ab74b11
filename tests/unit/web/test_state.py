"""URL and session state: the public URL format, defaults left out, bad values dropped."""

from dashboard.domain.filters import Filters, year_range
from dashboard.web.state import PROJECTS, PROVINCES, URL_NAMES, YEAR_FROM, YEAR_TO, filters_from_query, query_from_filters, slide_from_query, toggled_provinces


def test_public_url_names_stay():
    assert URL_NAMES == {"projects": "project", "year_from": "from", "year_to": "to", "provinces": "province", "lang": "lang", "slide": "slide"}


def test_query_round_trip(small):
    years = year_range(small)
    filters = Filters(projects=("river", "coast"), provinces=("530000",), year_from=2011, year_to=2013)
    query = query_from_filters(filters, years, "zh", "en")
    assert query == {"project": ["river", "coast"], "from": "2011", "to": "2013", "province": ["530000"], "lang": "zh"}
    params = {k: (v if isinstance(v, list) else [v]) for k, v in query.items()}
    state, ignored = filters_from_query(params, ["river", "coast", "desk"], ["530000", "110000"], years)
    assert ignored == []
    assert state == {PROJECTS: ["river", "coast"], PROVINCES: ["530000"], YEAR_FROM: 2011, YEAR_TO: 2013}


def test_defaults_are_left_out_of_the_url(small):
    years = year_range(small)
    assert query_from_filters(Filters(year_from=years[0], year_to=years[1]), years, "en", "en") == {}


def test_bad_query_values_are_dropped(small):
    years = year_range(small)
    params = {"project": ["river", "nope"], "province": ["999999", "530000"], "from": ["soon"], "to": ["3000"], "utm": ["x"]}
    state, ignored = filters_from_query(params, ["river"], ["530000"], years)
    assert state == {PROJECTS: ["river"], PROVINCES: ["530000"], YEAR_FROM: years[0], YEAR_TO: years[1]}
    assert ignored == ["project=nope", "province=999999", "from=soon", "to=3000", "utm=x"]


def test_slide_numbers_are_kept_in_range_and_bad_ones_named():
    assert slide_from_query([], 7) == (1, None)
    assert slide_from_query(["3"], 7) == (3, None)
    assert slide_from_query(["999"], 7) == (7, "999")
    assert slide_from_query(["0"], 7) == (1, "0")
    assert slide_from_query(["two"], 7) == (1, "two")


def test_clicking_the_only_chosen_province_again_clears_it():
    assert toggled_provinces([], ["530000"]) == ["530000"]
    assert toggled_provinces(["530000"], ["530000"]) == []
    assert toggled_provinces(["530000", "420000"], ["420000"]) == ["420000"]
    assert toggled_provinces(["530000"], []) == ["530000"]


def test_a_new_revision_refits_the_period_a_session_left_open():
    from dashboard.web.state import refit_period

    assert refit_period((2010, 2014), (2010, 2014), (2010, 2028)) == (2010, 2028)  # left open: new work shows
    assert refit_period((2011, 2013), (2010, 2014), (2010, 2028)) == (2011, 2013)  # chosen: kept
    assert refit_period((2011, 2014), (2010, 2014), (2012, 2013)) == (2012, 2013)  # kept within the new years
