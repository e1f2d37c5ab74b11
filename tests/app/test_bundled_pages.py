"""The bundled data through the pages: facts the source documents state, each for a
project or province chosen in the URL, so a valid addition to the package never breaks them."""

from __future__ import annotations

import pytest

from helpers import metrics, open_page, shown


@pytest.fixture(autouse=True)
def bundled_package_served(monkeypatch, as_sourced_dir):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(as_sourced_dir))


def test_good_governance_headline():
    figures = metrics(open_page("overview", {"project": "good-governance"}))
    assert (figures["Projects"], figures["Funding in the project documents"], figures["Participants reached"]) == ("1", "US$ 1.74 M", "not reported")


def test_iprcc_participants_and_unnamed_funder():
    assert metrics(open_page("overview", {"project": "iprcc-ssc"}))["Participants reached"] == "1,305"
    funding = open_page("funding", {"project": "iprcc-ssc"})
    assert "US$ 1,000,000 is reported with no funder named (IPRCC South-South Cooperation)." in [shown(w.value) for w in funding.warning]


def test_hubei_panel_shows_both_projects_and_the_city_as_written():
    at = open_page("map", {"province": "420000"})
    assert "In Hubei" in [shown(h.value) for h in at.subheader]
    text = " ".join(shown(m.value) for m in at.markdown)
    assert "Hubei, Xiangfan" in text and "Senior government officials trained: > 500 people" in text


def test_xiaokang_policy_uptake_into_the_11th_plan():
    at = open_page("milestones", {"project": "xiaokang"}, tables=True)
    # The result leads the page as text, before the timeline.
    texts = [shown(m.value) for m in at.markdown]
    assert texts.index("#### 22 indicators → 11th Five-Year Plan") < next(i for i, v in enumerate(texts) if v.startswith("1. "))
    assert "**by 26 Sep 2006** · Xiaokang Programme" in texts
    # The list in step with the chart names every milestone, including the twelve of 26 Sep 2006.
    listed = next(v for v in texts if v.startswith("1. "))
    assert "Jul 2006 – 26 Sep 2006 · Xiaokang Programme: 13 milestone(s)" in listed
    assert "★ Indicators from the draft Xiaokang Indicators System included in the 11th Five-Year Plan (Policy uptake)" in listed
    table = next(d.value for d in at.dataframe if "Count" in d.value.columns)
    row = table[table["Title"] == "Indicators from the draft Xiaokang Indicators System included in the 11th Five-Year Plan"].iloc[0]
    assert (row["Date"], row["Count"], row["Five-Year Plan"]) == ("by 26 Sep 2006", "22 indicators", "11th Five-Year Plan")


def test_good_governance_detail_in_chinese():
    at = open_page("projects", {"lang": "zh", "project": "good-governance"})
    facts = next(shown(m.value) for m in at.markdown if shown(m.value).startswith("- **"))
    assert "00056242" in facts
    assert "1,740,000 美元" in facts and "2007年7月" in facts
