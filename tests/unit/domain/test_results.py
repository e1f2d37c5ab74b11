"""Results indicators as figures: the wording rules, the latest period, an indicator shared
by projects counted once, a total that is not the sum of its parts, qualitative actuals,
the status rule, a reviewed measure surviving re-import, and figures checked against the
published XML parsed here."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.domain import results
from dashboard.ingest.measures import suggested_measure
from dashboard.store.imports import import_iati, write_package
from dashboard.store.package import read_package
from helpers import SMALL, view_of

IATI = Path(__file__).resolve().parents[3] / "data" / "iati" / "undp-china-2017.xml"
NAN = np.nan


class Rows:
    """A view holding only results rows (and no package, so nothing is memoised)."""

    package = None

    def __init__(self, rows: list[dict]):
        defaults = {"output_id": NAN, "result_title": "Integrated Results and Resources Framework (IRRF)", "indicator_description": NAN, "period_start": NAN,
                    "baseline_value": 0.0, "baseline_text": NAN, "target_value": NAN, "target_text": NAN, "actual_value": NAN, "actual_text": NAN,
                    "measure": NAN, "measure_basis": NAN, "source_id": "iati", "section": "s"}
        self.frame = pd.DataFrame([{**defaults, "line": i + 1, **r} for i, r in enumerate(rows)])

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frame


@pytest.mark.parametrize("wording, measure", [
    ("Number of additional males benefitting from livelihoods strengthened", "people_reached"),
    ("Total number of people above 15 years of age who acquired new jobs", "people_reached"),
    ("Women trained in leadership", "people_reached"),
    ("Number of standards and codes for green buildings approved by the local government authorities", "policy_uptake"),
    ("Provincial Wetlands Conservation Strategy approved by relevant provincial authorities", "policy_uptake"),
    ("Adoption of the national regulation on ozone-depleting substances", "policy_uptake"),
    ("Number of new partnership mechanisms with funding", "other"),
    ("Financial sustainability score (%) for protected areas", "other"),
    ("Number of officials trained; policy recommendations adopted by the ministry", "other"),  # fits both: not cleanly either
])
def test_wording_rules_suggest_a_measure_and_name_the_rule(wording, measure):
    suggested, basis = suggested_measure(wording)
    assert suggested == measure
    assert basis.startswith("rule: ")


IRRF = "Output Indicator 1.3.2.A.3.1"


def shared_rows(projects: tuple[str, ...], values_2016: float, values_2017: float) -> list[dict]:
    return [{"project_id": p, "indicator": IRRF, "indicator_description": "Total number of additional people benefitting", "period_end": f"{year}-12-31",
             "target_value": 500_000.0, "actual_value": value} for p in projects for year, value in ((2016, values_2016), (2017, values_2017))]


def test_an_indicator_shared_by_projects_is_one_figure_of_its_latest_period():
    view = Rows(shared_rows(("a", "b", "c"), 400_000.0, 598_288.0) + [{"project_id": "d", "indicator": "Output Indicator", "indicator_description": "Farmers trained",
                                                                        "period_end": "2017-12-31", "target_value": 100.0, "actual_value": 80.0}])
    figures = results.indicator_figures(view)
    shared = figures[figures["indicator"] == IRRF]
    assert len(shared) == 1  # not three (one per project), not six (one per period)
    row = shared.iloc[0]
    assert row["projects"] == ("a", "b", "c") and row["reported_by"] == 3
    assert row["actual_value"] == 598_288  # the latest period's actual: not 998,288 over two periods, nor 1.8 M over three projects
    assert figures.loc[figures["project_id"] == "d", "reported_by"].tolist() == [1]


def test_the_same_code_with_different_values_stays_each_projects_own():
    view = Rows(shared_rows(("a",), 1.0, 10.0) + shared_rows(("b",), 1.0, 20.0))
    figures = results.indicator_figures(view)
    assert sorted(figures["actual_value"]) == [10.0, 20.0] and set(figures["reported_by"]) == {1}


def test_a_published_total_that_is_not_the_sum_of_its_parts_is_shown_as_published():
    rows = [{"project_id": "a", "indicator": f"Output Indicator 1.3.2.A.{k}.1", "indicator_description": words, "period_end": "2017-12-31", "actual_value": value}
            for k, words, value in ((1, "Number of additional males benefitting", 358_460.0), (2, "Number of additional females benefitting", 209_828.0),
                                    (3, "Total number of additional people benefitting", 598_288.0))]
    figures = results.indicator_figures(Rows(rows))
    assert sorted(figures["actual_value"]) == [209_828, 358_460, 598_288]  # 568,288 appears nowhere
    assert (figures["measure"] == "people_reached").all()


@pytest.mark.parametrize("baseline, target, actual, words, expected", [
    (0, 100, 120, "", "achieved"),
    (0, 100, 100, "", "achieved"),
    (0, 100, 60, "", "on_track"),
    (0, 100, 20, "", "behind"),
    (50, 10, 8, "", "achieved"),  # a target below the baseline: lower is better
    (50, 10, 40, "", "behind"),
    (0, 100, NAN, "", "no_actual"),
    (0, 100, NAN, "Yes, extended to Zhejiang and Hunan province", "not_a_number"),
    (0, NAN, 5, "", "not_a_number"),
])
def test_status_follows_the_stated_rule(baseline, target, actual, words, expected):
    assert results.status(baseline, target, actual, words) == expected


def test_qualitative_actuals_are_not_a_number_and_keep_their_words():
    view = Rows([{"project_id": "a", "indicator": "Output Indicator", "indicator_description": "Basin plan approved by the city government",
                  "period_end": "2016-12-31", "target_text": "A completed and approved plan", "actual_text": "The plan was approved in May"}])
    figure = results.indicator_figures(view).iloc[0]
    assert figure["status"] == "not_a_number" and figure["actual_text"] == "The plan was approved in May"
    assert figure["measure"] == "policy_uptake" and results.uptake_happened(results.indicator_figures(view)).tolist() == [True]


def test_a_reviewed_measure_survives_reimport(tmp_path):
    out = tmp_path / "package"
    write_package(import_iati([IATI], SMALL).frames, out)
    frame = pd.read_csv(out / "results.csv", dtype=str, keep_default_na=False)
    pick = frame["indicator_description"].str.contains("partnership mechanisms")
    assert pick.any() and (frame.loc[pick, "measure"] == "other").all()
    frame.loc[pick, ["measure", "measure_basis"]] = ["policy_uptake", "reviewed by Li Wei on 2026-12-08"]
    frame.to_csv(out / "results.csv", index=False)
    again = import_iati([IATI], out).frames["results"]
    chosen = again[again["indicator_description"].str.contains("partnership mechanisms")]
    assert len(chosen) == pick.sum()
    assert set(chosen["measure"]) == {"policy_uptake"} and set(chosen["measure_basis"]) == {"reviewed by Li Wei on 2026-12-08"}
    others = again[~again["indicator_description"].str.contains("partnership mechanisms")]
    assert others["measure_basis"].str.startswith("rule: ").all()
    write_package(import_iati([IATI], out).frames, out)
    assert results.measure_counts(view_of(read_package(out))) == {"suggested": len(again) - pick.sum(), "reviewed": pick.sum()}


def xml_irrf_figures(path: Path) -> dict[str, dict[str, tuple[str, float]]]:
    """IRRF code -> activity -> (latest period end, its actual), from the XML."""
    out: dict[str, dict[str, tuple[str, float]]] = defaultdict(dict)
    for activity in ET.parse(path).getroot().iter("iati-activity"):
        ident = activity.findtext("iati-identifier")
        for indicator in activity.iter("indicator"):
            title = "".join(indicator.find("title").itertext()) if indicator.find("title") is not None else ""
            code = title.split()[-1] if "Indicator 1." in title or "Indicator 2." in title else None
            if not code:
                continue
            periods = [(p.find("period-end").get("iso-date"), p.find("actual")) for p in indicator.iter("period") if p.find("period-end") is not None]
            end, actual = max(periods, key=lambda x: x[0])
            if actual is not None and actual.get("value"):
                out[code][ident] = (end, float(actual.get("value")))
    return out


def test_shared_figures_match_the_xml(bundled):
    from_xml = xml_irrf_figures(IATI)
    figures = results.indicator_figures(view_of(bundled))
    people = figures[figures["indicator"].str.endswith("1.3.2.A.3.1")]
    activities = from_xml["1.3.2.A.3.1"]
    assert len(set(activities.values())) == 1  # the file repeats one figure in every project
    assert len(people) == 1 and people.iloc[0]["reported_by"] == len(activities) == 7
    assert people.iloc[0]["actual_value"] == next(iter(activities.values()))[1]
