"""Benchmark, in one run: server time of a rerun per page (all projects shown, and after a
filter change) next to an empty Streamlit app measured the same way, on the bundled
portfolio and on 5,000 generated projects; the bytes each page sends on first load at
5,000 projects; import, check and cold-start times; and the bytes of one map filter change.
Run with `make bench`; the README keeps the latest figures.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.config import APP_SCRIPT, chromium_path  # noqa: E402
from dashboard.web.state import PROJECTS  # noqa: E402
from harness import BROWSER_ARGS, counted_page, free_port, map_point, start_server, wait_for_run  # noqa: E402

PAGES = ("overview", "map", "reach", "funding", "results", "milestones", "projects", "sources")
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


def page_ms(page: str, choices=CHOICES) -> tuple[float, float]:
    """A page's median rerun with every project shown, and after the project filter changes."""
    import threading

    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=300)
    at.run()
    for thread in threading.enumerate():  # measured once the default view is worked out, as a served app would be
        if thread.name == "warm-up":
            thread.join()
    if page != "overview":
        at.switch_page(f"../../pages/{page}.py").run()
    all_shown = median_rerun_ms(at, lambda at, i: None)
    return all_shown, median_rerun_ms(at, lambda at, i: at.multiselect(key=PROJECTS).set_value(choices[i % 2]))


def _ready_once(browser, url: str) -> float:
    """Seconds from opening `url` in a fresh tab to its first heading, with the run done."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    started = time.perf_counter()
    page.goto(url)
    page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=90_000)
    wait_for_run(page)
    seconds = time.perf_counter() - started
    page.close()
    return seconds


@contextlib.contextmanager
def bare_server():
    """A bare Streamlit page (a title and nothing else), served; yields its port."""
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare.py"
        script.write_text("import streamlit as st\nst.title('Bare')\n")
        port = free_port()
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), "--server.headless", "true",
                   "--browser.gatherUsageStats", "false", "--server.address", "localhost"]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2)
                    break
                except OSError:
                    time.sleep(0.3)
            yield port
        finally:
            server.terminate()


def ready_seconds(port: int, bare_port: int, pages: tuple[str, ...], tries: int = 7) -> tuple[dict[str, float], float]:
    """Median seconds to ready for each page, and for the bare page opened just before each
    try of each page: the machine's load of the moment weighs on both alike."""
    from playwright.sync_api import sync_playwright

    out, bare = {}, []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
        # Not timed: first loads of the scripts, and of every page (so the server's warm-up
        # of the default view is over before the clock starts).
        for url in (f"http://localhost:{bare_port}/", *(f"http://localhost:{port}/{'' if n == 'overview' else n}" for n in pages)):
            _ready_once(browser, url)
        for page_name in pages:
            times = []
            for _ in range(tries):
                bare.append(_ready_once(browser, f"http://localhost:{bare_port}/"))
                times.append(_ready_once(browser, f"http://localhost:{port}/{'' if page_name == 'overview' else page_name}"))
            out[page_name] = statistics.median(times)
        browser.close()
    return out, statistics.median(bare)


def first_load_kb(port: int, pages: tuple[str, ...]) -> dict[str, float]:
    """KB the server sends over the websocket while each page first loads in a fresh tab."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
        for page_name in pages:
            page, received = counted_page(browser)
            page.goto(f"http://localhost:{port}/{'' if page_name == 'overview' else page_name}")
            wait_for_run(page)
            page.wait_for_timeout(1000)
            out[page_name] = sum(received) / 1024
            page.close()
        browser.close()
    return out


def large_portfolio(folder: Path, projects: int = 5000) -> Path:
    """A package of `projects` generated projects (scripts/generate_iati.py), imported."""
    import os
    import subprocess

    xml = folder / "generated.xml"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_iati.py"), "--projects", str(projects), "--out", str(xml)], check=True)
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "dashboard", "import-iati", str(xml), "--out", str(folder / "package")], stdout=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)  # the import's own peak memory
    assert os.waitstatus_to_exitcode(status) == 0
    print(f"  import of {xml.stat().st_size / 1e6:.0f} MB ({projects} projects): {time.perf_counter() - started:.1f} s, peak memory {usage.ru_maxrss / 1024:.0f} MB")
    return folder / "package"


def map_filter_change_bytes() -> int:
    """Bytes the server sends over the websocket after one map click (a province filter change)."""
    from playwright.sync_api import expect, sync_playwright  # only the browser part needs Playwright

    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            page, received = counted_page(browser)
            page.goto(f"http://localhost:{port}/map")
            wait_for_run(page)
            x, y = map_point(page, 101.5, 24.8)
            before = sum(received)
            page.mouse.click(x, y)
            page.wait_for_function("location.search.includes('province=530000')", timeout=30_000)
            wait_for_run(page)
            expect(page.get_by_role("heading", name="In Yunnan", exact=True)).to_be_visible()
            browser.close()
            return sum(received) - before
    finally:
        server.terminate()


def main() -> None:
    """Print every figure the README's performance table keeps."""
    import os

    from dashboard.store.imports import import_iati
    from dashboard.store.package import read_package

    started = time.perf_counter()
    import_iati([ROOT / "data" / "iati" / "undp-china-2017.xml"], ROOT / "data")
    print(f"Import of UNDP's China file (data/iati): {time.perf_counter() - started:.2f} s")
    print(f"Median server time of a rerun ({RERUNS} AppTest reruns each), all projects shown / after a project filter change:")
    print(f"  {'empty Streamlit app':<22}{empty_app_ms():8.1f} ms")
    for page in PAGES:
        shown, changed = page_ms(page)
        print(f"  {page:<22}{shown:8.1f} ms {changed:8.1f} ms   (bundled portfolio)")
    with tempfile.TemporaryDirectory() as tmp:
        print("5,000 generated projects:")
        package_dir = large_portfolio(Path(tmp))
        started = time.perf_counter()
        package = read_package(package_dir)
        print(f"  check and cold read of the package: {time.perf_counter() - started:.1f} s")
        choices = ([package["projects"]["project_id"].iloc[0]], list(package["projects"]["project_id"].iloc[1:3]))
        os.environ["DASHBOARD_DATA_DIR"] = str(package_dir)
        try:
            for page in PAGES:
                shown, changed = page_ms(page, choices)
                print(f"  {page:<22}{shown:8.1f} ms {changed:8.1f} ms")
            port = free_port()
            server = start_server(port, env={**os.environ}, timeout=180)
            try:
                sizes = first_load_kb(port, (*PAGES, "present"))
                with bare_server() as bare_port:
                    ready, bare = ready_seconds(port, bare_port, (*PAGES, "present"))
            finally:
                server.terminate()
            print("  first load: " + ", ".join(f"{page} {kb:.0f} KB" for page, kb in sizes.items()))
            print(f"  ready in the browser (a bare Streamlit page: {bare:.2f} s): " + ", ".join(f"{page} {s:.2f} s ({s / bare:.1f}x)" for page, s in ready.items()))
        finally:
            del os.environ["DASHBOARD_DATA_DIR"]
    print(f"Bytes sent to the browser for one map click (province filter): {map_filter_change_bytes() / 1024:.0f} KB")


if __name__ == "__main__":
    main()
