"""The places map: a deck.gl view of the chosen provinces with their county borders and
every place a project works at, and (switched on) the places across the country.

deck.gl draws in the browser from Streamlit's own bundle; there is no basemap, so nothing
is fetched from anywhere. Tooltips are plain text (deck.gl's `text` tooltip), never HTML:
place names come from the sources.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pydeck as pdk
import shapely
from shapely.geometry import mapping, shape

from dashboard import places
from dashboard.domain import place_points
from dashboard.domain.filters import View, per_view
from dashboard.present.charts import PALETTE
from dashboard.present.geometry import boundaries
from dashboard.present.i18n import format_usd_compact, join_names, t, term
from dashboard.present.map_style import CHOSEN_OUTLINE, ROLE_COLOURS, SEVERAL_ROLES, Colour, count_classes, count_colour, hex_to_rgb
from dashboard.present.tables import project_names, province_names

SIZE_BY = ("projects", "budget")
COLOUR_BY = ("theme", "role")
# Past this many places the country layer counts them in squares instead of drawing each,
# the smallest squares (of GRID_STEPS degrees) that number at most MAX_CELLS: however many
# places and projects, the layer then stays well under 100 KB.
COUNTRY_POINTS_LIMIT = 400
GRID_STEPS = (0.5, 1.0, 2.0, 4.0)
MAX_CELLS = 400
NAMES_IN_TIP = 3  # project names a tooltip lists before "and N more"
SMALLEST, LARGEST = 5, 18  # radius of a place in pixels
ONE_PROJECT = 7  # radius of a place of one project: four projects are twice as wide
FIT_WIDTH, FIT_HEIGHT = 340, 420  # the close-up frames its provinces in this many pixels: a phone's width
HEIGHT = 480
TILE = 512  # deck.gl draws the whole world 512 pixels wide at zoom 0
CHINA = (73.5, 18.0, 135.1, 53.6)  # west, south, east, north: the frame without a province chosen
THEME_COLOURS = tuple(hex_to_rgb(c) for c in PALETTE[:7])  # not the eighth, black: too close to the grey of "several"
SEVERAL: Colour = SEVERAL_ROLES
OTHER: Colour = [170, 170, 170]
COUNTY_LINE: Colour = [150, 150, 150]
WORKED_COUNTY: Colour = [255, 224, 178]
COUNTRY_POINT: Colour = [120, 120, 120]
PIXELS = pdk.types.String("pixels")  # a bare string would be read as a data accessor


class CompactDeck(pdk.Deck):
    """A deck whose JSON has no indentation: pydeck indents by two spaces, which more than
    doubles what every rerun sends."""

    def to_json(self) -> str:
        return json.dumps(json.loads(super().to_json()), separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class LegendItem:
    colour: Colour
    label: str
    ring: bool = False  # drawn as a ring: a place at its division's centre


def _category(main: str, colours: dict[str, Colour]) -> str:
    """The colour category of a place: the theme (or role) most of it shares, 'several' for a tie, 'other' past the palette."""
    return main if main in colours else ("several" if not main else "other")


def category_colours(drawn: pd.DataFrame, by: str) -> dict[str, Colour]:
    """Theme (or role) -> colour. Roles have their fixed colours; themes take the palette in
    order of how many places they lead, so the commonest read most distinctly, and the rest
    share a grey."""
    if by == "role":
        return dict(ROLE_COLOURS)
    leading = drawn["main_theme"][drawn["main_theme"] != ""]
    return dict(zip(leading.value_counts().index, THEME_COLOURS))


def place_colours(drawn: pd.DataFrame, by: str) -> list[Colour]:
    """Each place's colour: that of the theme (or role) most of its projects (or rows) share."""
    colours = category_colours(drawn, by)
    out = []
    for main in drawn[f"main_{by}"]:
        c = _category(main, colours)
        out.append(colours.get(c, SEVERAL if c == "several" else OTHER))
    return out


def place_radii(drawn: pd.DataFrame, by: str) -> list[float]:
    """Pixels, by area: a place with four times the projects (or budget) has twice the
    radius. One project is ONE_PROJECT pixels, so a province of one-project places is not
    a field of the largest dots; budgets scale to the largest shown."""
    if by == "projects":
        return [min(float(LARGEST), round(ONE_PROJECT * math.sqrt(n), 1)) for n in drawn["n_projects"]]
    values = drawn["budget_usd"].astype(float)
    top = values.max()
    if not top or pd.isna(top):
        return [float(SMALLEST)] * len(drawn)
    return [SMALLEST if pd.isna(v) else round(SMALLEST + (LARGEST - SMALLEST) * math.sqrt(v / top), 1) for v in values]


