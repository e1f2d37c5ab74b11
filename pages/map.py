import streamlit as st

from dashboard import maps, metrics, ui
from dashboard.i18n import labelled, t, term

ctx = ui.context()
view, lang = ctx.view, ctx.lang
ui.page_header("nav.map", ctx)


def map_key() -> str:
    # A fresh key after each click empties the chart's own selection, which Streamlit would
    # otherwise paint over our colours; the chosen province is outlined by us instead.
    return f"province-map-{st.session_state.get('_map_clicks', 0)}"


def select_clicked_province() -> None:
    # Runs before the script, so it may set the province filter's widget value.
    clicked = maps.selected_codes(st.session_state.get(map_key()))
    st.session_state["province"] = maps.toggled_selection(st.session_state.get("province", []), clicked)
    st.session_state["_map_clicks"] = st.session_state.get("_map_clicks", 0) + 1


names = metrics.project_labels_all(view, lang)
summary = metrics.province_summary(view, lang)
by_role = len(view.project_ids) == 1
selected = set(view.filters.provinces)


def draw_map() -> None:
    st.markdown(t("map.colour_role", lang, project=names[view.project_ids[0]]) if by_role else t("map.colour_count", lang))
    st.pydeck_chart(
        maps.province_deck(summary, by_role, selected, lang),
        on_select=select_clicked_province,
        selection_mode="single-object",
        key=map_key(),
    )
    st.markdown(maps.legend_html(lang, by_role), unsafe_allow_html=True)
    st.caption(t("map.click_hint", lang))


map_col, side_col = st.columns([5, 3])
with map_col:
    ui.figure_block(
        "provinces",
        t("map.title", lang),
        draw_map,
        metrics.province_table(view, lang),
        metrics.sources_of([view["locations"]], view["sources"], lang),
        lang,
    )
    st.caption(t("map.disclaimer", lang))

with side_col:
    if not selected:
        st.info(t("map.panel_hint", lang))
    for code in sorted(selected):
        st.subheader(t("map.panel", lang, province=metrics.province_names(lang)[code]))
        projects_here = metrics.province_panel(view, code, lang)
        if not projects_here:
            st.write(t("map.no_projects", lang))
        for p in projects_here:
            lines = [
                labelled(f"**{p.project}**", p.roles, lang),
                labelled(t("col.place_as_written", lang), p.places_as_written, lang),
                labelled(t("col.amount_usd", lang), p.funding, lang),
                *p.reach,
            ]
            st.markdown("  \n".join(lines))
        if projects_here:
            st.caption(t("map.project_wide", lang))
        in_province = metrics.milestones_in_province(view, code)
        if len(in_province):
            ui.show_table(metrics.milestone_table(view, in_province, lang), lang)

    st.subheader(t("map.national", lang))
    for p in metrics.projects_without_province(view):
        st.markdown(f"- {names[p]}")
    national = metrics.national_milestones(view)
    ui.show_table(metrics.milestone_table(view, national, lang).iloc[:, [0, 1, 3]], lang)
    unnamed = metrics.unnamed_places(view)
    if len(unnamed):
        st.subheader(t("map.unnamed", lang))
        for _, r in unnamed.iterrows():
            st.markdown("- " + labelled(f"**{names[r['project_id']]}**", f"{r['place_as_written']} ({term('role', r['role'], lang)})", lang))

st.subheader(t("projects.places", lang))
ui.show_table(metrics.location_table(view, lang), lang)
ui.footer(ctx, [view["locations"], national, view["funding"], view["reach"]])
