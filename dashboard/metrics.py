"""Pure functions from a filtered View to the figures and tables the pages show.

Tables returned here are what the Table view shows and the CSV download contains, so
their columns are already in the reader's language. Every table keeps its source columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import places
from dashboard.filters import View
from dashboard.i18n import STRINGS, format_partial_date, format_usd, labelled, localized, t, term

SOURCE_COLUMNS = ("source_id", "section")


def project_labels(projects: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(projects["project_id"], localized(projects, "short_title", lang)))


def project_labels_all(view: View, lang: str) -> dict[str, str]:
    """Labels for every project, including those the period filter set aside."""
    return project_labels(view.all_projects, lang)


def province_names(lang: str) -> dict[str, str]:
    key = "name_zh" if lang == "zh" else "name_en"
    return {r["code"]: r[key] for r in places.province_rows()}


def _with_source(frame: pd.DataFrame, out: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    out[t("col.source", lang)] = frame["source_id"].map(source_titles(sources, lang)).values
    out[t("col.section", lang)] = frame["section"].values
    return out


# Headline figures -------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    projects: int
    funding_usd: float
    projects_without_funding: list[str]
    participants: int | None
    participants_is_lower_bound: bool
    provinces: int
    unnamed_places: int
    milestones_achieved: int
    policy_uptake: int
    milestones_planned: int


def projects_without_funding(view: View) -> list[str]:
    """Projects with no funding line that gives an amount."""
    funded = set(view["funding"].dropna(subset=["amount_usd"])["project_id"])
    return [p for p in view.project_ids if p not in funded]


def headline(view: View) -> Headline:
    funding = view["funding"]["amount_usd"].dropna()
    people = view["reach"].query("unit == 'people'").dropna(subset=["value"])
    located = view["locations"]
    achieved = view["milestones"].query("status == 'achieved'")
    return Headline(
        projects=len(view["projects"]),
        funding_usd=float(funding.sum()),
        projects_without_funding=projects_without_funding(view),
        participants=int(people["value"].sum()) if len(people) else None,
        participants_is_lower_bound=bool((people["qualifier"] == "lower_bound").any()),
        provinces=located["province_code"].nunique(),
        unnamed_places=int(located["province_code"].isna().sum()),
        milestones_achieved=len(achieved),
        policy_uptake=int((achieved["kind"] == "policy_uptake").sum()),
        milestones_planned=int((view["milestones"]["status"] == "planned").sum()),
    )


# Funding ------------------------------------------------------------------------


def funding_table(view: View, lang: str) -> pd.DataFrame:
    f = view["funding"]
    names = project_labels(view["projects"], lang)
    out = pd.DataFrame(
        {
            t("col.project", lang): f["project_id"].map(names).values,
            t("col.funder", lang): localized(f, "funder", lang).fillna(t("funder_type.not_reported", lang)).values,
            t("col.funder_as_named", lang): f["funder_as_named"].fillna(t("date.unknown", lang)).values,
            t("col.funder_type", lang): [term("funder_type", v, lang) for v in f["funder_type"]],
            t("col.amount_usd", lang): f["amount_usd"].values,
        }
    )
    return _with_source(f, out, view["sources"], lang)


def funding_by_type(view: View, lang: str) -> pd.DataFrame:
    f = view["funding"].dropna(subset=["amount_usd"])
    sums = f.groupby("funder_type", observed=True)["amount_usd"].sum()
    total = sums.sum()
    out = pd.DataFrame(
        {
            t("col.funder_type", lang): [term("funder_type", k, lang) for k in sums.index],
            t("col.amount_usd", lang): sums.values,
            t("col.share", lang): (sums.values / total * 100).round(1) if total else 0.0,
        }
    )
    return out.sort_values(t("col.amount_usd", lang), ascending=False, ignore_index=True)


def cofinancing(view: View, lang: str) -> pd.DataFrame:
    """Per project: government and UNDP contributions side by side (other funders excluded)."""
    f = view["funding"].dropna(subset=["amount_usd"])
    f = f[f["funder_type"].isin(["government", "undp"])]
    names = project_labels(view["projects"], lang)
    wide = f.pivot_table(index="project_id", columns="funder_type", values="amount_usd", aggfunc="sum")
    wide = wide.reindex(columns=["government", "undp"])
    out = pd.DataFrame(
        {
            t("col.project", lang): [names[p] for p in wide.index],
            term("funder_type", "government", lang): wide["government"].values,
            term("funder_type", "undp", lang): wide["undp"].values,
        }
    )
    return out


def unnamed_funding(view: View) -> tuple[float, list[str]]:
    """Money reported with no funder named, and the projects it belongs to."""
    f = view["funding"]
    lines = f[f["funder_type"] == "not_reported"].dropna(subset=["amount_usd"])
    return float(lines["amount_usd"].sum()), list(dict.fromkeys(lines["project_id"]))


# Reach --------------------------------------------------------------------------


def reach_table(view: View, lang: str) -> pd.DataFrame:
    r = view["reach"]
    names = project_labels(view["projects"], lang)
    out = pd.DataFrame(
        {
            t("col.project", lang): r["project_id"].map(names).values,
            t("col.measure", lang): [term("measure", v, lang) for v in r["measure"]],
            t("col.audience", lang): localized(r, "audience", lang).values,
            t("col.value", lang): r["value"].values,
            t("col.unit", lang): [term("unit", v, lang) for v in r["unit"]],
            t("col.qualifier", lang): [term("qualifier", v, lang) for v in r["qualifier"]],
            t("col.period_from", lang): [format_partial_date(v, lang) for v in r["period_from"]],
            t("col.as_of", lang): [format_partial_date(v, lang) for v in r["as_of"]],
        }
    )
    return _with_source(r, out, view["sources"], lang)


def projects_without_reach(view: View) -> list[str]:
    reached = set(view["reach"].dropna(subset=["value"])["project_id"])
    return [p for p in view.project_ids if p not in reached]


# Places -------------------------------------------------------------------------


def location_table(view: View, lang: str) -> pd.DataFrame:
    loc = view["locations"]
    names = project_labels(view["projects"], lang)
    provinces = province_names(lang)
    out = pd.DataFrame(
        {
            t("col.project", lang): loc["project_id"].map(names).values,
            t("col.province", lang): loc["province_code"].map(provinces).fillna(t("date.unknown", lang)).values,
            t("col.province_code", lang): loc["province_code"].fillna("").values,
            t("col.place_as_written", lang): loc["place_as_written"].values,
            t("col.admin_level", lang): [term("admin_level", v, lang) for v in loc["admin_level"]],
            t("col.role", lang): [term("role", v, lang) for v in loc["role"]],
            t("col.since", lang): [format_partial_date(v, lang) if isinstance(v, str) else "" for v in loc["since"]],
        }
    )
    return _with_source(loc, out, view["sources"], lang)


def province_roles(view: View) -> pd.DataFrame:
    """One row per (province, project) with the project's roles there, sorted."""
    loc = view["locations"].dropna(subset=["province_code"])
    grouped = loc.groupby(["province_code", "project_id"])["role"].agg(lambda s: tuple(sorted(set(s))))
    return grouped.reset_index()


