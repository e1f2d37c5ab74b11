"""Downloads meant for a spreadsheet are inert: nothing a spreadsheet would run, ids kept
as text. (The zipped package is for programs: `tests/unit/test_data_package.py`.)"""

import csv
import io

import openpyxl
import pandas as pd
import pytest

from dashboard.formulas import inert, restored
from dashboard.present.downloads import csv_bytes, package_xlsx, workbook_bytes
from dashboard.store.package import read_package
from helpers import SMALL, hostile_package

RISKY = ['=HYPERLINK("http://x.example","click")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "＝1+1"]


@pytest.mark.parametrize("text", RISKY)
def test_formula_like_text_gains_an_apostrophe_and_loses_it_on_reading(text):
    assert inert(text) == "'" + text
    assert restored(inert(text)) == text


def test_plain_text_and_numbers_pass_unchanged():
    assert inert("River Pilot") == "River Pilot" and inert(-5) == -5 and inert("-288") == "-288"
    assert restored("'-288") == "-288"  # as packages written before 2026-12 hold it
    assert restored("'quoted") == "'quoted"  # only an apostrophe before a formula is ours


def table_with_risks() -> pd.DataFrame:
    return pd.DataFrame({"Project": RISKY, "Number": ["00056242"] * len(RISKY), "Amount": [-1.5, 2, 3, 4, 5, 6]})


def test_csv_download_is_inert_and_keeps_negative_numbers():
    rows = list(csv.reader(io.StringIO(csv_bytes(table_with_risks()).decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["'" + t for t in RISKY]
    assert [r[1] for r in rows[1:]] == ["00056242"] * len(RISKY)
    assert rows[1][2] == "-1.5"


def test_workbook_holds_text_cells_never_formulas():
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes({"t": table_with_risks()})))["t"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [c.value for c in sheet["A"][1:]] == RISKY  # the text itself, readable
    assert all(c.quotePrefix for c in sheet["A"][1:])
    assert [(c.value, c.data_type, c.number_format) for c in sheet["B"][1:2]] == [("00056242", "s", "@")]
    assert sheet["C2"].value == -1.5 and sheet["C2"].data_type == "n"


def test_package_workbook_is_inert(tmp_path):
    package = read_package(hostile_package(SMALL, tmp_path))
    book = openpyxl.load_workbook(io.BytesIO(package_xlsx(package)))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    title = next(c for c in book["projects"]["B"][1:])
    assert title.value.startswith('=HYPERLINK("http://hostile.example/"') and title.quotePrefix
    column = next(c.column_letter for c in book["projects"][1] if c.value == "undp_project_id")
    assert book["projects"][f"{column}2"].value == "00012345"
