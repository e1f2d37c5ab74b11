"""`kill -9` of the process publishing, in the middle of its transaction, on SQLite and on
PostgreSQL: the previous revision stays the latest, whole and readable, and the next
publish goes through (the lock died with the process)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from sqlalchemy.engine import make_url

from dashboard.config import ROOT
from dashboard.store import revisions
from helpers import BUNDLED, in_transaction, seed

# Publishes the latest revision with 100 times as many result rows: long enough a
# transaction to be caught in the middle.
PUBLISH_A_LOT = textwrap.dedent("""
    import sys
    import pandas as pd
    from dashboard.store import revisions
    url = sys.argv[1]
    frames = revisions.read_frames(url)
    results = frames["results"]
    copies = [results.assign(line=(results["line"].astype(int) + 1000 * k).astype(str)) for k in range(1, 100)]
    frames["results"] = pd.concat([results, *copies], ignore_index=True)
    print("publishing", flush=True)
    revisions.publish(url, frames, "crash test", "a large change", base=revisions.latest_id(url))
    print("published", flush=True)
""")


def test_kill_9_during_a_publish_leaves_the_previous_revision_intact(database_url):
    seed(database_url, BUNDLED)
    before = revisions.read_frames(database_url)
    child = subprocess.Popen([sys.executable, "-c", PUBLISH_A_LOT, database_url], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "publishing"
        deadline = time.monotonic() + 60
        while not in_transaction(database_url):
            assert child.poll() is None, "the publish ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert revisions.latest_id(database_url) == 1
    after = revisions.read_frames(database_url)
    assert all(after[name].equals(before[name]) for name in before)
    if make_url(database_url).get_backend_name() == "sqlite":
        with sqlite3.connect(make_url(database_url).database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The lock went with the process: the next publish goes through.
    after["projects"].loc[after["projects"].index[0], "title"] = "After the crash"
    assert revisions.publish(database_url, after, "Li Wei", "After the crash", base=1).id == 2
