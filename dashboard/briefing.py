"""The briefing: one list of slides for the current view, shown by the presenter page and
written to PowerPoint (native text, charts as images, sources in the speaker notes) or PDF.

Images are made offline: plotly's static export drives the system Chromium; the map is
drawn from our own geometry as plain plotly shapes.
"""

from __future__ import annotations

import base64
import html
import io
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, maps, metrics
from dashboard.filters import View
from dashboard.i18n import format_number, format_partial_date, labelled, localized, t, term
from dashboard.load import Package
from dashboard.schema import FUNDER_TYPES

# Chart images are laid out at 1100x560 and rendered at twice that, so type is large
# relative to the slide and edges stay sharp on a 1080p projector.
IMAGE_WIDTH, IMAGE_HEIGHT, IMAGE_SCALE = 1100, 560, 2
EAST_ASIAN_FONT = "Microsoft YaHei"  # present on Windows PowerPoint; others substitute
LATIN_FONT = "Calibri"


@dataclass
class Slide:
    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    figure: go.Figure | None = None
    sources: list[str] = field(default_factory=list)


def _source_lines(frames: list[pd.DataFrame], view: View, lang: str) -> list[str]:
    table = metrics.sources_of(frames, view["sources"], lang)
    return [f"{r.iloc[0]} ({r.iloc[1]}): {r.iloc[2]}" for _, r in table.iterrows()]


def province_map_figure(view: View, lang: str) -> go.Figure:
    """A static map of the provinces, coloured as on the Map page, for slides and PNGs.

    Plain plotly shapes on hidden axes: no map tiles, and the static export needs nothing
    but Chromium. Traces are dicts gathered into one figure (plotly validates once).
    """
    summary = metrics.province_summary(view, lang).set_index("code")
    by_role = len(view.project_ids) == 1

    def rgb(colour: list[int]) -> str:
        return f"rgb({colour[0]},{colour[1]},{colour[2]})"

    def outline(parts: list) -> tuple[list, list]:
        xs: list[float | None] = []
        ys: list[float | None] = []
        for part in parts:
            xs += [p[0] for p in part] + [None]
            ys += [p[1] for p in part] + [None]
        return xs, ys

    traces: list[dict] = []
    for feature in maps.boundaries()["features"]:
        geom, r = feature["geometry"], summary.loc[feature["properties"]["code"]]
        colour = maps.role_colour(r["roles"]) if by_role else maps.count_colour(int(r["n_projects"]))
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        xs, ys = outline([polygon[0] for polygon in polygons])
        traces.append({"type": "scatter", "x": xs, "y": ys, "fill": "toself", "mode": "lines", "line": {"color": "white", "width": 0.8},
                       "fillcolor": rgb(colour), "hoverinfo": "skip", "showlegend": False})
    xs, ys = outline(maps.maritime_line()["features"][0]["geometry"]["coordinates"])
    traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "line": {"color": "#505050", "width": 1.5}, "hoverinfo": "skip", "showlegend": False})
    labels = maps.labels(summary.reset_index(), by_role)
    traces.append({"type": "scatter", "x": [x["position"][0] for x in labels], "y": [x["position"][1] for x in labels],
                   "text": [x["text"] for x in labels], "mode": "text", "textfont": {"size": 20, "color": "black"}, "hoverinfo": "skip", "showlegend": False})
    # Legend entries: colour and, for roles, the letter.
    entries = (
        [(maps.ROLE_COLOURS[r], f"{maps.ROLE_LETTERS[r]} {term('role', r, lang)}") for r in maps.ROLE_LETTERS]
        if by_role
        else [(maps.NO_PROJECT, t("map.no_projects", lang))]
        + [(c, t("map.projects_n", lang, n=f"{i + 1}{'+' if i == 3 else ''}")) for i, c in enumerate(maps.COUNT_COLOURS)]
    )
    for colour, name in entries:
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers", "marker": {"size": 18, "symbol": "square", "color": rgb(colour)}, "name": name})
    disclaimer = {"text": t("map.disclaimer", lang), "xref": "paper", "yref": "paper", "x": 0, "y": 0, "showarrow": False,
                  "xanchor": "left", "yanchor": "bottom", "font": {"size": 12, "color": "#555"}}
    layout = {
        "xaxis": {"visible": False, "range": [73, 136]},
        # Degrees of longitude are shorter than degrees of latitude at China's latitudes.
        "yaxis": {"visible": False, "range": [15, 54], "scaleanchor": "x", "scaleratio": 1.25},
        "plot_bgcolor": "white", "paper_bgcolor": "white", "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "v", "x": 1.0, "xanchor": "left", "y": 0.5, "font": {"size": 18}},
        "font": {"family": charts.FONT, "size": 18},
        "annotations": [disclaimer],
    }
    return go.Figure({"data": traces, "layout": layout})


