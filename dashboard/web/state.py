"""Session and URL state: every key named once, here, with the functions that write it.

The filters live in the URL so a link reopens the same view:
`?project=alp-3&project=xiaokang&from=2005&to=2010&province=530000&lang=zh&slide=2`.
Ids and codes, not display names, so a link works in either language; defaults are left
out to keep links short. In the session each value has one key (below); the URL keeps
its public parameter names.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard import places
from dashboard.domain.filters import Filters, View, year_range
from dashboard.present.i18n import LANGUAGES
from dashboard.store.package import Package

# Session keys, each the single name of its value.
PROJECTS = "projects"
PROVINCES = "provinces"
YEAR_FROM = "year_from"
YEAR_TO = "year_to"
LANG = "lang"
SLIDE = "slide"
DETAIL_PROJECT = "detail_project"
AUTOPLAY = "autoplay"
INTERVAL = "interval"
_SEEDED = "_seeded"
_PRESENTING = "_presenting"
_SLIDE_SHOWN_AT = "_slide_shown_at"
_MAP_CLICKS = "_map_clicks"
_CONTEXT = "_context"

# Session key -> URL parameter.
URL_NAMES = {PROJECTS: "project", YEAR_FROM: "from", YEAR_TO: "to", PROVINCES: "province", LANG: "lang", SLIDE: "slide"}


# Pure translations between the URL and the filters ---------------------------------------


def filters_from_query(params: dict[str, list[str]], projects: list[str], provinces: list[str], years: tuple[int, int]) -> tuple[dict[str, object], list[str]]:
    """Session values from URL parameters (by URL name), and each value not understood as
    'name=value': unknown ids, impossible years, and parameters the app does not have."""
    lo, hi = years
    state: dict[str, object] = {
        PROJECTS: [p for p in dict.fromkeys(params.get("project", [])) if p in projects],
        PROVINCES: [p for p in dict.fromkeys(params.get("province", [])) if p in provinces],
        YEAR_FROM: lo,
        YEAR_TO: hi,
    }
    ignored = [f"project={p}" for p in params.get("project", []) if p not in projects]
    ignored += [f"province={p}" for p in params.get("province", []) if p not in provinces]
    for key in (YEAR_FROM, YEAR_TO):
        name = URL_NAMES[key]
        for value in params.get(name, []):
            if value.isdigit() and lo <= int(value) <= hi:
                state[key] = int(value)
            else:
                ignored.append(f"{name}={value}")
    ignored += [f"{name}={value}" for name, values in params.items() if name not in URL_NAMES.values() for value in values]
    return state, ignored


def slide_from_query(values: list[str], count: int) -> tuple[int, str | None]:
    """The slide a `slide=` value asks for, kept within 1..count, and the value when it was
    not a slide number (or was out of range), to say so."""
    if not values:
        return 1, None
    value = values[-1]
    if not value.isdigit():
        return 1, value
    number = min(max(int(value), 1), count)
    return number, None if str(number) == value else value


def query_from_filters(filters: Filters, years: tuple[int, int], lang: str, default_lang: str) -> dict[str, list[str] | str]:
    """The URL parameters for a view: only what differs from the defaults."""
    query: dict[str, list[str] | str] = {}
    if filters.projects:
        query["project"] = list(filters.projects)
    if filters.year_from is not None and filters.year_from != years[0]:
        query["from"] = str(filters.year_from)
    if filters.year_to is not None and filters.year_to != years[1]:
        query["to"] = str(filters.year_to)
    if filters.provinces:
        query["province"] = list(filters.provinces)
    if lang != default_lang:
        query["lang"] = lang
    return query


def toggled_provinces(current: list[str], clicked: list[str]) -> list[str]:
    """The province filter after a map click: the clicked province, or none when it was already the only one."""
    if not clicked:
        return list(current)
    return [] if list(current) == clicked else clicked


# Reading the session ----------------------------------------------------------------------


def lang() -> str:
    """The reader's language ('en' or 'zh')."""
    value = st.session_state.get(LANG, "en")
    return value if value in LANGUAGES else "en"


def browser_language() -> str:
    """'zh' when the browser asks for Chinese, else 'en'."""
    locale = (st.context.locale or "") if hasattr(st.context, "locale") else ""
    return "zh" if str(locale).lower().startswith("zh") else "en"


def filters() -> Filters:
    """The filters as the filter bar holds them."""
    return Filters(
        projects=tuple(st.session_state[PROJECTS]),
        provinces=tuple(st.session_state[PROVINCES]),
        year_from=st.session_state[YEAR_FROM],
        year_to=st.session_state[YEAR_TO],
    )


def slide_number(count: int) -> int:
    """The presenter's slide, kept within 1..count."""
    return min(max(int(st.session_state.get(SLIDE, 1)), 1), count)


def widget_value(key: str) -> object:
    """What a widget (such as the map's selection) holds, or None before it has a value."""
    return st.session_state.get(key)


def map_clicks() -> int:
    """How many times the map was clicked this session (the map's key changes with it)."""
    return st.session_state.get(_MAP_CLICKS, 0)


PLACES_MAP = "places-map"  # the places map's widget key
_PLACE = "_chosen_place"


def chosen_place() -> str | None:
    """The key of the place last clicked on the places map, until cleared."""
    return st.session_state.get(_PLACE)


# Writers ---------------------------------------------------------------------------------


def choose_clicked_place() -> None:
    """Keep the place just clicked on the places map (a click on empty ground keeps none)."""
    objects = (st.session_state.get(PLACES_MAP) or {}).get("selection", {}).get("objects", {})
    picked = [o["key"] for layer in ("places-points", "places-centres") for o in objects.get(layer, []) if "key" in o]
    st.session_state[_PLACE] = picked[0] if picked else None


