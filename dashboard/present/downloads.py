"""Downloads: a display table as CSV or a workbook, and the whole package as zipped CSV or
a workbook.

Whatever a spreadsheet would run is made inert (OWASP's CSV-injection advice) in the files
meant for spreadsheets: in a table's CSV a text cell that starts like a formula (a plain
number is not one) gains a leading apostrophe; in a workbook every text
is a text cell (never a formula), those that start like a formula marked with Excel's quote
prefix, and text columns are formatted as text so ids keep their leading zeros (00056242).
The zipped package is for programs and holds every value as it is.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl
import pandas as pd
from pandas.api.types import is_numeric_dtype
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.formulas import inert, looks_like_formula
from dashboard.schema import TABLES
from dashboard.schema.descriptor import descriptor
from dashboard.present.workbook import edit_workbook
from dashboard.store.imports import write_csv
from dashboard.store.package import Package


def inert_csv_table(table: pd.DataFrame) -> pd.DataFrame:
    """The table with each text cell that starts like a formula prefixed by an apostrophe,
    which spreadsheets show as text; numbers are left as numbers."""
    return table.apply(lambda column: column if is_numeric_dtype(column) else column.map(inert))


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as inert CSV, with a byte-order mark so spreadsheet programs read Chinese as UTF-8."""
    return inert_csv_table(table).to_csv(index=False).encode("utf-8-sig")


def _cell_value(value: object) -> object:
    """A pandas cell as openpyxl takes it: gaps empty, numpy numbers as Python numbers."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def write_sheet(sheet: Worksheet, table: pd.DataFrame) -> None:
    """The table on a sheet: a header row, then every row, text kept as text."""
    sheet.append([str(c) for c in table.columns])
    for row in table.itertuples(index=False):
        sheet.append([_cell_value(v) for v in row])
    for column, cells in zip(table.columns, sheet.iter_cols(min_row=2)):
        if is_numeric_dtype(table[column]):
            continue
        for cell in cells:
            cell.number_format = "@"
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would store '=...' as a formula
                cell.quotePrefix = looks_like_formula(cell.value)


def workbook_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table, in order."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, table in sheets.items():
        write_sheet(book.create_sheet(name[:31]), table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def package_zip(package: Package) -> bytes:
    """The package's tables as checked, every value as it is, with the descriptor: a valid
    Frictionless data package that `check` and the app read back unchanged (the workbook is
    the download meant for spreadsheets)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            out = io.StringIO()
            write_csv(out, package.cells[table.name], table)
            archive.writestr(table.file_name, out.getvalue())
        archive.writestr("datapackage.json", json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n")
    return buffer.getvalue()


def blank_workbook() -> bytes:
    """The template: the same workbook with no rows, to start a package from nothing."""
    return edit_workbook(None)


def package_xlsx(package: Package) -> bytes:
    """The workbook to edit and upload again (`present/workbook.py`), holding the package's cells as checked."""
    return edit_workbook(package.cells)
