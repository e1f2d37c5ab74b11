"""A local dashboard and a browser driving it: start `streamlit run` on a loopback port,
Chromium's offline flags, and the waits that tell when the app and its map are ready.

Used by the browser tests, the benchmark and the screenshot script; not by the app.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import time
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.config import CHROMIUM_OFFLINE_ARGS  # noqa: E402
from dashboard.present.province_map import to_units  # noqa: E402
# Chromium flags for the browser tests: offline. Playwright adds --headless itself.
BROWSER_ARGS = [a for a in CHROMIUM_OFFLINE_ARGS if a != "--headless"]
MAP = '[data-testid="stPlotlyChart"]:has(.subplot.x2y2)'


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def identity_provider() -> Iterator[str]:
    """A real OpenID Connect provider (PyPI's oidc-provider-mock) on a free loopback port,
    for as long as the block runs; yields its address. It signs in whoever types an address."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--port", str(port)], env={"AUTHLIB_INSECURE_TRANSPORT": "1", "PATH": "/usr/bin:/bin"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(f"{address}/.well-known/openid-configuration", timeout=2)
            break
        except OSError:
            if time.time() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the identity provider did not start")
            time.sleep(0.2)
    try:
        yield address
    finally:
        server.terminate()
        server.wait(10)


def sign_in_secrets(path: Path, port: int, provider: str, editors: list[str]) -> Path:
    """Write a secrets file that turns sign-in on against `provider` for a dashboard on
    `port`, with `editors` as its editors; returns its path (for `--secrets.files`)."""
    path.write_text(f"""
[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "a-cookie-secret-for-local-tests-only-0123456789"
client_id = "dashboard"
client_secret = "dashboard-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[roles]
editors = {editors!r}
""".replace("'", '"'), encoding="utf-8")
    return path


# The app's own variables for a server that signs in against a provider on plain http://
# loopback (authlib refuses http elsewhere).
SIGN_IN_ENV = {"AUTHLIB_INSECURE_TRANSPORT": "1"}


def sign_in(page: Page, email: str) -> None:
    """Sign in from the sidebar's button (either language) at the provider's own page."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("button", name=re.compile(r"Sign in \(editors\)|登录（编辑人员）")).click()
    page.wait_for_url("**/oauth2/authorize**", timeout=30_000)
    page.fill("input[name=sub]", email)
    page.get_by_role("button", name="Authorize").click()
    expect(sidebar).to_contain_text(re.compile(r"\((editor|administrator)\)|（(编辑人员|管理员)）"), timeout=30_000)


def start_server(port: int, env: dict[str, str] | None = None, log: Path | None = None, timeout: float = 60, args: tuple[str, ...] = ()) -> subprocess.Popen:
    """`streamlit run` the app on `port` (with Streamlit options `args`), returning once its health check answers."""
    log = log or ROOT / "test-artifacts" / f"streamlit-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "dashboard", "serve", "--port", str(port), *args]
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


def counted_page(browser, width: int = 1440, height: int = 1000) -> tuple[Page, list[int]]:
    """A fresh tab, and the list the size of every websocket message from the server is added to."""
    page = browser.new_page(viewport={"width": width, "height": height})
    received: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: received.append(len(f))))
    return page, received


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


def map_point(page: Page, lon: float, lat: float) -> tuple[float, float]:
    """Where a longitude/latitude is on the (first) province map, in page pixels."""
    expect(page.locator(f"{MAP} .main-svg").first).to_be_visible(timeout=30_000)
    return tuple(page.evaluate(
        """([selector, lon, lat]) => {
            const gd = document.querySelector(selector + ' .js-plotly-plot');
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
            return [box.left + xa._offset + xa.l2p(lon), box.top + ya._offset + ya.l2p(lat)];
        }""",
        [MAP, to_units(lon), to_units(lat)],
    ))


def click_province(page: Page, lon: float, lat: float, name: str) -> None:
    """Point at a province until the map's tooltip names it, then click there."""
    x, y = map_point(page, lon, lat)
    page.mouse.move(x, y)
    expect(page.locator(".hoverlayer .hovertext", has_text=name).first).to_be_visible(timeout=20_000)
    page.mouse.click(x, y)


# WCAG 2.1 levels A and AA, as axe-core tags its rules.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def accessibility_findings(page: Page) -> list[str]:
    """Every serious or critical WCAG 2.1 A/AA finding axe-core (bundled in
    axe-playwright-python, so nothing is fetched) makes on the page as it stands."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    return [f"{v['id']} ({v['impact']}): {node['html'][:160]} - {node['failureSummary'][:240]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical") for node in v["nodes"]]
