"""Chart builders: funders told apart by pattern and colour, lower bounds hatched, plan bands."""

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
    uptake = [tr for tr in fig.data if tr.name == "Policy uptake"]
    assert uptake and all(s.startswith("star") for s in uptake[0].marker.symbol)
    planned = [tr for tr in fig.data if tr.name == "Review"]
    assert list(planned[0].marker.symbol) == ["diamond-open"]  # planned milestones are hollow


def test_spread_fans_out_markers_on_the_same_day():
    offsets = charts.spread([("a", 1), ("a", 1), ("a", 1), ("b", 1)])
    assert offsets[3] == 0 and len(set(offsets[:3])) == 3
