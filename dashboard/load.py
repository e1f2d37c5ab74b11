"""Read and validate the data package; the one place files become DataFrames.

Every problem is collected (not just the first), each naming the file, the row as a
spreadsheet shows it (the header is row 1), the column, the bad value and what was
expected, so a programme officer can fix the CSV without reading code.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard import places
from dashboard.schema import LIST_SEPARATOR, TABLES, Column, Table

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INTEGER = re.compile(r"^-?\d+$")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        got = f": found '{self.value}'" if self.value is not None else ""
        return f"{where}{got}; expected {self.expected}"


class PackageError(Exception):
    def __init__(self, directory: Path, problems: list[Problem]):
        self.directory = directory
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in {directory}")


@dataclass
class Package:
    directory: Path
    tables: dict[str, pd.DataFrame]
    warnings: list[Problem] = field(default_factory=list)
    _derived: dict = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def derived(self, name: str, make):
        """A value worked out from the package alone, made once: the package never changes."""
        if name not in self._derived:
            self._derived[name] = make(self)
        return self._derived[name]


def date_bounds(text: str) -> tuple[date, date]:
    """First and last day a partial ISO date can mean ('2007' -> 1 Jan to 31 Dec 2007)."""
    m = _DATE.match(text)
    if not m:
        raise ValueError(text)
    year, month, day = int(m[1]), m[2], m[3]
    if day:
        d = date(year, int(month), int(day))
        return d, d
    if month:
        first = date(year, int(month), 1)
        last = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
        return first, last
    return date(year, 1, 1), date(year, 12, 31)


def date_precision(text: str | None) -> str:
    if not isinstance(text, str) or not text:
        return "unknown"
    return {1: "year", 2: "month", 3: "day"}[len(text.split("-"))]


def _cell_problem(col: Column, value: str) -> str | None:
    """What was expected, if the non-empty `value` does not fit `col`; else None."""
    if col.type == "integer" and not _INTEGER.match(value):
        return "a whole number (digits only, no separators)"
    if col.type == "number":
        try:
            float(value)
        except ValueError:
            return "a number (digits and a decimal point, no currency sign or separators)"
    if col.type == "date":
        try:
            date_bounds(value)
        except ValueError:
            return "a date as YYYY, YYYY-MM or YYYY-MM-DD (leave empty if the source gives none)"
    if col.type in ("integer", "number") and col.minimum is not None and float(value) < col.minimum:
        return f"a value of at least {col.minimum:g}"
    items = value.split(LIST_SEPARATOR) if col.type == "list" else [value]
    if col.allowed and any(item not in col.allowed for item in items):
        return "one of: " + ", ".join(col.allowed) + (" (separated by |)" if col.type == "list" else "")
    return None


def _read_csv(path: Path, table: Table) -> tuple[pd.DataFrame | None, list[Problem]]:
    name = path.name
    if not path.exists():
        return None, [Problem(name, None, None, None, f"the file {name} in the data folder")]
    try:
        text = path.read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    except (UnicodeDecodeError, csv.Error, OSError) as err:
        return None, [Problem(name, None, None, None, f"a readable UTF-8 CSV file ({err})")]
    if not rows or not any(cell.strip() for cell in rows[0]):
        return None, [Problem(name, None, None, None, "a header row naming the columns: " + ", ".join(table.all_column_names))]
    header, body = rows[0], rows[1:]
    problems = []
    expected = table.all_column_names
    for missing in [c for c in expected if c not in header]:
        problems.append(Problem(name, 1, missing, None, "this column in the header row (it is missing)"))
    for extra in [c for c in header if c not in expected]:
        problems.append(Problem(name, 1, extra, extra, "only the columns the schema declares: " + ", ".join(expected)))
    for i, row in enumerate(body, start=2):
        if len(row) != len(header) and any(cell.strip() for cell in row):
            problems.append(Problem(name, i, None, ",".join(row), f"{len(header)} cells, as in the header (found {len(row)})"))
    if problems:
        return None, problems
    body = [r for r in body if any(cell.strip() for cell in r)]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame = frame.apply(lambda s: s.str.strip())
    frame.index = range(2, len(frame) + 2)  # spreadsheet row numbers
    return frame, []


def _check_cells(frame: pd.DataFrame, table: Table) -> list[Problem]:
    problems = []
    for col in table.columns:
        for row, value in frame[col.name].items():
            if value == "":
                if not col.may_be_empty:
                    problems.append(Problem(table.file_name, row, col.name, "", "a value (this column is required)"))
                continue
            expected = _cell_problem(col, value)
            if expected:
                problems.append(Problem(table.file_name, row, col.name, value, expected))
    return problems


def _check_keys(frame: pd.DataFrame, table: Table) -> list[Problem]:
    key = list(table.primary_key)
    dupes = frame[frame.duplicated(key, keep="first")]
    return [
        Problem(table.file_name, row, "+".join(key), " / ".join(r[k] for k in key), "a unique key; this repeats an earlier row")
        for row, r in dupes.iterrows()
    ]


def _check_order(frame: pd.DataFrame, table: Table) -> list[Problem]:
    problems = []
    for start_col, end_col in table.ordered_dates:
        for row, r in frame.iterrows():
            start, end = r[start_col], r[end_col]
            if not start or not end:
                continue
            try:
                if table.column(start_col).type == "date":
                    too_early = date_bounds(end)[1] < date_bounds(start)[0]
                else:
                    too_early = float(end) < float(start)
            except ValueError:
                continue  # already reported as a bad value
            if too_early:
                problems.append(Problem(table.file_name, row, end_col, end, f"a date not before {start_col} ({start})"))
    return problems


def _check_places(frame: pd.DataFrame, table: Table) -> list[Problem]:
    if not table.place_check:
        return []
    name_col, code_col = table.place_check
    problems = []
    for row, r in frame.iterrows():
        if not r[code_col]:
            continue  # a gap: the source names no province
        try:
            match = places.match_place(r[name_col])
        except places.PlaceError as err:
            problems.append(Problem(table.file_name, row, name_col, r[name_col], f"a province or city name in the reference: {err}"))
            continue
        if match.code != r[code_col]:
            problems.append(
                Problem(table.file_name, row, code_col, r[code_col], f"{match.code}, the code of {match.name_en} named in {name_col}")
            )
        if "admin_level" in r and match.admin_level != r["admin_level"]:
            problems.append(
                Problem(table.file_name, row, "admin_level", r["admin_level"], f"'{match.admin_level}': {r[name_col]} is a {match.admin_level}")
            )
    return problems


def _check_references(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    province_codes = places.province_codes()
    for table in TABLES:
        frame = frames.get(table.name)
        if frame is None:
            continue
        for col in table.columns:
            if not col.references:
                continue
            target_table, target_col = col.references
            if target_table == "provinces":
                known = province_codes
                what = "a GB/T 2260 province code from geo/provinces.csv"
            elif frames.get(target_table) is not None:
                known = set(frames[target_table][target_col])
                what = f"a {target_col} listed in {target_table}.csv"
            else:
                continue
            for row, value in frame[col.name].items():
                if value and value not in known:
                    problems.append(Problem(table.file_name, row, col.name, value, what))
    return problems


def _check_budget_totals(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    projects, funding = frames.get("projects"), frames.get("funding")
    if projects is None or funding is None:
        return []
    problems = []
    for row, p in projects.iterrows():
        if not p["total_budget_usd"]:
            continue
        lines = funding[funding["project_id"] == p["project_id"]]["amount_usd"]
        if (lines == "").any() or lines.empty:
            continue  # lines with gaps cannot be checked against the total
        try:
            total = sum(float(v) for v in lines)
        except ValueError:
            continue
        if abs(total - float(p["total_budget_usd"])) > 0.5:
            problems.append(
                Problem("projects.csv", row, "total_budget_usd", p["total_budget_usd"], f"the sum of the project's lines in funding.csv ({total:,.0f})")
            )
    return problems


def _missing_translations(frame: pd.DataFrame, table: Table) -> list[Problem]:
    warnings = []
    for col in table.columns:
        if not col.translatable:
            continue
        zh = f"{col.name}_zh"
        for row, r in frame.iterrows():
            if r[col.name] and not r[zh]:
                warnings.append(Problem(table.file_name, row, zh, "", f"a Chinese translation of '{r[col.name]}'"))
    return warnings


def _typed(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Empty cells become None (text) or NaN/NA (numbers), numbers become numbers, dates gain bounds."""
    out = frame.astype(object).where(frame != "", None)
    for col in table.columns:
        if col.type == "integer":
            out[col.name] = pd.to_numeric(out[col.name]).astype("Int64")
        elif col.type == "number":
            out[col.name] = pd.to_numeric(out[col.name]).astype("float64")
        elif col.type == "date":
            bounds = out[col.name].map(lambda v: date_bounds(v) if isinstance(v, str) else (None, None))
            out[f"{col.name}_first"] = pd.to_datetime(bounds.map(lambda b: b[0]))
            out[f"{col.name}_last"] = pd.to_datetime(bounds.map(lambda b: b[1]))
            out[f"{col.name}_precision"] = out[col.name].map(date_precision)
    return out.reset_index(drop=True)


def read_package(directory: Path | str = DATA_DIR) -> Package:
    """The validated package; raises PackageError listing every problem found."""
    directory = Path(directory)
    frames: dict[str, pd.DataFrame | None] = {}
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if not directory.is_dir():
        raise PackageError(directory, [Problem(str(directory), None, None, None, "a folder holding the data package's CSV files")])
    for table in TABLES:
        frame, read_problems = _read_csv(directory / table.file_name, table)
        problems += read_problems
        frames[table.name] = frame
        if frame is None:
            continue
        problems += _check_cells(frame, table)
        problems += _check_keys(frame, table)
        problems += _check_order(frame, table)
        problems += _check_places(frame, table)
        warnings += _missing_translations(frame, table)
    problems += _check_references(frames)
    problems += _check_budget_totals(frames)
    if problems:
        raise PackageError(directory, problems)
    typed = {t.name: _typed(frames[t.name], t) for t in TABLES}
    return Package(directory, typed, warnings)
