"""The briefing pack in either format, with the pictures that format needs."""

from __future__ import annotations

from dashboard.briefing.images import slide_images
from dashboard.briefing.pdf import write_pdf
from dashboard.briefing.pptx import write_pptx
from dashboard.briefing.slides import Slide

FORMATS = ("pptx", "pdf")


def pack_bytes(slides: list[Slide], filters_line: str, kind: str) -> bytes:
    """The pack as a .pptx (bar charts native, so only the map and timeline are pictures) or
    a .pdf (every chart a picture)."""
    if kind == "pptx":
        return write_pptx(slides, filters_line, slide_images(slides, native_charts=True))
    if kind == "pdf":
        return write_pdf(slides, filters_line, slide_images(slides))
    raise ValueError(f"unknown pack format {kind!r}; expected one of {FORMATS}")
