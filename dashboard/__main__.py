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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate a data package and summarise it")
    check_cmd.add_argument("data_dir", nargs="?", default=str(load.DATA_DIR))
    commands.add_parser("datapackage", help="write data/datapackage.json from the schema")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data_dir)
    if args.command == "datapackage":
        from dashboard.descriptor import write_descriptor

        print(f"wrote {write_descriptor()}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
