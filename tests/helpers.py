"""Helpers shared by the unit, app and browser tests: fixture packages, edits to a
package's CSV files, filtered views, and running a page in AppTest."""

from __future__ import annotations

import csv
import re
import sqlite3
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from streamlit.testing.v1 import AppTest

from dashboard.config import APP_SCRIPT, BUNDLED_DATA_DIR
from dashboard.domain.filters import Filters, View, apply_filters
from dashboard.schema import TABLE_BY_NAME
from dashboard.store.package import Package

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The four source documents the curated records come from, by file name (their
# identifiers). Written here, not read from anywhere: the tests stand on the repository alone.
SEED_DOCUMENTS = ("000_5b926ff52a23eeec.txt", "001_27104a3adfc9f6dd.txt", "002_fac5cfd25d319d64.txt", "003_fd0242e68bc676bc.txt")
SMALL = FIXTURES / "small"  # three fictitious projects, built to exercise every rule
BUNDLED = BUNDLED_DATA_DIR
PAGES = ("overview", "map", "reach", "funding", "results", "milestones", "projects", "sources", "present", "history")


def write_as_sourced(package_dir: Path, target: Path) -> Path:
    """The package in `package_dir` as its sources give it, written to `target`: the records
    citing the seed documents, as the package holds them, merged with a fresh import of the
    IATI files in its `iati/` folder. Whatever else an office adds (a new report, its
    projects, new lines for documented projects) is left out, so the tests that read this
    assert what the sources say and never count the office's additions."""
    from dashboard.ingest.csv_package import read_tables
    from dashboard.store.imports import import_iati, write_package

    frames, problems = read_tables(package_dir)
    assert not problems, problems
    sources = frames["sources"]
    documents = sources["kind"].eq("reference") | (sources["kind"].eq("document") & sources["file_name"].isin(SEED_DOCUMENTS))
    cited = set(sources.loc[documents, "source_id"])
    base = target.with_name(f"{target.name}-documents")
    write_package({n: f[f["source_id"].isin(cited)] if f is not None and "source_id" in f.columns else f for n, f in frames.items()}, base)
    write_package(import_iati(sorted((package_dir / "iati").glob("*.xml")), base).frames, target)
    return target


def same_rows(part, whole) -> bool:
    """Whether every row of frame `part` is in frame `whole` (as often), whatever the order."""
    from collections import Counter

    def rows(frame):
        return Counter(map(tuple, frame.astype(object).where(frame.notna(), None).values.tolist()))

    return not rows(part) - rows(whole)


def view_of(package: Package, **filters) -> View:
    """The package filtered as `Filters(**filters)` says."""
    return apply_filters(package, Filters(**filters))


def one(frame, **match):
    """The single row of `frame` whose columns equal `match` (fails unless exactly one)."""
    rows = frame
    for column, value in match.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, (match, len(rows))
    return rows.iloc[0]


def read_rows(directory: Path, table: str) -> list[dict[str, str]]:
    """A table's rows as dicts of text (none for an optional table the package leaves out)."""
    path = directory / f"{table}.csv"
    if TABLE_BY_NAME[table].optional and not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_rows(directory: Path, table: str, rows: list[dict[str, str]]) -> None:
    """Write a table's rows, every declared column in order (missing cells empty)."""
    columns = TABLE_BY_NAME[table].all_column_names
    with (directory / f"{table}.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in columns} for r in rows)


def append_rows(directory: Path, table: str, *rows: dict[str, str]) -> None:
    """Add rows at the end of a table."""
    write_rows(directory, table, read_rows(directory, table) + list(rows))


def edit_cell(directory: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell; `row` is the spreadsheet row (header = 1)."""
    rows = read_rows(directory, table)
    rows[row - 2][column] = value
    write_rows(directory, table, rows)


def row_of(directory: Path, table: str, **match: str) -> int:
    """The spreadsheet row of the first row whose cells equal `match`."""
    for number, r in enumerate(read_rows(directory, table), start=2):
        if all(r[k] == v for k, v in match.items()):
            return number
    raise LookupError(f"no row in {table} with {match}")


def shown(markdown: object) -> str:
    """What a reader sees of Markdown the app escaped: the text without its backslashes."""
    return re.sub(r"\\(.)", r"\1", str(markdown))


def open_page(page: str, query: dict[str, str | list[str]] | None = None, tables: bool = False, section: tuple[str, str] | None = None) -> AppTest:
    """Run the app as a person opening /<page>?<query> would, and return the test handle;
    `section` (the key of a page's sections and the label of one) opens that section, and
    `tables` then opens every figure's Table view."""
    at = AppTest.from_file(str(APP_SCRIPT), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"../../pages/{page}.py").run()
    if section:
        at.session_state[section[0]] = section[1]
        at.run()
    if tables:
        from dashboard.present.i18n import t

        show_tables(at, t("view.table", str((query or {}).get("lang", "en"))))
    return at


def show_tables(at: AppTest, label: str = "Table") -> AppTest:
    """Every figure switched to its Table view (`label` in the page's language) and the page
    run again: a figure sends its table only once that view is chosen."""
    for key in [k for k in at.session_state.keys() if str(k).endswith("-view")]:
        at.session_state[key] = label
    return at.run()


def all_text(at: AppTest) -> list[str]:
    """Every string a person reads on the page, from the element tree."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        texts += [shown(e.value) for e in getattr(at, kind)]
    texts += [shown(m.label) for m in at.metric] + [str(m.value) for m in at.metric]
    texts += [t.label for t in at.tabs]
    texts += [b.label for b in at.button] + [w.label for w in at.multiselect] + [w.label for w in at.selectbox]
    for frame in at.dataframe:
        texts += [str(c) for c in frame.value.columns]
    return texts


def metrics(at: AppTest) -> dict[str, str]:
    """Headline cards: label -> value."""
    return {shown(m.label): m.value for m in at.metric}


# Every kind of thing a data cell could try to be: markup, script, a form, a style, a frame,
# Markdown, maths, Streamlit's colour and emoji codes and a bare address. Each part carries
# HOSTILE so a test can find anything it caused.
HOSTILE = (
    '=HYPERLINK("http://hostile.example/","FORMULAHOSTILE")'
    '<script>window.hostile=1</script><img src="http://hostile.example/i.png" onerror="alert(1)" data-hostile="img">'
    '<iframe src="http://hostile.example/" data-hostile="iframe"></iframe>'
    '<form action="http://hostile.example/" data-hostile="form"><input type="password"></form>'
    "<style>body{background:rgb(1,2,3)!important}</style><b>BOLDHOSTILE</b> "
    "**STRONGHOSTILE** _EMHOSTILE_ [LINKHOSTILE](http://hostile.example/) $MATHHOSTILE$ "
    ":red[REDHOSTILE] :smile: `CODEHOSTILE` www.hostile.example &amp;HOSTILE"
)


def free_text_columns(table) -> list[str]:
    """The columns of a table that hold free text (names, titles, notes): not ids, codes,
    code-list values, numbers or dates."""
    key = set(table.primary_key)
    out = []
    for col in table.columns:
        if col.type == "string" and not col.allowed and not col.references and not col.pattern and col.name not in key:
            out += [col.name] + ([f"{col.name}_zh"] if col.translatable else [])
    return out


def hostile_package(source: Path, target: Path) -> Path:
    """A copy of the package at `source` with `HOSTILE` before every free-text cell (place
    names checked against a province code are kept, so they still match)."""
    target.mkdir(parents=True, exist_ok=True)
    for table in TABLE_BY_NAME.values():
        rows = read_rows(source, table.name)
        checked = table.place_check
        for r in rows:
            for column in free_text_columns(table):
                if checked and column == checked[0] and r[checked[1]]:
                    continue
                # The payload first, so every text also starts like a spreadsheet formula.
                r[column] = f"{HOSTILE} {r[column]}".strip()
        write_rows(target, table.name, rows)
    return target


def in_transaction(url: str) -> bool:
    """Whether another connection holds the store's publish lock right now."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        connection = sqlite3.connect(parsed.database, timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:  # "database is locked": a writer is in its transaction
            return True
        finally:
            connection.close()
    with psycopg.connect(host=parsed.host, port=parsed.port, user=parsed.username, dbname=parsed.database) as connection:
        return connection.execute("""SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                                     WHERE c.relname = 'store_lock' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()""").fetchone()[0] > 0


def kill_9_mid_publish(process, url: str, seconds: float = 120) -> None:
    """`kill -9` the `process` as soon as it holds the store's publish lock (it is writing a revision)."""
    import os
    import signal
    import time

    deadline = time.monotonic() + seconds
    while not in_transaction(url):
        assert process.poll() is None and time.monotonic() < deadline, "the publish ended, or never began, before it could be interrupted"
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL


def assert_intact(url: str, latest: int, before: dict):
    """That revision `latest` is still the latest, cell for cell as `before`, and an SQLite
    file passes its integrity check; returns the frames read back."""
    from dashboard.store import revisions

    assert revisions.latest_id(url) == latest
    after = revisions.read_frames(url)
    assert all(after[name].equals(before[name]) for name in before)
    if make_url(url).get_backend_name() == "sqlite":
        with sqlite3.connect(make_url(url).database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return after


def seed(url: str, directory) -> int:
    """A database at `url` holding the package in `directory` as its latest revision, as the
    app's first start makes it; returns that revision's number."""
    from dashboard.store import revisions
    from dashboard.store.current import publish_files
    from dashboard.store.engine import upgrade

    upgrade(url)
    assert publish_files(url, Path(directory)) == []
    return revisions.latest_id(url)


# A valid growth of the package an office might make: a new report (cited as its source)
# bringing 70 projects, each with a funding line, a province, a reach figure and a
# policy-uptake milestone, and new lines for three documented projects.
OFFICE_PROVINCES = (("630000", "Qinghai"), ("510000", "Sichuan"), ("530000", "Yunnan"), ("450000", "Guangxi"),
                    ("650000", "Xinjiang"), ("540000", "Tibet"), ("150000", "Inner Mongolia"))


def add_office_report(directory: Path, projects: int = 70, year: int = 2026) -> Path:
    """Add the office's report of `year` and what it brings (see above) to the package in `directory`."""
    src = {"source_id": f"progress-{year}", "section": "Annex 1"}
    append_rows(directory, "sources", {"source_id": src["source_id"], "file_name": f"progress-{year}.pdf", "kind": "document", "title": f"Portfolio progress report {year}",
                                       "title_zh": f"{year}年项目组合进展报告", "publisher": "UNDP China", "publisher_zh": "联合国开发计划署驻华代表处", "date": f"{year}-11-30"})
    rows: dict[str, list[dict]] = {"projects": [], "funding": [], "locations": [], "reach": [], "milestones": []}
    for i in range(projects):
        pid, (code, province) = f"report-{year}-{i:02d}", OFFICE_PROVINCES[i % len(OFFICE_PROVINCES)]
        n = f"{i}" if year == 2026 else f"{i} ({year})"
        rows["projects"].append({"project_id": pid, "title": f"Village planning pilot {n}", "title_zh": f"村庄规划试点{n}", "short_title": f"Village pilot {n}",
                                 "short_title_zh": f"村庄试点{n}", "description": "Village planning pilots.", "description_zh": "村庄规划试点。",
                                 "start": "2024-01", "status": "ongoing", "themes": "rural_development", **src})
        rows["funding"].append({"project_id": pid, "line": "1", "funder_as_named": "UNDP", "funder": "UNDP", "funder_zh": "联合国开发计划署", "funder_type": "undp",
                                "amount_usd": str(100_000 + 1_000 * i), "qualifier": "exact", **src})
        rows["locations"].append({"project_id": pid, "place_as_written": province, "province_code": code, "admin_level": "province", "role": "pilot_province", **src})
        rows["reach"].append({"project_id": pid, "line": "1", "measure": "participants", "value": str(50 + i), "qualifier": "exact", "unit": "people",
                              "audience": "Farmers trained", "audience_zh": "接受培训的农民", "period_from": "2024", "as_of": "2025-12", **src})
        rows["milestones"].append({"milestone_id": f"{pid}-rules", "project_id": pid, "date": "2025-06", "date_qualifier": "on", "kind": "policy_uptake",
                                   "title": "Village planning rules adopted", "title_zh": "村庄规划规定获采纳", "status": "achieved", "scope": "provincial", "province_code": code, **src})
    rows["funding"].append({"project_id": "xiaokang", "line": str(year), "funder_as_named": "Ford Foundation", "funder": "Ford Foundation", "funder_zh": "福特基金会",
                            "funder_type": "other", "amount_usd": "300000", "qualifier": "exact", **src})
    rows["reach"].append({"project_id": "iprcc-ssc", "line": str(year), "measure": "participants", "value": "200", "qualifier": "exact", "unit": "people",
                          "audience": "Officials trained", "audience_zh": "接受培训的官员", "period_from": "2012", "as_of": "2013-12", **src})
    place, code = ("Sichuan", "510000") if year == 2026 else ("Hunan", "430000")
    rows["locations"].append({"project_id": "alp-3", "place_as_written": place, "province_code": code, "admin_level": "province", "role": "training_of_trainers", **src})
    rows["milestones"].append({"milestone_id": f"xk-fyp12-{year}", "project_id": "xiaokang", "date": "2011-03", "date_qualifier": "on", "kind": "policy_uptake",
                               "title": "Indicators in the 12th plan", "title_zh": "指标纳入十二五规划", "five_year_plan": "12", "count": "5", "status": "achieved", "scope": "national", **src})
    for table, new in rows.items():
        append_rows(directory, table, *new)
    return directory


# What the officer adds in the walk-through of docs/data.md: a project working in two provinces,
# with its source, one funding line, one reach figure and one policy-uptake milestone.
OFFICER_ROWS = {
    "sources": [{"source_id": "doc-air", "file_name": "doc-air.pdf", "kind": "document", "title": "Clean Air Pilot: inception report",
                 "title_zh": "清洁空气试点：启动报告", "publisher": "UNDP China", "publisher_zh": "开发计划署驻华代表处", "date": "2026-03"}],
    "projects": [{"project_id": "clean-air", "title": "Clean Air Pilot", "title_zh": "清洁空气试点", "short_title": "Clean Air",
                  "short_title_zh": "清洁空气", "description": "Pilots air-quality planning in two provinces.", "description_zh": "在两个省份试点空气质量规划。",
                  "start": "2026-01", "end": "2028-12", "status": "ongoing", "undp_project_id": "00099001", "total_budget_usd": "750000",
                  "themes": "climate_environment", "source_id": "doc-air", "section": "1. Summary"}],
    "locations": [{"project_id": "clean-air", "place_as_written": "Hebei", "province_code": "130000", "admin_level": "province", "role": "pilot_province",
                   "source_id": "doc-air", "section": "1. Summary"},
                  {"project_id": "clean-air", "place_as_written": "Shanxi", "province_code": "140000", "admin_level": "province", "role": "pilot_province",
                   "source_id": "doc-air", "section": "1. Summary"}],
    "funding": [{"project_id": "clean-air", "line": "1", "funder_as_named": "UNDP", "funder": "UNDP", "funder_zh": "联合国开发计划署", "funder_type": "undp",
                 "amount_usd": "750000", "qualifier": "exact", "source_id": "doc-air", "section": "2. Budget"}],
    "reach": [{"project_id": "clean-air", "line": "1", "measure": "participants", "value": "4321", "qualifier": "exact", "unit": "people",
               "audience": "Environment officials trained", "audience_zh": "接受培训的环境官员", "as_of": "2026-10", "source_id": "doc-air", "section": "3. Results"}],
    "milestones": [{"milestone_id": "air-plan", "project_id": "clean-air", "date": "2026-09", "date_qualifier": "on", "kind": "policy_uptake",
                    "title": "Air-quality indicators adopted in the provincial plan", "title_zh": "空气质量指标纳入省级规划", "status": "achieved",
                    "scope": "provincial", "province_code": "130000", "source_id": "doc-air", "section": "3. Results"}],
}


def officer_workbook(book_bytes: bytes) -> bytes:
    """The downloaded workbook with `OFFICER_ROWS` typed in below the existing rows."""
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(book_bytes))
    for table, rows in OFFICER_ROWS.items():
        sheet = book[table]
        columns = [c.value for c in sheet[1]]
        for values in rows:
            row = sheet.max_row + 1
            for name, value in values.items():
                sheet.cell(row=row, column=columns.index(name) + 1, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
