"""Paths and settings. Environment variables are read here and nowhere else.

- `DASHBOARD_DATA_DIR`: the data package to serve (default: the bundled `data/`).
- `CHROMIUM`: the Chromium binary for briefing images, PDFs and browser tests
  (default: Debian's `/usr/bin/chromium`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_DATA_DIR = ROOT / "data"
GEO_DIR = ROOT / "geo"
STATIC_DIR = ROOT / "dashboard" / "web" / "static"  # served at /app/static/: Streamlit serves the folder beside the entry point
PAGES_DIR = ROOT / "pages"
APP_SCRIPT = ROOT / "dashboard" / "web" / "app.py"

# Flags that keep a headless Chromium from calling home: on a closed network such calls
# fail, and in tests they would show up as stray requests.
CHROMIUM_OFFLINE_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
)


def data_dir() -> Path:
    """The data package folder to serve: `DASHBOARD_DATA_DIR`, or the bundled package.

    Read on each call (not at import) so a test or a restarted server can point elsewhere.
    """
    return Path(os.environ.get("DASHBOARD_DATA_DIR") or BUNDLED_DATA_DIR)


def chromium_path() -> str:
    """The Chromium binary: `CHROMIUM`, else the one on PATH, else Debian's location."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
