"""Reader text shared by pages and slides: filters, headline cards, the province panel, facts."""

from dashboard.domain.filters import single_project_view
from dashboard.present.i18n import format_compact, format_usd_compact
from dashboard.present.text import filters_summary, headline_cards, project_facts, province_panel, source_lines
from dashboard.present.tables import sections_table
from helpers import view_of


def test_filters_summary_in_both_languages(small):
    view = view_of(small, projects=("river", "coast"), provinces=("530000",), year_from=2011, year_to=2013)
    assert filters_summary(view, "en") == "River Pilot, Coast Training · 2011–2013 · Yunnan"
    assert filters_summary(view, "zh") == "流域试点、沿海培训 · 2011—2013年 · 云南省"
    assert filters_summary(view_of(small), "en") == "All projects · 2010–2014 · All provinces"


def test_headline_cards(small):
    cards = {c.label: c for c in headline_cards(view_of(small), "en")}
    assert cards["Projects"].value == "3"
    # The small package has no published budgets or transactions: those are gaps, and the
    # documented funding is named as what it is.
    assert (cards["Published budget"].value, cards["Spending"].value) == ("not reported", "not reported")
    assert cards["Funding in the project documents"].value == "US$ 800 K"
    assert cards["Funding in the project documents"].help == "Exact figure: US$ 800,000"
    assert cards["Funding in the project documents"].note == "1 project(s) have no amount in any source: Policy Desk"
    assert cards["Funders"].value == "2"
    # Two audiences: the larger figure, saying whom it counts, and never 250 + 100.
    people = cards["Largest participant figure"]
    assert people.value == "250"
    assert people.note == "Basin planners trained (River Pilot). One of 2 figures for different audiences, not added up: see Reach"
    assert cards["Provinces covered"].note == "plus 1 place(s) the sources do not name"
    assert cards["Milestones achieved"].note == "of which 2 policy uptake; 1 more planned"
    assert cards["Projects"].line("en") == "Projects: 3"


def test_one_participant_figure_keeps_its_lower_bound(small):
    cards = {c.label: c for c in headline_cards(view_of(small, projects=("coast",)), "zh")}
    assert cards["受益人数"].value == "> 100" and cards["受益人数"].note == "对象：接受培训的官员（沿海培训）"


def test_with_a_province_chosen_every_card_says_what_it_counts(small):
    cards = headline_cards(view_of(small, provinces=("530000",)), "en")
    labels = [c.label for c in cards]
    assert labels == ["Projects working in Yunnan", "Their published budget, project-wide", "Their spending, project-wide", "Their funders",
                      "Their documented funding, project-wide", "Participants reached", "Places named in Yunnan", "Milestones of these projects"]
    places = cards[6]
    assert places.value == "2" and places.note == "Roles there: Pilot province, Project location"  # Yunnan and Kunming
    assert "Provinces covered" not in labels  # a project-wide count of provinces would read as Yunnan's


def test_headline_cards_show_gaps_as_gaps(small):
    cards = {c.label: c.value for c in headline_cards(view_of(small, projects=("desk",)), "zh")}
    # No project in view reports funding or reach: "not reported", never a 0.
    assert cards["项目文件所载资金"] == "未报告" and cards["受益人数"] == "未报告" and cards["出资方"] == "未报告"


def test_compact_amounts_in_each_language():
    assert [format_usd_compact(v, "en") for v in (8_900_000, 1_740_000, 160_000, 9_999)] == ["US$ 8.9 M", "US$ 1.74 M", "US$ 160 K", "US$ 9,999"]
    assert [format_usd_compact(v, "zh") for v in (8_900_000, 1_740_000, 160_000, 123_456_789)] == ["890万美元", "174万美元", "16万美元", "1.23亿美元"]
    assert format_compact(1305, "zh") == "1,305"


def test_province_panel(small):
    (entry,) = province_panel(view_of(small), "530000", "en")
    assert (entry.project, entry.roles, entry.places_as_written, entry.funding) == ("River Pilot", "Pilot province, Project location", "Yunnan, Kunming", "US$ 600,000")
    assert entry.reach == ["Basin planners trained: 250 people"]
    (coast,) = province_panel(view_of(small), "420000", "en")
    assert coast.reach == ["Officials trained: > 100 people", "Countries sending officials: 12 countries"]


def test_every_fact_of_a_project(small):
    facts = project_facts(single_project_view(view_of(small), "river"), "en")
    assert facts == {
        "Start": "Mar 2010",
        "End": "Dec 2013",
        "Status": "Completed",
        "UNDP project number": "00012345",
        "Total budget (USD)": "US$ 600,000",
        "Themes": "Climate and environment, Rural development",
        "Source document": "River Basin Pilot: final report (fixture) (1. Summary)",
        "Note": "",
    }
    desk = project_facts(single_project_view(view_of(small), "desk"), "en")
    assert (desk["Start"], desk["Status"], desk["UNDP project number"]) == ("not reported", "not reported", "not reported")
    assert desk["Total budget (USD)"] == "not stated as a total (see Funding)"


def test_source_lines(small):
    view = view_of(small, projects=("coast",))
    assert source_lines(sections_table([view["reach"]], view["sources"], "en")) == ["Coastal Training: project brief (fixture) (doc-coast.txt): Results"]


def test_source_lines_list_three_sections_per_source_and_count_the_rest():
    import pandas as pd

    from dashboard.present.text import source_lines

    sections = pd.DataFrame({"source": ["Data"] * 5 + ["Brief"], "file_name": ["d.xml"] * 5 + ["b.txt"], "section": ["a", "b", "c", "d", "e", "Who"]})
    assert source_lines(sections) == ["Data (d.xml): a; b; c; … (+2)", "Brief (b.txt): Who"]


def test_long_name_lists_stop_at_five_and_count_the_rest():
    from dashboard.present.i18n import join_names

    names = [f"P{i}" for i in range(1, 9)]
    assert join_names(names, "en") == "P1, P2, P3, P4, P5 and 3 more"
    assert join_names(names, "zh") == "P1、P2、P3、P4、P5等另外3个"
    assert join_names(names[:6], "en") == "P1, P2, P3, P4, P5, P6"  # one more is named, not counted
