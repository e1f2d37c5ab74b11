"""A folder of CSV files → one frame of text cells per table.

Only what is about the files themselves is checked here (present, UTF-8, a header row,
rows as long as the header); every rule about columns and values lives in
`validate/rules.py`. Problems are reported in the one vocabulary, `validate/problems.py`.
"""

from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import charset_normalizer
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as pa_csv

from dashboard.formulas import FORMULA_START
from dashboard.ingest.bounds import long_line_problem
from dashboard.schema import TABLES, Table
from dashboard.validate.problems import Problem


def encoding_name(codec: str) -> str:
    """A Python codec name as people know it: 'cp1252' -> 'Windows-1252', 'utf_16' -> 'UTF-16'."""
    if codec.startswith("cp") and codec[2:].isdigit():
        return f"Windows-{codec[2:]}"
    names = {"gb18030": "GB18030 (Chinese Windows)", "gb2312": "GB2312 (Chinese)", "gbk": "GBK (Chinese Windows)", "big5": "Big5 (Traditional Chinese)"}
    return names.get(codec, codec.upper().replace("_", "-"))


def encoding_problem(name: str, data: bytes, err: UnicodeDecodeError) -> Problem:
    """Where a file stops being UTF-8 (row and column of the first bad byte), what it seems
    to be encoded in, and how to save it as UTF-8."""
    guess = charset_normalizer.from_bytes(data).best()
    encoding = encoding_name(guess.encoding) if guess is not None else "an encoding other than UTF-8"
    row = data[: err.start].count(b"\n") + 1
    line_start = data.rfind(b"\n", 0, err.start) + 1
    before = data[line_start : err.start].decode("utf-8", "replace")
    header = next(csv.reader([data.split(b"\n", 1)[0].decode("utf-8", "replace")]), [])
    cell = next(csv.reader([before]), [""])
    column = header[len(cell) - 1].strip() if 0 < len(cell) <= len(header) and row > 1 else None
    found = " ".join(f"{b:02X}" for b in data[err.start : err.start + 4])
    return Problem(
        name, row, column, f"bytes {found}",
        f"UTF-8 text; the file seems to be saved as {encoding}. Save it again as UTF-8: in Excel, "
        "File > Save As > 'CSV UTF-8 (Comma delimited)'; in LibreOffice, Save As > Text CSV with character set 'Unicode (UTF-8)'",
    )


def read_table(path: Path, table: Table) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The table's cells as stripped text under the file's own header, indexed by spreadsheet row; or None and why not."""
    name = path.name
    if not path.exists():
        return None, [Problem(name, None, None, None, f"the file {name} in the data folder")]
    data = path.read_bytes()
    if (too_long := long_line_problem(name, data)) is not None:
        return None, [too_long]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, [encoding_problem(name, data, err)]
    fast = _read_fast(data, text)
    if fast is not None:
        return fast, []
    reader = csv.reader(io.StringIO(text))
    try:
        rows = list(reader)
    except csv.Error as err:
        return None, [Problem(name, reader.line_num, None, None, f"a well-formed CSV row ({err})")]
    if not rows or not any(cell.strip() for cell in rows[0]):
        return None, [Problem(name, 1, None, None, "a header row naming the columns: " + ", ".join(table.all_column_names))]
    header, body = [cell.strip() for cell in rows[0]], rows[1:]
    problems = [Problem(name, 1, f"column {i}", "", "a name for every column in the header row") for i, c in enumerate(header, start=1) if not c]
    problems += [Problem(name, 1, c, c, "each column once in the header row (this one repeats)") for c in dict.fromkeys(header) if c and header.count(c) > 1]
    for i, row in enumerate(body, start=2):
        if len(row) != len(header) and any(cell.strip() for cell in row):
            column = header[len(row)] if len(row) < len(header) else f"column {len(header) + 1}"
            problems.append(Problem(name, i, column, ",".join(row), f"{len(header)} cells, as in the header (found {len(row)})"))
    if problems:
        return None, problems
    numbered = [(i, r) for i, r in enumerate(body, start=2) if any(cell.strip() for cell in r)]
    frame = pd.DataFrame([r for _, r in numbered], columns=header, index=[i for i, _ in numbered], dtype=object)
    return frame.apply(_cells_as_meant), []


def _read_fast(data: bytes, text: str) -> pd.DataFrame | None:
    """The frame `read_table` makes, parsed and trimmed by Arrow (a large package has millions
    of cells); None for any file the careful reader should look at: blank lines (they keep
    their row numbers there), a header with empty or repeated names, ragged rows."""
    header = next(csv.reader([text.split("\n", 1)[0]]), [])
    names = [c.strip() for c in header]
    if not names or "" in names or len(set(names)) != len(names):
        return None
    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(column_names=names, skip_rows=1, use_threads=False),
            # A blank line between rows fails the parse (it has one cell), so it goes to the careful reader.
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    cells = [_arrow_cells_as_meant(table[n]) for n in names]
    empty_rows = functools.reduce(pc.and_, [pc.equal(c, "") for c in cells])
    if table.num_rows and pc.any(empty_rows).as_py():
        return None  # rows of empty cells: skipped, and numbered, by the careful reader
    columns = {n: c.to_numpy(zero_copy_only=False).astype(object) for n, c in zip(names, cells)}
    return pd.DataFrame(columns, index=range(2, table.num_rows + 2), dtype=object)


def _arrow_cells_as_meant(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """`_cells_as_meant` in Arrow: trimmed, the inert-formula apostrophe taken off."""
    column = pc.utf8_trim_whitespace(column)
    if not pc.any(pc.starts_with(column, "'")).as_py():
        return column  # the usual case: nothing to take off
    rest = pc.utf8_slice_codeunits(column, 1)
    formula = functools.reduce(pc.or_, [pc.starts_with(rest, mark) for mark in FORMULA_START])
    return pc.if_else(pc.and_(pc.starts_with(column, "'"), formula), rest, column)


def _cells_as_meant(column: pd.Series) -> pd.Series:
    """A column's cells stripped, with the apostrophe that keeps formula-like text inert taken
    off again (`formulas.restored`, done on the column at once: a package has millions of cells)."""
    column = column.str.strip()
    guarded = column.str.startswith("'") & column.str[1:].str.startswith(FORMULA_START)
    if guarded.any():
        column = column.where(~guarded, column.str[1:])
    return column


def read_tables(directory: Path) -> tuple[dict[str, pd.DataFrame | None], list[Problem]]:
    """Every table of the package in `directory`, and the problems that kept any from being read."""
    if not directory.is_dir():
        return {}, [Problem(directory.name, None, None, None, "a folder holding the data package's CSV files")]
    frames: dict[str, pd.DataFrame | None] = {}
    problems: list[Problem] = []
    for table in TABLES:
        if table.optional and not (directory / table.file_name).exists():
            frames[table.name] = pd.DataFrame(columns=table.all_column_names, dtype=object)
            continue
        frame, found = read_table(directory / table.file_name, table)
        frames[table.name] = None if frame is None else table.with_added_columns(frame)
        problems += found
    return frames, problems
