"""An uploaded workbook → the package's tables, every cell as text, rows numbered as the
spreadsheet numbers them. No judgement here beyond "is this a workbook with our sheets":
the same rules as `check` run on what it returns (`validate/rules.py`), naming the sheet.

Cells are only ever read as text. A formula is read as the text of the formula, never
calculated (so `=1+1` fails a number column, and text that only looks like a formula stays
text); a number Excel kept as a number is written back in digits (15000, not 15000.0); a
date Excel turned into a date becomes YYYY-MM-DD.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pandas as pd
from lxml import etree
from openpyxl.utils import column_index_from_string, get_column_letter

from dashboard.ingest.bounds import LIMITS, Limits, archive_problems
from dashboard.schema import TABLES, Table
from dashboard.validate.problems import Problem

_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def sheet_label(table: Table) -> str:
    """How a problem names the sheet of a table."""
    return f"sheet {table.name}"


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV package would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_workbook(data: bytes, name: str, limits: Limits = LIMITS) -> tuple[dict[str, pd.DataFrame | None], list[Problem]]:
    """The tables in the workbook's sheets (an optional table without its sheet reads as
    empty), and the problems that kept any from being read. A sheet is read by the cells it
    really holds, never by the size it declares, and refused beyond `limits`."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return {}, [Problem(name, None, None, None, "an Excel workbook (.xlsx): this file is not one, whatever its name says")]
    if problems := archive_problems(name, data, limits):
        return {}, problems
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as err:  # noqa: BLE001 - any unreadable workbook gets one clear message
        return {}, [Problem(name, None, None, None, f"an Excel workbook (.xlsx) that opens ({type(err).__name__})")]
    frames: dict[str, pd.DataFrame | None] = {}
    problems: list[Problem] = []
    try:
        for table in TABLES:
            if table.name not in book.sheetnames:
                if table.optional:
                    frames[table.name] = pd.DataFrame({c: pd.Series(dtype=object) for c in table.all_column_names})
                else:
                    problems.append(Problem(name, None, None, None, f"a sheet named {table.name} (download the template to see every sheet)"))
                    frames[table.name] = None
                continue
            sheet = book[table.name]
            last_row, too_large = _extent(sheet, table, limits)
            if too_large:
                problems += too_large
                frames[table.name] = None
                continue
            sheet.reset_dimensions()  # read the rows the sheet holds, not the grid it declares
            frame, stray = _sheet_frame(sheet, last_row)
            frames[table.name] = table.with_added_columns(frame)
            problems += [Problem(sheet_label(table), row, f"column {get_column_letter(col)}", value, "cells only under a column name of row 1")
                         for row, col, value in stray]
    finally:
        book.close()
    return frames, problems


def _extent(sheet, table: Table, limits: Limits) -> tuple[int, list[Problem]]:
    """The last row holding a value, and whether the sheet holds more rows or wider rows
    than a sheet may, found in one lean pass over its XML (only cells with a value count:
    formatting alone, or the dimension a sheet declares, costs nothing later). openpyxl's
    own reading is far slower per cell, so this runs first."""
    rows = widest = widest_row = last_row = 0
    # openpyxl keeps where each sheet lives in the archive on private attributes.
    with sheet.parent._archive.open(sheet._worksheet_path) as source:
        for _, row in etree.iterparse(source, events=("end",), tag=f"{_SHEET_NS}row", resolve_entities=False, no_network=True):
            filled = [c.get("r", "") for c in row.iterfind(f"{_SHEET_NS}c") if c.find(f"{_SHEET_NS}v") is not None or c.find(f"{_SHEET_NS}is") is not None]
            if filled:
                rows += 1
                last_row = int(row.get("r") or 0) or last_row + 1
                right = max([0, *(column_index_from_string(r.rstrip("0123456789")) for r in filled if r[:1].isalpha())])
                if right > widest:
                    widest, widest_row = right, int(row.get("r") or 0) or None
            row.clear()
            if rows - 1 > limits.sheet_rows:  # the header row is not counted
                return last_row, [Problem(sheet_label(table), None, None, f"more than {limits.sheet_rows:,} rows with data",
                                f"at most {limits.sheet_rows:,} rows on a sheet of a workbook: for a package this large upload the zipped CSV package "
                                "(Sources page, 'All tables (zipped CSV)'), which has no such limit, or split the change into several uploads")]
    if widest > limits.sheet_columns:
        return last_row, [Problem(sheet_label(table), widest_row, f"column {get_column_letter(widest)}", "a cell with a value that far right",
                        f"cells only in the first {limits.sheet_columns} columns (up to column {get_column_letter(limits.sheet_columns)}): "
                        f"delete the columns right of the table's last column and save again")]
    return last_row, []


def _sheet_frame(sheet, last_row: int) -> tuple[pd.DataFrame, list[tuple[int, int, str]]]:
    """The sheet's rows under its header, down to `last_row` (empty rows left out, the others
    keeping their numbers), and any (row, column, value) written to the right of the header."""
    rows = sheet.iter_rows(values_only=True, max_row=max(last_row, 1))
    header_row = next(rows, ())
    header = [cell_text(v) for v in header_row]
    while header and header[-1] == "":  # trailing empty header cells: the sheet's unused width
        header.pop()
    body, numbers, stray = [], [], []
    for number, row in enumerate(rows, start=2):
        cells = [cell_text(v) for v in row[: len(header)]]
        cells += [""] * (len(header) - len(cells))
        stray += [(number, len(header) + i + 1, text) for i, v in enumerate(row[len(header):]) if (text := cell_text(v))]
        if any(cells):
            body.append(cells)
            numbers.append(number)
    frame = pd.DataFrame(body, columns=header, index=numbers, dtype=object)
    return (frame if len(frame) else pd.DataFrame({c: pd.Series(dtype=object) for c in header})), stray
