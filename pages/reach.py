"""Reach: participants and countries per project, lower bounds marked, never summed."""

import streamlit as st

from dashboard.domain import figures
from dashboard.present import view_figures
from dashboard.present.i18n import join_names, t
from dashboard.present.tables import people_indicator_table, project_names, reach_by_unit, sections_table
from dashboard.web import components, state

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("nav.reach", ctx)
st.caption(t("reach.not_summed", lang))
sources = sections_table([view["reach"]], view["sources"], lang)

for unit, title_key in (("people", "reach.people"), ("countries", "reach.countries")):
    table, labels, lower = reach_by_unit(view, unit, lang)
    figure = view_figures.reach_figure(view, unit, lang)
    components.figure_block(f"reach-{unit}", t(title_key, lang), figure, table, sources, lang)

# UNDP's own results indicators that count people: a figure several projects share, once.
people = people_indicator_table(view, lang)
if len(people):
    note = t("reach.indicators_note", lang, n=min(view_figures.PEOPLE_SHOWN, int(people["actual"].ne("").sum())), total=len(people))
    components.figure_block("reach-indicators", t("reach.indicators", lang), view_figures.people_indicator_figure(view, lang), people,
                            sections_table([view["results"]], view["sources"], lang), lang, note=note)

missing = figures.projects_without_reach(view)
if missing:
    names = project_names(view.all_projects, lang)
    st.info(components.md(t("reach.none", lang, names=join_names([names[p] for p in missing], lang))))
components.footer(sources, lang)
