"""The province map, one plotly figure for the web page, the slides and the briefing pack.

Plain shapes on hidden cartesian axes over geometry we ship: no basemap, no topojson, no
tiles, so nothing is fetched. The axes keep their proportions (`scaleanchor`) and their
ranges, so plotly fits the whole country into whatever frame the figure gets, at any width.
The South China Sea islands sit in an inset box in the lower right, as maps published in
China show them. Colours, labels and legend come from `map_style`.

Provinces are layout shapes (SVG paths, cheap to send and never dimmed by a selection);
Hainan's islands too small to outline are dots in the inset. Hover and click go to an
invisible grid of points inside each province: plotly picks the nearest point within a few
pixels, so a click anywhere on a province picks it. The web map travels again with every
click, so it is kept small: coordinates in whole units, simplified outlines, the points as
16-bit integers, and what traces and shapes share said once in the figure's template.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import mapping, shape

from dashboard.present import geometry
from dashboard.present.charts import FONT, HALO, plain, text_box
from dashboard.present.i18n import t
from dashboard.present.map_style import BORDER, BORDER_WIDTH, MARITIME_LINE, count_classes, css, legend_entries, legend_label, province_styles
from dashboard.present.tables import province_names

# The mainland, Hainan and Taiwan, with a margin so no land touches the frame.
MAIN_LON, MAIN_LAT = (72.0, 136.5), (16.8, 55.0)
# The inset: the South China Sea islands and the maritime boundary line.
INSET_LON, INSET_LAT = (106.5, 123.5), (2.5, 24.8)
INSET_DOMAIN = {"x": (0.83, 1.0), "y": (0.0, 0.36)}
# A degree of longitude is shorter than one of latitude at China's latitudes (cos 37° ≈ 0.8).
ASPECT = 1.25
GRID_STEP = 0.6  # degrees between the invisible points that catch hovers and clicks
PICK_TRACE = "provinces"
# The figure's axes count twentieths of a degree (about 5 km, half a pixel of the web map),
# not degrees: a whole number is shorter to send than a decimal, and the figure travels
# again with every click on the map.
UNITS = 20
# Name labels in four sizes, each placed for the smallest frame it is shown in: (frame's
# minimum width and height in pixels, font size; a height of 0 means the figure's own). The
# page shows one set by the size of the chart's own box (a CSS container query, `label_css`);
# a picture of known size gets one set. The largest is for a slide on a 1080p projector.
LABEL_TIERS = ((1400, 640, 19.1), (760, 500, 15.1), (500, 0, 13.1), (0, 0, 11.1))


def to_units(degrees: float) -> int:
    """A longitude or latitude in the figure's units."""
    return round(degrees * UNITS)


def _path(geometry_json: dict) -> str:
    """An SVG path of every ring of a Polygon or MultiPolygon, in the figure's units."""
    polygons = geometry_json["coordinates"] if geometry_json["type"] == "MultiPolygon" else [geometry_json["coordinates"]]
    return "".join(_line(ring) + "Z" for polygon in polygons for ring in polygon)


def _line(points) -> str:
    """An SVG path through `points` (lon, lat) in the figure's units, each point once."""
    rounded = [(to_units(x), to_units(y)) for x, y in points]
    kept = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
    return "M" + "L".join(f"{x},{y}" for x, y in kept)


# The web map is sent again with every filter change: its outlines are simplified further
# (0.14 degree, under two pixels of a 560 px tall map), which keeps a click under 100 KB.
# Slides and the briefing pack are drawn once, larger, and keep the full outlines.
WEB_TOLERANCE = 0.14
ISLANDS = "460000"  # Hainan, whose South China Sea islands the inset shows


@lru_cache(maxsize=2)
def province_paths(tolerance: float = 0.0) -> dict[str, str]:
    """Code -> the province's outline as an SVG path (simplified as one coverage by
    `tolerance` degrees, so neighbours keep their shared borders), made once per process."""
    features = geometry.boundaries()["features"]
    if not tolerance:
        return {f["properties"]["code"]: _path(f["geometry"]) for f in features}
    simplified = shapely.coverage_simplify([shape(f["geometry"]) for f in features], tolerance)
    return {f["properties"]["code"]: _path(mapping(g)) for f, g in zip(features, simplified)}


# A part of Hainan smaller than this (square degrees, about a pixel of the inset) is drawn
# as a dot: the South China Sea islands are specks an outline would not show.
ISLAND_AREA = 0.01


def _parts(geometry_: shapely.Geometry) -> list[shapely.Geometry]:
    return list(getattr(geometry_, "geoms", [geometry_]))


