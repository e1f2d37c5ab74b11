"""The place-name matcher: spellings real sources use, and look-alikes it never confuses."""

import pytest

from dashboard import places
from dashboard.places import PlaceError, match_place


@pytest.mark.parametrize(
    "name, code, level",
    [
        ("Shanxi", "140000", "province"),
        ("Shanxi Province", "140000", "province"),
        ("山西省", "140000", "province"),
        ("Shānxī", "140000", "province"),
        ("Shaanxi", "610000", "province"),
        ("陕西", "610000", "province"),
        ("Shǎnxī", "610000", "province"),
        ("Hainan", "460000", "province"),
        ("Hainan Prefecture", "630000", "prefecture"),
        ("Xiangfan", "420000", "prefecture"),
        ("Xiangyang", "420000", "prefecture"),
        ("Inner Mongolia Autonomous Region", "150000", "province"),
        ("Nei Mongol", "150000", "province"),
        ("Guangxi Zhuang Autonomous Region", "450000", "province"),
        ("Xinjiang Uyghur", "650000", "province"),
        ("Tibet", "540000", "province"),
        ("Xizang", "540000", "province"),
        ("Hong Kong SAR", "810000", "province"),
        ("Macau", "820000", "province"),
        ("Beijing Shi", "110000", "province"),
        ("Chongqing Municipality", "500000", "province"),
        ("jilin sheng", "220000", "province"),
        ("CN-GD", "440000", "province"),
        ("440000", "440000", "province"),
        ("Xi'an", "610000", "prefecture"),
        ("Hubei", "420000", "province"),
        ("Hebei", "130000", "province"),
        ("Henan", "410000", "province"),
        ("Hunan", "430000", "province"),
    ],
)
def test_accepted_names(name, code, level):
    match = match_place(name)
    assert (match.code, match.admin_level) == (code, level)


@pytest.mark.parametrize("name", ["Shanxii", "Atlantis", "Shǎnxi", "Hunana", ""])
def test_unknown_names_are_refused(name):
    with pytest.raises(PlaceError, match="not a province or city"):
        match_place(name)


def test_refusal_suggests_both_look_alikes():
    with pytest.raises(PlaceError) as err:
        match_place("Shanxii")
    assert "Shanxi" in str(err.value) and "Shaanxi" in str(err.value)


def test_ambiguous_names_are_refused(monkeypatch):
    # A city spelled like a city in another province must not be resolved silently.
    rows = (
        {"name_en": "Taiping", "name_zh": "太平", "province_code": "340000", "aliases": "", "note": ""},
        {"name_en": "Taiping", "name_zh": "太平", "province_code": "450000", "aliases": "", "note": ""},
    )
    monkeypatch.setattr(places, "city_rows", lambda: rows)
    places._index.cache_clear()
    try:
        with pytest.raises(PlaceError, match="ambiguous"):
            match_place("Taiping")
    finally:
        places._index.cache_clear()


def test_reference_has_all_34_divisions_with_unique_codes():
    rows = places.province_rows()
    assert len(rows) == 34
    assert len({r["code"] for r in rows}) == 34
    assert len({r["iso"] for r in rows}) == 34
    assert {r["type"] for r in rows} == {"province", "municipality", "autonomous_region", "sar"}
    counts = {t: sum(r["type"] == t for r in rows) for t in ("province", "municipality", "autonomous_region", "sar")}
    assert counts == {"province": 23, "municipality": 4, "autonomous_region": 5, "sar": 2}


def test_every_reference_name_matches_its_own_code():
    for row in places.province_rows():
        for name in [row["name_en"], row["name_zh"], *filter(None, row["aliases"].split("|"))]:
            assert match_place(name).code == row["code"], name
