"""Screenshots of every page, in both languages, at the widths people use: to look at
before calling a change done, and to compare before and after a change.

    .venv/bin/python scripts/screenshots.py OUT_DIR

Writes OUT_DIR/<page>-<lang>-<width>x<height>.png. Phone, tablet and desktop widths are
taken in a tall window so the whole page is in the picture; 1280x720 is a projector. Every
slide of presenter mode is taken at the three projector sizes (present-<n>-...).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.briefing.slides import BUILDERS  # noqa: E402
from dashboard.config import chromium_path  # noqa: E402
from harness import BROWSER_ARGS, free_port, start_server, wait_until_painted  # noqa: E402

PAGES = ("", "map", "reach", "funding", "milestones", "projects", "sources", "history")
SIZES = ((390, 2600), (1024, 2600), (1440, 2600), (1280, 720))
PROJECTORS = ((1280, 720), (1366, 768), (1920, 1080))
SLIDES = len(BUILDERS)


def main(out: Path) -> None:
    """Screenshot every page at every size in both languages into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            shots = [(path, f"{path}?lang=", size) for size in SIZES for path in PAGES]
            shots += [(f"present-{n}", f"present?slide={n}&lang=", size) for size in PROJECTORS for n in range(1, SLIDES + 1)]
            for lang in ("en", "zh"):
                for name, address, (width, height) in shots:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(f"http://localhost:{port}/{address}{lang}")
                    wait_until_painted(page)
                    page.screenshot(path=str(out / f"{name or 'overview'}-{lang}-{width}x{height}.png"))
                    page.close()
            browser.close()
    finally:
        server.terminate()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("test-artifacts/screenshots/pages"))
