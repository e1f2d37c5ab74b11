"""The briefing pack as a 16:9 PowerPoint: native titles and text, charts as images, each
slide's sources in its speaker notes."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from dashboard.briefing.slides import Slide

EAST_ASIAN_FONT = "Microsoft YaHei"  # present on Windows PowerPoint; others substitute
LATIN_FONT = "Calibri"


def _set_fonts(text_frame, size_pt: int, bold: bool = False) -> None:
    """Latin and East Asian typefaces on every run, so Chinese renders in PowerPoint."""
    for paragraph in text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size_pt)
            run.font.bold = bold
            run.font.name = LATIN_FONT
            rpr = run._r.get_or_add_rPr()
            ea = rpr.find(qn("a:ea"))
            if ea is None:
                ea = rpr.makeelement(qn("a:ea"), {})
                rpr.append(ea)
            ea.set("typeface", EAST_ASIAN_FONT)


def write_pptx(slides: list[Slide], filters_line: str, images: dict[str, bytes]) -> bytes:
    """The .pptx file's bytes: one slide per Slide, the filters and slide number in each footer."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12_192_000), Emu(6_858_000)  # 16:9, 13.333 x 7.5 in
    layout = prs.slide_layouts[5]  # "Title Only": a real, editable title placeholder
    for number, s in enumerate(slides, start=1):
        slide = prs.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = Inches(0.5), Inches(0.3), Inches(12.3), Inches(1.0)
        title.text = s.title
        _set_fonts(title.text_frame, 36, bold=True)
        top = Inches(1.35)
        if s.lines:
            height = Inches(1.2) if s.key in images else Inches(5.0)
            box = slide.shapes.add_textbox(Inches(0.6), top, Inches(12.1), height)
            box.text_frame.word_wrap = True
            for i, line in enumerate(s.lines):
                paragraph = box.text_frame.paragraphs[0] if i == 0 else box.text_frame.add_paragraph()
                paragraph.text = line
            _set_fonts(box.text_frame, 18 if s.key in images else 26)
            top = top + height
        if s.key in images:
            slide.shapes.add_picture(io.BytesIO(images[s.key]), Inches(0.9), top, height=Inches(6.6) - top)
        footer = slide.shapes.add_textbox(Inches(0.5), Inches(6.9), Inches(12.3), Inches(0.45))
        footer.text_frame.text = f"{filters_line}    {number}/{len(slides)}"
        _set_fonts(footer.text_frame, 14)
        slide.notes_slide.notes_text_frame.text = "\n".join(s.sources)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
