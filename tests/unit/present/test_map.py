"""The province map, one figure for the page, the slides and the pack: every province from
shipped geometry, the whole country in the frame with the islands in an inset, names that
do not collide, and the colours, outline and legend of `map_style`."""

from shapely.geometry import shape

from dashboard.domain import figures
from dashboard.present import geometry, map_style, province_map
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


def test_count_colours_are_one_per_count_up_to_four():
    assert map_style.count_classes([0, 1, 3, 4]) == ((1, 1), (2, 2), (3, 3), (4, 4))
    assert [map_style.count_colour(n) for n in (1, 2, 3, 4)] == list(map_style.COUNT_COLOURS)


def test_count_colours_follow_the_data_in_a_large_portfolio():
    # 400 projects over 30 provinces: quartile classes, so provinces still differ in colour.
    counts = [0, 0, 0, 0, 3, 5, 6, 8, 9, 10, 11, 12, 12, 13, 14, 14, 15, 15, 16, 18, 19, 20, 21, 22, 24, 26, 30, 34, 40, 47]
    classes = map_style.count_classes(counts)
    assert classes == ((1, 12), (13, 15), (16, 22), (23, 47))
    colours = {tuple(map_style.count_colour(n, classes)) for n in counts if n}
    assert len(colours) == 4 and map_style.count_colour(47, classes) == map_style.COUNT_COLOURS[-1]
    assert [e.text for e in map_style.legend_entries(False, "en", classes)] == ["No project", "1–12", "13–15", "16–22", "23–47"]


def test_chosen_province_is_outlined(small):
    styles = map_style.province_styles(summary_of(small), False, {"530000"})
    assert (styles["530000"].outline, styles["530000"].outline_width) == (map_style.CHOSEN_OUTLINE, map_style.CHOSEN_OUTLINE_WIDTH)
    assert styles["520000"].outline == map_style.BORDER


def figure_of(small, chosen=frozenset(), by_role=False, hover=True, **filters):
    view = view_of(small, **filters)
    summary = figures.province_summary(view)
    tips = projects_roles_by_province(summary, view, "en") if hover else None
    return province_map.province_map_figure(summary, by_role, set(chosen), "en", hover=tips)


def province_shapes(figure, axes: str = "") -> list:
    """The filled province outlines drawn on the main axes (or the inset's)."""
    return [s for s in figure.layout.shapes if s.fillcolor and (s.xref or "x") == f"x{axes}"]


def test_map_draws_every_province_from_shipped_geometry_with_an_inset(small):
    figure = figure_of(small, chosen={"530000"})
    assert len(province_shapes(figure)) == 34
    # Hainan and its islands, and the maritime line, appear again in the inset box.
    assert "460000" in province_map.inset_codes() and len(province_shapes(figure, "2")) == len(province_map.inset_codes())
    assert [s for s in figure.layout.shapes if s.xref == "x2" and not s.fillcolor]  # the maritime line
    # Hainan's islands too small to outline are dots in the inset, each in the right place.
    dots = next(tr for tr in figure.data if tr.name == "islands")
    assert dots.xaxis == "x2" and len(dots.x) > 100 and dots.marker.opacity == 1
    box = province_map.INSET_LON, province_map.INSET_LAT
    assert all(box[0][0] < x / province_map.UNITS < box[0][1] and box[1][0] < y / province_map.UNITS < box[1][1] for x, y in zip(dots.x, dots.y))
    # No geo subplot, no map tiles: nothing for the browser to fetch.
    assert not any(k.startswith(("geo", "map", "mapbox")) for k in figure.layout.to_plotly_json())
    assert figure.layout.xaxis2.showline and figure.layout.xaxis2.mirror  # a box round the inset


def test_the_frame_holds_all_of_china_and_keeps_its_proportions(small):
    figure = figure_of(small)
    west, south, east, north = 180, 90, -180, -90
    for f in geometry.boundaries()["features"]:
        x0, y0, x1, y1 = shape(f["geometry"]).bounds
        west, east, north = min(west, x0), max(east, x1), max(north, y1)
    hainan_south = min(p.bounds[1] for p in shape(next(f for f in geometry.boundaries()["features"] if f["properties"]["code"] == "460000")["geometry"]).geoms if p.bounds[1] > 17)
    x, y = ([v / province_map.UNITS for v in axis.range] for axis in (figure.layout.xaxis, figure.layout.yaxis))
    assert x[0] < west and x[1] > east and y[1] > north and y[0] < hainan_south
    assert figure.layout.yaxis.scaleanchor == "x"  # plotly fits the ranges into any frame


def test_hover_and_click_points_cover_every_province(small):
    figure = figure_of(small)
    picks = [tr for tr in figure.data if tr.name == province_map.PICK_TRACE]
    # One trace per province, first in the figure, so a click's curve number names the province.
    assert figure.data[: len(picks)] == tuple(picks) and len(picks) == 34
    codes = province_map.pick_codes()
    assert set(codes) == {f["properties"]["code"] for f in geometry.boundaries()["features"]}
    yunnan = picks[codes.index("530000")]
    assert yunnan.hovertext == "<b>Yunnan</b> 云南省<br>River Pilot (Pilot province, Project location)"
    # Invisible markers with a tooltip, from the template the pick traces share.
    shared = figure.layout.template.data.scatter[0]
    assert shared.marker.opacity == 0 and shared.hoverinfo == "text" and shared.unselected.marker.opacity == 0
    assert not [tr for tr in figure_of(small, hover=False).data if tr.name == province_map.PICK_TRACE]


