"""Paths and settings. Environment variables are read here and nowhere else.

- `DASHBOARD_DATA_DIR`: the data package to serve (default: the bundled `data/`).
- `DASHBOARD_STATE_DIR`: where the app keeps what must outlive a restart, such as the last
  good copy of the data (default: `var/` in the project).
- `DASHBOARD_DATABASE_URL`: the database holding the published revisions, as an SQLAlchemy
  URL (`postgresql+psycopg://user:password@host/dbname`); default: an SQLite file under the
  state folder, one per data package folder, created from that package on first start.
- `DASHBOARD_SHOW_PROBLEMS`: `1` shows the data's problems in the app (for the data
  steward's own instance); viewers never see them otherwise.
- `CHROMIUM`: the Chromium binary for briefing images, PDFs and browser tests
  (default: Debian's `/usr/bin/chromium`).
"""

from __future__ import annotations

import hashlib
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


def state_dir() -> Path:
    """Where the app keeps state that outlives a restart: `DASHBOARD_STATE_DIR`, or `var/`."""
    return Path(os.environ.get("DASHBOARD_STATE_DIR") or ROOT / "var")


def database_url() -> str:
    """`DASHBOARD_DATABASE_URL`, or an SQLite file in the state folder for the data folder served."""
    url = os.environ.get("DASHBOARD_DATABASE_URL")
    if url:
        return url
    name = hashlib.sha256(str(data_dir().resolve()).encode()).hexdigest()[:16]
    return f"sqlite:///{state_dir() / 'db' / f'{name}.sqlite'}"


def show_problems() -> bool:
    """Whether the app shows the data's problems (`DASHBOARD_SHOW_PROBLEMS=1`)."""
    return os.environ.get("DASHBOARD_SHOW_PROBLEMS", "") in ("1", "true", "yes")


def chromium_path() -> str:
    """The Chromium binary: `CHROMIUM`, else the one on PATH, else Debian's location."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
