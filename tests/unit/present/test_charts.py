"""Chart builders: funders told apart by pattern and colour, lower bounds hatched, plan bands."""

import pandas as pd

from dashboard.present import charts
from dashboard.present.i18n import format_compact, format_usd_compact, term
from dashboard.present.tables import funding_table, reach_by_unit, timeline_frames
from dashboard.schema.codelists import FUNDER_TYPES
from helpers import view_of


def funding_figure(view, lang="en"):
    order = [term("funder_type", f, lang) for f in FUNDER_TYPES]
    return charts.stacked_bars(funding_table(view, lang), "project", "amount_usd", "funder_type", "Amount (USD)", lang, order)


def texts_of(fig) -> list[str]:
    return [str(x) for tr in fig.data if tr.type == "scatter" for x in tr.text]


def test_funding_chart_tells_funders_apart_by_pattern_as_well_as_colour(small):
    fig = funding_figure(view_of(small))
    bars = {tr.name: tr for tr in fig.data if tr.type == "bar"}
    assert set(bars) == {"UNDP", "Government", "Funder not named"}
    assert len({tr.marker.pattern.shape for tr in bars.values()}) == len({tr.marker.color for tr in bars.values()}) == 3
    assert sum(sum(tr.x) for tr in bars.values()) == 800_000


def test_funding_chart_writes_each_total_and_every_part_outside_the_bars(small):
    view = view_of(small)
    fig = funding_figure(view)
    table = funding_table(view, "en")
    names, totals, parts = (tr for tr in fig.data if tr.type == "scatter")
    assert list(names.text) == [f"<b>{p}</b>" for p in dict.fromkeys(table["project"])]
    by_project = table.groupby("project", sort=False)["amount_usd"].sum()
    assert [t.strip() for t in totals.text] == [format_usd_compact(v) for v in by_project]
    assert list(totals.x) == list(by_project)  # at the end of each bar
    # Every segment's value is on the line under its bar, even a segment too thin to hold it.
    for project, line in zip(by_project.index, parts.text):
        rows = table[table["project"] == project].groupby("funder_type")["amount_usd"].sum()
        assert all(f"{funder} {format_compact(v)}" in line for funder, v in rows.items())
    assert not any(tr.text for tr in fig.data if tr.type == "bar")  # nothing has to fit inside a segment


def test_funding_parts_wrap_to_fit_a_phone_and_rows_grow_to_hold_them():
    lines = charts.wrapped([f"Funder number {i} 1.5 M" for i in range(5)], charts.PART_SIZE)
    assert len(lines) > 1 and all(charts.text_box(line, charts.PART_SIZE)[0] <= charts.PARTS_LINE_WIDTH for line in lines)
    table = pd.DataFrame({"project": ["A"] * 5 + ["B"], "funder_type": [f"Funder number {i}" for i in range(5)] + ["Funder number 0"], "amount_usd": 1e6})
    fig = charts.stacked_bars(table, "project", "amount_usd", "funder_type", "", "en")
    names = fig.data[-3]
    assert names.y[1] - names.y[0] > 1  # the wrapped breakdown pushes the next project down
    assert fig.layout.yaxis.range[0] > 2


def test_amount_axis_has_round_compact_ticks_that_are_never_rotated():
    axis = charts.amount_axis(4_160_000, "en", "Amount (USD)")
    assert axis["ticktext"] == ["0", "2 M", "4 M"] and axis["tickangle"] == 0
    assert axis["range"][1] > 4_160_000  # room for the total written past the longest bar
    assert charts.amount_axis(4_160_000, "zh", "")["ticktext"][1] == "200万"


def test_every_share_is_labelled_with_amount_and_percentage_however_small(small):
    table = pd.DataFrame({"funder_type": ["Government", "UNDP", "Other"], "amount_usd": [4.74e6, 3e6, 160_000], "share": [59.4, 37.6, 2.0]})
    fig = charts.share_bars(table, "funder_type", "amount_usd", "share", "", "en")
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [tr.text[0] for tr in bars] == ["4.74 M · 59.4%", "3 M · 37.6%", "160 K · 2.0%"]
    assert all(tr.textposition == "outside" for tr in bars)
    # Names stand above the bars, so the bars and their words have the whole width.
    (names,) = [tr for tr in fig.data if tr.type == "scatter"]
    assert list(names.text) == ["<b>Government</b>", "<b>UNDP</b>", "<b>Other</b>"] and fig.layout.yaxis.visible is False
    assert all(name_y < bar.y[0] for name_y, bar in zip(names.y, bars))


def test_reach_chart_hatches_lower_bounds(small):
    table, labels, lower = reach_by_unit(view_of(small), "people", "en")
    fig = charts.reach_bars(table.assign(_label=labels), "_label", "value", lower, "", "people", "en")
    texts = [txt for tr in fig.data if tr.type == "bar" for txt in tr.text]
    assert texts == ["250", "> 100"]
    hatched = [tr for tr in fig.data if tr.type == "bar" and tr.marker.pattern.shape == "/"]
    assert len(hatched) == 1 and list(hatched[0].x) == [100]


def test_timeline_has_plan_bands_and_stars_for_uptake(small):
    spans, points, bands = timeline_frames(view_of(small), "en")
    fig = charts.timeline(spans, points, bands, "", "en")
    assert len(fig.layout.shapes) == len(bands) == 2
    assert [a.text for a in fig.layout.annotations if a.xref == "x"] == ["11th FYP", "12th FYP"]
    uptake = next(tr for tr in fig.data if tr.name == "Policy uptake")
    assert all(s.startswith("star") for s in uptake.marker.symbol)
    others = next(tr for tr in fig.data if tr.name == "Other milestones")
    assert "circle-open" in list(others.marker.symbol)  # the planned final review is hollow
    # Every mark carries its number, as in the list under the chart.
    numbers = sorted(int(n) for tr in (uptake, others) for n in tr.text)
    assert numbers == list(range(1, len(charts.milestone_groups(spans, points)) + 1))


