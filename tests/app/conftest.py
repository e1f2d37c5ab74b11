from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
PAGES = ("overview", "map", "reach", "funding", "milestones", "projects", "sources", "present")


def open_page(page: str, query: dict[str, str | list[str]] | None = None) -> AppTest:
    """Run the app as a person opening /<page>?<query> would, then return the test handle."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"../pages/{page}.py").run()
    return at


def all_text(at: AppTest) -> list[str]:
    """Every string a person reads on the page, from the element tree."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        texts += [str(e.value) for e in getattr(at, kind)]
    texts += [m.label for m in at.metric] + [str(m.value) for m in at.metric]
    texts += [t.label for t in at.tabs]
    texts += [b.label for b in at.button] + [w.label for w in at.multiselect] + [w.label for w in at.selectbox]
    for frame in at.dataframe:
        texts += [str(c) for c in frame.value.columns]
    return texts


@pytest.fixture
def page_opener():
    return open_page
