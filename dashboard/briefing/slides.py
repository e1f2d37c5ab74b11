"""The briefing's slides for a filtered view: one builder per slide, shown by the presenter
page and written to PowerPoint or PDF. A slide holds text lines, at most one figure, and
the sources that go into its speaker notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.domain import figures, results, timeline
from dashboard.domain.filters import View, per_view
from dashboard.present import charts, view_figures
from dashboard.present.i18n import NAMES_SHOWN, format_compact, format_number, format_partial_date, format_usd, format_usd_compact, join_names, t, term
from dashboard.present.province_map import province_map_figure
from dashboard.present.view_figures import portfolio_per_year_figure
from dashboard.present.tables import funders_table, indicator_words, reporter, funding_by_kind_table, largest_funders_table, not_reported, project_names, province_names, reach_by_unit, sections_table, source_table, timeline_frames
from dashboard.present.text import Card, filters_summary, headline_cards, results_cards, source_lines, uptake_results
from dashboard.store.package import Package


# What a slide holds legibly from the back of a room at 1280x720: the rest is counted on
# the slide, written out in the talking points, and shown whole on the dashboard's pages.
SLIDE_BARS = 4  # a reach bar carries its label above it: the project, and who was reached (one or two lines)
SLIDE_FUNDERS = 3  # the largest funders, then the rest as one bar: four pairs of bars, each with its amount, fit 1280x720
SLIDE_RESULTS = 5


def _sources(records: list, view: View, lang: str) -> list[str]:
    """The speaker notes' source lines for the records a slide shows."""
    return source_lines(sections_table(records, view["sources"], lang))


@dataclass
class BarChart:
    """The figure's data as PowerPoint draws a bar chart natively (editable there): categories
    top to bottom, one series per name with its colour and the label written on each bar
    ('' where a segment is too thin to hold one), and lines spelling out every value."""

    categories: list[str]
    series: dict[str, list[float | None]]
    colours: dict[str, str]
    labels: dict[str, list[str]]
    stacked: bool = False
    lines_under: list[str] = field(default_factory=list)


@dataclass
class Slide:
    """One slide: a key naming its kind, a title, text lines, an optional figure (and the
    same data as a native chart, or the picture's alt text), talking points and sources."""

    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    figure: go.Figure | None = None
    sources: list[str] = field(default_factory=list)
    chart: BarChart | None = None
    alt: str = ""
    talking_points: list[str] = field(default_factory=list)
    lang: str = "en"
    cards: list[Card] = field(default_factory=list)  # headline figures, drawn as large numbers

    def notes(self) -> str:
        """The speaker notes: what to say about the slide, then where every figure comes from."""
        return "\n".join([*self.talking_points, "", t("notes.sources", self.lang), *self.sources]).strip()


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
    names = project_names(view.all_projects, lang)
    points = [t("notes.covers", lang, n=len(view.project_ids), names=join_names([names[p] for p in view.project_ids], lang), filters=filters_summary(view, lang)),
              lines[1]]
    return Slide("title", t("app.title", lang), lines, sources=_sources([package["projects"]], view, lang), talking_points=points)


def headline_slide(package: Package, view: View, lang: str) -> Slide:
    """The overview's headline figures as large numbers a room reads, each with what it
    counts and its source; the talking points say each in full, with the exact amount."""
    records = [view["projects"], view["funding"], view["budgets"], view["transactions"], view["reach"], view["locations"], view["milestones"]]
    cards = headline_cards(view, lang)
    points = [card.line(lang) + (f" {card.help}" if card.help else "") for card in cards]
    return Slide("headline", t("brief.headline", lang), sources=_sources(records, view, lang), talking_points=points, cards=cards)


