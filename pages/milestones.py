import streamlit as st

from dashboard import charts, metrics, ui
from dashboard.i18n import t

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("nav.milestones", ctx)

spans, points, bands = metrics.timeline_frames(view, lang)
table = metrics.milestone_table(view, metrics.milestones_by_recency(view["milestones"]), lang)
figure = charts.timeline(spans, points, bands, "", lang)
sources = metrics.sources_of([view["milestones"], view["projects"]], view["sources"], lang)
ui.figure_block("milestones", t("milestones.title", lang), figure, table, sources, lang, note=t("milestones.fyp_band", lang))

uptake = view["milestones"].query("kind == 'policy_uptake'")
st.subheader("★ " + t("milestones.uptake", lang))
ui.show_table(metrics.milestone_table(view, uptake, lang), lang)

undated = metrics.undated_milestones(view)
if len(undated):
    st.subheader(t("milestones.undated", lang))
    ui.show_table(metrics.milestone_table(view, undated, lang), lang)
ui.footer(ctx, [view["milestones"], view["projects"]])
