"""Overview: the headline figures, a small map and the latest milestones."""

import streamlit as st

from dashboard.domain import figures
from dashboard.present.i18n import join_names, t
from dashboard.present.tables import milestone_table, province_names, sections_table
from dashboard.present.text import headline_cards
from dashboard.web import components, state
from dashboard.web.components import md

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("app.title", ctx)
st.caption(t("app.subtitle", lang))

# Cards wrap onto more rows as the screen narrows, rather than cutting their figures.
with st.container(horizontal=True, gap="small", key="headline"):
    for card in headline_cards(view, lang):
        with st.container(border=True, width="stretch"):
            st.metric(md(card.label), card.value, help=card.help and md(card.help))
            if card.note:
                st.caption(md(card.note))

# Map above the milestones, not beside them: beside them it shrank to a third of a tablet.
left, right = st.container(), st.container()
with left:
    st.subheader(t("overview.map", lang))
    components.province_map(ctx, by_role=False, key="overview-map", height=420)
    st.caption(t("map.colour_count", lang) + ". " + t("map.disclaimer", lang))
    st.page_link(ctx.pages["map"], label=t("overview.open_map", lang), icon=":material/map:")
with right:
    chosen = view.filters.provinces
    where = join_names([province_names(lang)[c] for c in chosen], lang)
    st.subheader(md(t("overview.recent_in", lang, where=where) if chosen else t("overview.recent", lang)))
    recent = figures.latest_milestones(view, 6)
    if chosen and recent.empty:
        st.markdown(md(t("overview.none_in", lang, where=where)))
    for _, r in milestone_table(view, recent, lang).iterrows():
        st.markdown(f"**{md(r['date'])}** · {md(r['project'])}  \n{md(r['title'])}")

components.footer(sections_table([view["projects"], view["funding"], view["reach"], view["locations"], recent], view["sources"], lang), lang)
