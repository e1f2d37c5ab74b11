"""The workbook round trip: what staff download reads back cell for cell; it carries
instructions in both languages, the province list, a drop-down on every coded, province
and id column, and text cells throughout; what Excel does to typed cells (numbers, dates,
formulas, lost zeros) is read as text and judged by the same rules as `check`, naming the
sheet, row and column."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from dashboard.ingest.csv_package import read_tables
from dashboard.ingest.workbook import read_workbook, sheet_label
from dashboard.present.workbook import INSTRUCTIONS, LISTS, PROVINCES, edit_workbook
from dashboard.schema import TABLES
from dashboard.validate.rules import package_problems
from helpers import BUNDLED, SMALL, hostile_package


def frames_of(directory):
    frames, problems = read_tables(directory)
    assert not problems
    return frames


@pytest.fixture(scope="module")
def bundled_book() -> bytes:
    return edit_workbook(frames_of(BUNDLED))


def test_the_workbook_reads_back_cell_for_cell(bundled_book, tmp_path):
    back, problems = read_workbook(bundled_book, "data.xlsx")
    original = frames_of(BUNDLED)
    assert problems == [] and all(back[t.name].equals(original[t.name]) for t in TABLES)
    assert "00056242" in set(back["outputs"]["undp_output_id"]) | set(back["projects"]["undp_project_id"])
    hostile = frames_of(hostile_package(SMALL, tmp_path / "hostile"))
    again, _ = read_workbook(edit_workbook(hostile), "hostile.xlsx")
    assert all(again[t.name].equals(hostile[t.name]) for t in TABLES)  # formula-like text stays text


def test_the_workbook_explains_itself_and_offers_the_allowed_values(bundled_book):
    book = openpyxl.load_workbook(io.BytesIO(bundled_book))
    assert book.sheetnames[:2] == [INSTRUCTIONS, PROVINCES] and book.sheetnames[-1] == LISTS and book[LISTS].sheet_state == "hidden"
    guide = [tuple(row) for row in book[INSTRUCTIONS].iter_rows(values_only=True)]
    assert guide[0][0].startswith("UNDP China portfolio results") and guide[0][1].startswith("开发计划署驻华项目成果")
    assert len([r for r in book[PROVINCES].iter_rows(min_row=2, values_only=True)]) == 34
    for table in TABLES:
        sheet = book[table.name]
        assert [c.value for c in sheet[1]] == table.all_column_names
        assert all(c.comment is not None and c.comment.text for c in sheet[1])
        covered = {str(rule.sqref).split(":")[0].rstrip("0123456789") for rule in sheet.data_validations.dataValidation}
        letters = {c.name: openpyxl.utils.get_column_letter(table.all_column_names.index(c.name) + 1) for c in table.columns}
        needs = {c.name for c in table.columns if c.references or (c.allowed and c.type != "list")}
        assert {letters[n] for n in needs} <= covered, table.name
        data_cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
        assert all(c.data_type == "s" and c.number_format == "@" for c in data_cells), table.name
        assert all(sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].number_format == "@" for i in range(len(table.all_column_names)))
    assert all(rule.showErrorMessage and rule.type == "list" for table in TABLES for rule in book[table.name].data_validations.dataValidation)


def edited(book_bytes: bytes, table: str, changes: dict[tuple[int, str], object]) -> bytes:
    """The workbook with cells set as Excel would store what a person typed."""
    book = openpyxl.load_workbook(io.BytesIO(book_bytes))
    sheet = book[table]
    columns = [c.value for c in sheet[1]]
    for (row, column), value in changes.items():
        cell = sheet.cell(row=row, column=columns.index(column) + 1)
        cell.value = value
        cell.number_format = "yyyy-mm-dd" if isinstance(value, dt.datetime) else "General"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_what_excel_does_to_typed_cells_is_read_as_text_and_judged(tmp_path):
    book = edit_workbook(frames_of(SMALL))
    typed = edited(book, "funding", {(2, "amount_usd"): 400000.0})
    typed = edited(typed, "milestones", {(2, "date"): dt.datetime(2011, 6, 15)})
    frames, problems = read_workbook(typed, "typed.xlsx")
    assert problems == [] and frames["funding"].loc[2, "amount_usd"] == "400000" and frames["milestones"].loc[2, "date"] == "2011-06-15"
    assert package_problems(frames, sheet_label) == []
    # A formula is never calculated; a number that lost its zeros is caught.
    broken = edited(book, "funding", {(2, "amount_usd"): "=300000+100000"})
    broken = edited(broken, "projects", {(2, "undp_project_id"): 12345})
    frames, _ = read_workbook(broken, "broken.xlsx")
    found = {(p.file, p.row, p.column, p.value) for p in package_problems(frames, sheet_label)}
    assert ("sheet funding", 2, "amount_usd", "=300000+100000") in found
    assert ("sheet projects", 2, "undp_project_id", "12345") in found


def test_a_file_that_is_not_our_workbook_is_refused_with_a_reason(tmp_path):
    frames, problems = read_workbook((SMALL / "projects.csv").read_bytes(), "projects.xlsx")
    assert frames == {} and "not one, whatever its name says" in problems[0].expected
    book = openpyxl.load_workbook(io.BytesIO(edit_workbook(frames_of(SMALL))))
    del book["projects"]
    book["funding"]["Z5"] = "a note to myself"
    out = io.BytesIO()
    book.save(out)
    frames, problems = read_workbook(out.getvalue(), "mine.xlsx")
    assert [str(p) for p in problems] == [
        "mine.xlsx; expected a sheet named projects (download the template to see every sheet)",
        "sheet funding, row 5, column 'column Z': found 'a note to myself'; expected cells only under a column name of row 1",
    ]


def test_the_blank_template_reads_back_empty():
    frames, problems = read_workbook(edit_workbook(None), "template.xlsx")
    assert problems == [] and all(frames[t.name].empty and list(frames[t.name].columns) == t.all_column_names for t in TABLES)
