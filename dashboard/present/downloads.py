"""Downloads: a display table as CSV, and the whole package as zipped CSV or a workbook."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from dashboard.schema import TABLES
from dashboard.store.package import Package


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as CSV, with a byte-order mark so spreadsheet programs read Chinese as UTF-8."""
    return table.to_csv(index=False).encode("utf-8-sig")


def package_zip(package: Package) -> bytes:
    """The package's files exactly as validated, with the descriptor."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            archive.write(package.directory / table.file_name, table.file_name)
        descriptor = package.directory / "datapackage.json"
        if descriptor.exists():
            archive.write(descriptor, descriptor.name)
    return buffer.getvalue()


def package_xlsx(package: Package) -> bytes:
    """One sheet per table, with the schema's columns only (no derived date bounds)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for table in TABLES:
            package[table.name][table.all_column_names].to_excel(writer, sheet_name=table.name, index=False)
    return buffer.getvalue()