def place_tip(row: pd.Series, names: dict[str, str], budget_known: bool, lang: str) -> str:
    """What hovering a place says: its name as written, its level, where it is drawn, its projects."""
    level = ", ".join(term("admin_level", v, lang) for v in row["levels"])
    county = places.division_names(lang).get(row["county"], "")
    lines = ["; ".join(row["names"]), f"{level} · {county}" if county and county not in row["names"] else level, t(f"map.drawn.{row['drawn']}", lang)]
    ids = row["project_ids"]
    listed = [names.get(p, p) for p in ids[:NAMES_IN_TIP]]
    more = t("map.tip_more", lang, n=len(ids) - NAMES_IN_TIP) if len(ids) > NAMES_IN_TIP else ""
    lines.append(t("map.projects_n", lang, n=len(ids)) + ": " + join_names(listed, lang) + more)
    if budget_known:
        amount = row["budget_usd"]
        lines.append(t("map.tip_budget", lang, amount=format_usd_compact(amount, lang)) if pd.notna(amount) else t("map.tip_no_budget", lang))
    return "\n".join(lines)


def place_records(view: View, drawn: pd.DataFrame, size_by: str, colour_by: str, lang: str) -> list[dict]:
    """The places as deck.gl data: position, radius, colour, the key a click returns, the tooltip."""
    names = project_names(view.all_projects, lang)
    radii, colours = place_radii(drawn, size_by), place_colours(drawn, colour_by)
    return [
        {"key": row["key"], "pos": [row["lon"], row["lat"]], "r": r, "c": c, "tip": place_tip(row, names, size_by == "budget", lang)}
        for (_, row), r, c in zip(drawn.iterrows(), radii, colours)
    ]


def close_up_grid(province: str) -> float:
    """The grid (degrees) a province's close-up rounds its lines to: about a pixel of it.
    A large province's close-up cannot show 0.01° (1 km); Beijing's districts need 0.002°."""
    west, south, east, north = framed_bounds((province,))
    return 0.01 if max(east - west, north - south) > 6 else 0.002


@lru_cache(maxsize=64)
def province_outline(province: str) -> dict:
    """The province's boundary as a GeoJSON feature, rounded to its close-up's grid."""
    feature = next(f for f in boundaries()["features"] if f["properties"]["code"] == province)
    return {"type": "Feature", "geometry": mapping(shapely.set_precision(shape(feature["geometry"]), close_up_grid(province))), "properties": {}}


@lru_cache(maxsize=64)
def county_borders(province: str) -> dict:
    """The borders between a province's counties as one GeoJSON feature (the outline is the
    province's own): each shared border once, rounded to the close-up's grid."""
    counties = places.county_boundaries()
    shapes = counties[counties["province_code"] == province].geometry.values
    lines = shapely.MultiLineString([])
    if len(shapes):
        outline = shapely.union_all(shapes).boundary
        lines = shapely.line_merge(shapely.union_all(shapely.boundary(shapes)).difference(outline.buffer(1e-3)))
    return {"type": "Feature", "geometry": mapping(shapely.set_precision(lines, close_up_grid(province))), "properties": {}}


def worked_counties(drawn: pd.DataFrame, lang: str) -> list[dict]:
    """GeoJSON features of the counties with a place drawn, tinted, hover naming the county and its places."""
    counties = places.county_boundaries().set_index("code")
    features = []
    for code, group in drawn[drawn["county"] != ""].groupby("county"):
        if code not in counties.index:
            continue
        geom = shapely.set_precision(counties.geometry[code], 0.005)
        n = len({p for ids in group["project_ids"] for p in ids})
        tip = f"{places.division_names(lang).get(code, code)}\n{t('map.places_n', lang, n=len(group))} · {t('map.projects_n', lang, n=n)}"
        features.append({"type": "Feature", "geometry": mapping(geom), "properties": {"tip": tip}})
    return features


def fit_view(bounds: tuple[float, float, float, float], width: int = FIT_WIDTH, height: int = FIT_HEIGHT) -> pdk.ViewState:
    """The view that frames lon/lat bounds (west, south, east, north) in width × height pixels (Web Mercator)."""
    west, south, east, north = bounds

    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    zoom_x = math.log2(width * 360 / (TILE * max(east - west, 1e-3)))
    zoom_y = math.log2(height * 2 * math.pi / (TILE * max(y(north) - y(south), 1e-5)))
    middle = math.degrees(2 * math.atan(math.exp((y(north) + y(south)) / 2)) - math.pi / 2)
    return pdk.ViewState(longitude=round((west + east) / 2, 4), latitude=round(middle, 4), zoom=round(min(zoom_x, zoom_y) - 0.1, 2), min_zoom=2, max_zoom=12)


