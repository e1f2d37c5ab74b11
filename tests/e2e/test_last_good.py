"""Viewers never lose data: a server restarted while the files are bad shows the last good
copy kept on disk, with no red error panel."""

from __future__ import annotations

from playwright.sync_api import expect

from harness import free_port, start_server, wait_until_painted
from helpers import edit_cell


def headline_projects(browser, base: str) -> tuple[str, int, str]:
    """The overview's project count, how many error panels it shows, and its first caption."""
    page = browser.new_page()
    page.goto(base)
    wait_until_painted(page)
    count = page.locator('[data-testid="stMetric"]').first.locator('[data-testid="stMetricValue"]').inner_text()
    errors = page.locator('[data-testid="stAlertContentError"]').count()
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    page.close()
    return count, errors, caption


def test_a_restart_with_bad_files_shows_the_last_good_data(browser, small_dir, tmp_path):
    env = {"DASHBOARD_DATA_DIR": str(small_dir), "DASHBOARD_STATE_DIR": str(tmp_path / "state")}
    port = free_port()
    server = start_server(port, env)
    try:
        assert headline_projects(browser, f"http://localhost:{port}")[:2] == ("3", 0)
    finally:
        server.terminate()
        server.wait(10)
    edit_cell(small_dir, "funding", 2, "amount_usd", "inf")
    (small_dir / "projects.csv").write_text("project_id\n", encoding="utf-8")
    port = free_port()
    server = start_server(port, env)
    try:
        count, errors, caption = headline_projects(browser, f"http://localhost:{port}")
        assert (count, errors) == ("3", 0)
        assert caption.startswith("Data as checked on ")
    finally:
        server.terminate()
        server.wait(10)


def test_with_nothing_good_yet_viewers_get_a_calm_message(browser, small_dir, tmp_path):
    edit_cell(small_dir, "funding", 2, "amount_usd", "1_000")
    port = free_port()
    server = start_server(port, {"DASHBOARD_DATA_DIR": str(small_dir), "DASHBOARD_STATE_DIR": str(tmp_path / "state")})
    try:
        page = browser.new_page()
        page.goto(f"http://localhost:{port}")
        expect(page.get_by_text("The dashboard's data is being updated and is not ready yet.")).to_be_visible(timeout=60_000)
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0
        assert "funding.csv" not in page.inner_text("body") and str(small_dir) not in page.inner_text("body")
        page.close()
    finally:
        server.terminate()
        server.wait(10)
