"""`kill -9` of the dashboard's own server while it publishes an editor's upload, on SQLite
and on PostgreSQL: viewers get the previous revision back, whole, from a restarted server;
the editor's draft is still there and publishes on the second try."""

from __future__ import annotations

import io
import shutil
import zipfile

import pandas as pd
import pytest
from playwright.sync_api import expect

from dashboard.store import revisions
from harness import SIGN_IN_ENV, free_port, identity_provider, sign_in, sign_in_secrets, start_server, wait_for_run
from helpers import BUNDLED, assert_intact, kill_9_mid_publish, seed

EDITOR = "steward@undp.org"
METRIC = '[data-testid="stMetric"]:has-text("{label}") [data-testid="stMetricValue"]'


def large_change(frames: dict[str, pd.DataFrame]) -> bytes:
    """A zipped CSV package: `frames` with 30 copies of every results row, under new line
    numbers. Tens of thousands of rows make a publish long enough to be caught in the middle."""
    results = frames["results"]
    copies = [results.assign(line=(results["line"].astype(int) + 1000 * k).astype(str)) for k in range(1, 30)]
    changed = {**frames, "results": pd.concat([results, *copies], ignore_index=True)}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in changed.items():
            archive.writestr(f"{name}.csv", frame.to_csv(index=False))
    return out.getvalue()


@pytest.fixture
def steward_server(tmp_path, database_url):
    """Start (and restart) the dashboard on the bundled data and `database_url`, sign-in on, the steward an editor."""
    seed(database_url, BUNDLED)
    port = free_port()
    env = {"DASHBOARD_DATA_DIR": str(shutil.copytree(BUNDLED, tmp_path / "data")), "DASHBOARD_STATE_DIR": str(tmp_path / "state"),
           "DASHBOARD_DATABASE_URL": database_url, **SIGN_IN_ENV}
    servers = []
    with identity_provider() as provider:
        secrets = sign_in_secrets(tmp_path / "secrets.toml", port, provider, [EDITOR])

        def start():
            servers.append(start_server(port, env, args=("--secrets.files", str(secrets))))
            return servers[-1]

        try:
            yield f"http://localhost:{port}", start
        finally:
            for server in servers:
                if server.poll() is None:
                    server.terminate()
                    server.wait(10)


def test_kill_9_of_the_server_mid_publish_keeps_the_last_revision_and_the_draft(browser, steward_server, database_url, tmp_path):
    address, start = steward_server
    server = start()
    before = revisions.read_frames(database_url)
    upload = tmp_path / "results-tripled.zip"
    upload.write_bytes(large_change(before))

    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    page.goto(address)
    wait_for_run(page)
    projects = page.locator(METRIC.format(label="Projects")).inner_text()
    sign_in(page, EDITOR)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Manage data").click()
    wait_for_run(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    expect(page.get_by_text(upload.name).first).to_be_visible()
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("What publishing changes")).to_be_visible(timeout=120_000)
    page.get_by_label("What is the change, and why? (kept in the history)").fill("Results copied thirty times")
    page.get_by_role("button", name="Publish").click()

    kill_9_mid_publish(server, database_url)  # the streamlit server itself, while it writes the revision
    assert_intact(database_url, 1, before)  # nothing of the half-written revision is left

    # A restarted server shows viewers the same data, and the editor's draft survived:
    # it publishes now, as revision 2.
    start()
    page.goto(address)
    wait_for_run(page)
    expect(page.locator(METRIC.format(label="Projects"))).to_have_text(projects)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Manage data").click()
    wait_for_run(page)
    expect(page.get_by_text(f"Your draft: {upload.name}")).to_be_visible(timeout=120_000)
    page.get_by_label("What is the change, and why? (kept in the history)").fill("Results copied thirty times, again")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published revision 2. Every page now shows it.")).to_be_visible(timeout=120_000)
    assert len(revisions.read_frames(database_url)["results"]) == 30 * len(before["results"])
    page.close()
