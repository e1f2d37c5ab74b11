"""No valid edit of the bundled data breaks the test suite.

Edits made in the app go to the database, never to `data/`, and the tests use databases
and state folders of their own. An edit of `data/` itself (a new report and its projects,
new lines for documented projects) passes the check and leaves unchanged the package the
bundled-data tests read: the records the seed documents and UNDP's file give. The slides
cope with the larger portfolio too: what does not fit is counted and written out in the
talking points."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.domain import figures
from dashboard.present.i18n import t
from dashboard.briefing.slides import SLIDE_BARS, SLIDE_FUNDERS, SLIDE_RESULTS, build_slide
from dashboard.config import ROOT
from dashboard.ingest.csv_package import read_tables
from dashboard.store.package import read_package
from helpers import BUNDLED, add_office_report, same_rows, view_of, write_as_sourced

PROJECTS = 70


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> Path:
    """A copy of the bundled package with the office's report added."""
    return add_office_report(Path(shutil.copytree(BUNDLED, tmp_path_factory.mktemp("grown") / "data")), PROJECTS)


def test_the_office_report_is_a_valid_edit(grown):
    package = read_package(grown)  # raises on any problem
    assert len(package["projects"]) == len(read_package(BUNDLED)["projects"]) + PROJECTS


def test_the_bundled_data_tests_read_the_same_package_after_the_edit(grown, as_sourced_dir, tmp_path):
    before, _ = read_tables(as_sourced_dir)
    after, _ = read_tables(write_as_sourced(grown, tmp_path / "data"))
    for name, frame in before.items():
        if frame is not None:
            assert same_rows(frame, after[name]) and same_rows(after[name], frame), name
    # ...and the bundled package still holds every record its sources give.
    edited, _ = read_tables(grown)
    assert all(same_rows(frame, edited[name]) for name, frame in before.items() if frame is not None)


def test_a_suite_run_leaves_an_exported_live_database_alone(tmp_path):
    # An office that exports its production settings in the shell that runs `make test`:
    # the tests must not read, seed or publish to that database or state folder.
    live = tmp_path / "live.sqlite"
    env = {**os.environ, "DASHBOARD_DATABASE_URL": f"sqlite:///{live}", "DASHBOARD_STATE_DIR": str(tmp_path / "live-state"), "DASHBOARD_DATA_DIR": str(tmp_path / "nowhere")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "tests/app/test_bundled_pages.py::test_good_governance_headline"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    assert not live.exists() and not (tmp_path / "live-state").exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slides_of_a_grown_portfolio_hold_what_reads_from_the_back_of_the_room(grown, lang):
    package = read_package(grown)
    view = view_of(package)
    reach, funding, timeline = (build_slide(n, package, view, lang) for n in (4, 5, 7))
    people = view["reach"]["unit"].eq("people").sum()
    assert people > SLIDE_BARS
    assert len(reach.chart.categories) == SLIDE_BARS and len(reach.figure.data[0].y) <= SLIDE_BARS
    assert max(reach.chart.series[next(iter(reach.chart.series))]) == view["reach"].loc[view["reach"]["unit"].eq("people"), "value"].max()
    assert len(reach.talking_points) > people  # a point for every figure, then that they are not summed
    funders = figures.funders(view)
    assert len(funders) > SLIDE_FUNDERS + 1
    assert len(funding.chart.categories) == SLIDE_FUNDERS + 1  # the largest, then the rest as one bar
    for kind in figures.AMOUNT_KINDS:
        if (series := funding.chart.series.get(t(f"col.{kind}", lang))) is not None:
            assert sum(v or 0 for v in series) == pytest.approx(funders[kind].sum())  # the folded bar keeps the portfolio's total
    uptake = view["milestones"]["kind"].eq("policy_uptake").sum()
    assert len([line for line in timeline.lines if line.startswith("★")]) == SLIDE_RESULTS and len(timeline.lines) == SLIDE_RESULTS + 1
    assert len(timeline.talking_points) > uptake  # the count, then every result
    # A count with nothing said of what it counts reads through its title, never as "5 None".
    twelfth = "Indicators in the 12th plan: 5 → 12th Five-Year Plan" if lang == "en" else "指标纳入十二五规划：5 → “十二五”规划"
    assert any(p.startswith(twelfth) for p in timeline.talking_points) and not any("None" in p or "nan" in p for p in timeline.talking_points)
