"""Pieces every page shares: the filter bar, the page header, a figure with Chart / Table /
Sources views and its download, tables, the sources footer and data problems."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow as pa
import plotly.graph_objects as go
import streamlit as st

from dashboard.domain.filters import Filters, shared, year_range
from dashboard.present.downloads import csv_bytes, workbook_bytes
from dashboard.domain.figures import project_groups
from dashboard.ingest.iati import normalised_name
from dashboard.present.i18n import LANGUAGE_NAMES, LANGUAGES, format_partial_date, header, labelled, t, term
from dashboard.present.province_map import label_css
from dashboard.present.view_figures import map_figure
from dashboard.present.tables import OPTIONS_SHOWN, PAGE_ROWS, localized_headers, project_names, project_options, province_names, readable, table_page
from dashboard.present.text import filters_summary, source_lines
from dashboard.store.package import Package
from dashboard.config import show_problems
from dashboard.store.current import Current
from dashboard.web import auth, state
from dashboard.web.state import Context


# The marks that may start something in Streamlit's Markdown: emphasis, links and bare
# addresses, lists, headings, tables, `$` maths, `:red[...]` colours, `:emoji:` codes, raw
# HTML and entities. A backslash makes each literal (plain commas, quotes and slashes stay).
_MARKDOWN_MARKS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:&=^])")


def md(text: object) -> str:
    """Plain text (data, or a sentence built from it) as Markdown that shows exactly that text.

    Every page passes what it did not write itself through here before adding its own
    Markdown (bold labels, lists, line breaks) around it.
    """
    # Indented lines would start a code block.
    text = "\n".join(line.strip() for line in str(text).strip().splitlines())
    # Bare addresses become links after escapes are read, so a backslash cannot stop them;
    # an invisible word joiner inside the pattern does.
    text = re.sub(r"(?i)(://|www\.|@)", lambda m: {"://": ":\u2060//", "@": "\u2060@"}.get(m[0], m[0][:3] + "\u2060."), text)
    return _MARKDOWN_MARKS.sub(r"\\\1", text)


def language_switch() -> str:
    """The language switch in the sidebar; returns the language chosen."""
    st.sidebar.segmented_control(t("lang.label", state.lang()), LANGUAGES, format_func=LANGUAGE_NAMES.get, key=state.LANG, required=True, default=state.lang())
    return state.lang()


def account_box(access: auth.Access, lang: str) -> tuple[str | None, str]:
    """Sign in and out, in the sidebar, when an identity provider is configured; returns who
    is signed in and their role."""
    email = auth.signed_in_email() if access.sign_in else None
    role = auth.role_of(email, access)
    if access.sign_in:
        box = st.sidebar.container(key="account")
        if email:
            box.caption(md(t("auth.signed_in", lang, email=email, role=t(f"auth.role.{role}", lang))))
            box.button(t("auth.sign_out", lang), on_click=st.logout, key="sign-out")
        else:
            box.button(t("auth.sign_in", lang), on_click=st.login, key="sign-in")
    return email, role


def url_notice(ignored: list[str], bad_slide: str | None, slide_count: int, lang: str) -> None:
    """A short notice naming what the opened address held that was not understood (it is
    then dropped from the address), and a slide number out of range."""
    lines = [t("url.ignored", lang, values=", ".join(ignored))] if ignored else []
    if bad_slide is not None:
        lines.append(t("url.slide", lang, asked=bad_slide, shown=state.slide_number(slide_count), count=slide_count))
    if lines:
        st.toast(md(" ".join(lines)), icon=":material/link_off:", duration="long")


@shared
def project_group_options(package: Package, lang: str) -> dict[str, list[str]]:
    """'Status: Ongoing (41)' -> its project ids, for every group `figures.project_groups` finds."""
    options = {}
    for kind, value, ids in project_groups(package["projects"], package["partners"]):
        label = term(kind, value, lang) if kind in ("status", "theme") else normalised_name(value)
        options[t(f"filters.group_{kind}", lang, name=label, n=len(ids))] = ids
    return options


FIND_FROM = 200  # past this many projects, the list offers those found by a search


def filter_bar(package: Package, lang: str) -> Filters:
    """The one filter bar: drawn once by the entry point, applied by every page."""
    projects = package["projects"]
    names = project_names(projects, lang)
    provinces = province_names(lang)
    lo, hi = year_range(package)
    years = list(range(lo, hi + 1))
    # Every list here states the filter's current value as its default, and none takes an
    # on_change callback. After a page change, Streamlit 1.67's browser side sends the
    # sidebar's lists back at their declared defaults on the run after a download or a
    # callback (the period jumped to one year): with the current value as the default, that
    # changes nothing. (`global.disableWidgetStateDuplicationWarning` in config.toml: the
    # values are also set through st.session_state, on purpose.) A group chosen on the last
    # run is added here, before the project list is drawn.
    state.add_project_group(project_group_options(package, lang))
    bar = st.sidebar
    bar.header(t("filters.heading", lang))
    options = list(projects["project_id"])
    if len(options) > FIND_FROM:
        query = bar.text_input(t("filters.find", lang), key=state.FIND, placeholder=t("filters.find_placeholder", lang))
        options, matches = project_options(projects, names, query, list(st.session_state.get(state.PROJECTS, [])))
        if matches > OPTIONS_SHOWN:
            bar.caption(t("filters.find_more", lang, shown=OPTIONS_SHOWN, n=matches))
    bar.multiselect(t("filters.project", lang), options, format_func=names.get, key=state.PROJECTS, placeholder=t("filters.all_projects", lang),
                    default=[p for p in st.session_state.get(state.PROJECTS, []) if p in set(options)])
    groups = project_group_options(package, lang)
    if groups:
        bar.selectbox(t("filters.group", lang), list(groups), index=None, key=state.GROUP, placeholder=t("filters.group_placeholder", lang))
    left, right = bar.columns(2)
    left.selectbox(t("filters.from", lang), years, key=state.YEAR_FROM, index=years.index(st.session_state[state.YEAR_FROM]))
    right.selectbox(t("filters.to", lang), years, key=state.YEAR_TO, index=years.index(st.session_state[state.YEAR_TO]))
    bar.caption(t("filters.period_help", lang))
    bar.multiselect(t("filters.province", lang), sorted(provinces), format_func=provinces.get, key=state.PROVINCES, placeholder=t("filters.all_provinces", lang),
                    default=st.session_state.get(state.PROVINCES, []))
    bar.caption(t("filters.province_help", lang))
    bar.button(t("filters.reset", lang), on_click=state.reset_filters, args=(lo, hi))
    return state.filters()


# The map's tool bar: zoom with buttons (the mouse wheel scrolls the page), pan, reset,
# and save a picture; box and lasso selection mean nothing on a map.
MAP_CONFIG = {
    "displaylogo": False,
    "scrollZoom": False,
    "displayModeBar": True,
    "modeBarButtons": [["zoomIn2d", "zoomOut2d", "pan2d", "resetScale2d", "toImage"]],
    "toImageButtonOptions": {"format": "png", "filename": "province-map", "width": 1600, "height": 900, "scale": 2},
}


# Headline cards: at least 11rem wide, so a row of five wraps on a tablet; a figure that
# still does not fit wraps instead of being cut to "8,9…".
CARD_CSS = """
.st-key-headline > div {flex: 1 1 11rem; min-width: 11rem;}
.st-key-uptake > div {flex: 1 1 16rem; min-width: 16rem;}
[data-testid="stMetricValue"] > div {white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere;}
[data-testid="stMetricLabel"] p {white-space: normal;}
/* A chosen option of a segmented control or pills: Streamlit writes it in the primary blue on
   a tint of it (4.4:1); WCAG AA needs 4.5:1 for text, so the darker link blue (5.9:1). */