def province_summary(view: View, lang: str) -> pd.DataFrame:
    """Per province (all 34): number of projects and a readable list of projects and roles."""
    roles = province_roles(view)
    names = project_labels_all(view, lang)
    here: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for code, project, rs in zip(roles["province_code"], roles["project_id"], roles["role"]):
        here.setdefault(code, []).append((project, rs))
    rows = []
    for r in places.province_rows():
        entries = here.get(r["code"], [])
        rows.append(
            {
                "code": r["code"],
                "name_en": r["name_en"],
                "name_zh": r["name_zh"],
                "n_projects": len(entries),
                "roles": tuple(sorted({x for _, rs in entries for x in rs})),
                "projects_roles": "; ".join(f"{names[p]} ({', '.join(term('role', x, lang) for x in rs)})" for p, rs in entries),
            }
        )
    return pd.DataFrame(rows)


def province_table(view: View, lang: str) -> pd.DataFrame:
    """The map's Table view: provinces with at least one project."""
    s = province_summary(view, lang)
    s = s[s["n_projects"] > 0].sort_values(["n_projects", "code"], ascending=[False, True])
    return pd.DataFrame(
        {
            t("col.province", lang): s["name_zh" if lang == "zh" else "name_en"].values,
            t("col.province_code", lang): s["code"].values,
            t("col.n_projects", lang): s["n_projects"].values,
            t("col.projects_roles", lang): s["projects_roles"].values,
        }
    )


