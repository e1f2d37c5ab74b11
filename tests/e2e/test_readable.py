"""Readable on every screen it meets: measured on the elements themselves, at phone, tablet,
laptop and projector sizes, in both languages. A page that fits its width can still cut a
number short or print one label over another; these tests look for exactly that."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from dashboard.briefing.slides import BUILDERS
from dashboard.present.province_map import inset_codes, province_paths
from harness import MAP, wait_until_painted

# Largest first: the page is opened once and narrowed, as a window is.
SCREENS = [(1440, 900), (1280, 720), (1024, 900), (390, 900)]
PROJECTORS = [(1280, 720), (1366, 768), (1920, 1080)]
SLIDES = len(BUILDERS)


def open_page(browser, server: str, path: str, size: tuple[int, int]) -> Page:
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(f"{server}/{path}")
    wait_until_painted(page)
    return page


def each_screen(page: Page, shots: Path, name: str):
    """Resize the open page to every screen in turn, yielding each size once the page and
    its charts are laid out again (plotly redraws a chart at its new width after a resize);
    a screenshot of each is kept in `shots` to look at."""
    for size in SCREENS:
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(c => c.offsetParent !== null)
            .every(c => { const svg = c.querySelector('.main-svg'); return svg && Math.abs(svg.getBoundingClientRect().width - c.clientWidth) < 2; })""")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # layout settled
        assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0, size  # no sideways scrolling
        page.screenshot(path=str(shots / f"{name}-{size[0]}x{size[1]}.png"), full_page=True)
        yield size


# Each visible text element of the charts: its box in page pixels and its text.
CHART_TEXTS = """(selector) => [...document.querySelectorAll(selector)].filter(c => c.offsetParent !== null).map(chart =>
    [...chart.querySelectorAll('svg text')].map(t => ({box: t.getBoundingClientRect(), text: t.textContent}))
        .filter(t => t.text.trim() && t.box.width > 0 && t.box.height > 0)
        .map(t => ({text: t.text, l: t.box.left, t: t.box.top, r: t.box.right, b: t.box.bottom})))"""


def overlapping(texts: list[dict], slack: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of text boxes that overlap by more than `slack` pixels both ways."""
    pairs = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if min(a["r"], b["r"]) - max(a["l"], b["l"]) > slack and min(a["b"], b["b"]) - max(a["t"], b["t"]) > slack:
                pairs.append((a["text"], b["text"]))
    return pairs


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_headline_figures_are_never_cut_short(browser, server, shots, lang):
    page = open_page(browser, server, f"?lang={lang}", SCREENS[0])
    try:
        for size in each_screen(page, shots, f"overview-{lang}"):
            values = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(v => {
                const inner = v.firstElementChild || v, card = v.closest('[data-testid="stVerticalBlockBorderWrapper"], .stVerticalBlock');
                return {text: v.textContent, scroll: inner.scrollWidth, client: inner.clientWidth, right: v.getBoundingClientRect().right,
                        cardRight: card.getBoundingClientRect().right, ellipsis: getComputedStyle(inner).textOverflow};
            })""")
            assert len(values) == 8, size  # projects, the four kinds of amount, people, provinces, milestones
            for v in values:
                assert v["scroll"] <= v["client"] + 1, (size, v)  # the whole figure is drawn, none of it scrolled away
                assert v["right"] <= v["cardRight"] + 1, (size, v)
                assert "…" not in v["text"] and v["ellipsis"] != "ellipsis", (size, v)
    finally:
        page.close()


# The bundled data at every projector size, and the same grown by an office's report of 70
# projects (more bars and results than a slide holds) at the smallest and largest.
SLIDE_CASES = [("server", size, lang) for size in PROJECTORS for lang in ("en", "zh")] + [("grown_server", (1280, 720), "zh"), ("grown_server", (1920, 1080), "en")]


