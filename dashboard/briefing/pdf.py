"""The briefing pack as a PDF: one 16:9 page per slide in the app's own fonts, printed by
the system Chromium (no network)."""

from __future__ import annotations

import base64
import html
import subprocess
import tempfile
from pathlib import Path

from dashboard.briefing.slides import Slide
from dashboard.config import CHROMIUM_OFFLINE_ARGS, STATIC_DIR, chromium_path


def slides_html(slides: list[Slide], filters_line: str, images: dict[str, bytes]) -> str:
    """One HTML page holding every slide as a 16:9 section, ready to print."""
    pages = []
    for number, s in enumerate(slides, start=1):
        body = "".join(f"<li>{html.escape(line)}</li>" for line in s.lines)
        cards = "".join(f'<div class="card"><b>{html.escape(c.value)}</b><strong>{html.escape(c.label)}</strong>'
                        + (f"<small>{html.escape(c.note)}</small>" if c.note else "") + "</div>" for c in s.cards)
        image = f'<img alt="{html.escape(s.alt or s.title)}" src="data:image/png;base64,{base64.b64encode(images[s.key]).decode()}">' if s.key in images else ""
        size = "small" if image else "large"
        pages.append(
            f'<section><h1>{html.escape(s.title)}</h1>' + (f'<div class="cards">{cards}</div>' if cards else "") + f'<ul class="{size}">{body}</ul>{image}'
            f'<footer>{html.escape(filters_line)}<span>{number}/{len(slides)}</span></footer></section>'
        )
    fonts = "".join(
        f'@font-face{{font-family:"Noto Sans SC";src:url("{(STATIC_DIR / f"NotoSansSC-{w}.woff2").as_uri()}");font-weight:{n}}}'
        for w, n in (("Regular", 400), ("Bold", 700))
    )
    # Each page is a column: title, lines, the picture taking what height is left, and the
    # footer below it, so nothing is laid over anything else.
    style = (
        fonts + "@page{size:13.333in 7.5in;margin:0}body{margin:0;font-family:'Noto Sans SC',sans-serif;color:#1a1a1a}"
        "section{width:13.333in;height:7.5in;box-sizing:border-box;padding:.35in .6in .25in;display:flex;flex-direction:column;"
        "page-break-after:always;overflow:hidden}"
        "h1{font-size:34pt;margin:0 0 .15in;color:#006EB5}ul{margin:0;padding-left:.3in}ul.large li{font-size:24pt;margin:.12in 0}"
        "ul.small li{font-size:15pt}img{display:block;flex:1 1 0;min-height:0;width:100%;object-fit:contain;margin:.1in 0}"
        ".cards{display:grid;grid-template-columns:repeat(4,1fr);gap:.25in;margin:.2in 0}.card{border-top:4px solid #006EB5;padding-top:.08in}"
        ".card b{display:block;font-size:32pt;color:#006EB5;white-space:nowrap}.card strong{display:block;font-size:15pt}.card small{display:block;font-size:10.5pt;color:#333}"
        "footer{margin-top:auto;padding-top:.1in;font-size:12pt;color:#555;display:flex;justify-content:space-between;gap:.3in}"
    )
    title = html.escape(f"{slides[0].title} · {filters_line}" if slides else filters_line)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title><style>{style}</style></head><body>{''.join(pages)}</body></html>"


def write_pdf(slides: list[Slide], filters_line: str, images: dict[str, bytes]) -> bytes:
    """The PDF file's bytes, printed from `slides_html` by headless Chromium."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "briefing.html"
        out = Path(tmp) / "briefing.pdf"
        page.write_text(slides_html(slides, filters_line, images), encoding="utf-8")
        command = [chromium_path(), *CHROMIUM_OFFLINE_ARGS, "--no-pdf-header-footer", f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", page.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        return out.read_bytes()
