"""Screenshots of every page, in both languages, at the widths people use: to look at
before calling a change done, and to compare before and after a change.

    .venv/bin/python scripts/screenshots.py OUT_DIR
    .venv/bin/python scripts/screenshots.py --readme     # docs/overview.png, the README's picture

Writes OUT_DIR/<page>-<lang>-<width>x<height>.png. Phone, tablet and desktop widths are
taken in a tall window so the whole page is in the picture; 1280x720 is a projector. Every
slide of presenter mode is taken at the three projector sizes (present-<n>-...). The
editors' pages (Manage data with a draft under review, History) are taken signed in, at a
real identity provider on loopback, on a server with a database of its own.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from dashboard.briefing.slides import BUILDERS  # noqa: E402
from dashboard.config import chromium_path  # noqa: E402
from dashboard.config import BUNDLED_DATA_DIR  # noqa: E402
from dashboard.ingest.csv_package import read_tables  # noqa: E402
from dashboard.present.i18n import t  # noqa: E402
from dashboard.present.workbook import edit_workbook  # noqa: E402
from harness import SIGN_IN_ENV, BROWSER_ARGS, free_port, identity_provider, sign_in, sign_in_secrets, start_server, wait_for_run, wait_until_painted  # noqa: E402
from helpers import officer_workbook  # noqa: E402

PAGES = ("", "map", "reach", "funding", "results", "milestones", "projects", "sources")
SIZES = ((390, 2600), (1024, 2600), (1440, 2600), (1280, 720))
PROJECTORS = ((1280, 720), (1366, 768), (1920, 1080))
# Sections drawn only when opened: (name, address, the string key of the tab to open).
SECTIONS = (("map-places", "map?province=460000&lang=", "map.section_places"),)
SLIDES = len(BUILDERS)


def main(out: Path) -> None:
    """Screenshot every page at every size in both languages into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            shots = [(path, f"{path}?lang=", size, None) for size in SIZES for path in PAGES]
            shots += [(name, address, size, tab) for size in SIZES for name, address, tab in SECTIONS]
            shots += [(f"present-{n}", f"present?slide={n}&lang=", size, None) for size in PROJECTORS for n in range(1, SLIDES + 1)]
            for lang in ("en", "zh"):
                for name, address, (width, height), tab in shots:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(f"http://localhost:{port}/{address}{lang}")
                    wait_until_painted(page)
                    if tab:
                        page.get_by_role("tab", name=t(tab, lang)).click()
                        wait_until_painted(page)
                        page.wait_for_timeout(1000)  # deck.gl draws on the frames after the run
                    page.screenshot(path=str(out / f"{name or 'overview'}-{lang}-{width}x{height}.png"))
                    page.close()
            editor_pages(browser, out)
            browser.close()
    finally:
        server.terminate()
    print(f"screenshots in {out}")


EDITOR = "editor@example.org"


def editor_pages(browser, out: Path) -> None:
    """Manage data (the README officer's upload, checked, under review) and History, signed in."""
    with tempfile.TemporaryDirectory() as tmp, identity_provider() as provider:
        port = free_port()
        secrets = sign_in_secrets(Path(tmp) / "secrets.toml", port, provider, [EDITOR])
        server = start_server(port, {**SIGN_IN_ENV, "DASHBOARD_STATE_DIR": str(Path(tmp) / "state")}, args=("--secrets.files", str(secrets)))
        try:
            page = browser.new_context().new_page()
            page.goto(f"http://localhost:{port}/")  # Manage data is not there until an editor signs in
            wait_for_run(page)
            sign_in(page, EDITOR)
            page.goto(f"http://localhost:{port}/manage")
            wait_for_run(page)
            upload = Path(tmp) / "portfolio.xlsx"
            upload.write_bytes(officer_workbook(edit_workbook(read_tables(BUNDLED_DATA_DIR)[0])))
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
            page.get_by_role("button", name="Check the file").click()
            page.get_by_text("What publishing changes").wait_for(timeout=60_000)
            for lang in ("en", "zh"):
                for name in ("manage", "history"):
                    for width, height in SIZES:
                        page.set_viewport_size({"width": width, "height": height})
                        page.goto(f"http://localhost:{port}/{name}?lang={lang}")
                        wait_until_painted(page)
                        page.wait_for_timeout(500)  # tables draw on a canvas after the run; nothing to wait on
                        page.screenshot(path=str(out / f"{name}-{lang}-{width}x{height}.png"))
        finally:
            server.terminate()


README_PICTURE = Path(__file__).resolve().parents[1] / "docs" / "overview.png"


def readme_picture(path: Path = README_PICTURE) -> None:
    """The overview in English as a laptop's first screen shows it, for the README."""
    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.goto(f"http://localhost:{port}/?lang=en")
            wait_until_painted(page)
            page.screenshot(path=str(path))
            browser.close()
    finally:
        server.terminate()
    print(f"wrote {path}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--readme"]:
        readme_picture()
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("test-artifacts/screenshots/pages"))
