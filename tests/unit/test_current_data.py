"""The data people see: the latest published revision, read once per revision; the data
folder's files checked once per change and published when they pass; bad files publish
nothing, and the last good data outlives a restart; untouched by Streamlit's clear-cache."""

from __future__ import annotations

import os

import pytest
import streamlit as st

from dashboard.store import current as current_module
from dashboard.store import revisions
from dashboard.store.current import current
from helpers import edit_cell


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'state' / 'store.sqlite'}"


@pytest.fixture
def counted_reads(monkeypatch):
    """How many times the files are read and checked."""
    calls = []
    real = current_module.read_tables
    monkeypatch.setattr(current_module, "read_tables", lambda d: (calls.append(str(d)), real(d))[1])
    return calls


def restart() -> None:
    """What a new process starts with: nothing checked or read in memory."""
    current_module._FILES.clear()
    current_module._PACKAGES.clear()
    current_module._UPGRADED.clear()


def test_good_files_are_published_as_the_first_revision(small_dir, url):
    shown = current(small_dir, url)
    assert shown.package is not None and shown.problems == [] and not shown.fallback and shown.revision == 1
    first = revisions.history(url)[0]
    assert (first.origin, first.author, first.message) == ("files", current_module.FILES_AUTHOR, "Created from the data package in small/")
    assert shown.package.published == first.created_at.timestamp()


def test_a_change_to_good_files_is_the_next_revision(small_dir, url):
    current(small_dir, url)
    edit_cell(small_dir, "funding", 2, "amount_usd", "400000")
    edit_cell(small_dir, "projects", 2, "title", "River Basin Pilot, renamed")
    shown = current(small_dir, url)
    assert shown.revision == 2 and "River Basin Pilot, renamed" in set(shown.package["projects"]["title"])
    assert revisions.history(url)[0].message == "The files in small/ changed on the server"


def test_bad_files_publish_nothing_and_name_the_problems(small_dir, url):
    good = current(small_dir, url).package
    edit_cell(small_dir, "funding", 2, "amount_usd", "nan")
    shown = current(small_dir, url)
    assert shown.fallback and [str(p) for p in shown.problems][0].startswith("funding.csv, row 2, column 'amount_usd': found 'nan'")
    assert shown.revision == 1 and shown.package is good


def test_the_last_good_data_survives_a_restart(small_dir, url):
    current(small_dir, url)
    restart()
    (small_dir / "projects.csv").write_text("project_id\n", encoding="utf-8")
    shown = current(small_dir, url)
    assert shown.fallback and len(shown.package["projects"]) == 3


def test_with_no_good_data_there_is_nothing_to_show(small_dir, url):
    edit_cell(small_dir, "funding", 2, "amount_usd", "nan")
    shown = current(small_dir, url)
    assert shown.package is None and shown.problems


def test_edits_published_since_are_never_undone_by_the_files(small_dir, url):
    current(small_dir, url)
    frames = revisions.read_frames(url)
    frames["projects"].loc[frames["projects"].index[0], "title"] = "Edited in the app"
    revisions.publish(url, frames, "Li Wei", "A better title", base=1, origin="upload")
    edit_cell(small_dir, "projects", 3, "title", "Edited on the server")
    shown = current(small_dir, url)
    assert shown.revision == 2 and "Edited in the app" in set(shown.package["projects"]["title"])
    assert "Edited on the server" not in set(shown.package["projects"]["title"])


def test_a_publish_elsewhere_is_seen_on_the_next_run(small_dir, url):
    first = current(small_dir, url).package
    frames = revisions.read_frames(url)
    frames["projects"].loc[frames["projects"].index[0], "title"] = "Published by another app process"
    revisions.publish(url, frames, "Li Wei", "Another process", base=1, origin="upload")
    shown = current(small_dir, url)
    assert shown.package is not first and "Published by another app process" in set(shown.package["projects"]["title"])


def test_each_state_of_the_files_is_checked_once(small_dir, url, counted_reads):
    edit_cell(small_dir, "funding", 2, "amount_usd", "nan")
    for _ in range(20):  # twenty page loads
        current(small_dir, url)
    assert counted_reads == [str(small_dir)]
    edit_cell(small_dir, "funding", 2, "amount_usd", "400000")
    os.utime(small_dir / "funding.csv", ns=(1, 1))  # a change even within the clock's tick
    current(small_dir, url)
    current(small_dir, url)
    assert counted_reads == [str(small_dir), str(small_dir)]


def test_a_clear_cache_message_drops_nothing(small_dir, url, counted_reads):
    first = current(small_dir, url)
    st.cache_data.clear()  # what Streamlit does on any visitor's clear-cache message
    st.cache_resource.clear()
    assert current(small_dir, url).package is first.package
    assert counted_reads == [str(small_dir)]


def test_served_app_clears_only_the_asking_session_on_clear_cache(monkeypatch):
    from streamlit.runtime.app_session import AppSession

    from dashboard.web.serve import keep_shared_caches

    monkeypatch.setattr(AppSession, "_handle_clear_cache_request", AppSession._handle_clear_cache_request)
    runs = []

    @st.cache_resource
    def shared() -> int:
        runs.append(1)
        return len(runs)

    shared()
    keep_shared_caches()

    class Session:
        def __init__(self):
            self._session_state = {"mine": 1}

    visitor = Session()
    AppSession._handle_clear_cache_request(visitor)
    assert visitor._session_state == {} and shared() == 1 and runs == [1]


def test_the_default_view_is_worked_out_ahead_of_the_first_visitors(small_dir):
    from dashboard.store.package import read_package
    from dashboard.web.data import warm_up

    package = read_package(small_dir)
    warm_up(package)
    made = {key[1] for key in package._memo if isinstance(key, tuple) and len(key) == 5}
    assert {"map_figure", "funding_figure", "timeline_figure", "headline_cards", "shown_slide"} <= made


def test_files_that_break_the_reader_publish_nothing_and_keep_the_data(small_dir, url, monkeypatch):
    good = current(small_dir, url).package

    def broken(_directory):
        raise MemoryError("a file too large to read")

    monkeypatch.setattr(current_module, "read_tables", broken)
    edit_cell(small_dir, "funding", 2, "amount_usd", "400001")
    shown = current(small_dir, url)
    assert shown.package is good and shown.fallback and shown.problems[0].expected == "a readable data package (MemoryError)"