def map_slide(package: Package, view: View, lang: str) -> Slide:
    """The province map, coloured as on the Map page, the chosen provinces outlined."""
    by_role = len(view.project_ids) == 1
    names = project_names(view.all_projects, lang)
    line = t("map.colour_role", lang, project=names[view.project_ids[0]]) if by_role else t("map.colour_count", lang)
    summary = figures.province_summary(view)
    figure = province_map_figure(summary, by_role, set(view.filters.provinces), lang)
    working = summary[summary["n_projects"] > 0].sort_values("n_projects", ascending=False, kind="stable")
    provinces = province_names(lang)
    listed = join_names([f"{provinces[c]} {n}" for c, n in zip(working["code"], working["n_projects"])], lang)
    unnamed = int(view["locations"]["province_code"].isna().sum())
    points = [t("notes.map", lang, k=len(working), top=listed) if len(working) else t("notes.map_none", lang)]
    points += [t("notes.unnamed_places", lang, n=unnamed)] if unnamed else []
    alt = t("notes.map_alt", lang, colour=line, listed=listed or "—")
    return Slide("map", t("map.title", lang), [line, t("map.disclaimer", lang)], figure, _sources([view["locations"]], view, lang), alt=alt, talking_points=points)


def reach_slide(package: Package, view: View, lang: str) -> Slide:
    """Participants per project, lower bounds marked; never summed."""
    table, labels, lower = reach_by_unit(view, "people", lang)
    written = [(f"> {format_number(v, lang)}" if low else format_number(v, lang)) for v, low in zip(table["value"], lower)]
    points = [t("notes.reach", lang, project=p, value=v, audience=a) for p, v, a in zip(table["project"], written, table["audience"])]
    lines = [t("reach.not_summed", lang)]
    if len(table) > SLIDE_BARS:
        lines.append(t("brief.reach_largest", lang, n=SLIDE_BARS, total=len(table)))
        shown = table["value"].nlargest(SLIDE_BARS, keep="first").index.sort_values()
        table, labels, lower, written = table.loc[shown], [labels[i] for i in shown], lower.loc[shown], [written[i] for i in shown]
    figure = charts.reach_bars(table.assign(_label=labels), "_label", "value", lower, "", t("unit.people", lang), lang) if len(table) else None
    series = t("unit.people", lang)
    chart = BarChart([f"{p} · {a}" for p, a in zip(table["project"], table["audience"])], {series: list(table["value"])},
                     {series: charts.PALETTE[0]}, {series: written}) if len(table) else None
    names = project_names(view.all_projects, lang)
    counted = set(view["reach"].loc[view["reach"]["unit"] == "people", "project_id"])
    none = [names[p] for p in view.project_ids if p not in counted]
    points += [t("reach.not_summed", lang)] + ([t("reach.none", lang, names=join_names(none, lang))] if none else [])
    return Slide("reach", t("reach.people", lang), lines, figure, _sources([view["reach"]], view, lang), chart=chart, talking_points=points)


def funders_chart(table: pd.DataFrame, series: dict[str, str], lang: str) -> BarChart:
    """The funders on the slide as a native clustered bar chart: one series per kind of amount
    (never stacked: they are not added), every bar labelled with its amount."""
    present = {c: name for c, name in series.items() if table[c].notna().any()}
    values = {name: [None if pd.isna(v) else float(v) for v in table[c]] for c, name in present.items()}
    labels = {name: ["" if v is None else format_compact(v, lang) for v in vals] for name, vals in values.items()}
    colours = {name: c for name, (c, _, _) in charts.style_of(list(series.values())).items() if name in values}
    return BarChart(list(table["funder"]), values, colours, labels)