def test_chosen_province_is_outlined_and_drawn_last(small):
    figure = figure_of(small, chosen={"530000"})
    shapes = province_shapes(figure)
    assert shapes[-1].line.color == map_style.css(map_style.CHOSEN_OUTLINE) and shapes[-1].line.width == map_style.CHOSEN_OUTLINE_WIDTH
    # The others take the border the shapes share (the figure's shape defaults).
    assert {s.line.color for s in shapes[:-1]} == {None}
    assert figure.layout.template.layout.shapedefaults.line.color == map_style.css(map_style.BORDER)


def label_sets(figure) -> dict[str, list[str]]:
    return {tr.name: list(tr.text) for tr in figure.data if str(tr.name).startswith("map-labels-")}


def test_labels_name_the_provinces_with_work_and_never_overlap_at_their_size(small, bundled):
    by_role = label_sets(figure_of(small, by_role=True, projects=("river",)))
    assert set(by_role["map-labels-0"]) == {"Guizhou F", "Yunnan PL"}
    summary = figures.province_summary(view_of(bundled))
    for i, (low, high, size) in enumerate(province_map.LABEL_TIERS):
        scale = province_map.map_scale(low or 340, high or 560)
        labels = province_map.map_labels(summary, False, "en", size, scale)
        boxes = []
        for lon, lat, text in labels:
            w, h = province_map.text_box(text, size)
            x, y = lon * scale, -lat * scale * province_map.ASPECT
            boxes.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
        assert len(labels) >= 8, i  # most provinces with work keep their name at every size
        for a in range(len(boxes)):
            for b in range(a + 1, len(boxes)):
                A, B = boxes[a], boxes[b]
                assert A[2] <= B[0] or B[2] <= A[0] or A[3] <= B[1] or B[3] <= A[1], (labels[a], labels[b])


def test_a_picture_keeps_one_set_of_labels(small):
    figure = figure_of(small)
    province_map.keep_labels_for_size(figure, 1100, 560)
    assert [tr.name for tr in figure.data if str(tr.name).startswith("map-labels-") and tr.visible is not False] == ["map-labels-1"]
    assert province_map.label_tier(1800, 800) == 0 and province_map.label_tier(1800, 450) == 2 and province_map.label_tier(390, 560) == 3
    css = province_map.label_css()
    assert "@container (min-width: 760px) and (min-height: 500px)" in css and "font-size: 11.1px" in css


def test_legend_sits_inside_the_frame_and_reads_without_a_heading(small):
    slide = figure_of(small, by_role=True, hover=False, projects=("river",))
    legend = [tr.name for tr in slide.data if tr.showlegend]
    entries = map_style.legend_entries(True, "en")
    assert legend == [f"{e.letter} {e.text}".strip() for e in entries]
    counts = figure_of(small)
    assert [tr.name for tr in counts.data if tr.showlegend] == ["No project", "1 project(s)", "2 project(s)", "3 project(s)", "4 project(s)"]
    assert 0 <= counts.layout.legend.x <= 1 and 0 <= counts.layout.legend.y <= 1


def test_picked_codes_reads_a_plotly_selection():
    yunnan = province_map.pick_codes().index("530000")
    event = {"selection": {"points": [{"curve_number": yunnan, "point_index": 12}], "point_indices": [12]}}
    assert province_map.picked_codes(event) == ["530000"]
    assert province_map.picked_codes({"selection": {"points": [{"curve_number": 99}]}}) == []  # a label or legend trace
    assert province_map.picked_codes({"selection": {"points": []}}) == []
    assert province_map.picked_codes(None) == []


def test_chinese_labels_use_the_short_names_maps_print(small):
    names = province_map.short_names("zh")
    assert (names["640000"], names["650000"], names["150000"], names["810000"], names["520000"]) == ("宁夏", "新疆", "内蒙古", "香港", "贵州")
    assert province_map.short_names("en")["640000"] == "Ningxia"
    summary = figures.province_summary(view_of(small))
    labels = label_sets(province_map.province_map_figure(summary, False, set(), "zh"))["map-labels-1"]
    assert "贵州 1" in labels and not any(text.split()[0].endswith(("省", "市", "自治区")) for text in labels)


def test_a_click_well_inside_a_province_picks_it(small):
    # Plotly picks the nearest point within `hoverdistance` pixels. At the web map's scale,
    # every spot more than a few pixels inside a province must be nearer to one of its own
    # points than to any other province's, and near enough to count.
    import numpy as np
    import shapely

    points = province_map.pick_points()
    xy, owner = points[["lon", "lat"]].to_numpy(), points["code"].to_numpy()
    scale = province_map.map_scale(1400, 560)  # pixels per degree of longitude
    reach = figure_of(small).layout.hoverdistance / scale
    misses = []
    rng = np.random.default_rng(7)
    for f in geometry.boundaries()["features"]:
        code, area = f["properties"]["code"], shape(f["geometry"])
        inner = area.buffer(-4 / scale)  # four pixels in from the border
        if inner.is_empty:
            continue
        x0, y0, x1, y1 = inner.bounds
        spots = rng.uniform((x0, y0), (x1, y1), (400, 2))
        spots = spots[shapely.contains_xy(inner, spots[:, 0], spots[:, 1]) & (spots[:, 1] > province_map.MAIN_LAT[0])]
        for x, y in spots:
            distance = np.hypot(xy[:, 0] - x, (xy[:, 1] - y) * province_map.ASPECT)
            nearest = distance.argmin()
            if owner[nearest] != code or distance[nearest] > reach:
                misses.append((code, round(x, 2), round(y, 2)))
    assert misses == []
