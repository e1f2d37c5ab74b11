"""Accessible to people who do not see well or do not use a mouse: axe-core finds no
serious or critical WCAG 2.1 A/AA fault on any page in either language (the presenter and
History included; Manage signed in is checked in `test_officer.py`), and the keyboard alone
changes every filter, reaches what a map click does, and opens a figure's table."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from harness import accessibility_findings, wait_for_run, wait_until_painted

PAGES = ("", "map", "reach", "funding", "results", "milestones", "projects", "sources", "present", "history", "manage")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_serious_accessibility_finding_on_any_page(browser, server, lang):
    found = {}
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    try:
        for path in PAGES:
            page.goto(f"{server}/{path}?lang={lang}")
            wait_until_painted(page)
            if findings := accessibility_findings(page):
                found[path or "overview"] = findings
        # The map's second section, drawn only when opened: the places map, its legend and notes.
        page.goto(f"{server}/map?province=460000&lang={lang}")
        wait_until_painted(page)
        page.get_by_role("tab", name={"en": "Counties and places", "zh": "县和地点"}[lang]).click()
        wait_for_run(page)
        expect(page.locator('[data-testid="stDeckGlJsonChart"]')).to_be_visible()
        if findings := accessibility_findings(page):
            found["map: counties and places"] = findings
    finally:
        page.close()
    assert found == {}


def tab_to(page: Page, condition: str, presses: int = 120) -> None:
    """Press Tab until the focused element meets `condition` (JavaScript over `el`), as a
    keyboard user moves through the page."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({condition}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def in_sidebar_labelled(label: str) -> str:
    """A condition: the focused element is the sidebar's input whose widget has this label."""
    return (f"!!el.closest('[data-testid=\"stSidebar\"]') && !!el.closest('[data-testid=\"stElementContainer\"]')"
            f" && el.closest('[data-testid=\"stElementContainer\"]').innerText.startsWith({label!r})")


def address(page: Page) -> str:
    return page.evaluate("location.search")


def choose(page: Page, label: str, text: str) -> None:
    """With the keyboard only: Tab to the list, type to narrow it, Enter to take the option."""
    page.locator("body").focus()
    tab_to(page, in_sidebar_labelled(label))
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_for_run(page)


def test_the_keyboard_alone_changes_every_filter(browser, server):
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    try:
        page.goto(f"{server}/map")
        wait_until_painted(page)
        choose(page, "Projects", "Good governance")
        page.wait_for_function("location.search.includes('project=good-governance')", timeout=30_000)
        choose(page, "From year", "2008")
        page.wait_for_function("location.search.includes('from=2008')", timeout=30_000)
        choose(page, "To year", "2010")
        page.wait_for_function("location.search.includes('to=2010')", timeout=30_000)
        # What a click on the map does: the province chosen, its panel below the map.
        choose(page, "Provinces", "Hubei")
        page.wait_for_function("location.search.includes('province=420000')", timeout=30_000)
        expect(page.locator('[data-testid="stMain"]')).to_contain_text("Xiangfan")
        # The language, a segmented control: Tab to it, the arrow key to the other option, Enter.
        page.locator("body").focus()
        tab_to(page, "el.tagName === 'BUTTON' && ['English', '中文'].includes(el.innerText.trim())")
        if page.evaluate("document.activeElement.innerText.trim()") != "中文":
            page.keyboard.press("ArrowRight")
        assert page.evaluate("document.activeElement.innerText.trim()") == "中文"
        page.keyboard.press("Enter")
        page.wait_for_function("location.search.includes('lang=zh')", timeout=30_000)
        assert all(part in address(page) for part in ("project=good-governance", "from=2008", "to=2010", "province=420000"))
    finally:
        page.close()


def test_the_keyboard_alone_opens_a_figures_table(browser, server):
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    try:
        page.goto(f"{server}/funding")
        wait_until_painted(page)
        page.locator("body").focus()
        tab_to(page, "el.getAttribute('role') === 'tab' && el.innerText.trim() === 'Chart'")
        page.keyboard.press("ArrowRight")  # tabs move with the arrow keys, as WAI-ARIA describes
        page.keyboard.press("Enter")
        table_tab = page.get_by_role("tab", name="Table").first
        expect(table_tab).to_have_attribute("aria-selected", "true")
        panel = page.locator('[role="tabpanel"]:visible').first
        expect(panel.locator('[data-testid="stDataFrame"], [data-testid="stTable"], table').first).to_be_visible()
    finally:
        page.close()