@lru_cache(maxsize=2)
def inset_paths(tolerance: float = 0.0) -> dict[str, str]:
    """Code -> the part of the province's outline the inset shows (its box and a margin),
    Hainan without the islands `island_dots` draws."""
    box = shapely.box(INSET_LON[0] - 0.2, INSET_LAT[0] - 0.2, INSET_LON[1] + 0.2, INSET_LAT[1] + 0.2)
    features = {f["properties"]["code"]: shape(f["geometry"]) for f in geometry.boundaries()["features"]}
    simplified = dict(zip(features, shapely.coverage_simplify(list(features.values()), tolerance) if tolerance else features.values()))
    simplified[ISLANDS] = shapely.MultiPolygon([p for p in _parts(simplified[ISLANDS]) if p.area >= ISLAND_AREA])
    return {code: _path(mapping(simplified[code].intersection(box))) for code in inset_codes()}


@lru_cache(maxsize=1)
def island_dots() -> tuple[tuple[int, int], ...]:
    """Where each of Hainan's islands too small to outline is, in the figure's units."""
    hainan = next(shape(f["geometry"]) for f in geometry.boundaries()["features"] if f["properties"]["code"] == ISLANDS)
    points = [shapely.point_on_surface(p) for p in _parts(hainan) if p.area < ISLAND_AREA]
    return tuple(dict.fromkeys((to_units(p.x), to_units(p.y)) for p in points))


@lru_cache(maxsize=1)
def inset_codes() -> tuple[str, ...]:
    """The provinces with land inside the inset's box (drawn there as well)."""
    box = shapely.box(INSET_LON[0], INSET_LAT[0], INSET_LON[1], INSET_LAT[1])
    return tuple(f["properties"]["code"] for f in geometry.boundaries()["features"] if shape(f["geometry"]).intersects(box))


@lru_cache(maxsize=1)
def pick_points() -> pd.DataFrame:
    """Invisible points inside each province (code, lon, lat): a grid, plus the label point so
    even the smallest division has one."""
    rows = []
    labels = geometry.label_points()
    for f in geometry.boundaries()["features"]:
        code, shp = f["properties"]["code"], shape(f["geometry"])
        x0, y0, x1, y1 = shp.bounds
        xs, ys = np.meshgrid(np.arange(np.floor(x0), x1, GRID_STEP), np.arange(np.floor(y0), y1, GRID_STEP))
        inside = shapely.contains_xy(shp, xs.ravel(), ys.ravel())
        points = list(zip(xs.ravel()[inside], ys.ravel()[inside])) + [labels[code]]
        rows += [(code, round(float(x), 2), round(float(y), 2)) for x, y in points if y >= MAIN_LAT[0]]
    return pd.DataFrame(rows, columns=["code", "lon", "lat"])


def _axes(axes: str) -> dict:
    """A shape's axes: plotly's default (the main map's) is left unsaid, as is the type a path implies."""
    return {"xref": "x2", "yref": "y2"} if axes else {}


def _shape(path: str, fill: list[int], outline: list[int], width: float, axes: str = "") -> dict:
    """A filled province outline on the main axes (or on the inset's, `axes='2'`)."""
    line = {} if (outline, width) == (BORDER, BORDER_WIDTH) else {"line": {"color": css(outline), "width": width}}
    return {"path": path, **_axes(axes), "fillcolor": css(fill), **line}


def maritime_lines() -> list[tuple[str, str]]:
    """(path, axes) of each dash of the maritime boundary line: all in the inset; on the
    main map only those that reach into its frame."""
    dashes = geometry.maritime_line()["features"][0]["geometry"]["coordinates"]
    return [(_line(d), a) for d in dashes for a in ("", "2") if a or max(y for _, y in d) >= MAIN_LAT[0]]


def _maritime_shapes() -> list[dict]:
    """The maritime boundary line's shapes."""
    return [{"path": p, **_axes(a), "line": {"color": css(MARITIME_LINE), "width": 1.2}} for p, a in maritime_lines()]


# The generic part of a Chinese province name, left off on the map as maps printed in China
# do (宁夏回族自治区 -> 宁夏); the tooltip and the tables keep the full name.
ZH_NAME_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$")


def short_names(lang: str) -> dict[str, str]:
    """Province code -> the name a map label uses."""
    return {code: ZH_NAME_SUFFIX.sub("", name) if lang == "zh" else name for code, name in province_names(lang).items()}


