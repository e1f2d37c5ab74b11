"""The store, on SQLite and on a real PostgreSQL server alike: a package goes in and comes
out cell for cell; a publish is a revision with who, when, why and counts, and every
changed cell in the audit log; earlier revisions stay readable; a stale change is refused
with what changed meanwhile; rollback is a new revision; an invalid package or a missing
message publishes nothing; the migrations build exactly the tables the schema declares."""

from __future__ import annotations

import json
import threading

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from dashboard.ingest.csv_package import read_tables
from dashboard.schema import TABLES
from dashboard.store import revisions
from dashboard.store.db_schema import metadata
from dashboard.store.engine import engine, upgrade
from dashboard.validate.problems import PackageError
from helpers import BUNDLED, SMALL, seed


def frames_of(directory) -> dict[str, pd.DataFrame]:
    frames, problems = read_tables(directory)
    assert not problems
    return frames


def same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> bool:
    return all(a[t.name].reset_index(drop=True).astype(object).equals(b[t.name].reset_index(drop=True).astype(object)) for t in TABLES)


def test_the_migrations_build_the_tables_the_schema_declares(database_url):
    upgrade(database_url)
    upgrade(database_url)  # a second upgrade is a no-op
    with engine(database_url).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_a_package_comes_out_cell_for_cell_with_its_leading_zeros(database_url):
    first = seed(database_url, BUNDLED)
    assert first == 1 and seed(database_url, BUNDLED) == 1  # seeded once
    out = revisions.read_frames(database_url)
    assert same(out, frames_of(BUNDLED))
    assert "00056242" in set(out["projects"]["undp_project_id"]) | set(out["outputs"]["undp_output_id"])
    first = revisions.history(database_url)[0]
    assert first.origin == "files" and first.message == "Created from the data package in data/"
    assert first.counts["projects"] == {"rows": len(out["projects"]), "added": len(out["projects"]), "changed": 0, "removed": 0}


def test_a_publish_records_who_why_and_every_changed_cell(database_url):
    seed(database_url, SMALL)
    before = revisions.read_frames(database_url)
    edited = {name: frame.copy() for name, frame in before.items()}
    row = edited["projects"].index[edited["projects"]["project_id"] == "river"][0]
    edited["projects"].loc[row, "title"] = "River Pilot, second phase"
    edited["milestones"] = edited["milestones"].iloc[1:]  # one removed
    new_row = edited["funding"].iloc[[0]].assign(line="9", amount_usd="123")
    edited["funding"] = pd.concat([edited["funding"], new_row])  # one added, and the project's total with it
    total = int(edited["projects"].loc[row, "total_budget_usd"]) + 123
    edited["projects"].loc[row, "total_budget_usd"] = str(total)
    revision = revisions.publish(database_url, edited, "Li Wei", "Second phase title, one milestone withdrawn, one grant", base=1)
    assert (revision.id, revision.author, revision.base_id, revision.origin) == (2, "Li Wei", 1, "load")
    assert revision.counts["projects"]["changed"] == 1 and revision.counts["milestones"]["removed"] == 1 and revision.counts["funding"]["added"] == 1
    events = revisions.audit_events(database_url, 2)
    assert set(events.loc[events["table"] == "projects", "column"]) == {"title", "total_budget_usd"}
    title = events[(events["table"] == "projects") & (events["column"] == "title")]
    assert list(title[["key", "old", "new"]].itertuples(index=False, name=None)) == [("river", before["projects"].loc[row, "title"], "River Pilot, second phase")]
    added = events[(events["table"] == "funding") & events["old"].isna()]
    assert json.loads(added["new"].iloc[0])["amount_usd"] == "123"
    removed = events[(events["table"] == "milestones") & events["new"].isna()]
    assert len(removed) == 1 and removed["column"].iloc[0] == "*"
    # The latest revision has the change; revision 1 is still there as it was.
    assert same(revisions.read_frames(database_url), edited)
    assert same(revisions.read_frames(database_url, 1), before)


def test_a_stale_change_is_refused_with_what_changed_meanwhile(database_url):
    seed(database_url, SMALL)
    mine, theirs = revisions.read_frames(database_url), revisions.read_frames(database_url)
    theirs["projects"].loc[theirs["projects"].index[0], "title"] = "Their title"
    mine["projects"].loc[mine["projects"].index[0], "title"] = "My title"
    revisions.publish(database_url, theirs, "Zhang Min", "Their fix", base=1)
    with pytest.raises(revisions.Conflict) as refused:
        revisions.publish(database_url, mine, "Li Wei", "My fix", base=1)
    assert "revision 2 by Zhang Min" in str(refused.value) and '"Their fix"' in str(refused.value) and "projects +0 ~1 -0" in str(refused.value)
    assert revisions.latest_id(database_url) == 2
    assert revisions.read_frames(database_url)["projects"]["title"].iloc[0] == "Their title"  # nothing overwritten


def test_publishes_at_the_same_moment_queue_and_only_one_wins(database_url):
    seed(database_url, SMALL)
    outcomes = []

    def publish(n: int) -> None:
        frames = revisions.read_frames(database_url)
        frames["projects"].loc[frames["projects"].index[0], "title"] = f"Title {n}"
        try:
            outcomes.append(revisions.publish(database_url, frames, f"editor {n}", f"change {n}", base=1).id)
        except revisions.Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=publish, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == [2, "conflict", "conflict", "conflict"]
    assert [r.id for r in revisions.history(database_url)] == [2, 1]


def test_rollback_is_a_new_revision_and_keeps_the_history(database_url):
    seed(database_url, SMALL)
    original = revisions.read_frames(database_url)
    edited = {name: frame.copy() for name, frame in original.items()}
    edited["projects"] = edited["projects"].iloc[1:]  # a project removed ...
    edited = {**edited, **{name: frame[frame["project_id"] != original["projects"]["project_id"].iloc[0]]
                           for name, frame in edited.items() if "project_id" in frame and name != "projects"}}  # ... with its records
    revisions.publish(database_url, edited, "Li Wei", "Remove a project", base=1)
    restored = revisions.rollback(database_url, 1, "Li Wei", "The project was removed by mistake", base=2)
    assert (restored.id, restored.origin, restored.rollback_of) == (3, "rollback", 1)
    assert same(revisions.read_frames(database_url), original)
    assert [r.id for r in revisions.history(database_url)] == [3, 2, 1]  # nothing deleted
    assert same(revisions.read_frames(database_url, 2), edited)
    with pytest.raises(revisions.NoSuchRevision):
        revisions.rollback(database_url, 9, "Li Wei", "No such", base=3)


def test_nothing_is_published_without_a_message_for_an_invalid_package_or_for_no_change(database_url):
    seed(database_url, SMALL)
    frames = revisions.read_frames(database_url)
    with pytest.raises(ValueError, match="message"):
        revisions.publish(database_url, frames, "Li Wei", "  ", base=1)
    with pytest.raises(revisions.NothingChanged):
        revisions.publish(database_url, frames, "Li Wei", "Nothing", base=1)
    broken = {name: frame.copy() for name, frame in frames.items()}
    broken["projects"].loc[broken["projects"].index[0], "start"] = "sometime"
    with pytest.raises(PackageError) as refused:
        revisions.publish(database_url, broken, "Li Wei", "Bad date", base=1)
    assert any(p.column == "start" and p.value == "sometime" for p in refused.value.problems)
    assert revisions.latest_id(database_url) == 1