def unnamed_places(view: View) -> pd.DataFrame:
    return view["locations"][view["locations"]["province_code"].isna()]


def projects_without_province(view: View) -> list[str]:
    located = set(view["locations"].dropna(subset=["province_code"])["project_id"])
    return [p for p in view.project_ids if p not in located]


def national_milestones(view: View) -> pd.DataFrame:
    m = view["milestones"]
    return m[m["scope"].isin(["national", "international"])]


def milestones_in_province(view: View, code: str) -> pd.DataFrame:
    """Milestones tied to the province itself, plus provincial milestones of projects there."""
    m = view["milestones"]
    projects_here = set(view["locations"].loc[view["locations"]["province_code"] == code, "project_id"])
    tied = m["province_code"] == code
    provincial = (m["scope"] == "provincial") & m["province_code"].isna() & m["project_id"].isin(projects_here)
    return m[tied.fillna(False) | provincial]


# Milestones ----------------------------------------------------------------------


def milestone_date_label(row: pd.Series, lang: str) -> str:
    text = format_partial_date(row["date"], lang)
    if row.get("date_qualifier") == "by":
        text = t("milestones.by", lang, date=text)
    elif row.get("date_qualifier") == "from":
        text = t("milestones.from", lang, date=text)
    return text


def milestone_table(view: View, milestones: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = project_labels_all(view, lang)
    out = pd.DataFrame(
        {
            t("col.date", lang): [milestone_date_label(r, lang) for _, r in milestones.iterrows()],
            t("col.project", lang): milestones["project_id"].map(names).values,
            t("col.kind", lang): [term("kind", v, lang) for v in milestones["kind"]],
            t("col.title", lang): localized(milestones, "title", lang).values,
            t("col.five_year_plan", lang): [fyp_label(v, lang) if pd.notna(v) else "" for v in milestones["five_year_plan"]],
            t("col.count", lang): [
                f"{int(c)} {u}" if pd.notna(c) else "" for c, u in zip(milestones["count"], localized(milestones, "count_unit", lang))
            ],
            t("col.status", lang): [term("status", v, lang) for v in milestones["status"]],
            t("col.scope", lang): [term("scope", v, lang) for v in milestones["scope"]],
        }
    )
    return _with_source(milestones, out, view["sources"], lang)


def fyp_label(plan: int, lang: str) -> str:
    if lang == "zh":
        numerals = {10: "十", 11: "十一", 12: "十二", 13: "十三", 14: "十四", 15: "十五"}
        return f"“{numerals.get(int(plan), plan)}五”"
    return f"{int(plan)}th Five-Year Plan"


def milestones_by_recency(milestones: pd.DataFrame) -> pd.DataFrame:
    """Dated milestones, latest first; undated ones are left to the timeline's gap list."""
    dated = milestones.dropna(subset=["date_first"])
    return dated.sort_values(["date_last", "milestone_id"], ascending=[False, True])


# Projects and sources ---------------------------------------------------------------


def project_table(view: View, lang: str) -> pd.DataFrame:
    p = view["projects"]
    funded = view["funding"].groupby("project_id")["amount_usd"].sum(min_count=1)
    out = pd.DataFrame(
        {
            t("col.project_id", lang): p["project_id"].values,
            t("col.title", lang): localized(p, "title", lang).values,
            t("col.start", lang): [format_partial_date(v, lang) for v in p["start"]],
            t("col.end", lang): [format_partial_date(v, lang) for v in p["end"]],
            t("col.status", lang): [term("status", v, lang) for v in p["status"]],
            t("col.amount_usd", lang): p["project_id"].map(funded).values,
            t("col.undp_project_id", lang): p["undp_project_id"].fillna(t("date.unknown", lang)).values,
        }
    )
    return _with_source(p, out, view["sources"], lang)


def source_titles(package_sources: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(package_sources["source_id"], localized(package_sources, "title", lang)))


def sources_of(frames: list[pd.DataFrame], sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The distinct (document, section) pairs behind the given records."""
    parts = [f[list(SOURCE_COLUMNS)] for f in frames if len(f) and "section" in f]
    pairs = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(SOURCE_COLUMNS))
    if pairs.empty:
        return pd.DataFrame(columns=[t("col.source", lang), t("col.file_name", lang), t("col.section", lang)])
    pairs = pairs.drop_duplicates().sort_values(list(SOURCE_COLUMNS))
    titles = source_titles(sources, lang)
    files = dict(zip(sources["source_id"], sources["file_name"]))
    return pd.DataFrame(
        {
            t("col.source", lang): pairs["source_id"].map(titles).values,
            t("col.file_name", lang): pairs["source_id"].map(files).values,
            t("col.section", lang): pairs["section"].values,
        }
    )


def records_per_source(tables: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """How many records each source gave to each table."""
    rows = []
    for name, frame in tables.items():
        if name == "sources" or "source_id" not in frame:
            continue
        for source_id, n in frame["source_id"].value_counts().items():
            rows.append({"source_id": source_id, "table": t(f"table.{name}", lang), "n": int(n)})
    counts = pd.DataFrame(rows, columns=["source_id", "table", "n"])
    wide = counts.pivot_table(index="source_id", columns="table", values="n", fill_value=0, aggfunc="sum")
    wide.index.name = t("col.file_name", lang)
    wide.columns.name = None
    return wide


# The province panel -----------------------------------------------------------------


@dataclass(frozen=True)
class ProjectInProvince:
    project: str
    roles: str
    places_as_written: str
    funding: str
    reach: list[str]


def province_panel(view: View, code: str, lang: str) -> list[ProjectInProvince]:
    """Every project working in the province: its roles there and its project-wide figures."""
    names = project_labels_all(view, lang)
    here = view["locations"][view["locations"]["province_code"] == code]
    out = []
    for project_id, rows in here.groupby("project_id", sort=False):
        amounts = view["funding"].loc[view["funding"]["project_id"] == project_id, "amount_usd"].dropna()
        reach = view["reach"][(view["reach"]["project_id"] == project_id)].dropna(subset=["value"])
        out.append(
            ProjectInProvince(
                project=names[project_id],
                roles=", ".join(term("role", r, lang) for r in dict.fromkeys(rows["role"])),
                places_as_written=", ".join(dict.fromkeys(rows["place_as_written"])),
                funding=format_usd(amounts.sum(), lang) if len(amounts) else t("kpi.not_reported", lang),
                reach=[
                    labelled(a, f"{'> ' if q == 'lower_bound' else ''}{v:,} {term('unit', u, lang)}", lang)
                    for a, v, q, u in zip(localized(reach, "audience", lang), reach["value"], reach["qualifier"], reach["unit"])
                ],
            )
        )
    return out


# Timeline ------------------------------------------------------------------------------


def timeline_frames(view: View, lang: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Inputs for charts.timeline: project spans, dated milestones, and the plan bands in range."""
    names = project_labels_all(view, lang)
    shown = list(dict.fromkeys([*view.project_ids, *view["milestones"]["project_id"]]))
    projects = view.all_projects.set_index("project_id").loc[shown].reset_index()

    def note(p: pd.Series) -> str:
        start = format_partial_date(p["start"], lang)
        end = format_partial_date(p["end"], lang)
        if pd.isna(p["start"]) and pd.isna(p["end"]):
            return t("milestones.dates_unknown", lang)
        if pd.isna(p["end"]):
            return f"{start} → {t('milestones.end_unknown', lang)}"
        if pd.isna(p["start"]):
            return f"{t('milestones.start_unknown', lang)} → {end}"
        return f"{start} – {end}"

    spans = pd.DataFrame(
        {
            "label": projects["project_id"].map(names),
            "start": projects["start_first"],
            "end": projects["end_last"],
            "note": projects.apply(note, axis=1) if len(projects) else [],
        }
    )
    m = view["milestones"].dropna(subset=["date_first"])
    points = pd.DataFrame(
        {
            "label": m["project_id"].map(names),
            # The middle of the period a partial date stands for: '2007' sits mid-2007.
            "when": m["date_first"] + (m["date_last"] - m["date_first"]) / 2,
            "kind": [term("kind", k, lang) for k in m["kind"]],
            "title": localized(m, "title", lang),
            "date_text": [milestone_date_label(r, lang) for _, r in m.iterrows()],
            "uptake": (m["kind"] == "policy_uptake").values,
            "planned": (m["status"] == "planned").values,
        }
    )
    f = view.filters
    plans = view["five_year_plans"]
    plans = plans[(plans["end_year"] >= f.year_from) & (plans["start_year"] <= f.year_to)]
    bands = pd.DataFrame({"name": localized(plans, "name", lang), "start_year": plans["start_year"], "end_year": plans["end_year"]})
    return spans, points, bands


def undated_milestones(view: View) -> pd.DataFrame:
    return view["milestones"][view["milestones"]["date_first"].isna()]


# Projects, sources and gaps ---------------------------------------------------------------


def single_project_view(view: View, project_id: str) -> View:
    """The view narrowed to one project, for its detail page."""
    tables = {
        name: (frame[frame["project_id"] == project_id] if "project_id" in frame else frame) for name, frame in view.tables.items()
    }
    return View(view.filters, tables, view.all_projects, view.period_active, [], [])


def partner_table(view: View, lang: str) -> pd.DataFrame:
    p = view["partners"]
    out = pd.DataFrame(
        {
            t("col.partner", lang): localized(p, "partner", lang).values,
            t("col.partner_as_named", lang): p["partner_as_named"].values,
            t("col.role", lang): [term("partner_role", v, lang) for v in p["role"]],
            t("col.partner_type", lang): [term("partner_type", v, lang) for v in p["partner_type"]],
        }
    )
    return _with_source(p, out, view["sources"], lang)


def source_table(package, lang: str) -> pd.DataFrame:
    s = package["sources"]
    return pd.DataFrame(
        {
            t("col.title", lang): localized(s, "title", lang).values,
            t("col.kind_source", lang): [term("source_kind", v, lang) for v in s["kind"]],
            t("col.publisher", lang): localized(s, "publisher", lang).fillna(t("date.unknown", lang)).values,
            t("col.date", lang): [format_partial_date(v, lang) for v in s["date"]],
            t("col.file_name", lang): s["file_name"].fillna("").values,
            t("col.note", lang): localized(s, "note", lang).fillna("").values,
        }
    )


def gap_table(gaps: pd.DataFrame, package, lang: str) -> pd.DataFrame:
    """The data-gaps list in the reader's language."""
    names = project_labels(package["projects"], lang)
    titles = source_titles(package["sources"], lang)
    return pd.DataFrame(
        {
            t("col.table", lang): [t(f"table.{v}", lang) for v in gaps["table"]],
            t("col.project", lang): gaps["project_id"].map(names).fillna("").values,
            t("col.record", lang): gaps["record"].values,
            t("col.field", lang): [t(f"col.{v}", lang) if f"col.{v}" in STRINGS else v for v in gaps["field"]],
            t("col.note", lang): gaps["note_zh" if lang == "zh" else "note"].fillna("").values,
            t("col.source", lang): gaps["source_id"].map(titles).fillna("").values,
            t("col.section", lang): gaps["section"].fillna("").values,
        }
    )


def reach_by_unit(view: View, unit: str, lang: str) -> tuple[pd.DataFrame, list[str], pd.Series]:
    """The reach table's rows in one unit, their chart labels, and which are lower bounds."""
    rows = (view["reach"]["unit"] == unit).values
    table = reach_table(view, lang)[rows].reset_index(drop=True)
    labels = [f"<b>{p}</b><br>{a}" for p, a in zip(table[t("col.project", lang)], table[t("col.audience", lang)])]
    lower = view["reach"].loc[rows, "qualifier"].eq("lower_bound").reset_index(drop=True)
    return table, labels, lower


def filters_summary(view: View, lang: str) -> str:
    """The active filters in one line: projects · period · provinces."""
    f = view.filters
    names = project_labels_all(view, lang)
    provinces = province_names(lang)
    sep = "、" if lang == "zh" else ", "
    parts = [
        sep.join(names[p] for p in f.projects) if f.projects else t("filters.all_projects", lang),
        t("filters.period", lang, start=f.year_from, end=f.year_to),
        sep.join(provinces[c] for c in f.provinces) if f.provinces else t("filters.all_provinces", lang),
    ]
    return " · ".join(parts)
