"""Imports that make a new package: UNDP's IATI files merged with a package, checked by the
same rules as `check`, and written all at once."""

from __future__ import annotations

import csv
import sys
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.ingest.csv_package import read_tables
from dashboard.ingest.measures import measures
from dashboard.ingest.iati import Imported, ImportError_, ImportProblem, Reader, project_rows, link_id, source_id_for
from dashboard.schema import TABLES
from dashboard.schema.descriptor import write_descriptor
from dashboard.validate.rules import package_problems

# The tables each activity adds rows to, and the columns its rows give (the project, the
# output and the line number within the project are added once the whole file is read).
PER_ACTIVITY = {
    t.name: [c for c in t.all_column_names if c not in ("project_id", "output_id", "line")]
    for t in TABLES if t.name in ("budgets", "transactions", "results", "partners", "locations")
}


def import_iati(paths: list[Path], base_dir: Path):
    """The base package merged with every activity of the IATI files, checked by the same
    rules as `check`. Raises ImportError_ with every problem; nothing is half-imported."""
    frames, base_problems = read_tables(base_dir)
    if base_problems:
        raise ImportError_([ImportProblem(p.file, p.row, "", "", f"a valid base package ({p})") for p in base_problems])
    source_ids = [source_id_for(path) for path in paths]
    reviewed = reviewed_measures(frames["results"])  # before a re-import replaces the rows
    all_project_of: dict[str, str] = {}
    all_output_of: dict[str, str] = {}
    for name, base in frames.items():
        if "source_id" in base.columns:
            # A re-import replaces what an earlier import of the same file brought in.
            frames[name] = base[~base["source_id"].isin(source_ids) & ~base["source_id"].str.startswith("iati-doc-")]
    new: dict[str, list[dict]] = {t.name: [] for t in TABLES}
    # Rows of the tables an activity fills in bulk, packed as it is read (the activity's
    # dicts are let go at once): a large file then holds one compact tuple per row, not a
    # dict, and the activity's project is added afterwards, a column at a time.
    packed: dict[str, list[tuple]] = {name: [] for name in PER_ACTIVITY}
    problems: list[ImportProblem] = []
    unused: Counter[str] = Counter()
    notes: list[str] = []
    seen: dict[str, tuple[str, int]] = {}
    for path, source_id in zip(paths, source_ids):
        reader = Reader(path, source_id)
        activities = []
        links: list[tuple[str, dict]] = []
        for a in reader.activities():
            if a.identifier and a.identifier in seen:
                where = seen[a.identifier]
                reader.problems.append(ImportProblem(path.name, a.line, a.identifier, "iati-identifier", f"each activity once; it first appears in {where[0]}, line {where[1]}"))
                continue
            if not a.identifier:
                continue
            seen[a.identifier] = (path.name, a.line)
            for row in a.rows["locations"]:
                if row["_disagreement"]:
                    notes.append(f"{path.name}, {row['section']}: {row['_disagreement']}; placed by its point")
            for name, columns in PER_ACTIVITY.items():
                packed[name] += [(a.identifier, *(_shared(row.get(c, "")) for c in columns)) for row in a.rows[name]]
            links += [(a.identifier, link) for link in a.rows["links"]]
            a.rows = {}
            activities.append(a)
        problems += reader.problems
        unused += reader.unused
        if reader.problems:
            continue
        source = {"source_id": source_id}
        project_of, output_of, projects, outputs, differences = project_rows(activities, frames["projects"], source)
        for a in activities:
            if a.identifier not in project_of:
                problems.append(ImportProblem(path.name, a.line, a.identifier, "related-activity", "an output linked to a project in the same file (related-activity type 1)"))
        publisher = {"publisher": reader.publisher, "publisher_zh": "联合国开发计划署" if reader.publisher.lower() == "united nations development programme" else ""}
        new["sources"].append({
            "source_id": source_id, "file_name": path.name, "kind": "dataset",
            "title": f"UNDP's published activity data (IATI), {path.name}", "title_zh": f"开发计划署公布的项目数据（IATI），{path.name}",
            **publisher, "date": reader.generated,
            "note": "Imported with python -m dashboard import-iati; every record names the activity, element and line it comes from.",
            "note_zh": "由 python -m dashboard import-iati 导入；每条记录均注明所出自的项目、元素和行号。",
        })
        new["projects"] += projects
        new["outputs"] += outputs
        new["differences"] += differences
        new["sources"] += [{"source_id": link_id(project_of[identifier], link["url"]), "kind": "link", "title": link["title"], **publisher,
                            "date": link["date"], "project_id": project_of[identifier], "url": link["url"],
                            "note": link["section"], "note_zh": link["section"]} for identifier, link in links if identifier in project_of]
        all_project_of.update(project_of)
        all_output_of.update(output_of)
    if problems:
        raise ImportError_(problems)
    merged = {}
    counts = {}
    for table in TABLES:
        base = frames[table.name]
        if table.name in PER_ACTIVITY:
            rows = _with_projects(packed.pop(table.name), table, all_project_of, all_output_of)
            if table.name == "results":
                rows = with_measures(rows, reviewed)
        else:
            rows = pd.DataFrame(new[table.name], columns=list(dict.fromkeys([*table.all_column_names, *(k for r in new[table.name] for k in r)])), dtype=object).fillna("")
        rows = rows.drop_duplicates([c for c in table.primary_key])  # the same partner in a project and its outputs
        rows = rows[table.all_column_names]
        counts[table.name] = len(rows)
        start = (base.index.max() + 1) if len(base) else 2
        rows.index = range(start, start + len(rows))
        merged[table.name] = pd.concat([base, rows]) if len(base) else rows
    checked = package_problems(merged)
    if checked:
        raise ImportError_([ImportProblem(p.file, None, "", p.column or "", f"{p.expected} (row {p.row} of the merged package)", p.value) for p in checked])
    return Imported(merged, counts, unused, notes)


