"""A synthetic IATI activity file of any size, for load, memory and benchmark tests.

    .venv/bin/python scripts/generate_iati.py --projects 5000 --out /tmp/big.xml

Each project is a copy of one of UNDP's real China projects (with its outputs, budgets,
transactions, places and results) under a new eight-digit number, its years shifted, so
the file has the shape and the prose of real data at any scale. Written as a stream: the
file can be far larger than memory.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "data" / "iati" / "undp-china-2017.xml"
NUMBER = re.compile(r"(XM-DAC-41114-(?:PROJECT|OUTPUT)-)(\d{8})")


def families(path: Path) -> list[list[etree._Element]]:
    """The real file's projects, each with its outputs: [project, output, output, ...]."""
    activities = list(etree.parse(str(path)).getroot().iter("iati-activity"))
    by_id = {a.findtext("iati-identifier"): a for a in activities}
    out = []
    for a in activities:
        if a.get("hierarchy") == "1":
            children = [by_id[r.get("ref")] for r in a.findall("related-activity") if r.get("type") == "2" and r.get("ref") in by_id]
            out.append([a, *children])
    return out


def renumbered(element: etree._Element, numbers: dict[str, str], shift: int) -> etree._Element:
    """A copy with every UNDP number replaced as `numbers` says and every year moved by `shift`."""
    text = etree.tostring(element, encoding="unicode")
    text = NUMBER.sub(lambda m: m.group(1) + numbers.get(m.group(2), m.group(2)), text)
    text = re.sub(r'(iso-date|value-date)="(\d{4})', lambda m: f'{m.group(1)}="{int(m.group(2)) + shift}', text)
    return etree.fromstring(text)


def write(out: Path, projects: int, seed: int = 7) -> None:
    """Write `projects` projects (and their outputs) to `out`."""
    rng = random.Random(seed)
    templates = families(REAL)
    next_number = 10_000_000
    with etree.xmlfile(str(out), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", version="2.02", **{"generated-datetime": "2017-07-10T12:00:00"}):
            for _ in range(projects):
                family = rng.choice(templates)
                numbers = {}
                for a in family:
                    number = re.search(r"(\d{8})$", a.findtext("iati-identifier")).group(1)
                    numbers[number] = f"{next_number:08d}"
                    next_number += 1
                shift = rng.randint(-6, 3)
                for a in family:
                    xf.write(renumbered(copy.deepcopy(a), numbers, shift))
                    xf.write("\n")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    write(args.out, args.projects, args.seed)
    print(f"wrote {args.out}: {args.projects} projects, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