def map_labels(summary: pd.DataFrame, by_role: bool, lang: str, size: float, scale: float) -> list[tuple[float, float, str]]:
    """(lon, lat, text) for the provinces with work there: name and count (or role letters).

    Labels are placed in turn, busiest province first, at its label point or just above or
    below it, wherever it overlaps no label already placed at `scale` (pixels per degree of
    longitude); a label with no free place is left to the tooltip and the table.
    """
    names = short_names(lang)
    points = geometry.label_points()
    styles = province_styles(summary, by_role, set())
    counts = dict(zip(summary["code"], summary["n_projects"]))
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for code in sorted((c for c, s in styles.items() if s.label), key=lambda c: (-counts[c], c)):
        text = f"{names[code]} {styles[code].label}"
        width, height = text_box(text, size)
        x, y = points[code][0] * scale, -points[code][1] * scale * ASPECT  # pixels, y down
        for dy in (0, -height * 0.9, height * 0.9):
            box = (x - width / 2, y + dy - height / 2, x + width / 2, y + dy + height / 2)
            if all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in placed):
                placed.append(box)
                out.append((points[code][0], -(y + dy) / scale / ASPECT, text))
                break
    return out


def map_scale(width: int, height: int) -> float:
    """Pixels per degree of longitude of the main map in a frame of this size (margins of 4 px)."""
    return min((width - 8) / (MAIN_LON[1] - MAIN_LON[0]), (height - 8) / ((MAIN_LAT[1] - MAIN_LAT[0]) * ASPECT))


def label_tier(width: float, height: float) -> int:
    """Which label set a frame of this size shows."""
    return next(i for i, (w, h, _) in enumerate(LABEL_TIERS) if width >= w and height >= h)


def keep_labels_for_size(figure: go.Figure, width: int, height: int) -> None:
    """Leave visible only the label set placed for a picture of this size."""
    tier = label_tier(width, height)
    figure.for_each_trace(lambda tr: tr.update(visible=tr.name == f"map-labels-{tier}"), selector=lambda tr: str(tr.name or "").startswith("map-labels-"))


# The map is the only chart with a second subplot (the inset); its label sets differ by
# font size, which plotly writes into each label's style (trace names and ids are not
# carried into the page).
MAP_CHART = '[data-testid="stPlotlyChart"]:has(.subplot.x2y2)'


def label_css() -> str:
    """CSS that shows the label set placed for the map's current width, and hides the others."""
    def labels(size: float) -> str:
        return f'{MAP_CHART} .textpoint text[style*="font-size: {size}px"]'

    # Every set is hidden; then, smallest first, each set's rule shows it where its frame
    # fits and hides the smaller sets (a later rule of equal weight wins).
    rules = [f"{MAP_CHART} {{container-type: size}}", ", ".join(labels(size) for *_, size in LABEL_TIERS) + " {display: none}"]
    for i, (width, height, size) in reversed(list(enumerate(LABEL_TIERS))):
        smaller = ", ".join(labels(s) for *_, s in LABEL_TIERS[i + 1:])
        query = " and ".join(q for q in (f"(min-width: {width}px)" if width else "", f"(min-height: {height}px)" if height else "") if q) or "(min-width: 0px)"
        rules.append(f"@container {query} {{{labels(size)} {{display: inline}} {smaller + ' {display: none}' if smaller else ''}}}")
    return "\n".join(rules)


