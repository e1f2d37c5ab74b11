"""Figures as numbers, on the small fixture package (whose every value is known)."""

import pytest

from dashboard.domain import figures, timeline
from helpers import view_of


def test_headline(small):
    h = figures.headline(view_of(small))
    assert h.projects == 3
    assert h.funding_usd == 400_000 + 200_000 + 150_000 + 50_000
    assert h.projects_without_funding == ["desk"]
    # Two audiences (planners trained; "more than 100" officials): listed largest first, never added.
    assert list(h.participant_figures["value"]) == [250, 100]
    assert list(h.participant_figures["qualifier"]) == ["exact", "lower_bound"]
    assert (h.provinces, h.unnamed_places) == (4, 1)
    assert (h.milestones_achieved, h.policy_uptake, h.milestones_planned) == (4, 2, 1)


def test_headline_follows_the_filters(small):
    h = figures.headline(view_of(small, projects=("river",)))
    assert (h.projects, h.funding_usd, list(h.participant_figures["value"])) == (1, 600_000, [250])
    assert figures.headline(view_of(small, projects=("desk",))).participant_figures.empty


def test_funding_by_type_with_shares(small):
    table = figures.funding_by_type(view_of(small))
    assert list(table["funder_type"]) == ["undp", "government", "not_reported"]
    assert list(table["amount_usd"]) == [550_000, 200_000, 50_000]
    assert table["share"].sum() == pytest.approx(100, abs=0.2)


def test_cofinancing_compares_government_and_undp(small):
    table = figures.cofinancing(view_of(small)).set_index("project_id")
    assert (table.loc["river", "government"], table.loc["river", "undp"]) == (200_000, 400_000)
    assert table["government"].isna()["coast"] and table.loc["coast", "undp"] == 150_000


def test_unnamed_funding_and_projects_without_figures(small):
    view = view_of(small)
    assert figures.unnamed_funding(view) == (50_000, ["coast"])
    assert figures.projects_without_reach(view) == ["desk"]
    assert figures.projects_without_province(view) == ["desk"]
    assert list(figures.unnamed_places(view)["place_as_written"]) == ["three coastal provinces"]


def test_province_summary(small):
    summary = figures.province_summary(view_of(small)).set_index("code")
    assert len(summary) == 34
    # Kunming, a city, counts for Yunnan with its own role.
    assert summary.loc["530000", "roles"] == ("pilot_province", "project_location")
    assert summary.loc["530000", "project_roles"] == (("river", ("pilot_province", "project_location")),)
    assert summary.loc["420000", "n_projects"] == 1 and summary.loc["650000", "n_projects"] == 0


def test_projects_in_province(small):
    (river,) = figures.projects_in_province(view_of(small), "530000")
    assert (river.project_id, river.roles, river.places_as_written, river.funding_usd) == ("river", ["pilot_province", "project_location"], ["Yunnan", "Kunming"], 600_000)
    assert list(river.reach["value"]) == [250]


def test_milestones_by_place_date_and_kind(small):
    view = view_of(small)
    assert set(figures.national_milestones(view)["milestone_id"]) == {"river-review", "coast-uptake", "desk-launch"}
    assert set(figures.milestones_in_province(view, "530000")["milestone_id"]) == {"river-study", "river-uptake"}
    assert list(figures.milestones_by_recency(view["milestones"])["milestone_id"]) == ["river-review", "desk-launch", "river-uptake", "river-study"]
    assert list(figures.undated_milestones(view)["milestone_id"]) == ["coast-uptake"]
    assert set(figures.policy_uptake(view)["milestone_id"]) == {"river-uptake", "coast-uptake"}


def test_plans_and_timeline_projects_follow_the_period(small):
    assert list(figures.plans_in_period(view_of(small, year_from=2011, year_to=2012))["plan"]) == [12]
    # A milestone's project is drawn even when the period set the project aside.
    assert list(timeline.timeline_projects(view_of(small))["project_id"]) == ["river", "coast", "desk"]


def test_sources_behind_records(small):
    view = view_of(small, projects=("river",))
    sections = figures.source_sections([view["funding"], view["reach"]])
    assert list(zip(sections["source_id"], sections["section"])) == [("doc-river", "2. Budget"), ("doc-river", "4. Results")]
    counts = figures.records_per_source(small.tables).set_index(["source_id", "table"])["n"]
    assert counts[("doc-river", "locations")] == 3 and counts[("plan-ref", "five_year_plans")] == 2


