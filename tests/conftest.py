"""Fixtures every kind of test uses: fixture packages as read, and writable copies."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from dashboard.store.package import Package, read_package
from helpers import BUNDLED, SMALL, write_as_sourced

# The tests never touch an office's live data: whatever the shell running them exports
# (a production database, data folder or state folder), the app's state and SQLite
# databases go to a folder of this run's own, and servers the tests start inherit that.
for _name in ("DASHBOARD_DATABASE_URL", "DASHBOARD_DATA_DIR", "DASHBOARD_SHOW_PROBLEMS"):
    os.environ.pop(_name, None)
os.environ["DASHBOARD_STATE_DIR"] = tempfile.mkdtemp(prefix="dashboard-state-")


# With DASHBOARD_LOG_READS_BESIDE=FILE, every file or folder this test process opens or
# lists beside the repository (in its parent folder, outside the repository) is written to
# FILE when the run ends: how `tests/unit/test_self_contained.py` proves the tests read
# nothing outside their own tree.
_READS_BESIDE: set[str] = set()


def _watch_reads_beside(root: str) -> None:
    import sys

    parent = os.path.dirname(root)

    def hook(event: str, args: tuple) -> None:
        if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path = os.path.abspath(os.fsdecode(args[0]))
            if path.startswith(parent + os.sep) and not (path + os.sep).startswith(root + os.sep):
                _READS_BESIDE.add(path)

    sys.addaudithook(hook)


if os.environ.get("DASHBOARD_LOG_READS_BESIDE"):
    from dashboard.config import ROOT as _ROOT

    _watch_reads_beside(str(_ROOT))


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("DASHBOARD_LOG_READS_BESIDE"):
        Path(os.environ["DASHBOARD_LOG_READS_BESIDE"]).write_text("".join(f"{p}\n" for p in sorted(_READS_BESIDE)), encoding="utf-8")


@pytest.fixture(scope="session")
def small() -> Package:
    """The small fixture package, read once."""
    return read_package(SMALL)


@pytest.fixture(scope="session")
def as_sourced_dir(tmp_path_factory) -> Path:
    """The bundled package as its sources give it (see `write_as_sourced`): what the tests
    of the bundled data read, so an office's valid additions to `data/` never break them."""
    return write_as_sourced(BUNDLED, tmp_path_factory.mktemp("as-sourced") / "data")


@pytest.fixture(scope="session")
def bundled(as_sourced_dir) -> Package:
    """The bundled data package as its sources give it, read once (for facts from the source documents)."""
    return read_package(as_sourced_dir)


@pytest.fixture
def small_dir(tmp_path: Path) -> Path:
    """A writable copy of the small fixture package."""
    return Path(shutil.copytree(SMALL, tmp_path / "small"))


@pytest.fixture
def bundled_dir(tmp_path: Path, as_sourced_dir) -> Path:
    """A writable copy of the bundled data package as its sources give it."""
    return Path(shutil.copytree(as_sourced_dir, tmp_path / "data"))


def _postgres_program(name: str) -> str:
    """A PostgreSQL program: on PATH, or where Debian's package puts it."""
    found = shutil.which(name) or max(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), default=None)
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} is missing: `make test` installs Debian's postgresql package")
    return found


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server on loopback for this test run (per xdist worker):
    Debian's binaries, trust auth, no fsync. PostgreSQL refuses to run as root, so as root
    it runs as the `postgres` user the package creates. Yields a libpq connection string
    without a database name."""
    # Not under pytest's temporary folder: that one is private to root, and the server's
    # user must reach its files.
    folder = Path(tempfile.mkdtemp(prefix="dashboard-postgres-"))
    folder.chmod(0o777)
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "data"
    subprocess.run([*as_postgres, _postgres_program("initdb"), "-D", str(data), "-A", "trust", "-U", "dashboard", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    subprocess.run([*as_postgres, _postgres_program("pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o", options, "start"],
                   check=True, capture_output=True)
    try:
        yield f"host=127.0.0.1 port={port} user=dashboard"
    finally:
        subprocess.run([*as_postgres, _postgres_program("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """An empty database on the test run's PostgreSQL server, as an SQLAlchemy URL."""
    import psycopg

    server = postgres_server
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    port = server.split("port=")[1].split()[0]
    return f"postgresql+psycopg://dashboard@127.0.0.1:{port}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """An empty database of each kind the store supports, as an SQLAlchemy URL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return request.getfixturevalue("postgres_url")
