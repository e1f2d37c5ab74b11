"""Sentences and labelled facts for the reader: the active filters, headline cards, the
province panel, a project's facts and source lines. Shared by the pages and the slides."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from dashboard.domain import figures, results
from dashboard.domain.filters import View, per_view, shared
from dashboard.present.i18n import format_compact, format_number, format_partial_date, format_usd, format_usd_compact, join_names, labelled, localized, plan_label, t, term
from dashboard.present.tables import indicator_words, milestone_date_label, not_reported, project_names, province_names, reporter, source_titles


# A slide's lines at full size: how many em of text a row holds, and how many rows fit
# (text-only slides use larger type; chart slides keep most of the height for the chart).
SLIDE_ROW_EM = {True: 40, False: 58}
SLIDE_ROWS = {True: 10, False: 7}


def text_fit(lines: list[str], text_only: bool) -> float:
    """The factor a slide's type is scaled by so all its lines fit: 1 for what a slide
    usually holds, less for a long list (rows shrink with the type and hold more, so the
    height goes with the square of the factor)."""
    em = [sum(1.0 if ord(ch) > 0x2E80 else 0.56 for ch in line) for line in lines]
    rows = sum(max(1, math.ceil(e / SLIDE_ROW_EM[text_only])) for e in em)
    return min(1.0, math.sqrt(SLIDE_ROWS[text_only] / rows)) if rows else 1.0


@per_view
def filters_summary(view: View, lang: str) -> str:
    """The active filters in one line: projects · period · provinces."""
    f = view.filters
    names = project_names(view.all_projects, lang)
    provinces = province_names(lang)
    parts = [
        join_names([names[p] for p in f.projects], lang) if f.projects else t("filters.all_projects", lang),
        t("filters.period", lang, start=f.year_from, end=f.year_to),
        join_names([provinces[c] for c in f.provinces], lang) if f.provinces else t("filters.all_provinces", lang),
    ]
    return " · ".join(parts)


@dataclass(frozen=True)
class Card:
    """One headline figure: label, value, a note under it, and an optional hover help."""

    label: str
    value: str
    note: str | None = None
    help: str | None = None

    def line(self, lang: str) -> str:
        """The card as one line of text (for slides): 'Label: value (note)'."""
        return labelled(self.label, self.value, lang) + (f" ({self.note})" if self.note else "")


@per_view
def headline_cards(view: View, lang: str) -> list[Card]:
    """The headline figures of a view, each saying what it counts: projects, the four
    kinds of amount (`money_cards`), people reached, places and milestones.

    Amounts are compact ('US$ 8.9 M', '890万美元'), the exact figure in the card's help.
    With a province chosen, each card names what it counts there, and figures that exist only
    project-wide say so: no source splits funding or reach by province.
    """
    h = figures.headline(view)
    names = project_names(view.all_projects, lang)
    chosen = view.filters.provinces
    where = join_names([province_names(lang)[c] for c in chosen], lang)
    return [
        Card(t("kpi.projects_in", lang, where=where) if chosen else t("kpi.projects", lang), str(h.projects)),
        *money_cards(view, lang),
        participants_card(h.participant_figures, names, lang, results.chosen_figures(view, ("people_reached",))),
        places_card(view, where, lang) if chosen else Card(
            t("kpi.provinces", lang), str(h.provinces), t("kpi.provinces_note", lang, n=h.unnamed_places) if h.unnamed_places else None
        ),
        Card(t("kpi.milestones_of", lang), str(h.milestones_achieved),
             t("kpi.milestones_in_note", lang, k=sum(len(figures.milestones_in_province(view, c)) for c in chosen), where=where, n=h.policy_uptake, p=h.milestones_planned))
        if chosen else
        Card(t("kpi.milestones", lang), str(h.milestones_achieved), t("kpi.milestones_note", lang, n=h.policy_uptake, p=h.milestones_planned)),
    ]


def money_cards(view: View, lang: str) -> list[Card]:
    """Published budget, spending (and its share of the budget), funders and documented
    funding: one card per kind of amount, each naming its source, none added to another.
    With a province chosen the amounts stay project-wide (no source splits them by
    province), and the labels say so."""
    m = figures.money(view)
    names = project_names(view.all_projects, lang)
    label = (lambda key: t(f"{key}_in", lang)) if view.filters.provinces else (lambda key: t(key, lang))
    period = t("filters.period", lang, start=view.filters.year_from, end=view.filters.year_to)

    def amount(key: str, value: float | None, note: str | None, help_key: str | None = None) -> Card:
        if value is None:
            return Card(label(key), not_reported(lang), note)
        exact = format_usd(value, lang)
        return Card(label(key), format_usd_compact(value, lang), note, t(help_key, lang, value=exact) if help_key else t("kpi.exact", lang, value=exact))

    share = m.spending_share
    spending_note = t("kpi.spending_share", lang, share=f"{share:.0f}") + " · " + t("kpi.spending_note", lang, period=period) if share is not None \
        else t("kpi.spending_note", lang, period=period)
    missing = m.projects_without_amount
    return [
        amount("kpi.budget", m.budget_usd, t("kpi.budget_note", lang, period=period), "kpi.budget_help"),
        amount("kpi.spending", m.spending_usd, spending_note, "kpi.spending_help"),
        Card(label("kpi.funders"), str(m.funders) if m.funders else not_reported(lang), t("kpi.funders_note", lang)),
        amount("kpi.documented", m.documented_usd,
               t("kpi.no_amount", lang, n=len(missing), names=join_names([names[p] for p in missing], lang)) if missing else t("kpi.every_amount", lang)),
    ]


def participants_card(people: pd.DataFrame, names: dict[str, str], lang: str, indicators: pd.DataFrame | None = None) -> Card:
    """The largest figure of people reached, from the documents (`people`) or UNDP's
    people-reached indicators (`indicators`, `domain.results` figures), saying whom it
    counts; never a sum of audiences."""
    numbered = indicators.dropna(subset=["actual_value"]).sort_values("actual_value", ascending=False) if indicators is not None else pd.DataFrame()
    count = len(people) + len(numbered)
    if len(numbered) and (people.empty or numbered.iloc[0]["actual_value"] > people.iloc[0]["value"]):
        top = numbered.iloc[0]
        ids = top["projects"]
        words = indicator_words(top["indicator"], top["indicator_description"])
        note = t("kpi.participants_indicator", lang, who=reporter(ids, names, lang), n=count)
        return Card(t("kpi.participants_largest", lang) if count > 1 else t("kpi.participants", lang), format_compact(top["actual_value"], lang), note,
                    t("kpi.participants_indicator_help", lang, indicator=words, value=format_number(top["actual_value"], lang)))
    if people.empty:
        return Card(t("kpi.participants", lang), not_reported(lang))
    top = people.iloc[0]
    value = ("> " if top["qualifier"] == "lower_bound" else "") + format_compact(top["value"], lang)
    audience = localized(people.head(1), "audience", lang).iloc[0]
    if count == 1:
        return Card(t("kpi.participants", lang), value, t("kpi.participants_one", lang, audience=audience, project=names[top["project_id"]]))
    note = t("kpi.participants_more", lang, audience=audience, project=names[top["project_id"]], n=count)
    return Card(t("kpi.participants_largest", lang), value, note)


@per_view
def results_cards(view: View, lang: str) -> list[Card]:
    """UNDP's results indicators at a glance: how many indicators stand at each status, the
    largest people-reached figure, and how many policy-uptake indicators show the change."""
    f = results.indicator_figures(view)
    names = project_names(view.all_projects, lang)
    counts = f["status"].value_counts()
    cards = [Card(term("result_status", s, lang), str(int(counts.get(s, 0))), t("results.card_of", lang, n=len(f))) for s in results.STATUSES]
    people = f[f["measure"] == "people_reached"]
    cards.append(participants_card(pd.DataFrame(columns=["value"]), names, lang, people))
    uptake = f[f["measure"] == "policy_uptake"]
    cards.append(Card(t("results.card_uptake", lang), str(int(results.uptake_happened(f).sum())), t("results.card_uptake_note", lang, n=len(uptake))))
    return cards


def places_card(view: View, where: str, lang: str) -> Card:
    """With a province chosen: how many places the sources name there, and the projects' roles."""
    here = view["locations"][view["locations"]["province_code"].isin(view.filters.provinces)]
    roles = join_names([term("role", r, lang) for r in dict.fromkeys(here["role"])], lang)
    return Card(t("kpi.places_in", lang, where=where), str(here["place_as_written"].nunique()), t("kpi.places_note", lang, roles=roles) if len(here) else None)