def test_projects_beyond_provinces_say_why_they_have_none(small_dir):
    from dashboard.store.package import read_package
    from helpers import append_rows

    source = {"source_id": "doc-river", "section": "Test"}
    append_rows(small_dir, "locations", {"project_id": "desk", "place_as_written": "China", "admin_level": "country", "role": "project_location", **source})
    package = read_package(small_dir)
    beyond = figures.projects_beyond_provinces(view_of(package))
    assert beyond == {"country": ["desk"], "abroad": [], "no_place": []}


def _activity_sums(ids: tuple[str, ...]) -> tuple[float, float]:
    """Budget and spending (disbursement and expenditure) of the IATI activities `ids`,
    read from the bundled XML itself, not through the importer."""
    import xml.etree.ElementTree as ET

    from helpers import BUNDLED

    budget = spent = 0.0
    for activity in ET.parse(BUNDLED / "iati" / "undp-china-2017.xml").getroot().iter("iati-activity"):
        if activity.findtext("iati-identifier") in ids:
            budget += sum(float(b.findtext("value")) for b in activity.iter("budget"))
            spent += sum(float(tr.findtext("value")) for tr in activity.iter("transaction") if tr.find("transaction-type").get("code") in ("3", "4"))
    return budget, spent


def test_a_project_in_both_sources_keeps_each_kind_of_amount_apart(bundled):
    """Good governance: its brief gives US$ 1.74 M of funding; UNDP's file publishes its
    budgets and spending (as project 00047007 with output 00056242). Each is its own figure."""
    money = figures.money(view_of(bundled, projects=("good-governance",)))
    budget, spent = _activity_sums(("XM-DAC-41114-PROJECT-00047007", "XM-DAC-41114-OUTPUT-00056242"))
    assert (money.documented_usd, money.budget_usd, money.spending_usd) == (1_740_000, budget, spent)
    assert money.spending_share == pytest.approx(spent / budget * 100)
    assert money.projects_without_amount == []
    assert money.funders == 2  # UNDP and the Government of China, each named both ways in the two sources and counted once


def test_reports_no_funding_only_without_an_amount_in_any_source(bundled):
    money = figures.money(view_of(bundled))
    assert money.projects_without_amount == ["xiaokang"]
    assert figures.money(view_of(bundled, projects=("xiaokang",))).budget_usd is None  # a gap, not a zero


def test_funder_names_compare_across_sources():
    assert figures.funder_key("UNDP") == figures.funder_key("UNITED NATIONS  DEVELOPMENT PROGRAMME")
    assert figures.funder_key("Government of China (SCOPSR)") == figures.funder_key("GOVERNMENT OF CHINA")


@pytest.mark.parametrize("name, iati_type, documented, kind", [
    ("UNITED NATIONS DEVELOPMENT PROGRAMME", "40", None, "undp"),  # UNDP before its multilateral code
    ("UNDP", None, "undp", "undp"),
    ("Government (not specified)", None, "government", "government"),  # the documents' own type wins
    ("GOVERNMENT OF CHINA", "10", None, "government"),
    ("Sichuan Prov. Aca. Soc. Sci.", "10", None, "government"),  # a province places it in China
    ("GOVERNMENT OF NORWAY", "10", None, "bilateral"),
    ("DANISH GOV/MIN of FOREIGN AFF", None, None, "bilateral"),  # no type published: the name says government, not China's
    ("Global Environment Fund Truste", "40", None, "multilateral"),
    ("MONTREAL PROTOCOL", None, None, "multilateral"),
    ("Baidu Foundation", "60", None, "private"),
    ("Lenovo Group Ltd", None, None, "private"),
    ("OXFAM", "21", None, "other"),
    ("Someone", None, None, "other"),
])
def test_each_funder_gets_a_kind_by_a_stated_rule(name, iati_type, documented, kind):
    assert figures.funder_kind(name, iati_type, documented) == kind


def test_funders_keep_each_kind_of_amount_apart(small):
    table = figures.funders(view_of(small)).set_index("funder")
    assert set(table["kind"]) <= {"undp", "government", "other"}
    assert table["committed_usd"].isna().all()  # the small package publishes no transactions: a gap, not a zero
