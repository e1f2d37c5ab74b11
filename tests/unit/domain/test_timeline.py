"""The timeline over the whole portfolio: every year of its period counted when it has more
projects than rows, projects active per year from their own dates, and UNDP's policy-uptake
indicators that happened as marks dated by their period's end, a shared one once."""

from __future__ import annotations

import csv

import pandas as pd

from dashboard.domain import timeline
from dashboard.present import charts
from dashboard.present.tables import timeline_frames
from dashboard.store.package import read_package
from helpers import BUNDLED, read_rows, view_of

RESULT = {"output_id": "", "result_kind": "outcome", "result_title": "Outcome", "indicator_description": "", "period_start": "2011-01-01",
          "baseline_year": "", "baseline_value": "0", "baseline_text": "", "target_text": "", "actual_text": "", "measure": "policy_uptake",
          "measure_basis": "reviewed by Test Officer on 2026-12-01", "source_id": "doc-river", "section": "Results", "note": "", "note_zh": ""}


def with_results(directory, rows: list[dict]):
    """The package in `directory` with these results rows (results.csv written whole)."""
    columns = (BUNDLED / "results.csv").read_text(encoding="utf-8").splitlines()[0].split(",")  # the table's header, translations included
    with open(directory / "results.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, columns)
        writer.writeheader()
        for i, row in enumerate(rows, 1):
            writer.writerow({**RESULT, "line": str(i), **row})
    return read_package(directory)


def year(text: str) -> int | None:
    return int(text[:4]) if text else None


def test_every_year_of_the_portfolio_counts_its_active_projects_and_its_milestones(as_sourced_dir, bundled):
    projects = read_rows(as_sourced_dir, "projects")
    milestones = [m for m in read_rows(as_sourced_dir, "milestones") if m["date"]]
    spans = [(year(p["start"]), year(p["end"])) for p in projects if p["start"] and p["end"]]
    marks = [year(m["date"]) for m in milestones]
    first, last = min([s for s, _ in spans] + marks), max([e for _, e in spans] + marks)
    per_year = timeline.portfolio_per_year(view_of(bundled))
    assert list(per_year["year"]) == list(range(first, last + 1))  # the quiet years too
    assert (first, last) == (1991, 2025)  # UNDP's support to SCOPSR began in 1991; the last project ends in 2025
    for y, active in zip(per_year["year"], per_year["projects_active"]):
        assert active == sum(1 for s, e in spans if s <= y <= e), y
    counted = per_year[["uptake", "other_achieved", "milestones_planned"]].sum(axis=1)
    for y, n in zip(per_year["year"], counted):
        assert n == sum(1 for m in milestones if year(m["date"]) == y), y
    uptake = {y: sum(1 for m in milestones if year(m["date"]) == y and m["kind"] == "policy_uptake" and m["status"] == "achieved") for y in per_year["year"]}
    assert dict(zip(per_year["year"], per_year["uptake"])) == uptake


def test_a_portfolio_of_more_projects_than_rows_is_counted_per_year(bundled, small):
    assert len(view_of(bundled).project_ids) > timeline.TIMELINE_ROWS and timeline.timeline_by_year(view_of(bundled))
    assert not timeline.timeline_by_year(view_of(small))
    one = view_of(bundled, projects=("good-governance",))
    assert not timeline.timeline_by_year(one)
    assert list(timeline.timeline_projects(one)["project_id"]) == ["good-governance"]


def test_an_uptake_indicator_that_happened_is_a_mark_at_its_period_end_and_a_shared_one_counts_once(small_dir):
    shared = {"indicator": "Number of provincial plans that adopt basin indicators", "period_end": "2012-12-31", "target_value": "2", "actual_value": "2"}
    package = with_results(small_dir, [
        {"project_id": "river", **shared},
        {"project_id": "coast", **shared},  # the same figure published by a second project
        {"project_id": "river", "indicator": "Coastal strategy approved", "period_end": "2013-06-30", "target_value": "1", "actual_value": "0"},  # not yet
        {"project_id": "coast", "indicator": "Regulation on coastal zoning issued", "period_end": "2013-06-30", "target_value": "", "actual_value": "",
         "actual_text": "The regulation was issued by the provincial government"},
    ])
    view = view_of(package)
    marks = timeline.uptake_marks(view)
    assert len(marks) == 2  # the shared indicator once, the qualitative one whose words say it happened; not the one behind
    assert [w.strftime("%Y-%m-%d") for w in marks["when"]] == ["2012-12-31", "2013-06-30"]
    per_year = timeline.portfolio_per_year(view).set_index("year")
    milestones = view["milestones"].dropna(subset=["date_first"])
    documented = milestones[(milestones["kind"] == "policy_uptake") & (milestones["status"] == "achieved")]["date_first"].dt.year.value_counts()
    assert per_year.loc[2012, "uptake"] == documented.get(2012, 0) + 1
    assert per_year.loc[2013, "uptake"] == documented.get(2013, 0) + 1
    # On the timeline: a mark on the row of the first project reporting it, said to be shared.
    _, points, _ = timeline_frames(view, "en")
    indicators = points[points["kind"] == "Policy uptake (UNDP results indicator)"]
    assert len(indicators) == 2 and indicators["uptake"].all()
    assert indicators.iloc[0]["label"] == "River Pilot" and "Country programme" in indicators.iloc[0]["title"]


def test_quiet_runs_of_years_fold_into_one_column_and_short_ones_stay():
    table = pd.DataFrame({"year": range(2000, 2012), "a": [1, 0, 0, 0, 0, 0, 2, 0, 0, 3, 0, 1]})
    labels, rows = charts.folded_years(table, "year", ["a"], lambda a, b: f"{a}-{b}")
    assert labels == ["2000", "2001-2005", "2006", "2007", "2008", "2009", "2010", "2011"]
    assert list(rows["a"]) == [1, 0, 2, 0, 0, 3, 0, 1]


def test_year_labels_are_every_fifth_year_and_a_first_year_only_when_it_stands_apart():
    labels = ["1991", "1992-2003", "2004", "2005", "2006", "2007", "2008", "2009", "2010"]
    assert charts.year_ticks(labels)["tickvals"] == ["2005", "2010"]
    assert charts.year_ticks(["2001", "2002", "2003", "2004", "2005"])["tickvals"] == ["2001", "2005"]
