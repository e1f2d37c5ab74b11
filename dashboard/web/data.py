"""The data this run shows: the latest revision published in the database, fed by the data
folder (see `store/current.py`); and the default view worked out ahead of the first visitors."""

from __future__ import annotations

import logging
import threading

import pandas as pd

from dashboard.briefing.slides import BUILDERS, shown_slide
from dashboard.config import data_dir, database_url
from dashboard.domain import timeline
from dashboard.domain.filters import Filters, apply_filters
from dashboard.present import view_figures
from dashboard.present.i18n import LANGUAGES
from dashboard.present.tables import funding_by_type_table, funding_table, cofinancing_table, location_table, project_table, province_table
from dashboard.present.text import headline_cards, uptake_results
from dashboard.store import revisions
from dashboard.store.current import Current, current
from dashboard.store.package import Package


def current_data() -> Current:
    """The latest revision's package, the data folder's problems, and whether its files are bad."""
    shown = current(data_dir(), database_url())
    if shown.package is not None:
        shown.package.derived("warm-up", start_warm_up)
    return shown


def warm_up(package: Package) -> None:
    """Work out the unfiltered view of every page and slide in both languages, as the first
    visitors would, so a room arriving at once after a (re)start does not all wait for it."""
    try:
        for lang in LANGUAGES:
            view = apply_filters(package, Filters())
            headline_cards(view, lang)
            uptake_results(view, lang)
            for table in (funding_table, funding_by_type_table, cofinancing_table, location_table, project_table, province_table):
                table(view, lang)
            view_figures.map_figure(view, False, lang, 420, True)
            view_figures.map_figure(view, False, lang, 560, True)
            view_figures.funding_figure(view, lang)
            view_figures.funding_share_figure(view, lang)
            view_figures.cofinancing_figure(view, lang)
            view_figures.reach_figure(view, "people", lang)
            view_figures.reach_figure(view, "countries", lang)
            # The figure the Milestones page shows: a row per project, or the portfolio year by year.
            view_figures.portfolio_per_year_figure(view, lang) if timeline.timeline_by_year(view) else view_figures.timeline_figure(view, lang)
            view_figures.budget_spending_figure(view, lang)
            view_figures.funders_figure(view, lang)
            view_figures.funding_by_kind_figure(view, lang)
            view_figures.delivery_figure(view, lang)
            for number in range(1, len(BUILDERS) + 1):
                shown_slide(view, number, lang)
    except Exception:  # noqa: BLE001 - a warm-up that fails leaves the pages to do the work
        logging.getLogger("dashboard").exception("warming up the default view failed")


def start_warm_up(package: Package) -> threading.Thread:
    """Warm up in the background: the first page does not wait for it."""
    thread = threading.Thread(target=warm_up, args=(package,), name="warm-up", daemon=True)
    thread.start()
    return thread


def history_of(package: Package) -> tuple[list, pd.DataFrame]:
    """The revisions and the audit log as of the package's revision: read once per revision,
    however many people open the History page."""
    url = database_url()
    return package.derived("history", lambda _: (revisions.history(url), revisions.audit_events(url)))
