"""The typed package: numbers as numbers, ids as text, dates with their bounds, gaps as gaps."""

from dashboard.domain.gaps import data_gaps, gap_counts
from dashboard.schema import TABLES


def test_every_table_is_read(small):
    assert set(small.tables) == {t.name for t in TABLES}
    assert small.warnings == []


def test_typed_columns_and_date_bounds(small):
    projects = small["projects"].set_index("project_id")
    river = projects.loc["river"]
    assert river["total_budget_usd"] == 600_000
    assert river["undp_project_id"] == "00012345"  # an id keeps its leading zeros
    assert (str(river["start_first"].date()), str(river["end_last"].date()), river["start_precision"]) == ("2010-03-01", "2013-12-31", "month")
    assert projects.loc["desk", "start_precision"] == "unknown"
    assert str(small["reach"]["value"].dtype) == "Int64"


def test_gaps_are_listed_and_counted(small):
    gaps = data_gaps(small)
    coast_funding = gaps.query("table == 'funding' and project_id == 'coast'")
    assert set(coast_funding["field"]) == {"funder_as_named", "funder"}
    assert coast_funding["note"].iloc[0] == "The brief names no funder for this line."
    counts = gap_counts(small)
    assert counts.sum() == len(gaps) == 17 and counts["five_year_plans"] == 0