def frames(dates_by_project: dict[str, list[str]], uptake: set[str] = frozenset()):
    """Timeline inputs with one row per project and milestones on the given dates."""
    spans = pd.DataFrame({"label": list(dates_by_project), "start": pd.NaT, "end": pd.NaT, "note": ""})
    rows = [(p, pd.Timestamp(d), f"{p} {i}", d) for p, ds in dates_by_project.items() for i, d in enumerate(ds)]
    points = pd.DataFrame(rows, columns=["label", "when", "title", "date_text"]).assign(kind="Event", planned=False)
    points["uptake"] = points["title"].isin(uptake)
    return spans, points


def test_milestones_on_one_day_become_one_numbered_mark_listing_them_all():
    spans, points = frames({"A": ["2006-09-26"] * 12 + ["2005-03-01"], "B": ["2006-09-26"]}, uptake={"A 3"})
    groups = charts.milestone_groups(spans, points)
    assert list(groups["n"]) == [1, 12, 1] and list(groups["number"]) == [1, 2, 3]
    assert list(groups["label"]) == ["A", "A", "B"]  # same day, other project: its own mark
    assert groups.loc[1, "uptake"] and sum(m.startswith("★ ") for m in groups.loc[1, "members"]) == 1
    assert len(groups.loc[1, "members"]) == 12


def test_marks_in_a_row_are_at_least_a_tenth_of_the_axis_apart():
    spans, points = frames({"A": ["2005-01-01", "2005-06-01", "2006-01-01", "2009-01-01", "2009-03-01", "2012-01-01"]})
    groups = charts.milestone_groups(spans, points)
    start, end, _ = charts.timeline_axis(spans, points)
    gaps = groups["when"].diff().dropna()
    assert (gaps > (end - start) * charts.GROUP_SHARE).all()
    assert groups["n"].sum() == 6


def test_axis_spans_the_data_and_cuts_out_empty_decades(small):
    spans, points = frames({"A": ["1991-07-01", "2005-01-01", "2008-01-01"]})
    start, end, breaks = charts.timeline_axis(spans, points)
    assert (start.year, end.year) == (1991, 2008)
    assert breaks == [(pd.Timestamp("1992-07-01"), pd.Timestamp("2005-01-01"))]
    fig = charts.timeline(spans, points, pd.DataFrame(columns=["name", "short", "start_year", "end_year"]), "", "en")
    assert fig.layout.xaxis.rangebreaks[0].bounds == ("1992-07-01", "2005-01-01") or len(fig.layout.xaxis.rangebreaks) == 1
    close = frames({"A": ["2004-01-01", "2008-01-01"]})
    assert charts.timeline_axis(*close)[2] == []  # four quiet years stay on the axis




def test_reach_labels_stand_above_their_bars_bold_name_over_audience_and_hostile_data_stays_text(small, tmp_path):
    from dashboard.present import view_figures
    from dashboard.store.package import read_package
    from helpers import HOSTILE, SMALL, hostile_package

    def labels_and_bars(package):
        fig = view_figures.reach_figure(view_of(package), "people", "en")
        (label_trace,) = [tr for tr in fig.data if tr.type == "scatter"]
        bars = sorted(y for tr in fig.data if tr.type == "bar" for y in tr.y)
        return list(label_trace.text), list(label_trace.y), bars, fig

    labels, tops, bars, fig = labels_and_bars(small)
    assert labels and all(y.startswith("<b>") and "</b><br>" in y for y in labels)  # markup plotly draws, not shows
    assert all(top < bar for top, bar in zip(tops, bars)) and fig.layout.yaxis.visible is False  # above the bar, no side labels
    assert all(len(line) <= 40 for label in labels for line in label.split("<br>")[1:])  # wrapped to fit a phone
    labels, *_ = labels_and_bars(read_package(hostile_package(SMALL, tmp_path / "hostile")))
    assert all(charts.plain(HOSTILE) in y and HOSTILE not in y for y in labels)


def test_each_project_name_sits_next_to_its_own_row(small):
    spans, points, bands = timeline_frames(view_of(small), "en")
    fig = charts.timeline(spans, points, bands, "", "en")
    # Project label -> the row of its bar and marks: every y a trace of it draws at.
    rows = {label: {y for trace in fig.data for y, text in zip(trace.y, [trace.hovertemplate] * len(trace.y)) if str(text).startswith(label + "<br>")}
            for label in spans["label"]}
    rows = {label: ys.pop() for label, ys in rows.items() if len(ys) == 1}
    drawn = sorted({y for trace in fig.data if trace.y is not None for y in trace.y})
    names = [a for a in fig.layout.annotations if a.xref == "paper"]
    assert len(rows) >= 2 and len(names) == len(spans)
    for note in names:
        label = note.text.split("</b>")[0].removeprefix("<b>")
        if label not in rows:
            continue
        # Its own row is the nearest, and the name sits above it (bottom-anchored): never
        # between its marks and the next project's.
        nearest = min(drawn, key=lambda y: abs(note.y - y))
        assert nearest == rows[label] and note.y > rows[label] and note.yanchor == "bottom", label