def build_slides(package: Package, view: View, lang: str) -> list[Slide]:
    """The slides for the filtered view, in presenting order."""
    names = metrics.project_labels_all(view, lang)
    h = metrics.headline(view)
    dated = package["sources"].dropna(subset=["date"])
    latest = format_partial_date(dated.sort_values("date")["date"].iloc[-1], lang) if len(dated) else t("date.unknown", lang)
    title = Slide(
        "title",
        t("app.title", lang),
        [
            t("app.subtitle", lang),
            t("brief.documents", lang, n=int((package["sources"]["kind"] == "document").sum()), latest=latest),
            t("brief.generated", lang, date=format_partial_date(date.today().isoformat(), lang)),
        ],
        sources=_source_lines([package["projects"]], view, lang),
    )
    participants = (
        t("kpi.not_reported", lang) if h.participants is None else ("> " if h.participants_is_lower_bound else "") + format_number(h.participants)
    )
    missing = ("、" if lang == "zh" else ", ").join(names[p] for p in h.projects_without_funding)
    funding_text = format_number(h.funding_usd) if len(h.projects_without_funding) < h.projects else t("kpi.not_reported", lang)
    headline = Slide(
        "headline",
        t("brief.headline", lang),
        [
            labelled(t("kpi.projects", lang), h.projects, lang),
            labelled(t("kpi.funding", lang), funding_text, lang)
            + (f" ({t('kpi.funding_missing', lang, n=len(h.projects_without_funding), names=missing)})" if missing else ""),
            labelled(t("kpi.participants", lang), participants, lang)
            + (f" ({t('kpi.participants_note', lang)})" if h.participants_is_lower_bound else ""),
            labelled(t("kpi.provinces", lang), h.provinces, lang) + (f" ({t('kpi.provinces_note', lang, n=h.unnamed_places)})" if h.unnamed_places else ""),
            labelled(t("kpi.milestones", lang), h.milestones_achieved, lang)
            + f" ({t('kpi.milestones_note', lang, n=h.policy_uptake, p=h.milestones_planned)})",
        ],
        sources=_source_lines([view["projects"], view["funding"], view["reach"], view["locations"], view["milestones"]], view, lang),
    )
    map_slide = Slide(
        "map",
        t("map.title", lang),
        [t("map.colour_role", lang, project=names[view.project_ids[0]]) if len(view.project_ids) == 1 else t("map.colour_count", lang)],
        province_map_figure(view, lang),
        _source_lines([view["locations"]], view, lang),
    )
    table, labels, lower = metrics.reach_by_unit(view, "people", lang)
    reach = Slide(
        "reach",
        t("reach.people", lang),
        [t("reach.not_summed", lang)],
        charts.reach_bars(table.assign(_label=labels), "_label", t("col.value", lang), lower, "", t("unit.people", lang), lang) if len(table) else None,
        _source_lines([view["reach"]], view, lang),
    )
    by_funder = metrics.funding_table(view, lang)
    order = [term("funder_type", f, lang) for f in FUNDER_TYPES]
    amount = t("col.amount_usd", lang)
    funding = Slide(
        "funding",
        t("funding.title", lang),
        [t("funding.not_reported_projects", lang, names=missing)] if missing else [],
        charts.stacked_bars(by_funder, t("col.project", lang), amount, t("col.funder_type", lang), "", amount, order) if by_funder[amount].notna().any() else None,
        _source_lines([view["funding"]], view, lang),
    )
    spans, points, bands = metrics.timeline_frames(view, lang)
    uptake = view["milestones"].query("kind == 'policy_uptake'")
    timeline = Slide(
        "timeline",
        t("milestones.title", lang),
        [f"★ {title}" for title in localized(uptake, "title", lang)],
        charts.timeline(spans, points, bands, "", lang) if len(spans) else None,
        _source_lines([view["milestones"], view["projects"]], view, lang),
    )
    sources = Slide(
        "sources",
        t("sources.title", lang),
        [f"{r.iloc[0]} ({r.iloc[4]})" for _, r in metrics.source_table(package, lang).iterrows() if r.iloc[4]],
        sources=_source_lines([view["projects"]], view, lang),
    )
    slides = [title, headline, map_slide, reach, funding, timeline, sources]
    for s in slides:
        if s.key in ("map", "reach", "funding", "timeline") and s.figure is None:
            s.lines.append(t("view.no_data", lang))
        if not s.sources:  # nothing shown: the notes say which documents were searched
            s.sources = [t("brief.no_records", lang)] + _source_lines([view["projects"]], view, lang)
    return slides


