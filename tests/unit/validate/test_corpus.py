"""The corpus of broken packages (tests/fixtures/broken/corpus.toml): each gives exactly the
problems it lists, every one naming file, row, column, value and what was expected, and
none a traceback."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from dashboard.store.package import read_package
from dashboard.validate.problems import PackageError
from helpers import FIXTURES, SMALL, edit_cell

CORPUS = tomllib.loads((FIXTURES / "broken" / "corpus.toml").read_text(encoding="utf-8"))["case"]


def broken_package(case: dict, target: Path) -> Path:
    """The small fixture package with the case's change made."""
    shutil.copytree(SMALL, target)
    if "set" in case:
        edit_cell(target, *case["set"][:1][0].removesuffix(".csv").split(), *case["set"][1:])
    if "replace" in case:
        name, old, new = case["replace"]
        text = (target / name).read_text(encoding="utf-8")
        assert old in text, f"{case['name']}: {old!r} is not in {name}"
        (target / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    if "encode" in case:
        name, encoding = case["encode"]
        text = (target / name).read_text(encoding="utf-8")
        (target / name).write_bytes(text.encode(encoding, errors="replace"))
    if "remove" in case:
        (target / case["remove"]).unlink()
    return target


def problems_of(directory: Path) -> list:
    with pytest.raises(PackageError) as caught:
        read_package(directory)
    return caught.value.problems


def test_the_corpus_has_a_case_for_each_kind_of_fault():
    assert len(CORPUS) >= 40
    assert len({c["name"] for c in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_broken_package_gives_exactly_its_problems(case, tmp_path):
    problems = problems_of(broken_package(case, tmp_path / "package"))
    assert [str(p) for p in problems] == case["problems"]
    if not case.get("whole_file"):
        assert all(p.row is not None and p.column is not None and p.value is not None for p in problems), "each problem names row, column and value"
