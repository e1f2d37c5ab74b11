"""The officer's walk-through in docs/data.md, in a browser, with a real OpenID Connect
provider on loopback (the PyPI package oidc-provider-mock) and nothing about sign-in
patched out: sign in, download the workbook, add a project with two provinces, a funding
line, a reach figure and a policy-uptake milestone, upload it, read the preview, publish,
see it on the pages, then, in Chinese, roll it back on the History page and sign out."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from harness import SIGN_IN_ENV, accessibility_findings, free_port, identity_provider, sign_in, sign_in_secrets, start_server, wait_for_run
from helpers import SMALL, officer_workbook

OFFICER = "officer@undp.org"
METRIC = '[data-testid="stMetric"]:has-text("{label}") [data-testid="stMetricValue"]'


@pytest.fixture
def signed_in_app(tmp_path):
    """The dashboard on the small package, sign-in configured against a real provider, the officer an editor."""
    port = free_port()
    data = shutil.copytree(SMALL, tmp_path / "data")
    env = {"DASHBOARD_DATA_DIR": str(data), "DASHBOARD_STATE_DIR": str(tmp_path / "state"), **SIGN_IN_ENV}
    with identity_provider() as provider:
        secrets = sign_in_secrets(tmp_path / "secrets.toml", port, provider, [OFFICER])
        server = start_server(port, env, args=("--secrets.files", str(secrets)))
        try:
            yield f"http://localhost:{port}"
        finally:
            server.terminate()
            server.wait(10)


def test_an_officer_adds_a_project_publishes_it_and_rolls_it_back(browser, signed_in_app, tmp_path, shots):
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page.goto(signed_in_app)
    wait_for_run(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("link", name="Manage data")).to_have_count(0)  # not signed in: no editing
    sign_in(page, OFFICER)  # at the identity provider's own page
    # (The address is shown as text: a joiner keeps Markdown from making it a link.)
    expect(sidebar).to_contain_text(re.compile(r"Signed in as officer\W?@undp\.org \(editor\)"), timeout=30_000)

    sidebar.get_by_role("link", name="Manage data").click()
    expect(page.locator('[data-testid="stMain"] h1')).to_have_text("Manage data")
    wait_for_run(page)  # the page drawn whole before the next action, as a person sees it
    with page.expect_download() as download:
        page.get_by_role("button", name="All tables (Excel workbook to edit)").click()
    edited = tmp_path / "portfolio.xlsx"
    edited.write_bytes(officer_workbook(download.value.path().read_bytes()))
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(edited))
    expect(page.get_by_text("portfolio.xlsx")).to_be_visible()
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("What publishing changes")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Your draft: portfolio.xlsx")).to_be_visible()
    page.screenshot(path=str(shots / "manage-preview.png"), full_page=True)
    assert accessibility_findings(page) == []  # Manage, signed in, with a draft under review
    page.reload()  # the draft is still there after a refresh
    wait_for_run(page)
    expect(page.get_by_text("What publishing changes")).to_be_visible(timeout=60_000)
    page.get_by_label("What is the change, and why? (kept in the history)").fill("Clean Air Pilot added from its inception report")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published revision 2. Every page now shows it.")).to_be_visible(timeout=60_000)

    sidebar.get_by_role("link", name="Overview").click()
    wait_for_run(page)
    page.screenshot(path=str(shots / "officer-published.png"), full_page=True)
    expect(page.locator(METRIC.format(label="Projects"))).to_have_text("4", timeout=30_000)
    expect(page.locator(METRIC.format(label="Largest participant figure"))).to_have_text("4,321")
    sidebar.get_by_role("link", name="Map").click()
    expect(page.locator('[data-testid="stPlotlyChart"] .textpoint text', has_text="Hebei").first).to_be_attached(timeout=30_000)

    sidebar.get_by_text("中文", exact=True).click()
    sidebar.get_by_role("link", name="修订历史").click()
    expect(page.locator('[data-testid="stMain"] h1')).to_have_text("修订历史", timeout=30_000)
    wait_for_run(page)
    assert accessibility_findings(page) == []  # History, signed in, in Chinese
    page.get_by_label("回滚原因（记入修订历史）").fill("发布过早")
    page.get_by_role("button", name="回滚").click()
    expect(page.get_by_text("已发布第3版，内容为第1版的数据。")).to_be_visible(timeout=60_000)
    sidebar.get_by_role("link", name="概览").click()
    expect(page.locator(METRIC.format(label="项目数"))).to_have_text("3", timeout=30_000)
    page.screenshot(path=str(shots / "officer-rolled-back-zh.png"), full_page=True)

    sidebar.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/oauth2/end_session**", timeout=30_000)  # the provider ends its session too
    page.get_by_role("button", name="End session").click()
    page.goto(signed_in_app)
    wait_for_run(page)
    # Signed out, the dashboard opens in the browser's language, with no editing.
    expect(sidebar.get_by_role("button", name=re.compile(r"Sign in \(editors\)|登录（编辑人员）"))).to_be_visible(timeout=30_000)
    expect(sidebar.get_by_role("link", name=re.compile("Manage data|管理数据"))).to_have_count(0)
    page.close()
