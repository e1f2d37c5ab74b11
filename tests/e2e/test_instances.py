"""Two app instances, one PostgreSQL database: each `streamlit run` process has a data
folder of its own holding the same package; a change published by one instance (its files
changed and checked) appears in the other on the viewer's next interaction, with no restart."""

from __future__ import annotations

import shutil

from playwright.sync_api import expect

from harness import free_port, start_server, wait_until_painted
from helpers import SMALL, edit_cell

LARGEST = '[data-testid="stMetric"]:has-text("Largest participant figure") [data-testid="stMetricValue"]'


def test_a_publish_in_one_instance_appears_in_the_other(browser, postgres_url, tmp_path):
    database_url = postgres_url
    folders = [shutil.copytree(SMALL, tmp_path / name) for name in ("a", "b")]
    ports = [free_port(), free_port()]
    servers = [start_server(port, {"DASHBOARD_DATA_DIR": str(folder), "DASHBOARD_DATABASE_URL": database_url})
               for port, folder in zip(ports, folders)]
    try:
        page = browser.new_page()
        page.goto(f"http://localhost:{ports[1]}")
        wait_until_painted(page)
        expect(page.locator(LARGEST)).to_have_text("250")
        # Instance A publishes: its data folder changes, and its next run checks and publishes it.
        edit_cell(folders[0], "reach", 2, "value", "2250")
        other = browser.new_page()
        other.goto(f"http://localhost:{ports[0]}")
        wait_until_painted(other)
        expect(other.locator(LARGEST)).to_have_text("2,250")
        # Instance B, whose own files did not change, shows it on the viewer's next interaction.
        page.locator("[data-testid=stSidebar]").get_by_text("中文", exact=True).click()
        expect(page.locator('[data-testid="stMetric"]:has-text("最大的受益人数") [data-testid="stMetricValue"]')).to_have_text("2,250", timeout=30_000)
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)
