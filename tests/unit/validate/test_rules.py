"""The rules take tables from any source: here, frames built in memory and named as
workbook sheets, as an upload would deliver them."""

import pandas as pd

from dashboard.schema import TABLE_BY_NAME
from dashboard.validate.rules import cell_expectation, header_problems, package_problems, translation_warnings
from helpers import SMALL, read_rows


def frames_from(directory) -> dict[str, pd.DataFrame]:
    """Every table as text cells indexed by spreadsheet row, as any source delivers them."""
    frames = {}
    for name, table in TABLE_BY_NAME.items():
        rows = read_rows(directory, name)
        frames[name] = pd.DataFrame(rows, columns=table.all_column_names, index=range(2, len(rows) + 2), dtype=object).fillna("")
    return frames


def sheet(table) -> str:
    return f"sheet '{table.name}'"


def test_a_valid_package_from_any_source_has_no_problem():
    assert package_problems(frames_from(SMALL), sheet) == []
    assert translation_warnings(frames_from(SMALL), sheet) == []


def test_problems_name_the_sheet_row_and_column():
    frames = frames_from(SMALL)
    frames["funding"].loc[3, "amount_usd"] = "lots"
    frames["locations"].loc[2, "project_id"] = "ghost"
    problems = {(p.file, p.row, p.column, p.value) for p in package_problems(frames, sheet)}
    assert problems == {("sheet 'funding'", 3, "amount_usd", "lots"), ("sheet 'locations'", 2, "project_id", "ghost")}
    ghost = next(p for p in package_problems(frames, sheet) if p.value == "ghost")
    assert ghost.expected == "a project_id listed in sheet 'projects'"


def test_a_table_that_could_not_be_read_is_skipped_not_crashed_on():
    frames = frames_from(SMALL)
    frames["projects"] = None
    # References to projects cannot be checked without the table; nothing else is lost.
    assert package_problems(frames, sheet) == []


def test_header_problems():
    table = TABLE_BY_NAME["reach"]
    header = [c for c in table.all_column_names if c != "unit"] + ["units"]
    assert [(p.row, p.column, p.value) for p in header_problems(header, table, "reach")] == [(1, "unit", ""), (1, "units", "units")]


def test_cell_expectations():
    projects = TABLE_BY_NAME["projects"]
    assert cell_expectation(projects.column("start"), "2010-03") is None
    assert "YYYY" in cell_expectation(projects.column("start"), "2010-02-30")
    assert "one of" in cell_expectation(projects.column("status"), "finished")
    assert cell_expectation(projects.column("themes"), "poverty_reduction|rural_development") is None
