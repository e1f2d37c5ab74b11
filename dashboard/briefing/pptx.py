"""The briefing pack as a 16:9 PowerPoint: native titles and text, bar charts as native
(editable) charts, the map and the timeline as pictures with alt text, and speaker notes
with talking points and sources."""

from __future__ import annotations

import io

from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from dashboard.briefing.slides import BarChart, Slide

EAST_ASIAN_FONT = "Microsoft YaHei"  # present on Windows PowerPoint; others substitute
LATIN_FONT = "Calibri"
UNDP_BLUE = RGBColor(0x00, 0x6E, 0xB5)


def _ink_on(fill: str) -> RGBColor:
    """Black or white, whichever reads better on a fill colour ('#0072B2')."""
    r, g, b = (int(fill.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return RGBColor(0x1A, 0x1A, 0x1A) if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else RGBColor(0xFF, 0xFF, 0xFF)


def _style_run(run, size_pt: float, bold: bool = False, colour: RGBColor | None = None) -> None:
    """Size, weight, colour, and Latin and East Asian typefaces, so Chinese renders in PowerPoint."""
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    if colour is not None:
        run.font.color.rgb = colour
    run.font.name = LATIN_FONT
    rpr = run._r.get_or_add_rPr()
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = rpr.makeelement(qn("a:ea"), {})
        rpr.append(ea)
    ea.set("typeface", EAST_ASIAN_FONT)


def _set_fonts(text_frame, size_pt: int, bold: bool = False, colour: RGBColor | None = None) -> None:
    """The same style on every run of a text frame."""
    for paragraph in text_frame.paragraphs:
        for run in paragraph.runs:
            _style_run(run, size_pt, bold, colour)


def _add_bar_chart(slide, chart: BarChart, left, top, width, height) -> None:
    """A native, editable bar chart: its data sits in the chart's own workbook."""
    data = CategoryChartData(number_format="#,##0")
    data.categories = chart.categories
    for name, values in chart.series.items():
        data.add_series(name, [None if v is None else float(v) for v in values])
    kind = XL_CHART_TYPE.BAR_STACKED if chart.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    native = slide.shapes.add_chart(kind, left, top, width, height, data).chart
    native.font.size, native.font.name = Pt(14), LATIN_FONT
    native.has_legend = len(chart.series) > 1
    if native.has_legend:
        native.legend.position, native.legend.include_in_layout = XL_LEGEND_POSITION.TOP, False
    native.category_axis.reverse_order = True  # the first category on top, as on the page
    native.category_axis.tick_labels.font.size = Pt(14)
    native.value_axis.has_major_gridlines = True
    native.value_axis.tick_labels.number_format, native.value_axis.tick_labels.number_format_is_linked = "#,##0", False
    native.plots[0].gap_width = 60
    for plot_series, (name, labels) in zip(native.plots[0].series, chart.labels.items()):
        plot_series.format.fill.solid()
        plot_series.format.fill.fore_color.rgb = RGBColor.from_string(chart.colours[name].lstrip("#"))
        plot_series.invert_if_negative = False
        for i, text in enumerate(labels):
            if not text:
                continue
            label = plot_series.points[i].data_label
            label.position = XL_LABEL_POSITION.CENTER if chart.stacked else XL_LABEL_POSITION.OUTSIDE_END
            label.text_frame.text = text
            _set_fonts(label.text_frame, 14, colour=_ink_on(chart.colours[name]) if chart.stacked else None)


def _add_picture(slide, png: bytes, alt: str, left, top, width, height) -> None:
    """A chart picture, as large as the space allows at its own proportions, with alt text."""
    image = Image.open(io.BytesIO(png))
    scale = min(width / image.width, height / image.height)
    w, h = int(image.width * scale), int(image.height * scale)
    picture = slide.shapes.add_picture(io.BytesIO(png), left + (width - w) // 2, top, w, h)
    picture._element.nvPicPr.cNvPr.set("descr", alt)  # what a screen reader says instead of "image.png"


def _add_lines(slide, lines: list[str], left, top, width, height, size_pt: int) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    box.text_frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = box.text_frame.paragraphs[0] if i == 0 else box.text_frame.add_paragraph()
        paragraph.text = line
    _set_fonts(box.text_frame, size_pt)


def _add_cards(slide, cards, left, top, width, height) -> None:
    """Headline figures in a grid of four columns: the number large, what it counts under
    it, then its note (the source, what is left out) in smaller type."""
    columns = 4
    rows = -(-len(cards) // columns)
    gap = Inches(0.25)
    cell_w, cell_h = (width - gap * (columns - 1)) // columns, (height - gap * (rows - 1)) // rows
    for i, card in enumerate(cards):
        box = slide.shapes.add_textbox(left + (i % columns) * (cell_w + gap), top + (i // columns) * (cell_h + gap), cell_w, cell_h)
        frame = box.text_frame
        frame.word_wrap = True
        # A number never breaks across lines: its spaces are non-breaking ("US$ 146 M").
        parts = [(card.value.replace(" ", "\u00a0"), 28, True, UNDP_BLUE), (card.label, 16, True, None)] + ([(card.note, 11, False, None)] if card.note else [])
        for j, (text, size, bold, colour) in enumerate(parts):
            paragraph = frame.paragraphs[0] if j == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = text
            _style_run(run, size, bold, colour)


SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # 16:9, 13.333 x 7.5 in
MARGIN, BODY_TOP, FOOTER_TOP = Inches(0.5), Inches(1.3), Inches(6.95)


def write_pptx(slides: list[Slide], filters_line: str, images: dict[str, bytes]) -> bytes:
    """The .pptx file's bytes: one slide per Slide, the filters and slide number in each
    footer. Bar charts are native charts; the map and the timeline are pictures (`images`)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    prs.core_properties.title = slides[0].title if slides else ""
    layout = prs.slide_layouts[5]  # "Title Only": a real, editable title placeholder
    width = SLIDE_W - 2 * MARGIN
    for number, s in enumerate(slides, start=1):
        slide = prs.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = MARGIN, Inches(0.3), width, Inches(0.95)
        title.text = s.title
        _set_fonts(title.text_frame, 36, bold=True)
        has_chart = s.chart is not None or s.key in images
        top = BODY_TOP
        if s.cards:
            _add_cards(slide, s.cards, MARGIN, top, width, FOOTER_TOP - top - Inches(0.2))
        if s.lines:
            height = Inches(0.4 + 0.32 * len(s.lines)) if has_chart else FOOTER_TOP - BODY_TOP
            _add_lines(slide, s.lines, MARGIN, top, width, height, 16 if has_chart else 26)
            top += height
        under = s.chart.lines_under if s.chart is not None else []
        bottom = FOOTER_TOP - Inches(0.1 + 0.3 * len(under))
        if s.chart is not None:
            _add_bar_chart(slide, s.chart, MARGIN, top, width, bottom - top)
            if under:
                _add_lines(slide, under, MARGIN, bottom, width, FOOTER_TOP - bottom, 14)
        elif s.key in images:
            _add_picture(slide, images[s.key], s.alt, MARGIN, top, width, bottom - top)
        footer = slide.shapes.add_textbox(MARGIN, FOOTER_TOP, width, Inches(0.4))
        footer.text_frame.text = f"{filters_line}    {number}/{len(slides)}"
        _set_fonts(footer.text_frame, 12)
        slide.notes_slide.notes_text_frame.text = s.notes()
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
