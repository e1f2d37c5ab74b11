"""A folder of CSV files → one frame of text cells per table.

Only what is about the files themselves is checked here (present, UTF-8, a header row,
rows as long as the header); every rule about columns and values lives in
`validate/rules.py`. Problems are reported in the one vocabulary, `validate/problems.py`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from dashboard.formulas import restored
from dashboard.schema import TABLES, Table
from dashboard.validate.problems import Problem


def read_table(path: Path, table: Table) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The table's cells as stripped text under the file's own header, indexed by spreadsheet row; or None and why not."""
    name = path.name
    if not path.exists():
        return None, [Problem(name, None, None, None, f"the file {name} in the data folder")]
    try:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error, OSError) as err:
        return None, [Problem(name, None, None, None, f"a readable UTF-8 CSV file ({err})")]
    if not rows or not any(cell.strip() for cell in rows[0]):
        return None, [Problem(name, None, None, None, "a header row naming the columns: " + ", ".join(table.all_column_names))]
    header, body = [cell.strip() for cell in rows[0]], rows[1:]
    problems = []
    for i, row in enumerate(body, start=2):
        if len(row) != len(header) and any(cell.strip() for cell in row):
            problems.append(Problem(name, i, None, ",".join(row), f"{len(header)} cells, as in the header (found {len(row)})"))
    if problems:
        return None, problems
    numbered = [(i, r) for i, r in enumerate(body, start=2) if any(cell.strip() for cell in r)]
    frame = pd.DataFrame([r for _, r in numbered], columns=header, index=[i for i, _ in numbered], dtype=object)
    return frame.apply(lambda s: s.str.strip().map(restored)), []


def read_tables(directory: Path) -> tuple[dict[str, pd.DataFrame | None], list[Problem]]:
    """Every table of the package in `directory`, and the problems that kept any from being read."""
    if not directory.is_dir():
        return {}, [Problem(str(directory), None, None, None, "a folder holding the data package's CSV files")]
    frames: dict[str, pd.DataFrame | None] = {}
    problems: list[Problem] = []
    for table in TABLES:
        frames[table.name], found = read_table(directory / table.file_name, table)
        problems += found
    return frames, problems
