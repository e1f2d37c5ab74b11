"""The province reference, its boundaries and the maritime line."""

import json

import shapely
from shapely.geometry import shape

from dashboard.config import GEO_DIR
from dashboard.places import province_codes

BOUNDARIES = GEO_DIR / "provinces.geojson"


def load_shapes():
    doc = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    return {f["properties"]["code"]: shape(f["geometry"]) for f in doc["features"]}


def test_boundary_file_is_under_400_kb():
    assert BOUNDARIES.stat().st_size <= 400 * 1024


def test_every_province_code_has_exactly_one_valid_boundary():
    doc = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    codes = [f["properties"]["code"] for f in doc["features"]]
    assert sorted(codes) == sorted(province_codes())
    for code, geom in load_shapes().items():
        assert geom.is_valid and not geom.is_empty, code
        assert geom.geom_type in ("Polygon", "MultiPolygon"), code


def test_neighbours_do_not_overlap():
    shapes = list(load_shapes().values())
    total = sum(g.area for g in shapes)
    assert abs(total - shapely.union_all(shapes).area) < 1e-6


def test_neighbours_still_share_their_border():
    # Coverage simplification keeps shared edges shared: Hubei and Hunan touch along a line.
    shapes = load_shapes()
    border = shapes["420000"].intersection(shapes["430000"])
    assert border.length > 3  # degrees; hundreds of kilometres of shared border


def test_provinces_sit_where_they_belong():
    shapes = load_shapes()
    assert shapes["530000"].contains(shapely.Point(102.71, 25.04))  # Kunming in Yunnan
    assert shapes["140000"].contains(shapely.Point(112.55, 37.87))  # Taiyuan in Shanxi
    assert shapes["610000"].contains(shapely.Point(108.94, 34.34))  # Xi'an in Shaanxi
    assert shapes["460000"].contains(shapely.Point(110.35, 20.02))  # Haikou in Hainan