def province_map_figure(summary: pd.DataFrame, by_role: bool, chosen: set[str], lang: str, hover: dict[str, str] | None = None,
                        height: int = 560) -> go.Figure:
    """The provinces coloured by `map_style`, names on those with work, legend and inset inside the frame.

    `hover`: code -> what the tooltip says about the projects there (the web map); without
    it the figure has no hover (the slides). Every set of labels in `LABEL_TIERS` is drawn,
    for `label_css` (on a page) or `keep_labels_for_width` (a picture) to choose from. The
    chosen provinces are drawn last, so their outline is not covered by a neighbour's border.
    """
    styles = province_styles(summary, by_role, chosen)
    tolerance = WEB_TOLERANCE if hover is not None else 0.0
    paths, inset = province_paths(tolerance), inset_paths(tolerance)
    order = sorted(paths, key=lambda code: code in chosen)
    shapes = [_shape(paths[c], styles[c].fill, styles[c].outline, styles[c].outline_width) for c in order]
    # In the inset the islands are specks: a grey outline keeps them visible.
    shapes += [_shape(inset[c], styles[c].fill, [120, 120, 120], 0.6, "2") for c in inset_codes()]
    shapes += _maritime_shapes()
    traces: list[dict] = []
    if hover is not None:
        names, other = province_names(lang), province_names("zh" if lang == "en" else "en")
        points = pick_points()
        # One trace per province (in `pick_codes` order, first in the figure, so a click's
        # curve number names the province), its tooltip given once, not once per point, and
        # the points as 16-bit integers: the grid has thousands of points, and every colour
        # change sends the figure again.
        for code, part in points.groupby("code", sort=False):
            traces.append({"type": "scatter", "name": PICK_TRACE, "x": (part["lon"] * UNITS).round().to_numpy(np.int16),
                           "y": (part["lat"] * UNITS).round().to_numpy(np.int16),
                           "hovertext": f"<b>{names[code]}</b> {other[code]}<br>{plain(hover.get(code) or '—')}"})
    dots = island_dots()
    traces.append({"type": "scatter", "name": "islands", "x": [x for x, _ in dots], "y": [y for _, y in dots], "xaxis": "x2", "yaxis": "y2",
                   "marker": {"size": 3, "opacity": 1, "color": "rgb(90,90,90)"}, "hoverinfo": "skip"})
    for i, (low, high, size) in enumerate(LABEL_TIERS):
        labels = map_labels(summary, by_role, lang, size, map_scale(low or 340, high or height))
        traces.append({"type": "scatter", "name": f"map-labels-{i}", "x": [to_units(lon) for lon, _, _ in labels], "y": [to_units(lat) for _, lat, _ in labels],
                       "text": [s for *_, s in labels], "mode": "text",
                       # A white halo keeps dark text readable on the darkest blue and on a light neighbour alike.
                       "textfont": {"size": size, "color": "#1a1a1a", "family": FONT, "shadow": HALO},
                       "hoverinfo": "skip"})
    label_size = 14
    for entry in legend_entries(by_role, lang, count_classes(summary["n_projects"])):
        traces.append({"type": "scatter", "x": [None], "y": [None], "name": legend_label(entry, by_role, lang), "showlegend": True,
                       "marker": {"size": 16, "symbol": "square", "opacity": 1, "color": css(entry.colour), "line": {"color": "#555", "width": 1}}})
    hidden = {"visible": False, "fixedrange": False}
    layout = {
        "height": height,
        "margin": {"l": 4, "r": 4, "t": 4, "b": 4},
        "xaxis": {**hidden, "range": [to_units(v) for v in MAIN_LON], "constrain": "domain"},
        "yaxis": {**hidden, "range": [to_units(v) for v in MAIN_LAT], "scaleanchor": "x", "scaleratio": ASPECT, "constrain": "domain", "constraintoward": "top"},
        "xaxis2": {"range": [to_units(v) for v in INSET_LON], "domain": list(INSET_DOMAIN["x"]), "anchor": "y2", "fixedrange": True, "showticklabels": False,
                   "showgrid": False, "zeroline": False, "showline": True, "mirror": True, "linecolor": "#555", "constrain": "domain"},
        "yaxis2": {"range": [to_units(v) for v in INSET_LAT], "domain": list(INSET_DOMAIN["y"]), "anchor": "x2", "fixedrange": True, "showticklabels": False,
                   "showgrid": False, "zeroline": False, "showline": True, "mirror": True, "linecolor": "#555",
                   "scaleanchor": "x2", "scaleratio": ASPECT, "constrain": "domain"},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "showlegend": True,
        "legend": {"x": 0.01, "y": 0.01, "xanchor": "left", "yanchor": "bottom", "bgcolor": "rgba(255,255,255,0.85)",
                   "title": {"text": t("map.legend", lang)}, "font": {"size": label_size}},
        "font": {"family": FONT, "size": label_size, "color": "#1a1a1a"},
        "hovermode": "closest",
        "hoverdistance": 12,
        "hoverlabel": {"bgcolor": "white", "bordercolor": "#555", "font": {"size": 15, "family": FONT, "color": "#1a1a1a"}, "align": "left"},
        "dragmode": False,  # a drag scrolls the page; the tool bar has pan
        "legend_itemclick": False,
        "legend_itemdoubleclick": False,
        "shapes": shapes,
        # Every style is set here, not in plotly's default template, which would only add to
        # what each click sends. The template holds what the pick traces share, given once:
        # invisible markers that show their tooltip, never dimmed by a selection; and what
        # the shapes share: under the traces, with a province border unless they say otherwise.
        "template": {"data": {"scatter": [{"mode": "markers", "marker": {"size": 12, "opacity": 0}, "hoverinfo": "text", "showlegend": False,
                                           "selected": {"marker": {"opacity": 0}}, "unselected": {"marker": {"opacity": 0}}}]},
                     "layout": {"shapedefaults": {"layer": "below", "line": {"color": css(BORDER), "width": BORDER_WIDTH}}}},
    }
    return go.Figure({"data": traces, "layout": layout})


@lru_cache(maxsize=1)
def pick_codes() -> tuple[str, ...]:
    """The province of each invisible pick trace, in the figure's order."""
    return tuple(pick_points()["code"].unique())


def picked_codes(event: object) -> list[str]:
    """Province codes clicked in a plotly selection event of the map (empty when none)."""
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    codes = pick_codes()
    numbers = (p.get("curve_number") for p in points if isinstance(p, dict))
    return list(dict.fromkeys(codes[n] for n in numbers if isinstance(n, int) and 0 <= n < len(codes)))
