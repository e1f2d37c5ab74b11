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
