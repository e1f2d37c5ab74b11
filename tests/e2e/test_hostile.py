"""Data is text: a package whose every free-text cell carries markup, script, a form, a
style, a frame, Markdown, maths and Streamlit's own codes is drawn on every page, slide and
pack, and nothing it says is obeyed: no element, request, dialog or formatting comes of it."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile

import openpyxl

import pytest
from playwright.sync_api import Page
from pptx import Presentation

from dashboard.briefing.pack import pack_bytes
from dashboard.briefing.slides import BUILDERS, build_slides
from dashboard.domain.filters import Filters, apply_filters
from dashboard.formulas import FORMULA_START
from dashboard.present.text import filters_summary
from dashboard.store.package import read_package
from harness import free_port, map_point, start_server, wait_until_painted
from helpers import HOSTILE, SMALL, hostile_package, write_rows

# Every page, and the views that show one project's or one province's text in full (the
# chosen project's name in the filter, its detail, the province panel).
PAGES = ("", "map", "reach", "funding", "results", "milestones", "projects", "sources", "history", "projects?project=river&", "map?province=530000&")
# Each part of the payload that formatting would wrap in an element of its own.
MARKERS = ["BOLDHOSTILE", "STRONGHOSTILE", "EMHOSTILE", "LINKHOSTILE", "MATHHOSTILE", "REDHOSTILE", "CODEHOSTILE"]
LITERAL = "<b>BOLDHOSTILE</b> **STRONGHOSTILE**"  # how the payload reads when it stays text

# What the page shows that came of the payload, as a list of findings (empty when none).
FINDINGS = """(markers) => {
    const found = [];
    const all = [...document.querySelectorAll('*')];
    for (const e of all) {
        if (e.hasAttribute('data-hostile')) found.push('element ' + e.tagName);
        if (markers.includes(e.textContent.trim())) found.push('formatting ' + e.tagName + ': ' + e.textContent.trim());
        // Links that start with '#' are the page's own heading anchors.
        const link = e.getAttribute('href') || e.getAttribute('xlink:href') || e.getAttribute('src') || e.getAttribute('action') || '';
        if (link.includes("hostile") && !link.startsWith("#")) found.push("address " + e.tagName + " " + link + " in " + (e.parentElement && e.parentElement.outerHTML.slice(0, 300)));
    }
    if (window.hostile) found.push('script ran');
    if (getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)') found.push('style applied');
    if (document.body.innerText.includes('\\u{1F604}')) found.push('emoji code drawn');
    return found;
}"""
SHOWN_TEXT = """() => document.body.innerText + ' ' + [...document.querySelectorAll('svg text')].map(t => t.textContent).join(' ')"""


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    directory = hostile_package(SMALL, tmp_path_factory.mktemp("hostile"))
    # Results indicators too (the small package has none): a people figure and a qualitative one.
    write_rows(directory, "results", [
        {"project_id": "river", "line": "1", "result_kind": "output", "result_title": f"{HOSTILE} Results", "indicator": f"{HOSTILE} Output Indicator 1.3.2.A.1.1",
         "indicator_description": f"{HOSTILE} Number of farmers trained", "period_end": "2013-12-31", "baseline_value": "0", "target_value": "100", "actual_value": "80",
         "measure": "people_reached", "measure_basis": "rule: people-count", "source_id": "doc-river", "section": f"{HOSTILE} 3. Results"},
        {"project_id": "coast", "line": "1", "result_kind": "outcome", "result_title": f"{HOSTILE} Results", "indicator": f"{HOSTILE} Outcome Indicator",
         "indicator_description": f"{HOSTILE} Coastal plan approved by the province", "period_end": "2012-12-31", "target_text": f"{HOSTILE} A plan",
         "actual_text": f"{HOSTILE} The plan was approved", "measure": "policy_uptake", "measure_basis": "reviewed by <b>Li</b> on 2026-12-08",
         "source_id": "doc-coast", "section": f"{HOSTILE} Results"},
    ])
    read_package(directory)  # it passes the check: nothing in it is invalid, only unfriendly
    return directory


@pytest.fixture(scope="module")
def hostile_server(hostile_dir):
    port = free_port()
    process = start_server(port, env={"DASHBOARD_DATA_DIR": str(hostile_dir)})
    yield f"http://localhost:{port}"
    process.terminate()
    process.wait(10)


class Watched:
    """A page with every request to another host and every dialog recorded."""

    def __init__(self, browser, base: str):
        self.base = base
        self.page: Page = browser.new_page(viewport={"width": 1440, "height": 1000})
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.foreign.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path: str) -> None:
        self.page.goto(f"{self.base}/{path}")
        wait_until_painted(self.page)

    def findings(self) -> list[str]:
        return self.page.evaluate(FINDINGS, MARKERS) + [f"request {u}" for u in self.foreign] + [f"dialog {d}" for d in self.dialogs]

    def shown(self) -> str:
        return self.page.evaluate(SHOWN_TEXT)


# Each page in one language, alternating, so both the English and the Chinese columns of
# every kind of page are covered without opening each page twice.
@pytest.mark.parametrize("path, lang", [(p, ("en", "zh")[i % 2]) for i, p in enumerate(PAGES)] + [("", "zh"), ("map", "en")])
def test_pages_show_hostile_data_as_text(browser, hostile_server, path, lang):
    watched = Watched(browser, hostile_server)
    watched.open(f"{path}lang={lang}" if path.endswith("&") else f"{path}?lang={lang}")
    assert watched.findings() == []
    if path not in ("sources", "history"):  # their data is all in tables, which draw on a canvas
        assert LITERAL in watched.shown(), "the payload should be on the page, as text"
    watched.page.close()


def test_map_tooltip_shows_hostile_names_as_text(browser, hostile_server):
    watched = Watched(browser, hostile_server)
    watched.open("map")
    x, y = map_point(watched.page, 101.5, 24.8)  # Yunnan, where River Pilot works
    watched.page.mouse.move(x, y)
    tooltip = watched.page.locator(".hoverlayer .hovertext").first
    tooltip.wait_for()
    assert LITERAL in tooltip.text_content()
    assert watched.findings() == []
    watched.page.close()


@pytest.mark.parametrize("number", range(1, len(BUILDERS) + 1))
def test_slides_show_hostile_data_as_text(browser, hostile_server, number):
    watched = Watched(browser, hostile_server)
    watched.open(f"present?slide={number}&lang={'zh' if number % 2 else 'en'}")
    assert watched.findings() == []
    watched.page.close()


def test_packs_carry_hostile_data_as_text(hostile_dir):
    package = read_package(hostile_dir)
    view = apply_filters(package, Filters())
    slides = build_slides(package, view, "en")
    line = filters_summary(view, "en")
    pptx = pack_bytes(slides, line, "pptx")
    text = " ".join(shape.text_frame.text for slide in Presentation(io.BytesIO(pptx)).slides for shape in slide.shapes if shape.has_text_frame)
    assert HOSTILE.split("<b>")[0] in text  # the script tag, word for word
    with zipfile.ZipFile(io.BytesIO(pptx)) as archive:
        links = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels"))
        xml = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    assert "hostile" not in links and "hlinkClick" not in xml and "<script" not in xml
    pdf = pack_bytes(slides, line, "pdf")
    assert b"/URI" not in pdf and b"/JavaScript" not in pdf and b"/AcroForm" not in pdf
    shown = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "<script>window.hostile=1</script>" in shown.replace("\n", "")


def opened(name: str, data: bytes) -> list[tuple[str, bool]]:
    """Every text cell of a downloaded export as (text, marked as text): a CSV's cells (an
    apostrophe marks text), a workbook's cells (a formula cell is never text), a zip's CSVs."""
    if name.endswith(".zip"):
        archive = zipfile.ZipFile(io.BytesIO(data))
        return [cell for n in archive.namelist() if n.endswith(".csv") for cell in opened(n, archive.read(n))]
    if name.endswith(".csv"):
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
        return [(cell, cell.startswith("'")) for row in rows for cell in row]
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [(str(c.value), c.data_type == "s") for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]


EXPORTS = {
    "funding": ["Download CSV", "Download Excel"],
    "projects": ["Download CSV", "Download Excel"],
    "sources": ["Download CSV", "Download Excel", "All tables (Excel workbook to edit)", "Blank template (Excel)", "All tables (zipped CSV)"],
}


@pytest.mark.parametrize("path", list(EXPORTS))
def test_every_export_opens_inert(browser, hostile_server, path):
    watched = Watched(browser, hostile_server)
    watched.open(path)
    try:
        for label in EXPORTS[path]:
            button = watched.page.get_by_role("button", name=label).first
            with watched.page.expect_download(timeout=60_000) as info:
                button.click()
            cells = opened(info.value.suggested_filename, info.value.path().read_bytes())
            risky = [text for text, marked in cells if text.lstrip("'").startswith(FORMULA_START)]
            if label == "Blank template (Excel)":  # no data in it, so nothing to make inert
                assert risky == [], label
                continue
            if label.endswith("(zipped CSV)"):  # the data package is for programs: every value as it is
                assert any(text.startswith('=HYPERLINK("http://hostile.example/"') and not marked for text, marked in cells), label
                continue
            assert risky, f"{label}: the payload should be in the export"
            assert all(marked for text, marked in cells if text.lstrip("'").startswith(FORMULA_START)), label
            assert any("FORMULAHOSTILE" in text for text in risky), label
    finally:
        watched.page.close()
