"""The province shapes we ship, loaded once per process: display shapes, coarse shapes for
picking, a label point inside each province, and the maritime boundary line."""

from __future__ import annotations

import json
from functools import lru_cache

import shapely
from shapely.geometry import mapping, shape

from dashboard.config import GEO_DIR


@lru_cache(maxsize=1)
def boundaries() -> dict:
    """The 34 provinces as a GeoJSON FeatureCollection (property `code`: GB/T 2260)."""
    return json.loads((GEO_DIR / "provinces.geojson").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def maritime_line() -> dict:
    """The maritime boundary line in the South China Sea, as GeoJSON."""
    return json.loads((GEO_DIR / "maritime.geojson").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def pick_geometry() -> dict[str, dict]:
    """Coarse province shapes for picking only (code -> GeoJSON geometry).

    deck.gl picks by drawing every pickable shape again, synchronously, on each click and
    hover. On a computer without a graphics card (common on meeting-room PCs) that took
    most of a second with the display shapes, so the click was not recognised as a click.
    Six times fewer vertices keep picking quick; the display layer stays detailed.
    """
    features = boundaries()["features"]
    coarse = shapely.coverage_simplify([shape(f["geometry"]) for f in features], 0.15)
    return {f["properties"]["code"]: mapping(shapely.set_precision(g, 0.01)) for f, g in zip(features, coarse)}


@lru_cache(maxsize=1)
def label_points() -> dict[str, tuple[float, float]]:
    """A point inside each province (code -> lon, lat), for its label."""
    points = {}
    for f in boundaries()["features"]:
        p = shapely.point_on_surface(shape(f["geometry"]))
        points[f["properties"]["code"]] = (round(p.x, 3), round(p.y, 3))
    return points


def outer_rings(geometry: dict) -> list[list]:
    """The outer ring of each polygon in a Polygon or MultiPolygon geometry."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]
