"""Every page on the small fixture package, whose every figure is known, in both languages
and under several filter sets; and the filter bar driving every page."""

from __future__ import annotations

import pytest

from dashboard.present.i18n import STRINGS, placeholders
from helpers import PAGES, all_text, edit_cell, metrics, open_page, show_tables, shown

FILTER_SETS = {
    "none": {},
    "one project": {"project": "river"},
    "period": {"from": "2010", "to": "2011"},
    "province": {"province": "530000"},
    "nothing matches": {"project": "desk", "province": "530000"},
    "chinese": {"lang": "zh", "project": ["river", "coast"]},
}
PAGES_WITH_HEADER = [p for p in PAGES if p not in ("present", "history")]


@pytest.mark.parametrize("filters", list(FILTER_SETS), ids=list(FILTER_SETS))
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_error(page, filters):
    at = open_page(page, FILTER_SETS[filters])
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [shown(e.value) for e in at.error]
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", PAGES_WITH_HEADER)
def test_nothing_matches_says_so_on_every_page(page):
    at = open_page(page, FILTER_SETS["nothing matches"])
    assert [shown(w.value) for w in at.warning][:1] == ["No project matches these filters. Widen the period or clear a filter."]
    matching = open_page(page, {"project": "desk"})  # one project matches: no such warning
    assert not any(shown(w.value).startswith("No project matches") for w in matching.warning)


def test_overview_headline_figures():
    at = open_page("overview")
    assert metrics(at) == {
        "Projects": "3",
        "Published budget": "not reported",
        "Spending": "not reported",
        "Funders": "2",
        "Funding in the project documents": "US$ 800 K",
        "Largest participant figure": "250",
        "Provinces covered": "4",
        "Milestones achieved": "4",
    }
    captions = [shown(c.value) for c in at.caption]
    assert "1 project(s) have no amount in any source: Policy Desk" in captions
    assert "Basin planners trained (River Pilot). One of 2 figures for different audiences, not added up: see Reach" in captions
    assert "of which 2 policy uptake; 1 more planned" in captions
    assert shown(next(m for m in at.metric if shown(m.label) == "Funding in the project documents").help) == "Exact figure: US$ 800,000"


def test_overview_with_a_province_counts_only_what_is_there():
    at = open_page("overview", {"province": "420000"})
    assert metrics(at)["Projects working in Hubei"] == "1" and "Provinces covered" not in metrics(at)
    headings = [shown(h.value) for h in at.subheader]
    assert "Most recent milestones in Hubei" in headings


def test_overview_lists_the_latest_milestones_first():
    at = open_page("overview")
    latest = [shown(m.value) for m in at.markdown if shown(m.value).startswith("**") and " · " in shown(m.value) and "\n" in shown(m.value)]
    assert latest[:2] == ["**2014** · River Pilot  \nFinal review planned", "**2013** · Policy Desk  \nPolicy desk launched"]


def test_filters_from_the_url_change_the_figures():
    figures = metrics(open_page("overview", {"project": "river"}))
    assert (figures["Projects"], figures["Funding in the project documents"], figures["Participants reached"]) == ("1", "US$ 600 K", "250")


def test_filter_widgets_change_the_figures_and_the_url():
    at = open_page("overview")
    at.multiselect(key="provinces").set_value(["530000"]).run()
    assert metrics(at)["Projects working in Yunnan"] == "1"
    assert at.query_params["province"] in (["530000"], "530000")
    at.selectbox(key="year_from").set_value(2014).run()
    assert at.query_params["from"] in ("2014", ["2014"])
    assert metrics(at)["Projects working in Yunnan"] == "0"  # River Pilot ended in 2013
    assert shown(at.warning[0].value).startswith("No project matches")
    at.button[0].click().run()  # clear all filters
    assert metrics(at)["Projects"] == "3" and "province" not in at.query_params


def test_period_filter_says_what_it_left_out():
    at = open_page("overview", FILTER_SETS["period"])
    assert [shown(i.value) for i in at.info] == [
        "The period filter left out 1 project(s) and 1 milestone(s) with no usable dates: Policy Desk, coast-uptake."
    ]


@pytest.mark.parametrize("page", [p for p in PAGES if p != "history"])  # the history is the whole database's, unfiltered
def test_active_filters_are_written_on_every_page(page):
    at = open_page(page, {"project": "river", "province": "530000", "lang": "zh"})
    assert any("流域试点 · 2010—2014年 · 云南省" in shown(m.value) for m in at.markdown)


