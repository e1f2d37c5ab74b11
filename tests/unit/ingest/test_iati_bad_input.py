"""Broken IATI files: each gives a message with activity, element and line, and nothing is
written (the output folder keeps what it held)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.ingest.iati import ImportError_
from dashboard.store.imports import import_iati
from helpers import SMALL

PROJECT = "XM-DAC-41114-PROJECT-00099999"
OUTPUT = "XM-DAC-41114-OUTPUT-00088888"


def activity(identifier: str = PROJECT, body: str = "", hierarchy: str = "1") -> str:
    related = f'<related-activity type="2" ref="{OUTPUT}"/>' if hierarchy == "1" else f'<related-activity type="1" ref="{PROJECT}"/>'
    return f"""
  <iati-activity default-currency="USD" hierarchy="{hierarchy}">
    <iati-identifier>{identifier}</iati-identifier>
    <reporting-org ref="XM-DAC-41114" type="40"><narrative>United Nations Development Programme</narrative></reporting-org>
    <title><narrative>A test project</narrative></title>
    <description type="1"><narrative>What it does.</narrative></description>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2015-01-01"/>
    {related}
    {body}
  </iati-activity>"""


def iati_file(*activities: str, root: str = '<iati-activities version="2.02" generated-datetime="2017-07-10T12:00:00">') -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + root + "".join(activities) + "\n</iati-activities>\n"


def valid(output_body: str = "", project_body: str = "") -> str:
    return iati_file(activity(body=project_body), activity(OUTPUT, output_body, hierarchy="2"))


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportError_) as err:
        import_iati([path], SMALL)
    return [str(p) for p in err.value.problems]


def test_a_minimal_valid_file_imports(tmp_path):
    path = tmp_path / "ok.xml"
    path.write_text(valid('<budget type="1" status="1"><period-start iso-date="2015-01-01"/><period-end iso-date="2015-12-31"/><value currency="USD">100</value></budget>'))
    imported = import_iati([path], SMALL)
    assert (imported.counts["projects"], imported.counts["outputs"], imported.counts["budgets"]) == (1, 1, 1)


CASES = {
    "not XML": ("This is a spreadsheet, not XML.", ["broken.xml, line 1; expected well-formed XML (Start tag expected, '<' not found)"]),
    "truncated": (
        valid().split("<activity-date", 2)[0] + "<activity-da",  # cut off mid-element, as an interrupted download
        ["broken.xml, line 9; expected well-formed XML (Couldn't find end of Start Tag activity-da)"],
    ),
    "another root element": (
        '<?xml version="1.0"?>\n<iati-organisations version="2.02"></iati-organisations>',
        ["broken.xml, line 2, <iati-organisations>: found '<iati-organisations>'; expected the root element <iati-activities> of an IATI activity file"],
    ),
    "IATI 1.x": (
        iati_file(activity(), root='<iati-activities version="1.05">'),
        ["broken.xml, line 2, <iati-activities>: found '1.05'; expected IATI version 2.01 or later (convert 1.x files with the IATI converter first)"],
    ),
    "missing identifier": (
        iati_file(activity(identifier="")),
        ["broken.xml, line 3, <iati-activity>; expected an <iati-identifier> naming the activity"],
    ),
    "duplicate identifier": (
        iati_file(activity(), activity()),
        [f"broken.xml, line 13, activity {PROJECT}, <iati-identifier>; expected each activity once; it first appears in broken.xml, line 3"],
    ),
    "unknown currency": (
        valid('<budget type="1" status="1"><period-start iso-date="2015-01-01"/><period-end iso-date="2015-12-31"/><value currency="XYZ">100</value></budget>'),
        [f"broken.xml, line 21, activity {OUTPUT}, <value>: found 'XYZ'; expected a known ISO 4217 currency code (the dashboard shows USD)"],
    ),
    "non-numeric amount": (
        valid('<transaction><transaction-type code="4"/><transaction-date iso-date="2016-03-31"/><value>1,200 USD</value></transaction>'),
        [f"broken.xml, line 21, activity {OUTPUT}, <value>: found '1,200 USD'; expected a number (digits and a decimal point)"],
    ),
    "malformed date": (
        valid('<transaction><transaction-type code="4"/><transaction-date iso-date="31/03/2016"/><value>1200</value></transaction>'),
        [f"broken.xml, line 21, activity {OUTPUT}, <transaction-date>: found '31/03/2016'; expected a date as YYYY-MM-DD between 1949 and 2100"],
    ),
    "place with no known name and no point": (
        valid('<location><name><narrative>Atlantis</narrative></name></location>'),
        [
            f"broken.xml, line 21, activity {OUTPUT}, <location>: found 'Atlantis'; expected a place the gazetteer knows, or a point: "
            "'Atlantis' is not a province, prefecture or county in the reference (geo/provinces.csv, geo/cities.csv, geo/gazetteer.csv) and no point is given"
        ],
    ),
    "point that is not a coordinate pair": (
        valid('<location><name><narrative>Somewhere</narrative></name><point srsName="x"><pos>119.5 228.4</pos></point></location>'),
        [f"broken.xml, line 21, activity {OUTPUT}, <pos>: found '119.5 228.4'; expected a point as 'latitude longitude' in degrees (latitude -90 to 90, longitude -180 to 180)"],
    ),
    "output with no project": (
        iati_file(activity(OUTPUT, hierarchy="2")),
        [f"broken.xml, line 3, activity {OUTPUT}, <related-activity>; expected an output linked to a project in the same file (related-activity type 1)"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_gives_exactly_its_problems(tmp_path, case):
    text, expected = CASES[case]
    assert problems_of(tmp_path, text) == expected


def test_nothing_is_written_when_anything_is_wrong(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "projects.csv").write_text("kept\n")
    broken = tmp_path / "broken.xml"
    broken.write_text(CASES["malformed date"][0])
    done = subprocess.run([sys.executable, "-m", "dashboard", "import-iati", str(broken), "--out", str(out), "--base", str(SMALL)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "Nothing was imported: 1 problem(s)" in done.stdout and "31/03/2016" in done.stdout
    assert sorted(p.name for p in out.iterdir()) == ["projects.csv"] and (out / "projects.csv").read_text() == "kept\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]  # no half-written folder left beside it
