"""The data this run shows: the package as its files are now, or the last good copy while
they are bad (see `store/current.py`)."""

from __future__ import annotations

from dashboard.config import data_dir, state_dir
from dashboard.store.current import Current, current


def current_data() -> Current:
    """The package to show, the files' problems, and whether it is the last good copy."""
    return current(data_dir(), state_dir())
