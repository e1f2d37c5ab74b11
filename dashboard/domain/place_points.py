"""Where each project works below the province: the places a map can draw as points.

A place is drawn at the point its source publishes; a place named only by its county or
prefecture is drawn at a point inside that division, marked as such. Places with neither
(a town without a point) are not drawn, nor are mentions of a whole province or country,
even where UNDP publishes a point for them: that point is the province's middle, not a
place where work happens. The places table lists them all.
Projects at the same point are one place, so a city that ten projects name is one dot.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from dashboard import places
from dashboard.domain.figures import budgets_in_force
from dashboard.domain.filters import View, per_view

BELOW_PROVINCE = ("prefecture", "county", "locality")  # the levels drawn as places
DIVISION_LEVELS = ("prefecture", "county")  # a place at these levels without a point is drawn at its division's centre
DECIMALS = 4  # about 10 m: two sources giving the same point to this precision name one place


def _with_position(locations: pd.DataFrame) -> pd.DataFrame:
    """The locations with longitude, latitude and drawn ('point' or 'centre'); rows with neither are dropped."""
    loc = locations[locations["admin_level"].isin(BELOW_PROVINCE)].copy()
    has_point = loc["latitude"].notna() & loc["longitude"].notna()
    centres = places.division_centres()
    centre = [centres.get(code) if isinstance(code, str) and level in DIVISION_LEVELS else None for code, level in zip(loc["admin_code"], loc["admin_level"])]
    loc["drawn"] = ["point" if p else ("centre" if c else "") for p, c in zip(has_point, centre)]
    loc["lon"] = [round(float(x), DECIMALS) if p else (c[0] if c else math.nan) for p, x, c in zip(has_point, loc["longitude"], centre)]
    loc["lat"] = [round(float(y), DECIMALS) if p else (c[1] if c else math.nan) for p, y, c in zip(has_point, loc["latitude"], centre)]
    return loc[loc["drawn"] != ""]


@per_view
def project_budgets(view: View) -> pd.Series:
    """Published budget per project id in view (a revision replaces its original); projects without one have no entry."""
    b = budgets_in_force(view["budgets"])
    return b.groupby("project_id")["amount_usd"].sum(min_count=1).dropna()


def plurality(values: list[str]) -> str:
    """The value most of `values` share; '' when none does more than every other (a tie, or nothing)."""
    ranked = Counter(values).most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else ""


def _project_themes(view: View) -> dict[str, tuple[str, ...]]:
    p = view["projects"]
    return {pid: tuple(themes.split("|")) if isinstance(themes, str) else () for pid, themes in zip(p["project_id"], p["themes"])}


@per_view
def drawn_places(view: View, provinces: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per place drawn, in the given provinces (None: everywhere in view): key, lon,
    lat, drawn ('point' or 'centre'), names (as written), levels, county (the county the
    place lies in or is named by; '' for a prefecture's centre or a point outside every
    county), province_code, project_ids, roles and themes (tuples, in package order),
    main_role and main_theme (what most of its places' rows and projects share, '' for a
    tie), n_projects, and budget_usd (the published budgets of its projects, project-wide; NaN
    when none of them has one)."""
    loc = view["locations"]
    if provinces is not None:
        loc = loc[loc["province_code"].isin(provinces)]
    loc = _with_position(loc)
    columns = ["key", "lon", "lat", "drawn", "names", "levels", "county", "province_code", "project_ids", "roles", "themes", "main_role", "main_theme",
               "n_projects", "budget_usd"]
    if loc.empty:
        return pd.DataFrame(columns=columns)
    named_county = loc["admin_code"].where(loc["admin_level"] == "county")
    loc["county"] = named_county.fillna(pd.Series(places.counties_at(loc["lon"], loc["lat"]), index=loc.index).where(loc["drawn"] == "point", ""))
    themes, budgets = _project_themes(view), project_budgets(view)
    rows = []
    for (lon, lat, drawn), group in loc.groupby(["lon", "lat", "drawn"], sort=False):
        ids = tuple(dict.fromkeys(group["project_id"]))
        known = [budgets[p] for p in ids if p in budgets.index]
        rows.append({
            "key": f"{drawn}:{lon:.{DECIMALS}f},{lat:.{DECIMALS}f}",
            "lon": lon, "lat": lat, "drawn": drawn,
            "names": tuple(dict.fromkeys(group["place_as_written"])),
            "levels": tuple(dict.fromkeys(group["admin_level"])),
            "county": group["county"].iloc[0],
            "province_code": group["province_code"].iloc[0],
            "project_ids": ids,
            "roles": tuple(dict.fromkeys(group["role"])),
            "themes": tuple(dict.fromkeys(t for p in ids for t in themes.get(p, ()))),
            "main_role": plurality(list(group["role"])),
            "main_theme": plurality([t for p in ids for t in themes.get(p, ())]),
            "n_projects": len(ids),
            "budget_usd": float(sum(known)) if known else math.nan,
        })
    return pd.DataFrame(rows, columns=columns)


@per_view
def undrawn_places(view: View, provinces: tuple[str, ...]) -> pd.DataFrame:
    """The locations in these provinces that the close-up does not draw: mentions of the whole
    province, and places with neither a point nor a known county or prefecture."""
    loc = view["locations"]
    loc = loc[loc["province_code"].isin(provinces)]
    return loc.drop(_with_position(loc).index)


def grid_cells(drawn: pd.DataFrame, degrees: float) -> pd.DataFrame:
    """The places counted in squares of `degrees`: lon and lat (the square's south-west
    corner), n_places, n_projects (distinct projects across its places), most first."""
    if drawn.empty:
        return pd.DataFrame(columns=["lon", "lat", "n_places", "n_projects"])
    cell_lon = (drawn["lon"] // degrees) * degrees
    cell_lat = (drawn["lat"] // degrees) * degrees
    cells = drawn.groupby([cell_lon.rename("lon"), cell_lat.rename("lat")])
    out = pd.DataFrame({
        "n_places": cells.size(),
        "n_projects": cells["project_ids"].agg(lambda ids: len({p for group in ids for p in group})),
    }).reset_index()
    return out.sort_values(["n_places", "lon", "lat"], ascending=[False, True, True], ignore_index=True)
