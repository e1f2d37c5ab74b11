"""The briefing pack, drawn for real: PowerPoint and PDF for two filter sets in both
languages, chart images made by the system Chromium, and the `brief` command."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from PIL import Image
from pptx import Presentation

from dashboard.briefing.images import slide_images
from dashboard.briefing.pdf import write_pdf
from dashboard.briefing.pptx import EAST_ASIAN_FONT, write_pptx
from dashboard.briefing.slides import build_slides
from dashboard.domain.filters import Filters, apply_filters
from dashboard.present.text import filters_summary, headline_cards
from dashboard.store.package import read_package

CASES = {
    "all-en": (Filters(), "en"),
    "xiaokang-yunnan-zh": (Filters(projects=("xiaokang",), provinces=("530000",)), "zh"),
}


def colours(png: bytes) -> int:
    """How many distinct colours an image has: a blank one has one or two."""
    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or [])


@pytest.fixture(scope="module", params=list(CASES))
def pack(request):
    filters, lang = CASES[request.param]
    package = read_package()
    view = apply_filters(package, filters)
    slides = build_slides(package, view, lang)
    images = slide_images(slides)
    line = filters_summary(view, lang)
    return {
        "name": request.param,
        "lang": lang,
        "view": view,
        "slides": slides,
        "pptx": Presentation(io.BytesIO(write_pptx(slides, line, images))),
        "pdf": write_pdf(slides, line, images),
        "line": line,
    }


def slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_slide_count_and_native_titles(pack):
    prs = pack["pptx"]
    assert [s.shapes.title.text for s in prs.slides] == [s.title for s in pack["slides"]]
    assert len(prs.slides) == 7
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9


def test_figures_in_the_text_equal_the_overview_cards(pack):
    text = slide_text(pack["pptx"].slides[1])
    for card in headline_cards(pack["view"], pack["lang"]):
        assert card.line(pack["lang"]) in text
    for slide in pack["pptx"].slides:
        assert pack["line"] in slide_text(slide)  # the active filters on every slide


def test_every_picture_is_a_real_image(pack):
    pictures = [shape for slide in pack["pptx"].slides for shape in slide.shapes if shape.shape_type == 13]
    expected = sum(s.figure is not None for s in pack["slides"])
    assert len(pictures) == expected >= 2
    for picture in pictures:
        assert colours(picture.image.blob) > 20


def test_speaker_notes_name_the_sources(pack):
    files = set(pack["view"]["sources"]["file_name"].dropna())
    for slide, spec in zip(pack["pptx"].slides, pack["slides"]):
        notes = slide.notes_slide.notes_text_frame.text
        assert any(f in notes for f in files), spec.key


def test_chinese_runs_carry_an_east_asian_font(pack):
    xml = pack["pptx"].slides[0].shapes.title.text_frame._txBody.xml
    assert f'<a:ea typeface="{EAST_ASIAN_FONT}"/>' in xml


def test_pdf_pages_are_not_blank(pack, shots, tmp_path):
    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(pack["pdf"])
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 7
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
        assert out.stat().st_size > 10_000 and "7 slides" in result.stdout


def test_brief_command_refuses_unknown_projects(tmp_path):
    result = subprocess.run([sys.executable, "-m", "dashboard", "brief", "--out", str(tmp_path / "x.pptx"), "--project", "nope"], capture_output=True, text=True)
    assert result.returncode == 2 and "Unknown project id" in result.stdout
