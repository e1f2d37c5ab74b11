import json

import pytest

from dashboard import charts, maps, metrics
from dashboard.filters import Filters, apply_filters
from dashboard.i18n import term
from dashboard.load import read_package
from dashboard.schema import FUNDER_TYPES


@pytest.fixture(scope="module")
def view():
    return apply_filters(read_package(), Filters())


def test_funding_chart_tells_funders_apart_by_pattern_as_well_as_colour(view):
    table = metrics.funding_table(view, "en")
    order = [term("funder_type", f, "en") for f in FUNDER_TYPES]
    fig = charts.stacked_bars(table, "Project", "Amount (USD)", "Type of funder", "", "Amount (USD)", order)
    traces = {tr.name: tr for tr in fig.data}
    assert set(traces) == {"UNDP", "Government", "Other", "Funder not named"}
    patterns = {tr.marker.pattern.shape for tr in fig.data}
    colours = {tr.marker.color for tr in fig.data}
    assert len(patterns) == len(colours) == 4
    assert sum(sum(tr.x) for tr in fig.data) == 8_900_000


def test_reach_chart_marks_lower_bounds(view):
    table = metrics.reach_table(view, "en").query("Unit == 'people'")
    lower = view["reach"].query("unit == 'people'")["qualifier"].eq("lower_bound")
    fig = charts.reach_bars(table, "Project", "Value", lower, "", "people", "en")
    texts = [txt for tr in fig.data for txt in tr.text]
    assert "> 500" in texts and "1,305" in texts
    hatched = [tr for tr in fig.data if tr.marker.pattern.shape == "/"]
    assert len(hatched) == 1 and list(hatched[0].x) == [500]


def test_timeline_has_plan_bands_and_highlights_uptake(view):
    spans, points, bands = metrics.timeline_frames(view, "en")
    fig = charts.timeline(spans, points, bands, "", "en")
    assert len(fig.layout.shapes) == len(bands)
    uptake = [tr for tr in fig.data if tr.name == "Policy uptake"]
    assert uptake and all(s.startswith("star") for s in uptake[0].marker.symbol)


def test_spread_fans_out_markers_on_the_same_day():
    offsets = charts.spread([("a", 1), ("a", 1), ("a", 1), ("b", 1)])
    assert offsets[3] == 0 and len(set(offsets[:3])) == 3


def test_map_has_all_provinces_and_no_basemap(view):
    summary = metrics.province_summary(view, "en")
    deck = maps.province_deck(summary, False, {"530000"}, "en")
    spec = json.loads(deck.to_json())
    provinces = next(layer for layer in spec["layers"] if layer["id"] == "province-shapes")
    features = provinces["data"]["features"]
    picking = next(layer for layer in spec["layers"] if layer["id"] == maps.LAYER_ID)
    assert picking["pickable"] and len(picking["data"]["features"]) == 34
    assert len(features) == 34
    yunnan = next(f for f in features if f["properties"]["code"] == "530000")
    assert yunnan["properties"]["line"] == [255, 140, 0]  # selected
    assert "Pilot province" in yunnan["properties"]["detail"]
    # pydeck's placeholder style is what Streamlit reads as "no basemap"; a URL would be fetched.
    assert spec["mapStyle"] == "__MAP_STYLE__" and spec.get("mapProvider") is None
    assert provinces["lineWidthUnits"] == "pixels"


def test_map_colours_by_role_with_letters(view):
    one = apply_filters(read_package(), Filters(projects=("xiaokang",)))
    summary = metrics.province_summary(one, "en")
    labels = {tuple(x["position"]): x["text"] for x in maps.labels(summary, by_role=True)}
    assert sorted(labels.values()) == sorted(["P", "F", "F", "F", "C", "C"])
    colours = {f["properties"]["code"]: f["properties"]["fill"][:3] for f in maps.province_features(summary, True, set(), "en")["features"]}
    assert colours["530000"] == maps.ROLE_COLOURS["pilot_province"]
    assert colours["520000"] == maps.ROLE_COLOURS["field_study"]
    assert colours["110000"] == maps.NO_PROJECT


def test_selected_codes_reads_a_pydeck_event():
    event = {"selection": {"indices": {"provinces": [3]}, "objects": {"provinces": [{"properties": {"code": "530000"}}]}}}
    assert maps.selected_codes(event) == ["530000"]
    assert maps.selected_codes({"selection": {"indices": {}, "objects": {}}}) == []
    assert maps.selected_codes(None) == []


def test_clicking_the_only_chosen_province_again_clears_it():
    assert maps.toggled_selection([], ["530000"]) == ["530000"]
    assert maps.toggled_selection(["530000"], ["530000"]) == []
    assert maps.toggled_selection(["530000", "420000"], ["420000"]) == ["420000"]
    assert maps.toggled_selection(["530000"], []) == ["530000"]
