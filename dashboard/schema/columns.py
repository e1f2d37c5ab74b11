"""Column and Table: how one table of the data package is declared.

Conventions every declaration follows:
- A `date` column holds a partial ISO date: `2007`, `2007-07` or `2007-07-15`. Its form is
  its precision (year, month, day); an empty cell is an unknown date.
- A column with `gap=True` may be empty, and an empty cell there means the source does not
  report the value. Such cells are counted and listed on the data-gaps view; they are never
  filled in by the dashboard.
- A column with `translatable=True` has a Simplified Chinese companion `<name>_zh`.
- A `list` column holds several allowed values separated by `|`.
"""

from __future__ import annotations

from dataclasses import dataclass

LIST_SEPARATOR = "|"

# Ids go into links and keys: letters, digits, '.', '_' and '-' only, so an id never
# needs escaping anywhere it is used.
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
ID_MEANS = "an identifier of up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"


@dataclass(frozen=True)
class Column:
    """One column: its type, meaning, unit, allowed values, and what an empty cell means."""

    name: str
    type: str  # string | integer | number | date | list
    description: str
    required: bool = True
    gap: bool = False
    allowed: tuple[str, ...] = ()
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    translatable: bool = False
    references: tuple[str, str] | None = None  # (table, column), or ("provinces", "code")
    pattern: str | None = None  # a regular expression the whole value must match (ids, numbers)
    pattern_means: str = ""  # the pattern as a person reads it, for problems
    # When the column was added (YYYY-MM). Packages written before it may lack the column;
    # it then reads as empty, so older packages, workbooks and uploads stay valid.
    added: str = ""

    @property
    def may_be_empty(self) -> bool:
        """Whether an empty cell is valid (a reported gap, or an optional value)."""
        return self.gap or not self.required


@dataclass(frozen=True)
class Table:
    """One table of the package: its columns, key, and the checks that span columns."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # (start column, end column) pairs where the end may not come before the start.
    ordered_dates: tuple[tuple[str, str], ...] = ()
    # (name column, province column): the name as the source wrote it must match the code.
    place_check: tuple[str, str] | None = None
    # An optional table may be left out of a package: it then reads as empty. Tables added
    # after a package format was in use are optional, so older packages stay valid.
    optional: bool = False

    @property
    def file_name(self) -> str:
        """The table's file name in a CSV package."""
        return f"{self.name}.csv"

    def with_added_columns(self, frame):
        """The table's frame as read, with each column added to the schema since the file was
        written (absent from its header) filled in as empty cells."""
        absent = [c.name for c in self.columns if c.added and c.name not in frame.columns]
        return frame.assign(**{name: "" for name in absent}) if absent else frame

    def column(self, name: str) -> Column:
        """The declared column called `name`."""
        return next(c for c in self.columns if c.name == name)

    @property
    def all_column_names(self) -> list[str]:
        """Every column in the CSV, with the `_zh` companions after their English column."""
        names = []
        for c in self.columns:
            names.append(c.name)
            if c.translatable:
                names.append(f"{c.name}_zh")
        return names