@dataclass(frozen=True)
class Uptake:
    """One policy-uptake result as a reader takes it in: what went into which plan, when."""

    headline: str  # '22 indicators → 11th Five-Year Plan'
    when: str  # 'by 26 Sep 2006'
    project: str
    title: str

    def line(self, lang: str) -> str:
        """The result in one sentence-like line, for slides and notes."""
        return f"{self.headline}, {self.when} ({self.project})" if lang == "en" else f"{self.headline}，{self.when}（{self.project}）"


@per_view
def uptake_results(view: View, lang: str) -> list[Uptake]:
    """The policy-uptake milestones, counted results first, then by date (latest first)."""
    m = figures.policy_uptake(view)
    m = m.assign(_counted=m["count"].notna()).sort_values(["_counted", "date_last"], ascending=[False, False], na_position="last", kind="stable")
    names = project_names(view.all_projects, lang)
    out = []
    for (_, r), title, unit in zip(m.iterrows(), localized(m, "title", lang), localized(m, "count_unit", lang)):
        plan = plan_label(r["five_year_plan"], lang) + ("规划" if lang == "zh" else "") if pd.notna(r["five_year_plan"]) else t("milestones.national_plan", lang)
        if pd.isna(r["count"]):
            headline = title
        elif isinstance(unit, str) and unit:
            headline = f"{int(r['count'])}{'' if lang == 'zh' else ' '}{unit} → {plan}"
        else:  # a count with nothing said of what it counts: the title says it
            headline = f"{title}{'：' if lang == 'zh' else ': '}{int(r['count'])} → {plan}"
        when = milestone_date_label(r, lang) if isinstance(r["date"], str) else t("milestones.date_unknown", lang)
        out.append(Uptake(headline, when, names[r["project_id"]], title))
    return out


