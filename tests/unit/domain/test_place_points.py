"""Places below the province: every place with a point is drawn at it, a county named
without a point inside that county, a mention of the whole province never as a point, and
the country's places counted in squares without losing one."""

from __future__ import annotations

import json
import random

import pandas as pd
import shapely
from shapely.geometry import Point, shape

from dashboard.config import GEO_DIR
from dashboard.domain import place_points
from dashboard.store.package import read_package
from helpers import append_rows, read_rows, view_of

BELOW = {"prefecture", "county", "locality"}


def county_shape(code: str):
    features = json.loads((GEO_DIR / "counties.geojson").read_text(encoding="utf-8"))["features"]
    return next(shape(f["geometry"]) for f in features if f["properties"]["code"] == code)


def test_every_place_with_a_point_in_the_province_is_drawn_once_at_that_point(as_sourced_dir, bundled):
    rows = [r for r in read_rows(as_sourced_dir, "locations") if r["province_code"] == "460000"]
    expected = {(round(float(r["longitude"]), 4), round(float(r["latitude"]), 4)) for r in rows if r["latitude"] and r["admin_level"] in BELOW}
    assert len(expected) >= 8  # Hainan's wetlands project names ten places with UNDP's points
    drawn = place_points.drawn_places(view_of(bundled, provinces=frozenset({"460000"})), ("460000",))
    assert set(zip(drawn["lon"], drawn["lat"])) == expected
    assert len(drawn) == len(expected) and set(drawn["drawn"]) == {"point"}
    xinying = drawn[drawn["names"].map(lambda n: "Xinying" in n)].iloc[0]
    assert xinying["levels"] == ("locality",) and xinying["n_projects"] == 1


def test_a_place_named_twice_at_the_same_point_is_one_place_with_both_projects(as_sourced_dir, bundled):
    rows = [r for r in read_rows(as_sourced_dir, "locations") if r["place_as_written"] == "Nanjing"]
    assert len({r["project_id"] for r in rows}) == 2
    drawn = place_points.drawn_places(view_of(bundled), None)
    nanjing = drawn[drawn["names"].map(lambda n: "Nanjing" in n)]
    assert len(nanjing) == 1 and set(nanjing.iloc[0]["project_ids"]) == {r["project_id"] for r in rows}


def test_a_county_named_without_a_point_is_drawn_inside_that_county_and_said_so(small_dir):
    append_rows(small_dir, "locations", {"project_id": "coast", "place_as_written": "Chengmai", "province_code": "460000", "admin_level": "county",
                                          "admin_code": "469023", "role": "project_location", "source_id": "doc-coast", "section": "Sites"})
    view = view_of(read_package(small_dir))
    drawn = place_points.drawn_places(view, ("460000",))
    chengmai = drawn[drawn["names"].map(lambda n: "Chengmai" in n)].iloc[0]
    assert chengmai["drawn"] == "centre" and chengmai["county"] == "469023"
    assert county_shape("469023").contains(Point(chengmai["lon"], chengmai["lat"]))


def test_a_place_with_neither_a_point_nor_a_known_division_is_left_to_the_table(as_sourced_dir, bundled):
    rows = [r for r in read_rows(as_sourced_dir, "locations") if r["admin_level"] in BELOW and not r["latitude"] and not r["admin_code"]]
    assert rows  # "Xiangfan", the name Xiangyang had until 2010
    for r in rows:
        drawn = place_points.drawn_places(view_of(bundled), (r["province_code"],))
        assert r["place_as_written"] not in {n for names in drawn["names"] for n in names}
        assert r["place_as_written"] in set(place_points.undrawn_places(view_of(bundled), (r["province_code"],))["place_as_written"])


def test_a_mention_of_the_whole_province_is_never_a_point_even_with_one_published(as_sourced_dir, bundled):
    rows = [r for r in read_rows(as_sourced_dir, "locations") if r["admin_level"] == "province" and r["latitude"]]
    assert rows  # UNDP publishes a point for "Sichuan Sheng", the province's middle
    drawn = place_points.drawn_places(view_of(bundled), None)
    names = {n for group in drawn["names"] for n in group}
    assert not names & {r["place_as_written"] for r in rows}
    undrawn = place_points.undrawn_places(view_of(bundled), (rows[0]["province_code"],))
    assert rows[0]["place_as_written"] in set(undrawn["place_as_written"])


def test_a_point_is_joined_to_the_county_it_lies_in(bundled):
    drawn = place_points.drawn_places(view_of(bundled), ("460000",))
    for _, place in drawn[drawn["county"] != ""].iterrows():
        assert county_shape(place["county"]).buffer(0.01).contains(Point(place["lon"], place["lat"])), place["names"]


def test_squares_count_every_place_and_every_project_once():
    rng = random.Random(3)
    n = 5000
    drawn = pd.DataFrame({
        "lon": [round(rng.uniform(98, 122), 4) for _ in range(n)],
        "lat": [round(rng.uniform(22, 42), 4) for _ in range(n)],
        "project_ids": [(f"p{rng.randrange(700)}", "shared") for _ in range(n)],
    })
    cells = place_points.grid_cells(drawn, 1.0)
    assert cells["n_places"].sum() == n
    assert len(cells) <= 24 * 20 + 44  # squares of 1° over the area drawn
    one = cells.iloc[0]
    inside = drawn[(drawn["lon"] >= one["lon"]) & (drawn["lon"] < one["lon"] + 1) & (drawn["lat"] >= one["lat"]) & (drawn["lat"] < one["lat"] + 1)]
    assert one["n_places"] == len(inside) and one["n_projects"] == len({p for ids in inside["project_ids"] for p in ids})
    assert shapely.box(one["lon"], one["lat"], one["lon"] + 1, one["lat"] + 1).contains(shapely.points(inside[["lon", "lat"]].to_numpy())).all()


def test_a_place_is_coloured_by_what_most_of_it_shares_and_a_tie_leads_nowhere():
    assert place_points.plurality(["energy", "energy", "governance"]) == "energy"
    assert place_points.plurality(["energy", "governance"]) == ""
    assert place_points.plurality([]) == ""
