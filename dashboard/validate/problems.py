"""What validation reports: a Problem names where (file or sheet, row, column), the value
found and what was expected, so a programme officer can fix the data without reading code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or, as a warning, missing) in the data.

    `file` is the CSV file or workbook sheet; `row` the row as a spreadsheet numbers it
    (the header is row 1); `row` and `column` are None when the problem is the whole file.
    """

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
    """A data package that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in {source}")
