"""The interactive province map: pydeck layers over our own geometry, with no basemap.

No basemap means no tile or style request leaves the browser. Colours, labels and the
legend come from `map_style`, the same rule the slide map uses.
"""

from __future__ import annotations

import html
import json
import math
import re
from functools import lru_cache

import pandas as pd
import pydeck as pdk

from dashboard.present import geometry
from dashboard.present.i18n import labelled, t
from dashboard.present.map_style import MARITIME_LINE, css, legend_entries, province_styles

PICK_LAYER_ID = "provinces"
# Where the camera looks: longitude, latitude and zoom of the whole country.
VIEW = (104.0, 34.5, 2.85)


@lru_cache(maxsize=2)
def geometry_json(kind: str) -> dict[str, str]:
    """Each province's geometry as compact JSON text, made once per process ('shapes' or 'pick')."""
    if kind == "pick":
        return {code: json.dumps(g, separators=(",", ":")) for code, g in geometry.pick_geometry().items()}
    return {f["properties"]["code"]: json.dumps(f["geometry"], separators=(",", ":")) for f in geometry.boundaries()["features"]}


_GEOMETRY_TOKEN = re.compile(r'"@geometry:(shapes|pick):(\d{6})"')


class CompactDeck(pdk.Deck):
    """A Deck whose JSON is compact and whose geometry is spliced in from text made once.

    pydeck indents its JSON and re-encodes every coordinate on every rerun: for 34
    provinces that was 2.5 MB and 70 ms per filter change. Layers carry a token in place
    of each geometry; only colours, labels and tooltips are encoded per rerun.
    """

    def to_json(self) -> str:
        """The deck as compact JSON, each geometry token replaced by its cached text."""
        text = json.dumps(json.loads(super().to_json()), separators=(",", ":"), ensure_ascii=False)
        return _GEOMETRY_TOKEN.sub(lambda m: geometry_json(m[1])[m[2]], text)


def province_features(summary: pd.DataFrame, tooltips: dict[str, str], by_role: bool, chosen: set[str], lang: str) -> dict:
    """The provinces with each one's fill, outline and tooltip text as properties (geometry as tokens)."""
    styles = province_styles(summary, by_role, chosen)
    rows = summary.set_index("code")
    features = []
    for f in geometry.boundaries()["features"]:
        code = f["properties"]["code"]
        r, style = rows.loc[code], styles[code]
        features.append(
            {
                "type": "Feature",
                "geometry": f"@geometry:shapes:{code}",
                "properties": {
                    "code": code,
                    "name": r["name_zh"] if lang == "zh" else r["name_en"],
                    "name_other": r["name_en"] if lang == "zh" else r["name_zh"],
                    "n_projects": int(r["n_projects"]),
                    "detail": tooltips.get(code) or "—",
                    "fill": style.fill + [235],
                    "line": style.outline,
                    "line_width": style.outline_width,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def province_labels(summary: pd.DataFrame, by_role: bool) -> list[dict]:
    """Text on each province with projects (the count, or the role letters), at its label point."""
    points = geometry.label_points()
    styles = province_styles(summary, by_role, set())
    return [{"position": list(points[code]), "text": s.label} for code, s in styles.items() if s.label]


def province_deck(summary: pd.DataFrame, tooltips: dict[str, str], by_role: bool, chosen: set[str], lang: str, height: int = 560) -> pdk.Deck:
    """The map: styled provinces, the maritime line, an invisible picking layer and labels.

    `tooltips`: code -> the projects and roles there, as text.
    """
    features = province_features(summary, tooltips, by_role, chosen, lang)
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
        id=PICK_LAYER_ID,
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
        data=geometry.maritime_line(),
        stroked=True,
        filled=False,
        get_line_color=MARITIME_LINE,
        get_line_width=1.2,
        line_width_units=pdk.types.String("pixels"),
    )
    text = pdk.Layer(
        "TextLayer",
        id="labels",
        data=province_labels(summary, by_role),
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
    longitude, latitude, zoom = VIEW
    return CompactDeck(
        layers=[provinces, maritime, picking, text],
        initial_view_state=pdk.ViewState(longitude=longitude, latitude=latitude, zoom=zoom, min_zoom=2, max_zoom=7),
        # No provider and no style: pydeck then sends its placeholder style, which Streamlit
        # reads as "no basemap" (map_style=None would make it fetch a Carto basemap).
        map_provider=None,
        tooltip=tooltip,
        height=height,
    )


def picked_codes(event: object) -> list[str]:
    """Province codes picked in a pydeck selection event (empty when nothing is picked)."""
    try:
        objects = event["selection"]["objects"].get(PICK_LAYER_ID, [])  # type: ignore[index]
    except (KeyError, TypeError, AttributeError):
        return []
    codes = []
    for obj in objects:
        props = obj.get("properties", obj)
        if props.get("code"):
            codes.append(str(props["code"]))
    return codes


def legend_html(by_role: bool, lang: str) -> str:
    """The map's legend as HTML: a swatch per entry, roles with their letter."""
    items = []
    for entry in legend_entries(by_role, lang):
        text = (f"<b>{entry.letter}</b>&nbsp;" if entry.letter else "") + html.escape(entry.text)
        items.append(
            '<span style="display:inline-flex;align-items:center;margin-right:1rem;white-space:nowrap">'
            f'<span style="display:inline-block;width:1.1em;height:1.1em;background:{css(entry.colour)};border:1px solid #555;margin-right:.35em"></span>'
            f"{text}</span>"
        )
    return f'<div style="font-size:1rem;line-height:2">{labelled(t("map.legend", lang), " ".join(items), lang)}</div>'


def canvas_point(lon: float, lat: float, box: dict) -> tuple[float, float]:
    """Where the map's Web Mercator view puts a longitude/latitude inside a canvas box (x, y, width, height)."""
    lon0, lat0, zoom = VIEW
    world = 512 * 2**zoom

    def y(phi: float) -> float:
        """Web Mercator y of a latitude (radians of the projected axis)."""
        return math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))

    dx = (lon - lon0) / 360 * world
    dy = (y(lat0) - y(lat)) / (2 * math.pi) * world
    return box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy
