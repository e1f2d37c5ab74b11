"""Benchmark: server time of a rerun after a filter change, per page, next to an empty
Streamlit app measured the same way; and the bytes sent to the browser for one filter
change on the map page. Run with `make bench`; the README keeps the latest figures.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.config import APP_SCRIPT, chromium_path  # noqa: E402
from dashboard.web.state import PROJECTS  # noqa: E402
from harness import BROWSER_ARGS, free_port, map_point, start_server, wait_for_run  # noqa: E402

PAGES = ("overview", "map", "reach", "funding", "milestones", "projects", "sources")
RERUNS = 21
CHOICES = (["alp-3"], ["xiaokang", "good-governance"])


def median_rerun_ms(at: AppTest, change) -> float:
    """Median wall time of RERUNS reruns, each after `change(at, i)`."""
    times = []
    for i in range(RERUNS):
        change(at, i)
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times)


def empty_app_ms() -> float:
    """The floor: an app with one multiselect, rerun after a change of it."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "empty.py"
        script.write_text("import streamlit as st\nst.multiselect('x', ['a', 'b'], key='x')\n")
        at = AppTest.from_file(str(script), default_timeout=60)
        at.run()
        return median_rerun_ms(at, lambda at, i: at.multiselect(key="x").set_value([["a"], ["b"]][i % 2]))


def page_ms(page: str) -> float:
    """A page's median rerun after the project filter changes."""
    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=60)
    at.run()
    if page != "overview":
        at.switch_page(f"../../pages/{page}.py").run()
    return median_rerun_ms(at, lambda at, i: at.multiselect(key=PROJECTS).set_value(CHOICES[i % 2]))


def map_filter_change_bytes() -> int:
    """Bytes the server sends over the websocket after one map click (a province filter change)."""
    from playwright.sync_api import expect, sync_playwright  # only the browser part needs Playwright

    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            received: list[int] = []
            page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(len(f))))
            page.goto(f"http://localhost:{port}/map")
            wait_for_run(page)
            x, y = map_point(page, 101.5, 24.8)
            before = sum(received)
            page.mouse.click(x, y)
            page.wait_for_function("location.search.includes('province=530000')", timeout=30_000)
            wait_for_run(page)
            expect(page.get_by_role("heading", name="In Yunnan")).to_be_visible()
            browser.close()
            return sum(received) - before
    finally:
        server.terminate()


def main() -> None:
    """Print the rerun times per page and the bytes of one map click."""
    print(f"Median server time of a rerun after a filter change ({RERUNS} AppTest reruns each):")
    print(f"  {'empty Streamlit app':<22}{empty_app_ms():8.1f} ms")
    for page in PAGES:
        print(f"  {page:<22}{page_ms(page):8.1f} ms")
    print(f"Bytes sent to the browser for one map click (province filter): {map_filter_change_bytes() / 1024:.0f} KB")


if __name__ == "__main__":
    main()
