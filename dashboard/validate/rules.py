"""The validation rules: tables of text cells in, problems out.

Every rule takes frames as a source delivers them: every cell a string ('' when empty),
indexed by the row number a spreadsheet shows (the header is row 1), and a `where` label
(the CSV file or workbook sheet) to name in each problem. Any source of records (the CSV
loader, an uploaded workbook, an importer) runs the same rules through `package_problems`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Callable, Iterator

import pandas as pd

from dashboard import places
from dashboard.dates import EARLIEST_YEAR, LATEST_YEAR, date_bounds, plausible_year
from dashboard.schema import LIST_SEPARATOR, TABLE_BY_NAME, TABLES, Column, Table
from dashboard.validate.problems import Problem

Where = Callable[[Table], str]
# ASCII digits only (Python's \d also takes full-width ones), and no words: float() would
# take 'nan', 'inf', '1_000' and '５００', which are not numbers in a CSV.
_INTEGER = re.compile(r"-?[0-9]+")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
# No figure in a country office's portfolio comes near this; a larger one is a typo.
LARGEST = 1e12


def by_file_name(table: Table) -> str:
    """The default `where` label: the table's CSV file name."""
    return table.file_name


def cell_expectation(col: Column, value: str) -> str | None:
    """What was expected, if the non-empty `value` does not fit `col`; else None."""
    if col.type == "integer" and not _INTEGER.fullmatch(value):
        return "a whole number (digits 0-9 only, no separators)"
    if col.type == "number" and not _NUMBER.fullmatch(value):
        return "a number (digits 0-9 and a decimal point, no currency sign, separators or words)"
    if col.type == "date":
        try:
            date_bounds(value)
        except ValueError:
            return "a date as YYYY, YYYY-MM or YYYY-MM-DD (leave empty if the source gives none)"
        if not plausible_year(value):
            return f"a date between {EARLIEST_YEAR} and {LATEST_YEAR} (this one is implausible)"
    if col.pattern and not re.fullmatch(col.pattern, value):
        return col.pattern_means
    if col.type in ("integer", "number"):
        number = float(value)
        if col.minimum is not None and number < col.minimum:
            return f"a value of at least {col.minimum:g}"
        largest = col.maximum if col.maximum is not None else LARGEST
        if not math.isfinite(number) or number > largest:
            return f"a value of at most {largest:,.0f}"
    items = value.split(LIST_SEPARATOR) if col.type == "list" else [value]
    if col.allowed and any(item not in col.allowed for item in items):
        return "one of: " + ", ".join(col.allowed) + (" (separated by |)" if col.type == "list" else "")
    return None


def header_problems(header: list[str], table: Table, where: str) -> list[Problem]:
    """Columns the schema declares but the header lacks, columns it does not declare, and repeats."""
    expected = table.all_column_names
    problems = [Problem(where, 1, c, "", "this column in the header row (it is missing)") for c in expected if c not in header]
    problems += [Problem(where, 1, c, c, "only the columns the schema declares: " + ", ".join(expected)) for c in header if c not in expected]
    repeated = [c for c in dict.fromkeys(header) if header.count(c) > 1 and c in expected]
    problems += [Problem(where, 1, c, c, "each column once in the header row (this one repeats)") for c in repeated]
    return problems


def cell_problems(frame: pd.DataFrame, table: Table, where: str) -> list[Problem]:
    """Empty required cells, and values of the wrong type, range or code list.

    Each distinct value of a column is judged once (a column of thousands of rows holds far
    fewer distinct values), and free text, which only has to be present, is not judged."""
    problems = []
    for col in table.columns:
        values = frame[col.name]
        empty = values == ""
        found = [] if col.may_be_empty else [Problem(where, row, col.name, "", "a value (this column is required)") for row in values.index[empty]]
        if col.type != "string" or col.allowed or col.pattern:
            filled = values[~empty]
            verdicts = {v: cell_expectation(col, v) for v in filled.unique()}
            wrong = [v for v, verdict in verdicts.items() if verdict is not None]
            if wrong:  # rare: the rows are looked up only then
                bad = filled[filled.isin(wrong)]
                found += [Problem(where, row, col.name, value, verdicts[value]) for row, value in bad.items()]
        problems += sorted(found, key=lambda p: p.row)
    return problems


