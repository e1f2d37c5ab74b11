"""The timeline's marks beyond the documents' milestones, and the portfolio counted per
year when it is too large for a row per project.

A policy-uptake indicator whose actual shows the change happened is a mark dated by the
end of the period that actual belongs to; an indicator several projects report alike is
one mark (results.indicator_figures keeps it once).
"""

from __future__ import annotations

import pandas as pd

from dashboard.domain.filters import View, per_view
from dashboard.domain.results import indicator_figures, uptake_happened


# More projects than this and a timeline stops being read at a glance: the portfolio is
# then counted per year.
TIMELINE_ROWS = 12


def timeline_by_year(view: View) -> bool:
    """Whether the timeline counts per year: more projects in view than rows a timeline is read by."""
    return len(view.project_ids) > TIMELINE_ROWS


@per_view
def timeline_projects(view: View) -> pd.DataFrame:
    """The projects the timeline draws a row for: those in view, and the project of any
    milestone in view (the period may set a project aside while its milestone is in range)."""
    shown = list(dict.fromkeys([*view.project_ids, *view["milestones"]["project_id"]]))
    return view.all_projects.set_index("project_id").loc[shown].reset_index()


@per_view
def uptake_marks(view: View) -> pd.DataFrame:
    """The policy-uptake indicators in view whose change happened, with a date: project_id
    (the first project reporting it), projects, reported_by, when (the end of its period),
    indicator, indicator_description, actual_value, actual_text, source_id, section."""
    f = indicator_figures(view)
    happened = f[uptake_happened(f)].copy()
    happened["when"] = pd.to_datetime(happened["period_end"], errors="coerce")
    happened = happened.dropna(subset=["when"])
    happened["project_id"] = [ids[0] for ids in happened["projects"]]
    return happened.sort_values("when", kind="stable").reset_index(drop=True)


@per_view
def portfolio_per_year(view: View) -> pd.DataFrame:
    """Per year of the portfolio's period (its first project start or dated mark to its last
    end or mark, within the years chosen when a period is set): projects_active (projects
    whose known dates span the year), uptake (policy-uptake milestones achieved and uptake
    indicators that happened), other_achieved (other milestones achieved) and
    milestones_planned. Every year in the period has a row, the quiet ones with zeros."""
    p = view["projects"]
    m = view["milestones"].dropna(subset=["date_first"])
    marks = uptake_marks(view)
    starts, ends = p["start_first"].dt.year, p["end_last"].dt.year
    years = pd.concat([starts, ends, m["date_first"].dt.year, marks["when"].dt.year]).dropna()
    if years.empty:
        return pd.DataFrame({c: pd.Series(dtype=int) for c in ("year", "projects_active", "uptake", "other_achieved", "milestones_planned")})
    first, last = int(years.min()), int(years.max())
    if view.period_active:
        first, last = max(first, view.filters.year_from), min(last, view.filters.year_to)
    index = pd.RangeIndex(first, last + 1, name="year")
    known = starts.notna() & ends.notna()
    active = [int(((starts[known] <= y) & (ends[known] >= y)).sum()) for y in index]
    year = m["date_first"].dt.year
    uptake = (m["kind"] == "policy_uptake") & (m["status"] == "achieved")
    counts = pd.DataFrame({
        "projects_active": active,
        "uptake": year[uptake].value_counts().reindex(index, fill_value=0).to_numpy() + marks["when"].dt.year.value_counts().reindex(index, fill_value=0).to_numpy(),
        "other_achieved": year[~uptake & (m["status"] == "achieved")].value_counts().reindex(index, fill_value=0).to_numpy(),
        "milestones_planned": year[m["status"] == "planned"].value_counts().reindex(index, fill_value=0).to_numpy(),
    }, index=index)
    return counts.astype(int).reset_index()
