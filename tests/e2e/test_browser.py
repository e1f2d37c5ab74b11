"""What only a browser shows: pages drawn, the map clicked, URLs round-tripped, downloads
opened, and not one request to another host. Every wait is on a condition (Playwright's
`expect` or a page state), never a fixed sleep."""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile

import openpyxl
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from dashboard.schema import TABLES
from dashboard.present.province_map import inset_codes, maritime_lines
from harness import MAP, click_province, wait_for_run, wait_until_painted
from helpers import BUNDLED

PAGES = ("", "map", "reach", "funding", "results", "milestones", "projects", "sources", "history")
# Streamlit's client probes for a base path under a page's own path before the root; those
# two 404s are its start-up, not the app's.
BASE_PATH_PROBE = re.compile(r"/[a-z]+/_stcore/(health|host-config)$")
YUNNAN = (101.5, 24.8)  # a point in central Yunnan


class Visit:
    """A page opened in a fresh tab, with every request and console error recorded."""

    def __init__(self, browser, base: str, path: str, width: int = 1440, height: int = 1000):
        self.base = base
        self.page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        self.received: list[int] = []  # the size of every websocket message from the server
        self.page.on("websocket", lambda ws: ws.on("framereceived", lambda f: self.received.append(len(f))))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 and not BASE_PATH_PROBE.search(r.url) else None)
        self.page.on("console", self._console)
        self.page.goto(f"{base}/{path}")
        wait_for_run(self.page)

    def _console(self, message) -> None:
        if message.type == "error" and "404" not in message.text:
            self.console_errors.append(message.text)

    def foreign_requests(self) -> list[str]:
        own = (self.base, "blob:" + self.base, "data:")
        return sorted({u for u in self.requests if not u.startswith(own)})

    def download(self, button_name: str, within: str = "body") -> bytes:
        """Click a download button (inside the element matched by `within`) and return the file it gives."""
        button = self.page.locator(within).get_by_role("button", name=button_name)
        expect(button).to_have_count(1)
        with self.page.expect_download(timeout=60_000) as info:
            button.click()
        return info.value.path().read_bytes()

    def close(self) -> None:
        self.page.close()


def colours(png: bytes) -> int:
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


def wait_for_address(page: Page, condition: str) -> None:
    """Until the address bar's query string meets a JavaScript condition on `search`.

    Streamlit changes the address with the history API, which is no navigation to wait for.
    """
    page.wait_for_function(f"(search => {condition})(location.search)", timeout=30_000)


def test_map_is_drawn(browser, server):
    visit = Visit(browser, server, "map")
    try:
        # 34 provinces, the inset's provinces again, and the maritime line (in the inset, and
        # on the main map where it reaches into its frame), as SVG paths.
        expect(visit.page.locator(f"{MAP} .shapelayer path")).to_have_count(34 + len(inset_codes()) + len(maritime_lines()), timeout=30_000)
    finally:
        visit.close()


DECK = '[data-testid="stDeckGlJsonChart"]'


def deck_pixel(box: dict, view, lon: float, lat: float) -> tuple[float, float]:
    """Where deck.gl's Web Mercator view draws lon/lat on the page, for a canvas at `box`."""
    def world(lo: float, la: float) -> tuple[float, float]:
        size = 512 * 2**view.zoom
        return size * (lo + 180) / 360, size * (1 - math.log(math.tan(math.pi / 4 + math.radians(la) / 2)) / math.pi) / 2

    (x, y), (cx, cy) = world(lon, lat), world(view.longitude, view.latitude)
    return box["x"] + box["width"] / 2 + x - cx, box["y"] + box["height"] / 2 + y - cy


