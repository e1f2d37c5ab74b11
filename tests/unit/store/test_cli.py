"""The data steward's commands, run as a shell user would: `db upgrade`, `load`, `history`,
`dump` (byte for byte the package loaded), `rollback`, and the refusals with their reasons."""

from __future__ import annotations

import shutil
import subprocess
import sys

from dashboard.config import ROOT
from dashboard.schema import TABLES
from helpers import SMALL


def db(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", "db", "--url", url, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_load_history_dump_and_rollback_from_the_shell(database_url, tmp_path):
    assert "latest revision: none yet" in db(database_url, "upgrade").stdout
    loaded = db(database_url, "load", str(SMALL), "-m", "The small package", "--author", "Li Wei")
    assert loaded.returncode == 0 and loaded.stdout.startswith("Published revision 1 from")
    edited = shutil.copytree(SMALL, tmp_path / "edited")
    projects = (edited / "projects.csv").read_text(encoding="utf-8")
    (edited / "projects.csv").write_text(projects.replace("River Pilot", "River Pilot II", 1), encoding="utf-8")
    assert "projects +0 ~1 -0" in db(database_url, "load", str(edited), "-m", "Renamed").stdout
    again = db(database_url, "load", str(edited), "-m", "Same again")
    assert again.returncode == 1 and "the data is the same as revision 2" in again.stdout
    history = db(database_url, "history").stdout.splitlines()
    assert len(history) == 2 and '"Renamed"' in history[0] and "Li Wei" in history[1]
    db(database_url, "dump", str(tmp_path / "out"), "--revision", "1")
    for table in TABLES:
        if (SMALL / table.file_name).exists():
            assert (tmp_path / "out" / table.file_name).read_bytes() == (SMALL / table.file_name).read_bytes(), table.name
    rolled = db(database_url, "rollback", "1", "-m", "Back to the original name")
    assert rolled.returncode == 0 and "Published revision 3, restoring revision 1" in rolled.stdout
    assert "restores revision 1" in db(database_url, "history").stdout.splitlines()[0]


def test_a_bad_package_or_a_missing_message_publishes_nothing(database_url, tmp_path):
    broken = shutil.copytree(SMALL, tmp_path / "broken")
    text = (broken / "projects.csv").read_text(encoding="utf-8").splitlines()
    text[1] = text[1].replace("river", "river!", 1)
    (broken / "projects.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    refused = db(database_url, "load", str(broken), "-m", "Broken")
    assert refused.returncode == 1 and "Nothing was published" in refused.stdout and "projects.csv, row 2" in refused.stdout
    unsaid = db(database_url, "load", str(SMALL))
    assert unsaid.returncode == 2 and "--message" in unsaid.stderr
    assert db(database_url, "history").stdout == ""


def test_an_edited_workbook_is_loaded_and_its_problems_name_the_sheet(tmp_path):
    import io

    import openpyxl

    from dashboard.ingest.csv_package import read_tables
    from dashboard.present.workbook import edit_workbook

    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    db(url, "load", str(SMALL), "-m", "The small package")
    frames, _ = read_tables(SMALL)
    book = openpyxl.load_workbook(io.BytesIO(edit_workbook(frames)))
    book["reach"]["D2"] = "2250"
    book.save(tmp_path / "edited.xlsx")
    loaded = db(url, "load", str(tmp_path / "edited.xlsx"), "-m", "More planners trained")
    assert loaded.returncode == 0 and "reach +0 ~1 -0" in loaded.stdout
    book["reach"]["D2"] = "lots"
    book.save(tmp_path / "bad.xlsx")
    refused = db(url, "load", str(tmp_path / "bad.xlsx"), "-m", "Vague")
    assert refused.returncode == 1 and "sheet reach, row 2, column 'value': found 'lots'" in refused.stdout