def clear_place() -> None:
    st.session_state[_PLACE] = None


def seed_from_url(package: Package, slide_count: int) -> tuple[list[str], str | None]:
    """Once per session: the filter bar's values from the URL a person opened. Returns what
    the URL held that was not understood ('name=value') and a slide number out of range."""
    if st.session_state.get(_SEEDED):
        return [], None
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    projects = list(package["projects"]["project_id"])
    state, ignored = filters_from_query(params, projects, sorted(places.province_codes()), year_range(package))
    requested = params.get("lang", [])
    state[LANG] = requested[-1] if requested and requested[-1] in LANGUAGES else browser_language()
    ignored += [f"lang={v}" for v in requested if v not in LANGUAGES]
    state[SLIDE], bad_slide = slide_from_query(params.get("slide", []), slide_count)
    if bad_slide is not None and not bad_slide.isdigit():
        ignored.append(f"slide={bad_slide}")
        bad_slide = None
    state[_PRESENTING] = "slide" in params  # keep ?slide= while the presenter page opens
    st.session_state.update(state)
    st.session_state[_SEEDED] = True
    return ignored, bad_slide


_RANGE = "_year_range"  # the package's period the session's filters were set against


def refit_period(chosen: tuple[int, int], seen: tuple[int, int], now: tuple[int, int]) -> tuple[int, int]:
    """A session's period after a new revision changed the package's years from `seen` to
    `now`: an end left at the old limit follows the new one (so new work shows); an end
    someone chose stays, kept within the new years."""
    lo, hi = now
    start = lo if chosen[0] == seen[0] else min(max(chosen[0], lo), hi)
    end = hi if chosen[1] == seen[1] else min(max(chosen[1], lo), hi)
    return start, max(start, end)


def follow_package(package: Package) -> None:
    """Keep the session's filters meaningful for the revision shown: the period refitted to
    its years, and projects a revision removed dropped from the choice (a list offering a
    value it no longer holds would fail)."""
    now = year_range(package)
    seen = st.session_state.get(_RANGE)
    if seen is not None and seen != now:
        st.session_state[YEAR_FROM], st.session_state[YEAR_TO] = refit_period((st.session_state[YEAR_FROM], st.session_state[YEAR_TO]), seen, now)
    st.session_state[_RANGE] = now
    ids = set(package["projects"]["project_id"])
    if any(p not in ids for p in st.session_state.get(PROJECTS, [])):
        st.session_state[PROJECTS] = [p for p in st.session_state[PROJECTS] if p in ids]
    if st.session_state.get(DETAIL_PROJECT) is not None and st.session_state[DETAIL_PROJECT] not in ids:
        del st.session_state[DETAIL_PROJECT]


GROUP = "project_group"
FIND = "project_find"


def add_project_group(groups: dict[str, list[str]]) -> None:
    """A group chosen in the filter bar on the last run: its projects join the chosen ones,
    and the group list is empty again (called before either list is drawn)."""
    chosen = st.session_state.get(GROUP)
    if chosen in groups:
        st.session_state[PROJECTS] = list(dict.fromkeys([*st.session_state.get(PROJECTS, []), *groups[chosen]]))
    st.session_state[GROUP] = None


def reset_filters(lo: int, hi: int) -> None:
    """Clear every filter (a button callback)."""
    st.session_state.update({PROJECTS: [], PROVINCES: [], YEAR_FROM: lo, YEAR_TO: hi})


def choose_clicked_province(picked: list[str]) -> None:
    """A map click: choose the clicked province, or clear it when clicked again (a callback)."""
    st.session_state[PROVINCES] = toggled_provinces(st.session_state.get(PROVINCES, []), picked)
    st.session_state[_MAP_CLICKS] = map_clicks() + 1


def go_to_slide(number: int, count: int) -> None:
    """Show slide `number` (clamped to 1..count) and keep it in the URL."""
    st.session_state[SLIDE] = min(max(number, 1), count)
    st.session_state[_PRESENTING] = True


def autoplay_due(interval: int, now: float) -> bool:
    """Whether the slide has been shown for `interval` seconds (the first call starts the clock)."""
    shown_at = st.session_state.setdefault(_SLIDE_SHOWN_AT, now)
    if now - shown_at >= interval - 0.5:
        st.session_state[_SLIDE_SHOWN_AT] = now
        return True
    return False


def slide_shown(now: float) -> None:
    """Restart the autoplay clock: a slide was just drawn."""
    st.session_state[_SLIDE_SHOWN_AT] = now


def write_url(filters: Filters, package: Package, language: str) -> None:
    """Put the view in the address bar; the slide number only in presenter mode."""
    query = query_from_filters(filters, year_range(package), language, browser_language())
    if st.session_state.pop(_PRESENTING, False):
        query["slide"] = str(st.session_state.get(SLIDE, 1))
    # Anything else in the address (a value not understood) is dropped with the rewrite.
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if current != {k: (v if isinstance(v, list) else [v]) for k, v in query.items()}:
        st.query_params.from_dict(query)


# The run's context -------------------------------------------------------------------------


@dataclass
class Context:
    """What every page reads: the package, the filtered view, the language, the pages."""

    package: Package
    view: View
    lang: str
    pages: dict[str, object]  # url path -> st.Page, for links between pages
    role: str = "viewer"  # viewer, editor or admin (`web/auth.py`)
    email: str | None = None  # who is signed in


def set_context(context: Context) -> None:
    """Hand this run's context to the page about to run."""
    st.session_state[_CONTEXT] = context


def context() -> Context:
    """This run's context (set by the entry point before the page runs)."""
    return st.session_state[_CONTEXT]
