"""Data reaches the page as text: Markdown escaping for Streamlit, entities for plotly."""

import json

import pytest

from dashboard.briefing.slides import build_slides
from dashboard.domain.filters import Filters, apply_filters
from dashboard.store.package import read_package
from dashboard.web.components import md
from helpers import HOSTILE, SMALL, hostile_package


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("**bold** _em_ `code`", r"\*\*bold\*\* \_em\_ \`code\`"),
        ("[x](y) <b>z</b> $m$", r"\[x\]\(y\) \<b\>z\</b\> \$m\$"),
        (":red[x] :smile: # h", r"\:red\[x\] \:smile\: \# h"),
        ("1,000 it's a/b", "1,000 it's a/b"),  # nothing to escape stays as it was
        ("first\n    indented", "first\nindented"),  # an indented line would be a code block
    ],
)
def test_markdown_escaping(text, markdown):
    assert md(text) == markdown


def test_bare_addresses_are_broken_with_an_invisible_joiner():
    assert md("http://a.b www.c.d e@f.g") == "http\\:\u2060//a\\.b www\u2060\\.c\\.d e\u2060@f\\.g"


def strings(value) -> list[str]:
    """Every string in a plotly figure's JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chart_labels_carry_hostile_data_as_entities(tmp_path, lang):
    package = read_package(hostile_package(SMALL, tmp_path))
    figures = [s.figure for s in build_slides(package, apply_filters(package, Filters()), lang) if s.figure is not None]
    assert len(figures) == 4
    texts = [s for f in figures for s in strings(json.loads(f.to_json()))]
    carried = [s for s in texts if "BOLDHOSTILE" in s]
    assert carried, "the payload should be on the charts"
    assert not [s for s in carried if "<b>BOLDHOSTILE" in s or "<script" in s or "$MATHHOSTILE" in s]
    assert any("&lt;b&gt;BOLDHOSTILE&lt;/b&gt;" in s and "&#36;MATHHOSTILE&#36;" in s for s in carried)
    assert HOSTILE not in texts
