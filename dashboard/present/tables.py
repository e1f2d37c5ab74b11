"""Display tables: the Table view of every figure and its CSV download.

Values are in the reader's language; columns keep stable ids (`project`, `amount_usd`,
`source` ...) so pages and charts pick them by name. Headers become words only at the
last step (`localized_headers`), when a table is shown or downloaded.
"""

from __future__ import annotations

import functools
import json
import re

import pandas as pd

from dashboard import places
from dashboard.domain import figures, results, timeline
from dashboard.ingest.iati import normalised_name
from dashboard.domain.filters import View, per_view, shared
from dashboard.present.charts import BASE_FONT_SIZE, plain, wrapped
from dashboard.present.i18n import NAMES_SHOWN, format_partial_date, header, localized, plan_label, t, term
from dashboard.store.package import Package


@shared
def project_names(projects: pd.DataFrame, lang: str) -> dict[str, str]:
    """Project id -> short title in `lang`, for the projects in the frame given."""
    return dict(zip(projects["project_id"], localized(projects, "short_title", lang)))


@functools.lru_cache(maxsize=None)
def province_names(lang: str) -> dict[str, str]:
    """GB/T 2260 code -> province name in `lang`, for all 34 provinces."""
    key = "name_zh" if lang == "zh" else "name_en"
    return {r["code"]: r[key] for r in places.province_rows()}


