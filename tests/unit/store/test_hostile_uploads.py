"""Files built to sink the server are read within bounds, or refused with a problem that
says which limit, what was found and what to do; nothing is kept from them; and the process
that serves viewers neither stalls nor grows while a worker reads them."""

from __future__ import annotations

import base64
import os
import resource
import statistics
import threading
import time
from dataclasses import replace

import pytest

from dashboard.ingest.bounds import LIMITS
from dashboard.present.workbook import edit_workbook
from dashboard.schema import TABLE_BY_NAME
from dashboard.store.package import read_package
from dashboard.store.upload_worker import read_bounded
import hostile_files as hostile
from helpers import SMALL

SECONDS = 20  # each hostile file is answered within this, worker start included


@pytest.fixture(scope="module")
def latest():
    return read_package(SMALL).cells


@pytest.fixture(scope="module")
def workbook(latest):
    return edit_workbook(latest)


def answered(name, data, latest, limits=LIMITS):
    """The worker's answer, and how long it took."""
    started = time.perf_counter()
    frames, problems = read_bounded(name, data, latest, limits)
    return frames, [str(p) for p in problems], time.perf_counter() - started


def refused(name, data, latest, limits=LIMITS) -> str:
    """The problems of a refused file, one per line. A file with problems can never be
    published (`revisions.publish` checks again), so nothing is kept from it."""
    frames, problems, seconds = answered(name, data, latest, limits)
    assert problems, "the file should be refused"
    assert seconds < SECONDS, seconds
    return "\n".join(problems)


def test_an_archive_that_inflates_past_the_total_is_refused_unread(latest):
    bomb = hostile.inflating_zip(600)  # 600 MB of zeros in under 3 MB
    assert len(bomb) < 3_000_000
    assert "600 MB when unpacked" in (problem := refused("package.zip", bomb, latest)) and "at most 500 MB unpacked" in problem


def test_a_member_that_inflates_a_thousandfold_is_refused(latest):
    problem = refused("package.zip", hostile.inflating_zip(100), latest)
    assert "column 'projects.csv'" in problem and "100 MB unpacked" in problem and "at most 200 times" in problem


def test_a_workbook_is_an_archive_too(latest, workbook):
    bomb = hostile.with_sheet_xml(workbook, "projects", lambda xml: xml.replace("</sheetData>", "<row r='9'/>" * 3_000_000 + "</sheetData>"))
    assert "times its packed size" in refused("portfolio.xlsx", bomb, latest)


def test_a_declared_full_grid_reads_as_the_cells_it_holds(latest, workbook):
    frames, problems, seconds = answered("portfolio.xlsx", hostile.declared_grid(workbook, "projects"), latest)
    plain, _, _ = answered("portfolio.xlsx", workbook, latest)
    assert problems == [] and seconds < SECONDS
    assert frames["projects"].equals(plain["projects"])


def test_formatted_empty_rows_to_the_last_row_cost_nothing_later(latest, workbook):
    frames, problems, seconds = answered("portfolio.xlsx", hostile.formatted_rows_to_the_end(workbook, "projects"), latest)
    assert problems == [] and seconds < SECONDS
    assert len(frames["projects"]) == len(latest["projects"])


def test_a_value_in_the_last_cell_of_the_grid_is_named_with_what_to_do(latest, workbook):
    problem = refused("portfolio.xlsx", hostile.stray_cell_far_away(workbook, "projects"), latest)
    assert "sheet projects, row 1048576, column 'column XFD'" in problem and "delete the columns right of" in problem


@pytest.mark.parametrize("make, says", [
    (hostile.entity_expansion, "entity amplification"),
    (hostile.one_entity, "without a <!DOCTYPE>"),
    (lambda: hostile.deeply_nested(100), "nested at most 64 deep"),
    (lambda: hostile.deeply_nested(100_000), "Excessive depth"),
    (lambda: hostile.single_line_xml(40), "Text node too long"),
])
def test_hostile_xml_is_refused(latest, make, says):
    assert says in refused("activities.xml", make(), latest)


