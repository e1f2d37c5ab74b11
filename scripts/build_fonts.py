"""Build the self-hosted Chinese font: dashboard/web/static/NotoSansSC-{Regular,Bold}.woff2.

Source: Debian's fonts-noto-cjk (Noto Sans CJK SC, SIL Open Font License 1.1). Subset to
the 3,755 most common Chinese characters (GB 2312 level 1), every character in the string
table and the data package, and CJK punctuation, so the whole font is a few hundred KB
per weight instead of 16 MB. Run with `make fonts`; the output is committed. A test fails
when the strings or data use a character the font lacks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SOURCE = Path("/usr/share/fonts/opentype/noto")
OUT = ROOT / "dashboard" / "web" / "static"
SC_INDEX = 2  # Noto Sans CJK SC inside the collection


def gb2312_level1() -> set[str]:
    """The 3,755 common characters of GB 2312 level 1."""
    chars = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def used_characters() -> set[str]:
    """Every character the string table, the data and the reference use."""
    from dashboard.config import BUNDLED_DATA_DIR as DATA_DIR
    from dashboard.config import GEO_DIR
    from dashboard.present.i18n import STRINGS

    text = "".join(v["zh"] for v in STRINGS.values())
    text += "".join(p.read_text(encoding="utf-8") for p in [*DATA_DIR.glob("*.csv"), *GEO_DIR.glob("*.csv")])
    return {c for c in text if ord(c) > 0x2000}


def punctuation() -> set[str]:
    """CJK and full-width punctuation."""
    ranges = [(0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2010, 0x2027)]
    return {chr(c) for a, b in ranges for c in range(a, b + 1)}


def build(weight: str) -> Path:
    """Write the woff2 subset of one weight and return its path."""
    font = TTCollection(SOURCE / f"NotoSansCJK-{weight}.ttc").fonts[SC_INDEX]
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(gb2312_level1() | used_characters() | punctuation()))
    subsetter.subset(font)
    out = OUT / f"NotoSansSC-{weight}.woff2"
    font.flavor = "woff2"
    font.save(out)
    return out


if __name__ == "__main__":
    for weight in ("Regular", "Bold"):
        path = build(weight)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.0f} KB")
