"""The string table: both languages everywhere, every coded value labelled, the font covers it."""

import re

import pytest

from dashboard.config import BUNDLED_DATA_DIR, GEO_DIR, STATIC_DIR
from dashboard.present.i18n import LANGUAGES, STRINGS, format_partial_date, format_usd, header, join_names, placeholders, plan_label, t
from dashboard.schema import TABLES, codelists

# Which string group labels which code list (`role.pilot_province` labels ROLES' pilot_province).
TERM_GROUPS = {
    "role": codelists.ROLES,
    "funder_type": codelists.FUNDER_TYPES,
    "kind": codelists.MILESTONE_KINDS,
    "theme": codelists.THEMES,
    "status": codelists.PROJECT_STATUSES + codelists.MILESTONE_STATUSES,
    "scope": codelists.SCOPES,
    "qualifier": codelists.QUALIFIERS,
    "measure": codelists.REACH_MEASURES,
    "unit": codelists.REACH_UNITS,
    "admin_level": codelists.ADMIN_LEVELS,
    "partner_type": codelists.PARTNER_TYPES,
    "partner_role": codelists.PARTNER_ROLES,
    "source_kind": codelists.SOURCE_KINDS,
}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_with_the_same_placeholders(key):
    entry = STRINGS[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert placeholders(entry["en"]) == placeholders(entry["zh"])


def test_chinese_strings_are_chinese():
    han = re.compile(r"[\u4e00-\u9fff]")
    assert [k for k, v in STRINGS.items() if not han.search(v["zh"])] == []


def test_every_allowed_data_value_has_a_term():
    missing = [f"{group}.{v}" for group, values in TERM_GROUPS.items() for v in values if f"{group}.{v}" not in STRINGS]
    assert missing == []


def test_every_table_and_gap_column_has_a_header():
    assert [t.name for t in TABLES if f"table.{t.name}" not in STRINGS] == []
    gap_columns = {c.name for t in TABLES for c in t.columns if c.gap}
    assert sorted(c for c in gap_columns if f"col.{c}" not in STRINGS) == []


def test_formats_follow_the_language():
    assert format_partial_date("2007-07", "en") == "Jul 2007"
    assert format_partial_date("2006-09-26", "en") == "26 Sep 2006"
    assert format_partial_date("2007-07", "zh") == "2007年7月"
    assert format_partial_date(None, "zh") == "未报告"
    assert format_usd(1_740_000, "en") == "US$ 1,740,000" and format_usd(1_740_000, "zh") == "1,740,000 美元"
    assert join_names(["A", "B"], "en") == "A, B" and join_names(["甲", "乙"], "zh") == "甲、乙"
    assert plan_label(11, "en") == "11th Five-Year Plan" and plan_label(11, "zh") == "“十一五”"
    assert header("amount_usd", "en") == "Amount (USD)" and header("some data value", "en") == "some data value"


def test_placeholders_are_filled():
    assert t("kpi.spending_share", "zh", share=43) == "占公开预算的43%"


def test_self_hosted_font_covers_every_chinese_character_we_show():
    from fontTools.ttLib import TTFont

    font = TTFont(STATIC_DIR / "NotoSansSC-Regular.woff2")
    covered = set(font.getBestCmap())
    text = "".join(v["zh"] for v in STRINGS.values())
    text += "".join(p.read_text(encoding="utf-8") for p in [*BUNDLED_DATA_DIR.glob("*.csv"), *GEO_DIR.glob("*.csv")])
    missing = sorted({c for c in text if 0x3400 <= ord(c) <= 0x9FFF and ord(c) not in covered})
    assert missing == [], "run `make fonts` to rebuild the font subset"


def test_no_string_key_is_declared_twice():
    # A repeated key in the table's literal silently keeps only the last text.
    import ast

    from dashboard.present import i18n

    source = ast.parse(open(i18n.__file__, encoding="utf-8").read())
    table = next(node.value for node in source.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                 and getattr(node.targets[0] if isinstance(node, ast.Assign) else node.target, "id", "") == "STRINGS")
    keys = [k.value for k in table.keys]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
