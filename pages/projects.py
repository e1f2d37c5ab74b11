"""Projects: every project in view, and one project's detail with every fact and its source."""

import streamlit as st

from dashboard.domain.filters import single_project_view
from dashboard.present.i18n import labelled, localized, t
from dashboard.present.tables import (
    funding_table,
    location_table,
    milestone_table,
    output_table,
    partner_table,
    project_names,
    project_table,
    reach_table,
    results_table,
    sections_table,
)
from dashboard.present.text import project_facts
from dashboard.web import components, state
from dashboard.web.components import md

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("projects.title", ctx)

table = project_table(view, lang)
dates = {"start": view["projects"]["start_first"], "end": view["projects"]["end_last"]}
components.paged_table(table, lang, "projects", sort_keys=dates)
components.download_table(table, lang, "projects")

if view.project_ids:
    names = project_names(view.all_projects, lang)
    st.header(t("projects.detail", lang))
    chosen = st.selectbox(t("projects.choose", lang), view.project_ids, format_func=names.get, key=state.DETAIL_PROJECT)
    one = single_project_view(view, chosen)
    st.subheader(md(localized(one["projects"], "title", lang).iloc[0]))
    st.markdown(md(localized(one["projects"], "description", lang).iloc[0]))
    st.markdown("\n".join("- " + labelled(f"**{md(k)}**", md(v), lang) for k, v in project_facts(one, lang).items()))
    sections = (
        ("projects.partners", partner_table(one, lang)),
        ("projects.places", location_table(one, lang)),
        ("projects.funding", funding_table(one, lang)),
        ("projects.reach", reach_table(one, lang)),
        ("projects.milestones", milestone_table(one, one["milestones"], lang)),
        ("projects.outputs", output_table(one, lang)),
        ("projects.results", results_table(one, lang)),
    )
    for title_key, section in sections:
        st.subheader(t(title_key, lang))
        if section.empty:
            st.write(t("projects.none", lang))
        else:
            components.show_table(section, lang)
components.footer(sections_table([view["projects"], view["partners"]], view["sources"], lang), lang)
