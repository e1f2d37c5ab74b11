"""Sentences and labelled facts for the reader: the active filters, headline cards, the
province panel, a project's facts and source lines. Shared by the pages and the slides."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.domain import figures
from dashboard.domain.filters import View
from dashboard.present.i18n import format_number, format_partial_date, format_usd, join_names, labelled, localized, t, term
from dashboard.present.tables import not_reported, project_names, province_names, source_titles


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


def headline_cards(view: View, lang: str) -> list[Card]:
    """The five headline figures of a view, each with what qualifies it."""
    h = figures.headline(view)
    names = project_names(view.all_projects, lang)
    missing = h.projects_without_funding
    funding = format_number(h.funding_usd) if len(missing) < h.projects else not_reported(lang)
    if h.participants is None:
        participants = Card(t("kpi.participants", lang), not_reported(lang))
    else:
        lower = h.participants_is_lower_bound
        participants = Card(
            t("kpi.participants", lang),
            ("> " if lower else "") + format_number(h.participants),
            t("kpi.participants_note" if lower else "kpi.participants_exact", lang),
        )
    return [
        Card(t("kpi.projects", lang), str(h.projects)),
        Card(
            t("kpi.funding", lang),
            funding,
            t("kpi.funding_missing", lang, n=len(missing), names=join_names([names[p] for p in missing], lang)) if missing else t("kpi.funding_all", lang),
            t("kpi.funding_note", lang, n=len(missing)) if missing else None,
        ),
        participants,
        Card(t("kpi.provinces", lang), str(h.provinces), t("kpi.provinces_note", lang, n=h.unnamed_places) if h.unnamed_places else None),
        Card(t("kpi.milestones", lang), str(h.milestones_achieved), t("kpi.milestones_note", lang, n=h.policy_uptake, p=h.milestones_planned)),
    ]


@dataclass(frozen=True)
class PanelEntry:
    """One project on the province panel, as text."""

    project: str
    roles: str
    places_as_written: str
    funding: str
    reach: list[str]


def province_panel(view: View, code: str, lang: str) -> list[PanelEntry]:
    """Every project working in the province: its roles there and its project-wide figures."""
    names = project_names(view.all_projects, lang)
    out = []
    for p in figures.projects_in_province(view, code):
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


def source_lines(sections: pd.DataFrame) -> list[str]:
    """'Document (file): section' for each row of a `sections_table`."""
    return [f"{title} ({file}): {section}" for title, file, section in zip(sections["source"], sections["file_name"], sections["section"])]
