import streamlit as st

from dashboard import maps, metrics, ui
from dashboard.i18n import format_number, t

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("app.title", ctx)
st.caption(t("app.subtitle", lang))

h = metrics.headline(view)
names = metrics.project_labels(view.all_projects, lang)
c1, c2, c3, c4, c5 = st.columns(5)
c1.metric(t("kpi.projects", lang), h.projects)
c2.metric(
    t("kpi.funding", lang),
    format_number(h.funding_usd),
    help=t("kpi.funding_note", lang, n=len(h.projects_without_funding)) if h.projects_without_funding else None,
)
if h.projects_without_funding:
    missing = "、".join(names[p] for p in h.projects_without_funding) if lang == "zh" else ", ".join(names[p] for p in h.projects_without_funding)
    c2.caption(t("kpi.funding_missing", lang, n=len(h.projects_without_funding), names=missing))
else:
    c2.caption(t("kpi.funding_all", lang))
if h.participants is None:
    c3.metric(t("kpi.participants", lang), t("kpi.not_reported", lang))
else:
    c3.metric(t("kpi.participants", lang), ("> " if h.participants_is_lower_bound else "") + format_number(h.participants))
    c3.caption(t("kpi.participants_note" if h.participants_is_lower_bound else "kpi.participants_exact", lang))
c4.metric(t("kpi.provinces", lang), h.provinces)
if h.unnamed_places:
    c4.caption(t("kpi.provinces_note", lang, n=h.unnamed_places))
c5.metric(t("kpi.milestones", lang), h.milestones_achieved)
c5.caption(t("kpi.milestones_note", lang, n=h.policy_uptake, p=h.milestones_planned))

left, right = st.columns([3, 2])
with left:
    st.subheader(t("overview.map", lang))
    summary = metrics.province_summary(view, lang)
    st.pydeck_chart(maps.province_deck(summary, False, set(view.filters.provinces), lang, height=420), key="overview-map")
    st.caption(t("map.colour_count", lang) + ". " + t("map.disclaimer", lang))
    st.page_link(ctx.pages["map"], label=t("overview.open_map", lang), icon=":material/map:")
with right:
    st.subheader(t("overview.recent", lang))
    recent = metrics.milestones_by_recency(view["milestones"]).head(6)
    table = metrics.milestone_table(view, recent, lang)
    for _, r in table.iterrows():
        st.markdown(f"**{r.iloc[0]}** · {r.iloc[1]}  \n{r.iloc[3]}")

ui.footer(ctx, [view["projects"], view["funding"], view["reach"], view["locations"], recent])
