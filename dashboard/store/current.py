"""The data people see: the package as its files are now, or, while they are bad, the last
good copy, kept on disk so it outlives a restart.

Each state of the files is checked once: the result (package or problems) is kept in this
process under the files' fingerprint, outside Streamlit's caches, so no visitor's
clear-cache message can drop it and no page load re-checks a bad file. The database store
that comes later takes this module's place behind the same `current` call.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.schema import TABLES
from dashboard.store.package import Package, read_package
from dashboard.validate.problems import PackageError, Problem

LOG = logging.getLogger("dashboard.data")
KEEP = 8  # states remembered per process: enough for tests that switch between packages


@dataclass(frozen=True)
class Current:
    """What to show: a package (None when there is none at all), the problems of the files
    as they are now (empty when they are good), and whether the package is the last good copy."""

    package: Package | None
    problems: list[Problem] = field(default_factory=list)
    fallback: bool = False
    good_since: float | None = None  # when the package shown was checked and kept


def fingerprint(directory: Path) -> tuple:
    """Changes whenever a file of the package changes, so edits are seen on the next run."""
    if not directory.is_dir():
        return ()
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*.csv")))


def last_good_dir(directory: Path, state_dir: Path) -> Path:
    """Where the last good copy of the package in `directory` is kept."""
    name = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:16]
    return state_dir / "last-good" / name


def keep_last_good(directory: Path, state_dir: Path) -> None:
    """Copy a package that passed the check to its last-good place, replacing the old copy
    in one rename so a crash never leaves half a copy."""
    target = last_good_dir(directory, state_dir)
    files = [t.file_name for t in TABLES if (directory / t.file_name).exists()]  # optional tables may be left out
    if target.is_dir() and all((target / f).exists() and (target / f).read_bytes() == (directory / f).read_bytes() for f in files):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".new-"))
    for f in files:
        shutil.copyfile(directory / f, staging / f)  # a fresh time: when this state was kept
    old = target.with_name(target.name + ".old")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _check(directory: Path, state_dir: Path) -> Current:
    """Read and check the files once; on problems, fall back to the last good copy."""
    try:
        package = read_package(directory)
    except PackageError as err:
        problems = err.problems
    except Exception as err:  # noqa: BLE001 - whatever the files hold, viewers keep their data
        LOG.exception("reading the data package in %s failed", directory)
        problems = [Problem(directory.name, None, None, None, f"a readable data package ({type(err).__name__})")]
    else:
        try:
            keep_last_good(directory, state_dir)
        except OSError:
            LOG.exception("could not keep a last good copy in %s", state_dir)
        return Current(package, good_since=time.time())
    LOG.warning("the data package in %s has %d problem(s); showing the last good copy:\n%s", directory, len(problems), "\n".join(f"  - {p}" for p in problems))
    copy = last_good_dir(directory, state_dir)
    try:
        fallback = read_package(copy) if copy.is_dir() else None
    except PackageError:
        LOG.exception("the last good copy in %s no longer passes the check", copy)
        fallback = None
    since = min((p.stat().st_mtime for p in copy.glob("*.csv")), default=None) if fallback is not None else None
    return Current(fallback, problems, fallback=True, good_since=since)


_LOCK = threading.Lock()
_CHECKED: dict[tuple, Current] = {}


def current(directory: Path, state_dir: Path) -> Current:
    """The data to show for the package in `directory`, checked once per change of its files."""
    key = (str(directory), fingerprint(directory), str(state_dir))
    with _LOCK:  # one check per change, however many sessions ask at once
        if key not in _CHECKED:
            while len(_CHECKED) >= KEEP:
                _CHECKED.pop(next(iter(_CHECKED)))
            _CHECKED[key] = _check(directory, state_dir)
        return _CHECKED[key]
