"""A local dashboard and a browser driving it: start `streamlit run` on a loopback port,
Chromium's offline flags, and the waits that tell when the app and its map are ready.

Used by the browser tests, the benchmark and the screenshot script; not by the app.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.config import APP_SCRIPT, CHROMIUM_OFFLINE_ARGS  # noqa: E402
from dashboard.present.deck import canvas_point  # noqa: E402

# Chromium flags for the browser tests: offline, plus software WebGL so the map draws
# on machines without a graphics card. Playwright adds --headless itself.
BROWSER_ARGS = [a for a in CHROMIUM_OFFLINE_ARGS if a != "--headless"] + ["--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, env: dict[str, str] | None = None, log: Path | None = None, timeout: float = 60) -> subprocess.Popen:
    """`streamlit run` the app on `port`, returning once its health check answers."""
    log = log or ROOT / "test-artifacts" / f"streamlit-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT), "--server.port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not start:\n" + log.read_text(errors="replace"))


def wait_for_run(page: Page) -> None:
    """Until the app is connected, has drawn a title and has no script run in progress."""
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=60_000)
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible(timeout=60_000)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)


def wait_until_painted(page: Page) -> None:
    """Until the browser has drawn what the run sent: no placeholder skeletons, and every
    chart in the visible tab with its SVG (plotly loads and draws after the run ends)."""
    wait_for_run(page)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=60_000)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .filter(c => c.offsetParent !== null)
                 .every(c => c.querySelector('.main-svg'))""",
        timeout=60_000,
    )
    page.wait_for_load_state("networkidle")  # fonts


def map_canvas(page: Page):
    """The province map's canvas, once it is on the page."""
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    expect(canvas).to_be_visible(timeout=30_000)
    return canvas


def hover_until_tooltip(page: Page, lon: float, lat: float, name: str, timeout: float = 60) -> tuple[float, float]:
    """Move the pointer onto a province until deck.gl's tooltip names it: then a click picks it.

    The pointer first leaves the map until no tooltip shows, so a tooltip left by an
    earlier map (it is redrawn after each click) cannot pass for this one. deck.gl picks
    only once its layers are loaded, and only on pointer moves, so the pointer then moves
    by a pixel at a time until the tooltip shows. Returns where to click.
    """
    page.mouse.move(0, 0)
    expect(page.locator(".deck-tooltip:visible")).to_have_count(0, timeout=10_000)
    tooltip = page.locator(".deck-tooltip:visible", has_text=name)
    deadline = time.monotonic() + timeout
    nudge = 0
    while True:
        x, y = canvas_point(lon, lat, map_canvas(page).bounding_box())
        page.mouse.move(x + nudge, y)
        try:
            expect(tooltip.first).to_be_visible(timeout=250)
            return x + nudge, y
        except AssertionError:
            if time.monotonic() > deadline:
                raise
        nudge = 1 - nudge
