"""One style for both maps: the web map (pydeck) and the slide map (plotly) take colours,
labels, outline and legend from `map_style`, so they cannot drift apart."""

import json

from dashboard.domain import figures
from dashboard.present import deck, map_style
from dashboard.present.static_map import province_map_figure
from dashboard.present.tables import projects_roles_by_province
from helpers import view_of


def summary_of(small, **filters):
    return figures.province_summary(view_of(small, **filters))


def test_colour_by_count_and_by_role(small):
    styles = map_style.province_styles(summary_of(small), by_role=False, chosen=set())
    assert styles["530000"].fill == map_style.COUNT_COLOURS[0] and styles["530000"].label == "1"
    assert styles["650000"].fill == map_style.NO_PROJECT and styles["650000"].label == ""
    by_role = map_style.province_styles(summary_of(small, projects=("river",)), by_role=True, chosen=set())
    assert by_role["520000"].fill == map_style.ROLE_COLOURS["field_study"] and by_role["520000"].label == "F"
    # Two roles in Yunnan (pilot province, and Kunming as a project location): grey, both letters.
    assert by_role["530000"].fill == map_style.SEVERAL_ROLES and by_role["530000"].label == "PL"


def test_count_colours_stop_at_four_or_more():
    assert map_style.count_colour(4) == map_style.count_colour(9) == map_style.COUNT_COLOURS[-1]


def test_chosen_province_is_outlined(small):
    styles = map_style.province_styles(summary_of(small), False, {"530000"})
    assert (styles["530000"].outline, styles["530000"].outline_width) == (map_style.CHOSEN_OUTLINE, map_style.CHOSEN_OUTLINE_WIDTH)
    assert styles["520000"].outline == map_style.BORDER


def deck_spec(small, chosen=frozenset(), **filters):
    view = view_of(small, **filters)
    summary = figures.province_summary(view)
    return json.loads(deck.province_deck(summary, projects_roles_by_province(summary, view, "en"), False, set(chosen), "en").to_json())


def test_web_map_has_every_province_and_no_basemap(small):
    spec = deck_spec(small, chosen={"530000"})
    layers = {layer["id"]: layer for layer in spec["layers"]}
    features = layers["province-shapes"]["data"]["features"]
    assert len(features) == 34 and len(layers[deck.PICK_LAYER_ID]["data"]["features"]) == 34
    assert layers[deck.PICK_LAYER_ID]["pickable"]
    yunnan = next(f for f in features if f["properties"]["code"] == "530000")
    assert yunnan["properties"]["line"] == map_style.CHOSEN_OUTLINE
    assert yunnan["properties"]["detail"] == "River Pilot (Pilot province, Project location)"
    # pydeck's placeholder style is what Streamlit reads as "no basemap"; a URL would be fetched.
    assert spec["mapStyle"] == "__MAP_STYLE__" and spec.get("mapProvider") is None
    assert {tuple(x["position"]): x["text"] for x in layers["labels"]["data"]}  # labels are drawn
    assert sorted(x["text"] for x in layers["labels"]["data"]) == ["1", "1", "1", "1"]


def slide_outlines(figure) -> dict[str, tuple[str, float]]:
    """Outline colour and width of each filled province trace."""
    return {(tr.line.color, tr.line.width) for tr in figure.data if tr.fill == "toself"}


def test_slide_map_outlines_the_chosen_province_like_the_web_map(small):
    summary = summary_of(small, provinces=("530000",))
    plain = province_map_figure(summary, False, set(), "en")
    chosen = province_map_figure(summary, False, {"530000"}, "en")
    assert slide_outlines(plain) == {(map_style.css(map_style.BORDER), map_style.BORDER_WIDTH)}
    assert (map_style.css(map_style.CHOSEN_OUTLINE), map_style.CHOSEN_OUTLINE_WIDTH) in slide_outlines(chosen)
    # The chosen province is drawn last, so no neighbour's border covers its outline.
    assert chosen.data[33].line.color == map_style.css(map_style.CHOSEN_OUTLINE)


def test_both_maps_share_fills_labels_and_legend(small):
    summary = summary_of(small, projects=("river",))
    spec = json.loads(deck.province_deck(summary, {}, True, set(), "en").to_json())
    web_fills = {f["properties"]["code"]: f["properties"]["fill"][:3] for f in spec["layers"][0]["data"]["features"]}
    slide = province_map_figure(summary, True, set(), "en")
    slide_fills = [tr.fillcolor for tr in slide.data if tr.fill == "toself"]
    assert sorted(slide_fills) == sorted(map_style.css(c) for c in web_fills.values())
    web_labels = sorted(x["text"] for x in next(layer for layer in spec["layers"] if layer["id"] == "labels")["data"])
    slide_labels = sorted(next(tr for tr in slide.data if tr.mode == "text").text)
    assert web_labels == slide_labels == ["F", "PL"]
    legend = [tr.name for tr in slide.data if tr.showlegend is not False]
    entries = map_style.legend_entries(True, "en")
    assert legend == [f"{e.letter} {e.text}".strip() for e in entries]
    counts = province_map_figure(summary_of(small), False, set(), "en")
    assert [tr.name for tr in counts.data if tr.showlegend is not False] == ["No project", "1 project(s)", "2 project(s)", "3 project(s)", "4+ project(s)"]
    assert [e.text for e in map_style.legend_entries(False, "en")] == ["No project", "1", "2", "3", "4+"]
    html = deck.legend_html(True, "en")
    assert all(e.text in html for e in entries) and "<b>P</b>" in html


def test_picked_codes_reads_a_pydeck_event():
    event = {"selection": {"indices": {"provinces": [3]}, "objects": {"provinces": [{"properties": {"code": "530000"}}]}}}
    assert deck.picked_codes(event) == ["530000"]
    assert deck.picked_codes({"selection": {"indices": {}, "objects": {}}}) == []
    assert deck.picked_codes(None) == []


def test_canvas_point_puts_the_view_centre_in_the_middle():
    box = {"x": 10, "y": 20, "width": 800, "height": 600}
    longitude, latitude, _ = deck.VIEW
    assert deck.canvas_point(longitude, latitude, box) == (410, 320)
    x, y = deck.canvas_point(120, 30, box)
    assert x > 410 and y > 320  # east and south of the centre
