"""`kill -9` of the process publishing, in the middle of its transaction, on SQLite and on
PostgreSQL: the previous revision stays the latest, whole and readable, and the next
publish goes through (the lock died with the process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


from dashboard.config import ROOT
from dashboard.store import revisions
from helpers import BUNDLED, assert_intact, kill_9_mid_publish, seed

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
        kill_9_mid_publish(child, database_url, seconds=60)
    finally:
        if child.poll() is None:
            child.kill()
    after = assert_intact(database_url, 1, before)
    # The lock went with the process: the next publish goes through.
    after["projects"].loc[after["projects"].index[0], "title"] = "After the crash"
    assert revisions.publish(database_url, after, "Li Wei", "After the crash", base=1).id == 2
