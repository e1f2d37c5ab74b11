"""The province reference, and the matcher that maps place names to GB/T 2260 codes.

The matcher is deliberately exact after normalisation: no fuzzy matching, because the
names that matter are look-alikes (Shanxi 山西 vs Shaanxi 陕西, Hainan province vs
Hainan prefecture in Qinghai). Fuzzy matching is used only to suggest, never to accept.
"""

from __future__ import annotations

import csv
import json
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.config import GEO_DIR


# Suffixes a source may add to a province's name. Longest first so that
# "autonomous region" is removed before "region" could be considered.
_EN_SUFFIXES = (
    "special administrative region",
    "autonomous region",
    "municipality",
    "province",
    "zizhiqu",
    "sheng",
    "city",
    "shi",
    "sar",
)
_ZH_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


class PlaceError(ValueError):
    """A name that cannot be mapped to exactly one province."""


@dataclass(frozen=True)
class PlaceMatch:
    """What a place name resolved to: its province code, and whether it names the province or a city."""

    code: str
    admin_level: str  # "province" or "prefecture"
    name_en: str  # the reference's English name for what was matched


def normalise(name: str) -> str:
    """Lower-case, drop punctuation and spacing, and strip one administrative suffix."""
    text = name.strip().lower()
    for suffix in _ZH_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    text = re.sub(r"[\s'’\-_.,()]+", " ", text).strip()
    for suffix in _EN_SUFFIXES:
        if text.endswith(" " + suffix):
            text = text[: -len(suffix) - 1]
            break
    return text.replace(" ", "")


