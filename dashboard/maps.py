"""The province map: a pydeck GeoJsonLayer over our own geometry, with no basemap.

No basemap means no tile or style request leaves the browser.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pandas as pd
import pydeck as pdk
import shapely
from shapely.geometry import mapping, shape

from dashboard.charts import PALETTE
from dashboard.places import GEO_DIR

LAYER_ID = "provinces"
NO_PROJECT = [236, 236, 236]
# ColorBrewer Blues, 1 to 4+ projects: ordered, and readable by people with colour-blindness.
COUNT_COLOURS = ([158, 202, 225], [66, 146, 198], [8, 81, 156], [8, 48, 107])
SEVERAL_ROLES = [90, 90, 90]
ROLE_LETTERS = {
    "pilot_province": "P",
    "project_location": "L",
    "field_study": "F",
    "case_study": "C",
    "training_of_trainers": "T",
}


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


ROLE_COLOURS = {role: _rgb(PALETTE[i]) for i, role in enumerate(ROLE_LETTERS)}


@lru_cache(maxsize=1)
def boundaries() -> dict:
    return json.loads((GEO_DIR / "provinces.geojson").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def maritime_line() -> dict:
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


@lru_cache(maxsize=2)
def geometry_json(kind: str) -> dict[str, str]:
    """Each province's geometry as compact JSON text, made once per process ('shapes' or 'pick')."""
    if kind == "pick":
        return {code: json.dumps(g, separators=(",", ":")) for code, g in pick_geometry().items()}
    return {f["properties"]["code"]: json.dumps(f["geometry"], separators=(",", ":")) for f in boundaries()["features"]}


_GEOMETRY_TOKEN = re.compile(r'"@geometry:(shapes|pick):(\d{6})"')


class CompactDeck(pdk.Deck):
    """A Deck whose JSON is compact and whose geometry is spliced in from text made once.

    pydeck indents its JSON and re-encodes every coordinate on every rerun: for 34
    provinces that was 2.5 MB and 70 ms per filter change. Layers carry a token in place
    of each geometry; only colours, labels and tooltips are encoded per rerun.
    """

    def to_json(self) -> str:
        text = json.dumps(json.loads(super().to_json()), separators=(",", ":"), ensure_ascii=False)
        return _GEOMETRY_TOKEN.sub(lambda m: geometry_json(m[1])[m[2]], text)


@lru_cache(maxsize=1)
def label_points() -> dict[str, tuple[float, float]]:
    """A point inside each province, for its letter label."""
    points = {}
    for f in boundaries()["features"]:
        p = shapely.point_on_surface(shape(f["geometry"]))
        points[f["properties"]["code"]] = (round(p.x, 3), round(p.y, 3))
    return points


def count_colour(n: int) -> list[int]:
    return NO_PROJECT if n == 0 else COUNT_COLOURS[min(n, len(COUNT_COLOURS)) - 1]


def role_colour(roles: tuple[str, ...]) -> list[int]:
    if not roles:
        return NO_PROJECT
    return ROLE_COLOURS[roles[0]] if len(roles) == 1 else SEVERAL_ROLES


def role_label(roles: tuple[str, ...]) -> str:
    return "".join(ROLE_LETTERS[r] for r in roles)


