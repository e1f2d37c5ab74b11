"""One AppTest per page, and the filter bar driving every page."""

from __future__ import annotations

import shutil

import pytest

from conftest import PAGES, all_text, open_page
from dashboard.i18n import STRINGS, placeholders
from dashboard.load import DATA_DIR

FILTER_SETS = {
    "none": {},
    "one project": {"project": "good-governance"},
    "period": {"from": "2005", "to": "2006"},
    "province": {"province": "530000"},
    "nothing matches": {"project": "iprcc-ssc", "province": "420000"},
    "chinese": {"lang": "zh", "project": ["alp-3", "xiaokang"]},
}


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("filters", list(FILTER_SETS), ids=list(FILTER_SETS))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_error(page, filters):
    at = open_page(page, FILTER_SETS[filters])
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title, "every page has a title"


def test_overview_headline_figures_of_the_bundled_data():
    figures = metrics(open_page("overview"))
    assert figures["Projects"] == "4"
    assert figures["Funding reported (USD)"] == "8,900,000"
    assert figures["Participants reached"] == "> 1,805"
    assert figures["Provinces covered"] == "15"


def test_overview_says_which_project_reports_no_funding():
    at = open_page("overview")
    assert any("1 project(s) report no funding: Xiaokang Programme" in c.value for c in at.caption)


def test_filters_from_the_url_change_the_figures():
    figures = metrics(open_page("overview", {"project": "iprcc-ssc"}))
    assert figures["Projects"] == "1"
    assert figures["Funding reported (USD)"] == "4,160,000"
    assert figures["Participants reached"] == "1,305"


def test_filter_widgets_change_the_figures_and_the_url():
    at = open_page("overview")
    at.multiselect(key="province").set_value(["420000"]).run()
    assert metrics(at)["Projects"] == "2"
    assert at.query_params["province"] == ["420000"] or at.query_params["province"] == "420000"
    at.selectbox(key="from").set_value(2010).run()
    assert at.query_params["from"] in ("2010", ["2010"])
    assert metrics(at)["Projects"] == "1"  # the good-governance project runs to 2011


def test_period_filter_says_what_it_left_out():
    at = open_page("overview", {"from": "2005", "to": "2006"})
    notes = " ".join(i.value for i in at.info)
    assert "left out 2 project(s)" in notes and "Leadership Programme III" in notes


def test_active_filters_are_written_on_every_page():
    for page in PAGES:
        at = open_page(page, {"project": "xiaokang", "province": "530000"})
        assert any("Xiaokang Programme · 1991–2011 · Yunnan" in m.value for m in at.markdown), page


def test_map_page_lists_province_panel_and_national_work():
    at = open_page("map", {"province": "420000"})
    headings = [h.value for h in at.subheader]
    assert "In Hubei" in headings
    assert "National and international work (no province)" in headings
    assert any("Xiangfan" in m.value for m in at.markdown)
    # National work is listed beside the map; a province filter keeps only projects working there.
    assert not any("IPRCC South-South Cooperation" in m.value for m in at.markdown)
    unfiltered = open_page("map")
    assert any(m.value == "- IPRCC South-South Cooperation" for m in unfiltered.markdown)


def test_reach_page_marks_lower_bounds():
    at = open_page("reach")
    tables = [d.value for d in at.dataframe]
    people = next(t for t in tables if "Qualifier" in t.columns and (t["Unit"] == "people").any())
    assert set(people["Qualifier"]) == {"Lower bound (more than)", "As reported"}
    assert any("not added across projects" in c.value for c in at.caption)


def test_funding_page_lists_funding_not_reported():
    at = open_page("funding")
    warnings = " ".join(w.value for w in at.warning)
    assert "Xiaokang Programme" in warnings
    assert "US$ 1,000,000 is reported with no funder named" in warnings
    table = at.dataframe[0].value
    assert sum(int(v.replace(",", "")) for v in table["Amount (USD)"] if v != "not reported") == 8_900_000
    assert "2,000,000" in set(table["Amount (USD)"])


def test_projects_page_detail_shows_every_fact():
    at = open_page("projects")
    at.selectbox(key="detail-project").set_value("good-governance").run()
    text = " ".join(m.value for m in at.markdown)
    assert "00056242" in text and "US$ 1,740,000" in text and "Jul 2007" in text
    assert len(at.dataframe) >= 5


def test_sources_page_lists_gaps_and_downloads():
    at = open_page("sources")
    headings = [h.value for h in at.subheader]
    assert "Data gaps: what the sources do not report" in headings
    gaps = next(d.value for d in at.dataframe if "Field" in d.value.columns)
    assert len(gaps) > 0 and "Funder" in set(gaps["Field"])


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_show_no_english_ui_string(page):
    at = open_page(page, {"lang": "zh"})
    texts = all_text(at)
    english = [v["en"] for v in STRINGS.values() if not placeholders(v["en"])]
    # Whole texts must not be an English string; longer English strings must not appear
    # inside any text either. (Source section headings are quoted in English on purpose.)
    leaked = sorted({s for s in english if s in texts or (len(s) > 15 and any(s in x for x in texts))})
    assert leaked == [], leaked


def test_bad_data_shows_messages_and_no_traceback(tmp_path, monkeypatch):
    bad = tmp_path / "data"
    shutil.copytree(DATA_DIR, bad)
    path = bad / "funding.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2000000", "-2000000", 1), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(bad))
    at = open_page("overview")
    assert not at.exception
    assert any("problems" in e.value for e in at.error)
    assert any("funding.csv, row 2, column 'amount_usd'" in c.value for c in at.code)


def test_last_good_data_is_kept_while_files_are_bad(tmp_path, monkeypatch):
    package = tmp_path / "data"
    shutil.copytree(DATA_DIR, package)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(package))
    at = open_page("overview")
    assert metrics(at)["Projects"] == "4"
    (package / "projects.csv").write_text("project_id\n", encoding="utf-8")
    at.run()
    assert not at.exception
    assert any("showing the last good data" in e.value for e in at.error)
    assert metrics(at)["Projects"] == "4"