def test_map_page_lists_province_panel_and_national_work():
    at = open_page("map", {"province": "530000"})
    headings = [shown(h.value) for h in at.subheader]
    assert "In Yunnan" in headings and "National and international work (no province)" in headings
    panel = next(shown(m.value) for m in at.markdown if shown(m.value).startswith("**River Pilot**"))
    assert panel.split("  \n") == ["**River Pilot**: Pilot province, Project location", "Place as written in the source: Yunnan, Kunming", "Amount (USD): US$ 600,000", "Basin planners trained: 250 people"]
    # The province filter keeps only projects working there; unfiltered, national work is listed.
    assert not any("Policy Desk" in shown(m.value) for m in at.markdown)
    unfiltered = open_page("map")
    # The desk names no place at all: said as such, not as national work.
    assert any(shown(m.value) == "No place given by the sources (1): Policy Desk" for m in unfiltered.markdown)
    assert any("three coastal provinces (Project location)" in shown(m.value) for m in unfiltered.markdown)


def test_map_page_tables():
    at = open_page("map", tables=True)
    provinces = at.dataframe[0].value
    assert list(provinces.columns) == ["Province", "GB/T 2260 code", "Projects", "Projects and roles"]
    assert set(provinces["GB/T 2260 code"]) == {"530000", "520000", "440000", "420000"}
    national = next(d.value for d in at.dataframe if list(d.value.columns) == ["Date", "Project", "Title"])
    assert set(national["Title"]) == {"Final review planned", "Training recommendations taken up nationally", "Policy desk launched"}


def test_reach_page_marks_lower_bounds_and_names_projects_without_reach():
    at = open_page("reach", tables=True)
    people = at.dataframe[0].value
    assert list(people["Value"]) == ["250", "100"]
    assert list(people["Qualifier"]) == ["As reported", "Lower bound (more than)"]
    assert "Figures are not added across projects" in shown(at.caption[0].value)
    assert [shown(i.value) for i in at.info] == ["No reach figures reported for: Policy Desk."]


def test_funding_page_lists_funding_not_reported():
    at = open_page("funding", tables=True, section=("funding-section", "Project documents"))
    assert [shown(w.value) for w in at.warning] == [
        "Projects with no amount in any source (documents or UNDP's file): Policy Desk.",
        "US$ 50,000 is reported with no funder named (Coast Training).",
    ]
    table = next(d.value for d in at.dataframe if "Funder as named in the source" in d.value.columns)  # the documents' own lines
    assert list(table["Amount (USD)"]) == ["400,000", "200,000", "150,000", "50,000"]
    by_type = next(d.value for d in at.dataframe if "Share of reported funding (%)" in d.value.columns)
    assert list(by_type["Type of funder"]) == ["UNDP", "Government", "Funder not named"]
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"] * 2  # each figure of the open section, as CSV and workbook


def test_projects_page_detail_shows_every_fact():
    at = open_page("projects")
    at.selectbox(key="detail_project").set_value("river").run()
    assert shown(at.subheader[0].value) == "River Basin Pilot Project"
    facts = next(shown(m.value) for m in at.markdown if shown(m.value).startswith("- **Start**"))
    assert facts.split("\n") == [
        "- **Start**: Mar 2010",
        "- **End**: Dec 2013",
        "- **Status**: Completed",
        "- **UNDP project number**: 00012345",
        "- **Total budget (USD)**: US$ 600,000",
        "- **Themes**: Climate and environment, Rural development",
        "- **Source document**: River Basin Pilot: final report (fixture) (1. Summary)",
        "- **Note**:",
    ]
    sections = {shown(h.value): None for h in at.subheader[1:]}
    assert list(sections) == ["Partners", "Places", "Funding", "Reach", "Milestones", "Outputs", "Results indicators (as UNDP publishes them)"]
    partners, places, funding, reach, milestones = [d.value for d in at.dataframe[1:6]]
    assert list(partners["Partner"]) == ["River Basin Commission"]
    assert list(places["Place as written in the source"]) == ["Yunnan", "Kunming", "Guizhou"]
    assert list(funding["Amount (USD)"]) == ["400,000", "200,000"]
    assert list(reach["Audience"]) == ["Basin planners trained"]
    assert list(milestones["Date"]) == ["Jun 2011", "by 2012", "2014"]


def test_projects_page_says_what_a_project_does_not_report():
    at = open_page("projects")
    at.selectbox(key="detail_project").set_value("desk").run()
    assert [shown(w.value) for w in at.get("markdown") if shown(w.value) == "None reported."] == ["None reported."] * 6


def test_sources_page_lists_gaps_and_offers_downloads():
    at = open_page("sources")
    headings = [shown(h.value) for h in at.subheader]
    assert "Data gaps: what the sources do not report" in headings
    gaps = next(d.value for d in at.dataframe if "Field" in d.value.columns)
    assert len(gaps) == 17 and {"Funder", "UNDP project number", "Start"} <= set(gaps["Field"])
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download Excel", "All tables (Excel workbook to edit)", "Blank template (Excel)", "All tables (zipped CSV)"]


