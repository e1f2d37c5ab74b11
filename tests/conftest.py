from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.load import DATA_DIR


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled data package."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