def _measure_key(frame: pd.DataFrame) -> pd.Series:
    """What identifies an indicator across imports: its project and its wording."""
    return frame["project_id"].astype(str) + "\x1f" + frame["indicator"].astype(str) + "\x1f" + frame["indicator_description"].fillna("").astype(str)


def reviewed_measures(results: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Indicator key -> (measure, basis) for every measure a person reviewed."""
    if results.empty or "measure_basis" not in results.columns:
        return {}
    done = results[results["measure_basis"].fillna("").astype(str).str.startswith("reviewed")]
    return dict(zip(_measure_key(done), zip(done["measure"], done["measure_basis"])))


def with_measures(rows: pd.DataFrame, reviewed: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Imported results rows with a measure: the one a person reviewed for the same
    indicator, else the wording rules' suggestion."""
    suggested = measures(rows.drop(columns=["measure", "measure_basis"], errors="ignore"))
    keys = _measure_key(rows)
    kept = [reviewed.get(k) for k in keys]
    rows = rows.copy()
    rows["measure"] = [k[0] if k else m for k, m in zip(kept, suggested["measure"])]
    rows["measure_basis"] = [k[1] if k else b for k, b in zip(kept, suggested["measure_basis"])]
    return rows


def _shared(value: str) -> str:
    """One copy of a short value however often it recurs (dates, amounts, names, codes: a
    large file repeats them tens of thousands of times)."""
    return sys.intern(value) if len(value) <= 64 else value


def _with_projects(packed: list[tuple], table, project_of: dict[str, str], output_of: dict[str, str]) -> pd.DataFrame:
    """Packed rows (activity identifier first) as the table's frame: each row under its
    activity's project (and output), numbered within the project in the file's order."""
    names = ["_activity", *PER_ACTIVITY[table.name]]
    columns = list(zip(*packed)) or [()] * len(names)
    del packed[:]  # the tuples are let go as soon as the columns hold the values
    # Object columns that hold the strings already read: pandas' own string type would copy
    # every value into Arrow (and back again for the checks).
    rows = pd.DataFrame({name: np.array(column, dtype=object) for name, column in zip(names, columns)}, dtype=object)
    del columns
    rows["project_id"] = rows["_activity"].map(project_of)
    rows = rows[rows["project_id"].notna()]  # an output with no project: reported already
    columns = set(table.all_column_names)
    if "output_id" in columns:
        rows["output_id"] = rows["_activity"].map(output_of).fillna("")
    if "line" in columns:
        rows["line"] = (rows.groupby("project_id", sort=False).cumcount() + 1).astype(str)
    return rows.drop(columns="_activity").astype(object)


def write_csv(out, frame: pd.DataFrame, table) -> None:
    """A table as its CSV file: the schema's columns, every value as it is (the package is for
    programs; files meant for spreadsheets are made inert where they are written)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.all_column_names)
    writer.writerows(frame[table.all_column_names].itertuples(index=False))


def write_package(frames: dict, out_dir: Path) -> None:
    """Write the package's CSV files and its descriptor into `out_dir`, all at once:
    into a fresh folder beside it, then renamed into place."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}-new-"))
    try:
        if out_dir.is_dir():
            tables = {t.file_name for t in TABLES}
            for extra in out_dir.iterdir():  # keep the descriptor, the IATI files and anything else beside the tables
                if extra.is_dir():
                    shutil.copytree(extra, staging / extra.name, symlinks=True)
                elif extra.name not in tables:
                    shutil.copy2(extra, staging / extra.name)
        for table in TABLES:
            with (staging / table.file_name).open("w", encoding="utf-8", newline="") as out:  # row by row: a large package is never all in memory as text
                write_csv(out, frames[table.name], table)
        write_descriptor(staging)  # every package written is a Frictionless data package
        old = out_dir.with_name(f".{out_dir.name}-old")
        if out_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
            out_dir.rename(old)
        staging.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
