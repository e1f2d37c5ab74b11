"""The database: an SQLite file by default, PostgreSQL when `DASHBOARD_DATABASE_URL` says
so, brought to the newest schema by Alembic (`store/migrations/`)."""

from __future__ import annotations

import fcntl
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Readers never wait for a writer (WAL), a busy file is waited for, not failed on, and
    references are enforced as on PostgreSQL."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def engine(url: str) -> Engine:
    """One engine per database URL and process (an engine holds a pool of connections)."""
    with _LOCK:
        if url not in _ENGINES:
            parsed = make_url(url)
            if parsed.get_backend_name() == "sqlite":
                if parsed.database:
                    Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
                made = create_engine(url, connect_args={"timeout": 30})
                event.listen(made, "connect", _sqlite_pragmas)
            else:
                made = create_engine(url, pool_pre_ping=True)
            _ENGINES[url] = made
        return _ENGINES[url]


def alembic_config(url: str) -> Config:
    """Alembic's configuration for the database at `url`, without an alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Create the database's tables, or bring them to the newest schema (a no-op when current).

    App processes starting together would otherwise migrate at once (and the second would
    find the tables made under it): on PostgreSQL an advisory lock held to the end of the
    migration's transaction queues them, on SQLite a lock on a file beside the database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        with open(f"{parsed.database}.migrate-lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            _migrate(url)
    else:
        _migrate(url)


def _migrate(url: str) -> None:
    with engine(url).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(2260)"))
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
