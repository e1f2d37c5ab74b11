"""Reading a CSV package: one test per kind of bad input, each naming file, row, column,
the value found and what was expected; and `python -m dashboard check`."""

import subprocess
import sys

import pytest

from dashboard.store.package import read_package
from dashboard.validate.problems import PackageError, Problem
from helpers import append_rows, edit_cell, read_rows, row_of, write_rows


def problems_of(directory) -> list[Problem]:
    with pytest.raises(PackageError) as err:
        read_package(directory)
    return err.value.problems


def only_problem(directory) -> Problem:
    problems = problems_of(directory)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


@pytest.mark.parametrize(
    "table, row, column, value, expected",
    [
        # Coast Training's funding lines (rows 4 and 5) have no stated total to disagree with.
        ("funding", 4, "amount_usd", "two million", "a number"),  # wrong type
        ("reach", 2, "value", "500.5", "a whole number"),  # wrong type
        ("projects", 2, "start", "March 2010", "YYYY-MM"),  # unparseable date
        ("projects", 2, "start", "2010-13", "YYYY-MM"),  # impossible month
        ("funding", 4, "amount_usd", "-5", "at least 0"),  # negative amount
        ("locations", 2, "role", "pilot", "one of: pilot_province"),  # outside the allowed set
        ("projects", 2, "themes", "leadership_training|golf", "one of:"),  # list outside the allowed set
        ("locations", 2, "project_id", "nope", "listed in projects.csv"),  # missing project
        ("milestones", 2, "source_id", "doc-nowhere", "listed in sources.csv"),  # missing source
        ("milestones", 2, "province_code", "990000", "GB/T 2260"),  # unknown province code
        ("milestones", 2, "five_year_plan", "9", "listed in five_year_plans.csv"),  # unknown plan
        ("projects", 2, "title", "", "required"),  # required value missing
    ],
)
def test_each_bad_value_is_reported_with_file_row_column(small_dir, table, row, column, value, expected):
    edit_cell(small_dir, table, row, column, value)
    problem = only_problem(small_dir)
    assert (problem.file, problem.row, problem.column, problem.value) == (f"{table}.csv", row, column, value)
    assert expected in problem.expected
    assert f"{table}.csv, row {row}, column '{column}': found '{value}'" in str(problem)


def test_unknown_place_name_gets_a_suggestion(small_dir):
    # 'Yunan' alone would be a real county (郁南县, Guangdong): the gazetteer knows it.
    edit_cell(small_dir, "locations", 2, "place_as_written", "Yunnnan")
    problem = only_problem(small_dir)
    assert (problem.column, problem.value) == ("place_as_written", "Yunnnan")
    assert "did you mean Yunnan" in problem.expected


def test_look_alike_name_with_the_wrong_code(small_dir):
    # Guizhou's row, renamed to a province with another code: the code no longer matches.
    row = row_of(small_dir, "locations", place_as_written="Guizhou")
    edit_cell(small_dir, "locations", row, "place_as_written", "Shaanxi")
    problem = only_problem(small_dir)
    assert (problem.row, problem.column, problem.value) == (row, "province_code", "520000")
    assert "610000" in problem.expected and "Shaanxi" in problem.expected


def test_city_given_as_a_province(small_dir):
    row = row_of(small_dir, "locations", place_as_written="Kunming")
    edit_cell(small_dir, "locations", row, "admin_level", "province")
    problem = only_problem(small_dir)
    assert (problem.row, problem.column, problem.value) == (row, "admin_level", "province")
    assert "Kunming is a prefecture" in problem.expected


def test_duplicate_key(small_dir):
    rows = read_rows(small_dir, "funding")
    append_rows(small_dir, "funding", rows[-1])
    problem = only_problem(small_dir)
    assert (problem.file, problem.row, problem.column) == ("funding.csv", len(rows) + 2, "project_id+line")
    assert "unique" in problem.expected


def test_end_date_before_start(small_dir):
    edit_cell(small_dir, "projects", 2, "end", "2009-12")
    problem = only_problem(small_dir)
    assert (problem.row, problem.column, problem.value) == (2, "end", "2009-12")
    assert "not before start (2010-03)" in problem.expected


def test_missing_and_undeclared_columns(small_dir):
    rows = read_rows(small_dir, "reach")
    path = small_dir / "reach.csv"
    header, *body = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header.replace("qualifier", "qualifer")] + body) + "\n", encoding="utf-8")
    problems = problems_of(small_dir)
    assert [(p.file, p.row, p.column) for p in problems] == [("reach.csv", 1, "qualifier"), ("reach.csv", 1, "qualifer")]
    assert "missing" in problems[0].expected and "only the columns the schema declares" in problems[1].expected
    assert len(rows) == 3


def test_row_with_too_few_cells(small_dir):
    path = small_dir / "partners.csv"
    path.write_text(path.read_text(encoding="utf-8") + "river,someone\n", encoding="utf-8")
    problem = only_problem(small_dir)
    assert (problem.file, problem.row, problem.column) == ("partners.csv", 4, "partner")  # the first column without a cell
    assert "10 cells, as in the header (found 2)" in problem.expected