FRAMED_PART = 0.05  # parts smaller than this share of a province's largest are left out of the frame


def framed_bounds(provinces: tuple[str, ...]) -> tuple[float, float, float, float]:
    """West, south, east, north of the provinces' main land: Hainan's close-up frames the
    island, not the South China Sea islets a thousand kilometres away."""
    parts = []
    for f in boundaries()["features"]:
        if f["properties"]["code"] in provinces:
            pieces = list(shapely.get_parts(shape(f["geometry"])))
            largest = max(p.area for p in pieces)
            parts += [p for p in pieces if p.area >= FRAMED_PART * largest]
    return tuple(float(v) for v in shapely.total_bounds(parts))


@per_view
def country_layer(view: View, lang: str) -> tuple[pdk.Layer, int, int, float]:
    """The places across the country in view: a grey dot each, or past COUNTRY_POINTS_LIMIT
    places, squares coloured by how many places they hold. Returns the layer, the number
    of places, the number of squares (0 when drawn as dots) and their size in degrees."""
    drawn = place_points.drawn_places(view, None)
    drawn = drawn[drawn["province_code"].notna() & (drawn["province_code"] != "")]
    if len(drawn) <= COUNTRY_POINTS_LIMIT:
        names = project_names(view.all_projects, lang)
        data = [{"pos": [lon, lat], "tip": place_tip(row, names, False, lang)} for (_, row), lon, lat in zip(drawn.iterrows(), drawn["lon"], drawn["lat"])]
        layer = pdk.Layer("ScatterplotLayer", id="country-places", data=data, get_position="pos", get_radius=3, radius_units=PIXELS,
                          get_fill_color=COUNTRY_POINT, pickable=True)
        return layer, len(drawn), 0, 0.0
    for d in GRID_STEPS:
        cells = place_points.grid_cells(drawn, d)
        if len(cells) <= MAX_CELLS:
            break
    classes = count_classes(cells["n_places"])
    data = [
        {"poly": [[x, y], [x + d, y], [x + d, y + d], [x, y + d]], "c": count_colour(int(n), classes),
         "tip": t("map.cell_tip", lang, places=int(n), projects=int(m), degrees=f"{d:g}")}
        for x, y, n, m in zip(cells["lon"], cells["lat"], cells["n_places"], cells["n_projects"])
    ]
    layer = pdk.Layer("PolygonLayer", id="country-places", data=data, get_polygon="poly", get_fill_color="c", opacity=0.7, stroked=False, pickable=True)
    return layer, len(drawn), len(cells), d


def province_layers(view: View, provinces: tuple[str, ...], size_by: str, colour_by: str, lang: str) -> list[pdk.Layer]:
    """The chosen provinces' outlines and county borders, the counties with work, and their places."""
    outlines = [province_outline(code) for code in provinces]
    borders = [county_borders(code) for code in provinces]
    drawn = place_points.drawn_places(view, provinces)
    records = place_records(view, drawn, size_by, colour_by, lang)
    points = [r for r, kind in zip(records, drawn["drawn"]) if kind == "point"]
    centres = [r for r, kind in zip(records, drawn["drawn"]) if kind == "centre"]
    return [
        pdk.Layer("GeoJsonLayer", id="provinces", data=outlines, stroked=True, filled=True, get_fill_color=[248, 248, 248],
                  get_line_color=CHOSEN_OUTLINE, line_width_units=PIXELS, get_line_width=2),
        pdk.Layer("GeoJsonLayer", id="county-borders", data=borders, stroked=True, filled=False, get_line_color=COUNTY_LINE,
                  line_width_units=PIXELS, get_line_width=0.8),
        pdk.Layer("GeoJsonLayer", id="worked-counties", data=worked_counties(drawn, lang), stroked=False, filled=True,
                  get_fill_color=[*WORKED_COUNTY, 160], pickable=True),
        pdk.Layer("ScatterplotLayer", id="places-centres", data=centres, get_position="pos", get_radius="r", radius_units=PIXELS,
                  filled=False, stroked=True, get_line_color="c", line_width_units=PIXELS, get_line_width=3, pickable=True),
        pdk.Layer("ScatterplotLayer", id="places-points", data=points, get_position="pos", get_radius="r", radius_units=PIXELS,
                  get_fill_color="c", stroked=True, get_line_color=[255, 255, 255], line_width_units=PIXELS, get_line_width=1.5, pickable=True),
    ]


