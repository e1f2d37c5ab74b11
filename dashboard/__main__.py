"""Command line: `python -m dashboard check [DATA_DIR]`, `python -m dashboard datapackage`."""

from __future__ import annotations

import argparse
import sys

from dashboard import load
from dashboard.gaps import gap_counts
from dashboard.schema import TABLES


def check(directory: str) -> int:
    try:
        package = load.read_package(directory)
    except load.PackageError as err:
        print(f"The data package in {err.directory} has {len(err.problems)} problem(s):\n")
        for problem in err.problems:
            print(f"  - {problem}")
        print("\nFix these in the CSV files and run the check again. The dashboard keeps showing the last good data meanwhile.")
        return 1
    gaps = gap_counts(package)
    print(f"Data package: {package.directory}\n")
    print(f"  {'table':<18}{'rows':>6}{'gaps':>6}")
    for table in TABLES:
        print(f"  {table.name:<18}{len(package[table.name]):>6}{gaps[table.name]:>6}")
    print(f"\n  {len(TABLES)} tables, {sum(len(package[t.name]) for t in TABLES)} rows, {gaps.sum()} values not reported by the sources.")
    if package.warnings:
        print(f"\n  {len(package.warnings)} translation(s) missing:")
        for warning in package.warnings:
            print(f"  - {warning}")
    else:
        print("  Every translatable value has its Chinese translation.")
    print("\nNo errors.")
    return 0


def brief(args: argparse.Namespace) -> int:
    import time

    from dashboard import briefing, metrics
    from dashboard.filters import Filters, apply_filters

    started = time.perf_counter()
    out = args.out
    if not out.endswith((".pptx", ".pdf")):
        print("--out must end in .pptx or .pdf")
        return 2
    try:
        package = load.read_package(args.data)
    except load.PackageError as err:
        for problem in err.problems:
            print(f"  - {problem}")
        return 1
    known = set(package["projects"]["project_id"])
    unknown = [p for p in args.project if p not in known]
    if unknown:
        print(f"Unknown project id(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}")
        return 2
    view = apply_filters(package, Filters(tuple(args.project), tuple(args.province), args.year_from, args.year_to))
    slides = briefing.build_slides(package, view, args.lang)
    images = briefing.briefing_images(slides)
    line = metrics.filters_summary(view, args.lang)
    data = briefing.write_pptx(slides, line, images) if out.endswith(".pptx") else briefing.write_pdf(slides, line, images)
    with open(out, "wb") as f:
        f.write(data)
    print(f"wrote {out}: {len(slides)} slides, {len(data) / 1024:.0f} KB in {time.perf_counter() - started:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate a data package and summarise it")
    check_cmd.add_argument("data_dir", nargs="?", default=str(load.DATA_DIR))
    commands.add_parser("datapackage", help="write data/datapackage.json from the schema")
    brief_cmd = commands.add_parser("brief", help="write a briefing pack (.pptx or .pdf) for a filtered view")
    brief_cmd.add_argument("--out", required=True, help="FILE.pptx or FILE.pdf")
    brief_cmd.add_argument("--project", action="append", default=[], help="project id; repeat for several")
    brief_cmd.add_argument("--from", dest="year_from", type=int)
    brief_cmd.add_argument("--to", dest="year_to", type=int)
    brief_cmd.add_argument("--province", action="append", default=[], help="GB/T 2260 code; repeat for several")
    brief_cmd.add_argument("--lang", choices=("en", "zh"), default="en")
    brief_cmd.add_argument("--data", default=str(load.DATA_DIR), help="data package folder")
    args = parser.parse_args(argv)
    if args.command == "brief":
        return brief(args)
    if args.command == "check":
        return check(args.data_dir)
    if args.command == "datapackage":
        from dashboard.descriptor import write_descriptor

        print(f"wrote {write_descriptor()}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
