"""Milestones: the timeline over the Five-Year Plan periods, policy uptake, and undated milestones."""

import streamlit as st

from dashboard.domain import figures
from dashboard.present import charts
from dashboard.present.i18n import t
from dashboard.present.tables import milestone_table, sections_table, timeline_frames
from dashboard.web import components, state

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("nav.milestones", ctx)
sources = sections_table([view["milestones"], view["projects"]], view["sources"], lang)

spans, points, bands = timeline_frames(view, lang)
table = milestone_table(view, figures.milestones_by_recency(view["milestones"]), lang)
figure = charts.timeline(spans, points, bands, "", lang)
components.figure_block("milestones", t("milestones.title", lang), figure, table, sources, lang, note=t("milestones.fyp_band", lang))

st.subheader("★ " + t("milestones.uptake", lang))
components.show_table(milestone_table(view, figures.policy_uptake(view), lang), lang)

undated = figures.undated_milestones(view)
if len(undated):
    st.subheader(t("milestones.undated", lang))
    components.show_table(milestone_table(view, undated, lang), lang)
components.footer(sources, lang)