@lru_cache(maxsize=1)
def province_rows() -> tuple[dict[str, str], ...]:
    """The 34 provincial-level divisions from geo/provinces.csv, one dict per row."""
    with open(GEO_DIR / "provinces.csv", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


@lru_cache(maxsize=1)
def city_rows() -> tuple[dict[str, str], ...]:
    """The cities the sources name, with their province, from geo/cities.csv."""
    with open(GEO_DIR / "cities.csv", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def province_codes() -> frozenset[str]:
    """The 34 GB/T 2260 province codes."""
    return frozenset(r["code"] for r in province_rows())


def _names(row: dict[str, str]) -> list[str]:
    return [row["name_en"], row["name_zh"], *filter(None, row["aliases"].split("|"))]


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[PlaceMatch]]:
    index: dict[str, set[PlaceMatch]] = {}
    for row in province_rows():
        match = PlaceMatch(row["code"], "province", row["name_en"])
        for name in [*_names(row), row["code"], row["iso"]]:
            index.setdefault(normalise(name), set()).add(match)
    for row in city_rows():
        match = PlaceMatch(row["province_code"], "prefecture", row["name_en"])
        for name in _names(row):
            key = normalise(name)
            # A city that shares its province's name (Jilin, Beijing) is read as the province.
            if not any(m.admin_level == "province" for m in index.get(key, ())):
                index.setdefault(key, set()).add(match)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    """Normalised key -> a readable name, for suggestions."""
    names = {}
    for row in (*province_rows(), *city_rows()):
        for name in _names(row):
            names.setdefault(normalise(name), name)
    return names


def suggestions(name: str, limit: int = 3) -> list[str]:
    """Known names close to `name`, to suggest when it matches none (never accepted as a match)."""
    display = _display_names()
    close = difflib.get_close_matches(normalise(name), list(display), n=limit, cutoff=0.75)
    return [display[k] for k in close]


def match_place(name: str) -> PlaceMatch:
    """The province (or city within a province) a source's place name refers to.

    Raises PlaceError for an unknown name (with suggestions) or an ambiguous one.
    """
    matches = _index().get(normalise(name), frozenset())
    if len(matches) == 1:
        return next(iter(matches))
    if len({m.code for m in matches}) > 1:
        options = ", ".join(sorted(f"{m.name_en} ({m.code})" for m in matches))
        raise PlaceError(f"'{name}' is ambiguous: it could be {options}")
    if matches:  # several matches, all in one province
        return sorted(matches, key=lambda m: m.admin_level != "province")[0]
    hint = suggestions(name)
    did_you_mean = f"; did you mean {' or '.join(hint)}?" if hint else ""
    raise PlaceError(f"'{name}' is not a province or city in the reference (geo/provinces.csv, geo/cities.csv){did_you_mean}")


# --- Places as IATI publishes them: a name (GeoNames' spelling), often a point, a feature code.

# A point this far (degrees, ~25 km) outside every simplified province boundary still
# belongs to the nearest one: coastal towns and islets the simplification cut away.
COAST_TOLERANCE = 0.25
_LEVEL_ORDER = ("province", "prefecture", "county")
_COUNTRY_NAMES = frozenset({"china", "zhongguo", "中国", "中华人民共和国", "peoplesrepublicofchina"})


@dataclass(frozen=True)
class Resolved:
    """Where an IATI location is: its level, province and division codes, and any doubt about it."""

    admin_level: str  # country | province | prefecture | county | locality | abroad
    province_code: str  # '' for the whole country and for places abroad
    admin_code: str  # GB/T 2260 code of the division the name refers to ('' below county or abroad)
    disagreement: str = ""  # the name and the point put the place in different provinces


@lru_cache(maxsize=1)
def gazetteer_rows() -> tuple[dict[str, str], ...]:
    """Every prefecture- and county-level division, from geo/gazetteer.csv (see geo/build_gazetteer.py)."""
    with open(GEO_DIR / "gazetteer.csv", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


@lru_cache(maxsize=2)
def division_names(lang: str) -> dict[str, str]:
    """GB/T 2260 code -> the prefecture's or county's name in `lang` (pinyin in English)."""
    key = "name_zh" if lang == "zh" else "name_pinyin"
    return {r["code"]: r[key] for r in gazetteer_rows()}


def _letters(name: str) -> str:
    """Lower-case letters and Chinese characters only: 'Xi'an' and 'Xian', 'Lü' and 'Lu' meet."""
    text = name.strip().lower().replace("ü", "u").replace("ǚ", "u")
    return re.sub(r"[^a-z0-9\u4e00-\u9fff]", "", text)


@lru_cache(maxsize=1)
def _gazetteer_index() -> dict[str, tuple[dict[str, str], ...]]:
    """Key -> divisions, by full Chinese name, full pinyin and pinyin without the suffix."""
    index: dict[str, list[dict[str, str]]] = {}
    for row in gazetteer_rows():
        for name in {row["name_zh"], row["name_pinyin"], row["stem_pinyin"]}:
            index.setdefault(_letters(name), []).append(row)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _province_shapes():
    """(codes, STRtree) of the province boundaries the map draws."""
    import shapely
    from shapely.geometry import shape

    features = json.loads((GEO_DIR / "provinces.geojson").read_text(encoding="utf-8"))["features"]
    geoms = [shape(f["geometry"]) for f in features]
    return [f["properties"]["code"] for f in features], shapely.STRtree(geoms), geoms


def province_at(latitude: float, longitude: float) -> str | None:
    """The province a point lies in (or just off the coast of); None for a point outside China."""
    from shapely.geometry import Point

    codes, tree, geoms = _province_shapes()
    point = Point(longitude, latitude)
    inside = tree.query(point, predicate="intersects")
    if len(inside):
        return codes[int(inside[0])]
    nearest = int(tree.nearest(point))
    return codes[nearest] if geoms[nearest].distance(point) <= COAST_TOLERANCE else None


def _candidates(name: str) -> list[Resolved]:
    """Every division the name could mean: provinces (and the cities in geo/cities.csv) first, then the gazetteer."""
    found = [Resolved("province", m.code, m.code) for m in _index().get(normalise(name), ()) if m.admin_level == "province"]
    found += [Resolved(r["level"], r["province_code"], r["code"]) for r in _gazetteer_index().get(_letters(name), ())]
    for m in _index().get(normalise(name), ()):
        if m.admin_level != "province":
            # A city the sources name (geo/cities.csv, with its old names): its division code from the gazetteer.
            name_zh = next(r["name_zh"] for r in city_rows() if r["name_en"] == m.name_en)
            division = [r for r in _gazetteer_index().get(_letters(name_zh), ()) if r["province_code"] == m.code]
            found.append(Resolved(m.admin_level, m.code, division[0]["code"] if len(division) == 1 else ""))
    return list(dict.fromkeys(found))


def _province_name(code: str) -> str:
    return next(r["name_en"] for r in province_rows() if r["code"] == code)


def resolve_place(name: str, point: tuple[float, float] | None, feature_code: str = "") -> Resolved:
    """Where an IATI location is, from its name and, when the name is unknown or ambiguous, its point.

    `point` is (latitude, longitude). Raises PlaceError when neither settles it.
    """
    in_province = province_at(*point) if point else None
    if feature_code.startswith("PCL") or _letters(name) in _COUNTRY_NAMES:
        if point and in_province is None and _letters(name) not in _COUNTRY_NAMES:
            return Resolved("abroad", "", "")  # another whole country: South-South work
        return Resolved("country", "", "")
    if point and in_province is None:
        clash = _candidates(name)
        note = f"'{name}' is the name of a place in China, but the point ({point[0]}, {point[1]}) lies outside China" if clash else ""
        return Resolved("abroad", "", "", note)
    candidates = _candidates(name)
    if point:
        here = [c for c in candidates if c.province_code == in_province]
        if here:
            # Within one province the highest level wins: 'Beijing' is the municipality, not a district.
            return min(here, key=lambda c: _LEVEL_ORDER.index(c.admin_level))
        disagreement = ""
        if candidates:
            named = ", ".join(sorted({_province_name(c.province_code) for c in candidates}))
            disagreement = f"'{name}' names a place in {named}, but its point ({point[0]}, {point[1]}) lies in {_province_name(in_province)}"
        return Resolved("locality", in_province, "", disagreement)
    provinces = [c for c in candidates if c.admin_level == "province"]
    if provinces:
        return provinces[0]  # a name that is a province's name means the province ('Hainan', 'Jilin')
    if len({c.province_code for c in candidates}) == 1:
        return min(candidates, key=lambda c: _LEVEL_ORDER.index(c.admin_level))
    if candidates:
        options = ", ".join(sorted({f"{_province_name(c.province_code)} ({c.admin_code or c.province_code})" for c in candidates}))
        raise PlaceError(f"'{name}' could be any of {options}, and the location gives no point to tell them apart")
    hint = suggestions(name)
    did_you_mean = f"; did you mean {' or '.join(hint)}?" if hint else ""
    raise PlaceError(f"'{name}' is not a province, prefecture or county in the reference (geo/provinces.csv, geo/cities.csv, geo/gazetteer.csv) and no point is given{did_you_mean}")


# Counties: outlines for the province close-up, a point inside each division --------------


@lru_cache(maxsize=1)
def county_boundaries():
    """Every county-level division's outline (geo/counties.geojson, see geo/build_counties.py):
    a GeoDataFrame of code, province_code, prefecture_code and geometry."""
    import geopandas as gpd

    return gpd.read_file(GEO_DIR / "counties.geojson", columns=["code", "province_code", "prefecture_code"])


@lru_cache(maxsize=1)
def division_centres() -> dict[str, tuple[float, float]]:
    """GB/T 2260 code -> (lon, lat) of a point inside each county and prefecture: where a
    place the source names only by its division is drawn. A prefecture's outline is the
    union of its counties'."""
    counties = county_boundaries().set_index("code")
    prefectures = counties[counties["prefecture_code"] != ""].dissolve("prefecture_code")
    out = {}
    for shapes in (counties.geometry, prefectures.geometry):
        points = shapes.representative_point()  # inside the shape, unlike a centroid
        out.update({code: (round(p.x, 4), round(p.y, 4)) for code, p in zip(shapes.index, points)})
    return out


def counties_at(longitudes, latitudes) -> list[str]:
    """The county code each point lies in ('' for a point in no county)."""
    import geopandas as gpd

    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(longitudes, latitudes), crs="EPSG:4326")
    joined = points.sjoin(county_boundaries()[["code", "geometry"]], how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]  # a point on a shared border takes the first county
    return joined["code"].fillna("").tolist()
