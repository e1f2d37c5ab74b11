"""Chart images for the briefing pack, drawn offline by plotly's static export through the
system Chromium."""

from __future__ import annotations

import logging
import os

import plotly.graph_objects as go

from dashboard.briefing.slides import Slide
from dashboard.config import chromium_path
from dashboard.present.province_map import keep_labels_for_size

# Laid out at 1100x560 and rendered at twice that, so type is large relative to the slide
# and edges stay sharp on a 1080p projector.
IMAGE_WIDTH, IMAGE_HEIGHT, IMAGE_SCALE = 1100, 560, 2


def figure_png(figure: go.Figure) -> bytes:
    """A PNG of the figure at presentation size, made by the system Chromium (no network)."""
    os.environ.setdefault("BROWSER_PATH", chromium_path())
    # Kaleido's browser channel logs harmless decoding noise as tracebacks; keep it quiet.
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    logging.getLogger("kaleido").setLevel(logging.CRITICAL)
    fig = go.Figure(figure)
    fig.update_layout(font={"size": 20}, legend={"font": {"size": 18}}, height=None, width=None)
    keep_labels_for_size(fig, IMAGE_WIDTH, IMAGE_HEIGHT)
    return fig.to_image(format="png", width=IMAGE_WIDTH, height=IMAGE_HEIGHT, scale=IMAGE_SCALE)


def slide_images(slides: list[Slide]) -> dict[str, bytes]:
    """Slide key -> PNG, for every slide with a figure."""
    return {s.key: figure_png(s.figure) for s in slides if s.figure is not None}
