"""UNDP's published data through the pages, checked against the IATI file itself: each
expected figure is worked out here from the XML, independently of the importer."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest

from shapely.geometry import Point, shape

from helpers import BUNDLED, open_page, shown

IATI = BUNDLED / "iati" / "undp-china-2017.xml"


@pytest.fixture(autouse=True)
def bundled_package_served(monkeypatch, as_sourced_dir):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(as_sourced_dir))


def budgets_per_year(path: Path) -> dict[int, float]:
    """Every <budget> value summed by the year its period starts (UNDP publishes one revision per period)."""
    totals: dict[int, float] = defaultdict(float)
    for budget in ET.parse(path).getroot().iter("budget"):
        totals[int(budget.find("period-start").get("iso-date")[:4])] += float(budget.find("value").text)
    return totals


def spending(path: Path) -> float:
    """Every disbursement (type 3) and expenditure (type 4) value of the file, reversals (negative) included."""
    return sum(float(tr.find("value").text) for tr in ET.parse(path).getroot().iter("transaction")
               if tr.find("transaction-type").get("code") in ("3", "4"))


DELIVERY = ("funding-section", "Budget and delivery")


def frame_of(at, header: str):
    """The first table on the page with a column called `header`."""
    return next(d.value for d in at.dataframe if header in d.value.columns)


def test_the_headline_leads_with_the_published_budget_and_spending_of_the_file():
    at = open_page("overview")
    cards = {shown(m.label): m for m in at.metric}
    budget, spent = sum(budgets_per_year(IATI).values()), spending(IATI)
    assert shown(cards["Published budget"].help).endswith(f"Exact figure: US$ {budget:,.0f}")
    assert shown(cards["Spending"].help).endswith(f"Exact figure: US$ {spent:,.0f}")
    assert shown(cards["Published budget"].value) == f"US$ {budget / 1e6:.0f} M"  # 146 M: three figures
    captions = [shown(c.value) for c in at.caption]
    assert any(c.startswith(f"{spent / budget * 100:.0f}% of the published budget") for c in captions)
    # Only the project no source gives an amount for is said to have none: the Xiaokang
    # programme (its review report names no sum); every project of the file has budgets.
    assert "1 project(s) have no amount in any source: Xiaokang Programme" in captions
    assert shown(cards["Funding in the project documents"].value) == "US$ 8.9 M"  # never added to the budget


def test_the_headline_in_chinese_counts_in_wan_and_yi():
    cards = {shown(m.label): shown(m.value) for m in open_page("overview", {"lang": "zh"}).metric}
    budget = sum(budgets_per_year(IATI).values())
    assert cards["公开预算"] == f"{budget / 1e8:.2f}亿美元"


def test_funding_page_shows_budget_against_spending_per_year_from_the_file():
    at = open_page("funding", tables=True, section=DELIVERY)
    assert "Budget against spending by year (USD)" in [shown(s.value) for s in at.subheader]
    table = frame_of(at, "Spending").set_index("Year")
    expected = budgets_per_year(IATI)
    assert {int(y): float(str(v).replace(",", "")) for y, v in table["Budget"].items()} == expected


def commitments(path: Path, activities: tuple[str, ...] | None = None) -> dict[str, float]:
    """Incoming commitments (type 11) per provider as named, from the XML (optionally of some activities only)."""
    totals: dict[str, float] = defaultdict(float)
    for activity in ET.parse(path).getroot().iter("iati-activity"):
        if activities is not None and activity.findtext("iati-identifier") not in activities:
            continue
        for tr in activity.iter("transaction"):
            if tr.find("transaction-type").get("code") == "11" and tr.find("provider-org") is not None:
                name = "".join(tr.find("provider-org").itertext()).strip()
                if name:
                    totals[name] += float(tr.findtext("value"))
    return totals


def test_the_largest_funders_span_both_sources_each_once_with_its_type(bundled):
    from dashboard.present.tables import funders_table
    from helpers import view_of

    every = funders_table(view_of(bundled), "en")  # the page shows it fifty rows at a time
    assert every["committed_usd"].sum() == pytest.approx(sum(commitments(IATI).values()))  # every commitment of the file, once
    assert len(every) == len(set(every["funder"]))
    at = open_page("funding", tables=True)
    table = frame_of(at, "Type of funder")
    amount = {f: float(str(v).replace(",", "")) for f, v in zip(table["Funder"], table["Committed (UNDP's file)"]) if str(v) != "not reported"}
    published = commitments(IATI)
    assert table.iloc[0]["Funder"] == "Global Environment Fund Truste" and amount["Global Environment Fund Truste"] == published["Global Environment Fund Truste"]
    kinds = dict(zip(table["Funder"], table["Type of funder"]))
    assert (kinds["Global Environment Fund Truste"], kinds["Government of Norway"], kinds["Baidu Foundation"], kinds["Government of China"]) == (
        "Multilateral fund", "Bilateral donor (another government)", "Private sector", "Government (China)")
    # UNDP is named 'UNDP' by the documents and 'UNITED NATIONS DEVELOPMENT PROGRAMME' by the file: one row.
    assert (table["Type of funder"] == "UNDP").sum() == 1
    undp = table[table["Type of funder"] == "UNDP"].iloc[0]
    assert float(str(undp["In the project documents"]).replace(",", "")) == 3_000_000  # ALP III 2 M and good governance 1 M


def test_funding_by_type_across_the_portfolio_shares_each_kind_on_its_own():
    table = frame_of(open_page("funding", {"lang": "zh"}, tables=True), "占承诺比例（%）")
    shares = [float(v) for v in table["占承诺比例（%）"] if str(v) not in ("未报告", "nan")]
    assert sum(shares) == pytest.approx(100, abs=0.5)
    assert "多边基金" in set(table["出资方类型"])


def test_cofinancing_takes_one_source_per_project():
    table = frame_of(open_page("funding", tables=True), "Amounts from").set_index("Project")
    governance = table.loc["Public Sector Good Governance"]
    from_file = commitments(IATI, ("XM-DAC-41114-PROJECT-00047007", "XM-DAC-41114-OUTPUT-00056242"))
    assert governance["Amounts from"] == "UNDP's file (commitments)"
    assert float(str(governance["Government"]).replace(",", "")) == sum(v for k, v in from_file.items() if "CHINA" in k.upper())
    assert table.loc["Leadership Programme III", "Amounts from"] == "Project documents"  # not in UNDP's file


def test_project_detail_shows_results_verbatim_and_places_to_county():
    at = open_page("projects")
    at.selectbox(key="detail_project").set_value("undp-00041442").run()
    results = frame_of(at, "Target")
    assert results["Target"].str.contains("60 rural cooperatives", regex=False).any()
    at.selectbox(key="detail_project").set_value("undp-00069892").run()
    places = frame_of(at, "Prefecture or county")
    assert "Baisha Lizu Zizhixian" in set(places["Prefecture or county"]) and set(places["Province"]) == {"Hainan"}


def test_sources_page_lists_where_documents_and_published_data_differ():
    at = open_page("sources")
    differences = frame_of(at, "Published by UNDP (IATI)")
    number = differences[differences["Field"] == "UNDP project number"].iloc[0]
    assert (number["In the project documents"], number["Published by UNDP (IATI)"]) == ("00056242", "00047007")


def test_projects_table_pages_a_portfolio_larger_than_a_page(bundled):
    n = len(bundled["projects"])
    assert n > 50  # UNDP's file alone holds more projects than a page
    at = open_page("projects")
    assert f"Rows 1–50 of {n}" in [shown(c.value) for c in at.caption]
    at.number_input(key="projects-page").set_value(2).run()
    last = min(n, 100)
    assert f"Rows 51–{last} of {n}" in [shown(c.value) for c in at.caption]
    assert len(at.dataframe[0].value) == last - 50


def test_a_group_of_projects_joins_the_project_filter_and_the_address(bundled):
    projects = bundled["projects"]
    energy = [p for p, themes in zip(projects["project_id"], projects["themes"]) if "energy" in themes.split("|")]
    at = open_page("overview")
    label = next(o for o in at.selectbox(key="project_group").options if o.startswith("Theme: Energy"))
    assert label == f"Theme: Energy ({len(energy)})"
    at.selectbox(key="project_group").set_value(label).run()
    assert at.multiselect(key="projects").value == energy
    assert at.query_params["project"] == energy
    assert at.selectbox(key="project_group").value is None  # ready for the next group


def delivery_from_the_file(path: Path) -> tuple[int, list[tuple[float, float]]]:
    """Each project's budget and spending over the completed years (those before the last
    year with spending), worked out from the XML: a project activity with its outputs."""
    activities = {a.findtext("iati-identifier"): a for a in ET.parse(path).getroot().iter("iati-activity")}
    spending_years = [int(tr.find("transaction-date").get("iso-date")[:4]) for a in activities.values() for tr in a.iter("transaction")
                      if tr.find("transaction-type").get("code") in ("3", "4")]
    horizon = max(spending_years) - 1
    pairs = []
    for identifier, project in activities.items():
        if "-PROJECT-" not in identifier:
            continue
        members = [project] + [activities[r.get("ref")] for r in project.iter("related-activity") if r.get("type") == "2" and r.get("ref") in activities]
        budget = sum(float(b.findtext("value")) for a in members for b in a.iter("budget") if int(b.find("period-start").get("iso-date")[:4]) <= horizon)
        spent = sum(float(tr.findtext("value")) for a in members for tr in a.iter("transaction")
                    if tr.find("transaction-type").get("code") in ("3", "4") and int(tr.find("transaction-date").get("iso-date")[:4]) <= horizon)
        if budget > 0:
            pairs.append((round(budget), round(spent)))
    return horizon, sorted(pairs)


def test_delivery_by_project_matches_the_file_and_states_its_rule():
    at = open_page("funding", tables=True, section=DELIVERY)
    table = frame_of(at, "Flag")
    horizon, expected = delivery_from_the_file(IATI)
    shown_pairs = sorted((round(float(str(b).replace(",", ""))), round(float(str(s).replace(",", "")))) for b, s in zip(table["Budget"], table["Spending"]))
    assert shown_pairs == expected
    flagged = sum(s / b * 100 < 70 for b, s in expected)
    assert (table["Flag"] == "trails budget").sum() == flagged
    note = next(shown(c.value) for c in at.caption if shown(c.value).startswith("Delivery is spending"))
    assert f"completed years up to {horizon}" in note and f"{flagged} of {len(expected)} projects are flagged" in note and "below 70%" in note


def irrf_actuals(path: Path, code: str) -> dict[str, float]:
    """Activity -> latest period's actual of one corporate indicator, from the XML."""
    out = {}
    for activity in ET.parse(path).getroot().iter("iati-activity"):
        for indicator in activity.iter("indicator"):
            if "".join(indicator.find("title").itertext()).strip().endswith(code):
                periods = sorted((p.find("period-end").get("iso-date"), p.find("actual").get("value")) for p in indicator.iter("period"))
                out[activity.findtext("iati-identifier")] = float(periods[-1][1])
    return out


