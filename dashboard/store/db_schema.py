"""The database's tables, derived from the package schema (`dashboard.schema`).

Every table of the package becomes `data_<name>`: its columns as text, exactly the cells of
the CSV package (ids keep their leading zeros; typing happens on reading, as for CSV), and
three bookkeeping columns. A row version is visible in revision R when it was added in R
or before and not removed by R:

    _added <= R and (_removed is null or _removed > R)

so a revision is never copied whole: a publish adds the rows that are new or changed and
marks the ones that went away. `revisions` holds who, when, why and the counts; `audit`
holds every changed cell, appended and never updated. `store_lock` is one row that each
publish updates first, so publishes queue one behind another on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, MetaData, Table, Text

from dashboard.schema import TABLES

metadata = MetaData()

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("author", Text, nullable=False),
    Column("message", Text, nullable=False),
    # The revision the change was made from. Revisions form one line: each has the one
    # before it as base, and the unique constraint refuses a second child of the same base
    # even if two publishes were to slip past the lock.
    Column("base_id", Integer, ForeignKey("revisions.id"), nullable=True, unique=True),
    Column("origin", Text, nullable=False),  # load | upload | rollback | import
    Column("rollback_of", Integer, ForeignKey("revisions.id"), nullable=True),  # the revision restored
    Column("counts", Text, nullable=False),  # JSON: table -> {rows, added, changed, removed}
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("revision_id", Integer, ForeignKey("revisions.id"), nullable=False),
    Column("table_name", Text, nullable=False),
    Column("row_key", Text, nullable=False),  # the row's primary key values, joined by " / "
    Column("column_name", Text, nullable=False),
    Column("old", Text, nullable=True),  # None: the row did not exist before
    Column("new", Text, nullable=True),  # None: the row was removed
    Index("ix_audit_revision", "revision_id"),
)

store_lock = Table("store_lock", metadata, Column("id", Integer, primary_key=True), Column("publishes", Integer, nullable=False))

ADDED, REMOVED, POSITION = "_added", "_removed", "_position"


def _data_table(table) -> Table:
    return Table(
        f"data_{table.name}",
        metadata,
        Column("_row_id", Integer, primary_key=True, autoincrement=True),
        *(Column(name, Text, nullable=False, server_default="") for name in table.all_column_names),
        Column(ADDED, Integer, ForeignKey("revisions.id"), nullable=False),
        Column(REMOVED, Integer, ForeignKey("revisions.id"), nullable=True),
        Column(POSITION, Integer, nullable=False),  # the row's place in the table as published
        Index(f"ix_data_{table.name}_current", REMOVED),
    )


DATA = {t.name: _data_table(t) for t in TABLES}
