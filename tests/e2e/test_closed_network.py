"""No outside lookups: the server started as the README says for an intranet (listening on
0.0.0.0) records every connection attempt and name lookup it makes, through Python's audit
hooks, while a browser uses it and a page of another origin tries its WebSocket. Only
loopback and the server's own listening address may appear.

A control run with a bare `streamlit run` shows the recorder sees the lookup that the
`serve` command prevents."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path


from dashboard.config import APP_SCRIPT, ROOT
from harness import free_port, wait_until_painted

RECORDER = '''
import os, sys

_LOG = os.environ["NETWORK_LOG"]
_EVENTS = {"socket.bind": 1, "socket.connect": 1, "socket.sendto": 1, "socket.sendmsg": 1, "socket.getaddrinfo": 0,
           "socket.gethostbyname": 0, "socket.gethostbyname_ex": 0, "socket.gethostbyaddr": 0}


def _record(event, args):
    if event in _EVENTS:
        with open(_LOG, "a") as f:
            f.write(f"{event}\\t{args[_EVENTS[event]]!r}\\n")


sys.addaudithook(_record)
'''
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "::", "", "None", "b''"}


def host_of(recorded: str) -> str:
    """The host part of a recorded address: ('h', 80) -> h; a bare name stays itself."""
    value = recorded.strip()
    if value.startswith("("):
        value = value[1:].split(",")[0]
    return value.strip("'\"")


def outside(lines: list[str]) -> list[str]:
    """Recorded attempts whose host is not this machine's loopback or wildcard address
    (a Unix socket's path is local too)."""
    out = []
    for line in lines:
        _, recorded = line.split("\t", 1)
        host = host_of(recorded)
        if host in LOCAL_HOSTS or host.startswith(("127.", "/")) or recorded.startswith(("'/", "b'\\x00")):
            continue
        out.append(line)
    return out


def start(command: list[str], log: Path, tmp: Path) -> subprocess.Popen:
    (tmp / "sitecustomize.py").write_text(RECORDER)
    env = {**os.environ, "PYTHONPATH": str(tmp), "NETWORK_LOG": str(log)}
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_healthy(port: int, process: subprocess.Popen) -> None:
    import urllib.request

    deadline = time.time() + 60
    while time.time() < deadline:
        assert process.poll() is None, "the server stopped"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError("the server did not start")


def cross_origin_websocket(port: int) -> bytes:
    """A WebSocket handshake as a page on another site would send it; the answer's status line."""
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://elsewhere.example\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request.encode())
        return s.recv(200).split(b"\r\n")[0]


def test_intranet_server_makes_no_outside_lookups(browser, tmp_path):
    port, log = free_port(), tmp_path / "network.log"
    # The README's intranet command.
    process = start([sys.executable, "-m", "dashboard", "serve", "--address", "0.0.0.0", "--port", str(port)], log, tmp_path)
    try:
        wait_healthy(port, process)
        page = browser.new_page()
        for path in ("", "map"):
            page.goto(f"http://127.0.0.1:{port}/{path}")
            wait_until_painted(page)
        page.close()
        status = cross_origin_websocket(port)
        assert b"101" not in status, "a WebSocket from another site is refused"
    finally:
        process.terminate()
        process.wait(10)
    lines = log.read_text().splitlines()
    assert any("0.0.0.0" in line for line in lines), "the recorder should have seen the server bind"
    assert outside(lines) == []


def test_recorder_sees_the_lookup_a_bare_streamlit_run_makes(tmp_path):
    port, log = free_port(), tmp_path / "network.log"
    command = [sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT), "--server.address", "0.0.0.0", "--server.port", str(port)]
    process = start(command, log, tmp_path)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not (log.exists() and "checkip" in log.read_text()):
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(10)
    assert any("checkip.amazonaws.com" in line for line in outside(log.read_text().splitlines()))
