"""The bounds every untrusted file is read within, and the checks that refuse a file before
a parser spends time or memory on it.

An upload is read by the process that also serves every viewer on it, so a file must not
be able to make that process slow or large: an archive that inflates a thousandfold, a
workbook whose sheet claims the whole 1,048,576 × 16,384 grid, XML that nests without end
or declares entities, a CSV that is one 60 MB line. Each check returns problems in the one
vocabulary (`validate/problems.py`): which limit, what was found, what to do. The worker
that reads uploads (`store/upload_worker.py`) adds a memory and a time limit around all of
it, so a parser's own fault costs that worker only.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from dashboard.validate.problems import Problem

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one uploaded file may hold. The README's "Upload limits" lists the same figures."""

    file_bytes: int = 50 * MB  # the file as uploaded
    unpacked_bytes: int = 500 * MB  # all members of an archive (.zip, .xlsx) together, unpacked
    member_ratio: int = 200  # unpacked size / packed size of one member (ordinary files stay far below 100)
    members: int = 2000  # files inside one archive
    sheet_rows: int = 100_000  # rows holding data on one sheet of a workbook
    sheet_columns: int = 200  # the right-most column holding data on a sheet (column GR)
    line_bytes: int = 1 * MB  # one line of a CSV file
    xml_depth: int = 64  # nesting of XML elements (an IATI activity file needs about 8)
    seconds: int = 120  # reading and checking one upload, in the worker
    memory_bytes: int = 3 * 1024 * MB  # the worker's address space (about 1.4 GB of it is the libraries)


LIMITS = Limits()


def size_text(size: int) -> str:
    """A byte count as people read it: 3.0 GB, 48 MB, 900 KB."""
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GB"
    if size >= MB:
        return f"{size / MB:.0f} MB"
    return f"{max(size // 1024, 1)} KB"


def file_size_problem(name: str, size: int, limits: Limits = LIMITS) -> Problem | None:
    """A file larger than an upload may be."""
    if size <= limits.file_bytes:
        return None
    return Problem(name, None, None, size_text(size),
                   f"a file of at most {size_text(limits.file_bytes)}: upload a zipped CSV package (.zip) instead of a large workbook or XML file, or split the change")


def archive_problems(name: str, data: bytes, limits: Limits = LIMITS) -> list[Problem]:
    """Why the archive (.zip or .xlsx) must not be unpacked, judged from its directory alone
    (Python's zipfile never unpacks a member past the size the directory states)."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []  # not an archive: the reader says so in its own words
    if len(members) > limits.members:
        return [Problem(name, None, None, f"{len(members):,} files inside",
                        f"an archive of at most {limits.members:,} files (the package has one CSV file per table)")]
    total = sum(m.file_size for m in members)
    if total > limits.unpacked_bytes:
        return [Problem(name, None, None, f"{size_text(total)} when unpacked",
                        f"at most {size_text(limits.unpacked_bytes)} unpacked: this archive inflates far beyond any package's size; "
                        "save the package again or send its CSV files zipped as they are")]
    for m in members:
        if m.file_size > MB and m.file_size > limits.member_ratio * max(m.compress_size, 1):
            return [Problem(name, None, m.filename, f"{size_text(m.compress_size)} packed, {size_text(m.file_size)} unpacked",
                            f"a member that unpacks at most {limits.member_ratio} times its packed size: files that inflate like this "
                            "are made to exhaust the server, not to carry data; save the file again and upload that copy")]
    return []


def long_line_problem(name: str, data: bytes, limits: Limits = LIMITS) -> Problem | None:
    """The first line of a text file longer than a line may be, found without splitting the file."""
    start = 0
    line = 1
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if end - start > limits.line_bytes:
            return Problem(name, None, None, f"line {line}: {size_text(end - start)} long",
                           f"lines of at most {size_text(limits.line_bytes)}: a row this long is not a table's row "
                           "(check that the file is a CSV file with one row per line, saved from the workbook or this dashboard)")
        start, line = end + 1, line + 1
    return None
