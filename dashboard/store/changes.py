"""What a change to the package does, table by table: rows added, rows removed, and for
rows kept (same primary key) every cell whose text changed, old and new. The preview shows
it, a publish writes it, and the audit log keeps it. Pure: frames in, changes out."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.schema import TABLES, Table

KEY_SEPARATOR = " / "


@dataclass(frozen=True)
class CellChange:
    """One cell of a kept row whose text changed."""

    key: str
    column: str
    old: str
    new: str


@dataclass
class TableChanges:
    """The changes to one table. `added` and `removed` map a row's key to its cells."""

    table: str
    rows: int  # rows after the change
    added: dict[str, dict[str, str]] = field(default_factory=dict)
    removed: dict[str, dict[str, str]] = field(default_factory=dict)
    changed: list[CellChange] = field(default_factory=list)

    @property
    def changed_rows(self) -> int:
        return len({c.key for c in self.changed})

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def counts(self) -> dict[str, int]:
        return {"rows": self.rows, "added": len(self.added), "changed": self.changed_rows, "removed": len(self.removed)}


def row_key(values: dict[str, str] | pd.Series, table: Table) -> str:
    """A row's primary key as one string ('river / 530000')."""
    return KEY_SEPARATOR.join(str(values[c]) for c in table.primary_key)


def _rows_by_key(frame: pd.DataFrame | None, table: Table) -> dict[str, tuple[str, ...]]:
    """Key -> the row's cells in the table's column order (a table left out has no rows)."""
    if frame is None or frame.empty:
        return {}
    cells = frame.reindex(columns=table.all_column_names).fillna("").astype(str)
    keys = cells[list(table.primary_key)].agg(KEY_SEPARATOR.join, axis=1)
    return dict(zip(keys, cells.itertuples(index=False, name=None)))


def table_changes(old: pd.DataFrame | None, new: pd.DataFrame | None, table: Table) -> TableChanges:
    """How `new` differs from `old`, row by row (matched on the primary key) and cell by cell."""
    return compare_rows(_rows_by_key(old, table), new, table)


def compare_rows(before: dict[str, tuple[str, ...]], new: pd.DataFrame | None, table: Table) -> TableChanges:
    """`table_changes`, from the old rows already keyed (key -> cells in column order)."""
    after = _rows_by_key(new, table)
    columns = table.all_column_names
    out = TableChanges(table.name, len(after))
    for key, cells in after.items():
        previous = before.get(key)
        if previous is None:
            out.added[key] = {c: v for c, v in zip(columns, cells) if v != ""}
        elif previous != cells:
            out.changed += [CellChange(key, c, o, n) for c, o, n in zip(columns, previous, cells) if o != n]
    out.removed = {key: {c: v for c, v in zip(columns, cells) if v != ""} for key, cells in before.items() if key not in after}
    return out


def package_changes(old: dict[str, pd.DataFrame | None], new: dict[str, pd.DataFrame | None]) -> dict[str, TableChanges]:
    """Every table's changes, in the schema's order."""
    return {t.name: table_changes(old.get(t.name), new.get(t.name), t) for t in TABLES}