def test_a_60_mb_line_is_refused_by_its_length(latest):
    line = b"project_id,title\n" + base64.b64encode(os.urandom(45 * 1024 * 1024)) + b"\n"  # 60 MB that does not compress away
    problem = refused("package.zip", hostile.zipped({"projects.csv": line}), latest)
    assert "line 2: 60 MB long" in problem and "lines of at most 1 MB" in problem


def test_a_60_mb_file_is_refused_by_its_size(latest):
    assert "a file of at most 50 MB" in refused("activities.xml", hostile.single_line_xml(60), latest)


def transaction(columns: list[str], project: str, source: str, line: int) -> list[str]:
    """One valid transactions row, its cells in the order of `columns`."""
    row = {"project_id": project, "line": str(line), "date": "2017-06-30", "kind": "expenditure", "amount_usd": str(1000 + line),
           "provider": "UNDP", "source_id": source, "section": f"line {line}"}
    return [row.get(c, "") for c in columns]


def test_a_real_200_000_row_workbook_is_refused_with_its_limit_and_a_way_on(latest):
    columns = TABLE_BY_NAME["transactions"].all_column_names
    rows = (transaction(columns, "river", "src-small", i) for i in range(1, 200_001))
    big = hostile.rows_workbook(latest, "transactions", columns, rows)
    problem = refused("portfolio.xlsx", big, latest)
    assert "sheet transactions: found 'more than 100,000 rows with data'" in problem and "zipped CSV package" in problem


def test_a_sheet_up_to_the_row_limit_is_read(latest):
    """Below the limit the same kind of workbook is read in full (a smaller limit keeps the test quick)."""
    columns = TABLE_BY_NAME["transactions"].all_column_names
    project = latest["projects"]["project_id"].iloc[0]
    source = latest["sources"]["source_id"].iloc[0]
    rows = [transaction(columns, project, source, i) for i in range(1, 2001)]
    limits = replace(LIMITS, sheet_rows=2000)
    frames, problems, _ = answered("portfolio.xlsx", hostile.rows_workbook(latest, "transactions", columns, rows), latest, limits)
    assert problems == [] and len(frames["transactions"]) == 2000
    rows.append(transaction(columns, project, source, 2001))
    assert "more than 2,000 rows" in refused("portfolio.xlsx", hostile.rows_workbook(latest, "transactions", columns, rows), latest, limits)


def test_a_worker_past_its_time_is_stopped(latest, workbook):
    problem = refused("portfolio.xlsx", hostile.formatted_rows_to_the_end(workbook, "projects"), latest, replace(LIMITS, seconds=1))
    assert "still being read after 1 s" in problem and "nothing was kept" in problem


def test_a_worker_past_its_memory_is_stopped(latest, workbook):
    # Just above what the libraries take (about 1.4 GB of address space): reading fails for want of memory.
    problem = refused("portfolio.xlsx", hostile.formatted_rows_to_the_end(workbook, "projects"), latest, replace(LIMITS, memory_bytes=1_500 * 1024 * 1024))
    assert "needed more than 1.5 GB of memory" in problem and "nothing was kept" in problem


def test_the_serving_process_neither_stalls_nor_grows_while_a_worker_reads(latest, workbook):
    slow = hostile.formatted_rows_to_the_end(workbook, "projects")
    before, cpu = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = threading.Event()
    reader = threading.Thread(target=lambda: (read_bounded("portfolio.xlsx", slow, latest), done.set()))
    reader.start()
    late = []
    while not done.is_set():  # what serving viewers needs: the interpreter free to run other threads
        started = time.perf_counter()
        time.sleep(0.01)
        late.append(time.perf_counter() - started - 0.01)
    reader.join()
    after, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # Other tests share the two cores, so a single tick may come late; most must not.
    assert len(late) > 50 and statistics.median(late) < 0.02, statistics.median(late)
    # The parsing happened in the worker: it used the CPU, this process barely any, and grew by little.
    worker_cpu = children.ru_utime - cpu.ru_utime
    assert after.ru_utime - before.ru_utime < 0.25 * worker_cpu, (after.ru_utime - before.ru_utime, worker_cpu)
    assert after.ru_maxrss - before.ru_maxrss < 50 * 1024  # KB
