"""A portfolio of 5,000 projects generated from UNDP's real activities (a 118 MB IATI file):
the import streams it in bounded memory (its peak at most 250 MB above the same command's
peak on the bundled 1 MB file, measured in the same run, so the interpreter and libraries
of whichever machine runs it cancel out), `check` with the cold read of the package it
writes takes at most 2 s, and the places map's interactions each send at most 100 KB.
Marked `capacity`: the test command runs it alone, after the rest, so the timing is not
shared with other tests."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

import pytest

from dashboard.config import ROOT
from dashboard.store.package import read_package

pytestmark = pytest.mark.capacity

PROJECTS = 5000


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale")
    xml = folder / "generated.xml"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_iati.py"), "--projects", str(PROJECTS), "--out", str(xml)], check=True)
    return xml


def peak_rss_mb(command: list[str]) -> float:
    """Run `command` and return its own peak resident memory, in MB."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.returncode == 0, child.stderr.read().decode()
    return usage.ru_maxrss / 1024  # kilobytes on Linux


@pytest.fixture(scope="module")
def imported(generated, tmp_path_factory) -> tuple:
    """The generated file imported: (package folder, the import's peak memory, the same for the bundled file)."""
    folder = tmp_path_factory.mktemp("imported")
    bundled = sorted((ROOT / "data" / "iati").glob("*.xml"))
    baseline = peak_rss_mb([sys.executable, "-m", "dashboard", "import-iati", *map(str, bundled), "--out", str(folder / "baseline")])
    peak = peak_rss_mb([sys.executable, "-m", "dashboard", "import-iati", str(generated), "--out", str(folder / "package")])
    return folder / "package", peak, baseline


def test_a_100_mb_file_imports_in_flat_memory_and_checks_in_2_s(generated, imported):
    assert generated.stat().st_size > 100e6
    package, peak, baseline = imported
    # 100 times the file, a few times the memory of what it holds (measured: 343 MB against 146 MB).
    assert peak - baseline <= 250, f"{peak:.0f} MB against {baseline:.0f} MB for the bundled file"
    times = []
    for _ in range(3):
        started = time.perf_counter()
        read = read_package(package)  # the check's rules and the typed tables, as the app's cold start does
        times.append(time.perf_counter() - started)
    assert len(read["projects"]) > PROJECTS
    assert min(times) <= 2.0, times
    print(f"import peak {peak:.0f} MB ({baseline:.0f} MB for the bundled file); check and cold read {statistics.median(times):.2f} s (best {min(times):.2f} s)")


def test_each_interaction_with_the_places_map_sends_at_most_100_kb(imported):
    from playwright.sync_api import expect, sync_playwright

    from dashboard.config import chromium_path
    from harness import BROWSER_ARGS, counted_page, free_port, start_server, wait_for_run

    port = free_port()
    server = start_server(port, {"DASHBOARD_DATA_DIR": str(imported[0])}, timeout=180)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            page, received = counted_page(browser)
            page.goto(f"http://localhost:{port}/map?province=460000", timeout=120_000)
            wait_for_run(page)
            sizes = {}

            def measure(name: str, action) -> None:
                before = sum(received)
                action()
                wait_for_run(page)
                page.wait_for_timeout(500)
                sizes[name] = (sum(received) - before) / 1024

            measure("open the places section", lambda: page.get_by_role("tab", name="Counties and places").click())
            expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible()
            measure("switch on the country's places", lambda: page.get_by_text("Places across the country").click())
            expect(page.get_by_text("across the country in grey").or_(page.get_by_text("counted in"))).to_be_visible()
            measure("size by budget", lambda: page.get_by_role("radio", name="Published budget").click())
            browser.close()
        print("places map interactions at 5,000 projects: " + ", ".join(f"{k} {v:.0f} KB" for k, v in sizes.items()))
        assert all(0 < v <= 100 for v in sizes.values()), sizes
    finally:
        server.terminate()
