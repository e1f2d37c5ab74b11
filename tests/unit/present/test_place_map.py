"""The places map as deck.gl receives it: its layers, one point per place with a point, a
ring per place drawn at its county, plain-text tooltips in both languages, no basemap, a
frame holding the whole province, and a country layer that stays light at any size."""

from __future__ import annotations

import dataclasses
import json
import math
import random

import pandas as pd
import pytest

from dashboard.present import place_map
from dashboard.store.package import read_package
from helpers import append_rows, read_rows, view_of

HAINAN = ("460000",)


def spec(deck) -> dict:
    return json.loads(deck.to_json())


def layer(doc: dict, layer_id: str) -> dict:
    return next(x for x in doc["layers"] if x["id"] == layer_id)


def test_the_close_up_draws_the_province_its_county_borders_and_each_place_with_a_point(as_sourced_dir, bundled):
    rows = [r for r in read_rows(as_sourced_dir, "locations") if r["province_code"] == "460000" and r["admin_level"] in ("prefecture", "county", "locality") and r["latitude"]]
    points = {(round(float(r["longitude"]), 4), round(float(r["latitude"]), 4)) for r in rows}
    doc = spec(place_map.place_deck(view_of(bundled, provinces=frozenset(HAINAN)), HAINAN, "projects", "theme", False, "en"))
    assert [x["id"] for x in doc["layers"]] == ["provinces", "county-borders", "worked-counties", "places-centres", "places-points"]
    assert {tuple(p["pos"]) for p in layer(doc, "places-points")["data"]} == points
    assert layer(doc, "places-centres")["data"] == []
    assert layer(doc, "county-borders")["data"][0]["geometry"]["type"] == "MultiLineString"
    # Pixel sizes reach deck.gl as the word, not as a data accessor ("@@=pixels").
    assert layer(doc, "places-points")["radiusUnits"] == "pixels"


def test_no_basemap_is_asked_for_and_tooltips_are_text_not_html(bundled):
    deck = place_map.place_deck(view_of(bundled), HAINAN, "projects", "theme", True, "en")
    text = deck.to_json()
    assert "cartocdn" not in text and "mapbox" not in text.lower()
    assert json.loads(text)["mapStyle"] == "__MAP_STYLE__"  # pydeck's "no provider": Streamlit then draws no basemap
    assert set(deck._tooltip) == {"text", "style"}  # deck.gl puts `text` in as text; `html` would run markup from a source


def test_a_place_drawn_at_its_county_is_a_ring_and_its_tooltip_says_so_in_both_languages(small_dir):
    append_rows(small_dir, "locations", {"project_id": "coast", "place_as_written": "Chengmai", "province_code": "460000", "admin_level": "county",
                                          "admin_code": "469023", "role": "project_location", "source_id": "doc-coast", "section": "Sites"})
    view = view_of(read_package(small_dir))
    for lang, level, drawn in (("en", "County", "inside the county"), ("zh", "县级", "位于所述县")):
        doc = spec(place_map.place_deck(view, HAINAN, "projects", "role", False, lang))
        rings = layer(doc, "places-centres")
        assert len(rings["data"]) == 1 and rings["filled"] is False and rings["stroked"] is True
        tip = rings["data"][0]["tip"]
        assert tip.startswith("Chengmai\n") and level in tip and drawn in tip


def test_the_frame_holds_the_whole_province_at_a_phone_width(bundled):
    for code in ("460000", "650000", "110000", "530000"):
        west, south, east, north = place_map.framed_bounds((code,))
        view = place_map.fit_view((west, south, east, north))
        pixels_per_degree = place_map.TILE * 2**view.zoom / 360
        assert (east - west) * pixels_per_degree <= place_map.FIT_WIDTH
        assert west <= view.longitude <= east and south <= view.latitude <= north
    # Hainan is framed on the island, not on the islets a thousand kilometres south.
    assert place_map.framed_bounds(HAINAN)[1] > 17


def test_size_and_colour_follow_the_choice(bundled):
    view = view_of(bundled)
    drawn = place_map.place_points.drawn_places(view, None)
    radii = place_map.place_radii(drawn, "projects")
    assert all(r == place_map.ONE_PROJECT for r, n in zip(radii, drawn["n_projects"]) if n == 1)
    assert radii[drawn["n_projects"].idxmax()] > place_map.ONE_PROJECT  # Nanjing, named by two projects
    by_budget = place_map.place_radii(drawn, "budget")
    assert by_budget[drawn["budget_usd"].idxmax()] == place_map.LARGEST and min(by_budget) >= place_map.SMALLEST
    by_role = place_map.place_colours(drawn, "role")
    assert all(c == place_map.ROLE_COLOURS["project_location"] for c, roles in zip(by_role, drawn["roles"]) if roles == ("project_location",))
    by_theme = place_map.place_colours(drawn, "theme")
    two = drawn.index[drawn["themes"].map(len) == 2][0]  # one project with two themes: neither leads
    assert by_theme[two] == place_map.SEVERAL
    items = place_map.legend(view, HAINAN, "projects", "theme", "zh")
    assert any(i.label == "气候与环境" for i in items)


def test_the_country_layer_counts_places_in_squares_past_the_limit_and_stays_under_100_kb(bundled, monkeypatch):
    rng = random.Random(5)
    n = 20_000
    many = pd.DataFrame({
        "key": [f"p{i}" for i in range(n)], "lon": [round(rng.uniform(75, 133), 4) for _ in range(n)], "lat": [round(rng.uniform(19, 52), 4) for _ in range(n)],
        "drawn": "point", "names": [(f"Village {i}",) for i in range(n)], "levels": [("locality",)] * n, "county": "", "province_code": "530000",
        "project_ids": [(f"p{i % 5000}",) for i in range(n)], "roles": [("project_location",)] * n, "themes": [("energy",)] * n,
        "n_projects": 1, "budget_usd": math.nan,
    })
    unshared = dataclasses.replace(view_of(bundled), package=None)  # nothing worked out here is kept for other tests
    monkeypatch.setattr(place_map.place_points, "drawn_places", lambda view, provinces=None: many)
    layer_, places, cells, degrees = place_map.country_layer(unshared, "en")
    assert places == n and 0 < cells <= place_map.MAX_CELLS and degrees > place_map.GRID_STEPS[0]
    assert layer_.type == "PolygonLayer"
    assert sum(int(t.split()[0].replace(",", "")) for t in (d["tip"] for d in layer_.data)) == n
    assert len(place_map.place_deck(unshared, (), "projects", "theme", True, "en").to_json()) <= 100 * 1024
    few = many.head(place_map.COUNTRY_POINTS_LIMIT)
    monkeypatch.setattr(place_map.place_points, "drawn_places", lambda view, provinces=None: few)
    assert place_map.country_layer(unshared, "en")[0].type == "ScatterplotLayer"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_label_of_the_places_map_is_in_the_language_shown(bundled, lang):
    view = view_of(bundled, provinces=frozenset(HAINAN))
    notes = place_map.notes(view, HAINAN, "budget", "role", True, lang)
    items = place_map.legend(view, HAINAN, "budget", "theme", lang)
    texts = notes + [i.label for i in items]
    if lang == "zh":
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in x) for x in texts), texts
    else:
        assert not any(any("\u4e00" <= ch <= "\u9fff" for ch in x) for x in texts), texts
