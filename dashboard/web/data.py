"""Cached reads of the data package, shared by every session of the process.

While the files are bad, people keep seeing the last good package, with the problems.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.config import data_dir
from dashboard.store.package import Package, read_package
from dashboard.validate.problems import PackageError, Problem


def fingerprint(directory: Path) -> tuple:
    """Changes whenever a CSV in the package changes, so edits are picked up on the next rerun."""
    if not directory.is_dir():
        return ()
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*.csv")))


# A resource, not data: every session shares the one read-only package instead of
# unpickling a copy on each rerun.
@st.cache_resource(show_spinner=False, max_entries=4)
def _read(directory: str, fingerprint: tuple) -> Package:
    return read_package(directory)


@st.cache_resource
def _last_good() -> dict[str, Package]:
    return {}


def current_package() -> tuple[Package | None, list[Problem]]:
    """The package and no problems; or, when the files are bad, the last good package and the problems."""
    directory = data_dir()
    try:
        package = _read(str(directory), fingerprint(directory))
    except PackageError as err:
        return _last_good().get(str(directory)), err.problems
    except Exception as err:  # noqa: BLE001 - whatever happens, people get a message, not a traceback
        problem = Problem(str(directory), None, None, None, f"a readable data package ({type(err).__name__}: {err})")
        return _last_good().get(str(directory)), [problem]
    _last_good()[str(directory)] = package
    return package, []
