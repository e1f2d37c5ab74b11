"""Fixtures every kind of test uses: fixture packages as read, and writable copies."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from dashboard.store.package import Package, read_package
from helpers import BUNDLED, SMALL

# The app's state (the last good copy of the data) goes to a folder of the test run's own,
# not the project's var/; servers the tests start inherit it.
os.environ.setdefault("DASHBOARD_STATE_DIR", tempfile.mkdtemp(prefix="dashboard-state-"))


@pytest.fixture(scope="session")
def small() -> Package:
    """The small fixture package, read once."""
    return read_package(SMALL)


@pytest.fixture(scope="session")
def bundled() -> Package:
    """The bundled data package, read once (for facts from the source documents)."""
    return read_package(BUNDLED)


@pytest.fixture
def small_dir(tmp_path: Path) -> Path:
    """A writable copy of the small fixture package."""
    return Path(shutil.copytree(SMALL, tmp_path / "small"))


@pytest.fixture
def bundled_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled data package."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "data"))
