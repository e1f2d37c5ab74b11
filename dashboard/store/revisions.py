"""Revisions of the package in the database: read one, publish a change as the next one,
roll back to an earlier one (as a new revision: nothing is deleted), list them.

A publish is one transaction. It first takes the store's lock row, so publishes queue; then
it checks the change was made from the latest revision (else `Conflict`, naming what was
published meanwhile); then it writes the new and changed rows, marks the removed ones, and
appends every changed cell to the audit log. A crash or `kill -9` part-way leaves the
database as it was: the transaction never committed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlalchemy import and_, func, insert, or_, select, update

from dashboard.ingest.csv_package import read_tables
from dashboard.schema import TABLES
from dashboard.store.changes import TableChanges, compare_rows, row_key
from dashboard.store.db_schema import ADDED, DATA, POSITION, REMOVED, audit, revisions, store_lock
from dashboard.store.engine import engine, upgrade
from dashboard.validate.problems import PackageError
from dashboard.validate.rules import package_problems

CHUNK = 500  # rows per statement: keeps every statement under SQLite's variable limit


@dataclass(frozen=True)
class Revision:
    """One published revision: who, when, why, from which base, and what it changed."""

    id: int
    created_at: datetime
    author: str
    message: str
    base_id: int | None
    origin: str
    rollback_of: int | None
    counts: dict[str, dict[str, int]]

    def summary(self) -> str:
        """'projects +1 ~2 -0, locations +2' for the tables this revision changed."""
        parts = [f"{name} +{c['added']} ~{c['changed']} -{c['removed']}" for name, c in self.counts.items() if c["added"] or c["changed"] or c["removed"]]
        return ", ".join(parts) or "no change"


class Conflict(Exception):
    """The change was made from an older revision than the latest: nothing was written."""

    def __init__(self, base: int | None, since: list[Revision]):
        self.base, self.since = base, since
        made = ", ".join(f"revision {r.id} by {r.author} ({r.created_at:%Y-%m-%d %H:%M} UTC, \"{r.message}\": {r.summary()})" for r in since)
        super().__init__(f"The data changed since revision {base}, which this change was made from: {made}. "
                         "Nothing was published. Start again from the latest revision.")


class NothingChanged(ValueError):
    """The package is the same as the latest revision: there is nothing to publish."""


class NoSuchRevision(Exception):
    """A revision number the database does not hold."""


def _revision(row) -> Revision:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=timezone.utc)
    return Revision(row.id, created, row.author, row.message, row.base_id, row.origin, row.rollback_of, json.loads(row.counts))


def latest_id(url: str) -> int | None:
    """The latest revision's number (None while the database holds none)."""
    with engine(url).connect() as connection:
        return connection.scalar(select(func.max(revisions.c.id)))


def history(url: str) -> list[Revision]:
    """Every revision, newest first."""
    with engine(url).connect() as connection:
        return [_revision(r) for r in connection.execute(select(revisions).order_by(revisions.c.id.desc()))]


def _visible(table, revision: int | None):
    """The row versions that make up `revision` (the latest when None)."""
    if revision is None:
        return table.c[REMOVED].is_(None)
    return and_(table.c[ADDED] <= revision, or_(table.c[REMOVED].is_(None), table.c[REMOVED] > revision))


def read_frames(url: str, revision: int | None = None) -> dict[str, pd.DataFrame]:
    """The package's tables at `revision` (the latest when None) as the CSV reader gives them:
    every cell text, rows numbered from 2 as in a spreadsheet."""
    frames = {}
    with engine(url).connect() as connection:
        for t in TABLES:
            data = DATA[t.name]
            columns = t.all_column_names
            rows = connection.execute(select(*(data.c[c] for c in columns)).where(_visible(data, revision)).order_by(data.c[POSITION], data.c["_row_id"])).all()
            frame = pd.DataFrame([tuple(r) for r in rows], columns=columns, dtype=object) if rows else pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
            frame.index = range(2, len(frame) + 2)
            frames[t.name] = frame
    return frames


