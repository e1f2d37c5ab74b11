"""The data people see: checked once per change of the files, the last good copy kept on
disk through a restart, and untouched by Streamlit's clear-cache."""

from __future__ import annotations

import os

import pytest
import streamlit as st

from dashboard.store import current as current_module
from dashboard.store.current import current, last_good_dir
from helpers import edit_cell


@pytest.fixture
def counted_reads(monkeypatch):
    """How many times the files are read and checked."""
    calls = []
    real = current_module.read_package
    monkeypatch.setattr(current_module, "read_package", lambda d: (calls.append(str(d)), real(d))[1])
    return calls


def restart() -> None:
    """What a new process starts with: nothing checked in memory."""
    current_module._CHECKED.clear()


def test_good_files_are_shown_and_kept_on_disk(small_dir, tmp_path):
    shown = current(small_dir, tmp_path / "state")
    assert shown.package is not None and shown.problems == [] and not shown.fallback
    kept = last_good_dir(small_dir, tmp_path / "state")
    assert sorted(p.name for p in kept.glob("*.csv")) == sorted(p.name for p in small_dir.glob("*.csv"))


def test_bad_files_show_the_last_good_copy_and_name_the_problems(small_dir, tmp_path):
    good = current(small_dir, tmp_path / "state").package
    edit_cell(small_dir, "funding", 2, "amount_usd", "nan")
    shown = current(small_dir, tmp_path / "state")
    assert shown.fallback and [str(p) for p in shown.problems][0].startswith("funding.csv, row 2, column 'amount_usd': found 'nan'")
    assert list(shown.package["funding"]["amount_usd"]) == list(good["funding"]["amount_usd"])


def test_the_last_good_copy_survives_a_restart(small_dir, tmp_path):
    current(small_dir, tmp_path / "state")
    restart()
    (small_dir / "projects.csv").write_text("project_id\n", encoding="utf-8")
    shown = current(small_dir, tmp_path / "state")
    assert shown.fallback and len(shown.package["projects"]) == 3


def test_with_no_good_copy_there_is_nothing_to_show(small_dir, tmp_path):
    edit_cell(small_dir, "funding", 2, "amount_usd", "nan")
    shown = current(small_dir, tmp_path / "state")
    assert shown.package is None and shown.problems


def test_each_state_of_the_files_is_checked_once(small_dir, tmp_path, counted_reads):
    edit_cell(small_dir, "funding", 2, "amount_usd", "nan")
    for _ in range(20):  # twenty page loads
        current(small_dir, tmp_path / "state")
    assert counted_reads == [str(small_dir)]
    edit_cell(small_dir, "funding", 2, "amount_usd", "400000")
    os.utime(small_dir / "funding.csv", ns=(1, 1))  # a change even within the clock's tick
    current(small_dir, tmp_path / "state")
    current(small_dir, tmp_path / "state")
    assert counted_reads == [str(small_dir), str(small_dir)]


def test_a_clear_cache_message_drops_nothing(small_dir, tmp_path, counted_reads):
    first = current(small_dir, tmp_path / "state")
    st.cache_data.clear()  # what Streamlit does on any visitor's clear-cache message
    st.cache_resource.clear()
    assert current(small_dir, tmp_path / "state") is first
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