def province_features(summary: pd.DataFrame, by_role: bool, selected: set[str], lang: str) -> dict:
    """The boundaries with each province's colour, label and tooltip text as properties."""
    rows = summary.set_index("code")
    features = []
    for f in boundaries()["features"]:
        code = f["properties"]["code"]
        r = rows.loc[code]
        colour = role_colour(r["roles"]) if by_role else count_colour(int(r["n_projects"]))
        name = r["name_zh"] if lang == "zh" else r["name_en"]
        other = r["name_en"] if lang == "zh" else r["name_zh"]
        features.append(
            {
                "type": "Feature",
                "geometry": f"@geometry:shapes:{code}",
                "properties": {
                    "code": code,
                    "name": name,
                    "name_other": other,
                    "n_projects": int(r["n_projects"]),
                    "detail": r["projects_roles"] or "—",
                    "fill": colour + [235],
                    "line": [255, 140, 0] if code in selected else [255, 255, 255],
                    "line_width": 3 if code in selected else 0.8,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def labels(summary: pd.DataFrame, by_role: bool) -> list[dict]:
    """Text on each province with projects: the number, or the role letters."""
    points = label_points()
    out = []
    for _, r in summary[summary["n_projects"] > 0].iterrows():
        lon, lat = points[r["code"]]
        out.append({"position": [lon, lat], "text": role_label(r["roles"]) if by_role else str(int(r["n_projects"]))})
    return out


def province_deck(summary: pd.DataFrame, by_role: bool, selected: set[str], lang: str, height: int = 560) -> pdk.Deck:
    features = province_features(summary, by_role, selected, lang)
    provinces = pdk.Layer(
        "GeoJsonLayer",
        id="province-shapes",
        data=features,
        pickable=False,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color="properties.line",
        get_line_width="properties.line_width",
        line_width_units=pdk.types.String("pixels"),
    )
    picking = pdk.Layer(
        "GeoJsonLayer",
        id=LAYER_ID,
        data={**features, "features": [{**f, "geometry": f"@geometry:pick:{f['properties']['code']}"} for f in features["features"]]},
        pickable=True,
        stroked=False,
        filled=True,
        get_fill_color=[255, 255, 255, 1],  # invisible, but still picked
        auto_highlight=True,
        highlight_color=[255, 200, 0, 90],
    )
    maritime = pdk.Layer(
        "GeoJsonLayer",
        id="maritime",
        data=maritime_line(),
        stroked=True,
        filled=False,
        get_line_color=[80, 80, 80],
        get_line_width=1.2,
        line_width_units=pdk.types.String("pixels"),
    )
    text = pdk.Layer(
        "TextLayer",
        id="labels",
        data=labels(summary, by_role),
        get_position="position",
        get_text="text",
        get_size=19,
        get_color=[255, 255, 255],
        outline_width=4,
        outline_color=[0, 0, 0],
        font_settings={"sdf": True},
        font_family=pdk.types.String("Source Sans Pro, Arial, sans-serif"),
        font_weight=700,
    )
    tooltip = {
        "html": "<b>{name}</b> {name_other}<br/>{detail}",
        "style": {"fontSize": "15px", "maxWidth": "320px", "whiteSpace": "normal", "fontFamily": "Source Sans, Noto Sans SC, sans-serif"},
    }
    return CompactDeck(
        layers=[provinces, maritime, picking, text],
        initial_view_state=pdk.ViewState(longitude=104.0, latitude=34.5, zoom=2.85, min_zoom=2, max_zoom=7),
        # No provider and no style: pydeck then sends its placeholder style, which Streamlit
        # reads as "no basemap" (map_style=None would make it fetch a Carto basemap).
        map_provider=None,
        tooltip=tooltip,
        height=height,
    )


def selected_codes(event: object) -> list[str]:
    """Province codes picked in a pydeck selection event (empty when nothing is picked)."""
    try:
        objects = event["selection"]["objects"].get(LAYER_ID, [])  # type: ignore[index]
    except (KeyError, TypeError, AttributeError):
        return []
    codes = []
    for obj in objects:
        props = obj.get("properties", obj)
        if props.get("code"):
            codes.append(str(props["code"]))
    return codes


def _swatch(colour: list[int], label: str) -> str:
    rgb = f"rgb({colour[0]},{colour[1]},{colour[2]})"
    return (
        f'<span style="display:inline-flex;align-items:center;margin-right:1rem;white-space:nowrap">'
        f'<span style="display:inline-block;width:1.1em;height:1.1em;background:{rgb};border:1px solid #555;margin-right:.35em"></span>'
        f"{label}</span>"
    )


def legend_html(lang: str, by_role: bool) -> str:
    """The map's legend; roles carry their letter as well as their colour."""
    from dashboard.i18n import labelled, t, term

    if by_role:
        items = [_swatch(ROLE_COLOURS[r], f"<b>{ROLE_LETTERS[r]}</b>&nbsp;{term('role', r, lang)}") for r in ROLE_LETTERS]
        items.append(_swatch(SEVERAL_ROLES, t("map.multiple_roles", lang)))
    else:
        items = [_swatch(NO_PROJECT, t("map.no_projects", lang))]
        items += [_swatch(c, f"{i + 1}{'+' if i + 1 == len(COUNT_COLOURS) else ''}") for i, c in enumerate(COUNT_COLOURS)]
    return f'<div style="font-size:1rem;line-height:2">{labelled(t("map.legend", lang), " ".join(items), lang)}</div>'


def toggled_selection(current: list[str], clicked: list[str]) -> list[str]:
    """The province filter after a click: the clicked province, or none when it was already the only one."""
    if not clicked:
        return list(current)
    return [] if list(current) == clicked else clicked