@pytest.mark.parametrize(("data", "size", "lang"), SLIDE_CASES, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v)
def test_every_slide_fits_the_screen_with_type_for_the_back_of_the_room(browser, request, shots, data, size, lang):
    server = request.getfixturevalue(data)
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        page.goto(f"{server}/present?slide=1&lang={lang}")
        for number in range(1, SLIDES + 1):
            if number > 1:  # on to the next slide as a presenter would, without reloading
                page.locator(".st-key-next [data-testid=stBaseButton-secondary]").first.click()
                page.wait_for_function(f"location.search.includes('slide={number}')")
            wait_until_painted(page)
            fit = page.evaluate("""() => {
                const slide = document.querySelector('.st-key-slide, .st-key-slide-text');
                const bar = document.querySelector('.st-key-slide-bar').getBoundingClientRect();
                const parts = [...slide.querySelectorAll('h1, .slide-meta, .slide-lines li, .slide-card, [data-testid="stPlotlyChart"] .main-svg')]
                    .map(e => e.getBoundingClientRect());
                return {overflow: slide.scrollHeight - slide.clientHeight, page: document.documentElement.scrollHeight - innerHeight,
                        lowest: Math.max(...parts.map(r => r.bottom)), barTop: bar.top, barBottom: bar.bottom,
                        barRight: Math.max(...[...document.querySelectorAll('.st-key-slide-bar > div')].map(e => e.getBoundingClientRect().right)),
                        body: [...slide.querySelectorAll('.slide-lines, .slide-card .card-label')].map(e => parseFloat(getComputedStyle(e).fontSize)),
                        values: [...slide.querySelectorAll('.slide-card .card-value')].map(e => parseFloat(getComputedStyle(e).fontSize)),
                        cutValues: [...slide.querySelectorAll('.slide-card .card-value, .slide-card .card-label')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText),
                        chart: [...slide.querySelectorAll('svg text')].filter(t => t.getBoundingClientRect().width > 0)
                                 .map(t => parseFloat(getComputedStyle(t).fontSize))};
            }""")
            where = f"slide {number} at {size}"
            assert fit["overflow"] <= 1 and fit["page"] <= 0, where  # nothing scrolls
            assert fit["lowest"] <= fit["barTop"] + 1, where  # nothing hides under the control bar
            assert fit["barBottom"] <= size[1] and fit["barRight"] <= size[0], where  # every control on screen
            assert fit["cutValues"] == [], where  # every headline number whole
            if size == (1920, 1080):
                assert all(px >= 28 for px in fit["body"]), (where, fit["body"])
                assert all(px >= 64 for px in fit["values"]), (where, fit["values"])
                assert all(px >= 18 for px in fit["chart"]), (where, sorted(set(fit["chart"])))
            texts = page.evaluate(CHART_TEXTS, ".st-key-slide [data-testid='stPlotlyChart']")
            assert not any(overlapping(t) for t in texts), (where, [overlapping(t) for t in texts])
        page.screenshot(path=str(shots / f"present-{SLIDES}-{size[0]}x{size[1]}-{lang}-{data}.png"))
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_whole_country_stays_inside_the_map_frame(browser, server, shots, lang):
    page = open_page(browser, server, f"map?lang={lang}", SCREENS[0])
    try:
        for size in each_screen(page, shots, f"map-{lang}"):
            # Every point of every province outline on the main map, against the plot area it is
            # clipped to and the chart's frame. Only the provinces with South China Sea islands may
            # run off the bottom edge: those islands are what the inset shows.
            codes = list(province_paths())  # the shapes' order when no province is chosen
            outside = page.evaluate("""([map, codes, inset]) => {
                const chart = document.querySelector(map), svg = chart.querySelector('.main-svg').getBoundingClientRect();
                const area = chart.querySelector('.draglayer .xy .nsewdrag').getBoundingClientRect();
                const groups = [...chart.querySelectorAll('.shapelayer .shape-group')].filter(g => /xy\\)$/.test(g.getAttribute('clip-path')))
                    .filter(g => parseFloat(getComputedStyle(g.querySelector('path')).fillOpacity) > 0);
                const problems = [];
                groups.forEach((g, i) => {
                    const points = g.querySelector('path').getAttribute('d').match(/-?[\\d.]+,-?[\\d.]+/g).map(p => p.split(',').map(Number));
                    for (const [x, y] of points) {
                        const px = svg.left + x, py = svg.top + y;
                        const south = py > area.bottom;
                        if (px < Math.max(area.left, svg.left + 1) || px > Math.min(area.right, svg.right - 1) || py < Math.max(area.top, svg.top + 1)
                            || (south && !inset.includes(codes[i])) || py > svg.bottom - 1 && !south) {
                            problems.push([codes[i], Math.round(px), Math.round(py)]); break;
                        }
                    }
                });
                const legend = chart.querySelector('.legend').getBoundingClientRect();
                return {shapes: groups.length, problems: problems,
                        legend: legend.left >= svg.left && legend.right <= svg.right && legend.top >= svg.top && legend.bottom <= svg.bottom};
            }""", [MAP, codes, list(inset_codes())])
            assert outside["shapes"] == 34, size
            assert outside["problems"] == [], size  # no edge of the frame cuts or touches a province
            assert outside["legend"], size  # the legend is inside the frame too
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", ["milestones", "funding", "reach"])
def test_chart_labels_never_print_over_each_other_or_past_the_chart(browser, server, shots, path, lang):
    page = open_page(browser, server, f"{path}?lang={lang}", SCREENS[0])
    try:
        for size in each_screen(page, shots, f"{path}-{lang}"):
            charts = page.evaluate(CHART_TEXTS, '[data-testid="stPlotlyChart"]')
            frames = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(c => c.offsetParent !== null)
                .map(c => { const r = c.getBoundingClientRect(); return [r.left, r.right]; })""")
            assert charts and all(len(texts) > 3 for texts in charts), size
            for texts, (left, right) in zip(charts, frames):
                assert overlapping(texts) == [], size
                cut = [t["text"] for t in texts if t["l"] < left - 0.5 or t["r"] > right + 0.5]
                assert cut == [], (size, cut)  # no label runs off the chart's edge, where it would be cut
    finally:
        page.close()


@pytest.mark.parametrize("lang, uptake", [("en", "22 indicators → 11th Five-Year Plan"), ("zh", "22项指标 → “十一五”规划")])
def test_policy_uptake_leads_the_milestones_page_as_text(browser, server, lang, uptake):
    page = open_page(browser, server, f"milestones?lang={lang}", (1280, 720))
    try:
        text = page.get_by_text(uptake).first
        expect(text).to_be_visible()
        chart = page.locator('[data-testid="stPlotlyChart"]').first
        assert text.bounding_box()["y"] < chart.bounding_box()["y"]  # read before the timeline
        assert text.bounding_box()["y"] < 720  # on the first screen
    finally:
        page.close()


def test_autoplay_counts_down_the_time_left_and_moves_on(browser, server):
    page = open_page(browser, server, "present?slide=1", (1280, 720))
    try:
        page.get_by_text("Autoplay").click()
        page.locator(".st-key-slide-bar [data-testid='stSelectbox']").click()
        page.get_by_role("option", name="10 s").click()
        left = page.locator(".time-left")
        expect(left).to_have_attribute("style", re.compile(r"\b10s\b"))  # counting from the chosen interval
        page.wait_for_function("() => getComputedStyle(document.querySelector('.time-left')).getPropertyValue('--left') !== ''")
        first = int(left.evaluate("e => getComputedStyle(e).getPropertyValue('--left')"))
        page.wait_for_function("() => parseInt(getComputedStyle(document.querySelector('.time-left')).getPropertyValue('--left')) < 8")
        assert 0 < first <= 10
        page.wait_for_function("location.search.includes('slide=2')", timeout=30_000)
        expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("Headline figures")
    finally:
        page.close()