def place_deck(view: View, provinces: tuple[str, ...], size_by: str, colour_by: str, country: bool, lang: str) -> pdk.Deck:
    """The deck: the chosen provinces close up (when any), the country's places when switched on."""
    country_places = [country_layer(view, lang)[0]] if country else []
    if provinces:
        close = province_layers(view, provinces, size_by, colour_by, lang)
        layers = close[:3] + country_places + close[3:]  # the country's places under the close-up's own
        bounds = framed_bounds(provinces)
    else:
        layers, bounds = country_places, CHINA
    return CompactDeck(layers=layers, initial_view_state=fit_view(bounds), map_provider=None,
                    tooltip={"text": "{tip}", "style": {"fontSize": "15px", "whiteSpace": "pre-line", "maxWidth": "22em", "color": "#ffffff", "backgroundColor": "#1a1a1a"}})


def legend(view: View, provinces: tuple[str, ...], size_by: str, colour_by: str, lang: str) -> list[LegendItem]:
    """What the colours and shapes of the close-up mean, for what it shows."""
    drawn = place_points.drawn_places(view, provinces)
    colours = category_colours(drawn, colour_by)
    present = {_category(v, colours) for v in drawn[f"main_{colour_by}"]}
    group = "theme" if colour_by == "theme" else "role"
    items = [LegendItem(c, term(group, k, lang)) for k, c in colours.items() if k in present]
    if "several" in present:
        items.append(LegendItem(SEVERAL, t(f"map.several_{group}s", lang)))
    if "other" in present:
        items.append(LegendItem(OTHER, t("map.other_themes", lang)))
    kinds = set(drawn["drawn"])
    items += [LegendItem([90, 90, 90], t(f"map.drawn.{k}", lang), ring=k == "centre") for k in ("point", "centre") if k in kinds]
    if len(drawn):
        items.append(LegendItem(WORKED_COUNTY, t("map.worked_counties", lang)))
    return items


def size_note(view: View, provinces: tuple[str, ...], size_by: str, lang: str) -> str:
    """What a place's size stands for, with the smallest and largest values shown."""
    drawn = place_points.drawn_places(view, provinces)
    if drawn.empty:
        return ""
    if size_by == "projects":
        return t("map.size_projects", lang, low=int(drawn["n_projects"].min()), high=int(drawn["n_projects"].max()))
    known = drawn["budget_usd"].dropna()
    if known.empty:
        return t("map.size_no_budget", lang)
    note = t("map.size_budget", lang, low=format_usd_compact(known.min(), lang), high=format_usd_compact(known.max(), lang))
    missing = int(drawn["budget_usd"].isna().sum())
    return note + (" " + t("map.size_budget_missing", lang, n=missing) if missing else "")


def provinces_title(provinces: tuple[str, ...], lang: str) -> str:
    return t("map.places_in", lang, provinces=join_names([province_names(lang)[c] for c in provinces], lang))


def place_of(view: View, provinces: tuple[str, ...], key: str | None) -> pd.Series | None:
    """The drawn place with this key among the provinces' places, or None (no key, or the place is no longer in view)."""
    drawn = place_points.drawn_places(view, provinces)
    match = drawn[drawn["key"] == key]
    return None if key is None or match.empty else match.iloc[0]


def notes(view: View, provinces: tuple[str, ...], size_by: str, colour_by: str, country: bool, lang: str) -> list[str]:
    """The sentences under the places map: what size and colour stand for, the country
    layer, what is not drawn, how to use it."""
    out = []
    if provinces:
        what = t(f"map.colour.{colour_by}", lang)
        out += [size_note(view, provinces, size_by, lang), t("map.colour_rule", lang, what=what.lower() if lang == "en" else what)]
    if country:
        _, n, cells, degrees = country_layer(view, lang)
        out.append(t("map.country_cells", lang, n=n, limit=COUNTRY_POINTS_LIMIT, cells=cells, degrees=f"{degrees:g}") if cells else t("map.country_points", lang, n=n))
    if provinces:
        undrawn = len(place_points.undrawn_places(view, provinces))
        if undrawn:
            out.append(t("map.undrawn", lang, n=undrawn))
    out.append(t("map.place_hint", lang))
    return [n for n in out if n]