def test_the_places_map_draws_hovers_and_narrows_the_panel_with_no_request_leaving(browser, server, shots):
    from dashboard.present.place_map import fit_view, framed_bounds

    xinying = next(r for r in csv.DictReader(open(BUNDLED / "locations.csv", encoding="utf-8")) if r["place_as_written"] == "Xinying")
    visit = Visit(browser, server, "map?province=460000")
    page = visit.page
    try:
        page.get_by_role("tab", name="Counties and places").click()
        deck = page.locator(DECK)
        expect(deck.locator("canvas").first).to_be_visible()
        deck.scroll_into_view_if_needed()
        wait_until_painted(page)
        page.wait_for_timeout(500)  # deck.gl draws on the next animation frames
        assert colours(deck.screenshot()) > 20  # the island, its county borders, tinted counties and dots, not a blank canvas
        box = deck.bounding_box()
        x, y = deck_pixel(box, fit_view(framed_bounds(("460000",))), float(xinying["longitude"]), float(xinying["latitude"]))
        page.mouse.move(x, y)
        tooltip = page.locator(".deck-tooltip")
        expect(tooltip).to_contain_text("Xinying")
        expect(tooltip).to_contain_text("Strengthen Wetland PA Hainan")
        page.screenshot(path=str(shots / "map-places-hainan.png"), full_page=False)
        page.mouse.click(x, y)
        expect(page.get_by_text("At Xinying: 1 project(s)")).to_be_visible()
        assert visit.foreign_requests() == []
        assert visit.console_errors == []
    finally:
        visit.close()


def test_clicking_a_province_sets_the_filter_and_the_url(browser, server, shots):
    visit = Visit(browser, server, "map")
    page = visit.page
    try:
        before = sum(visit.received)
        click_province(page, *YUNNAN, "Yunnan")
        wait_for_address(page, "search.includes('province=530000')")
        wait_for_run(page)
        expect(page.get_by_role("heading", name="In Yunnan", exact=True)).to_be_visible()
        # The map travels again with its new colours, and what the filter changed: under 100 KB.
        print(f"click: {(sum(visit.received) - before) / 1024:.0f} KB")
        assert 20_000 < sum(visit.received) - before <= 100 * 1024
        expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("Yunnan")
        page.screenshot(path=str(shots / "map-clicked-yunnan.png"), full_page=True)
        # A second click on the same province clears the filter again.
        click_province(page, *YUNNAN, "Yunnan")
        wait_for_address(page, "!search.includes('province=')")
        wait_for_run(page)
        expect(page.get_by_role("heading", name="In Yunnan", exact=True)).to_have_count(0)
    finally:
        visit.close()


def test_url_with_filters_reproduces_the_view(browser, server):
    visit = Visit(browser, server, "funding?project=good-governance&from=2005&to=2010&province=420000")
    try:
        expect(visit.page.locator('[data-testid="stMain"]')).to_contain_text("Public Sector Good Governance · 2005–2010 · Hubei")
        sidebar = visit.page.locator('[data-testid="stSidebar"]')
        expect(sidebar).to_contain_text("Public Sector Good Governance")
        expect(sidebar).to_contain_text("Hubei")
        search = visit.page.evaluate("location.search")
        assert "project=good-governance" in search and "province=420000" in search
    finally:
        visit.close()


def test_language_and_filters_survive_a_page_change(browser, server):
    visit = Visit(browser, server, "?lang=zh&project=xiaokang")
    try:
        visit.page.locator('[data-testid="stSidebarNav"] a[href$="/funding"]').click()
        visit.page.wait_for_function("location.pathname.endsWith('/funding')", timeout=30_000)
        wait_for_run(visit.page)
        search = visit.page.evaluate("location.search")
        assert "lang=zh" in search and "project=xiaokang" in search
        expect(visit.page.locator('[data-testid="stMain"]')).to_contain_text("小康项目")
    finally:
        visit.close()


