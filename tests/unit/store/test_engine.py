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
