"""Results indicators as figures a reader can trust.

- What an indicator counts (people reached, policy uptake, other): as stored, suggested by
  the wording rules of `ingest.measures` unless a person reviewed it.
- An indicator's figure is its latest period's actual, never a sum over periods.
- An indicator that several projects publish with the same code (or wording) and the same
  values is one figure of the country programme, reported by N projects: UNDP's corporate
  (IRRF) indicators repeat the programme's one figure in every contributing project.
- A status follows a stated rule from baseline, target and actual.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard.domain.filters import View, per_view
from dashboard.ingest.measures import UPTAKE_VERBS, measures

HAPPENED = re.compile(rf"\b{UPTAKE_VERBS}\b", re.I)
# 'Output Indicator 1.3.2.A.1.1': the code of a corporate (IRRF) indicator.
INDICATOR_CODE = re.compile(r"\b\d+(?:\.\d+)+(?:\.[A-Z](?:\.\d+)+)?\b")
ON_TRACK_SHARE = 0.5  # at least half the way from baseline to target
STATUSES = ("achieved", "on_track", "behind", "no_actual", "not_a_number")


def status(baseline: float, target: float, actual: float, actual_text: str) -> str:
    """The stated rule: no actual yet; not a number (target or actual only in words);
    achieved when the actual reaches the target (in the target's direction from the
    baseline); on track at least half the way from baseline to target; else behind."""
    if pd.isna(actual) and not actual_text:
        return "no_actual"
    if pd.isna(actual) or pd.isna(target):
        return "not_a_number"
    start = 0.0 if pd.isna(baseline) else baseline
    rising = target >= start
    if (actual >= target) if rising else (actual <= target):
        return "achieved"
    share = (actual - start) / (target - start) if target != start else 0.0
    return "on_track" if share >= ON_TRACK_SHARE else "behind"


def percent_of_target(target: float, actual: float) -> float:
    """Actual as a percentage of the target (NaN when either is not a number or the target is 0)."""
    if pd.isna(target) or pd.isna(actual) or target == 0:
        return np.nan
    return actual / target * 100


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def shared_key(indicator: str, description: str) -> str:
    """What makes two projects' indicators the same: the corporate code when the title has
    one, else the wording (case and spacing aside)."""
    code = INDICATOR_CODE.search(indicator or "")
    if code:
        return code[0]
    return " ".join(f"{indicator} {description}".casefold().split())


def latest_figures(results: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator of each project (and output): the row of its latest period."""
    identity = ["project_id", "output_id", "result_title", "indicator", "indicator_description"]
    ordered = results.assign(_end=results["period_end"].astype(object).fillna("")).sort_values(["_end", "line"], kind="stable")
    keys = ordered[identity].fillna("")
    return ordered[~keys.duplicated(keep="last")].drop(columns="_end")


@per_view
def indicator_figures(view: View) -> pd.DataFrame:
    """Every indicator in view as one figure: its latest period, its measure, status and
    percent of target; an indicator several projects publish alike is one row whose
    `projects` names them all (never added up, never each project's own)."""
    results = view["results"]
    columns = list(dict.fromkeys(["figure_id", "projects", "reported_by", "status", "percent_of_target", *results.columns, "measure", "measure_basis"]))
    if results.empty:  # the columns (and their types) of a figure, no rows
        return results.assign(figure_id="", projects=None, reported_by=0, status="", percent_of_target=np.nan, measure="", measure_basis="")[columns]
    latest = latest_figures(results)
    latest = latest.assign(**measures(latest).to_dict("series"))
    latest["_key"] = [shared_key(_text(i), _text(d)) for i, d in zip(latest["indicator"], latest["indicator_description"])]
    values = ["_key", "baseline_value", "baseline_text", "target_value", "target_text", "actual_value", "actual_text"]
    same = pd.Series([repr(row) for row in latest[values].itertuples(index=False)], index=latest.index)  # NaN reads 'nan' alike
    groups = latest.groupby(same, sort=False)["project_id"].agg(lambda ids: tuple(dict.fromkeys(ids)))
    latest["projects"] = same.map(groups)
    latest["reported_by"] = latest["projects"].map(len)
    # A shared figure is kept once: its latest period among the projects that report it.
    shared = latest["reported_by"] > 1
    latest["_same"] = same
    latest = pd.concat([latest[~shared], latest[shared].sort_values("period_end", na_position="first").drop_duplicates("_same", keep="last")])
    latest["status"] = [status(b, t, a, _text(x)) for b, t, a, x in zip(latest["baseline_value"], latest["target_value"], latest["actual_value"], latest["actual_text"])]
    latest["percent_of_target"] = [percent_of_target(t, a) for t, a in zip(latest["target_value"], latest["actual_value"])]
    latest["figure_id"] = [f"{p}/{line}" for p, line in zip(latest["project_id"], latest["line"])]
    return latest.drop(columns=["_key", "_same"]).sort_values(["reported_by", "project_id", "line"], ascending=[False, True, True])[columns].reset_index(drop=True)


def uptake_happened(figures: pd.DataFrame) -> pd.Series:
    """Policy-uptake figures whose actual shows the change happened: the target reached, or
    the actual's words say adopted, approved, issued …"""
    words = figures["actual_text"].astype(object).fillna("").astype(str)
    return (figures["measure"] == "policy_uptake") & ((figures["status"] == "achieved") | words.str.contains(HAPPENED))


def measure_counts(view: View) -> dict[str, int]:
    """How many indicator rows in view have a suggested measure and how many a reviewed one."""
    basis = measures(view["results"])["measure_basis"]
    reviewed = int(basis.str.startswith("reviewed").sum())
    return {"suggested": len(basis) - reviewed, "reviewed": reviewed}


@per_view
def chosen_figures(view: View, measures_chosen: tuple[str, ...] = (), statuses: tuple[str, ...] = (), theme: str = "") -> pd.DataFrame:
    """`indicator_figures` narrowed to the measures, statuses and theme chosen (none chosen: all)."""
    f = indicator_figures(view)
    keep = pd.Series(True, index=f.index)
    if measures_chosen:
        keep &= f["measure"].isin(measures_chosen)
    if statuses:
        keep &= f["status"].isin(statuses)
    if theme:
        themes = dict(zip(view.all_projects["project_id"], view.all_projects["themes"].fillna("").str.split("|")))
        keep &= [any(theme in themes.get(p, []) for p in ids) for ids in f["projects"]]
    return f[keep]