def test_the_scorecard_shows_a_shared_indicator_once_reported_by_its_projects():
    actuals = irrf_actuals(IATI, "1.3.2.A.3.1")
    at = open_page("results")
    card = frame_of(at, "% of target")
    rows = card[card["Indicator"].str.startswith("Output Indicator 1.3.2.A.3.1")]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["Project"].startswith(f"Country programme figure, reported by {len(actuals)} projects")
    assert float(row["Actual"].replace(",", "")) == next(iter(set(actuals.values())))  # one value, not a sum
    assert row["Counts"] == "People reached" and row["Reported by (projects)"] == str(len(actuals))
    caption = next(shown(c.value) for c in at.caption if shown(c.value).startswith("What each indicator counts"))
    rows_in_file = sum(1 for a in ET.parse(IATI).getroot().iter("iati-activity") for p in a.iter("indicator") for _ in (list(p.iter("period")) or [None]))
    assert f"for {rows_in_file} published rows" in caption and "reviewed by staff for 0" in caption


def test_the_scorecard_filters_by_measure_and_reads_in_chinese():
    at = open_page("results", {"lang": "zh"})
    at.multiselect(key="results-measure").set_value(["policy_uptake"]).run()
    card = frame_of(at, "目标完成率（%）")
    assert set(card["衡量内容"]) == {"政策采纳"} and len(card) >= 1
    assert "各状态的指标数" in [shown(s.value) for s in at.subheader]