@shared
def source_titles(sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """Source id -> title in `lang`."""
    return dict(zip(sources["source_id"], localized(sources, "title", lang)))


def not_reported(lang: str) -> str:
    """How a gap reads."""
    return t("date.unknown", lang)


def _with_source(records: pd.DataFrame, out: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`out` with the document title and section each record comes from."""
    out["source"] = records["source_id"].map(source_titles(sources, lang)).values
    out["section"] = records["section"].values
    return out


@shared
def localized_headers(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table with its column ids (and index name) turned into headers in `lang`."""
    out = table.rename(columns=lambda c: header(str(c), lang))
    if out.index.name:
        out.index.name = header(out.index.name, lang)
    return out


@shared
def readable(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table as a person reads it: thousands separators, and gaps written as gaps.

    Downloads keep the plain numbers (empty where not reported) so they stay computable.
    """
    out = table.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = [not_reported(lang) if pd.isna(v) else f"{v:,.0f}" for v in out[column]]
    return out


# Funding ------------------------------------------------------------------------------


@per_view
def funding_table(view: View, lang: str) -> pd.DataFrame:
    """Every funding line in view: project, funder, funder_as_named, funder_type, amount_usd, source, section."""
    f = view["funding"]
    names = project_names(view["projects"], lang)
    out = pd.DataFrame(
        {
            "project": f["project_id"].map(names).values,
            "funder": localized(f, "funder", lang).fillna(t("funder_type.not_reported", lang)).values,
            "funder_as_named": f["funder_as_named"].fillna(not_reported(lang)).values,
            "funder_type": [term("funder_type", v, lang) for v in f["funder_type"]],
            "amount_usd": f["amount_usd"].values,
        }
    )
    return _with_source(f, out, view["sources"], lang)


@per_view
def budget_spending_table(view: View, lang: str) -> pd.DataFrame:
    """Per year: budget and spending (USD) as UNDP publishes them."""
    return figures.budget_and_spending_by_year(view).assign(year=lambda f: f["year"].astype(str))


FUNDERS_SHOWN = 10


@per_view
def delivery_table(view: View, lang: str) -> pd.DataFrame:
    """Per project with a published budget: budget, spending, delivery (%) and the flag
    where spending trails the budget (`figures.delivery_by_project`), lowest delivery first."""
    d = figures.delivery_by_project(view)
    names = project_names(view.all_projects, lang)
    return pd.DataFrame({"project": [names[p] for p in d["project_id"]], "budget_usd": d["budget_usd"], "spending_usd": d["spending_usd"],
                         "delivery_pct": d["delivery_pct"], "trails": [t("funding.trails", lang) if x else "" for x in d["trails"]]})


def delivery_note(view: View, shown: int, lang: str) -> str:
    """The delivery rule as the page states it, with how many projects it flags."""
    d = figures.delivery_by_project(view)
    return t("funding.delivery_note", lang, year=figures.delivery_horizon(view), flag=figures.DELIVERY_FLAG_PCT, n=int(d["trails"].sum()),
             total=len(d), shown=min(len(d), shown))


@per_view
def funding_by_type_table(view: View, lang: str) -> pd.DataFrame:
    """Reported funding per type of funder: funder_type, amount_usd, share (%)."""
    by_type = figures.funding_by_type(view)
    return by_type.assign(funder_type=[term("funder_type", v, lang) for v in by_type["funder_type"]])


@per_view
def cofinancing_table(view: View, lang: str) -> pd.DataFrame:
    """Per project: government and UNDP contributions, and which source they come from."""
    co = figures.cofinancing(view)
    names = project_names(view["projects"], lang)
    source = {"published": t("funding.from_published", lang), "documented": t("funding.from_documents", lang)}
    return pd.DataFrame({"project": [names[p] for p in co["project_id"]], "government": co["government"].values, "undp": co["undp"].values,
                         "amount_source": [source[s] for s in co["source"]]})


@per_view
def funders_table(view: View, lang: str) -> pd.DataFrame:
    """Every funder in view (`figures.funders`): name, type of funder and each kind of amount."""
    f = figures.funders(view)
    return f.assign(funder=[normalised_name(n) for n in f["funder"]], kind=[term("funder_kind", k, lang) for k in f["kind"]]).rename(columns={"kind": "funder_kind"})


@per_view
def largest_funders_table(view: View, lang: str, shown: int = FUNDERS_SHOWN) -> pd.DataFrame:
    """The `shown` largest funders, then the rest as one row (their amounts summed kind by kind)."""
    table = funders_table(view, lang)
    if len(table) <= shown + 1:
        return table
    rest = table.iloc[shown:]
    others = {"funder": t("funding.other_funders", lang, n=len(rest)), "funder_kind": "", **rest[list(figures.AMOUNT_KINDS)].sum(min_count=1).to_dict()}
    return pd.concat([table.iloc[:shown], pd.DataFrame([others])], ignore_index=True)


@per_view
def funding_by_kind_table(view: View, lang: str) -> pd.DataFrame:
    """Per type of funder: each kind of amount and its share (%)."""
    by_kind = figures.funding_by_kind(view)
    return by_kind.assign(kind=[term("funder_kind", k, lang) for k in by_kind["kind"]]).rename(columns={"kind": "funder_kind"})


@per_view
def funding_differences_table(view: View, lang: str) -> pd.DataFrame:
    """Where the documents and UNDP's file disagree about the projects in view (as `/sources` lists them)."""
    table = differences_table(view.package, lang)
    names = set(project_names(view["projects"], lang).values())
    return table[table["project"].isin(names)].reset_index(drop=True)


# Reach --------------------------------------------------------------------------------


@per_view
def reach_table(view: View, lang: str) -> pd.DataFrame:
    """Every reach figure in view, with its qualifier, audience and period."""
    r = view["reach"]
    names = project_names(view["projects"], lang)
    out = pd.DataFrame(
        {
            "project": r["project_id"].map(names).values,
            "measure": [term("measure", v, lang) for v in r["measure"]],
            "audience": localized(r, "audience", lang).values,
            "value": r["value"].values,
            "unit": [term("unit", v, lang) for v in r["unit"]],
            "qualifier": [term("qualifier", v, lang) for v in r["qualifier"]],
            "period_from": [format_partial_date(v, lang) for v in r["period_from"]],
            "as_of": [format_partial_date(v, lang) for v in r["as_of"]],
        }
    )
    return _with_source(r, out, view["sources"], lang)


@per_view
def reach_by_unit(view: View, unit: str, lang: str) -> tuple[pd.DataFrame, list[str], pd.Series]:
    """The reach table's rows in one unit, their chart labels, and which are lower bounds."""
    rows = (view["reach"]["unit"] == unit).values
    table = reach_table(view, lang)[rows].reset_index(drop=True)
    # Markup round data made plain; the audience wrapped at word breaks to fit a phone.
    labels = [f"<b>{plain(p)}</b><br>" + "<br>".join(wrapped(plain(a).split(" "), BASE_FONT_SIZE, sep=" ")) for p, a in zip(table["project"], table["audience"])]
    lower = view["reach"].loc[rows, "qualifier"].eq("lower_bound").reset_index(drop=True)
    return table, labels, lower


# Places -------------------------------------------------------------------------------


@per_view
def location_table(view: View, lang: str) -> pd.DataFrame:
    """Every place in view: project, province, code, the name as written, level, role, since, source."""
    loc = view["locations"]
    names = project_names(view["projects"], lang)
    out = pd.DataFrame(
        {
            "project": loc["project_id"].map(names).values,
            "province": [
                province_names(lang).get(code) or (term("admin_level", level, lang) if level in ("country", "abroad") else not_reported(lang))
                for code, level in zip(loc["province_code"], loc["admin_level"])
            ],
            "province_code": loc["province_code"].fillna("").values,
            "place_as_written": loc["place_as_written"].values,
            "division": [places.division_names(lang).get(code, "") if isinstance(code, str) else "" for code in loc["admin_code"]],
            "admin_level": [term("admin_level", v, lang) for v in loc["admin_level"]],
            "role": [term("role", v, lang) for v in loc["role"]],
            "since": [format_partial_date(v, lang) if isinstance(v, str) else "" for v in loc["since"]],
        }
    )
    return _with_source(loc, out, view["sources"], lang)


@per_view
def output_table(view: View, lang: str) -> pd.DataFrame:
    """The outputs (components) of the projects in view: number, title, dates, status."""
    o = view["outputs"]
    return pd.DataFrame(
        {
            "undp_output_id": o["undp_output_id"].fillna("").values,
            "title": localized(o, "title", lang).values,
            "start": [format_partial_date(v, lang) for v in o["start"]],
            "end": [format_partial_date(v, lang) for v in o["end"]],
            "status": [term("status", v, lang) for v in o["status"]],
        }
    )


@per_view
def results_table(view: View, lang: str) -> pd.DataFrame:
    """Every results indicator in view, per period: baseline, target and actual exactly as
    published (the number where one is given, else the words)."""
    r = view["results"]
    outputs = dict(zip(view["outputs"]["output_id"], view["outputs"]["title"]))

    def verbatim(value: pd.Series, text: pd.Series) -> list[str]:
        return [_verbatim(v, w) for v, w in zip(value, text)]

    periods = [" – ".join(format_partial_date(d, lang) for d in (a, b) if isinstance(d, str)) for a, b in zip(r["period_start"], r["period_end"])]
    return pd.DataFrame(
        {
            "output": [outputs.get(o, "") if isinstance(o, str) else "" for o in r["output_id"]],
            "result_title": r["result_title"].values,
            "indicator": [f"{i}: {d}" if isinstance(d, str) else i for i, d in zip(r["indicator"], r["indicator_description"])],
            "period": periods,
            "baseline": [f"{b} ({int(y)})" if b and pd.notna(y) else b for b, y in zip(verbatim(r["baseline_value"], r["baseline_text"]), r["baseline_year"])],
            "target": verbatim(r["target_value"], r["target_text"]),
            "actual": verbatim(r["actual_value"], r["actual_text"]),
        }
    )


def project_roles_text(project_roles: tuple, names: dict[str, str], lang: str) -> str:
    """'Project (Role, Role); Project (Role)' for one province's (project id, roles) pairs;
    past five projects, how many more (a tooltip, not a register)."""
    listed = [f"{names[p]} ({', '.join(term('role', x, lang) for x in roles)})" for p, roles in project_roles[:NAMES_SHOWN]]
    more = len(project_roles) - NAMES_SHOWN
    return "; ".join(listed) + (f"; {t('names.more', lang, n=more)}" if more > 0 else "")


def projects_roles_by_province(summary: pd.DataFrame, view: View, lang: str) -> dict[str, str]:
    """Province code -> its projects and their roles as text ('' where there is none)."""
    names = project_names(view.all_projects, lang)
    return {code: project_roles_text(pr, names, lang) for code, pr in zip(summary["code"], summary["project_roles"])}


@per_view
def province_table(view: View, lang: str) -> pd.DataFrame:
    """The map's Table view: provinces with at least one project, most projects first."""
    summary = figures.province_summary(view)
    text = projects_roles_by_province(summary, view, lang)
    s = summary[summary["n_projects"] > 0].sort_values(["n_projects", "code"], ascending=[False, True])
    return pd.DataFrame(
        {
            "province": s["name_zh" if lang == "zh" else "name_en"].values,
            "province_code": s["code"].values,
            "n_projects": s["n_projects"].values,
            "projects_roles": [text[c] for c in s["code"]],
        }
    )


# Milestones ---------------------------------------------------------------------------


def milestone_date_label(row: pd.Series, lang: str) -> str:
    """A milestone's date as read: 'Sep 2006', 'by Sep 2006', 'since 2008', or 'not reported'."""
    text = format_partial_date(row["date"], lang)
    if row.get("date_qualifier") == "by":
        text = t("milestones.by", lang, date=text)
    elif row.get("date_qualifier") == "from":
        text = t("milestones.from", lang, date=text)
    return text


@shared
def milestone_table(view: View, milestones: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The given milestones: date, project, kind, title, plan, count, status, scope, source."""
    names = project_names(view.all_projects, lang)
    out = pd.DataFrame(
        {
            "date": [milestone_date_label(r, lang) for _, r in milestones.iterrows()],
            "project": milestones["project_id"].map(names).values,
            "kind": [term("kind", v, lang) for v in milestones["kind"]],
            "title": localized(milestones, "title", lang).values,
            "five_year_plan": [plan_label(v, lang) if pd.notna(v) else "" for v in milestones["five_year_plan"]],
            "count": [f"{int(c)} {u}" if pd.notna(c) else "" for c, u in zip(milestones["count"], localized(milestones, "count_unit", lang))],
            "status": [term("status", v, lang) for v in milestones["status"]],
            "scope": [term("scope", v, lang) for v in milestones["scope"]],
        }
    )
    return _with_source(milestones, out, view["sources"], lang)


def project_span_text(project: pd.Series, lang: str) -> str:
    """How a project's dates read on the timeline: 'Jul 2007 – Dec 2011', 'Mar 2005 → end not reported'."""
    start, end = project["start"], project["end"]
    if pd.isna(start) and pd.isna(end):
        return t("milestones.dates_unknown", lang)
    if pd.isna(end):
        return f"{format_partial_date(start, lang)} → {t('milestones.end_unknown', lang)}"
    if pd.isna(start):
        return f"{t('milestones.start_unknown', lang)} → {format_partial_date(end, lang)}"
    return f"{format_partial_date(start, lang)} – {format_partial_date(end, lang)}"


@per_view
def timeline_frames(view: View, lang: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Inputs for charts.timeline: project spans, dated milestones, and the plan bands in range."""
    names = project_names(view.all_projects, lang)
    projects = timeline.timeline_projects(view)
    spans = pd.DataFrame(
        {
            "label": projects["project_id"].map(names),
            "start": projects["start_first"],
            "end": projects["end_last"],
            "note": [project_span_text(p, lang) for _, p in projects.iterrows()],
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
    # UNDP's policy-uptake indicators whose change happened, on the row of the (first)
    # project reporting them, dated by the end of their period.
    marks = timeline.uptake_marks(view)
    marks = marks[marks["project_id"].isin(set(projects["project_id"]))]
    indicators = pd.DataFrame(
        {
            "label": marks["project_id"].map(names),
            "when": marks["when"],
            "kind": t("milestones.uptake_indicator", lang),
            "title": [indicator_words(i, d) + ("" if len(ids) == 1 else f" ({reporter(ids, names, lang)})")
                      for i, d, ids in zip(marks["indicator"], marks["indicator_description"], marks["projects"])],
            "date_text": [format_partial_date(w.strftime("%Y-%m-%d"), lang) for w in marks["when"]],
            "uptake": True,
            "planned": False,
        }
    )
    points = pd.concat([points, indicators], ignore_index=True) if len(indicators) else points
    plans = figures.plans_in_period(view)
    # Bands are labelled short ('11th FYP', '“十一五”') so neighbouring labels fit on a phone.
    short = [plan_label(n, lang) if lang == "zh" else f"{int(n)}th FYP" for n in plans["plan"]]
    bands = pd.DataFrame({"name": localized(plans, "name", lang), "short": short, "start_year": plans["start_year"], "end_year": plans["end_year"]})
    return spans, points, bands


@per_view
def per_year_table(view: View, lang: str) -> pd.DataFrame:
    """The portfolio per year as the per-year chart counts it (timeline.portfolio_per_year), every year a row."""
    return timeline.portfolio_per_year(view).assign(year=lambda f: f["year"].astype(str))


# Projects, partners, sources and gaps ---------------------------------------------------


@per_view
def project_table(view: View, lang: str) -> pd.DataFrame:
    """Every project in view: id, title, dates, status, reported funding, UNDP number, source."""
    p = view["projects"]
    out = pd.DataFrame(
        {
            "project_id": p["project_id"].values,
            "title": localized(p, "title", lang).values,
            "start": [format_partial_date(v, lang) for v in p["start"]],
            "end": [format_partial_date(v, lang) for v in p["end"]],
            "status": [term("status", v, lang) for v in p["status"]],
            "amount_usd": p["project_id"].map(figures.project_funding(view)).values,
            "undp_project_id": p["undp_project_id"].fillna(not_reported(lang)).values,
        }
    )
    return _with_source(p, out, view["sources"], lang)


@per_view
def partner_table(view: View, lang: str) -> pd.DataFrame:
    """Every partner in view: name, name as the source writes it, role, type, source."""
    p = view["partners"]
    out = pd.DataFrame(
        {
            "partner": localized(p, "partner", lang).values,
            "partner_as_named": p["partner_as_named"].values,
            "role": [term("partner_role", v, lang) for v in p["role"]],
            "partner_type": [term("partner_type", v, lang) for v in p["partner_type"]],
        }
    )
    return _with_source(p, out, view["sources"], lang)


@shared
def source_table(package: Package, lang: str) -> pd.DataFrame:
    """The sources: title, kind, publisher, date, file name, note."""
    s = package["sources"]
    return pd.DataFrame(
        {
            "title": localized(s, "title", lang).values,
            "kind_source": [term("source_kind", v, lang) for v in s["kind"]],
            "publisher": localized(s, "publisher", lang).fillna(not_reported(lang)).values,
            "date": [format_partial_date(v, lang) for v in s["date"]],
            "file_name": s["file_name"].fillna("").values,
            "url": s["url"].fillna("").values,
            "note": localized(s, "note", lang).fillna("").values,
        }
    )


def _difference_value(field: str, value: object, lang: str) -> str:
    """A differing value as the page shows that field (dates and statuses read as words)."""
    if not isinstance(value, str):
        return not_reported(lang)
    if field in ("start", "end"):
        return format_partial_date(value, lang)
    return term("status", value, lang) if field == "status" else value


@shared
def differences_table(package: Package, lang: str) -> pd.DataFrame:
    """Where a documented project and UNDP's published data disagree: both values and their sources."""
    d = package["differences"]
    names = project_names(package["projects"], lang)
    titles = source_titles(package["sources"], lang)
    return pd.DataFrame(
        {
            "project": d["project_id"].map(names).values,
            "field": [header(f, lang) for f in d["field"]],
            "documented": [_difference_value(f, v, lang) for f, v in zip(d["field"], d["documented"])],
            "source": d["documented_source_id"].map(titles).values,
            "published": [_difference_value(f, v, lang) for f, v in zip(d["field"], d["published"])],
            "section": d["section"].values,
        }
    )


@shared
def sections_table(records: list[pd.DataFrame], sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Sources view of a figure: document title, file and section behind the records shown."""
    pairs = figures.source_sections(records)
    files = dict(zip(sources["source_id"], sources["file_name"]))
    return pd.DataFrame(
        {
            "source": pairs["source_id"].map(source_titles(sources, lang)).values,
            "file_name": pairs["source_id"].map(files).values,
            "section": pairs["section"].values,
        }
    )


@shared
def records_per_source_table(package: Package, lang: str) -> pd.DataFrame:
    """Sources (by file) against tables, with the number of records each source gave."""
    counts = figures.records_per_source(package.tables)
    counts = counts.assign(table=[t(f"table.{v}", lang) for v in counts["table"]])
    wide = counts.pivot_table(index="source_id", columns="table", values="n", fill_value=0, aggfunc="sum")
    wide.index.name = "file_name"
    wide.columns.name = None
    return wide


@shared
def gap_table(gaps: pd.DataFrame, package: Package, lang: str) -> pd.DataFrame:
    """The data-gaps list in the reader's language."""
    names = project_names(package["projects"], lang)
    return pd.DataFrame(
        {
            "table": [t(f"table.{v}", lang) for v in gaps["table"]],
            "project": [names.get(p, "") for p in gaps["project_id"]],
            "record": gaps["record"].values,
            "field": [header(v, lang) for v in gaps["field"]],
            "note": gaps["note_zh" if lang == "zh" else "note"].fillna("").values,
            "source": gaps["source_id"].map(source_titles(package["sources"], lang)).fillna("").values,
            "section": gaps["section"].fillna("").values,
        }
    )


PAGE_ROWS = 50


@shared
def table_page(table: pd.DataFrame, by: str | None, descending: bool, page: int, rows: int = PAGE_ROWS,
               sort_keys: dict[str, pd.Series] | None = None) -> tuple[pd.DataFrame, int]:
    """One page of `table` sorted by the column `by` (gaps last), and how many pages there
    are; the same page of the same (shared) table is cut once for every session.

    Sorting is on the values themselves (numbers as numbers); a column shown as words
    ('Jul 2007') sorts by its entry in `sort_keys` (row for row, the dates themselves)."""
    if by is not None:
        key = pd.Series(list((sort_keys or {}).get(by, table[by])), index=table.index)
        table = table.loc[key.sort_values(ascending=not descending, na_position="last", kind="stable").index]
    chosen, pages = page_slice(len(table), page, rows)
    return table.iloc[chosen], pages


def page_slice(n: int, page: int, rows: int) -> tuple[slice, int]:
    """The items on `page` (from 1, kept within range) of `n` items shown `rows` at a time, and how many pages there are."""
    pages = max(1, -(-n // rows))
    page = min(max(1, page), pages)
    return slice((page - 1) * rows, min(page * rows, n)), pages


OPTIONS_SHOWN = 100


def project_options(projects: pd.DataFrame, names: dict[str, str], query: str, selected: list[str], most: int = OPTIONS_SHOWN) -> tuple[list[str], int]:
    """The project ids a filter list offers: those chosen, then up to `most` whose name, id
    or UNDP number contains `query` (any case); and how many match in all. A list of
    thousands would be sent to every browser on every change."""
    needle = query.strip().casefold()
    ids = projects["project_id"]
    if needle:
        text = ids.map(names).fillna("") + " " + ids + " " + projects["undp_project_id"].fillna("")
        ids = ids[text.str.casefold().str.contains(needle, regex=False)]
    matches = [p for p in ids if p not in set(selected)]
    return [*selected, *matches[:most]], len(ids)


def revision_words(revision, lang: str) -> tuple[str, str]:
    """Who published a revision and why, as the reader's language says it: what the data
    folder publishes by itself is translated; what people wrote stays as they wrote it."""
    from dashboard.store.current import FILES_AUTHOR, FILES_CHANGED, FILES_CREATED

    if revision.origin != "files" or revision.author != FILES_AUTHOR:
        return revision.author, revision.message
    for template, key in ((FILES_CREATED, "history.files_created"), (FILES_CHANGED, "history.files_changed")):
        found = re.fullmatch(re.escape(template).replace(re.escape("{folder}"), "(.+)"), revision.message)
        if found:
            return t("history.files_author", lang), t(key, lang, folder=found[1])
    return t("history.files_author", lang), revision.message


def revision_table(history: list, lang: str) -> pd.DataFrame:
    """One row per published revision, newest first: number, when (UTC), who, why, how it
    was made, and what it changed per table."""
    words = [revision_words(r, lang) for r in history]
    return pd.DataFrame({
        "revision": [r.id for r in history],
        "published_at": [f"{r.created_at:%Y-%m-%d %H:%M} UTC" for r in history],
        "author": [author for author, _ in words],
        "message": [message for _, message in words],
        "origin": [t(f"history.origin.{r.origin}", lang) + (t("history.restores", lang, n=r.rollback_of) if r.rollback_of else "") for r in history],
        "change": [r.summary() for r in history],
    })


def _cells_text(value: str | None) -> str | None:
    """An audit value as a person reads it: a whole row (JSON) as 'column: value; …'; None
    (the row did not exist) stays a gap."""
    if not isinstance(value, str):
        return None
    if not value.startswith("{"):
        return value
    try:
        cells = json.loads(value)
    except ValueError:
        return value
    return "; ".join(f"{k}: {v}" for k, v in cells.items()) if isinstance(cells, dict) else value


def audit_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit log as a table: revision, table, row key, column ('whole row' for a row
    added or removed), old and new value (a gap where there was none)."""
    whole = t("history.whole_row", lang)
    return pd.DataFrame({
        "revision": events["revision"].astype(int),
        "table": events["table"],
        "key": events["key"],
        "column": [whole if c == "*" else c for c in events["column"]],
        "old": [_cells_text(v) for v in events["old"]],
        "new": [_cells_text(v) for v in events["new"]],
    })


def matching_events(events: pd.DataFrame, revision: int | None, tables: list[str], needle: str) -> pd.DataFrame:
    """The audit events of one revision (or all), of the tables chosen (or all), whose key or
    values contain `needle` (any case); newest revision first."""
    chosen = events
    if revision is not None:
        chosen = chosen[chosen["revision"] == revision]
    if tables:
        chosen = chosen[chosen["table"].isin(tables)]
    if needle.strip():
        text = (chosen["key"] + " " + chosen["old"].fillna("") + " " + chosen["new"].fillna("")).str.casefold()
        chosen = chosen[text.str.contains(needle.strip().casefold(), regex=False)]
    return chosen.sort_values("revision", ascending=False, kind="stable")  # each revision's cells in the order they were written


def problem_table(problems: list) -> pd.DataFrame:
    """Every problem of an upload: where (file or sheet), row, column, value found, what was expected."""
    return pd.DataFrame({"where": [p.file for p in problems], "row": [p.row for p in problems], "column": [p.column for p in problems],
                         "found": [p.value for p in problems], "expected": [p.expected for p in problems]})


def change_summary_table(changes: dict) -> pd.DataFrame:
    """Per table with a change: rows after it, and rows added, changed and removed."""
    rows = [{"table": name, **c.counts()} for name, c in changes.items() if not c.empty]
    return pd.DataFrame(rows, columns=["table", "rows", "added", "changed", "removed"])


def changed_cells_table(changes) -> pd.DataFrame:
    """One table's changed cells: row key, column, before, after."""
    return pd.DataFrame([(c.key, c.column, c.old, c.new) for c in changes.changed], columns=["key", "column", "old", "new"])


def whole_rows_table(rows: dict[str, dict[str, str]]) -> pd.DataFrame:
    """Rows added or removed: the row key, then the row's non-empty cells."""
    return pd.DataFrame([{"key": key, **cells} for key, cells in rows.items()])


def _verbatim(value: object, text: object) -> str:
    """A baseline, target or actual as published: the number where one is given, else the words."""
    if isinstance(value, (int, float)) and not pd.isna(value):
        return f"{value:,.10g}"
    return text if isinstance(text, str) else ""


def reporter(ids: tuple, names: dict[str, str], lang: str) -> str:
    """Who reports a results figure, briefly: the project, or 'Country programme (N projects)'."""
    return names.get(ids[0], ids[0]) if len(ids) == 1 else t("results.country_programme_n", lang, n=len(ids))


def indicator_words(indicator: object, description: object) -> str:
    """What an indicator measures, in UNDP's words: its description, else its title."""
    return description if isinstance(description, str) and description else str(indicator)


def _reporters(ids: tuple, names: dict[str, str], lang: str) -> str:
    """One project's name, or 'Country programme figure, reported by N projects: A; B …'."""
    if len(ids) == 1:
        return names.get(ids[0], ids[0])
    listed = "; ".join(names.get(p, p) for p in ids[:NAMES_SHOWN]) + (f"; {t('names.more', lang, n=len(ids) - NAMES_SHOWN)}" if len(ids) > NAMES_SHOWN else "")
    return t("results.shared", lang, n=len(ids), names=listed)


@per_view
def scorecard_table(view: View, lang: str, measures: tuple[str, ...] = (), statuses: tuple[str, ...] = (), theme: str = "") -> pd.DataFrame:
    """Every indicator in view as one figure (`domain.results.chosen_figures`): its wording
    verbatim, baseline → target → latest actual, percent of target and status."""
    f = results.chosen_figures(view, measures, statuses, theme)
    names = project_names(view.all_projects, lang)
    themes = dict(zip(view.all_projects["project_id"], view.all_projects["themes"].fillna("")))
    periods = [" – ".join(format_partial_date(d, lang) for d in (a, b) if isinstance(d, str)) for a, b in zip(f["period_start"], f["period_end"])]
    out = pd.DataFrame(
        {
            "project": [_reporters(ids, names, lang) for ids in f["projects"]],
            "theme": [", ".join(term("theme", x, lang) for x in dict.fromkeys(x for p in ids for x in themes.get(p, "").split("|") if x)) for ids in f["projects"]],
            "indicator": [f"{i}: {d}" if isinstance(d, str) and d else i for i, d in zip(f["indicator"], f["indicator_description"])],
            "result_measure": [term("measure_kind", m, lang) for m in f["measure"]],
            "period": periods,
            "baseline": [_verbatim(v, x) for v, x in zip(f["baseline_value"], f["baseline_text"])],
            "target": [_verbatim(v, x) for v, x in zip(f["target_value"], f["target_text"])],
            "actual": [_verbatim(v, x) for v, x in zip(f["actual_value"], f["actual_text"])],
            "percent_of_target": f["percent_of_target"].astype(float).round(0).values,
            "result_status": [term("result_status", s, lang) for s in f["status"]],
            "reported_by": f["reported_by"].values,
        }
    )
    out.index = f.index
    return _with_source(f, out, view["sources"], lang)


@per_view
def people_indicator_table(view: View, lang: str) -> pd.DataFrame:
    """The people-reached indicators of UNDP's results as figures: latest actual with its
    target beside it, by-sex values as published (no total UNDP did not publish), a figure
    several projects share once."""
    return scorecard_table(view, lang, ("people_reached",))[["project", "indicator", "period", "baseline", "target", "actual", "percent_of_target", "reported_by", "source", "section"]]


@per_view
def uptake_indicator_table(view: View, lang: str) -> pd.DataFrame:
    """Policy-uptake indicators whose latest actual shows the change happened
    (`domain.results.uptake_happened`), dated by their period's end, latest first."""
    f = results.indicator_figures(view)
    f = f[results.uptake_happened(f)].sort_values("period_end", ascending=False, na_position="last")
    card = scorecard_table(view, lang)
    out = card.loc[f.index, ["project", "indicator", "target", "actual", "source", "section"]]
    out.insert(0, "date", [format_partial_date(d, lang) if isinstance(d, str) else not_reported(lang) for d in f["period_end"]])
    return out.reset_index(drop=True)


@per_view
def status_counts_table(view: View, lang: str, by: str = "project", chosen: tuple = ((), (), "")) -> pd.DataFrame:
    """Indicators per status for each project (a figure several projects share counts once,
    under 'Country programme') or each theme, most indicators first; `chosen` is the
    (measures, statuses, theme) of `domain.results.chosen_figures`."""
    f = results.chosen_figures(view, *chosen)
    names = project_names(view.all_projects, lang)
    if by == "theme":
        themes = dict(zip(view.all_projects["project_id"], view.all_projects["themes"].fillna("")))
        rows = [[term("theme", x, lang) for x in themes.get(ids[0], "").split("|") if x] or [not_reported(lang)] for ids in f["projects"]]
    else:
        rows = [[names.get(ids[0], ids[0]) if len(ids) == 1 else t("results.country_programme", lang)] for ids in f["projects"]]
    long = pd.DataFrame({"row": rows, "status": [term("result_status", s, lang) for s in f["status"]]}).explode("row")
    labels = [term("result_status", s, lang) for s in results.STATUSES]
    counts = pd.crosstab(long["row"], long["status"]).reindex(columns=labels, fill_value=0) if len(long) else pd.DataFrame(columns=labels)
    counts = counts.assign(_total=counts.sum(axis=1)).sort_values("_total", ascending=False, kind="stable").drop(columns="_total")
    return counts.rename_axis(by).reset_index()