def funding_slide(package: Package, view: View, lang: str) -> Slide:
    """The portfolio's largest funders, each kind of amount its own bar; which projects have
    no amount in any source. The notes say what each kind includes and leaves out."""
    names = project_names(view.all_projects, lang)
    missing = [names[p] for p in figures.projects_without_funding(view)]
    every = funders_table(view, lang)
    table = largest_funders_table(view, lang, SLIDE_FUNDERS)
    # Two bars a funder read from the back of the room: documented and committed; the notes
    # give funds received as well.
    series = {c: t(f"col.{c}", lang) for c in figures.AMOUNT_KINDS[:2]}
    chart = funders_chart(table, series, lang) if len(table) else None
    figure = view_figures.funders_figure(view, lang, SLIDE_FUNDERS, tuple(series)) if chart else None
    lines = [t("brief.funders_largest", lang, n=SLIDE_FUNDERS, total=len(every))] if len(every) > SLIDE_FUNDERS + 1 else []
    if len(missing) > NAMES_SHOWN:  # a count on the slide; the names in the talking points
        lines.append(t("brief.no_funding_count", lang, n=len(missing)))
    elif missing:
        lines.append(t("funding.not_reported_projects", lang, names=join_names(missing, lang)))
    points = []
    if chart is not None:
        for c in figures.AMOUNT_KINDS:
            total = every[c].sum(min_count=1)
            if pd.notna(total):
                points.append(t(f"notes.{c}", lang, total=format_usd_compact(total, lang), exact=format_usd(total, lang), n=int(every[c].notna().sum())))
        points.append(t("notes.not_added", lang))
        by_kind = funding_by_kind_table(view, lang)
        kind = "committed_usd" if by_kind["committed_usd"].notna().any() else "documented_usd"
        points.append(t(f"notes.kind_shares_{kind}", lang, parts=join_names([f"{k} {v:.1f}%" for k, v in zip(by_kind["funder_kind"], by_kind[f"{kind}_share"]) if pd.notna(v)], lang)))
        named = {c: t(f"col.{c}", lang) for c in figures.AMOUNT_KINDS}
        points += [t("notes.funder", lang, funder=f, kind=k, amounts=" · ".join(f"{named[c]} {format_usd_compact(v, lang)}" for c in named if pd.notna(v := row[c])))
                   for f, k, row in zip(every["funder"], every["funder_kind"], every.to_dict("records"))][:SLIDE_FUNDERS]
    unnamed, unnamed_projects = figures.unnamed_funding(view)
    points += lines[:1] if len(every) > SLIDE_FUNDERS + 1 else []
    points += [t("funding.not_reported_projects", lang, names=join_names(missing, lang, most=len(missing)))] if missing else []
    points += ([t("funding.unnamed", lang, amount=format_usd(unnamed, lang), names=join_names([names[p] for p in unnamed_projects], lang))] if unnamed else [])
    return Slide("funding", t("funding.funders", lang), lines, figure, _sources([view["funding"], view["transactions"]], view, lang), chart=chart, talking_points=points)


def published_funding_slide(package: Package, view: View, lang: str) -> Slide:
    """Budget against spending by year as UNDP publishes them, or that nothing is published."""
    records = [view["budgets"], view["transactions"]]
    if view["budgets"].empty and view["transactions"].empty:
        return Slide("published_funding", t("funding.budget_spending", lang), [t("funding.no_published", lang)], talking_points=[t("funding.no_published", lang)])
    by_year = figures.budget_and_spending_by_year(view)
    if by_year.empty:  # published, but with no year to put them in
        return Slide("published_funding", t("funding.budget_spending", lang), [t("view.no_data", lang)], sources=_sources(records, view, lang))
    dates = view["sources"].loc[view["sources"]["kind"] == "dataset", "date"].dropna()
    note = t("funding.budget_spending_note", lang, date=join_names([format_partial_date(d, lang) for d in dates], lang) or not_reported(lang))
    gap = not_reported(lang)
    points = [t("notes.budget_spending", lang, budget=format_usd_compact(by_year["budget_usd"].sum(), lang),
                spending=format_usd_compact(by_year["spending_usd"].sum(), lang), first=int(by_year["year"].min()), last=int(by_year["year"].max()))]
    points += [t("notes.budget_spending_year", lang, year=int(y), budget=gap if pd.isna(b) else format_usd_compact(b, lang),
                 spending=gap if pd.isna(sp) else format_usd_compact(sp, lang))
               for y, b, sp in zip(by_year["year"], by_year["budget_usd"], by_year["spending_usd"])]
    series = {"budget_usd": t("col.budget_usd", lang), "spending_usd": t("col.spending_usd", lang)}
    figure = charts.yearly_lines(by_year.rename(columns=series), "year", list(series.values()), t("col.amount_usd", lang), lang)
    return Slide("published_funding", t("funding.budget_spending", lang), [note], figure,
                 _sources(records, view, lang), alt=" ".join(points), talking_points=[*points, note])


