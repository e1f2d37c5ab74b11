"""The province reference, and the matcher that maps place names to GB/T 2260 codes.

The matcher is deliberately exact after normalisation: no fuzzy matching, because the
names that matter are look-alikes (Shanxi 山西 vs Shaanxi 陕西, Hainan province vs
Hainan prefecture in Qinghai). Fuzzy matching is used only to suggest, never to accept.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.config import GEO_DIR


# Suffixes a source may add to a province's name. Longest first so that
# "autonomous region" is removed before "region" could be considered.
_EN_SUFFIXES = (
    "special administrative region",
    "autonomous region",
    "municipality",
    "province",
    "zizhiqu",
    "sheng",
    "city",
    "shi",
    "sar",
)
_ZH_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


class PlaceError(ValueError):
    """A name that cannot be mapped to exactly one province."""


@dataclass(frozen=True)
class PlaceMatch:
    """What a place name resolved to: its province code, and whether it names the province or a city."""

    code: str
    admin_level: str  # "province" or "city"
    name_en: str  # the reference's English name for what was matched


def normalise(name: str) -> str:
    """Lower-case, drop punctuation and spacing, and strip one administrative suffix."""
    text = name.strip().lower()
    for suffix in _ZH_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    text = re.sub(r"[\s'’\-_.,()]+", " ", text).strip()
    for suffix in _EN_SUFFIXES:
        if text.endswith(" " + suffix):
            text = text[: -len(suffix) - 1]
            break
    return text.replace(" ", "")


@lru_cache(maxsize=1)
def province_rows() -> tuple[dict[str, str], ...]:
    """The 34 provincial-level divisions from geo/provinces.csv, one dict per row."""
    with open(GEO_DIR / "provinces.csv", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


@lru_cache(maxsize=1)
def city_rows() -> tuple[dict[str, str], ...]:
    """The cities the sources name, with their province, from geo/cities.csv."""
    with open(GEO_DIR / "cities.csv", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def province_codes() -> frozenset[str]:
    """The 34 GB/T 2260 province codes."""
    return frozenset(r["code"] for r in province_rows())


def _names(row: dict[str, str]) -> list[str]:
    return [row["name_en"], row["name_zh"], *filter(None, row["aliases"].split("|"))]


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[PlaceMatch]]:
    index: dict[str, set[PlaceMatch]] = {}
    for row in province_rows():
        match = PlaceMatch(row["code"], "province", row["name_en"])
        for name in [*_names(row), row["code"], row["iso"]]:
            index.setdefault(normalise(name), set()).add(match)
    for row in city_rows():
        match = PlaceMatch(row["province_code"], "city", row["name_en"])
        for name in _names(row):
            key = normalise(name)
            # A city that shares its province's name (Jilin, Beijing) is read as the province.
            if not any(m.admin_level == "province" for m in index.get(key, ())):
                index.setdefault(key, set()).add(match)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _display_names() -> dict[str, str]:
    """Normalised key -> a readable name, for suggestions."""
    names = {}
    for row in (*province_rows(), *city_rows()):
        for name in _names(row):
            names.setdefault(normalise(name), name)
    return names


def suggestions(name: str, limit: int = 3) -> list[str]:
    """Known names close to `name`, to suggest when it matches none (never accepted as a match)."""
    display = _display_names()
    close = difflib.get_close_matches(normalise(name), list(display), n=limit, cutoff=0.75)
    return [display[k] for k in close]


def match_place(name: str) -> PlaceMatch:
    """The province (or city within a province) a source's place name refers to.

    Raises PlaceError for an unknown name (with suggestions) or an ambiguous one.
    """
    matches = _index().get(normalise(name), frozenset())
    if len(matches) == 1:
        return next(iter(matches))
    if len({m.code for m in matches}) > 1:
        options = ", ".join(sorted(f"{m.name_en} ({m.code})" for m in matches))
        raise PlaceError(f"'{name}' is ambiguous: it could be {options}")
    if matches:  # several matches, all in one province
        return sorted(matches, key=lambda m: m.admin_level != "province")[0]
    hint = suggestions(name)
    did_you_mean = f"; did you mean {' or '.join(hint)}?" if hint else ""
    raise PlaceError(f"'{name}' is not a province or city in the reference (geo/provinces.csv, geo/cities.csv){did_you_mean}")
