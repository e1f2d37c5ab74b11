"""Chart builders: funders told apart by pattern and colour, lower bounds hatched, plan bands."""

import pandas as pd

from dashboard.present import charts
from dashboard.present.i18n import term
from dashboard.present.tables import funding_table, reach_by_unit, timeline_frames
from dashboard.schema.codelists import FUNDER_TYPES
from helpers import view_of


def test_funding_chart_tells_funders_apart_by_pattern_as_well_as_colour(small):
    table = funding_table(view_of(small), "en")
    order = [term("funder_type", f, "en") for f in FUNDER_TYPES]
    fig = charts.stacked_bars(table, "project", "amount_usd", "funder_type", "", "Amount (USD)", order)
    traces = {tr.name: tr for tr in fig.data}
    assert set(traces) == {"UNDP", "Government", "Funder not named"}
    assert len({tr.marker.pattern.shape for tr in fig.data}) == len({tr.marker.color for tr in fig.data}) == 3
    assert sum(sum(tr.x) for tr in fig.data) == 800_000
    assert list(traces["Funder not named"].text) == ["50,000"]


def test_reach_chart_hatches_lower_bounds(small):
    table, labels, lower = reach_by_unit(view_of(small), "people", "en")
    fig = charts.reach_bars(table.assign(_label=labels), "_label", "value", lower, "", "people", "en")
    texts = [txt for tr in fig.data for txt in tr.text]
    assert texts == ["250", "> 100"]
    hatched = [tr for tr in fig.data if tr.marker.pattern.shape == "/"]
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


