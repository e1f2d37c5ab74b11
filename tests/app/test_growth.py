"""A correct data update never breaks the dashboard: a valid fifth project added to a copy
of the bundled package passes the check and shows on every page."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import PAGES, append_rows, metrics, open_page

SOURCE = {"source_id": "002_fac5cfd25d319d64", "section": "Test addition"}
FIFTH = {
    "project_id": "wetlands",
    "title": "Wetland Restoration Demonstration",
    "title_zh": "湿地修复示范项目",
    "short_title": "Wetlands Demo",
    "short_title_zh": "湿地示范",
    "description": "A fifth project added by a test.",
    "description_zh": "测试添加的第五个项目。",
    "start": "2008-01",
    "end": "2010-12",
    "status": "completed",
    "undp_project_id": "00070001",
    "total_budget_usd": "250000",
    "themes": "climate_environment",
    **SOURCE,
}


@pytest.fixture
def grown(bundled_dir, monkeypatch):
    """The bundled package plus one valid project with a record in every table."""
    append_rows(bundled_dir, "projects", FIFTH)
    append_rows(bundled_dir, "partners", {"project_id": "wetlands", "partner_as_named": "Wetland Bureau", "partner": "Wetland Bureau", "partner_zh": "湿地局", "role": "implementing_partner", "partner_type": "government", **SOURCE})
    append_rows(bundled_dir, "funding", {"project_id": "wetlands", "line": "1", "funder_as_named": "UNDP", "funder": "UNDP", "funder_zh": "联合国开发计划署", "funder_type": "undp", "amount_usd": "250000", "qualifier": "exact", **SOURCE})
    append_rows(bundled_dir, "locations", {"project_id": "wetlands", "place_as_written": "Qinghai", "province_code": "630000", "admin_level": "province", "role": "pilot_province", **SOURCE})
    append_rows(bundled_dir, "reach", {"project_id": "wetlands", "line": "1", "measure": "participants", "value": "80", "qualifier": "exact", "unit": "people", "audience": "Wardens trained", "audience_zh": "接受培训的管护人员", "period_from": "2008", "as_of": "2010-12", **SOURCE})
    append_rows(bundled_dir, "milestones", {"milestone_id": "wetlands-rules", "project_id": "wetlands", "date": "2010-06", "date_qualifier": "on", "kind": "policy_uptake", "title": "Wetland rules adopted by the province", "title_zh": "省级采纳湿地管理规定", "status": "achieved", "scope": "provincial", "province_code": "630000", **SOURCE})
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(bundled_dir))
    return bundled_dir


def test_the_grown_package_passes_the_check(grown):
    out = subprocess.run([sys.executable, "-m", "dashboard", "check", str(grown)], capture_output=True, text=True)
    assert out.returncode == 0 and "No errors." in out.stdout, out.stdout


@pytest.mark.parametrize("query", [{}, {"project": "wetlands"}, {"province": "630000", "lang": "zh"}], ids=["all", "the new project", "its province"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_the_fifth_project(grown, page, query):
    at = open_page(page, query)
    assert not at.exception and not at.error, [e.value for e in at.error]


def test_the_fifth_project_shows_its_figures(grown):
    figures = metrics(open_page("overview", {"project": "wetlands"}))
    assert (figures["Projects"], figures["Funding in the project documents"], figures["Participants reached"], figures["Provinces covered"]) == ("1", "US$ 250 K", "80", "1")
    # The projects table pages a large portfolio: sorted by title, the new project is on the last page.
    at = open_page("projects")
    at.selectbox(key="projects-sort").set_value("project_id").run()
    at.toggle(key="projects-descending").set_value(True).run()
    projects = at.dataframe[0].value
    assert "Wetland Restoration Demonstration" in set(projects["Title"])
    map_table = open_page("map", tables=True).dataframe[0].value.set_index("GB/T 2260 code")
    assert "Wetlands Demo (Pilot province)" in map_table.loc["630000", "Projects and roles"]
    milestones = open_page("milestones", {"project": "wetlands"}, tables=True).dataframe[0].value
    assert list(milestones["Title"]) == ["Wetland rules adopted by the province"]


def test_the_documents_facts_still_hold_beside_it(grown):
    assert metrics(open_page("overview", {"project": "good-governance"}))["Funding in the project documents"] == "US$ 1.74 M"
