"""The charts and map of a view, made once per view and language and shared by every
session (and by the slides): building a figure costs far more than sending it."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain import figures, results, timeline
from dashboard.domain.filters import View, per_view
from dashboard.present import charts
from dashboard.present.i18n import t, term
from dashboard.present.province_map import province_map_figure
from dashboard.present.tables import budget_spending_table, cofinancing_table, delivery_table, FUNDERS_SHOWN, funding_by_kind_table, funding_by_type_table, funding_table, indicator_words, largest_funders_table, project_names, projects_roles_by_province, reporter, status_counts_table, reach_by_unit, timeline_frames
from dashboard.ingest.iati import short_title
from dashboard.schema.codelists import FUNDER_TYPES

FUNDER_LABEL = 34


def funder_order(lang: str) -> list[str]:
    """The kinds of funder in the order every chart colours them."""
    return [term("funder_type", f, lang) for f in FUNDER_TYPES]


@per_view
def map_figure(view: View, by_role: bool, lang: str, height: int, hover: bool) -> go.Figure:
    """The province map of the view, the chosen provinces outlined; with tooltips for the web."""
    summary = figures.province_summary(view)
    tips = projects_roles_by_province(summary, view, lang) if hover else None
    return province_map_figure(summary, by_role, set(view.filters.provinces), lang, hover=tips, height=height)


@per_view
def funding_figure(view: View, lang: str) -> go.Figure:
    """Funding by project, stacked by kind of funder."""
    return charts.stacked_bars(funding_table(view, lang), "project", "amount_usd", "funder_type", t("col.amount_usd", lang), lang, funder_order(lang))


@per_view
def funding_share_figure(view: View, lang: str) -> go.Figure:
    """Reported funding by kind of funder, with shares."""
    return charts.share_bars(funding_by_type_table(view, lang), "funder_type", "amount_usd", "share", t("col.amount_usd", lang), lang, funder_order(lang))


COFINANCING_SHOWN = 12  # projects on the chart; the table lists every one


@per_view
def cofinancing_figure(view: View, lang: str) -> go.Figure:
    """Government and UNDP contributions side by side, for the projects with the most of them."""
    series = {c: term("funder_kind", c, lang) for c in ("government", "undp")}
    table = cofinancing_table(view, lang)
    shown = table.assign(_total=table[["government", "undp"]].sum(axis=1)).nlargest(COFINANCING_SHOWN, "_total", keep="first").sort_index()
    shown = shown.drop(columns=["_total", "amount_source"]).assign(project=lambda f: [short_title(p, FUNDER_LABEL) for p in f["project"]])
    return charts.grouped_bars(shown.rename(columns=series), "project", list(series.values()), t("col.amount_usd", lang), lang)


@per_view
def funders_figure(view: View, lang: str, shown: int = FUNDERS_SHOWN, kinds: tuple[str, ...] = figures.AMOUNT_KINDS) -> go.Figure:
    """The `shown` largest funders across the portfolio (the rest as one bar), each kind of
    amount in `kinds` its own bar."""
    series = {c: t(f"col.{c}", lang) for c in figures.AMOUNT_KINDS}
    table = largest_funders_table(view, lang, shown).rename(columns=series)
    table = table.assign(funder=[short_title(f, FUNDER_LABEL) for f in table["funder"]])
    present = [series[c] for c in kinds if table[series[c]].notna().any()]
    return charts.grouped_bars(table, "funder", present, t("col.amount_usd", lang), lang, list(series.values()))


@per_view
def funding_by_kind_figure(view: View, lang: str) -> go.Figure:
    """Commitments and documented funding per type of funder, each kind of amount its own bar."""
    series = {c: t(f"col.{c}", lang) for c in figures.AMOUNT_KINDS}
    table = funding_by_kind_table(view, lang).rename(columns=series)
    present = [name for name in list(series.values())[:2] if table[name].notna().any()]
    return charts.grouped_bars(table, "funder_kind", present, t("col.amount_usd", lang), lang, list(series.values()))


@per_view
def budget_spending_figure(view: View, lang: str) -> go.Figure:
    """Budget against spending, one pair of bars per year."""
    series = {"budget_usd": t("col.budget_usd", lang), "spending_usd": t("col.spending_usd", lang)}
    table = budget_spending_table(view, lang).rename(columns=series)
    return charts.grouped_bars(table, "year", list(series.values()), t("col.amount_usd", lang), lang)


DELIVERY_SHOWN = 12  # bars a phone scrolls past comfortably; the table has every project
DELIVERY_LABEL = 20  # characters of a project's name beside its delivery rate


@per_view
def delivery_figure(view: View, lang: str) -> go.Figure:
    """Budget against spending for the projects with the lowest delivery, each named with its
    delivery rate (and the flag where spending trails the budget)."""
    series = {"budget_usd": t("col.budget_usd", lang), "spending_usd": t("col.spending_usd", lang)}
    table = delivery_table(view, lang).head(DELIVERY_SHOWN)
    # Short enough for a phone: the name's start, the rate, and the flag in a word.
    label = [f"{short_title(p, DELIVERY_LABEL)} · {d:.0f}%" + (f" · {t('funding.behind', lang)}" if flag else "")
             for p, d, flag in zip(table["project"], table["delivery_pct"], table["trails"])]
    return charts.grouped_bars(table.assign(project=label).rename(columns=series), "project", list(series.values()), t("col.amount_usd", lang), lang)


@per_view
def portfolio_per_year_figure(view: View, lang: str, labelled: bool = False) -> go.Figure:
    """The portfolio year by year (for views too large for a row per project): projects
    active as a line, milestones and policy-uptake results as columns, quiet runs folded."""
    names = {c: t(f"col.{c}", lang) for c in ("projects_active", "uptake", "other_achieved", "milestones_planned")}
    table = timeline.portfolio_per_year(view).rename(columns=names)
    labels, rows = charts.folded_years(table, "year", list(names.values()), lambda a, b: t("milestones.quiet_years", lang, first=a, last=b))
    parts = [names["uptake"], names["other_achieved"], names["milestones_planned"]]
    return charts.year_columns(labels, rows, parts, names["projects_active"], t("milestones.count_axis", lang), lang, labelled)


@per_view
def reach_figure(view: View, unit: str, lang: str) -> go.Figure:
    """The figures reached in `unit` (people or countries), lower bounds hatched."""
    table, labels, lower = reach_by_unit(view, unit, lang)
    return charts.reach_bars(table.assign(_label=labels), "_label", "value", lower, "", t(f"unit.{unit}", lang), lang)


@per_view
def timeline_figure(view: View, lang: str) -> go.Figure:
    """Projects, milestones and plan periods on one time axis."""
    spans, points, bands = timeline_frames(view, lang)
    return charts.timeline(spans, points, bands, "", lang)


STATUS_SHOWN = 12  # rows on the status chart; the scorecard lists every indicator


def status_figure(view: View, lang: str, by: str = "project", chosen: tuple = ((), (), "")) -> go.Figure:
    """The status chart: indicators per status for the STATUS_SHOWN projects (or themes) with most."""
    table = status_counts_table(view, lang, by, chosen).head(STATUS_SHOWN)
    parts = [c for c in table.columns if c != by]
    return charts.count_bars(table, by, parts, t("results.indicators_axis", lang), lang)


PEOPLE_SHOWN = 10  # bars on the chart of people-reached indicators; the table has every one


def people_indicator_figure(view: View, lang: str) -> go.Figure:
    """The largest latest actuals of people-reached indicators, one bar each, labelled with
    the indicator and who reports it; never summed."""
    f = results.chosen_figures(view, ("people_reached",)).dropna(subset=["actual_value"])
    f = f.sort_values("actual_value", ascending=False, kind="stable").head(PEOPLE_SHOWN)
    names = project_names(view.all_projects, lang)
    who = [reporter(ids, names, lang) for ids in f["projects"]]
    words = [indicator_words(i, d) for i, d in zip(f["indicator"], f["indicator_description"])]
    labels = [f"<b>{charts.plain(w)}</b><br>" + "<br>".join(charts.wrapped(charts.plain(x).split(" ")[:24], charts.BASE_FONT_SIZE, sep=" ")) for w, x in zip(who, words)]
    table = pd.DataFrame({"label": labels, "value": f["actual_value"].values})
    return charts.reach_bars(table, "label", "value", pd.Series(False, index=table.index), "", t("unit.people", lang), lang)