@dataclass(frozen=True)
class PanelEntry:
    """One project on the province panel, as text."""

    project: str
    roles: str
    places_as_written: str
    funding: str
    reach: list[str]


@per_view
def province_panel(view: View, code: str, lang: str, only: tuple[str, ...] | None = None) -> list[PanelEntry]:
    """Every project working in the province (or only those of the ids given): its roles
    there and its project-wide figures."""
    names = project_names(view.all_projects, lang)
    out = []
    for p in figures.projects_in_province(view, code):
        if only is not None and p.project_id not in only:
            continue
        r = p.reach
        out.append(
            PanelEntry(
                project=names[p.project_id],
                roles=", ".join(term("role", x, lang) for x in p.roles),
                places_as_written=", ".join(p.places_as_written),
                funding=not_reported(lang) if p.funding_usd is None else format_usd(p.funding_usd, lang),
                reach=[
                    labelled(a, f"{'> ' if q == 'lower_bound' else ''}{v:,} {term('unit', u, lang)}", lang)
                    for a, v, q, u in zip(localized(r, "audience", lang), r["value"], r["qualifier"], r["unit"])
                ],
            )
        )
    return out


def project_facts(one: View, lang: str) -> dict[str, str]:
    """A project's facts for its detail view (the view holds that one project): label -> value."""
    projects = one["projects"]
    p = projects.iloc[0]
    return {
        t("col.start", lang): format_partial_date(p["start"], lang),
        t("col.end", lang): format_partial_date(p["end"], lang),
        t("col.status", lang): term("status", p["status"], lang),
        t("col.undp_project_id", lang): p["undp_project_id"] if isinstance(p["undp_project_id"], str) else not_reported(lang),
        t("col.total_budget_usd", lang): format_usd(p["total_budget_usd"], lang) if pd.notna(p["total_budget_usd"]) else t("projects.no_total", lang),
        t("col.themes", lang): ", ".join(term("theme", x, lang) for x in p["themes"].split("|")),
        t("col.source", lang): f"{source_titles(one['sources'], lang)[p['source_id']]} ({p['section']})",
        t("col.note", lang): localized(projects, "note", lang).iloc[0] or "",
    }


SECTIONS_LISTED = 3


@shared
def source_lines(sections: pd.DataFrame) -> list[str]:
    """'Document (file): section; section' per source of a `sections_table`; past three
    sections, how many more (each figure's Sources tab lists them all), so a page's
    footer stays a few lines however many records an import brought in."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for title, file, section in zip(sections["source"], sections["file_name"], sections["section"]):
        grouped.setdefault((title, file), []).append(section)
    lines = []
    for (title, file), found in grouped.items():
        listed = "; ".join(found[:SECTIONS_LISTED]) + (f"; … (+{len(found) - SECTIONS_LISTED})" if len(found) > SECTIONS_LISTED else "")
        lines.append(f"{title} ({file}): {listed}")
    return lines
