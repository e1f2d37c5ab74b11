import pytest

from dashboard import metrics
from dashboard.filters import Filters, apply_filters
from dashboard.load import read_package


@pytest.fixture(scope="module")
def package():
    return read_package()


def view_of(package, **kwargs):
    return apply_filters(package, Filters(**kwargs))


def test_headline_of_the_bundled_portfolio(package):
    h = metrics.headline(view_of(package))
    assert h.projects == 4
    assert h.funding_usd == 3_000_000 + 1_740_000 + 4_160_000
    assert h.projects_without_funding == ["xiaokang"]
    # 500 is a lower bound ("more than 500"), so the total is one too.
    assert h.participants == 500 + 1305 and h.participants_is_lower_bound
    assert h.unnamed_places == 1
    assert h.provinces == len(set(package["locations"]["province_code"].dropna()))
    assert h.policy_uptake == int((package["milestones"]["kind"] == "policy_uptake").sum())


def test_headline_follows_filters(package):
    h = metrics.headline(view_of(package, projects=("iprcc-ssc",)))
    assert (h.projects, h.funding_usd, h.participants, h.participants_is_lower_bound) == (1, 4_160_000, 1305, False)
    assert h.provinces == 0
    assert metrics.headline(view_of(package, projects=("xiaokang",))).participants is None


def test_funding_by_type_shares(package):
    table = metrics.funding_by_type(view_of(package), "en")
    amounts = dict(zip(table["Type of funder"], table["Amount (USD)"]))
    assert amounts == {"Government": 4_740_000, "UNDP": 3_000_000, "Funder not named": 1_000_000, "Other": 160_000}
    assert table["Share of reported funding (%)"].sum() == pytest.approx(100, abs=0.2)


def test_cofinancing_compares_government_and_undp(package):
    table = metrics.cofinancing(view_of(package), "en").set_index("Project")
    assert table.loc["Public Sector Good Governance", "Government"] == 740_000
    assert table.loc["Public Sector Good Governance", "UNDP"] == 1_000_000


def test_unnamed_funding_is_reported_as_such(package):
    assert metrics.unnamed_funding(view_of(package)) == (1_000_000, ["iprcc-ssc"])
    table = metrics.funding_table(view_of(package, projects=("iprcc-ssc",)), "en")
    assert "Funder not named" in set(table["Funder"])


def test_every_display_table_names_its_source(package):
    view = view_of(package)
    for table in (
        metrics.funding_table(view, "en"),
        metrics.reach_table(view, "en"),
        metrics.location_table(view, "en"),
        metrics.milestone_table(view, view["milestones"], "en"),
        metrics.project_table(view, "en"),
    ):
        assert table["Source document"].notna().all() and table["Section"].notna().all()


def test_province_summary_roles_and_counts(package):
    summary = metrics.province_summary(view_of(package), "en").set_index("code")
    assert len(summary) == 34
    assert summary.loc["420000", "n_projects"] == 2  # Hubei: ALP (training of trainers) and good governance
    assert summary.loc["530000", "roles"] == ("pilot_province",)
    assert "Pilot province" in summary.loc["530000", "projects_roles"]
    assert summary.loc["650000", "n_projects"] == 0
    # Shanxi has two projects; Shaanxi, its look-alike, none.
    assert summary.loc["140000", "n_projects"] == 2 and summary.loc["610000", "n_projects"] == 0


def test_province_panel_lists_roles_and_project_wide_figures(package):
    panel = metrics.province_panel(view_of(package), "420000", "en")
    by_project = {p.project: p for p in panel}
    assert by_project["Public Sector Good Governance"].places_as_written == "Hubei, Xiangfan"
    assert by_project["Leadership Programme III"].roles == "Training of trainers"
    assert by_project["Leadership Programme III"].reach == ["Senior government officials trained: > 500 people"]


def test_national_work_is_listed(package):
    view = view_of(package)
    assert metrics.projects_without_province(view) == ["iprcc-ssc"]
    national = metrics.national_milestones(view)
    assert "xk-fyp11-indicators" in set(national["milestone_id"])


def test_timeline_frames(package):
    spans, points, bands = metrics.timeline_frames(view_of(package), "en")
    assert list(bands["name"]) == ["10th Five-Year Plan", "11th Five-Year Plan", "12th Five-Year Plan"]
    assert len(points) == package["milestones"]["date"].notna().sum()
    assert points["uptake"].sum() == 3  # the dated policy-uptake milestones
    notes = dict(zip(spans["label"], spans["note"]))
    assert notes["Xiaokang Programme"] == "Mar 2005 → end not reported"
    assert notes["Public Sector Good Governance"] == "Jul 2007 – Dec 2011"


def test_sources_of_lists_document_and_section(package):
    view = view_of(package, projects=("alp-3",))
    sources = metrics.sources_of([view["funding"]], view["sources"], "en")
    assert list(sources["Section"]) == ["Who finances it?"]
    assert sources["File"].iloc[0] == "000_5b926ff52a23eeec.txt"
