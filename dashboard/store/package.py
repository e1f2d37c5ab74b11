"""The validated package as typed tables: the one object the domain layer reads.

`read_package` is the CSV folder's way in: ingest the files, run every validation rule,
then type the cells (numbers become numbers, dates gain their bounds and precision).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from dashboard.config import BUNDLED_DATA_DIR
from dashboard.dates import date_bounds, date_precision
from dashboard.ingest.csv_package import read_tables
from dashboard.schema import TABLES, Table
from dashboard.validate.problems import PackageError, Problem
from dashboard.validate.rules import package_problems, translation_warnings


@dataclass
class Package:
    """Typed tables by name, where they came from, and warnings that did not stop them."""

    directory: Path
    tables: dict[str, pd.DataFrame]
    cells: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)  # every table as text, as checked (for downloads)
    revision: int | None = None  # the published revision, when read from the database
    published: float | None = None  # when that revision was published (seconds since the epoch)
    _derived: dict = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def warnings(self) -> list[Problem]:
        """Translations missing (warnings, not errors), worked out when first asked for: only
        `check` lists them, and a large package has tens of thousands."""
        return self.derived("warnings", lambda p: translation_warnings(p.cells))

    _memo: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def derived(self, name: str, make: Callable[[Package], object]):
        """A value worked out from the package alone, made once: the package never changes."""
        if name not in self._derived:
            self._derived[name] = make(self)
        return self._derived[name]

    def memo(self, key: object, make: Callable[[], object], keep: int = 256):
        """A value worked out from the package and `key` (such as a set of filters), shared
        by every session: the `keep` most recently used are kept."""
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = make()  # outside the lock: two sessions may both make it, and both get one
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > keep:
                self._memo.popitem(last=False)
        return value


def typed_table(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Empty cells become None (text) or NaN/NA (numbers), numbers become numbers, dates gain bounds.

    A date column `d` gains `d_first` and `d_last` (Timestamps bounding what it can mean)
    and `d_precision` ('year', 'month', 'day' or 'unknown').
    """
    out = frame.astype(object).where(frame != "", None)
    for col in table.columns:
        if col.type == "integer":
            out[col.name] = pd.to_numeric(out[col.name]).astype("Int64")
        elif col.type == "number":
            out[col.name] = pd.to_numeric(out[col.name]).astype("float64")
        elif col.type == "date":
            # Each distinct date worked out once (a large package repeats the same dates
            # thousands of times), then spread by the codes of `factorize`; an empty cell's
            # code is -1, which picks the gap appended at the end of each list.
            codes, distinct = pd.factorize(out[col.name])
            bounds = [date_bounds(v) for v in distinct]
            first = pd.to_datetime([b[0] for b in bounds] + [None]).to_numpy()
            last = pd.to_datetime([b[1] for b in bounds] + [None]).to_numpy()
            precision = np.array([date_precision(v) for v in distinct] + [date_precision(None)], dtype=object)
            out[f"{col.name}_first"] = first[codes]
            out[f"{col.name}_last"] = last[codes]
            out[f"{col.name}_precision"] = precision[codes]
    return out.reset_index(drop=True)


def read_package(directory: Path | str = BUNDLED_DATA_DIR) -> Package:
    """The validated, typed package in a CSV folder; raises PackageError listing every problem."""
    directory = Path(directory)
    frames, problems = read_tables(directory)
    problems += package_problems(frames)
    if problems:
        raise PackageError(str(directory), problems)
    return package_from_frames(frames, directory)


def package_from_frames(frames: dict[str, pd.DataFrame], directory: Path, revision: int | None = None, published: float | None = None) -> Package:
    """The package of tables that passed the check (as text, as the CSV reader gives them), typed."""
    typed = {t.name: typed_table(frames[t.name], t) for t in TABLES}
    return Package(directory, typed, cells=frames, revision=revision, published=published)
