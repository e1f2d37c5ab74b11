"""The workbook staff edit and send back: the current data (or a blank template) with an
instructions sheet in English and Chinese, one sheet per table whose header row holds the
column ids the upload reads, a note on every header saying what the column holds, drop-down
lists for every coded column, for province codes and for ids another table defines, and
every cell stored as text (so 00056242 keeps its zeros, and text that starts like a
formula stays text). `ingest/workbook.py` reads it back.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from dashboard import places
from dashboard.formulas import looks_like_formula
from dashboard.present.i18n import t
from dashboard.schema import LIST_SEPARATOR, TABLE_BY_NAME, TABLES, Column, Table

INSTRUCTIONS = "instructions"
PROVINCES = "provinces"
LISTS = "lists"  # hidden: the allowed values the drop-downs offer
ROOM = 1000  # empty rows below the data that keep the drop-downs and the text format
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _header_note(col: Column, table: Table) -> str:
    """What a column holds, as the note on its header cell."""
    parts = [col.description]
    if col.unit:
        parts.append(f"Unit: {col.unit}.")
    kind = {"integer": "A whole number, digits only.", "number": "A number: digits and a decimal point, no separators.",
            "date": "A date: YYYY, YYYY-MM or YYYY-MM-DD.", "list": f"Several values from the list, separated by {LIST_SEPARATOR}."}.get(col.type)
    if kind:
        parts.append(kind)
    if col.allowed and col.type != "list":
        parts.append("Choose from the list.")
    if col.references:
        parts.append(f"A {col.references[1]} from the {col.references[0]} sheet.")
    parts.append("Required." if not col.may_be_empty else ("Leave empty when the source does not say (a gap)." if col.gap else "May be left empty."))
    if col.name in table.primary_key:
        parts.append("Part of the row's key: unique in this sheet.")
    return " ".join(parts)


def _instructions(sheet, lang_pairs: list[tuple[str, str]]) -> None:
    sheet.column_dimensions["A"].width = 90
    sheet.column_dimensions["B"].width = 70
    for en, zh in lang_pairs:
        sheet.append([en, zh])
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet["A1"].font = sheet["B1"].font = Font(bold=True, size=14)


def _text_cell(cell, value: object) -> None:
    cell.number_format = "@"
    if value not in (None, ""):
        cell.value = str(value)
        cell.data_type = "s"  # openpyxl would store '=...' as a formula
        cell.quotePrefix = looks_like_formula(str(value))


def _lists_sheet(book) -> dict[tuple[str, ...], str]:
    """A hidden sheet with each list of allowed values in a column; returns each list's range."""
    sheet = book.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    ranges = {}
    for table in TABLES:
        for col in table.columns:
            if col.allowed and col.type != "list" and col.allowed not in ranges:
                letter = get_column_letter(len(ranges) + 1)
                for i, value in enumerate(col.allowed, start=1):
                    sheet[f"{letter}{i}"] = value
                ranges[col.allowed] = f"{quote_sheetname(LISTS)}!${letter}$1:${letter}${len(col.allowed)}"
    return ranges


def _provinces_sheet(book) -> str:
    """The province list (code, English and Chinese name); returns the range of the codes."""
    sheet = book.create_sheet(PROVINCES)
    rows = places.province_rows()
    sheet.append(["code", "name_en", "name_zh"])
    for row in rows:
        sheet.append([row["code"], row["name_en"], row["name_zh"]])
    for cell in sheet["A"]:
        cell.number_format = "@"
        cell.data_type = "s"
    for letter, width in (("A", 10), ("B", 28), ("C", 24)):
        sheet.column_dimensions[letter].width = width
    return f"{quote_sheetname(PROVINCES)}!$A$2:$A${len(rows) + 1}"


def _reference_range(table_name: str, column: str, rows: int) -> str:
    letter = get_column_letter(TABLE_BY_NAME[table_name].all_column_names.index(column) + 1)
    return f"{quote_sheetname(table_name)}!${letter}$2:${letter}${rows + 1}"


def _table_sheet(book, table: Table, frame: pd.DataFrame | None, lists: dict, provinces: str, sizes: dict[str, int]) -> None:
    sheet = book.create_sheet(table.name)
    columns = table.all_column_names
    sheet.append(columns)
    sheet.freeze_panes = "A2"
    declared = {c.name: c for c in table.columns}
    for i, name in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=i)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        col = declared.get(name) or declared[name.removesuffix("_zh")]
        note = _header_note(col, table) if name in declared else f"The Chinese for {col.name} (简体中文)."
        cell.comment = Comment(note, "dashboard", width=320, height=160)
        sheet.column_dimensions[get_column_letter(i)].width = 14 if col.type in ("integer", "number", "date") else 24
    values = frame[columns].fillna("") if frame is not None and not frame.empty else pd.DataFrame(columns=columns)
    for r, row in enumerate(values.itertuples(index=False, name=None), start=2):
        for i, value in enumerate(row, start=1):
            _text_cell(sheet.cell(row=r, column=i), value)
    last = len(values) + ROOM + 1
    for i, name in enumerate(columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].number_format = "@"  # rows typed in later are text too
        col = declared.get(name)
        if col is None:
            continue
        source = None
        if col.references == ("provinces", "code"):
            source = provinces
        elif col.references:
            source = _reference_range(col.references[0], col.references[1], sizes[col.references[0]] + ROOM)
        elif col.allowed and col.type != "list":
            source = lists[col.allowed]
        if source:
            rule = DataValidation(type="list", formula1=f"={source}", allow_blank=col.may_be_empty, showErrorMessage=True,
                                  errorTitle="Not in the list", error=f"Choose a value from the list for {name}.")
            rule.add(f"{letter}2:{letter}{last}")
            sheet.add_data_validation(rule)


def edit_workbook(frames: dict[str, pd.DataFrame] | None) -> bytes:
    """The workbook to edit: the tables in `frames` (text cells, as a revision is read), or
    a blank template when None."""
    book = openpyxl.Workbook()
    _instructions(book.active, [(t(f"workbook.{key}", "en"), t(f"workbook.{key}", "zh")) for key in INSTRUCTION_KEYS])
    book.active.title = INSTRUCTIONS
    lists = _lists_sheet(book)
    provinces = _provinces_sheet(book)
    sizes = {table.name: len(frames[table.name]) if frames is not None and frames.get(table.name) is not None else 0 for table in TABLES}
    for table in TABLES:
        _table_sheet(book, table, frames.get(table.name) if frames is not None else None, lists, provinces, sizes)
    book.move_sheet(LISTS, offset=len(book.sheetnames))  # out of the way, at the end
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


INSTRUCTION_KEYS = ("title", "what", "sheets", "header", "text", "lists", "gaps", "keys", "sources", "upload", "never")
