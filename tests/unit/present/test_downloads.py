"""Downloads: CSV readable by spreadsheets, and the whole package as zip and workbook."""

import io
import zipfile

import openpyxl
import pandas as pd

from dashboard.present.downloads import csv_bytes, package_xlsx, package_zip
from dashboard.schema import TABLES


def test_csv_has_a_byte_order_mark_and_plain_numbers():
    data = csv_bytes(pd.DataFrame({"项目": ["流域试点"], "Amount (USD)": [600000.0]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["项目,Amount (USD)", "流域试点,600000.0"]


def test_package_downloads_hold_every_table(small):
    names = zipfile.ZipFile(io.BytesIO(package_zip(small))).namelist()
    assert sorted(names) == sorted(t.file_name for t in TABLES)
    book = openpyxl.load_workbook(io.BytesIO(package_xlsx(small)))
    assert book.sheetnames == [t.name for t in TABLES]
    assert book["funding"].max_row == len(small["funding"]) + 1
    assert [c.value for c in book["projects"][1]] == TABLES[1].all_column_names