def test_presenter_steps_and_clamps_the_slide_number():
    at = open_page("present", {"slide": "1"})
    assert at.title[0].value == "UNDP China portfolio results"
    at.button(key="next").click().run()
    assert at.title[0].value == "Headline figures" and at.query_params["slide"] in ("2", ["2"])
    last = open_page("present", {"slide": "99"})
    assert last.title[0].value == "Source documents"
    last.run()  # AppTest opens the overview first; a browser opening /present rewrites at once
    assert last.query_params["slide"] in ("9", ["9"])  # clamped in the address too


def test_values_not_understood_are_named_and_dropped_from_the_address():
    at = open_page("overview", {"project": ["river", "nope"], "from": "soon", "lang": "xx", "utm_source": "mail"})
    assert [shown(n.value) for n in at.toast] == ["Left out of the address, not understood: project=nope, from=soon, utm_source=mail, lang=xx."]
    assert dict(at.query_params) == {"project": ["river"]} or dict(at.query_params) == {"project": "river"}
    assert metrics(at)["Projects"] == "1"
    clean = open_page("overview", {"project": "river"})
    assert not clean.toast
    assert [shown(n.value) for n in open_page("overview", {"slide": "99"}).toast] == ["There is no slide 99; slide 9 of 9 is shown."]


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_show_no_english_ui_string(page):
    texts = all_text(open_page(page, {"lang": "zh"}))
    english = [v["en"] for v in STRINGS.values() if not placeholders(v["en"])]
    # Whole texts must not be an English string; longer English strings must not appear
    # inside any text either. (Source section headings are quoted in English on purpose.)
    leaked = sorted({s for s in english if s in texts or (len(s) > 15 and any(s in x for x in texts))})
    assert leaked == [], leaked


def test_bad_data_with_no_earlier_good_data_tells_viewers_to_come_back(small_dir, monkeypatch):
    edit_cell(small_dir, "funding", 4, "amount_usd", "-150000")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(small_dir))
    at = open_page("overview")
    assert not at.exception and not at.error and not at.code
    assert [shown(i.value) for i in at.info] == ["The dashboard's data is being updated and is not ready yet. Please try again later."]


def test_the_data_steward_sees_every_problem(small_dir, monkeypatch):
    edit_cell(small_dir, "funding", 4, "amount_usd", "-150000")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(small_dir))
    monkeypatch.setenv("DASHBOARD_SHOW_PROBLEMS", "1")
    at = open_page("overview")
    assert not at.exception
    assert at.error[0].value.startswith("The data package has problems and there is no earlier good data")
    assert at.code[0].value == "funding.csv, row 4, column 'amount_usd': found '-150000'; expected a value of at least 0"


def test_last_good_data_is_kept_while_files_are_bad(small_dir, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(small_dir))
    at = open_page("overview")
    assert metrics(at)["Projects"] == "3"
    (small_dir / "projects.csv").write_text("project_id\n", encoding="utf-8")
    at.run()
    assert not at.exception and not at.error
    assert shown(at.caption[0].value).startswith("Data as checked on ")
    assert metrics(at)["Projects"] == "3"


def test_presenter_inserts_data_into_its_html_as_text(small_dir, monkeypatch):
    edit_cell(small_dir, "projects", 2, "short_title", '<img src=x onerror="alert(1)">River')
    edit_cell(small_dir, "milestones", 3, "count_unit", "<script>alert(2)</script>indicators")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(small_dir))
    at = open_page("present", {"slide": "7", "project": "river"})
    html = " ".join(shown(m.value) for m in at.markdown)
    assert "6 &lt;script&gt;alert(2)&lt;/script&gt;indicators" in html
    assert '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;River' in html
    assert "<script>" not in html and "<img" not in html


def test_a_figure_sends_its_table_only_once_its_table_view_is_open():
    at = open_page("reach")
    assert not any("Qualifier" in d.value.columns for d in at.dataframe)
    assert any("Qualifier" in d.value.columns for d in show_tables(at).dataframe)


def test_the_funding_page_draws_only_its_open_section():
    at = open_page("funding")
    headings = [shown(s.value) for s in at.subheader]
    assert "Largest funders across the portfolio (USD)" in headings and "Budget against spending by year (USD)" not in headings
    at.session_state["funding-section"] = "Budget and delivery"
    at.run()
    assert "Largest funders across the portfolio (USD)" not in [shown(s.value) for s in at.subheader]
    assert shown(at.caption[0].value).startswith("Budgets and spending as UNDP publishes them (IATI). ")