def timeline_slide(package: Package, view: View, lang: str) -> Slide:
    """The policy-uptake results as text (what, into which plan, when), then the timeline."""
    spans, points, bands = timeline_frames(view, lang)
    uptake = uptake_results(view, lang)
    lines = [f"★ {u.line(lang)}" for u in uptake[:SLIDE_RESULTS]]
    lines += [t("brief.more_results", lang, n=len(uptake) - SLIDE_RESULTS)] if len(uptake) > SLIDE_RESULTS else []
    if timeline.timeline_by_year(view):
        figure = portfolio_per_year_figure(view, lang, True)  # labelled: a room cannot hover
    else:
        figure = charts.timeline(spans, points, bands, "", lang, narrow=False) if len(spans) else None
    h = figures.headline(view)
    talk = [t("notes.milestones", lang, done=h.milestones_achieved, planned=h.milestones_planned, uptake=h.policy_uptake)]
    talk += [u.line(lang) for u in uptake] or [t("milestones.uptake_none", lang)]
    names = project_names(view.all_projects, lang)
    if len(view.undated_projects):
        talk.append(t("milestones.undated_projects", lang, names=join_names([names[p] for p in view.undated_projects], lang)))
    alt = t("notes.timeline_alt", lang, n=len(spans), m=len(points), uptake=" ".join(f"★ {u.line(lang)}" for u in uptake) or t("milestones.uptake_none", lang))
    return Slide("timeline", t("milestones.title", lang), lines, figure, _sources([view["milestones"], view["projects"]], view, lang), alt=alt, talking_points=talk)


def results_slide(package: Package, view: View, lang: str) -> Slide:
    """UNDP's results indicators as large numbers: indicators per status, the largest
    people-reached figure, policy uptake shown; the talking points name the largest people
    figures and the policy-uptake results, each once."""
    cards = results_cards(view, lang)
    f = results.indicator_figures(view)
    names = project_names(view.all_projects, lang)

    people = f[f["measure"] == "people_reached"].dropna(subset=["actual_value"]).sort_values("actual_value", ascending=False, kind="stable").head(SLIDE_RESULTS)
    points = [card.line(lang) for card in cards] + [t("results.status_rule", lang)]
    points += [t("notes.people_indicator", lang, value=format_number(r["actual_value"], lang), indicator=indicator_words(r["indicator"], r["indicator_description"]), who=reporter(r["projects"], names, lang)) for _, r in people.iterrows()]
    uptake = f[results.uptake_happened(f)].sort_values("period_end", ascending=False)
    points += [t("notes.uptake_indicator", lang, indicator=indicator_words(r["indicator"], r["indicator_description"]), who=reporter(r["projects"], names, lang), date=format_partial_date(r["period_end"], lang) if isinstance(r["period_end"], str) else not_reported(lang))
               for _, r in uptake.head(SLIDE_RESULTS).iterrows()]
    return Slide("results", t("nav.results", lang), sources=_sources([view["results"]], view, lang), talking_points=points, cards=cards)


def sources_slide(package: Package, view: View, lang: str) -> Slide:
    """The source documents, by title and file."""
    table = source_table(package, lang)
    lines = [f"{title} ({file})" for title, file in zip(table["title"], table["file_name"]) if file]
    points = [t("notes.documents", lang, n=len(lines))]
    return Slide("sources", t("sources.title", lang), lines, sources=_sources([view["projects"]], view, lang), talking_points=points)


BUILDERS = (title_slide, headline_slide, map_slide, reach_slide, funding_slide, published_funding_slide, timeline_slide, results_slide, sources_slide)
CHART_SLIDES = ("map", "reach", "funding", "timeline")  # a slide of these kinds with no figure says there is nothing to show


def build_slide(number: int, package: Package, view: View, lang: str) -> Slide:
    """Slide `number` (1-based) for the view; only that slide's figure is drawn."""
    slide = BUILDERS[number - 1](package, view, lang)
    slide.lang = lang
    if slide.key in CHART_SLIDES and slide.figure is None:
        slide.lines.append(t("view.no_data", lang))
    if not slide.sources:  # nothing shown: the notes say which documents were searched
        slide.sources = [t("brief.no_records", lang)] + _sources([view["projects"]], view, lang)
    return slide


def build_slides(package: Package, view: View, lang: str) -> list[Slide]:
    """Every slide for the view, in presenting order."""
    return [build_slide(n, package, view, lang) for n in range(1, len(BUILDERS) + 1)]


@per_view
def shown_slide(view: View, number: int, lang: str) -> tuple[Slide, object]:
    """Slide `number` of the view and its chart sized for a screen, made once per view and
    shared by every presenter and viewer following along."""
    slide = build_slide(number, view.package, view, lang)
    return slide, (charts.for_slide(slide.figure) if slide.figure is not None else None)
