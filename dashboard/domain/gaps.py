"""The data gaps: every value a source leaves unreported, derived from the schema."""

from __future__ import annotations

import pandas as pd

from dashboard.schema import TABLE_BY_NAME, TABLES
from dashboard.store.package import Package

GAP_COLUMNS = ["table", "record", "project_id", "field", "meaning", "note", "note_zh", "source_id", "section"]


def record_label(table_name: str, row: pd.Series) -> str:
    """A short, human-readable key for a row, built from the table's primary key."""
    return " / ".join(str(row[k]) for k in TABLE_BY_NAME[table_name].primary_key)


def data_gaps(package: Package) -> pd.DataFrame:
    """One row per empty cell in a column where empty means 'not reported by the source'."""
    return package.derived("gaps", _find_gaps)


def _find_gaps(package: Package) -> pd.DataFrame:
    rows = []
    for table in TABLES:
        frame = package[table.name]
        for col in table.columns:
            if not col.gap:
                continue
            for _, r in frame[frame[col.name].isna()].iterrows():
                rows.append(
                    {
                        "table": table.name,
                        "record": record_label(table.name, r),
                        "project_id": r.get("project_id", pd.NA),
                        "field": col.name,
                        "meaning": col.description,
                        "note": r.get("note", pd.NA),
                        "note_zh": r.get("note_zh", pd.NA),
                        "source_id": r.get("source_id", pd.NA),
                        "section": r.get("section", pd.NA),
                    }
                )
    return pd.DataFrame(rows, columns=GAP_COLUMNS)


def gap_counts(package: Package) -> pd.Series:
    """Number of gaps per table, every table listed (zero where none)."""
    counts = data_gaps(package)["table"].value_counts()
    return pd.Series({t.name: int(counts.get(t.name, 0)) for t in TABLES}, name="gaps")
