"""The README and the guides in docs/: every relative link, and every parent-relative path
written as text, stays inside the repository (a link to a file, and to a heading when it
names one, resolves), and every `python -m dashboard …` command
they show exists (its `--help` runs)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from dashboard.config import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
# The sub-commands a shown command names: `python -m dashboard db dump DIR` -> ("db", "dump").
COMMAND = re.compile(r"python -m dashboard ((?:[a-z][a-z-]*)(?: (?:dump|load|history|rollback|upgrade))?)")


def anchors(path) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            text = line.lstrip("#").strip().lower()
            out.add(re.sub(r"[^\w\- ]", "", text).replace(" ", "-"))
    return out


def links() -> list[tuple[str, str]]:
    return [(str(doc.relative_to(ROOT)), target) for doc in DOCS for target in LINK.findall(doc.read_text(encoding="utf-8"))]


def commands() -> list[str]:
    return sorted({c for doc in DOCS for c in COMMAND.findall(doc.read_text(encoding="utf-8"))})


def test_the_readme_is_short_and_the_guides_exist():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 200
    assert {p.name for p in DOCS[1:]} >= {"using.md", "data.md", "running.md", "changing.md"}
    assert (ROOT / "docs" / "overview.png").stat().st_size > 10_000


@pytest.mark.parametrize("doc, target", links())
def test_every_link_resolves_inside_the_repository(doc, target):
    assert not re.match(r"[a-z]+:", target), f"{doc} links outside the repository: {target}"
    path, _, anchor = target.partition("#")
    resolved = ((ROOT / doc).parent / path).resolve() if path else (ROOT / doc)
    assert resolved.is_relative_to(ROOT) and resolved.exists(), f"{doc}: {target}"
    if anchor:
        assert anchor in anchors(resolved), f"{doc}: no heading #{anchor} in {path or doc}"


PARENT_PATH = re.compile(r"(?:\.\./)+[\w.\-/]*")


def test_no_path_mentioned_climbs_out_of_the_repository():
    # Links are checked above; this catches a path written as text (`../notes/plan.md`).
    for doc in DOCS:
        for path in PARENT_PATH.findall(doc.read_text(encoding="utf-8")):
            assert (doc.parent / path).resolve().is_relative_to(ROOT), f"{doc.name}: {path}"


@pytest.mark.parametrize("command", commands())
def test_every_command_shown_exists(command):
    run = subprocess.run([sys.executable, "-m", "dashboard", *command.split(), "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0 and "usage:" in run.stdout, run.stdout + run.stderr