def test_blank_lines_keep_the_row_numbers_a_spreadsheet_shows(small_dir):
    edit_cell(small_dir, "funding", 4, "amount_usd", "-1")
    path = small_dir / "funding.csv"
    header, first, *rest = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, first, ""] + rest) + "\n", encoding="utf-8")
    problem = only_problem(small_dir)
    assert (problem.row, problem.value) == (5, "-1")  # line 5 of the file: the blank line 3 counts


def test_empty_file(small_dir):
    (small_dir / "milestones.csv").write_text("", encoding="utf-8")
    problems = problems_of(small_dir)
    assert [(p.file, p.row) for p in problems] == [("milestones.csv", 1)]
    assert "header row" in problems[0].expected


def test_file_that_is_not_utf8(small_dir):
    (small_dir / "funding.csv").write_bytes(b"project_id,line\n\xff\xfe\x00bad")
    problems = problems_of(small_dir)
    assert problems[0].file == "funding.csv" and "UTF-8" in problems[0].expected


def test_missing_file_and_missing_folder(small_dir, tmp_path):
    (small_dir / "reach.csv").unlink()
    problem = only_problem(small_dir)
    assert problem.file == "reach.csv" and "reach.csv" in problem.expected
    assert "a folder holding the data package" in only_problem(tmp_path / "nowhere").expected


def test_budget_total_must_match_funding_lines(small_dir):
    edit_cell(small_dir, "projects", 2, "total_budget_usd", "650000")
    problem = only_problem(small_dir)
    assert (problem.file, problem.row, problem.column, problem.value) == ("projects.csv", 2, "total_budget_usd", "650000")
    assert "600,000" in problem.expected and "funding.csv" in problem.expected


def test_every_problem_is_listed_not_just_the_first(small_dir):
    edit_cell(small_dir, "funding", 4, "amount_usd", "-1")
    edit_cell(small_dir, "projects", 3, "start", "soon")
    edit_cell(small_dir, "locations", 3, "role", "capital")
    assert {(p.file, p.row, p.column) for p in problems_of(small_dir)} >= {
        ("funding.csv", 4, "amount_usd"),
        ("projects.csv", 3, "start"),
        ("locations.csv", 3, "role"),
    }


def test_missing_translation_is_a_warning_not_an_error(small_dir):
    edit_cell(small_dir, "milestones", 3, "title_zh", "")
    package = read_package(small_dir)
    assert [(w.file, w.row, w.column) for w in package.warnings] == [("milestones.csv", 3, "title_zh")]


def test_header_only_tables_are_a_valid_package(small_dir):
    for table in ("partners", "reach", "milestones"):
        write_rows(small_dir, table, [])
    package = read_package(small_dir)
    assert package["reach"].empty and list(package["reach"].columns)[:3] == ["project_id", "line", "measure"]


def check(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", "check", *map(str, args)], capture_output=True, text=True)


def test_check_command_summarises_a_package(small_dir):
    out = check(small_dir)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No errors." in out.stdout
    assert "13 tables, 28 rows, 17 values not reported by the sources." in out.stdout


def test_check_command_fails_on_bad_data_and_lists_every_problem(small_dir):
    edit_cell(small_dir, "funding", 4, "amount_usd", "-5")
    edit_cell(small_dir, "locations", 2, "place_as_written", "Atlantis")
    out = check(small_dir)
    assert out.returncode == 1
    assert "funding.csv, row 4, column 'amount_usd': found '-5'; expected a value of at least 0" in out.stdout
    assert "locations.csv, row 2, column 'place_as_written': found 'Atlantis'" in out.stdout


def test_repeated_header_column(small_dir):
    path = small_dir / "partners.csv"
    header, *body = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header + ",role"] + [line + ",x" for line in body]) + "\n", encoding="utf-8")
    problem = only_problem(small_dir)
    assert (problem.file, problem.row, problem.column) == ("partners.csv", 1, "role")
    assert problem.expected == "each column once in the header row (this one repeats)"


@pytest.mark.parametrize(
    "text",
    [
        "a,b\n1,2\n3,4\n",
        'a,b\n"x\n\ny",2\n3,4\n',  # a blank line inside a quoted cell is part of the cell
        "a,b\n'=SUM(A1),2\n'plain,  spaced  \n",  # the inert-formula apostrophe goes; an ordinary one stays
    ],
)
def test_the_fast_reader_reads_exactly_as_the_careful_one(tmp_path, text, monkeypatch):
    from dashboard.ingest import csv_package
    from dashboard.schema import TABLE_BY_NAME

    path = tmp_path / "sources.csv"
    path.write_text(text, encoding="utf-8")
    fast, _ = csv_package.read_table(path, TABLE_BY_NAME["sources"])
    assert csv_package._read_fast(path.read_bytes(), text) is not None
    monkeypatch.setattr(csv_package, "_read_fast", lambda data, text: None)
    careful, _ = csv_package.read_table(path, TABLE_BY_NAME["sources"])
    assert fast.equals(careful) and list(fast.index) == list(careful.index)


def test_blank_lines_and_ragged_rows_go_to_the_careful_reader():
    from dashboard.ingest.csv_package import _read_fast

    assert _read_fast(b"a,b\n1,2\n\n3,4\n", "a,b\n1,2\n\n3,4\n") is None  # the blank line keeps its row number
    assert _read_fast(b"a,b\n1,2,3\n", "a,b\n1,2,3\n") is None
    assert _read_fast(b"a,a\n1,2\n", "a,a\n1,2\n") is None
