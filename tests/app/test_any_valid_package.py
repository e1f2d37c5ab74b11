"""Any package that passes the check renders every page and every slide: packages drawn by
Hypothesis from the schema, with empty tables, no dates, no funding and no places among them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.briefing.slides import BUILDERS, build_slides
from dashboard.config import APP_SCRIPT
from dashboard.domain.filters import Filters, apply_filters, year_range
from dashboard.store.package import read_package
from helpers import PAGES, write_rows
from dashboard.schema import TABLES
from strategies import valid_packages

SETTINGS = settings(max_examples=int(os.environ.get("PACKAGE_EXAMPLES", 8)), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], derandomize="PACKAGE_EXAMPLES" not in os.environ)


def render_every_page(directory: Path, query: dict) -> None:
    """Every page, opened with `query`: no exception, no error panel."""
    os.environ["DASHBOARD_DATA_DIR"] = str(directory)
    try:
        at = AppTest.from_file(str(APP_SCRIPT), default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        for page in PAGES:
            if page != "overview":
                at.switch_page(f"../../pages/{page}.py").run()
            assert not at.exception, (page, query, [e.value for e in at.exception])
            assert not at.error, (page, query, [e.value for e in at.error])
    finally:
        del os.environ["DASHBOARD_DATA_DIR"]


@given(data=st.data())
@SETTINGS
def test_any_valid_package_renders_every_page_and_slide(data):
    with tempfile.TemporaryDirectory() as tmp:
        directory = data.draw(valid_packages(Path(tmp) / "package"))
        package = read_package(directory)  # the check passes
        for lang in ("en", "zh"):
            assert len(build_slides(package, apply_filters(package, Filters()), lang)) == len(BUILDERS) == 9
        lo, hi = year_range(package)
        projects = list(package["projects"]["project_id"])
        render_every_page(directory, {"lang": "en"})
        # Filtered as staff filter: one project, the last year, a province, in Chinese.
        render_every_page(directory, {"lang": "zh", "project": projects[:1], "from": str(hi), "province": ["530000"]})


def test_a_package_of_header_only_tables_renders_every_page(tmp_path):
    for table in TABLES:
        write_rows(tmp_path, table.name, [])
    read_package(tmp_path)
    render_every_page(tmp_path, {"lang": "en"})
    render_every_page(tmp_path, {"lang": "zh", "province": ["530000"]})
