"""What only a browser shows: pages drawn, the map clicked, URLs round-tripped, and not one
request to another host."""

from __future__ import annotations

import io
import math
import re

import pytest
from PIL import Image

PAGES = ("", "map", "reach", "funding", "milestones", "projects", "sources")
# Streamlit's client probes for a base path under a page's own path before the root; those
# two 404s are its start-up, not the app's.
BASE_PATH_PROBE = re.compile(r"/[a-z]+/_stcore/(health|host-config)$")


class Visit:
    """A page opened in a fresh tab, with every request and console error recorded."""

    def __init__(self, browser, base: str, path: str, width: int = 1440, height: int = 1000):
        self.base = base
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 and not BASE_PATH_PROBE.search(r.url) else None)
        self.page.on("console", self._console)
        self.page.goto(f"{base}/{path}")
        self.settle()

    def _console(self, message) -> None:
        if message.type == "error" and "404" not in message.text:
            self.console_errors.append(message.text)

    def settle(self) -> None:
        self.page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        self.page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
        self.page.wait_for_timeout(1500)

    def foreign_requests(self) -> list[str]:
        own = (self.base, "blob:" + self.base, "data:")
        return sorted({u for u in self.requests if not u.startswith(own)})

    def close(self) -> None:
        self.page.close()


def non_blank(png: bytes) -> int:
    """How many distinct colours an image has: a blank canvas has one or two."""
    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or [])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_stays_on_our_host(browser, server, shots, path, lang):
    # A tall window, so the screenshot shows the whole page (Streamlit scrolls inside the page).
    visit = Visit(browser, server, f"{path}?lang={lang}", height=2600)
    try:
        visit.page.screenshot(path=str(shots / f"{path or 'overview'}-{lang}.png"), full_page=True)
        assert visit.page.locator('[data-testid="stException"]').count() == 0
        assert visit.console_errors == []
        assert visit.failed == []
        assert visit.foreign_requests() == []
        if lang == "zh":
            # Chinese is drawn in the font the app serves itself, not a font service.
            assert any(u.endswith("/app/static/NotoSansSC-Regular.woff2") for u in visit.requests)
            assert visit.page.evaluate("document.fonts.check('16px \"Noto Sans SC\"', '项目')")
    finally:
        visit.close()


def map_canvas(visit: Visit):
    canvas = visit.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.wait_for(timeout=30_000)
    visit.page.wait_for_timeout(1500)
    return canvas


def test_map_is_drawn(browser, server):
    visit = Visit(browser, server, "map")
    try:
        assert non_blank(map_canvas(visit).screenshot()) > 20
    finally:
        visit.close()


def screen_point(lon: float, lat: float, box: dict, view=(104.0, 34.5, 2.85)) -> tuple[float, float]:
    """Where deck.gl's Web Mercator view puts a longitude/latitude inside the canvas."""
    lon0, lat0, zoom = view
    world = 512 * 2**zoom

    def y(phi: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))

    dx = (lon - lon0) / 360 * world
    dy = (y(lat0) - y(lat)) / (2 * math.pi) * world
    return box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy


def test_clicking_a_province_sets_the_filter_and_the_url(browser, server, shots):
    visit = Visit(browser, server, "map")
    try:
        box = map_canvas(visit).bounding_box()
        x, y = screen_point(101.5, 24.8, box)  # central Yunnan
        visit.page.mouse.click(x, y)
        visit.page.wait_for_function("location.search.includes('province=530000')", timeout=30_000)
        visit.settle()
        assert visit.page.get_by_text("In Yunnan").count() >= 1
        assert "Yunnan" in visit.page.locator('[data-testid="stSidebar"]').inner_text()
        visit.page.screenshot(path=str(shots / "map-clicked-yunnan.png"), full_page=True)
        # A second click on the same province clears the filter again.
        box = map_canvas(visit).bounding_box()
        visit.page.mouse.click(*screen_point(101.5, 24.8, box))
        visit.page.wait_for_function("!location.search.includes('province=')", timeout=30_000)
    finally:
        visit.close()


