"""Streamlit building blocks shared by the pages: data loading, the filter bar, figure views.

Everything here is layout or session plumbing; figures and numbers come from metrics.py
and charts.py.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import load, metrics, places
from dashboard.filters import Filters, View, filters_from_query, query_from_filters, year_range
from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES, labelled, readable_table, t

URL_KEYS = ("project", "from", "to", "province", "lang", "slide")


def data_dir() -> Path:
    """The bundled package, or another one named by DASHBOARD_DATA_DIR."""
    return Path(os.environ.get("DASHBOARD_DATA_DIR", load.DATA_DIR))


def _fingerprint(directory: Path) -> tuple:
    """Changes whenever a CSV in the package changes, so edits are picked up on the next rerun."""
    if not directory.is_dir():
        return ()
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*.csv")))


# A resource, not data: every session shares the one read-only package instead of
# unpickling a copy on each rerun.
@st.cache_resource(show_spinner=False, max_entries=4)
def _read(directory: str, fingerprint: tuple) -> load.Package:
    return load.read_package(directory)


@st.cache_resource
def _last_good() -> dict[str, load.Package]:
    return {}


def current_package() -> tuple[load.Package | None, list[load.Problem]]:
    """The package and no problems; or, when the files are bad, the last good package and the problems."""
    directory = data_dir()
    try:
        package = _read(str(directory), _fingerprint(directory))
    except load.PackageError as err:
        return _last_good().get(str(directory)), err.problems
    except Exception as err:  # noqa: BLE001 - whatever happens, people get a message, not a traceback
        problem = load.Problem(str(directory), None, None, None, f"a readable data package ({type(err).__name__}: {err})")
        return _last_good().get(str(directory)), [problem]
    _last_good()[str(directory)] = package
    return package, []


@dataclass
class Context:
    package: load.Package
    view: View
    lang: str
    pages: dict[str, object]  # url path -> st.Page, for links between pages


def lang() -> str:
    value = st.session_state.get("lang", "en")
    return value if value in LANGUAGES else "en"


def browser_language() -> str:
    locale = (st.context.locale or "") if hasattr(st.context, "locale") else ""
    return "zh" if str(locale).lower().startswith("zh") else "en"


def seed_from_url(package: load.Package) -> None:
    """Once per session: widget values from the URL a person opened."""
    if st.session_state.get("_seeded"):
        return
    params = {k: st.query_params.get_all(k) for k in URL_KEYS}
    projects = list(package["projects"]["project_id"])
    state = filters_from_query(params, projects, sorted(places.province_codes()), year_range(package))
    requested = (params.get("lang") or [""])[-1]
    state["lang"] = requested if requested in LANGUAGES else browser_language()
    slide = (params.get("slide") or [""])[-1]
    state["slide"] = int(slide) if slide.isdigit() and int(slide) >= 1 else 1
    state["_presenting"] = bool(slide)  # keep ?slide= while the presenter page opens
    st.session_state.update(state)
    st.session_state["_seeded"] = True


def language_switch() -> str:
    st.sidebar.segmented_control(
        t("lang.label", lang()),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key="lang",
        required=True,
    )
    return lang()


def filter_bar(package: load.Package, language: str) -> Filters:
    """The one filter bar: drawn once by the entrypoint, applied by every page."""
    projects = package["projects"]
    names = metrics.project_labels(projects, language)
    provinces = metrics.province_names(language)
    lo, hi = year_range(package)
    years = list(range(lo, hi + 1))
    bar = st.sidebar
    bar.header(t("filters.heading", language))
    bar.multiselect(
        t("filters.project", language),
        list(projects["project_id"]),
        format_func=names.get,
        key="project",
        placeholder=t("filters.all_projects", language),
    )
    left, right = bar.columns(2)
    left.selectbox(t("filters.from", language), years, key="from")
    right.selectbox(t("filters.to", language), years, key="to")
    bar.caption(t("filters.period_help", language))
    bar.multiselect(
        t("filters.province", language),
        sorted(provinces, key=lambda c: c),
        format_func=provinces.get,
        key="province",
        placeholder=t("filters.all_provinces", language),
    )
    bar.caption(t("filters.province_help", language))
    bar.button(t("filters.reset", language), on_click=_reset_filters, args=(lo, hi))
    return Filters(
        projects=tuple(st.session_state["project"]),
        provinces=tuple(st.session_state["province"]),
        year_from=st.session_state["from"],
        year_to=st.session_state["to"],
    )


def _reset_filters(lo: int, hi: int) -> None:
    st.session_state.update({"project": [], "province": [], "from": lo, "to": hi})


def write_url(filters: Filters, package: load.Package, language: str, slide: int | None = None) -> None:
    """Put the view in the address bar; the slide number only in presenter mode."""
    query = query_from_filters(filters, year_range(package), language, browser_language())
    if slide is not None:
        query["slide"] = str(slide)
    if {k: st.query_params.get_all(k) for k in URL_KEYS if k in st.query_params} != {
        k: (v if isinstance(v, list) else [v]) for k, v in query.items()
    }:
        st.query_params.from_dict(query)


def set_context(context: Context) -> None:
    st.session_state["_context"] = context


def context() -> Context:
    return st.session_state["_context"]


# Pieces of a page ---------------------------------------------------------------------


def page_header(title_key: str, ctx: Context) -> None:
    st.title(t(title_key, ctx.lang))
    st.markdown(labelled(f"**{t('filters.active', ctx.lang)}**", metrics.filters_summary(ctx.view, ctx.lang), ctx.lang))
    view = ctx.view
    if view.undated_projects or view.undated_milestones:
        names = metrics.project_labels(view.all_projects, ctx.lang)
        listed = [names[p] for p in view.undated_projects] + [str(m) for m in view.undated_milestones]
        st.info(
            t(
                "filters.left_out",
                ctx.lang,
                projects=len(view.undated_projects),
                milestones=len(view.undated_milestones),
                names=", ".join(listed),
            )
        )
    if view["projects"].empty:
        st.warning(t("filters.none_match", ctx.lang))


def show_table(table: pd.DataFrame, lang: str, key: str | None = None, hide_index: bool = True) -> None:
    st.dataframe(readable_table(table, lang), hide_index=hide_index, key=key)


def csv_bytes(table: pd.DataFrame) -> bytes:
    # A byte-order mark so spreadsheet programs read the Chinese text as UTF-8.
    return table.to_csv(index=False).encode("utf-8-sig")


def figure_block(key: str, title: str, chart, table: pd.DataFrame, sources: pd.DataFrame, lang: str, note: str | None = None) -> None:
    """A figure with Chart, Table and Sources views and a CSV of exactly the table shown.

    `chart` is a plotly figure, or a function that draws the chart (the map).
    """
    st.subheader(title)
    chart_tab, table_tab, sources_tab = st.tabs([t("view.chart", lang), t("view.table", lang), t("view.sources", lang)])
    with chart_tab:
        if callable(chart):
            chart()
        elif chart is None or table.empty:
            st.info(t("view.no_data", lang))
        else:
            # The camera button saves a PNG at presentation size, drawn in the browser.
            png = {"format": "png", "filename": key, "width": 1600, "height": 900, "scale": 2}
            st.plotly_chart(chart, key=f"{key}-chart", theme=None, config={"displaylogo": False, "responsive": True, "toImageButtonOptions": png})
    with table_tab:
        show_table(table, lang, key=f"{key}-table")
    with sources_tab:
        show_table(sources, lang, key=f"{key}-sources")
    if note:
        st.caption(note)
    st.download_button(t("view.download", lang), lambda: csv_bytes(table), file_name=f"{key}.csv", mime="text/csv", key=f"{key}-csv")


def footer(ctx: Context, frames: list[pd.DataFrame]) -> None:
    st.divider()
    sources = metrics.sources_of(frames, ctx.view["sources"], ctx.lang)
    lines = [f"- {r.iloc[0]} ({r.iloc[1]}): {r.iloc[2]}" for _, r in sources.iterrows()]
    st.caption(f"**{t('sources.footer', ctx.lang)}**\n" + "\n".join(lines))


def show_problems(problems: list[load.Problem], have_data: bool, language: str) -> None:
    st.error(t("error.data" if have_data else "error.no_data", language))
    st.code("\n".join(str(p) for p in problems), language=None)
