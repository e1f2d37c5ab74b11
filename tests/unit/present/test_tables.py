"""Display tables: stable column ids, values in the reader's language, headers at the end."""

import pandas as pd

from dashboard.domain.gaps import data_gaps
from dashboard.present import tables
from helpers import view_of


def test_tables_keep_stable_column_ids_in_both_languages(small):
    view = view_of(small)
    for lang in ("en", "zh"):
        assert list(tables.funding_table(view, lang).columns) == ["project", "funder", "funder_as_named", "funder_type", "amount_usd", "source", "section"]
        assert list(tables.milestone_table(view, view["milestones"], lang).columns)[:4] == ["date", "project", "kind", "title"]


def test_headers_become_words_at_the_last_step(small):
    table = tables.funding_table(view_of(small), "zh")
    assert list(tables.localized_headers(table, "zh").columns)[:2] == ["项目", "出资方"]
    assert list(tables.localized_headers(table, "en").columns)[-2:] == ["Source document", "Section"]


def test_readable_writes_separators_and_gaps():
    out = tables.readable(pd.DataFrame({"amount_usd": [1_740_000, None], "project": ["a", "b"]}), "en")
    assert list(out["amount_usd"]) == ["1,740,000", "not reported"] and list(out["project"]) == ["a", "b"]


def test_every_record_table_names_its_source(small):
    view = view_of(small)
    for table in (
        tables.funding_table(view, "en"),
        tables.reach_table(view, "en"),
        tables.location_table(view, "en"),
        tables.milestone_table(view, view["milestones"], "en"),
        tables.project_table(view, "en"),
        tables.partner_table(view, "en"),
    ):
        assert table["source"].notna().all() and table["section"].notna().all()
        assert set(table["source"]) <= {"River Basin Pilot: final report (fixture)", "Coastal Training: project brief (fixture)"}


def test_funding_table_reads_gaps_as_gaps(small):
    table = tables.funding_table(view_of(small, projects=("coast",)), "en").set_index("amount_usd")
    assert table.loc[50_000, "funder"] == "Funder not named" and table.loc[50_000, "funder_as_named"] == "not reported"


def test_reach_by_unit_marks_lower_bounds(small):
    table, labels, lower = tables.reach_by_unit(view_of(small), "people", "en")
    assert list(table["value"]) == [250, 100] and list(lower) == [False, True]
    assert labels[1] == "<b>Coast Training</b><br>Officials trained"


def test_place_and_province_tables(small):
    view = view_of(small)
    places = tables.location_table(view, "en").set_index("place_as_written")
    assert (places.loc["Kunming", "province"], places.loc["Kunming", "admin_level"]) == ("Yunnan", "Prefecture / city")
    assert places.loc["three coastal provinces", "province"] == "not reported"
    provinces = tables.province_table(view, "en").set_index("province_code")
    assert provinces.loc["530000", "projects_roles"] == "River Pilot (Pilot province, Project location)"
    assert list(provinces.index) == ["420000", "440000", "520000", "530000"]


def test_milestone_dates_read_with_their_qualifier(small):
    table = tables.milestone_table(view_of(small), small["milestones"], "en").set_index("title")
    assert table.loc["Basin indicators adopted in the provincial plan", "date"] == "by 2012"
    assert table.loc["Basin indicators adopted in the provincial plan", "five_year_plan"] == "12th Five-Year Plan"
    assert table.loc["Basin indicators adopted in the provincial plan", "count"] == "6 indicators"
    assert table.loc["Training recommendations taken up nationally", "date"] == "not reported"


def test_timeline_frames(small):
    spans, points, bands = tables.timeline_frames(view_of(small), "en")
    assert dict(zip(spans["label"], spans["note"])) == {
        "River Pilot": "Mar 2010 – Dec 2013",
        "Coast Training": "2012 → end not reported",
        "Policy Desk": "start and end not reported",
    }
    assert len(points) == 4 and points["uptake"].sum() == 1  # the undated uptake has no point
    assert list(bands["name"]) == ["11th Five-Year Plan", "12th Five-Year Plan"]  # 2010 is in both the data and the 11th


def test_sources_and_gaps_tables(small):
    view = view_of(small, projects=("river",))
    sections = tables.sections_table([view["funding"]], view["sources"], "en")
    assert sections.to_dict("records") == [{"source": "River Basin Pilot: final report (fixture)", "file_name": "doc-river.txt", "section": "2. Budget"}]
    gaps = tables.gap_table(data_gaps(small), small, "zh")
    assert "出资方" in set(gaps["field"]) and "沿海培训" in set(gaps["project"])
    wide = tables.records_per_source_table(small, "en")
    assert wide.loc["doc-river", "Places"] == 3 and wide.index.name == "file_name"


def test_table_pages_sort_across_every_page_by_value():
    import pandas as pd

    table = pd.DataFrame({"name": [f"P{i}" for i in range(120)], "amount": [float(i % 7) if i % 10 else None for i in range(120)],
                          "start": ["Jul 2007", "Jan 2010", "Dec 2008"] * 40})
    first, pages = tables.table_page(table, "amount", True, 1)
    assert pages == 3 and len(first) == 50 and list(first["amount"][:3]) == [6.0, 6.0, 6.0]
    last, _ = tables.table_page(table, "amount", True, 9)  # past the end: the last page
    assert len(last) == 20 and last["amount"].tail(12).isna().all() and (last["amount"].head(8) == 0).all()  # gaps last, whatever the order
    dates = pd.Series([pd.Timestamp("2007-07-01"), pd.Timestamp("2010-01-01"), pd.Timestamp("2008-12-01")] * 40)
    by_date, _ = tables.table_page(table, "start", False, 1, tables.PAGE_ROWS, {"start": dates})
    assert list(by_date["start"][:41].unique()) == ["Jul 2007", "Dec 2008"]


def test_project_options_offer_the_chosen_then_what_the_search_finds():
    import pandas as pd

    projects = pd.DataFrame({"project_id": [f"p{i}" for i in range(300)], "undp_project_id": [f"{i:08d}" for i in range(300)]})
    names = {f"p{i}": ("Energy " if i % 3 == 0 else "Water ") + str(i) for i in range(300)}
    options, n = tables.project_options(projects, names, "", ["p7"])
    assert (len(options), n, options[:2]) == (101, 300, ["p7", "p0"])
    options, n = tables.project_options(projects, names, "ENERGY", ["p7"])
    assert n == 100 and options[0] == "p7" and all(names[p].startswith("Energy") for p in options[1:])
    options, n = tables.project_options(projects, names, "00000299", [])
    assert (options, n) == (["p299"], 1)


def test_a_page_slice_stays_in_range():
    assert tables.page_slice(45, 3, 20) == (slice(40, 45), 3)
    assert tables.page_slice(45, 9, 20) == (slice(40, 45), 3)  # past the end: the last page
    assert tables.page_slice(45, 0, 20) == (slice(0, 20), 3)
    assert tables.page_slice(0, 1, 20) == (slice(0, 0), 1)
