"""Entrypoint: `streamlit run dashboard/app.py`. Loads the data, draws the shared filter
bar, and routes to the pages; the pages read the filtered view from the context."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts dashboard/ on the path, not the project
    sys.path.insert(0, str(ROOT))

from dashboard import ui  # noqa: E402
from dashboard.filters import apply_filters  # noqa: E402
from dashboard.i18n import t  # noqa: E402

PAGES = (
    ("overview.py", "nav.overview", None, ":material/dashboard:"),
    ("map.py", "nav.map", "map", ":material/map:"),
    ("reach.py", "nav.reach", "reach", ":material/groups:"),
    ("funding.py", "nav.funding", "funding", ":material/payments:"),
    ("milestones.py", "nav.milestones", "milestones", ":material/timeline:"),
    ("projects.py", "nav.projects", "projects", ":material/folder_open:"),
    ("sources.py", "nav.sources", "sources", ":material/menu_book:"),
    ("present.py", "nav.present", "present", ":material/slideshow:"),
)

st.set_page_config(page_title="UNDP China results", page_icon=str(ROOT / "dashboard" / "static" / "favicon.png"), layout="wide")

package, problems = ui.current_package()
if package is not None:
    ui.seed_from_url(package)
lang = ui.language_switch()
if problems:
    ui.show_problems(problems, package is not None, lang)
if package is None:
    st.stop()

filters = ui.filter_bar(package, lang)
view = apply_filters(package, filters)
pages = [
    st.Page(
        str(ROOT / "pages" / file),
        title=t(title, lang),
        icon=icon,
        url_path=path,
        default=path is None,
    )
    for file, title, path, icon in PAGES
]
ui.set_context(ui.Context(package, view, lang, {page.url_path: page for page in pages}))
# The URL must be written before st.navigation, which otherwise sends the address of the
# run's start. The slide number belongs to presenter mode, which flags itself each run.
presenting = st.session_state.pop("_presenting", False)
ui.write_url(view.filters, package, lang, slide=st.session_state.get("slide", 1) if presenting else None)
page = st.navigation(pages, position="sidebar")
try:
    page.run()
except Exception:  # noqa: BLE001 - a person sees a sentence; the log keeps the traceback
    logging.getLogger("dashboard").exception("page %s failed", page.url_path)
    st.error(t("error.page", lang))
