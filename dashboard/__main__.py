"""Command line: `python -m dashboard serve`, `check [DATA_DIR]`, `import-iati FILE... --out DIR`, `brief --out FILE`, `datapackage`,
`db upgrade | load DIR | dump DIR | history | rollback REV`."""

from __future__ import annotations

import argparse
import sys

from dashboard.config import BUNDLED_DATA_DIR
from dashboard.domain.gaps import gap_counts
from dashboard.schema import TABLES
from dashboard.store.package import read_package
from dashboard.validate.problems import PackageError


def check(directory: str) -> int:
    """Validate a package and print a summary, or every problem; the exit code says which."""
    try:
        package = read_package(directory)
    except PackageError as err:
        print(f"The data package in {err.source} has {len(err.problems)} problem(s):\n")
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
        # Grouped by file and column: an import can leave hundreds of values in English only.
        groups: dict[tuple[str, str], list] = {}
        for warning in package.warnings:
            groups.setdefault((warning.file, warning.column), []).append(warning)
        print(f"\n  {len(package.warnings)} translation(s) missing (shown in English meanwhile):")
        for (file, column), found in groups.items():
            rows = ", ".join(str(w.row) for w in found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
            print(f"  - {file}, column '{column}': {len(found)} missing (rows {rows})")
    else:
        print("  Every translatable value has its Chinese translation.")
    print("\nNo errors.")
    return 0


def brief(args: argparse.Namespace) -> int:
    """Write the briefing pack for a filtered view as .pptx or .pdf."""
    import time

    from dashboard.briefing.pack import pack_bytes
    from dashboard.briefing.slides import build_slides
    from dashboard.domain.filters import Filters, apply_filters
    from dashboard.present.text import filters_summary

    started = time.perf_counter()
    out = args.out
    if not out.endswith((".pptx", ".pdf")):
        print("--out must end in .pptx or .pdf")
        return 2
    try:
        package = read_package(args.data)
    except PackageError as err:
        for problem in err.problems:
            print(f"  - {problem}")
        return 1
    known = set(package["projects"]["project_id"])
    unknown = [p for p in args.project if p not in known]
    if unknown:
        print(f"Unknown project id(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}")
        return 2
    view = apply_filters(package, Filters(tuple(args.project), tuple(args.province), args.year_from, args.year_to))
    slides = build_slides(package, view, args.lang)
    data = pack_bytes(slides, filters_summary(view, args.lang), out.rsplit(".", 1)[1])
    with open(out, "wb") as f:
        f.write(data)
    print(f"wrote {out}: {len(slides)} slides, {len(data) / 1024:.0f} KB in {time.perf_counter() - started:.1f} s")
    return 0


def import_iati(args: argparse.Namespace) -> int:
    """Merge IATI activity files into a copy of a package; print what came in, or every problem."""
    import time
    from pathlib import Path

    from dashboard.ingest.iati import ImportError_
    from dashboard.store.imports import import_iati, write_package

    started = time.perf_counter()
    try:
        imported = import_iati([Path(f) for f in args.files], Path(args.base))
    except ImportError_ as err:
        print(f"Nothing was imported: {len(err.problems)} problem(s):\n")
        for problem in err.problems:
            print(f"  - {problem}")
        return 1
    write_package(imported.frames, Path(args.out))
    c = imported.counts
    print(f"Imported {', '.join(args.files)} into {args.out} (merged with {args.base}) in {time.perf_counter() - started:.1f} s:")
    print(f"  {c['projects']} projects (and {len(imported.frames['differences'])} differences with documented ones), {c['outputs']} outputs, "
          f"{c['budgets']} budgets, {c['transactions']} transactions, {c['locations']} places, {c['results']} result rows, "
          f"{c['partners']} partners, {c['sources'] - len(args.files)} published documents")
    if imported.unused:
        print("  Not used (administrative defaults and markers): " + ", ".join(f"{tag} {n}" for tag, n in sorted(imported.unused.items())))
    for note in imported.notes:
        print(f"  Note: {note}")
    return 0


def db(args: argparse.Namespace) -> int:
    """The data steward's commands on the database of published revisions."""
    import getpass
    from pathlib import Path

    from dashboard.config import database_url
    from dashboard.store import revisions
    from dashboard.store.engine import upgrade
    from dashboard.store.imports import write_package

    url = args.url or database_url()
    author = args.author if "author" in args and args.author else getpass.getuser()
    try:
        if args.action == "upgrade":
            upgrade(url)
            print(f"The database is at the newest schema ({_safe(url)}); latest revision: {revisions.latest_id(url) or 'none yet'}.")
        elif args.action == "load":
            revision = revisions.load(url, Path(args.dir), author, args.message)
            print(f"Published revision {revision.id} from {args.dir}: {revision.summary()}.")
        elif args.action == "dump":
            upgrade(url)
            chosen = args.revision or revisions.latest_id(url)
            if chosen is None:
                print("The database holds no revision yet: nothing to write.")
                return 1
            write_package(revisions.read_frames(url, chosen), Path(args.dir))
            print(f"Wrote revision {chosen} to {args.dir}.")
        elif args.action == "history":
            upgrade(url)
            for r in revisions.history(url):
                restored = f" (restores revision {r.rollback_of})" if r.rollback_of else ""
                print(f"{r.id:>5}  {r.created_at:%Y-%m-%d %H:%M} UTC  {r.author}  {r.origin}{restored}  \"{r.message}\"  {r.summary()}")
        elif args.action == "rollback":
            upgrade(url)
            revision = revisions.rollback(url, args.revision, author, args.message or f"Roll back to revision {args.revision}", revisions.latest_id(url))
            print(f"Published revision {revision.id}, restoring revision {args.revision}: {revision.summary()}.")
    except PackageError as err:
        print(f"Nothing was published: {len(err.problems)} problem(s):\n")
        for problem in err.problems:
            print(f"  - {problem}")
        return 1
    except (revisions.Conflict, revisions.NoSuchRevision, ValueError) as err:
        print(f"Nothing was published: {err}")
        return 1
    return 0


def _safe(url: str) -> str:
    """The URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate a data package and summarise it")
    check_cmd.add_argument("data_dir", nargs="?", default=str(BUNDLED_DATA_DIR))
    commands.add_parser("datapackage", help="write data/datapackage.json from the schema")
    brief_cmd = commands.add_parser("brief", help="write a briefing pack (.pptx or .pdf) for a filtered view")
    brief_cmd.add_argument("--out", required=True, help="FILE.pptx or FILE.pdf")
    brief_cmd.add_argument("--project", action="append", default=[], help="project id; repeat for several")
    brief_cmd.add_argument("--from", dest="year_from", type=int)
    brief_cmd.add_argument("--to", dest="year_to", type=int)
    brief_cmd.add_argument("--province", action="append", default=[], help="GB/T 2260 code; repeat for several")
    brief_cmd.add_argument("--lang", choices=("en", "zh"), default="en")
    brief_cmd.add_argument("--data", default=str(BUNDLED_DATA_DIR), help="data package folder")
    iati_cmd = commands.add_parser("import-iati", help="merge IATI activity files (XML) into a data package")
    iati_cmd.add_argument("files", nargs="+", metavar="FILE", help="IATI 2.x activity file(s)")
    iati_cmd.add_argument("--out", required=True, metavar="DIR", help="folder to write the merged package to (replaced whole)")
    iati_cmd.add_argument("--base", default=str(BUNDLED_DATA_DIR), metavar="DIR", help="package to merge with (default: the bundled one)")
    db_cmd = commands.add_parser("db", help="the database of published revisions (DASHBOARD_DATABASE_URL, or SQLite under var/)")
    db_cmd.add_argument("--url", help="database URL (default: DASHBOARD_DATABASE_URL, or the SQLite file for the data folder served)")
    actions = db_cmd.add_subparsers(dest="action", required=True)
    actions.add_parser("upgrade", help="create the tables or bring them to the newest schema")
    load_cmd = actions.add_parser("load", help="check a CSV package folder or an edited workbook (.xlsx) and publish it as the next revision")
    load_cmd.add_argument("dir", metavar="DIR|FILE.xlsx")
    load_cmd.add_argument("-m", "--message", required=True, help="what the change is and why (kept in the history)")
    load_cmd.add_argument("--author", help="who publishes (default: your user name)")
    dump_cmd = actions.add_parser("dump", help="write a revision (default: the latest) as a CSV package")
    dump_cmd.add_argument("dir", metavar="DIR")
    dump_cmd.add_argument("--revision", type=int)
    actions.add_parser("history", help="list the revisions, newest first")
    rollback_cmd = actions.add_parser("rollback", help="publish an earlier revision's data again, as a new revision")
    rollback_cmd.add_argument("revision", type=int, metavar="REV")
    rollback_cmd.add_argument("-m", "--message", help="why (default: 'Roll back to revision REV')")
    rollback_cmd.add_argument("--author", help="who publishes (default: your user name)")
    serve_cmd = commands.add_parser("serve", help="serve the dashboard (no outside lookups, whatever the address)")
    serve_cmd.add_argument("--address", help="address to listen on: 0.0.0.0 for an intranet (default: localhost, from .streamlit/config.toml)")
    serve_cmd.add_argument("--port", type=int, help="port to listen on (default 8501)")
    serve_cmd.add_argument("--processes", type=int, default=1, help="app processes behind nginx (Debian's package) on the ports after --port; 1 serves without nginx")
    args, rest = parser.parse_known_args(argv)
    if args.command == "serve" and args.processes > 1:
        from dashboard.config import state_dir
        from dashboard.web.serve import serve_several

        return serve_several(args.processes, args.address or "127.0.0.1", args.port or 8501, state_dir() / "nginx")
    if args.command == "serve":
        from dashboard.web.serve import run_streamlit

        options = (["--server.address", args.address] if args.address else []) + (["--server.port", str(args.port)] if args.port else [])
        run_streamlit(options + rest)
        return 0
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    if args.command == "brief":
        return brief(args)
    if args.command == "import-iati":
        return import_iati(args)
    if args.command == "db":
        return db(args)
    if args.command == "check":
        return check(args.data_dir)
    if args.command == "datapackage":
        from dashboard.schema.descriptor import write_descriptor

        print(f"wrote {write_descriptor()}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
