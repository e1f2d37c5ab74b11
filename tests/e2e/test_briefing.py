"""The briefing pack, drawn for real: PowerPoint and PDF for two filter sets in both
languages, chart images made by the system Chromium, and the `brief` command."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from dashboard.briefing.images import slide_images
from dashboard.briefing.pack import pack_bytes
from dashboard.briefing.pdf import slides_html, write_pdf
from dashboard.briefing.pptx import EAST_ASIAN_FONT, write_pptx
from dashboard.briefing.slides import SLIDE_FUNDERS, build_slides
from dashboard.domain import figures
from dashboard.present.i18n import format_usd, t
from dashboard.domain.filters import Filters, apply_filters
from dashboard.present.text import filters_summary, headline_cards
from dashboard.store.package import read_package
from helpers import BUNDLED, add_office_report

CASES = {
    "all-en": (Filters(), "en"),
    "xiaokang-yunnan-zh": (Filters(projects=("xiaokang",), provinces=("530000",)), "zh"),
    "grown-zh": (Filters(), "zh"),  # the bundled data grown by an office's report of 70 projects
}


def colours(png: bytes) -> int:
    """How many distinct colours an image has: a blank one has one or two."""
    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or [])


@pytest.fixture(scope="module", params=list(CASES))
def pack(request, tmp_path_factory):
    filters, lang = CASES[request.param]
    package = read_package(add_office_report(Path(shutil.copytree(BUNDLED, tmp_path_factory.mktemp("grown") / "data")))) if request.param.startswith("grown") else read_package()
    view = apply_filters(package, filters)
    slides = build_slides(package, view, lang)
    images = slide_images(slides)
    line = filters_summary(view, lang)
    native = {k: v for k, v in images.items() if next(s for s in slides if s.key == k).chart is None}
    return {
        "name": request.param,
        "lang": lang,
        "view": view,
        "slides": slides,
        "pptx": Presentation(io.BytesIO(write_pptx(slides, line, native))),
        "pdf": write_pdf(slides, line, images),
        "images": images,
        "line": line,
    }


def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_slide_count_and_native_titles(pack):
    prs = pack["pptx"]
    assert [s.shapes.title.text for s in prs.slides] == [s.title for s in pack["slides"]]
    assert len(prs.slides) == 9
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9


def test_figures_in_the_text_equal_the_overview_cards(pack):
    text = slide_text(pack["pptx"].slides[1])
    for card in headline_cards(pack["view"], pack["lang"]):
        # The number whole on one line: its spaces are non-breaking.
        assert card.value.replace(" ", "\u00a0") in text and card.label in text and (card.note or "") in text, card
    for slide in pack["pptx"].slides:
        assert pack["line"] in slide_text(slide)  # the active filters on every slide


def test_pictures_are_real_images_with_alt_text_saying_what_they_show(pack):
    for slide, spec in zip(pack["pptx"].slides, pack["slides"]):
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
        assert len(pictures) == (spec.figure is not None and spec.chart is None), spec.key
        for picture in pictures:
            assert colours(picture.image.blob) > 20
            alt = picture._element.nvPicPr.cNvPr.get("descr")
            assert alt == spec.alt and len(alt) > 40 and "image" not in alt.lower()
    assert {s.key for s in pack["slides"] if s.alt} <= {"map", "published_funding", "timeline"}
    assert {"map", "timeline"} <= {s.key for s in pack["slides"] if s.alt}
    map_alt = next(s.alt for s in pack["slides"] if s.key == "map")
    assert ("Guizhou" in map_alt or "South China Sea" in map_alt) if pack["lang"] == "en" else "南海诸岛" in map_alt


def native_charts(prs) -> dict[int, object]:
    return {i: shape.chart for i, slide in enumerate(prs.slides) for shape in slide.shapes if shape.has_chart}


def test_bar_charts_are_native_and_hold_the_figures(pack):
    charts = native_charts(pack["pptx"])
    keys = [s.key for s in pack["slides"]]
    assert {keys[i] for i in charts} == {s.key for s in pack["slides"] if s.chart is not None} <= {"reach", "funding"}
    funding = next((charts[i] for i in charts if keys[i] == "funding"), None)
    if funding is None:
        return
    every = figures.funders(pack["view"])
    # The chart's own data: one series per kind of amount, one value per funder (the rest as
    # one bar), each series summing to the portfolio's total of that kind.
    by_series = {s.name: [v for v in s.values if v is not None] for s in funding.plots[0].series}
    for kind in figures.AMOUNT_KINDS:
        name = t(f"col.{kind}", pack["lang"])
        if name in by_series:
            assert sum(by_series[name]) == pytest.approx(every[kind].sum()), name
    categories = list(funding.plots[0].categories)
    assert len(categories) == min(len(every), SLIDE_FUNDERS + 1)


def test_speaker_notes_say_the_figures_then_the_sources(pack):
    files = set(pack["view"]["sources"]["file_name"].dropna())
    for slide, spec in zip(pack["pptx"].slides, pack["slides"]):
        notes = slide.notes_slide.notes_text_frame.text
        assert any(f in notes for f in files), spec.key
        talk, _, sources = notes.partition("\n\n")
        assert talk and talk.splitlines() == spec.talking_points and all(line in sources for line in spec.sources), spec.key
    funding = next(s for s in pack["slides"] if s.key == "funding")
    if funding.chart is not None:
        every = figures.funders(pack["view"])
        for kind in figures.AMOUNT_KINDS:  # what each kind of amount comes to, in the notes
            if every[kind].notna().any():
                assert any(format_usd(every[kind].sum(), pack["lang"]) in line for line in funding.talking_points), kind
        assert any("%" in line for line in funding.talking_points)  # the shares by type of funder


def test_chinese_runs_carry_an_east_asian_font(pack):
    xml = pack["pptx"].slides[0].shapes.title.text_frame._txBody.xml
    assert f'<a:ea typeface="{EAST_ASIAN_FONT}"/>' in xml


def pdf_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Every word of every page with its box, as poppler reads the PDF."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page .*?</page>", xhtml, flags=re.S):
        pages.append([(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                      re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)])
    return pages


def test_pdf_has_a_title_and_no_text_over_other_text(pack, tmp_path):
    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(pack["pdf"])
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+(.+)$", info, flags=re.M).group(1).strip() == f"{pack['slides'][0].title} · {pack['line']}"
    pages = pdf_words(pdf)
    assert len(pages) == 9 and all(pages)
    # A word's box spans its font's whole ascent and descent, which for some glyphs (a
    # fallback arrow, a bold Chinese title) is twice the line, so boxes of lines set one
    # under the other graze each other. Words printed over each other have their middles
    # within half a line of each other. Words of one line are set in sequence (a Chinese
    # colon after a bracket is drawn narrower than its box): only different lines are compared.
    for number, words in enumerate(pages, start=1):
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if abs(a[1] - b[1]) < 0.5 and abs(a[3] - b[3]) < 0.5:
                    continue
                across = min(a[2], b[2]) - max(a[0], b[0])
                apart = abs((a[1] + a[3]) / 2 - (b[1] + b[3]) / 2)
                assert not (across > 1 and apart < 0.5 * min(a[3] - a[1], b[3] - b[1])), (number, a, b)


def test_pdf_pages_lay_text_and_pictures_side_by_side_never_over_each_other(pack, browser):
    # The PDF is the print of this page: measure its parts where Chromium lays them out.
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.set_content(slides_html(pack["slides"], pack["line"], pack["images"]))
        boxes = page.evaluate("""() => [...document.querySelectorAll('section')].map(section => {
            const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            return {section: box(section), parts: [...section.querySelectorAll('h1, li, img, footer')].map(e => [e.tagName, box(e)])};
        })""")
        for number, page_boxes in enumerate(boxes, start=1):
            left, top, right, bottom = page_boxes["section"]
            parts = page_boxes["parts"]
            for tag, (l, t, r, b) in parts:
                assert left <= l and r <= right + 0.5 and top <= t and b <= bottom + 0.5, (number, tag)  # on the page
            for i, (tag_a, a) in enumerate(parts):
                for tag_b, b in parts[i + 1:]:
                    overlap = min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5
                    assert not overlap, (number, tag_a, tag_b)
    finally:
        page.close()


def test_pack_of_the_bundled_data_takes_at_most_ten_seconds():
    package = read_package()
    view = apply_filters(package, Filters())
    for kind in ("pptx", "pdf"):
        started = time.perf_counter()
        data = pack_bytes(build_slides(package, view, "en"), filters_summary(view, "en"), kind)
        seconds = time.perf_counter() - started
        assert len(data) > 10_000 and seconds <= 10, (kind, seconds)


def test_pdf_pages_are_not_blank(pack, shots, tmp_path):
    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(pack["pdf"])
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 9
    for page in pages:
        assert colours(page.read_bytes()) > 20
        (shots / f"briefing-{pack['name']}-{page.name}").write_bytes(page.read_bytes())


def test_brief_command_writes_both_formats(tmp_path):
    for suffix in ("pptx", "pdf"):
        out = tmp_path / f"pack.{suffix}"
        result = subprocess.run(
            [sys.executable, "-m", "dashboard", "brief", "--out", str(out), "--project", "alp-3", "--lang", "zh"], capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert out.stat().st_size > 10_000 and "9 slides" in result.stdout


def test_brief_command_refuses_unknown_projects(tmp_path):
    result = subprocess.run([sys.executable, "-m", "dashboard", "brief", "--out", str(tmp_path / "x.pptx"), "--project", "nope"], capture_output=True, text=True)
    assert result.returncode == 2 and "Unknown project id" in result.stdout