# Images ------------------------------------------------------------------------------------


def figure_png(figure: go.Figure) -> bytes:
    """A PNG of the figure at presentation size, made by the system Chromium (no network)."""
    os.environ.setdefault("BROWSER_PATH", shutil.which("chromium") or "/usr/bin/chromium")
    # Kaleido's browser channel logs harmless decoding noise as tracebacks; keep it quiet.
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    logging.getLogger("kaleido").setLevel(logging.CRITICAL)
    fig = go.Figure(figure)
    fig.update_layout(font={"size": 20}, legend={"font": {"size": 18}}, height=None, width=None)
    return fig.to_image(format="png", width=IMAGE_WIDTH, height=IMAGE_HEIGHT, scale=IMAGE_SCALE)


# PowerPoint --------------------------------------------------------------------------------


def _set_fonts(text_frame, size_pt: int, bold: bool = False) -> None:
    """Latin and East Asian typefaces on every run, so Chinese renders in PowerPoint."""
    from pptx.oxml.ns import qn
    from pptx.util import Pt

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
    from pptx import Presentation
    from pptx.util import Emu, Inches

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


# PDF ------------------------------------------------------------------------------------------

_FONT_DIR = Path(__file__).resolve().parent / "static"


def slides_html(slides: list[Slide], filters_line: str, images: dict[str, bytes]) -> str:
    """One 16:9 page per slide, in the app's own fonts, for Chromium to print."""
    pages = []
    for number, s in enumerate(slides, start=1):
        body = "".join(f"<li>{html.escape(line)}</li>" for line in s.lines)
        image = f'<img src="data:image/png;base64,{base64.b64encode(images[s.key]).decode()}">' if s.key in images else ""
        size = "small" if image else "large"
        pages.append(
            f'<section><h1>{html.escape(s.title)}</h1><ul class="{size}">{body}</ul>{image}'
            f'<footer>{html.escape(filters_line)}<span>{number}/{len(slides)}</span></footer></section>'
        )
    fonts = "".join(
        f'@font-face{{font-family:"Noto Sans SC";src:url("{(_FONT_DIR / f"NotoSansSC-{w}.woff2").as_uri()}");font-weight:{n}}}'
        for w, n in (("Regular", 400), ("Bold", 700))
    )
    style = (
        fonts + "@page{size:13.333in 7.5in;margin:0}body{margin:0;font-family:'Noto Sans SC',sans-serif;color:#1a1a1a}"
        "section{width:13.333in;height:7.5in;box-sizing:border-box;padding:.35in .6in;position:relative;page-break-after:always;overflow:hidden}"
        "h1{font-size:34pt;margin:0 0 .15in;color:#006EB5}ul{margin:0;padding-left:.3in}ul.large li{font-size:24pt;margin:.12in 0}"
        "ul.small li{font-size:16pt}img{display:block;margin:.1in auto 0;max-width:100%;max-height:4.7in}"
        "footer{position:absolute;bottom:.25in;left:.6in;right:.6in;font-size:12pt;color:#555;display:flex;justify-content:space-between}"
    )
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>{''.join(pages)}</body></html>"


def write_pdf(slides: list[Slide], filters_line: str, images: dict[str, bytes]) -> bytes:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "briefing.html"
        out = Path(tmp) / "briefing.pdf"
        page.write_text(slides_html(slides, filters_line, images), encoding="utf-8")
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={out}", page.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        return out.read_bytes()


def briefing_images(slides: list[Slide]) -> dict[str, bytes]:
    return {s.key: figure_png(s.figure) for s in slides if s.figure is not None}