def _audit_rows(revision: int, changes: TableChanges) -> list[dict]:
    """The audit events of one table's changes. A row added or removed is one event (column
    `*`, its non-empty cells as JSON); a changed row is one event per changed cell."""
    name = changes.table
    events = [{"revision_id": revision, "table_name": name, "row_key": k, "column_name": "*", "old": None, "new": json.dumps(cells, ensure_ascii=False)}
              for k, cells in changes.added.items()]
    events += [{"revision_id": revision, "table_name": name, "row_key": c.key, "column_name": c.column, "old": c.old, "new": c.new} for c in changes.changed]
    events += [{"revision_id": revision, "table_name": name, "row_key": k, "column_name": "*", "old": json.dumps(cells, ensure_ascii=False), "new": None}
               for k, cells in changes.removed.items()]
    return events


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def publish(url: str, frames: dict[str, pd.DataFrame], author: str, message: str, base: int | None,
            origin: str = "load", rollback_of: int | None = None) -> Revision:
    """Publish `frames` as the next revision, made from revision `base` (None: from nothing,
    for the first). Raises PackageError if the package does not pass the check, ValueError
    without a message or an author, Conflict if another revision was published since `base`."""
    if not message.strip():
        raise ValueError("a message saying what the change is and why")
    if not author.strip():
        raise ValueError("the name of who publishes the change")
    problems = package_problems(frames)
    if problems:
        raise PackageError("publish", problems)
    with engine(url).begin() as connection:
        # The lock first, before anything is read: the next publish waits here until this one ends.
        connection.execute(update(store_lock).where(store_lock.c.id == 1).values(publishes=store_lock.c.publishes + 1))
        latest = connection.scalar(select(func.max(revisions.c.id)))
        if latest != base:
            since = [_revision(r) for r in connection.execute(select(revisions).where(revisions.c.id > (base or 0)).order_by(revisions.c.id))]
            raise Conflict(base, since)
        current = {t.name: _current_rows(connection, t) for t in TABLES}
        changes = {t.name: compare_rows({k: cells for k, (_, cells) in current[t.name].items()}, frames.get(t.name), t) for t in TABLES}
        if latest is not None and all(c.empty for c in changes.values()):
            raise NothingChanged(f"the data is the same as revision {latest}: there is nothing to publish")
        counts = {name: c.counts() for name, c in changes.items()}
        revision = connection.execute(insert(revisions).values(
            created_at=datetime.now(timezone.utc), author=author.strip(), message=message.strip(), base_id=latest, origin=origin,
            rollback_of=rollback_of, counts=json.dumps(counts))).inserted_primary_key[0]
        for t in TABLES:
            _write_table(connection, t, revision, current[t.name], changes[t.name], frames.get(t.name))
        for events in _chunks([e for c in changes.values() for e in _audit_rows(revision, c)], 5000):
            connection.execute(insert(audit), events)
        row = connection.execute(select(revisions).where(revisions.c.id == revision)).one()
    return _revision(row)


def _current_rows(connection, t) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Key -> (row id, cells) of the table's latest rows."""
    data = DATA[t.name]
    columns = t.all_column_names
    out = {}
    for r in connection.execute(select(data.c["_row_id"], *(data.c[c] for c in columns)).where(data.c[REMOVED].is_(None)).order_by(data.c[POSITION], data.c["_row_id"])):
        cells = tuple(r[1:])
        out[row_key(dict(zip(columns, cells)), t)] = (r[0], cells)
    return out


def _write_table(connection, t, revision: int, current: dict, changes: TableChanges, frame: pd.DataFrame | None) -> None:
    """Mark the removed and changed rows' old versions, insert the added and changed rows' new ones."""
    data = DATA[t.name]
    gone = [current[k][0] for k in changes.removed] + [current[k][0] for k in dict.fromkeys(c.key for c in changes.changed)]
    for ids in _chunks(gone):
        connection.execute(update(data).where(data.c["_row_id"].in_(ids)).values({REMOVED: revision}))
    fresh = set(changes.added) | {c.key for c in changes.changed}
    if not fresh:
        return
    columns = t.all_column_names
    cells = frame.reindex(columns=columns).fillna("").astype(str)
    rows = []
    for position, values in enumerate(cells.itertuples(index=False, name=None)):
        record = dict(zip(columns, values))
        if row_key(record, t) in fresh:
            rows.append({**record, ADDED: revision, POSITION: position})
    for part in _chunks(rows, 2000):
        connection.execute(insert(data), part)


def rollback(url: str, to: int, author: str, message: str, base: int | None) -> Revision:
    """Publish revision `to`'s data again as a new revision (the ones after it stay in the history)."""
    if to not in {r.id for r in history(url)}:
        raise NoSuchRevision(f"there is no revision {to}; `db history` lists them")
    return publish(url, read_frames(url, to), author, message, base, origin="rollback", rollback_of=to)


def audit_events(url: str, revision: int | None = None) -> pd.DataFrame:
    """The audit log (of one revision, or all), oldest first: revision, table, key, column, old, new."""
    query = select(audit.c.revision_id, audit.c.table_name, audit.c.row_key, audit.c.column_name, audit.c.old, audit.c.new).order_by(audit.c.id)
    if revision is not None:
        query = query.where(audit.c.revision_id == revision)
    with engine(url).connect() as connection:
        rows = connection.execute(query).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["revision", "table", "key", "column", "old", "new"])


def load(url: str, source: Path, author: str, message: str) -> Revision:
    """Publish a CSV package folder, or a file as the Manage page takes it (an edited
    workbook, a zipped CSV package, an IATI file merged with the latest revision), as the
    next revision (the data steward's `db load`). A workbook's problems name its sheets."""
    if source.is_file():  # read as an upload is: in a worker, within bounds
        from dashboard.store.uploads import read_bounded

        upgrade(url)  # the latest revision is what an IATI file merges with
        latest = latest_id(url)
        frames, problems = read_bounded(source.name, source.read_bytes(), read_frames(url, latest) if latest else {})
    else:
        frames, problems = read_tables(source)
    if problems:
        raise PackageError(str(source), problems)
    upgrade(url)
    return publish(url, frames, author, message, latest_id(url), origin="load")
