"""Map, in two sections drawn when open: provinces by number of projects (or by role for
one project), click to filter; and the chosen provinces' counties and places (deck.gl).
Below both: everything in the chosen province, national work, and unnamed places."""

import streamlit as st

from dashboard.domain import figures
from dashboard.present import place_map
from dashboard.present.province_map import picked_codes
from dashboard.present.i18n import join_names, labelled, t, term
from dashboard.present.tables import location_table, milestone_table, page_slice, project_names, province_names, province_table, sections_table
from dashboard.present.text import province_panel
from dashboard.web import components, state
from dashboard.web.components import md

ctx = state.context()
view, lang = ctx.view, ctx.lang
components.page_header("nav.map", ctx)
names = project_names(view.all_projects, lang)
by_role = len(view.project_ids) == 1
chosen = view.filters.provinces


def map_key() -> str:
    """The map's widget key, new after every click."""
    # A fresh key after each click empties the chart's own selection, which Streamlit would
    # otherwise paint over our colours; the chosen province is outlined by us instead.
    return f"province-map-{state.map_clicks()}"


def on_click() -> None:
    """Choose (or clear) the clicked province before the page reruns."""
    # Runs before the script, so it may set the province filter's widget value.
    state.choose_clicked_province(picked_codes(state.widget_value(map_key())))


def draw_map() -> None:
    """The map's Chart view: colour rule, map, legend and hint."""
    st.markdown(md(t("map.colour_role", lang, project=names[view.project_ids[0]]) if by_role else t("map.colour_count", lang)))
    components.province_map(ctx, by_role, key=map_key(), on_select=on_click)
    st.caption(t("map.click_hint", lang) + (" " + t("map.places_tab_hint", lang) if chosen else ""))


def draw_places(provinces: tuple[str, ...]) -> None:
    """Below the province: the chosen provinces close up (deck.gl), the country's places when switched on."""
    st.subheader(place_map.provinces_title(provinces, lang) if provinces else t("map.places_country", lang))
    with st.container(horizontal=True, key="places-controls", vertical_alignment="bottom"):
        size_by, colour_by = place_map.SIZE_BY[0], place_map.COLOUR_BY[0]
        if provinces:
            size_by = st.segmented_control(t("map.size_by", lang), place_map.SIZE_BY, format_func=lambda v: t(f"map.size.{v}", lang), default=size_by,
                                           key="places-size") or size_by
            colour_by = st.segmented_control(t("map.colour_by", lang), place_map.COLOUR_BY, format_func=lambda v: t(f"map.colour.{v}", lang), default=colour_by,
                                             key="places-colour") or colour_by
        country = st.toggle(t("map.country_toggle", lang), key="places-country")
    if not (provinces or country):
        st.info(t("map.places_hint", lang))
        return
    deck = place_map.place_deck(view, provinces, size_by, colour_by, country, lang)
    st.pydeck_chart(deck, height=place_map.HEIGHT, on_select=state.choose_clicked_place, selection_mode="single-object", key=state.PLACES_MAP,
                    alt=t("map.place_hint", lang))
    if provinces:
        components.deck_legend(place_map.legend(view, provinces, size_by, colour_by, lang))
    st.caption("  \n".join(md(n) for n in [*place_map.notes(view, provinces, size_by, colour_by, country, lang), t("map.disclaimer", lang)]))


# Two sections, each drawn only when open: the country by province, and the places below
# the province. One interaction then sends one map, not two.
provinces = tuple(sorted(chosen))
provinces_tab, places_tab = st.tabs([t("map.section_provinces", lang), t("map.section_places", lang)], key="map-section", on_change="rerun")
if provinces_tab.open:
    with provinces_tab:
        # The map takes the page's width (a country drawn in a third of a tablet is unreadable).
        components.figure_block("provinces", t("map.title", lang), draw_map, province_table(view, lang), sections_table([view["locations"]], view["sources"], lang), lang)
        st.caption(t("map.disclaimer", lang))
if places_tab.open:
    with places_tab:
        draw_places(provinces)
# What is in the chosen province and what has no province follow side by side.
place = place_map.place_of(view, provinces, state.chosen_place())
LISTED = 10  # places named one per line; more go into a table
PANEL_ROWS = 20  # projects in a province's panel per page
province_col, national_col = st.columns(2)
with province_col:
    if not chosen:
        st.info(t("map.panel_hint", lang))
    for code in sorted(chosen):
        st.subheader(t("map.panel", lang, province=province_names(lang)[code]))
        here = place is not None and place["province_code"] == code
        entries = province_panel(view, code, lang, place["project_ids"] if here else None)
        if here:
            st.markdown(md(t("map.at_place", lang, place="; ".join(place["names"]), n=len(entries))))
            st.button(t("map.whole_province", lang), key=f"whole-{code}", on_click=state.clear_place)
        if not entries:
            st.markdown(md(t("map.no_projects", lang)))
        if len(entries) > PANEL_ROWS:  # a busy province in a large portfolio: a page of projects at a time
            pages = page_slice(len(entries), 1, PANEL_ROWS)[1]
            page = int(st.number_input(t("table.page", lang, pages=pages), 1, pages, 1, key=f"panel-{code}"))
            shown, _ = page_slice(len(entries), page, PANEL_ROWS)
            st.caption(t("map.panel_rows", lang, first=shown.start + 1, last=shown.stop, n=len(entries)))
            entries = entries[shown]
        for p in entries:
            lines = [
                labelled(f"**{md(p.project)}**", md(p.roles), lang),
                md(labelled(t("col.place_as_written", lang), p.places_as_written, lang)),
                md(labelled(t("col.amount_usd", lang), p.funding, lang)),
                *map(md, p.reach),
            ]
            st.markdown("  \n".join(lines))
        if entries:
            st.caption(t("map.project_wide", lang))
        in_province = figures.milestones_in_province(view, code)
        if len(in_province):
            components.show_table(milestone_table(view, in_province, lang), lang)

with national_col:
    st.subheader(t("map.national", lang))
    for scope, ids in figures.projects_beyond_provinces(view).items():
        if ids:
            st.markdown(md(t(f"map.beyond.{scope}", lang, n=len(ids), names=join_names([names[p] for p in ids], lang))))
    national = figures.national_milestones(view)
    components.show_table(milestone_table(view, national, lang)[["date", "project", "title"]], lang)
    unnamed = figures.unnamed_places(view)
    if len(unnamed):
        st.subheader(t("map.unnamed", lang))
        if len(unnamed) <= LISTED:
            for project_id, place, role in zip(unnamed["project_id"], unnamed["place_as_written"], unnamed["role"]):
                st.markdown("- " + labelled(f"**{md(names[project_id])}**", md(f"{place} ({term('role', role, lang)})"), lang))
        else:  # a large portfolio: one table, not a line per place
            unnamed_rows = view["locations"].index.isin(unnamed.index)  # location_table keeps the rows' order
            components.paged_table(location_table(view, lang)[unnamed_rows], lang, "unnamed-places")

st.subheader(t("projects.places", lang))
components.paged_table(location_table(view, lang), lang, "places")
components.footer(sections_table([view["locations"], national, view["funding"], view["reach"]], view["sources"], lang), lang)
