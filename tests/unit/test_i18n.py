import re

import pytest

from dashboard.i18n import LANGUAGES, STRINGS, format_partial_date, placeholders, t
from dashboard.load import read_package
from dashboard.schema import FUNDER_TYPES, MILESTONE_KINDS, ROLES, THEMES


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_with_the_same_placeholders(key):
    entry = STRINGS[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert placeholders(entry["en"]) == placeholders(entry["zh"])


def test_chinese_strings_are_chinese():
    han = re.compile(r"[\u4e00-\u9fff]")
    untranslated = [k for k, v in STRINGS.items() if not han.search(v["zh"])]
    assert untranslated == []


def test_every_allowed_data_value_has_a_term():
    for group, values in (("role", ROLES), ("funder_type", FUNDER_TYPES), ("kind", MILESTONE_KINDS), ("theme", THEMES)):
        for value in values:
            assert f"{group}.{value}" in STRINGS


def test_every_translatable_data_value_has_chinese():
    assert read_package().warnings == []


def test_partial_dates_read_naturally():
    assert format_partial_date("2007-07", "en") == "Jul 2007"
    assert format_partial_date("2006-09-26", "en") == "26 Sep 2006"
    assert format_partial_date("2007-07", "zh") == "2007年7月"
    assert format_partial_date(None, "zh") == "未报告"


def test_placeholders_are_filled():
    assert t("kpi.funding_note", "zh", n=2) == "2个项目未报告资金"


def test_self_hosted_font_covers_every_chinese_character_we_show():
    from fontTools.ttLib import TTFont

    from dashboard.load import DATA_DIR
    from dashboard.places import GEO_DIR

    font = TTFont(DATA_DIR.parent / "dashboard" / "static" / "NotoSansSC-Regular.woff2")
    covered = set(font.getBestCmap())
    text = "".join(v["zh"] for v in STRINGS.values())
    text += "".join(p.read_text(encoding="utf-8") for p in [*DATA_DIR.glob("*.csv"), *GEO_DIR.glob("*.csv")])
    missing = sorted({c for c in text if 0x3400 <= ord(c) <= 0x9FFF and ord(c) not in covered})
    assert missing == [], "run `make fonts` to rebuild the font subset"
