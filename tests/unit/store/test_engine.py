"""App processes starting together on a new database migrate it once, without tripping over
each other; and while the database does not answer, viewers keep the last revision read."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy.exc import OperationalError

from dashboard.config import ROOT
from dashboard.store import current as current_module
from dashboard.store import revisions
from dashboard.store.current import current

UPGRADE = "import sys\nfrom dashboard.store.engine import upgrade\nupgrade(sys.argv[1])\n"


def test_processes_starting_together_migrate_once(database_url):
    starts = [subprocess.Popen([sys.executable, "-c", UPGRADE, database_url], cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in starts]
    assert [p.returncode for p in starts] == [0, 0, 0, 0], errors
    assert revisions.latest_id(database_url) is None  # the tables are there, and empty


def test_while_the_database_does_not_answer_the_last_revision_stays(small_dir, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    shown = current(small_dir, url)

    def no_answer(_url):
        raise OperationalError("SELECT max(id) FROM revisions", {}, Exception("could not connect to server"))

    monkeypatch.setattr(current_module.revisions, "latest_id", no_answer)
    assert current(small_dir, url) is shown
    monkeypatch.setattr(current_module, "_LAST", {})
    nothing = current(small_dir, url)  # a process that never read one: a calm message, not a traceback
    assert nothing.package is None and nothing.problems[0].expected.startswith("a database that answers")


def test_a_database_published_before_provider_type_upgrades_and_reads_it_as_empty(database_url, as_sourced_dir):
    """An office's database made before migration 0002: its revisions stay, and the new
    column reads as empty for the rows published then."""
    from alembic import command
    from sqlalchemy import inspect

    from dashboard.store.engine import alembic_config, engine, upgrade

    upgrade(database_url)
    revisions.load(database_url, as_sourced_dir, "Li Wei", "The bundled package")
    before = revisions.read_frames(database_url)["transactions"]
    with engine(database_url).begin() as connection:  # back to the schema of 0001, data and all
        config = alembic_config(database_url)
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert "provider_type" not in {c["name"] for c in inspect(engine(database_url)).get_columns("data_transactions")}
    upgrade(database_url)
    after = revisions.read_frames(database_url)["transactions"]
    assert revisions.latest_id(database_url) == 1 and len(after) == len(before) and before["provider_type"].ne("").any()
    assert after["provider_type"].eq("").all()
    assert after.drop(columns="provider_type").equals(before.drop(columns="provider_type"))
