"""Uploads: the three kinds taken (workbook, zipped CSV package, IATI file merged with the
latest data), each recognised by content as well as name; a file too large, of another
kind, or not what its name says is refused with a reason; a zip's member paths are never
used as paths; drafts keep everything, problems included, per editor and database."""

from __future__ import annotations

import io
import zipfile

from dashboard.config import ROOT
from dashboard.ingest.csv_package import read_tables
from dashboard.present.workbook import edit_workbook
from dashboard.schema import TABLES
from dashboard.ingest.bounds import LIMITS
from dashboard.store import uploads
from helpers import SMALL, officer_workbook


def latest():
    frames, _ = read_tables(SMALL)
    return frames


def test_an_edited_workbook_is_read_and_checked():
    frames, problems = uploads.read_upload("portfolio.xlsx", officer_workbook(edit_workbook(latest())), latest())
    assert problems == [] and "clean-air" in set(frames["projects"]["project_id"]) and len(frames["locations"]) == len(latest()["locations"]) + 2


def test_a_zipped_csv_package_is_read_by_file_name_only():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for table in TABLES:
            if (SMALL / table.file_name).exists():
                archive.writestr(f"../../somewhere/{table.file_name}", (SMALL / table.file_name).read_bytes())
        archive.writestr("../../etc/evil.sh", "echo no")
    frames, problems = uploads.read_upload("package.zip", buffer.getvalue(), latest())
    assert problems == [] and all(frames[t.name].equals(latest()[t.name]) for t in TABLES)


def test_an_iati_file_is_merged_with_the_latest_data():
    xml = (ROOT / "data" / "iati" / "undp-china-2017.xml").read_bytes()
    frames, problems = uploads.read_upload("undp-china-2017.xml", xml, latest())
    assert problems == [] and len(frames["projects"]) > len(latest()["projects"]) and {"river", "coast"} <= set(frames["projects"]["project_id"])


def test_what_is_not_taken_is_refused_with_a_reason():
    def refusal(name: str, data: bytes) -> str:
        frames, problems = uploads.read_upload(name, data, latest())
        assert frames == {} and len(problems) == 1
        return problems[0].expected

    assert "an Excel workbook (.xlsx), a zipped CSV package (.zip) or UNDP's IATI activity file (.xml)" == refusal("notes.docx", b"PK\x03\x04")
    assert "not one, whatever its name says" in refusal("portfolio.xlsx", b"project_id,title\n")
    assert "not one, whatever its name says" in refusal("package.zip", b"%PDF-1.7")
    assert "not one, whatever its name says" in refusal("activities.xml", b"\x89PNG\r\n")
    assert refusal("big.xlsx", b"0" * (LIMITS.file_bytes + 1)).startswith("a file of at most 50 MB")


def test_a_draft_keeps_its_tables_and_problems_per_editor_and_database(tmp_path):
    data = officer_workbook(edit_workbook(latest()))
    draft = uploads.new_draft("portfolio.xlsx", data, latest(), base=3)
    uploads.save_draft(tmp_path, "sqlite:///a", "Li.Wei@undp.org", draft)
    back = uploads.load_draft(tmp_path, "sqlite:///a", "li.wei@undp.org")
    assert (back.file_name, back.base) == ("portfolio.xlsx", 3) and all(back.frames[n].equals(draft.frames[n]) for n in draft.frames)
    assert uploads.load_draft(tmp_path, "sqlite:///b", "li.wei@undp.org") is None  # another database
    assert uploads.load_draft(tmp_path, "sqlite:///a", "zhang.min@undp.org") is None  # another editor
    bad = uploads.new_draft("bad.xlsx", b"not a workbook", latest(), base=3)
    uploads.save_draft(tmp_path, "sqlite:///a", "li.wei@undp.org", bad)  # replaces the first
    assert [str(p) for p in uploads.load_draft(tmp_path, "sqlite:///a", "li.wei@undp.org").problems] == [str(p) for p in bad.problems]
    uploads.discard_draft(tmp_path, "sqlite:///a", "li.wei@undp.org")
    assert uploads.load_draft(tmp_path, "sqlite:///a", "li.wei@undp.org") is None
