"""The layers import one way: each module imports only from its own layer or those before
it in the flow sources → ingest → validate → store → domain → present → briefing / web."""

import ast
import re
from pathlib import Path

import pytest

from dashboard.config import ROOT

ORDER = ["config", "dates", "formulas", "places", "schema", "validate.problems", "ingest", "validate", "store", "domain", "present", "briefing", "web"]
MODULES = sorted((ROOT / "dashboard").rglob("*.py"))


def layer(module: str) -> int:
    """Position of a dotted module name (below `dashboard.`) in ORDER; the most specific entry wins."""
    for name in sorted(ORDER, key=len, reverse=True):
        if module == name or module.startswith(name + "."):
            return ORDER.index(name)
    return len(ORDER)  # __main__ and the package itself may use everything


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    return [n.removeprefix("dashboard.") for n in names if n.startswith("dashboard.")]


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_imports_point_one_way(path):
    module = ".".join(path.relative_to(ROOT / "dashboard").with_suffix("").parts)
    if module.endswith("__init__"):
        module = module.removesuffix(".__init__")
    own = layer(module)
    later = [name for name in imports_of(path) if layer(name) > own]
    assert later == [], f"{module} imports from a later layer: {later}"
    assert not (module.startswith("present") or module.startswith("domain")) or "streamlit" not in path.read_text(), "no Streamlit below web/"


def test_no_python_ast_is_built_while_pages_run():
    # Python 3.11 corrupts its AST recursion counter when two threads build Python ASTs at
    # once (CPython gh-106905); pages run in threads, and views are warmed up in another.
    # DataFrame.query/eval parse their expression with `ast`; Streamlit's magic parses pages.
    sources = [p for p in [*MODULES, *sorted((ROOT / "pages").glob("*.py"))]]
    users = [str(p.relative_to(ROOT)) for p in sources if re.search(r"\.(query|eval)\(\s*[\"']|\bimport ast\b|\bast\.parse\(", p.read_text(encoding="utf-8"))]
    assert users == []
    assert "magicEnabled = false" in (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
