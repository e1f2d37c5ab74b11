"""Start the dashboard with `streamlit run` on a loopback port and wait until it answers.

Used by the browser tests, the benchmark and the screenshot script; not by the app.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.config import APP_SCRIPT, CHROMIUM_OFFLINE_ARGS  # noqa: E402

# Chromium flags for the browser tests: offline, plus software WebGL so the map draws
# on machines without a graphics card. Playwright adds --headless itself.
BROWSER_ARGS = [a for a in CHROMIUM_OFFLINE_ARGS if a != "--headless"] + ["--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, env: dict[str, str] | None = None, log: Path | None = None, timeout: float = 60) -> subprocess.Popen:
    """`streamlit run` the app on `port`, returning once its health check answers."""
    log = log or ROOT / "test-artifacts" / f"streamlit-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT), "--server.port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not start:\n" + log.read_text(errors="replace"))
