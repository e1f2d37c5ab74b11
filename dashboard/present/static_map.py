"""The map for slides and the briefing pack: plain plotly shapes on hidden axes, styled by
`map_style` exactly as the web map is (colours, labels, legend, the chosen province
outlined). No map tiles: the static export needs nothing but Chromium."""

from __future__ import annotations

import plotly.graph_objects as go
import pandas as pd

from dashboard.present import geometry
from dashboard.present.charts import FONT
from dashboard.present.i18n import t
from dashboard.present.map_style import MARITIME_LINE, css, legend_entries, legend_label, province_styles


def _lines(rings: list[list]) -> tuple[list, list]:
    """x and y of several rings as one trace's points, rings separated by None."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return xs, ys


def province_map_figure(summary: pd.DataFrame, by_role: bool, chosen: set[str], lang: str) -> go.Figure:
    """The provinces coloured as on the Map page, for slides and PNGs.

    Traces are dicts gathered into one figure (plotly validates once). Chosen provinces are
    drawn last so their outline is not covered by a neighbour's border.
    """
    styles = province_styles(summary, by_role, chosen)
    features = sorted(geometry.boundaries()["features"], key=lambda f: f["properties"]["code"] in chosen)
    traces: list[dict] = []
    for feature in features:
        style = styles[feature["properties"]["code"]]
        xs, ys = _lines(geometry.outer_rings(feature["geometry"]))
        traces.append({"type": "scatter", "x": xs, "y": ys, "fill": "toself", "mode": "lines",
                       "line": {"color": css(style.outline), "width": style.outline_width},
                       "fillcolor": css(style.fill), "hoverinfo": "skip", "showlegend": False})
    xs, ys = _lines(geometry.maritime_line()["features"][0]["geometry"]["coordinates"])
    traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "line": {"color": css(MARITIME_LINE), "width": 1.5}, "hoverinfo": "skip", "showlegend": False})
    points = geometry.label_points()
    labelled = [(points[code], s.label) for code, s in styles.items() if s.label]
    traces.append({"type": "scatter", "x": [p[0] for p, _ in labelled], "y": [p[1] for p, _ in labelled], "text": [text for _, text in labelled],
                   "mode": "text", "textfont": {"size": 20, "color": "black"}, "hoverinfo": "skip", "showlegend": False})
    for entry in legend_entries(by_role, lang):
        name = legend_label(entry, by_role, lang)
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers", "marker": {"size": 18, "symbol": "square", "color": css(entry.colour)}, "name": name})
    disclaimer = {"text": t("map.disclaimer", lang), "xref": "paper", "yref": "paper", "x": 0, "y": 0, "showarrow": False,
                  "xanchor": "left", "yanchor": "bottom", "font": {"size": 12, "color": "#555"}}
    layout = {
        "xaxis": {"visible": False, "range": [73, 136]},
        # Degrees of longitude are shorter than degrees of latitude at China's latitudes.
        "yaxis": {"visible": False, "range": [15, 54], "scaleanchor": "x", "scaleratio": 1.25},
        "plot_bgcolor": "white", "paper_bgcolor": "white", "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "v", "x": 1.0, "xanchor": "left", "y": 0.5, "font": {"size": 18}},
        "font": {"family": FONT, "size": 18},
        "annotations": [disclaimer],
    }
    return go.Figure({"data": traces, "layout": layout})
