"""Hypothesis strategies: valid data packages drawn from the schema declaration, including
empty tables and packages with no dates, no funding and no places.

Each column's values follow its declaration (type, code list, minimum, pattern, reference);
the rules that span columns (keys, ordered dates, place names, budget totals) are then met
by construction, so every drawn package passes the check.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from dashboard import places
from dashboard.dates import date_bounds
from dashboard.schema import LIST_SEPARATOR, TABLES, Column, Table
from helpers import write_rows

# Text as data brings it: any script, punctuation and markup, never empty after stripping.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(str.strip).filter(bool)
PROVINCES = {r["code"]: r["name_en"] for r in places.province_rows()}


def partial_date(draw) -> str:
    year = draw(st.integers(1980, 2035))
    form = draw(st.sampled_from(["year", "month", "day"]))
    if form == "year":
        return str(year)
    month = draw(st.integers(1, 12))
    return f"{year}-{month:02d}" if form == "month" else f"{year}-{month:02d}-{draw(st.integers(1, 28)):02d}"


def cell(draw, col: Column, keys: dict[str, list[str]], row: int) -> str:
    """One valid value for `col` ('' where the column may be empty and the draw says so)."""
    if col.may_be_empty and draw(st.booleans()):
        return ""
    if col.references:
        table, _ = col.references
        pool = sorted(PROVINCES) if table == "provinces" else keys.get(table, [])
        return draw(st.sampled_from(pool)) if pool else ""
    if col.type == "list":
        return LIST_SEPARATOR.join(draw(st.lists(st.sampled_from(col.allowed), min_size=1, max_size=3, unique=True)))
    if col.allowed:
        return draw(st.sampled_from(col.allowed))
    if col.type == "date":
        return partial_date(draw)
    if col.type in ("integer", "number"):
        low = int(col.minimum or 0)
        value = draw(st.integers(low, int(col.maximum) if col.maximum is not None else 5_000_000))
        return str(value)
    if col.name in ("undp_project_id", "undp_output_id"):
        return f"{draw(st.integers(0, 99_999_999)):08d}"
    if col.name == "url":
        return f"https://example.org/doc-{row}"
    if col.name == "admin_code":
        return ""  # a division code must belong to the place's province; the place rows below name provinces
    if col.name == "measure_basis":
        return draw(st.sampled_from(["", "rule: people-count", "rule: fits-neither", "reviewed by <b>Li</b> & 王芳 on 2026-12-08"]))
    if col.pattern:
        return f"{col.name.split('_')[0]}-{row}"
    return draw(TEXT)


def rows_of(draw, table: Table, keys: dict[str, list[str]], count: int) -> list[dict[str, str]]:
    """`count` valid rows of `table`, cross-column rules met."""
    rows = []
    for i in range(count):
        r = {}
        for col in table.columns:
            r[col.name] = cell(draw, col, keys, i)
            if col.translatable:
                r[f"{col.name}_zh"] = draw(st.one_of(st.just(""), TEXT))
        if not all(r[c.name] for c in table.columns if c.references and not c.may_be_empty):
            continue  # nothing to refer to: no such row can exist
        for start, end in table.ordered_dates:
            if r[start] and r[end] and ends_before(r[start], r[end]):
                r[start], r[end] = r[end], r[start]
        if table.place_check:
            name, code = table.place_check
            if r[code]:
                # A province named by its name, with no point that could put it elsewhere.
                r[name], r["admin_level"], r["latitude"], r["longitude"] = PROVINCES[r[code]], "province", "", ""
        if "line" in r:
            r["line"] = str(i + 1)  # keys stay unique
        rows.append(r)
    unique = {tuple(r[k] for k in table.primary_key): r for r in reversed(rows)}
    return [r for r in rows if unique[tuple(r[k] for k in table.primary_key)] is r]


def ends_before(start: str, end: str) -> bool:
    """Whether `end` (a date or a year) comes wholly before `start`."""
    if len(start) == 4 and len(end) == 4 and start.isdigit() and end.isdigit():
        return int(end) < int(start)
    return date_bounds(end)[1] < date_bounds(start)[0]


@st.composite
def valid_packages(draw, directory: Path) -> Path:
    """A valid package written to `directory`: up to 3 sources and 4 projects, up to 5 rows
    in every other table, any table possibly empty."""
    keys: dict[str, list[str]] = {}
    tables: dict[str, list[dict[str, str]]] = {}
    for table in TABLES:  # declared in reference order: sources, then projects, ...
        most = {"sources": 3, "projects": 4}.get(table.name, 5)
        rows = rows_of(draw, table, keys, draw(st.integers(0, most)))
        tables[table.name] = rows
        if len(table.primary_key) == 1:
            keys[table.name] = [r[table.primary_key[0]] for r in rows]
    # A stated budget must equal the project's funding lines; leave it out unless it does.
    for p in tables["projects"]:
        lines = [f["amount_usd"] for f in tables["funding"] if f["project_id"] == p["project_id"]]
        p["total_budget_usd"] = str(sum(int(v) for v in lines)) if lines and all(lines) and draw(st.booleans()) else ""
    directory.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_rows(directory, name, rows)
    return directory
