"""Downloads of the whole data package: a zip of the CSV files and an Excel workbook."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from dashboard.load import Package
from dashboard.schema import TABLES


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
