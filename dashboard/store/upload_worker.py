"""Reads one uploaded file in a process of its own, under a memory and a time limit.

The app's process serves every viewer on it; a file built to exhaust a parser (or a
parser's own fault) must cost a worker, not that process. `read_bounded` starts
`python -m dashboard.store.upload_worker JOB RESULT`, which limits its own address space and
CPU time before it imports any reader, reads the upload exactly as `uploads.read_upload`
does, and writes what it found. The parent waits at most `Limits.seconds` and kills it
after that. Every way a worker can fail becomes a problem in the upload's list.
"""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from dashboard.ingest.bounds import LIMITS, Limits, file_size_problem, size_text
from dashboard.validate.problems import Problem

OUT_OF_MEMORY = "out of memory"


def read_bounded(name: str, data: bytes, latest: dict[str, pd.DataFrame], limits: Limits = LIMITS) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """`uploads.read_upload(name, data, latest)`, run in a worker process within `limits`."""
    if (too_large := file_size_problem(name, len(data), limits)) is not None:
        return {}, [too_large]  # refused before a worker is even started
    with tempfile.TemporaryDirectory(prefix="dashboard-upload-") as tmp:
        job, result = Path(tmp) / "job.pickle", Path(tmp) / "result.pickle"
        job.write_bytes(pickle.dumps((name, data, latest, limits), protocol=pickle.HIGHEST_PROTOCOL))
        worker = subprocess.Popen([sys.executable, "-m", "dashboard.store.upload_worker", str(job), str(result)],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, errors = worker.communicate(timeout=limits.seconds)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.communicate()
            return {}, [Problem(name, None, None, f"still being read after {limits.seconds} s",
                                f"a file read within {limits.seconds} s: it was stopped and nothing was kept. Save the file again "
                                "(deleting empty rows and columns below and right of the tables), or split the change into several uploads")]
        if worker.returncode != 0 or not result.exists():
            return {}, [_failure(name, errors.decode("utf-8", "replace"), limits)]
        # The worker is this program's own code; what it wrote is the reader's tables.
        found = pickle.loads(result.read_bytes())
    if found == OUT_OF_MEMORY:
        return {}, [_failure(name, "MemoryError", limits)]
    return found


def _failure(name: str, errors: str, limits: Limits) -> Problem:
    """What a worker that stopped without an answer tells the person who uploaded."""
    if "MemoryError" in errors or "std::bad_alloc" in errors:
        return Problem(name, None, None, f"needed more than {size_text(limits.memory_bytes)} of memory",
                       "a file the reader can hold: it was stopped and nothing was kept. Save it again as a plain workbook "
                       "or zipped CSV package, or split the change into several uploads")
    last = next((line for line in reversed(errors.strip().splitlines()) if line.strip()), "it stopped")
    return Problem(name, None, None, last[:200], "a file the reader can finish: it stopped, and nothing was kept. Save it again and upload that copy")


def _limit_self(limits: Limits) -> None:
    """This process's address space and CPU time, capped before anything is read."""
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = limits.seconds + 5  # a backstop should the parent be gone
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))


def _hit_memory_limit(limits: Limits) -> bool:
    """Whether this process came within a tenth of its address-space limit: then whatever
    failed (libxml2, for one, reports a failed allocation as an 'unknown error') failed
    for want of memory."""
    with open("/proc/self/status", encoding="ascii") as status:
        peak_kb = next((int(line.split()[1]) for line in status if line.startswith("VmPeak:")), 0)
    return peak_kb * 1024 >= 0.9 * limits.memory_bytes


def main(job: str, result: str) -> int:
    name, data, latest, limits = pickle.loads(Path(job).read_bytes())
    _limit_self(limits)
    from dashboard.store.uploads import read_upload

    try:
        found = read_upload(name, data, latest, limits)
    except Exception as err:  # noqa: BLE001 - a parser short of memory may say so in its own words
        if not isinstance(err, MemoryError) and not _hit_memory_limit(limits):
            raise
        found = OUT_OF_MEMORY
    Path(result).write_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
