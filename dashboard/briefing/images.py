"""Chart pictures for the briefing pack, drawn offline by plotly's static export through the
system Chromium: one browser for the whole pack, not one per picture."""

from __future__ import annotations

import logging
import os
import threading
import warnings
from contextlib import contextmanager

import kaleido
import plotly.graph_objects as go

from dashboard.briefing.slides import Slide
from dashboard.config import chromium_path
from dashboard.present.charts import for_slide
from dashboard.present.province_map import keep_labels_for_size

# Laid out at about the size each picture takes on a 13.33 x 7.5 in slide seen at 90 px per
# inch, so the slide's chart type (18-22 px) reads as 14-16 pt; drawn at twice that for a
# sharp 1080p projection.
IMAGE_SIZES = {"map": (800, 520), "timeline": (1240, 440)}
IMAGE_SIZE = (1100, 500)
IMAGE_SCALE = 2
_ONE_BROWSER = threading.Lock()  # the export browser is shared by the whole process


@contextmanager
def export_browser():
    """One Chromium for every picture drawn inside the block (starting it is most of the cost)."""
    os.environ.setdefault("BROWSER_PATH", chromium_path())
    # Kaleido's browser channel logs harmless decoding noise as tracebacks; keep it quiet.
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    logging.getLogger("kaleido").setLevel(logging.CRITICAL)
    with _ONE_BROWSER:
        kaleido.start_sync_server(silence_warnings=True)
        try:
            yield
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def _png(figure: go.Figure, key: str) -> bytes:
    width, height = IMAGE_SIZES.get(key, IMAGE_SIZE)
    fig = for_slide(figure)
    keep_labels_for_size(fig, width, height)
    with warnings.catch_warnings():
        # plotly passes its browser options even when the shared browser already runs.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return fig.to_image(format="png", width=width, height=height, scale=IMAGE_SCALE)


def figure_png(figure: go.Figure, key: str = "") -> bytes:
    """A PNG of one slide's figure at presentation size."""
    with export_browser():
        return _png(figure, key)


def slide_images(slides: list[Slide], native_charts: bool = False) -> dict[str, bytes]:
    """Slide key -> PNG for every slide with a figure; with `native_charts`, only for those
    that have no native chart (PowerPoint draws the bar charts itself)."""
    wanted = [s for s in slides if s.figure is not None and not (native_charts and s.chart is not None)]
    if not wanted:
        return {}
    with export_browser():
        return {s.key: _png(s.figure, s.key) for s in wanted}
