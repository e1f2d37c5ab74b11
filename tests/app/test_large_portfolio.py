"""A portfolio of hundreds of projects (generated from UNDP's real activities): every page
renders, the project filter offers what a search finds, long tables come in pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.store.package import read_package
from dashboard.store.imports import import_iati, write_package
from helpers import PAGES, SMALL, open_page, shown

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """300 generated projects merged with the small fixture package."""
    folder = tmp_path_factory.mktemp("large")
    xml = folder / "generated.xml"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_iati.py"), "--projects", "300", "--out", str(xml)], check=True, capture_output=True)
    write_package(import_iati([xml], SMALL).frames, folder / "package")
    return folder / "package"


@pytest.fixture(autouse=True)
def large_package_served(monkeypatch, large):
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(large))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_a_large_portfolio(page):
    at = open_page(page, {"lang": "zh"})
    assert not at.exception and not at.error, [e.value for e in at.error]


def test_the_project_filter_offers_what_a_search_finds(large):
    projects = read_package(large)["projects"]
    at = open_page("overview")
    assert len(at.multiselect(key="projects").options) == 100
    assert any(shown(c.value).startswith(f"The list offers the first 100 of {len(projects)} projects found") for c in at.sidebar.caption)
    last = projects.iloc[-1]
    at.text_input(key="project_find").input(last["undp_project_id"]).run()
    assert at.multiselect(key="projects").options == [last["short_title"]]  # found by its UNDP number, shown by its name


def test_a_long_places_table_comes_in_pages(large):
    n = len(read_package(large)["locations"])
    at = open_page("map")
    assert n > 50 and f"Rows 1–50 of {n}" in [shown(c.value) for c in at.caption]


def test_a_busy_province_panel_pages_its_projects(large):
    from dashboard.domain.filters import Filters, apply_filters
    from dashboard.domain.figures import projects_in_province

    package = read_package(large)
    counts = package["locations"].dropna(subset=["province_code"]).groupby("province_code")["project_id"].nunique()
    code = counts.idxmax()
    n = len(projects_in_province(apply_filters(package, Filters()), code))
    assert n > 20
    at = open_page("map", {"province": code})
    assert f"Projects 1–20 of {n}" in [shown(c.value) for c in at.caption]
    at.number_input(key=f"panel-{code}").set_value(2).run()
    assert f"Projects 21–{min(40, n)} of {n}" in [shown(c.value) for c in at.caption]


def test_the_headline_and_funders_of_a_generated_portfolio_match_its_xml(large):
    """Budget, spending and commitments worked out from the generated XML itself, against
    what the overview and the funders table show for 300 projects."""
    import xml.etree.ElementTree as ET

    from dashboard.domain import figures
    from helpers import view_of

    root = ET.parse(large.parent / "generated.xml").getroot()
    budget = sum(float(b.findtext("value")) for b in root.iter("budget"))
    spent = sum(float(tr.findtext("value")) for tr in root.iter("transaction") if tr.find("transaction-type").get("code") in ("3", "4"))
    committed = sum(float(tr.findtext("value")) for tr in root.iter("transaction")
                    if tr.find("transaction-type").get("code") == "11" and "".join(tr.find("provider-org").itertext()).strip())
    cards = {shown(m.label): m for m in open_page("overview").metric}
    assert shown(cards["Published budget"].help).endswith(f"Exact figure: US$ {budget:,.0f}")
    assert shown(cards["Spending"].help).endswith(f"Exact figure: US$ {spent:,.0f}")
    funders = figures.funders(view_of(read_package(large)))
    assert funders["committed_usd"].sum() == pytest.approx(committed)
    assert funders["documented_usd"].sum() == 750_000  # the small package's named funders, never merged into the file's amounts