def test_csv_download_holds_exactly_the_table_shown(browser, server):
    visit = Visit(browser, server, "funding?project=good-governance")
    try:
        # The documents' section, drawn once opened; then the button of its first figure
        # (Streamlit marks an element with its key as a class).
        visit.page.get_by_role("tab", name="Project documents").click()
        expect(visit.page.locator(".st-key-funding-by-project-csv")).to_have_count(1, timeout=30_000)
        data = visit.download("Download CSV", within=".st-key-funding-by-project-csv")
        assert data.startswith(b"\xef\xbb\xbf")  # spreadsheet programs then read UTF-8
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert [(r["Project"], r["Type of funder"], float(r["Amount (USD)"])) for r in rows] == [
            ("Public Sector Good Governance", "UNDP", 1_000_000),
            ("Public Sector Good Governance", "Government", 740_000),
        ]
        assert all(r["Source document"] and r["Section"] for r in rows)
    finally:
        visit.close()


def test_package_downloads_open_as_zip_and_workbook(browser, server):
    visit = Visit(browser, server, "sources")
    try:
        names = zipfile.ZipFile(io.BytesIO(visit.download("All tables (zipped CSV)"))).namelist()
        assert {t.file_name for t in TABLES} | {"datapackage.json"} == set(names)
        book = openpyxl.load_workbook(io.BytesIO(visit.download("All tables (Excel workbook to edit)")))
        assert [name for name in book.sheetnames if name in {t.name for t in TABLES}] == [t.name for t in TABLES]
        template = openpyxl.load_workbook(io.BytesIO(visit.download("Blank template (Excel)")))
        assert template.sheetnames == book.sheetnames and template["projects"].max_row == 1
        rows = list(book["projects"].iter_rows(values_only=True))
        projects = [dict(zip(rows[0], r)) for r in rows[1:]]
        governance = next(p for p in projects if p["project_id"] == "good-governance")
        assert governance["undp_project_id"] == "00056242"  # kept as text, leading zeros and all
    finally:
        visit.close()


def slide_title(page: Page):
    return page.locator('[data-testid="stMain"] h1').first


def test_presenter_steps_through_slides_with_the_keyboard(browser, server, shots):
    visit = Visit(browser, server, "present?slide=1&lang=zh")
    page = visit.page

    def press(key: str, slide: int, title: str) -> None:
        # The keys are the Previous / Next buttons' shortcuts: they work once those buttons
        # are drawn, which comes after the run ends. Each key then waits for the run it
        # causes, so no key reaches the previous slide's buttons.
        wait_until_painted(page)
        expect(page.get_by_role("button", name=re.compile("上一页"))).to_be_visible()
        expect(page.get_by_role("button", name=re.compile("下一页"))).to_be_visible()
        page.keyboard.press(key)
        wait_for_address(page, f"search.includes('slide={slide}')")
        wait_for_run(page)
        expect(slide_title(page)).to_have_text(title)

    try:
        expect(slide_title(page)).to_have_text("联合国开发计划署驻华项目成果")
        slide_title(page).click()  # focus the page, as a presenter would
        press("ArrowRight", 2, "主要数字")
        press("ArrowRight", 3, "各省项目分布")
        press("ArrowLeft", 2, "主要数字")
        assert "lang=zh" in page.evaluate("location.search")
        expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
        page.screenshot(path=str(shots / "present-slide-2-zh.png"))
    finally:
        visit.close()


def test_browser_language_chooses_chinese_when_no_lang_is_given(browser, server):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(server)
        expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("联合国开发计划署驻华项目成果", timeout=60_000)
    finally:
        context.close()


def test_address_values_not_understood_are_named_and_dropped(browser, server):
    visit = Visit(browser, server, "present?slide=999&project=nope&utm_source=mail")
    page = visit.page
    try:
        wait_for_address(page, "search === '?slide=9'")
        expect(slide_title(page)).to_have_text("Source documents")
        toast = page.locator('[data-testid="stToast"]')
        expect(toast).to_contain_text("Left out of the address, not understood: project=nope, utm_source=mail.")
        expect(toast).to_contain_text("There is no slide 999; slide 9 of 9 is shown.")
    finally:
        visit.close()
