"""The province shapes we ship, loaded once per process: the shapes, a label point inside
each province, and the maritime boundary line."""

from __future__ import annotations

import json
from functools import lru_cache

import shapely
from shapely.geometry import shape

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
def label_points() -> dict[str, tuple[float, float]]:
    """A point inside each province (code -> lon, lat), for its label."""
    points = {}
    for f in boundaries()["features"]:
        p = shapely.point_on_surface(shape(f["geometry"]))
        points[f["properties"]["code"]] = (round(p.x, 3), round(p.y, 3))
    return points
