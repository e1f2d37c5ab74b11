"""The briefing's slides for a filtered view: one builder per slide, shown by the presenter
page and written to PowerPoint or PDF. A slide holds text lines, at most one figure, and
the sources that go into its speaker notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import plotly.graph_objects as go

from dashboard.domain import figures
from dashboard.domain.filters import View
from dashboard.present import charts
from dashboard.present.i18n import format_partial_date, join_names, t, term
from dashboard.present.province_map import province_map_figure
from dashboard.present.tables import funding_table, project_names, reach_by_unit, sections_table, source_table, timeline_frames
from dashboard.present.text import headline_cards, source_lines, uptake_results
from dashboard.schema.codelists import FUNDER_TYPES
from dashboard.store.package import Package


def _sources(records: list, view: View, lang: str) -> list[str]:
    """The speaker notes' source lines for the records a slide shows."""
    return source_lines(sections_table(records, view["sources"], lang))


@dataclass
class Slide:
    """One slide: a key naming its kind, a title, text lines, an optional figure, sources."""

    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    figure: go.Figure | None = None
    sources: list[str] = field(default_factory=list)


def title_slide(package: Package, view: View, lang: str) -> Slide:
    """What the briefing covers, how current its sources are, and when it was made."""
    sources = package["sources"]
    dated = sources.dropna(subset=["date"])
    latest = format_partial_date(dated.sort_values("date")["date"].iloc[-1], lang) if len(dated) else t("date.unknown", lang)
    lines = [
        t("app.subtitle", lang),
        t("brief.documents", lang, n=int((sources["kind"] == "document").sum()), latest=latest),
        t("brief.generated", lang, date=format_partial_date(date.today().isoformat(), lang)),
    ]
    return Slide("title", t("app.title", lang), lines, sources=_sources([package["projects"]], view, lang))


def headline_slide(package: Package, view: View, lang: str) -> Slide:
    """The overview's headline figures, one line each."""
    records = [view["projects"], view["funding"], view["reach"], view["locations"], view["milestones"]]
    lines = [card.line(lang) for card in headline_cards(view, lang)]
    return Slide("headline", t("brief.headline", lang), lines, sources=_sources(records, view, lang))


def map_slide(package: Package, view: View, lang: str) -> Slide:
    """The province map, coloured as on the Map page, the chosen provinces outlined."""
    by_role = len(view.project_ids) == 1
    names = project_names(view.all_projects, lang)
    line = t("map.colour_role", lang, project=names[view.project_ids[0]]) if by_role else t("map.colour_count", lang)
    figure = province_map_figure(figures.province_summary(view), by_role, set(view.filters.provinces), lang)
    return Slide("map", t("map.title", lang), [line], figure, _sources([view["locations"]], view, lang))


def reach_slide(package: Package, view: View, lang: str) -> Slide:
    """Participants per project, lower bounds marked; never summed."""
    table, labels, lower = reach_by_unit(view, "people", lang)
    figure = charts.reach_bars(table.assign(_label=labels), "_label", "value", lower, "", t("unit.people", lang), lang) if len(table) else None
    return Slide("reach", t("reach.people", lang), [t("reach.not_summed", lang)], figure, _sources([view["reach"]], view, lang))


def funding_slide(package: Package, view: View, lang: str) -> Slide:
    """Funding per project and funder, and which projects report none."""
    names = project_names(view.all_projects, lang)
    missing = [names[p] for p in figures.projects_without_funding(view)]
    table = funding_table(view, lang)
    order = [term("funder_type", f, lang) for f in FUNDER_TYPES]
    amount = t("col.amount_usd", lang)
    figure = charts.stacked_bars(table, "project", "amount_usd", "funder_type", amount, lang, order) if table["amount_usd"].notna().any() else None
    lines = [t("funding.not_reported_projects", lang, names=join_names(missing, lang))] if missing else []
    return Slide("funding", t("funding.title", lang), lines, figure, _sources([view["funding"]], view, lang))


def timeline_slide(package: Package, view: View, lang: str) -> Slide:
    """The policy-uptake results as text (what, into which plan, when), then the timeline."""
    spans, points, bands = timeline_frames(view, lang)
    lines = [f"★ {u.line(lang)}" for u in uptake_results(view, lang)]
    figure = charts.timeline(spans, points, bands, "", lang) if len(spans) else None
    return Slide("timeline", t("milestones.title", lang), lines, figure, _sources([view["milestones"], view["projects"]], view, lang))


def sources_slide(package: Package, view: View, lang: str) -> Slide:
    """The source documents, by title and file."""
    table = source_table(package, lang)
    lines = [f"{title} ({file})" for title, file in zip(table["title"], table["file_name"]) if file]
    return Slide("sources", t("sources.title", lang), lines, sources=_sources([view["projects"]], view, lang))


BUILDERS = (title_slide, headline_slide, map_slide, reach_slide, funding_slide, timeline_slide, sources_slide)
CHART_SLIDES = ("map", "reach", "funding", "timeline")


def build_slide(number: int, package: Package, view: View, lang: str) -> Slide:
    """Slide `number` (1-based) for the view; only that slide's figure is drawn."""
    slide = BUILDERS[number - 1](package, view, lang)
    if slide.key in CHART_SLIDES and slide.figure is None:
        slide.lines.append(t("view.no_data", lang))
    if not slide.sources:  # nothing shown: the notes say which documents were searched
        slide.sources = [t("brief.no_records", lang)] + _sources([view["projects"]], view, lang)
    return slide


def build_slides(package: Package, view: View, lang: str) -> list[Slide]:
    """Every slide for the view, in presenting order."""
    return [build_slide(n, package, view, lang) for n in range(1, len(BUILDERS) + 1)]
