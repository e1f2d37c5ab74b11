"""The repository stands alone: a copy of what git tracks, placed in an empty folder with
nothing beside it, passes a quick subset of the suite and the data check, and reads no file
outside its own tree while doing so (an audit hook lists every read beside it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from dashboard.config import ROOT

# Tests that read the bundled package, the source documents' facts, the IATI file and the
# descriptor: the ones that once needed a folder beside the repository.
SUBSET = ["tests/unit/test_bundled_facts.py", "tests/unit/ingest/test_iati.py", "tests/unit/test_schema.py", "tests/unit/test_data_package.py"]


def tracked_copy(target: Path) -> Path:
    """The files git tracks, as the working tree holds them (what a clone of this commit
    has, with any uncommitted edit to them), copied to `target`."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_a_copy_in_an_empty_folder_passes_on_its_own(tmp_path):
    alone = tmp_path / "empty"
    repo = tracked_copy(alone / "repo")
    assert [p.name for p in alone.iterdir()] == ["repo"]  # nothing beside it
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DASHBOARD_"))}
    env["DASHBOARD_LOG_READS_BESIDE"] = str(tmp_path / "reads-beside.txt")

    where = subprocess.run([sys.executable, "-c", "import dashboard; print(dashboard.__file__)"], cwd=repo, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(repo)  # the copy's own code runs, not this tree's

    check = subprocess.run([sys.executable, "-m", "dashboard", "check"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr

    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *SUBSET],
                         cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout.splitlines()[-1]
    assert (tmp_path / "reads-beside.txt").read_text(encoding="utf-8") == ""
    assert [p.name for p in alone.iterdir()] == ["repo"]  # and nothing was written beside it