button[data-selected="true"] [data-testid="stMarkdownContainer"] p {color: #005A94;}
/* Streamlit fades captions to 60% (#767676 on white: 4.5:1, and less on a code span's grey).
   Three quarters keeps them secondary and legible from the back of a room. */
[data-testid="stCaptionContainer"] {opacity: 0.75;}
[data-testid="stCaptionContainer"] code {color: inherit;}  /* not the pale green of inline code */
"""


def present_style() -> None:
    """The presenter's full-screen slide and control bar (`present.css`)."""
    st.html(f"<style>{(Path(__file__).parent / 'present.css').read_text()}</style>")


def global_style() -> None:
    """Styles every page needs: cards that wrap, and which set of map labels fits the map's width."""
    st.html(f"<style>{CARD_CSS}{label_css()}</style>")


def province_map(ctx: Context, by_role: bool, key: str, height: int = 560, on_select: Callable[[], None] | None = None) -> object:
    """The province map of the view, the chosen provinces outlined; returns the selection event."""
    figure = map_figure(ctx.view, by_role, ctx.lang, height, True)
    if on_select is None:
        return st.plotly_chart(figure, key=key, theme=None, config=MAP_CONFIG)
    return st.plotly_chart(figure, key=key, theme=None, config=MAP_CONFIG, on_select=on_select, selection_mode="points")


def page_header(title_key: str, ctx: Context) -> None:
    """The page title, the active filters, what the period filter left out, and a warning when nothing matches."""
    st.title(t(title_key, ctx.lang))
    st.markdown(labelled(f"**{t('filters.active', ctx.lang)}**", md(filters_summary(ctx.view, ctx.lang)), ctx.lang))
    view = ctx.view
    if view.undated_projects or view.undated_milestones:
        names = project_names(view.all_projects, ctx.lang)
        listed = [names[p] for p in view.undated_projects] + [str(m) for m in view.undated_milestones]
        st.info(md(t("filters.left_out", ctx.lang, projects=len(view.undated_projects), milestones=len(view.undated_milestones), names=", ".join(listed))))
    if view["projects"].empty:
        st.warning(t("filters.none_match", ctx.lang))


def show_table(table: pd.DataFrame, lang: str, key: str | None = None, hide_index: bool = True) -> None:
    """A display table as a person reads it: headers in `lang`, separators, gaps as gaps."""
    shown = localized_headers(readable(table, lang), lang)
    st.dataframe(arrow_table(shown) if hide_index else shown, hide_index=hide_index, key=key)


@shared
def arrow_table(table: pd.DataFrame) -> pa.Table:
    """A display table as Arrow, converted once and shared (the conversion is most of a
    table's cost on a page)."""
    return pa.Table.from_pandas(table, preserve_index=False)


def paged_table(table: pd.DataFrame, lang: str, key: str, sort_keys: dict[str, pd.Series] | None = None) -> None:
    """A table of any length: up to PAGE_ROWS rows as they are; more, a page at a time,
    sorted across all pages by the column chosen (a thousand-row table is not sent whole)."""
    if len(table) <= PAGE_ROWS:
        show_table(table, lang, key=key)
        return
    with st.container(horizontal=True, key=f"{key}-paging", vertical_alignment="bottom"):
        by = st.selectbox(t("table.sort_by", lang), [None, *table.columns], format_func=lambda c: t("table.as_listed", lang) if c is None else header(c, lang),
                          key=f"{key}-sort")
        descending = st.toggle(t("table.descending", lang), key=f"{key}-descending")
        pages = -(-len(table) // PAGE_ROWS)
        page = st.number_input(t("table.page", lang, pages=pages), min_value=1, max_value=pages, value=1, step=1, key=f"{key}-page")
    rows, _ = table_page(table, by, descending, int(page), PAGE_ROWS, sort_keys)
    first = (int(page) - 1) * PAGE_ROWS + 1
    st.caption(t("table.rows", lang, first=first, last=first + len(rows) - 1, n=len(table)))
    show_table(rows, lang, key=key)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_table(table: pd.DataFrame, lang: str, name: str) -> None:
    """Buttons that download exactly the table shown, headers in `lang`: CSV for programs,
    a workbook for spreadsheets (ids keep their leading zeros there). Both are inert."""
    shown = localized_headers(table, lang)
    with st.container(horizontal=True, key=f"{name}-downloads"):
        st.download_button(t("view.download", lang), lambda: csv_bytes(shown), file_name=f"{name}.csv", mime="text/csv", key=f"{name}-csv", on_click="ignore")
        st.download_button(t("view.download_xlsx", lang), lambda: workbook_bytes({name: shown}), file_name=f"{name}.xlsx", mime=XLSX, key=f"{name}-xlsx",
                           on_click="ignore")


def figure_block(key: str, title: str, chart: go.Figure | Callable[[], None] | None, table: pd.DataFrame, sources: pd.DataFrame, lang: str, note: str | None = None) -> None:
    """A figure with Chart, Table and Sources views and a CSV of exactly the table shown.

    `chart` is a plotly figure, or a function that draws the chart (the map); `sources`
    is `present.tables.sections_table` of the records behind it (made once per page when
    several figures share it).
    """
    st.subheader(md(title))
    chart_tab, table_tab, sources_tab = st.tabs([t("view.chart", lang), t("view.table", lang), t("view.sources", lang)], key=f"{key}-view", on_change="rerun")
    with chart_tab:
        if callable(chart):
            chart()
        elif chart is None or table.empty:
            st.info(t("view.no_data", lang))
        else:
            chart_figure(chart, key)
    if table_tab.open:
        with table_tab:
            paged_table(table, lang, f"{key}-table")
    if sources_tab.open:
        with sources_tab:
            paged_table(sources, lang, f"{key}-sources")
    if note:
        st.caption(md(note))
    download_table(table, lang, key)


def deck_legend(items: list) -> None:
    """A deck's legend (present.place_map.LegendItem): a swatch, or a ring, and its label."""
    rows = []
    for item in items:
        r, g, b = (int(v) for v in item.colour)  # numbers only reach the style
        mark = f"border:3px solid rgb({r},{g},{b});background:transparent" if item.ring else f"background:rgb({r},{g},{b})"
        swatch = f'<span style="display:inline-block;width:0.9em;height:0.9em;border-radius:50%;margin-right:0.4em;vertical-align:-0.1em;{mark}"></span>'
        rows.append(f'<li style="display:inline-block;margin:0 1.2em 0.3em 0">{swatch}{html.escape(item.label)}</li>')
    st.html(f'<ul style="list-style:none;padding:0;margin:0">{"".join(rows)}</ul>')


def chart_figure(figure: go.Figure, key: str) -> None:
    """A chart as every page draws it; the camera button saves a PNG at presentation size."""
    png = {"format": "png", "filename": key, "width": 1600, "height": 900, "scale": 2}
    st.plotly_chart(figure, key=f"{key}-chart", theme=None, config={"displaylogo": False, "responsive": True, "toImageButtonOptions": png})


def footer(sources: pd.DataFrame, lang: str) -> None:
    """The sources of everything on the page (a `sections_table`), under a divider."""
    st.divider()
    lines = [f"- {md(line)}" for line in source_lines(sources)]
    st.caption(f"**{t('sources.footer', lang)}**\n" + "\n".join(lines))


def data_notice(shown: Current, lang: str) -> None:
    """While the files are bad: the data steward (`DASHBOARD_SHOW_PROBLEMS`) sees every
    problem; a viewer sees only which version is shown, or that none is ready yet. The log
    has the problems either way."""
    if show_problems():
        st.error(t("error.data" if shown.package is not None else "error.no_data", lang))
        st.code("\n".join(str(p) for p in shown.problems), language=None)
    elif shown.package is None:
        st.info(t("data.unavailable", lang))
    elif shown.good_since is not None:
        day = time.strftime("%Y-%m-%d", time.localtime(shown.good_since))
        st.caption(t("data.last_good", lang, date=format_partial_date(day, lang)))
