"""The bundled package says what the four source documents say.

Each test asserts a fact a document states (a value, a name, a date) and the section it
comes from; none counts the whole package, so a valid addition never breaks them.
"""

import pandas as pd

from dashboard.domain import figures
from helpers import SEED_DOCUMENTS, one, view_of

ALP, XIAOKANG, GOVERNANCE, IPRCC = "000_5b926ff52a23eeec", "001_27104a3adfc9f6dd", "002_fac5cfd25d319d64", "003_fd0242e68bc676bc"


def test_every_seed_document_is_a_source(bundled):
    documents = bundled["sources"].query("kind == 'document'")
    assert set(SEED_DOCUMENTS) <= set(documents["file_name"])


def test_good_governance_budget_dates_and_number(bundled):
    project = one(bundled["projects"], project_id="good-governance")
    assert (project["total_budget_usd"], project["undp_project_id"], project["start"], project["end"]) == (1_740_000, "00056242", "2007-07", "2011-12")
    funding = bundled["funding"].query("project_id == 'good-governance'")
    assert dict(zip(funding["funder_type"], funding["amount_usd"])) == {"undp": 1_000_000, "government": 740_000}
    assert set(funding["source_id"]) == {GOVERNANCE}
    assert one(bundled["locations"], project_id="good-governance", place_as_written="Xiangfan")[["province_code", "admin_level"]].tolist() == ["420000", "prefecture"]


def test_iprcc_funding_and_reach(bundled):
    view = view_of(bundled, projects=("iprcc-ssc",))
    assert figures.headline(view).funding_usd == 4_160_000
    assert figures.unnamed_funding(view) == (1_000_000, ["iprcc-ssc"])
    participants = one(bundled["reach"], project_id="iprcc-ssc", measure="participants")
    assert (participants["value"], participants["qualifier"], participants["period_from"]) == (1305, "exact", "2005")
    assert one(bundled["reach"], project_id="iprcc-ssc", measure="countries")["value"] == 96
    assert figures.projects_without_province(view) == ["iprcc-ssc"]  # South-South work has no province


def test_leadership_programme_more_than_500_is_a_lower_bound(bundled):
    reach = one(bundled["reach"], project_id="alp-3")
    assert (reach["value"], reach["qualifier"], reach["source_id"]) == (500, "lower_bound", ALP)
    funding = bundled["funding"].query("project_id == 'alp-3'")
    assert dict(zip(funding["funder_type"], funding["amount_usd"])) == {"undp": 2_000_000, "government": 1_000_000}
    places = bundled["locations"].query("project_id == 'alp-3'")
    assert set(places["place_as_written"]) == {"Jiangsu", "Hubei", "Guangdong"} and set(places["role"]) == {"training_of_trainers"}


def test_xiaokang_indicators_adopted_into_the_11th_plan(bundled):
    m = one(bundled["milestones"], milestone_id="xk-fyp11-indicators")
    assert (m["kind"], m["five_year_plan"], m["count"], m["date"], m["date_qualifier"]) == ("policy_uptake", 11, 22, "2006-09-26", "by")
    assert (m["source_id"], m["section"]) == (XIAOKANG, "II.2(1) Policy impacts")


def test_xiaokang_reports_no_funding_and_unnamed_pilot_provinces(bundled):
    funding = one(bundled["funding"], project_id="xiaokang")
    assert pd.isna(funding["amount_usd"]) and pd.isna(funding["funder"])  # a gap, not a zero
    assert pd.isna(one(bundled["locations"], project_id="xiaokang", place_as_written="5 pilot provinces")["province_code"])
    assert one(bundled["locations"], project_id="xiaokang", place_as_written="Yunnan")["role"] == "pilot_province"
    # Shanxi (山西, 140000) is a field-study province; its look-alike Shaanxi (陕西) is not named.
    assert one(bundled["locations"], project_id="xiaokang", place_as_written="Shanxi")["province_code"] == "140000"
    assert "610000" not in set(bundled["locations"]["province_code"].dropna())


def test_annual_review_meeting_date(bundled):
    source = one(bundled["sources"], source_id=XIAOKANG)
    assert source["date"] == "2006-09-26"
    assert one(bundled["milestones"], milestone_id="xk-annual-review")["date"] == "2006-09-26"
