"""AppTest runs the app in this process; each test chooses its data package through the
environment, the small fixture package unless it says otherwise."""

from __future__ import annotations

import pytest

from helpers import SMALL


@pytest.fixture(autouse=True)
def small_package_served(monkeypatch):
    """Serve the small fixture package (a test may point DASHBOARD_DATA_DIR elsewhere)."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(SMALL))
