"""What an editor uploads, read into the package's tables and checked, and kept as their
draft until they publish or discard it.

Three kinds of file are taken, each recognised by its content as well as its name: the
workbook (`.xlsx`), a zipped CSV package (`.zip`) and UNDP's IATI activity file (`.xml`,
merged with the latest revision as `import-iati` does). Anything else, a file whose content
is not what its name says, or one beyond the bounds of `ingest/bounds.py` (size, what an
archive unpacks to, rows of a sheet, XML nesting, line length) is refused with a message.
Cells are only ever read as text. The app reads uploads through `upload_worker.read_bounded`:
in a process of its own, with a memory and a time limit.

A draft is kept on the server (under the state folder, one per editor), so a refresh or a
new tab finds it again; a draft with problems is kept too, so its report can be read, but
it can never be published: `revisions.publish` checks again.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.ingest.bounds import LIMITS, Limits, archive_problems, file_size_problem
from dashboard.ingest.csv_package import read_tables
from dashboard.ingest.iati import ImportError_
from dashboard.ingest.workbook import read_workbook, sheet_label
from dashboard.schema import TABLES
from dashboard.store.imports import import_iati, write_package
from dashboard.store.upload_worker import read_bounded
from dashboard.validate.problems import Problem
from dashboard.validate.rules import package_problems

KINDS = ("xlsx", "zip", "xml")


def read_upload(name: str, data: bytes, latest: dict[str, pd.DataFrame], limits: Limits = LIMITS) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """The package an uploaded file makes (an IATI file merged with `latest`), and every
    problem. In this process: the app and `db load` call `upload_worker.read_bounded`."""
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if (too_large := file_size_problem(name, len(data), limits)) is not None:
        return {}, [too_large]
    if kind not in KINDS:
        return {}, [Problem(name, None, None, None, "an Excel workbook (.xlsx), a zipped CSV package (.zip) or UNDP's IATI activity file (.xml)")]
    if kind == "xlsx":
        frames, problems = read_workbook(data, name, limits)
        return frames, problems or package_problems(frames, sheet_label)
    if kind == "zip":
        return _read_zip(name, data, limits)
    return _read_iati(name, data, latest)


def _read_zip(name: str, data: bytes, limits: Limits) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return {}, [Problem(name, None, None, None, "a .zip file: this file is not one, whatever its name says")]
    if problems := archive_problems(name, data, limits):
        return {}, problems
    wanted = {t.file_name for t in TABLES}
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(io.BytesIO(data)) as archive:
        # Only our tables' file names are taken, by name, from anywhere in the archive: a
        # member's path is never used as a path here.
        members = {Path(m.filename).name: m for m in archive.infolist() if not m.is_dir() and Path(m.filename).name in wanted}
        if not members:
            return {}, [Problem(name, None, None, None, "the package's CSV files (projects.csv, sources.csv …) in the .zip")]
        for file_name, member in members.items():
            (Path(tmp) / file_name).write_bytes(archive.read(member))
        frames, problems = read_tables(Path(tmp))
    return frames, problems or package_problems(frames)


def _read_iati(name: str, data: bytes, latest: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return {}, [Problem(name, None, None, None, "an XML file: this file is not one, whatever its name says")]
    with tempfile.TemporaryDirectory() as tmp:
        base, xml = Path(tmp) / "base", Path(tmp) / Path(name).name
        write_package(latest or {t.name: pd.DataFrame(columns=t.all_column_names, dtype=object) for t in TABLES}, base)
        xml.write_bytes(data)
        try:
            imported = import_iati([xml], base)
        except ImportError_ as err:
            return {}, [Problem(p.file, p.line, p.element or None, p.value, f"{p.expected}" + (f" (activity {p.activity})" if p.activity else "")) for p in err.problems]
    return imported.frames, []


@dataclass
class Draft:
    """An editor's upload, read and checked, waiting to be published or discarded."""

    file_name: str
    base: int | None  # the revision it was made from (the latest when it was uploaded)
    uploaded_at: float
    frames: dict[str, pd.DataFrame]
    problems: list[Problem] = field(default_factory=list)


def draft_dir(state_dir: Path, url: str, email: str) -> Path:
    """Where an editor's draft for the database at `url` is kept."""
    return state_dir / "drafts" / hashlib.sha256(f"{url}\n{email.strip().lower()}".encode()).hexdigest()[:16]


def save_draft(state_dir: Path, url: str, email: str, draft: Draft) -> None:
    """Keep the draft (replacing the editor's previous one) in one rename."""
    target = draft_dir(state_dir, url, email)
    target.parent.mkdir(parents=True, exist_ok=True)
    content = {
        "file_name": draft.file_name, "base": draft.base, "uploaded_at": draft.uploaded_at,
        "problems": [[p.file, p.row, p.column, p.value, p.expected] for p in draft.problems],
        "tables": {name: {"columns": [str(c) for c in f.columns], "index": [int(i) for i in f.index], "rows": f.astype(object).where(f.notna(), "").values.tolist()}
                   for name, f in draft.frames.items() if f is not None},
    }
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".new-"))
    (staging / "draft.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    old = target.with_name(target.name + ".old")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def load_draft(state_dir: Path, url: str, email: str) -> Draft | None:
    """The editor's draft, or None."""
    path = draft_dir(state_dir, url, email) / "draft.json"
    if not path.exists():
        return None
    content = json.loads(path.read_text(encoding="utf-8"))
    frames = {name: pd.DataFrame(t["rows"], columns=t["columns"], index=t["index"], dtype=object) for name, t in content["tables"].items()}
    return Draft(content["file_name"], content["base"], content["uploaded_at"], frames, [Problem(*p) for p in content["problems"]])


def discard_draft(state_dir: Path, url: str, email: str) -> None:
    shutil.rmtree(draft_dir(state_dir, url, email), ignore_errors=True)


def new_draft(name: str, data: bytes, latest: dict[str, pd.DataFrame], base: int | None) -> Draft:
    """An upload read and checked (in a worker, within bounds), as a draft made from revision `base`."""
    frames, problems = read_bounded(name, data, latest)
    return Draft(name, base, time.time(), frames, problems)
