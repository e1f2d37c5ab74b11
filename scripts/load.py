"""A meeting room of viewers, over Streamlit's own WebSocket protocol, against a server on
this machine only.

Each simulated viewer opens a page (a new session, as a new tab does), waits until the run
has finished, then changes the province filter and waits again, pauses as a person would,
and starts over on the next page, until the time is up. A run's time is from the message
that asks for it to the server's "script finished": everything the server does and sends.

    python scripts/load.py --users 40 --duration 60 --url http://127.0.0.1:8501 [--pid PID ...]

Prints users, page runs per second, p50/p95/max, failures and (with --pid, the server's
processes) their memory at the start, the end and its peak, and writes the figures as JSON
with --json FILE. Refuses any address that is not loopback; stops after --duration seconds
(at most 900).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import random
import socket
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

PAGES = ("", "map", "reach", "funding", "milestones", "projects", "present")
PROVINCES = ("Yunnan", "Guizhou", "Hubei", "Beijing", "Sichuan")  # as the filter lists them in English
RUN_TIMEOUT = 60  # s: a run slower than this is a failure
MOST_SECONDS = 900


@dataclass
class Tally:
    """What the viewers saw: each run's seconds, and what went wrong."""

    runs: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    sent_bytes: int = 0


def loopback_only(url: str) -> tuple[str, int]:
    """Host and port of `url`, which must point at this machine."""
    parsed = urlparse(url)
    host, port = parsed.hostname or "", parsed.port or 80
    addresses = {info[4][0] for info in socket.getaddrinfo(host, port)} if host else set()
    if not addresses or not all(ipaddress.ip_address(a).is_loopback for a in addresses):
        raise SystemExit(f"{url}: the load generator only sends traffic to this machine (127.0.0.1, ::1, localhost)")
    return host, port


def rerun(query: str, page: str, widgets: dict[str, list[str]] | None = None) -> bytes:
    """A BackMsg asking for a run of `page` with `query`, and widget values set."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page
    for widget_id, values in (widgets or {}).items():
        w = state.widget_states.widgets.add()
        w.id = widget_id
        w.string_array_value.data.extend(values)
    return msg.SerializeToString()


async def run_until_finished(ws, request: bytes, tally: Tally, widget_ids: dict[str, str]) -> float:
    """Send a run request and read until its run has finished; returns its seconds and
    notes the ids of keyed widgets it drew."""
    started = time.perf_counter()
    await ws.send(request)
    while True:
        raw = await asyncio.wait_for(ws.recv(), RUN_TIMEOUT)
        tally.sent_bytes += len(raw)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                raise RuntimeError(f"the page raised {element.exception.type}: {element.exception.message}")
            if which == "alert" and element.alert.format == 1:  # an error panel
                raise RuntimeError(f"the page showed an error: {element.alert.body[:80]}")
            widget = getattr(element, which, None)
            widget_id = getattr(widget, "id", "")
            if widget_id and "-" in widget_id:
                widget_ids[widget_id.rsplit("-", 1)[-1]] = widget_id
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                return time.perf_counter() - started
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                raise RuntimeError("the script did not compile")


async def viewer(number: int, base: str, deadline: float, tally: Tally, think: tuple[float, float]) -> None:
    """One person: open a page, change the province filter, pause, next page; until the deadline."""
    rng = random.Random(number)
    stream = base.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
    page_index = number % len(PAGES)
    while time.monotonic() < deadline:
        page = PAGES[page_index % len(PAGES)]
        page_index += 1
        widget_ids: dict[str, str] = {}
        try:
            async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None, open_timeout=RUN_TIMEOUT) as ws:
                tally.runs.append(await run_until_finished(ws, rerun("", page), tally, widget_ids))
                if "provinces" in widget_ids and time.monotonic() < deadline:
                    await asyncio.sleep(rng.uniform(*think))
                    change = rerun("", page, {widget_ids["provinces"]: [rng.choice(PROVINCES)]})
                    tally.runs.append(await run_until_finished(ws, change, tally, widget_ids))
        except Exception as err:  # noqa: BLE001 - every kind of failure is counted and named
            tally.failures.append(f"{page or 'overview'}: {type(err).__name__}: {err}")
        await asyncio.sleep(rng.uniform(*think))


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the processes together, in MB (from /proc)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


async def sample_memory(pids: list[int], deadline: float, samples: list[float]) -> None:
    while time.monotonic() < deadline:
        samples.append(rss_mb(pids))
        await asyncio.sleep(1)


async def load(base: str, users: int, seconds: float, pids: list[int], think: tuple[float, float]) -> dict:
    """Drive `users` viewers for `seconds`; the figures."""
    tally, memory = Tally(), [rss_mb(pids)] if pids else []
    started = time.monotonic()
    deadline = started + seconds
    # People do not all press Enter in the same millisecond: they arrive over two seconds.
    async def arrive(n: int) -> None:
        await asyncio.sleep(2 * n / users)
        await viewer(n, base, deadline, tally, think)

    tasks = [arrive(n) for n in range(users)] + ([sample_memory(pids, deadline, memory)] if pids else [])
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - started
    runs = sorted(tally.runs)
    quantile = (lambda q: runs[min(len(runs) - 1, int(q * len(runs)))]) if runs else (lambda q: float("nan"))
    return {
        "users": users,
        "seconds": round(elapsed, 1),
        "runs": len(runs),
        "runs_per_second": round(len(runs) / elapsed, 2),
        "p50_s": round(quantile(0.5), 3),
        "p95_s": round(quantile(0.95), 3),
        "max_s": round(runs[-1], 3) if runs else None,
        "mean_s": round(statistics.fmean(runs), 3) if runs else None,
        "failures": len(tally.failures),
        "failure_examples": tally.failures[:5],
        "mb_received": round(tally.sent_bytes / 1e6, 1),
        "memory_mb_start": round(memory[0], 1) if memory else None,
        "memory_mb_end": round(memory[-1], 1) if memory else None,
        "memory_mb_peak": round(max(memory), 1) if memory else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8501", help="the dashboard on this machine")
    parser.add_argument("--users", type=int, default=40)
    parser.add_argument("--duration", type=float, default=60, help=f"seconds, at most {MOST_SECONDS}")
    parser.add_argument("--pid", type=int, action="append", default=[], help="a server process to watch the memory of; repeat for several")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("LOW", "HIGH"), help="seconds a viewer pauses between actions")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    loopback_only(args.url)
    if not 0 < args.duration <= MOST_SECONDS or not 0 < args.users <= 500:
        parser.error(f"--duration must be 1..{MOST_SECONDS} s and --users 1..500")
    figures = asyncio.run(load(args.url, args.users, args.duration, args.pid, tuple(args.think)))
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0 if figures["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
