"""A real `streamlit run` server on the bundled data, and headless Debian Chromium driven
by Playwright. Every test here is marked `e2e`."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.config import ROOT, chromium_path
from harness import BROWSER_ARGS, free_port, start_server

SHOTS = ROOT / "test-artifacts" / "screenshots"
# Conditions, not sleeps, but with room: on two cores shared with the rest of the suite a
# rerun can take several seconds, more than Playwright's default 5 s.
expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def server() -> str:
    port = free_port()
    process = start_server(port)
    yield f"http://localhost:{port}"
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="session")
def grown_server(tmp_path_factory) -> str:
    """A server on the bundled data grown by an office's report of 70 projects (a valid edit)."""
    import shutil

    from helpers import BUNDLED, add_office_report

    data = add_office_report(Path(shutil.copytree(BUNDLED, tmp_path_factory.mktemp("grown") / "data")))
    port = free_port()
    process = start_server(port, {"DASHBOARD_DATA_DIR": str(data)})
    yield f"http://localhost:{port}"
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(chromium_path()).exists():
        pytest.fail(f"{chromium_path()} is missing: run the README's test command, which installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nScreenshots are saved in {SHOTS}")
    return SHOTS
