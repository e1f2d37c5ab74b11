"""Entry point: `streamlit run dashboard/web/app.py`. Loads the data, draws the shared
filter bar, and routes to the pages; the pages read the filtered view from the context."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `streamlit run` puts the script's folder on the path, not the project
    sys.path.insert(0, str(ROOT))

from dashboard.briefing.slides import BUILDERS  # noqa: E402
from dashboard.config import PAGES_DIR, STATIC_DIR  # noqa: E402
from dashboard.domain.filters import apply_filters  # noqa: E402
from dashboard.present.i18n import t  # noqa: E402
from dashboard.web import auth, components, data, serve, state  # noqa: E402

PAGES = (
    ("overview.py", "nav.overview", None, ":material/dashboard:"),
    ("map.py", "nav.map", "map", ":material/map:"),
    ("reach.py", "nav.reach", "reach", ":material/groups:"),
    ("funding.py", "nav.funding", "funding", ":material/payments:"),
    ("results.py", "nav.results", "results", ":material/fact_check:"),
    ("milestones.py", "nav.milestones", "milestones", ":material/timeline:"),
    ("projects.py", "nav.projects", "projects", ":material/folder_open:"),
    ("sources.py", "nav.sources", "sources", ":material/menu_book:"),
    ("present.py", "nav.present", "present", ":material/slideshow:"),
    ("history.py", "nav.history", "history", ":material/history:"),
    ("manage.py", "nav.manage", "manage", ":material/upload_file:"),
)


serve.close_network()  # also when started by a plain `streamlit run`: no lookups from here on
st.set_page_config(page_title="UNDP China results", page_icon=str(STATIC_DIR / "favicon.png"), layout="wide")

shown = data.current_data()
package = shown.package
ignored, bad_slide = state.seed_from_url(package, len(BUILDERS)) if package is not None else ([], None)
if package is not None:
    state.follow_package(package)
components.global_style()
lang = components.language_switch()
access = auth.current_access()
email, role = components.account_box(access, lang)
components.url_notice(ignored, bad_slide, len(BUILDERS), lang)
if access.viewers_must_sign_in and email is None:
    st.info(t("auth.required", lang))
    st.stop()
if shown.problems:
    components.data_notice(shown, lang)
if package is None:
    st.stop()

filters = components.filter_bar(package, lang)
view = apply_filters(package, filters)
pages = [st.Page(str(PAGES_DIR / file), title=t(title, lang), icon=icon, url_path=path, default=path is None) for file, title, path, icon in PAGES
         if path not in auth.hidden_pages(role, access)]
state.set_context(state.Context(package, view, lang, {page.url_path: page for page in pages}, role, email))
# The URL must be written before st.navigation, which otherwise sends the address of the
# run's start.
state.write_url(view.filters, package, lang)
page = st.navigation(pages, position="sidebar")
try:
    page.run()
except Exception:  # noqa: BLE001 - a person sees a sentence; the log keeps the traceback
    logging.getLogger("dashboard").exception("page %s failed", page.url_path)
    st.error(t("error.page", lang))