def test_url_with_filters_reproduces_the_view(browser, server):
    visit = Visit(browser, server, "funding?project=good-governance&from=2005&to=2010&province=420000")
    try:
        body = visit.page.locator('[data-testid="stMain"]').inner_text()
        assert "Public Sector Good Governance · 2005–2010 · Hubei" in body
        sidebar = visit.page.locator('[data-testid="stSidebar"]').inner_text()
        assert "Public Sector Good Governance" in sidebar and "Hubei" in sidebar
        search = visit.page.evaluate("location.search")
        assert "project=good-governance" in search and "province=420000" in search
    finally:
        visit.close()


def test_language_and_filters_survive_a_page_change(browser, server):
    visit = Visit(browser, server, "?lang=zh&project=xiaokang")
    try:
        visit.page.locator('[data-testid="stSidebarNav"] a[href$="/funding"]').click()
        visit.page.wait_for_function("location.pathname.endsWith('/funding')", timeout=30_000)
        visit.settle()
        search = visit.page.evaluate("location.search")
        assert "lang=zh" in search and "project=xiaokang" in search
        assert "小康项目" in visit.page.locator('[data-testid="stMain"]').inner_text()
    finally:
        visit.close()


@pytest.mark.parametrize("width", [1024, 390])
@pytest.mark.parametrize("path", ["", "map", "funding", "milestones"])
def test_nothing_is_cut_off_on_tablet_and_phone(browser, server, shots, path, width):
    visit = Visit(browser, server, path, width=width, height=900)
    try:
        overflow = visit.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        visit.page.screenshot(path=str(shots / f"{path or 'overview'}-{width}px.png"), full_page=True)
    finally:
        visit.close()


def test_presenter_steps_through_slides_with_the_keyboard(browser, server, shots):
    visit = Visit(browser, server, "present?slide=1&lang=zh")
    try:
        assert visit.page.locator("h1").first.inner_text() == "联合国开发计划署驻华项目成果"
        visit.page.locator("h1").first.click()  # focus the page, as a presenter would
        visit.page.keyboard.press("ArrowRight")
        visit.page.wait_for_function("location.search.includes('slide=2')", timeout=30_000)
        visit.settle()
        assert visit.page.locator("h1").first.inner_text() == "主要数字"
        visit.page.keyboard.press("ArrowRight")
        visit.page.wait_for_function("location.search.includes('slide=3')", timeout=30_000)
        visit.settle()
        visit.page.keyboard.press("ArrowLeft")
        visit.page.wait_for_function("location.search.includes('slide=2')", timeout=30_000)
        assert "lang=zh" in visit.page.evaluate("location.search")
        assert not visit.page.locator('[data-testid="stSidebar"]').is_visible()
        visit.page.screenshot(path=str(shots / "present-slide-2-zh.png"))
    finally:
        visit.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_presenter_slides_fit_the_screen(browser, server, shots, size):
    visit = Visit(browser, server, "present?slide=3", width=size[0], height=size[1])
    try:
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= size[0]
        title_px = visit.page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
        assert title_px >= 35  # legible from the back of a meeting room
        visit.page.screenshot(path=str(shots / f"present-{size[0]}x{size[1]}.png"))
    finally:
        visit.close()


def test_browser_language_chooses_chinese_when_no_lang_is_given(browser, server):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(server)
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        assert page.locator("h1").first.inner_text() == "联合国开发计划署驻华项目成果"
    finally:
        context.close()


def test_presenter_autoplay_advances_the_slide(browser, server):
    visit = Visit(browser, server, "present?slide=1")
    try:
        visit.page.get_by_text("Autoplay").click()
        # The shortest interval is 10 seconds; the default 30 is moved down to it.
        slider = visit.page.locator('[data-testid="stSlider"] input[type="range"]').first
        slider.focus()
        for _ in range(4):
            slider.press("ArrowLeft")
        visit.page.wait_for_function("location.search.includes('slide=2')", timeout=40_000)
    finally:
        visit.close()
