"""The schema's own tests: the descriptor is in step, every column is described."""

import json

from dashboard.config import BUNDLED_DATA_DIR
from dashboard.schema import TABLES
from dashboard.schema.descriptor import descriptor


def test_descriptor_file_is_in_step_with_the_schema():
    on_disk = json.loads((BUNDLED_DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert on_disk == descriptor(), "run `python -m dashboard datapackage` after changing dashboard/schema/"


def test_every_column_is_described_and_every_key_exists():
    for table in TABLES:
        assert all(c.description for c in table.columns), table.name
        assert set(table.primary_key) <= {c.name for c in table.columns}, table.name
        for start, end in table.ordered_dates:
            assert {start, end} <= {c.name for c in table.columns}


def test_every_table_carries_its_source():
    assert [t.name for t in TABLES if "source_id" not in {c.name for c in t.columns}] == []
