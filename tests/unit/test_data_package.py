"""Every package the product writes is a valid Frictionless data package, judged by the
Frictionless Framework itself (an outside validator): the bundled folder, `import-iati
--out`, `db dump` and the zipped download. Numbers stay numbers; only files meant for a
spreadsheet are made inert, and only where a spreadsheet would run the text."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import Package as FrictionlessPackage

from dashboard.config import BUNDLED_DATA_DIR, ROOT
from dashboard.present.downloads import csv_bytes, package_zip
from dashboard.schema import TABLES
from dashboard.store.package import read_package
from helpers import SMALL, hostile_package


def frictionless_errors(directory: Path) -> list[str]:
    """Every error the Frictionless Framework finds in the package at `directory`."""
    report = FrictionlessPackage(str(directory / "datapackage.json")).validate()
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [e.message for e in report.errors]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_bundled_package_is_valid():
    assert frictionless_errors(BUNDLED_DATA_DIR) == []


def test_the_validator_checks_types_keys_and_references(tmp_path):
    """The descriptor declares enough for the validator to catch each kind of fault."""
    for edit, expected in [
        (("transactions.csv", "amount_usd", "'-288"), "type-error"),
        (("funding.csv", "project_id", "no-such-project"), "foreign-key"),
        (("locations.csv", "province_code", "990000"), "constraint-error"),
    ]:
        copy = shutil.copytree(BUNDLED_DATA_DIR, tmp_path / expected, ignore=shutil.ignore_patterns("iati"))
        file_name, column, value = edit
        frame = pd.read_csv(copy / file_name, dtype=str, keep_default_na=False)
        frame.loc[frame.index[0], column] = value
        frame.to_csv(copy / file_name, index=False)
        report = FrictionlessPackage(str(copy / "datapackage.json")).validate()
        assert expected in {e.type for t in report.tasks for e in t.errors}, edit
    duplicate = shutil.copytree(BUNDLED_DATA_DIR, tmp_path / "primary", ignore=shutil.ignore_patterns("iati"))
    projects = (duplicate / "projects.csv").read_text(encoding="utf-8").splitlines()
    (duplicate / "projects.csv").write_text("\n".join([*projects, projects[1]]) + "\n", encoding="utf-8")
    report = FrictionlessPackage(str(duplicate / "datapackage.json")).validate()
    assert "primary-key" in {e.type for t in report.tasks for e in t.errors}


def test_negative_amounts_are_plain_numbers_in_the_package():
    amounts = pd.read_csv(BUNDLED_DATA_DIR / "transactions.csv")["amount_usd"]
    assert amounts.dtype.kind in "if" and (amounts < 0).any()  # reversals, as UNDP publishes them
    with (BUNDLED_DATA_DIR / "locations.csv").open(encoding="utf-8") as f:
        latitudes = [row["latitude"] for row in csv.DictReader(f) if row["latitude"]]
    assert latitudes and all(not value.startswith("'") for value in latitudes)


def test_import_iati_out_writes_a_valid_package(tmp_path):
    done = run("import-iati", *map(str, sorted((BUNDLED_DATA_DIR / "iati").glob("*.xml"))), "--base", str(SMALL), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out" / "datapackage.json").exists()
    assert frictionless_errors(tmp_path / "out") == []


def test_db_dump_writes_a_valid_package(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert run("db", "--url", url, "load", str(BUNDLED_DATA_DIR), "-m", "The bundled package", "--author", "Test").returncode == 0
    assert run("db", "--url", url, "dump", str(tmp_path / "dump")).returncode == 0
    assert frictionless_errors(tmp_path / "dump") == []


def test_the_zipped_download_is_a_valid_package_holding_values_as_they_are(tmp_path):
    package = read_package(hostile_package(SMALL, tmp_path / "hostile"))
    zipfile.ZipFile(io.BytesIO(package_zip(package))).extractall(tmp_path / "zip")
    assert frictionless_errors(tmp_path / "zip") == []
    with (tmp_path / "zip" / "projects.csv").open(encoding="utf-8") as f:
        titles = [row["title"] for row in csv.DictReader(f)]
    assert any(t.startswith('=HYPERLINK("http://hostile.example/"') for t in titles)  # the data as it is, for programs
    with (tmp_path / "zip" / "projects.csv").open(encoding="utf-8") as f:
        assert next(csv.DictReader(f))["undp_project_id"] == "00012345"  # ids keep their leading zeros
    back = read_package(tmp_path / "zip")
    for table in TABLES:
        pd.testing.assert_frame_equal(back[table.name], package[table.name])


def test_the_zipped_download_of_the_bundled_package_is_valid(tmp_path):
    zipfile.ZipFile(io.BytesIO(package_zip(read_package(BUNDLED_DATA_DIR)))).extractall(tmp_path)
    assert frictionless_errors(tmp_path) == []


@pytest.mark.parametrize("number", ["-288", "-15.40669", "+3", "1e5", ".5"])
def test_a_spreadsheet_csv_leaves_numbers_written_as_text_alone(number):
    table = pd.DataFrame({"Value": [number, "=1+1"]})
    rows = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == [number, "'=1+1"]


def test_packages_written_the_old_way_read_the_same(tmp_path):
    """Earlier versions put an apostrophe before every cell starting like a formula,
    negative numbers included; the reader still takes it off."""
    old = shutil.copytree(BUNDLED_DATA_DIR, tmp_path / "old", ignore=shutil.ignore_patterns("iati"))
    for name in ("transactions.csv", "locations.csv", "results.csv"):
        frame = pd.read_csv(old / name, dtype=str, keep_default_na=False)
        frame = frame.apply(lambda column: column.map(lambda v: "'" + v if v.startswith(("-", "=", "+", "@")) else v))
        frame.to_csv(old / name, index=False)
    assert "'-288" in (old / "transactions.csv").read_text(encoding="utf-8")
    before, after = read_package(BUNDLED_DATA_DIR), read_package(old)
    for table in TABLES:
        pd.testing.assert_frame_equal(after[table.name], before[table.name])


def test_a_package_written_before_a_column_was_added_still_reads(tmp_path):
    """transactions.provider_type came in 2026-12: a package without it reads it as empty."""
    old = shutil.copytree(BUNDLED_DATA_DIR, tmp_path / "old", ignore=shutil.ignore_patterns("iati"))
    frame = pd.read_csv(old / "transactions.csv", dtype=str, keep_default_na=False).drop(columns="provider_type")
    frame.to_csv(old / "transactions.csv", index=False)
    read = read_package(old)["transactions"]
    assert len(read) == len(frame) and read["provider_type"].isna().all()


def test_provider_types_are_the_ones_the_file_publishes():
    import xml.etree.ElementTree as ET
    from collections import Counter

    published = Counter(p.get("type") for p in ET.parse(BUNDLED_DATA_DIR / "iati" / "undp-china-2017.xml").getroot().iter("provider-org"))
    expected = {code: n for code, n in published.items() if code and code.strip() != "0"}  # "0" is no IATI code
    types = pd.read_csv(BUNDLED_DATA_DIR / "transactions.csv", dtype=str, keep_default_na=False)["provider_type"]
    assert Counter(t for t in types if t) == {code.strip(): n for code, n in expected.items()}
