"""The filters and what they keep of the package: a View of the tables as filtered.

Rules, also said on screen:
- Project and province filters are empty by default, meaning 'all'.
- The province filter keeps the projects that work in any chosen province, in any role.
  Their funding and reach figures stay project-wide: no source splits them by province.
- A project (with its funding, places and reach) counts for a period when what is known of its active period overlaps it.
  A project with a known start and no reported end is known active only at its start, so a
  range that begins later cannot be decided: it is left out and counted as undated, like a
  project with no dates at all. Milestones count by their own date.
- The period filter is off while it spans every year in the data: then nothing is left out.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable, Hashable, TypeVar

import pandas as pd

from dashboard.store.package import Package

T = TypeVar("T")


@dataclass(frozen=True)
class Filters:
    """What a person chose: project ids, province codes and a period (None = the data's range)."""

    projects: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None


@dataclass
class View:
    """The tables as filtered, plus what the period filter could not place."""

    filters: Filters
    tables: dict[str, pd.DataFrame]
    all_projects: pd.DataFrame
    period_active: bool
    undated_projects: list[str]
    undated_milestones: list[str]
    package: Package | None = field(default=None, repr=False, compare=False)
    scope: str = ""  # what narrowed the view beyond its filters (one project's detail)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def project_ids(self) -> list[str]:
        """Ids of the projects the filters keep, in package order."""
        return list(self.tables["projects"]["project_id"])


def year_range(package: Package) -> tuple[int, int]:
    """First and last year any dated record in the package mentions (worked out once per package)."""
    return package.derived("year_range", _year_range)


def _year_range(package: Package) -> tuple[int, int]:
    # A package with no dated record at all still needs a period for the filter bar.
    years = []
    for table, cols in (("projects", ("start", "end")), ("milestones", ("date",)), ("reach", ("period_from", "as_of"))):
        for col in cols:
            for suffix in ("_first", "_last"):
                years += list(package[table][col + suffix].dropna().dt.year)
    if not years:
        return date.today().year, date.today().year
    return int(min(years)), int(max(years))


def clamp(filters: Filters, package: Package) -> Filters:
    """Fill in a missing period with the data's full range, and order from <= to."""
    lo, hi = year_range(package)
    year_from = lo if filters.year_from is None else filters.year_from
    year_to = hi if filters.year_to is None else filters.year_to
    if year_from > year_to:
        year_from, year_to = year_to, year_from
    return replace(filters, year_from=year_from, year_to=year_to)


def project_period_status(projects: pd.DataFrame, year_from: int, year_to: int) -> pd.Series:
    """Per project: 'in' (overlaps the range), 'out' (does not), or 'undated' (cannot tell)."""
    range_first = pd.Timestamp(year_from, 1, 1)
    range_last = pd.Timestamp(year_to, 12, 31)

    def status(p: pd.Series) -> str:
        """'in', 'out' or 'undated' for one project."""
        start, end = p["start_first"], p["end_last"]
        if pd.isna(start) and pd.isna(end):
            return "undated"
        if pd.notna(start) and pd.notna(end):
            return "in" if start <= range_last and end >= range_first else "out"
        known = start if pd.notna(start) else end
        if range_first <= known <= range_last:
            return "in"
        # Only one end is known: the range is certainly outside only on the far side of it.
        if pd.notna(start):
            return "out" if range_last < start else "undated"
        return "out" if range_first > end else "undated"

    return projects.apply(status, axis=1) if len(projects) else pd.Series(dtype=str)


def milestone_period_status(milestones: pd.DataFrame, year_from: int, year_to: int) -> pd.Series:
    """Per milestone: 'in' (its date overlaps the range), 'out', or 'undated'."""
    first = pd.Timestamp(year_from, 1, 1)
    last = pd.Timestamp(year_to, 12, 31)
    undated = milestones["date_first"].isna()
    # 'from' a date means continuing since then ("held annually since 2008").
    continuing = milestones["date_qualifier"] == "from"
    overlaps = (milestones["date_first"] <= last) & ((milestones["date_last"] >= first) | continuing.fillna(False))
    return pd.Series("out", index=milestones.index).mask(overlaps.fillna(False), "in").mask(undated, "undated")


def apply_filters(package: Package, filters: Filters) -> View:
    """The package as the filters keep it, with what the period filter could not place.

    Made once per set of filters and shared by every session (a view is never changed), so
    what `per_view` works out from it is shared too."""
    filters = clamp(filters, package)
    return package.memo(("view", filters), lambda: _filtered(package, filters))


def _filtered(package: Package, filters: Filters) -> View:
    projects = package["projects"]
    locations = package["locations"]
    keep = pd.Series(True, index=projects.index)
    if filters.projects:
        keep &= projects["project_id"].isin(filters.projects)
    if filters.provinces:
        there = locations.loc[locations["province_code"].isin(filters.provinces), "project_id"]
        keep &= projects["project_id"].isin(there)

    period_active = (filters.year_from, filters.year_to) != year_range(package)
    selected_ids = set(projects.loc[keep, "project_id"])
    undated_projects: list[str] = []
    if period_active:
        status = project_period_status(projects, filters.year_from, filters.year_to)
        undated_projects = list(projects.loc[keep & (status == "undated"), "project_id"])
        keep &= status == "in"
    kept = projects[keep]
    ids = set(kept["project_id"])

    def of_projects(name: str, project_ids: set[str] = ids) -> pd.DataFrame:
        """The rows of table `name` that belong to the given projects."""
        frame = package[name]
        return frame[frame["project_id"].isin(project_ids)]

    # Milestones follow the project and province filters, then their own date.
    milestones = of_projects("milestones", selected_ids)
    undated_milestones: list[str] = []
    if period_active:
        m_status = milestone_period_status(milestones, filters.year_from, filters.year_to)
        undated_milestones = list(milestones.loc[m_status == "undated", "milestone_id"])
        milestones = milestones[m_status == "in"]

    budgets, transactions = of_projects("budgets"), of_projects("transactions")
    if period_active:
        first, last = pd.Timestamp(filters.year_from, 1, 1), pd.Timestamp(filters.year_to, 12, 31)
        budgets = budgets[(budgets["period_start_first"] <= last) & (budgets["period_end_last"] >= first)]
        transactions = transactions[transactions["date_first"].between(first, last)]
    results = of_projects("results")
    if period_active:  # a reporting period overlapping the chosen years; an undated row stays
        start, end = results["period_start"].fillna("").astype(str), results["period_end"].fillna("").astype(str)
        results = results[((end == "") | (end.str[:4] >= str(filters.year_from))) & ((start == "") | (start.str[:4] <= str(filters.year_to)))]

    tables = {
        "projects": kept,
        "outputs": of_projects("outputs"),
        "budgets": budgets,
        "transactions": transactions,
        "results": results,
        "differences": of_projects("differences"),
        "partners": of_projects("partners"),
        "funding": of_projects("funding"),
        "locations": of_projects("locations"),
        "reach": of_projects("reach"),
        "milestones": milestones,
        "sources": package["sources"],
        "five_year_plans": package["five_year_plans"],
    }
    return View(filters, tables, projects, period_active, undated_projects, undated_milestones, package)


def single_project_view(view: View, project_id: str) -> View:
    """The view narrowed to one project, for its detail page."""
    # Sources stay whole: the records cite them, whatever project a published document belongs to.
    tables = {name: (frame[frame["project_id"] == project_id] if "project_id" in frame and name != "sources" else frame) for name, frame in view.tables.items()}
    return View(view.filters, tables, view.all_projects, view.period_active, [], [], view.package, scope=f"project:{project_id}")


_SHARED: OrderedDict = OrderedDict()
_SHARED_LOCK = threading.Lock()
SHARED_KEEP = 2048


def _identity(value: object) -> object:
    """A value as a cache key: itself when hashable, else the identity of it (or of each
    item of a list): tables from a shared view are the same objects in every session."""
    if isinstance(value, (list, tuple)):
        return tuple(_identity(v) for v in value)
    try:
        hash(value)
        return value
    except TypeError:
        return ("id", id(value))


def shared(fn: Callable[..., T]) -> Callable[..., T]:
    """`fn(*args)` worked out once for the same arguments (tables by identity) and shared by
    every session. The arguments are kept with the result, so an identity is never reused
    for another table while the entry lives; the result must be treated as read-only."""

    @functools.wraps(fn)
    def wrapper(*args: object) -> T:
        key = (fn.__module__, fn.__qualname__, _identity(args))
        with _SHARED_LOCK:
            if key in _SHARED:
                _SHARED.move_to_end(key)
                return _SHARED[key][1]
        value = fn(*args)
        with _SHARED_LOCK:
            _SHARED[key] = (args, value)
            while len(_SHARED) > SHARED_KEEP:
                _SHARED.popitem(last=False)
        return value

    return wrapper


def per_view(fn: Callable[..., T]) -> Callable[..., T]:
    """`fn(view, *args)` worked out once per view and arguments, and shared by every session
    looking at the same view: the result must be treated as read-only."""

    @functools.wraps(fn)
    def shared(view: View, *args: Hashable) -> T:
        if view.package is None:
            return fn(view, *args)
        key = (fn.__module__, fn.__qualname__, view.filters, view.scope, args)
        return view.package.memo(key, lambda: fn(view, *args), keep=2048)

    return shared
