"""The IATI import on UNDP's real China file: what lands where, with its source, and the
documented projects merged, not duplicated. Facts asserted here are read from the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dashboard.ingest.iati import undp_number
from dashboard.store.imports import import_iati, write_package
from dashboard.store.package import read_package
from helpers import BUNDLED, SMALL, one, same_rows

IATI = Path(__file__).resolve().parents[3] / "data" / "iati" / "undp-china-2017.xml"


@pytest.fixture(scope="module")
def imported():
    """The real file merged with the small fixture package (so no bundled count leaks in)."""
    return import_iati([IATI], SMALL)


def test_the_shipped_file_is_the_published_one_unchanged():
    # The digest of UNDP's published extract, written down when it was added.
    digest = hashlib.sha256(IATI.read_bytes()).hexdigest()
    assert digest == "9072372071713d042026bb81ca4d6e8998a272f34fdf13f55f88ea1e62e3ac13"


def test_every_project_output_and_money_line_of_the_file_lands(imported):
    c = imported.counts
    # The file's README: 50 projects, 57 outputs, 224 budgets, 727 transactions.
    assert (c["projects"], c["outputs"], c["budgets"], c["transactions"]) == (50, 57, 224, 727)
    kinds = imported.frames["transactions"]["kind"].value_counts().to_dict()
    assert kinds == {"incoming_commitment": 372, "expenditure": 197, "incoming_funds": 132, "disbursement": 26}


def test_identifier_gives_the_project_number_with_its_zeros(imported):
    assert undp_number("XM-DAC-41114-PROJECT-00041442") == "00041442"
    project = one(imported.frames["projects"], undp_project_id="00041442")
    assert project["title"] == "Inclusive Financial Sector for Poverty Alleviation"
    assert (project["start"], project["end"], project["status"]) == ("2005-09-27", "2017-12-31", "ongoing")
    assert project["themes"] == "social_protection"


def test_outputs_sit_under_their_project(imported):
    output = one(imported.frames["outputs"], undp_output_id="00047231")
    project = one(imported.frames["projects"], undp_project_id="00041442")
    assert output["project_id"] == project["project_id"]


def test_money_keeps_its_period_date_and_provider(imported):
    project_id = one(imported.frames["projects"], undp_project_id="00041442")["project_id"]
    budgets = imported.frames["budgets"]
    line = one(budgets, project_id=project_id, period_start="2016-01-01")
    assert (line["amount_usd"], line["period_end"], line["output_id"]) == ("1194847", "2016-12-31", "undp-00047231")
    spent = imported.frames["transactions"]
    first = spent[(spent["project_id"] == project_id) & (spent["date"] == "2017-06-30") & (spent["kind"] == "expenditure")]
    assert "50888" in set(first["amount_usd"]) and set(first["provider"]) == {"United Nations development Programme"}


def test_partners_by_role_and_type(imported):
    project_id = one(imported.frames["projects"], undp_project_id="00041442")["project_id"]
    partners = imported.frames["partners"]
    mine = partners[partners["project_id"] == project_id]
    assert {(r.partner, r.role, r.partner_type) for r in mine.itertuples()} >= {
        ("Government of China", "funder", "government"),
        ("China International Centre For", "implementing_partner", "government"),
        ("United Nations Development Programme", "accountable", "un"),
    }


def test_results_are_verbatim_and_numbers_only_where_the_file_gives_them(imported):
    results = imported.frames["results"]
    prose = results[results["target_text"].str.contains("60 rural cooperatives", regex=False)]
    assert len(prose) and set(prose["target_value"]) == {""}  # no figure parsed out of prose
    numeric = results[(results["indicator"] == "Output Indicator 1.3.2.A.1.1") & (results["period_start"] == "2016-01-01")]
    assert set(numeric["target_value"]) == {"354411"} and set(numeric["actual_value"]) == {"358460"} and set(numeric["baseline_value"]) == {"0"}


@pytest.mark.parametrize(
    "name, level, province, code",
    [
        ("Baisha Lizu Zizhixian", "county", "460000", "469025"),
        ("Danzhou Shi", "prefecture", "460000", "460400"),
        ("Lishui Shi", "prefecture", "330000", "331100"),
        ("Xinjiang Uygur Zizhiqu", "province", "650000", "650000"),
        ("Qinghe", "county", "650000", "654325"),  # three counties share the name: the point decides
        ("Angla", "locality", "630000", ""),  # a township the gazetteer does not list: placed by its point
        ("China", "country", "", ""),
        ("Lusaka", "abroad", "", ""),
    ],
)
def test_places_resolve_to_county_level_or_are_national_or_abroad(imported, name, level, province, code):
    rows = imported.frames["locations"]
    row = rows[rows["place_as_written"] == name].iloc[0]
    assert (row["admin_level"], row["province_code"], row["admin_code"]) == (level, province, code)


def test_every_imported_record_names_file_activity_element_and_line(imported):
    frames = imported.frames
    for table in ("projects", "outputs", "partners", "budgets", "transactions", "locations", "results"):
        imported_rows = frames[table][frames[table]["source_id"] == "iati-undp-china-2017"]
        assert len(imported_rows), table
        assert imported_rows["section"].str.fullmatch(r"XM-DAC-41114-(PROJECT|OUTPUT)-\d{8} <[a-z-]+> line \d+").all(), table
    dataset = one(frames["sources"], source_id="iati-undp-china-2017")
    assert (dataset["kind"], dataset["file_name"], dataset["date"]) == ("dataset", "undp-china-2017.xml", "2017-07-10")
    links = frames["sources"][frames["sources"]["kind"] == "link"]
    assert "https://info.undp.org/docs/pdc/Documents/CHN/00041442_PRODOC.pdf" in set(links["url"])


def test_unused_elements_are_counted_not_dropped_silently(imported):
    assert imported.unused["contact-info"] == 107 and imported.unused["policy-marker"] == 55


def test_a_documented_project_is_merged_and_its_differences_listed(tmp_path):
    imported = import_iati([IATI], BUNDLED)
    projects = imported.frames["projects"]
    # The documents give good governance the number of its only output, 00056242.
    assert len(projects[projects["project_id"] == "good-governance"]) == 1
    assert "00047007" not in set(projects["undp_project_id"])
    outputs = imported.frames["outputs"]
    assert one(outputs, undp_output_id="00056242")["project_id"] == "good-governance"
    differences = imported.frames["differences"]
    number = one(differences, project_id="good-governance", field="undp_project_id")
    assert (number["documented"], number["published"]) == ("00056242", "00047007")
    assert number["documented_source_id"] != number["source_id"] == "iati-undp-china-2017"


def test_the_written_package_passes_the_check_and_a_reimport_changes_nothing(tmp_path):
    out = tmp_path / "out"
    (out / "iati").mkdir(parents=True)
    (out / "iati" / "kept.xml").write_text("<kept/>")
    (out / "notes.txt").write_text("kept")
    write_package(import_iati([IATI], SMALL).frames, out)
    assert (out / "iati" / "kept.xml").read_text() == "<kept/>" and (out / "notes.txt").read_text() == "kept"
    first = read_package(out)
    write_package(import_iati([IATI], out).frames, out)
    second = read_package(out)
    for name in first.tables:
        assert len(first[name]) == len(second[name]), name
    assert (out / "budgets.csv").read_text(encoding="utf-8").startswith("project_id,output_id,line,")


def test_the_bundled_package_holds_the_file_exactly_as_imported(as_sourced_dir):
    # Every record a fresh import gives is in the bundled package, cell for cell, and every
    # record the package cites UNDP's file for came from that import. Rows the office added
    # from other sources, and their order, are the office's own.
    from dashboard.ingest.csv_package import read_tables

    imported, _ = read_tables(as_sourced_dir)
    bundled, _ = read_tables(BUNDLED)
    for name, frame in bundled.items():
        if frame is None:
            continue
        assert list(frame.columns) == list(imported[name].columns), name
        assert same_rows(imported[name], frame), f"{name}: run `make data`"
        if "source_id" in frame.columns:
            from_file = frame["source_id"].str.startswith("iati-")
            assert same_rows(frame[from_file], imported[name]), f"{name}: rows citing UNDP's file that it does not give; run `make data`"