def key_problems(frame: pd.DataFrame, table: Table, where: str) -> list[Problem]:
    """Rows that repeat an earlier row's primary key."""
    key = list(table.primary_key)
    dupes = frame[frame.duplicated(key, keep="first")]
    return [
        Problem(where, row, "+".join(key), " / ".join(r[k] for k in key), "a unique key; this repeats an earlier row")
        for row, r in dupes.iterrows()
    ]


@lru_cache(maxsize=65536)
def _bounds_or_none(value: str) -> tuple | None:
    try:
        return date_bounds(value)
    except ValueError:
        return None  # reported as a bad value already


def order_problems(frame: pd.DataFrame, table: Table, where: str) -> list[Problem]:
    """Ends that come before their starts (dates, or years)."""
    problems = []
    for start_col, end_col in table.ordered_dates:
        both = frame[(frame[start_col] != "") & (frame[end_col] != "")]
        dates = table.column(start_col).type == "date"
        for row, start, end in zip(both.index, both[start_col], both[end_col]):
            if dates:
                first, last = _bounds_or_none(start), _bounds_or_none(end)
                too_early = first is not None and last is not None and last[1] < first[0]
            else:
                too_early = bool(_INTEGER.fullmatch(start) and _INTEGER.fullmatch(end)) and int(end) < int(start)
            if too_early:
                problems.append(Problem(where, row, end_col, end, f"a date not before {start_col} ({start})"))
    return problems


def _point(r) -> tuple[float, float] | None:
    """(latitude, longitude) of a row that gives a valid point, else None (bad values are reported elsewhere)."""
    lat, lon = r.get("latitude", ""), r.get("longitude", "")
    if not lat or not lon or not _NUMBER.fullmatch(lat) or not _NUMBER.fullmatch(lon):
        return None
    lat_f, lon_f = float(lat), float(lon)
    return (lat_f, lon_f) if -90 <= lat_f <= 90 and -180 <= lon_f <= 180 else None


def place_problems(frame: pd.DataFrame, table: Table, where: str) -> list[Problem]:
    """Place names the reference does not know, and codes or levels that do not match the name (and point)."""
    if not table.place_check:
        return []
    name_col, code_col = table.place_check
    problems = []
    resolved: dict[tuple, object] = {}  # the same place recurs in many rows: resolved once
    for row, r in zip(frame.index, frame.to_dict("records")):
        level = r.get("admin_level", "")
        if level in ("country", "abroad"):
            if r[code_col]:
                problems.append(Problem(where, row, code_col, r[code_col], f"no province code: the place is {'the whole country' if level == 'country' else 'outside China'}"))
            continue
        if not r[code_col]:
            continue  # a gap: the source names no province
        key = (r[name_col], _point(r))
        if key not in resolved:
            try:
                resolved[key] = places.resolve_place(*key)
            except places.PlaceError as err:
                resolved[key] = err
        match = resolved[key]
        if isinstance(match, places.PlaceError):
            problems.append(Problem(where, row, name_col, r[name_col], f"a place in the reference: {match}"))
            continue
        if match.province_code != r[code_col]:
            named = next((p["name_en"] for p in places.province_rows() if p["code"] == match.province_code), "outside China")
            problems.append(Problem(where, row, code_col, r[code_col], f"{match.province_code or 'no code'}, the code of {named}, where {r[name_col]} lies"))
        if level and match.admin_level != level:
            problems.append(Problem(where, row, "admin_level", level, f"'{match.admin_level}': {r[name_col]} is a {match.admin_level}"))
    return problems


