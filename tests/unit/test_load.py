"""The loader on the bundled package and on packages with one kind of bad input each."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import load
from dashboard.descriptor import descriptor
from dashboard.gaps import data_gaps, gap_counts
from dashboard.schema import TABLE_BY_NAME, TABLES


def edit_cell(directory: Path, table: str, row: int, column: str, value: str) -> None:
    """Set one cell; `row` is the spreadsheet row (header = 1)."""
    path = directory / f"{table}.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def problems_of(directory: Path) -> list[load.Problem]:
    with pytest.raises(load.PackageError) as err:
        load.read_package(directory)
    return err.value.problems


def only_problem(directory: Path) -> load.Problem:
    problems = problems_of(directory)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_bundled_package_is_valid_and_complete():
    package = load.read_package()
    assert set(package.tables) == {t.name for t in TABLES}
    assert set(package["projects"]["project_id"]) == {"alp-3", "xiaokang", "good-governance", "iprcc-ssc"}
    assert package.warnings == []
    for table in TABLES:
        if "source_id" in package[table.name]:
            assert package[table.name]["source_id"].notna().all()


def test_bundled_sources_are_the_four_seed_documents():
    package = load.read_package()
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    documents = package["sources"].query("kind == 'document'")
    assert len(documents) == 4
    if seeds.is_dir():  # the seeds sit beside the repository in CI and development
        assert set(documents["file_name"]) == {p.name for p in seeds.iterdir()}


def test_typed_columns_and_date_bounds():
    projects = load.read_package()["projects"].set_index("project_id")
    gg = projects.loc["good-governance"]
    assert gg["total_budget_usd"] == 1_740_000
    assert str(gg["start_first"].date()) == "2007-07-01"
    assert str(gg["end_last"].date()) == "2011-12-31"
    assert gg["start_precision"] == "month"
    assert projects.loc["alp-3", "start_precision"] == "unknown"


def test_tiny_hand_built_package(tmp_path):
    """The smallest valid package: one source, one project, nothing else."""
    for table in TABLES:
        (tmp_path / table.file_name).write_text(",".join(table.all_column_names) + "\n", encoding="utf-8")
    def write(table, values: dict[str, str]) -> None:
        columns = table.all_column_names
        row = ",".join(values.get(c, "") for c in columns)
        (tmp_path / table.file_name).write_text(",".join(columns) + "\n" + row + "\n", encoding="utf-8")

    sources, projects = TABLE_BY_NAME["sources"], TABLE_BY_NAME["projects"]
    write(sources, {"source_id": "s1", "file_name": "s1.txt", "kind": "document", "title": "A brief", "title_zh": "简介", "date": "2010"})
    write(
        projects,
        {
            "project_id": "p1", "title": "Title", "title_zh": "标题", "short_title": "Short", "short_title_zh": "短",
            "description": "Desc", "description_zh": "描述", "start": "2009", "end": "2010-06", "status": "ongoing",
            "themes": "poverty_reduction", "source_id": "s1", "section": "Intro",
        },
    )
    package = load.read_package(tmp_path)
    assert len(package["projects"]) == 1
    gaps = data_gaps(package)
    assert set(gaps["field"]) == {"publisher", "undp_project_id"}


@pytest.mark.parametrize(
    "table, row, column, value, expected",
    [
        ("funding", 2, "amount_usd", "two million", "a number"),  # wrong type
        ("reach", 2, "value", "500.5", "a whole number"),  # wrong type
        ("projects", 4, "start", "July 2007", "YYYY-MM"),  # unparseable date
        ("projects", 4, "start", "2007-13", "YYYY-MM"),  # impossible month
        ("funding", 2, "amount_usd", "-5", "at least 0"),  # negative amount
        ("locations", 2, "role", "pilot", "one of: pilot_province"),  # outside the allowed set
        ("projects", 2, "themes", "leadership_training|golf", "one of:"),  # list outside the allowed set
        ("locations", 2, "project_id", "alp-9", "listed in projects.csv"),  # missing project
        ("milestones", 2, "source_id", "999_nothing", "listed in sources.csv"),  # missing source
        ("milestones", 2, "province_code", "990000", "GB/T 2260"),  # unknown province code
        ("projects", 2, "title", "", "required"),  # required value missing
    ],
)
def test_each_bad_value_is_reported_with_file_row_column(package_dir, table, row, column, value, expected):
    edit_cell(package_dir, table, row, column, value)
    problem = only_problem(package_dir)
    assert (problem.file, problem.row, problem.column, problem.value) == (f"{table}.csv", row, column, value)
    assert expected in problem.expected
    assert f"{table}.csv, row {row}, column '{column}'" in str(problem)


def test_unknown_province_name(package_dir):
    edit_cell(package_dir, "locations", 2, "place_as_written", "Jiangsuu")
    problem = only_problem(package_dir)
    assert (problem.column, problem.value) == ("place_as_written", "Jiangsuu")
    assert "did you mean Jiangsu" in problem.expected


def test_look_alike_name_with_the_wrong_code(package_dir):
    # Row of Shanxi (field study) in locations: switch the name to its look-alike.
    rows = list(csv.DictReader((package_dir / "locations.csv").open(encoding="utf-8")))
    row = next(i for i, r in enumerate(rows, start=2) if r["place_as_written"] == "Shanxi")
    edit_cell(package_dir, "locations", row, "place_as_written", "Shaanxi")
    problem = only_problem(package_dir)
    assert (problem.row, problem.column, problem.value) == (row, "province_code", "140000")
    assert "610000" in problem.expected and "Shaanxi" in problem.expected


def test_duplicate_key(package_dir):
    path = package_dir / "funding.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    problem = only_problem(package_dir)
    assert (problem.file, problem.row, problem.column) == ("funding.csv", len(lines) + 1, "project_id+line")
    assert "unique" in problem.expected


def test_end_date_before_start(package_dir):
    edit_cell(package_dir, "projects", 4, "end", "2006-12")
    problem = only_problem(package_dir)
    assert (problem.row, problem.column, problem.value) == (4, "end", "2006-12")
    assert "not before start (2007-07)" in problem.expected


def test_missing_required_column(package_dir):
    path = package_dir / "reach.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    drop = rows[0].index("qualifier")
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([r[:drop] + r[drop + 1 :] for r in rows])
    problem = only_problem(package_dir)
    assert (problem.file, problem.row, problem.column) == ("reach.csv", 1, "qualifier")
    assert "missing" in problem.expected


def test_empty_file(package_dir):
    (package_dir / "milestones.csv").write_text("", encoding="utf-8")
    problems = problems_of(package_dir)
    assert [(p.file, p.row) for p in problems] == [("milestones.csv", None)]
    assert "header row" in problems[0].expected


def test_unreadable_file(package_dir):
    (package_dir / "funding.csv").write_bytes(b"project_id,line\n\xff\xfe\x00bad")
    problems = problems_of(package_dir)
    assert problems[0].file == "funding.csv" and "UTF-8" in problems[0].expected


def test_missing_file(package_dir):
    (package_dir / "reach.csv").unlink()
    problem = only_problem(package_dir)
    assert problem.file == "reach.csv" and "reach.csv" in problem.expected


def test_budget_total_must_match_funding_lines(package_dir):
    edit_cell(package_dir, "projects", 4, "total_budget_usd", "1800000")
    problem = only_problem(package_dir)
    assert (problem.column, problem.value) == ("total_budget_usd", "1800000")
    assert "1,740,000" in problem.expected


def test_every_problem_is_listed_not_just_the_first(package_dir):
    edit_cell(package_dir, "funding", 2, "amount_usd", "-1")
    edit_cell(package_dir, "projects", 3, "start", "soon")
    edit_cell(package_dir, "locations", 3, "role", "capital")
    assert {(p.file, p.column) for p in problems_of(package_dir)} >= {
        ("funding.csv", "amount_usd"),
        ("projects.csv", "start"),
        ("locations.csv", "role"),
    }


def test_missing_translation_is_a_warning(package_dir):
    edit_cell(package_dir, "milestones", 3, "title_zh", "")
    package = load.read_package(package_dir)
    assert [(w.file, w.row, w.column) for w in package.warnings] == [("milestones.csv", 3, "title_zh")]


def test_gaps_are_counted_per_table():
    package = load.read_package()
    gaps = data_gaps(package)
    # The review report names no funder and no amount for the Xiaokang programme.
    xk = gaps.query("table == 'funding' and project_id == 'xiaokang'")
    assert set(xk["field"]) == {"funder_as_named", "funder", "amount_usd"}
    # Its five original pilot provinces are not named.
    assert len(gaps.query("table == 'locations' and field == 'province_code'")) == 1
    counts = gap_counts(package)
    assert counts.sum() == len(gaps) and counts["five_year_plans"] == 0


def test_check_command_summarises_the_bundled_package():
    out = subprocess.run([sys.executable, "-m", "dashboard", "check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "No errors." in out.stdout
    assert "milestones" in out.stdout and "not reported" in out.stdout


def test_check_command_fails_on_bad_data_and_lists_problems(package_dir):
    edit_cell(package_dir, "funding", 2, "amount_usd", "-5")
    edit_cell(package_dir, "locations", 2, "place_as_written", "Atlantis")
    out = subprocess.run([sys.executable, "-m", "dashboard", "check", str(package_dir)], capture_output=True, text=True)
    assert out.returncode == 1
    assert "funding.csv, row 2, column 'amount_usd': found '-5'" in out.stdout
    assert "locations.csv, row 2, column 'place_as_written': found 'Atlantis'" in out.stdout


def test_descriptor_file_is_in_step_with_the_schema():
    on_disk = json.loads((load.DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert on_disk == descriptor(), "run `python -m dashboard datapackage` after changing dashboard/schema.py"


def test_exports_hold_every_table():
    import io
    import zipfile

    import openpyxl

    from dashboard import exports

    package = load.read_package()
    names = zipfile.ZipFile(io.BytesIO(exports.package_zip(package))).namelist()
    assert sorted(names) == sorted([t.file_name for t in TABLES] + ["datapackage.json"])
    book = openpyxl.load_workbook(io.BytesIO(exports.package_xlsx(package)))
    assert book.sheetnames == [t.name for t in TABLES]
    assert book["funding"].max_row == len(package["funding"]) + 1
