"""Overview: the headline figures, a small map and the latest milestones."""

import streamlit as st

from dashboard.domain import figures
from dashboard.present.i18n import t
from dashboard.present.tables import milestone_table, sections_table
from dashboard.present.text import headline_cards
from dashboard.web import components, state

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("app.title", ctx)
st.caption(t("app.subtitle", lang))

for column, card in zip(st.columns(5), headline_cards(view, lang)):
    column.metric(card.label, card.value, help=card.help)
    if card.note:
        column.caption(card.note)

left, right = st.columns([3, 2])
with left:
    st.subheader(t("overview.map", lang))
    components.province_map(ctx, by_role=False, key="overview-map", height=420)
    st.caption(t("map.colour_count", lang) + ". " + t("map.disclaimer", lang))
    st.page_link(ctx.pages["map"], label=t("overview.open_map", lang), icon=":material/map:")
with right:
    st.subheader(t("overview.recent", lang))
    recent = figures.milestones_by_recency(view["milestones"]).head(6)
    for _, r in milestone_table(view, recent, lang).iterrows():
        st.markdown(f"**{r['date']}** · {r['project']}  \n{r['title']}")

components.footer(sections_table([view["projects"], view["funding"], view["reach"], view["locations"], recent], view["sources"], lang), lang)