def _read_columns(frames: dict[str, pd.DataFrame | None], keep: Callable[[Column], bool]) -> Iterator[tuple[Table, pd.DataFrame, Column]]:
    """(table, frame, column) for each kept column of every table that could be read."""
    for table in TABLES:
        frame = frames.get(table.name)
        if frame is not None:
            yield from ((table, frame, col) for col in table.columns if keep(col))


def reference_problems(frames: dict[str, pd.DataFrame | None], where: Where = by_file_name) -> list[Problem]:
    """Values that must name a row of another table (or a province) but do not."""
    problems = []
    for table, frame, col in _read_columns(frames, lambda c: c.references is not None):
        target_table, target_col = col.references
        if target_table == "provinces":
            known = places.province_codes()
            what = "a GB/T 2260 province code from geo/provinces.csv"
        elif frames.get(target_table) is not None:
            known = set(frames[target_table][target_col])
            what = f"a {target_col} listed in {where(TABLE_BY_NAME[target_table])}"
        else:
            continue
        values = frame[col.name]
        unknown = values[(values != "") & ~values.isin(known)]
        problems += [Problem(where(table), row, col.name, value, what) for row, value in unknown.items()]
    return problems


def budget_total_problems(frames: dict[str, pd.DataFrame | None], where: Where = by_file_name) -> list[Problem]:
    """Stated project budgets that differ from the sum of the project's funding lines."""
    projects, funding = frames.get("projects"), frames.get("funding")
    if projects is None or funding is None:
        return []
    problems = []
    stated = projects[projects["total_budget_usd"] != ""]
    for row, p in stated.iterrows():
        lines = funding[funding["project_id"] == p["project_id"]]["amount_usd"]
        amount = TABLE_BY_NAME["funding"].column("amount_usd")
        if (lines == "").any() or lines.empty or any(cell_expectation(amount, v) for v in lines):
            continue  # lines with gaps or bad values (reported already) cannot be checked against the total
        total = sum(float(v) for v in lines)
        if abs(total - float(p["total_budget_usd"])) > 0.5:
            problems.append(
                Problem(where(TABLE_BY_NAME["projects"]), row, "total_budget_usd", p["total_budget_usd"], f"the sum of the project's lines in {where(TABLE_BY_NAME['funding'])} ({total:,.0f})")
            )
    return problems


def table_problems(frame: pd.DataFrame, table: Table, where: str) -> list[Problem]:
    """Every rule that looks at one table alone."""
    return cell_problems(frame, table, where) + key_problems(frame, table, where) + order_problems(frame, table, where) + place_problems(frame, table, where)


def package_problems(frames: dict[str, pd.DataFrame | None], where: Where = by_file_name) -> list[Problem]:
    """Every rule over a whole package.

    A table that could not be read (None) is skipped; one whose header is wrong is reported
    and then skipped too, since its cells cannot be found by column.
    """
    problems: list[Problem] = []
    usable: dict[str, pd.DataFrame | None] = {}
    for table in TABLES:
        frame = frames.get(table.name)
        if frame is None:
            continue
        header = header_problems([str(c) for c in frame.columns], table, where(table))
        problems += header
        if not header:
            usable[table.name] = frame
            problems += table_problems(frame, table, where(table))
    return problems + reference_problems(usable, where) + budget_total_problems(usable, where)


def translation_warnings(frames: dict[str, pd.DataFrame | None], where: Where = by_file_name) -> list[Problem]:
    """Translatable values without their Chinese companion: warnings, not errors."""
    warnings = []
    for table, frame, col in _read_columns(frames, lambda c: c.translatable):
        zh = f"{col.name}_zh"
        missing = frame[(frame[col.name] != "") & (frame[zh] == "")]
        file = where(table)
        warnings += [Problem(file, row, zh, "", f"a Chinese translation of '{value}'") for row, value in missing[col.name].items()]
    return warnings
