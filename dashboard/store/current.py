"""The data people see: the latest revision published in the database, read once per
revision and shared by every session, so a publish in any app process is seen on each
viewer's next interaction.

The data folder on the server (`DASHBOARD_DATA_DIR`, the bundled `data/` by default) feeds
the database. On first start its package becomes the first revision. Afterwards, each new
state of its files is checked once: if the files pass and the latest revision came from
the files too, they are published as the next revision; if someone has since published in
the app or with `db load`, the files are left alone (they would undo that work), and the log
says so. Files that fail the check publish nothing: viewers keep the latest revision (the
last good data, which outlives any restart), and the problems go to the log and to editors.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dashboard.ingest.csv_package import read_tables
from dashboard.store import revisions
from dashboard.store.engine import upgrade
from dashboard.store.package import Package, package_from_frames
from dashboard.validate.problems import Problem
from dashboard.validate.rules import package_problems

LOG = logging.getLogger("dashboard.data")
KEEP = 8  # file states and revisions remembered per process: enough for tests that switch packages
FILES_AUTHOR = "the data folder on the server"
# What a publish from the data folder says of itself: kept in English in the database,
# shown in the reader's language by `present.tables.revision_words`.
FILES_CREATED = "Created from the data package in {folder}/"
FILES_CHANGED = "The files in {folder}/ changed on the server"


@dataclass(frozen=True)
class Current:
    """What to show: the package of the latest revision (None while there is none), the
    problems of the data folder's files as they are now (empty when they are good), whether
    the files are bad so the package shown is the last good data, and when that was published."""

    package: Package | None
    problems: list[Problem] = field(default_factory=list)
    fallback: bool = False
    good_since: float | None = None
    revision: int | None = None


def fingerprint(directory: Path) -> tuple:
    """Changes whenever a file of the package changes, so edits are seen on the next run."""
    if not directory.is_dir():
        return ()
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*.csv")))


def _remember(cache: dict, key, make):
    if key not in cache:
        while len(cache) >= KEEP:
            cache.pop(next(iter(cache)))
        cache[key] = make()
    return cache[key]


def publish_files(url: str, directory: Path) -> list[Problem]:
    """Check the files in `directory`; publish them as the next revision when they pass and
    the database has no edits made elsewhere since the files were last published. Returns
    the files' problems (empty when they pass)."""
    try:
        frames, problems = read_tables(directory)
        problems = problems or package_problems(frames)
    except Exception as err:  # noqa: BLE001 - whatever the files hold, viewers keep their data
        LOG.exception("reading the data package in %s failed", directory)
        problems = [Problem(directory.name, None, None, None, f"a readable data package ({type(err).__name__})")]
    if problems:
        LOG.warning("the data package in %s has %d problem(s); viewers keep the latest published revision:\n%s",
                    directory, len(problems), "\n".join(f"  - {p}" for p in problems))
        return problems
    history = revisions.history(url)
    if history and history[0].origin != "files":
        LOG.info("revision %d was published by %s (%s) after the files in %s were last loaded: the files are not published; "
                 "`python -m dashboard db load` publishes them on purpose", history[0].id, history[0].author, history[0].origin, directory)
        return []
    message = (FILES_CHANGED if history else FILES_CREATED).format(folder=directory.name)
    try:
        revisions.publish(url, frames, FILES_AUTHOR, message, history[0].id if history else None, origin="files")
    except (revisions.NothingChanged, revisions.Conflict):
        pass  # the same files, or another app process published them first
    return []


_LOCK = threading.Lock()
_FILES: dict[tuple, list[Problem]] = {}
_PACKAGES: dict[tuple, Package] = {}
_UPGRADED: set[str] = set()


def _package(url: str, revision: int, directory: Path) -> Package:
    published = next(r for r in revisions.history(url) if r.id == revision)
    return package_from_frames(revisions.read_frames(url, revision), directory, revision=revision, published=published.created_at.timestamp())


_LAST: dict[str, Current] = {}


def current(directory: Path, url: str) -> Current:
    """The data to show: the latest revision in the database at `url`, fed by the files in
    `directory` (checked once per change of the files). While the database does not answer,
    the last revision this process read stays on show."""
    try:
        shown = _current(directory, url)
    except SQLAlchemyError:
        LOG.exception("the database at %s did not answer", make_url(url).render_as_string(hide_password=True))
        last = _LAST.get(url)
        return last or Current(None, [Problem("database", None, None, None, "a database that answers (see the server's log)")])
    _LAST[url] = shown
    return shown


def _current(directory: Path, url: str) -> Current:
    with _LOCK:  # one check per change and one read per revision, however many sessions ask at once
        if url not in _UPGRADED:
            upgrade(url)
            _UPGRADED.add(url)
        problems = _remember(_FILES, (url, str(directory), fingerprint(directory)), lambda: publish_files(url, directory))
        latest = revisions.latest_id(url)
        if latest is None:
            return Current(None, problems)
        package = _remember(_PACKAGES, (url, latest), lambda: _package(url, latest, directory))
    return Current(package, problems, fallback=bool(problems), good_since=package.published, revision=latest)