def test_reach_lists_people_reached_indicators_beside_the_documents():
    at = open_page("reach", tables=True)
    table = frame_of(at, "Reported by (projects)")
    males = table[table["Indicator"].str.startswith("Output Indicator 1.3.2.A.1.1")]
    assert len(males) == 1 and float(males.iloc[0]["Actual"].replace(",", "")) == next(iter(set(irrf_actuals(IATI, "1.3.2.A.1.1").values())))


def test_the_overview_participant_figure_considers_the_people_reached_indicators():
    total = irrf_actuals(IATI, "1.3.2.A.3.1")  # the largest people figure the file publishes
    cards = {shown(m.label): m for m in open_page("overview").metric}
    assert cards["Largest participant figure"].value == f"{max(total.values()) / 1e3:.0f} K"
    at = open_page("overview", {"project": "iprcc-ssc"})  # a documented project with no indicators keeps its own figure
    assert {shown(m.label): m.value for m in at.metric}["Participants reached"] == "1,305"


PLACES = ("map-section", "Counties and places")


def places_below_province(province: str) -> set[tuple[float, float]]:
    """The points UNDP publishes for the province's places below it (<location> with
    <point><pos> and a prefecture, county or town), read from the XML here. Places named
    at province level carry the province's middle as their point; those are not places."""
    outline = next(shape(f["geometry"]) for f in json.loads((BUNDLED.parent / "geo" / "provinces.geojson").read_text())["features"] if f["properties"]["code"] == province)
    points = set()
    for location in ET.parse(IATI).getroot().iter("location"):
        pos, name = location.findtext("point/pos"), location.findtext("name/narrative") or ""
        if not pos or name.endswith((" Sheng", " Zizhiqu")) or name in ("Hainan", "China"):
            continue
        lat, lon = map(float, pos.split())
        if outline.buffer(0.05).contains(Point(lon, lat)):
            points.add((round(lon, 4), round(lat, 4)))
    return points


def test_the_places_map_draws_each_place_of_the_chosen_province_at_its_published_point():
    at = open_page("map", {"province": "460000"}, section=PLACES)
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    drawn = {tuple(p["pos"]) for p in next(x for x in deck["layers"] if x["id"] == "places-points")["data"]}
    assert drawn == places_below_province("460000") and len(drawn) == 10
    assert "Places in Hainan" in [shown(h.value) for h in at.subheader]


def test_choosing_a_place_narrows_the_province_panel_to_its_projects_until_cleared():
    at = open_page("map", {"province": "460000"}, section=PLACES)
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    xinying = next(p for p in next(x for x in deck["layers"] if x["id"] == "places-points")["data"] if p["tip"].startswith("Xinying\n"))
    def panel():
        return [shown(m.value) for m in at.markdown if "Place as written in the source" in shown(m.value)]

    panel_before = panel()
    assert len(panel_before) >= 2  # Xiaokang and the wetlands project both work in Hainan
    at.session_state["_chosen_place"] = xinying["key"]  # what a click on the dot keeps (state.choose_clicked_place)
    at.run()
    assert "At Xinying: 1 project(s)" in [shown(m.value) for m in at.markdown]
    assert len(panel()) == 1 and panel()[0].startswith("**Strengthen Wetland PA Hainan**")
    next(b for b in at.button if b.label == "Show the whole province").click().run()
    assert panel() == panel_before


def test_the_places_across_the_country_are_a_layer_switched_on():
    at = open_page("map", section=PLACES)
    assert not at.get("deck_gl_json_chart")
    assert any("switch on the places across the country" in shown(i.value) for i in at.info)
    at.toggle(key="places-country").set_value(True).run()
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    assert [x["id"] for x in deck["layers"]] == ["country-places"]
    assert any("place(s) across the country in grey" in shown(c.value) for c in at.caption)


def test_the_map_page_sends_one_map_at_a_time():
    provinces = open_page("map", {"province": "460000"})
    assert provinces.get("plotly_chart") and not provinces.get("deck_gl_json_chart")
    assert any("under Counties and places" in shown(c.value) for c in provinces.caption)
    places = open_page("map", {"province": "460000"}, section=PLACES)
    assert places.get("deck_gl_json_chart") and not places.get("plotly_chart")
