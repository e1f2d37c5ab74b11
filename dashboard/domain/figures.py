"""Figures as plain numbers and frames of ids: what the pages and slides show, before any
language or formatting (that is `present/`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from dashboard import places
from dashboard.domain.filters import View, per_view, shared
from dashboard.schema.codelists import FUNDER_KINDS


@dataclass(frozen=True)
class Headline:
    """The overview's headline figures for a view."""

    projects: int
    funding_usd: float
    projects_without_funding: list[str]
    participant_figures: pd.DataFrame  # the reach rows counting people, largest first; never summed
    provinces: int
    unnamed_places: int
    milestones_achieved: int
    policy_uptake: int
    milestones_planned: int


@per_view
def projects_without_funding(view: View) -> list[str]:
    """Ids of the projects in view with no amount in any source: no documented funding line,
    no published budget and no published transaction giving one."""
    funded = set().union(*(set(view[t].dropna(subset=["amount_usd"])["project_id"]) for t in ("funding", "budgets", "transactions")))
    return [p for p in view.project_ids if p not in funded]


@per_view
def headline(view: View) -> Headline:
    """Counts and totals for the headline cards.

    People reached are reported per audience (officials trained, exchange participants), so
    the figures are listed, largest first, and never added up, as on the Reach page.
    """
    funding = view["funding"]["amount_usd"].dropna()
    people = view["reach"][view["reach"]["unit"] == "people"].dropna(subset=["value"]).sort_values("value", ascending=False, kind="stable")
    located = view["locations"]
    achieved = view["milestones"][view["milestones"]["status"] == "achieved"]
    return Headline(
        projects=len(view["projects"]),
        funding_usd=float(funding.sum()),
        projects_without_funding=projects_without_funding(view),
        participant_figures=people,
        provinces=located["province_code"].nunique(),
        unnamed_places=int(located["province_code"].isna().sum()),
        milestones_achieved=len(achieved),
        policy_uptake=int((achieved["kind"] == "policy_uptake").sum()),
        milestones_planned=int((view["milestones"]["status"] == "planned").sum()),
    )


# Funding ------------------------------------------------------------------------------


@per_view
def funding_by_type(view: View) -> pd.DataFrame:
    """Reported funding per funder type: funder_type, amount_usd and share (%), largest first."""
    f = view["funding"].dropna(subset=["amount_usd"])
    sums = f.groupby("funder_type", observed=True)["amount_usd"].sum()
    total = sums.sum()
    out = pd.DataFrame({"funder_type": sums.index, "amount_usd": sums.values, "share": (sums.values / total * 100).round(1) if total else 0.0})
    return out.sort_values("amount_usd", ascending=False, ignore_index=True)


@per_view
def cofinancing(view: View) -> pd.DataFrame:
    """Per project: the Government of China's and UNDP's contributions from one source per
    project, so no project counts twice: its commitments in UNDP's file where it has any,
    else its documented funding lines; `source` says which ('published' or 'documented').
    Other funders are left out; projects with neither contribution have no row. Package
    order."""
    tr = view["transactions"]
    committed = tr[(tr["kind"] == "incoming_commitment") & tr["provider"].notna()]
    published = committed.assign(kind_of=funder_kinds(committed["provider"], committed.get("provider_type")), source="published")
    f = view["funding"].dropna(subset=["amount_usd"])
    documented = f.assign(kind_of=funder_kinds(f["funder"], documented_types=f["funder_type"]), source="documented")
    documented = documented[~documented["project_id"].isin(set(published["project_id"]))]
    lines = pd.concat([published[["project_id", "kind_of", "source", "amount_usd"]], documented[["project_id", "kind_of", "source", "amount_usd"]]])
    lines = lines[lines["kind_of"].isin(["government", "undp"])]
    wide = lines.groupby(["project_id", "kind_of"])["amount_usd"].sum().unstack().reindex(columns=["government", "undp"])
    order = [p for p in view.project_ids if p in wide.index]
    source = lines.groupby("project_id")["source"].first()
    return pd.DataFrame({"project_id": order, "government": wide.loc[order, "government"].values, "undp": wide.loc[order, "undp"].values,
                         "source": source.reindex(order).values})


@per_view
def unnamed_funding(view: View) -> tuple[float, list[str]]:
    """Money reported with no funder named, and the ids of the projects it belongs to."""
    f = view["funding"]
    lines = f[f["funder_type"] == "not_reported"].dropna(subset=["amount_usd"])
    return float(lines["amount_usd"].sum()), list(dict.fromkeys(lines["project_id"]))


@per_view
def project_funding(view: View) -> pd.Series:
    """Reported funding per project id (NaN where no line gives an amount)."""
    return view["funding"].groupby("project_id")["amount_usd"].sum(min_count=1)


# Budgets and spending, as UNDP publishes them ---------------------------------------------

SPENDING = ("disbursement", "expenditure")
FUNDS_IN = ("incoming_commitment", "incoming_funds")


@dataclass(frozen=True)
class Money:
    """The headline's amounts for a view, each of one kind and never added to another:
    UNDP's published budgets and spending (its IATI file) and the funding the project
    documents give. None where no record in view gives the amount."""

    budget_usd: float | None  # budgets whose period overlaps the years chosen; a revision replaces its original
    spending_usd: float | None  # disbursements and expenditure dated in those years, reversals netted
    funders: int  # funders named in the documents or as providers of funds in UNDP's file
    documented_usd: float | None  # funding lines of the project documents
    projects_without_amount: list[str]  # ids of projects with no amount in any source

    @property
    def spending_share(self) -> float | None:
        """Spending as a percentage of the budget, where both are known and the budget is not zero."""
        if self.budget_usd is None or self.spending_usd is None or not self.budget_usd:
            return None
        return self.spending_usd / self.budget_usd * 100


UNDP_KEY = "united nations development programme"


def funder_key(name: str) -> str:
    """A funder's name as it is compared: case, spacing and a bracketed agency aside
    ('Government of China (SCOPSR)' is the Government of China), UNDP's initials as its
    name (the documents write 'UNDP', UNDP's own file 'UNITED NATIONS DEVELOPMENT PROGRAMME')."""
    key = " ".join(re.sub(r"\([^)]*\)", " ", name).casefold().split())
    return UNDP_KEY if key == "undp" else key


# Names that say what kind of funder they are, for providers UNDP's file gives no type.
_MULTILATERAL_WORDS = ("global environment", "montreal protocol", "multilateral fund")
_PRIVATE_WORDS = ("co. ltd", "co.,ltd", "company", "corporation", "foundation", " inc", " ltd", "group", "manufacturer")


@functools.lru_cache(maxsize=1)
def _chinese_words() -> tuple[str, ...]:
    """Words that place an organisation in China: the country and its provincial-level divisions."""
    provinces = [row["name_en"].casefold() for row in places.province_rows()]
    return ("china", "chinese", "chn-", "prc", *provinces)


def is_chinese(key: str) -> bool:
    """Whether a funder's name (as `funder_key` gives it) places it in China."""
    return any(word in key for word in _chinese_words())


def funder_kind(name: str, iati_type: str | None = None, documented_type: str | None = None) -> str:
    """A funder's kind (one of FUNDER_KINDS): the documents' own type where they give one,
    else IATI's organisation type (a government is China's own, or a bilateral donor's),
    else what its name says; 'other' when nothing does."""
    key = funder_key(name)
    china = is_chinese(key)
    if key == UNDP_KEY or documented_type == "undp":
        return "undp"
    if documented_type in ("government", "other"):
        return documented_type
    code = iati_type or ""
    if code == "11" or (code in ("10", "15") and china):  # a local government here is China's
        return "government"
    if code in ("10", "15"):
        return "bilateral"
    if code == "40":
        return "multilateral"
    if code in ("60", "70", "71", "72", "73"):
        return "private"
    if code:
        return "other"
    if key.startswith("government") or " gov" in f" {key}":
        return "government" if china else "bilateral"
    if any(w in key for w in _MULTILATERAL_WORDS):
        return "multilateral"
    if any(w in f" {key}" for w in _PRIVATE_WORDS):
        return "private"
    return "other"


AMOUNT_KINDS = ("documented_usd", "committed_usd", "received_usd")


def funder_kinds(names: pd.Series, iati_types: pd.Series | None = None, documented_types: pd.Series | None = None) -> list[str]:
    """`funder_kind` of each row, worked out once per distinct funder (a portfolio of
    thousands repeats a few hundred names across tens of thousands of transactions)."""
    none = [None] * len(names)
    codes = none if iati_types is None else [c if isinstance(c, str) and c else None for c in iati_types]
    documented = none if documented_types is None else list(documented_types)
    rows = list(zip(names, codes, documented))
    known = {row: funder_kind(row[0] if isinstance(row[0], str) else "", row[1], row[2]) for row in set(rows)}
    return [known[row] for row in rows]


@per_view
def funders(view: View) -> pd.DataFrame:
    """Every funder in view, one row each however its name is written: funder (the name as
    first written, the documents before UNDP's file), kind, and its amounts by kind, never
    added together: documented_usd (the project documents' funding lines), committed_usd and
    received_usd (commitments and funds received in UNDP's file). Largest first, by the
    larger of its documented and committed amounts."""
    f = view["funding"]
    documented = f[(f["funder_type"] != "not_reported") & f["funder"].notna()]
    tr = view["transactions"]
    inflow = tr[tr["kind"].isin(FUNDS_IN) & tr["provider"].notna()]
    lines = pd.concat([
        pd.DataFrame({"funder": documented["funder"], "kind": funder_kinds(documented["funder"], documented_types=documented["funder_type"]),
                      "amount": "documented_usd", "amount_usd": documented["amount_usd"]}),
        pd.DataFrame({"funder": inflow["provider"], "kind": funder_kinds(inflow["provider"], inflow.get("provider_type")),
                      "amount": inflow["kind"].map({"incoming_commitment": "committed_usd", "incoming_funds": "received_usd"}), "amount_usd": inflow["amount_usd"]}),
    ], ignore_index=True)
    columns = ["funder", "kind", *AMOUNT_KINDS]
    if lines.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("funder", "kind") else float) for c in columns})
    keys = {name: funder_key(name) for name in lines["funder"].unique()}
    lines["key"] = lines["funder"].map(keys)
    first = lines.drop_duplicates("key").set_index("key")
    amounts = lines.pivot_table(index="key", columns="amount", values="amount_usd", aggfunc="sum").reindex(columns=list(AMOUNT_KINDS))
    out = first[["funder", "kind"]].join(amounts).reset_index(drop=True).rename_axis(None, axis=1)
    rank = out[["documented_usd", "committed_usd"]].max(axis=1).fillna(out["received_usd"])
    return out.assign(_rank=rank).sort_values(["_rank", "funder"], ascending=[False, True], na_position="last", ignore_index=True).drop(columns="_rank")[columns]


@per_view
def funding_by_kind(view: View) -> pd.DataFrame:
    """Per kind of funder (FUNDER_KINDS order, kinds with no amount left out): each kind of
    amount summed across funders, and its share (%) of that kind's total."""
    f = funders(view)
    sums = f.groupby("kind")[list(AMOUNT_KINDS)].sum(min_count=1).reindex([k for k in FUNDER_KINDS if k in set(f["kind"])])
    shares = (sums / sums.sum(min_count=1).replace(0, float("nan")) * 100).round(1)
    out = sums.join(shares.add_suffix("_share")).reset_index(names="kind")
    return out[out[list(AMOUNT_KINDS)].notna().any(axis=1)].reset_index(drop=True)


@per_view
def money(view: View) -> Money:
    """The amounts the headline shows, each kind on its own."""
    by_year = budget_and_spending_by_year(view)
    budget, spending = by_year["budget_usd"].sum(min_count=1), by_year["spending_usd"].sum(min_count=1)
    documented = view["funding"].dropna(subset=["amount_usd"])
    return Money(
        budget_usd=None if pd.isna(budget) else float(budget),
        spending_usd=None if pd.isna(spending) else float(spending),
        funders=len(funders(view)),
        documented_usd=float(documented["amount_usd"].sum()) if len(documented) else None,
        projects_without_amount=projects_without_funding(view),
    )


def budgets_in_force(budgets: pd.DataFrame) -> pd.DataFrame:
    """The budget lines that count: where a period has a revised budget, it replaces the original."""
    if budgets.empty:
        return budgets
    period = [budgets["project_id"], budgets["output_id"].fillna(""), budgets["period_start"]]
    revised = (budgets["budget_type"] == "revised").groupby(period).transform("any")
    return budgets[~revised | (budgets["budget_type"] == "revised")]


def spending_lines(view: View) -> pd.DataFrame:
    """The published transactions that are spending: disbursements and expenditure (reversals negative)."""
    tr = view["transactions"]
    return tr[tr["kind"].isin(SPENDING)]


# A project whose spending is below this share of its budget, over the years both are
# published for, is flagged: its spending trails its budget.
DELIVERY_FLAG_PCT = 70


@per_view
def budget_and_spending_by_year(view: View) -> pd.DataFrame:
    """Per calendar year: budget_usd (a revision replaces the original of its period),
    spending_usd (disbursements and expenditure) and delivery_pct (spending as a percentage
    of the budget); NaN where nothing is published."""
    b = budgets_in_force(view["budgets"])
    budget = b.groupby(b["period_start_first"].dt.year)["amount_usd"].sum(min_count=1)
    spent = spending_lines(view)
    spending = spent.groupby(spent["date_first"].dt.year)["amount_usd"].sum(min_count=1)
    out = pd.DataFrame({"budget_usd": budget, "spending_usd": spending}).sort_index()
    out.index = out.index.astype(int)
    out["delivery_pct"] = (out["spending_usd"] / out["budget_usd"].where(out["budget_usd"] > 0) * 100).round(1)
    return out.rename_axis("year").reset_index()


@per_view
def delivery_horizon(view: View) -> int | None:
    """The last completed year of published spending: the year before the latest spending
    transaction in view (UNDP publishes while that year is still being spent)."""
    spent = spending_lines(view)["date_first"].dropna()
    return int(spent.dt.year.max()) - 1 if len(spent) else None


@per_view
def delivery_by_project(view: View) -> pd.DataFrame:
    """Per project with a published budget: budget_usd and spending_usd over the completed
    years, those before the last year with published spending (that year was still being
    spent when UNDP published, and later budgets are plans), delivery_pct, and trails (True
    where delivery is below DELIVERY_FLAG_PCT), the lowest delivery first. Projects without
    a budget in those years have no row."""
    spent, horizon = spending_lines(view), delivery_horizon(view)
    if horizon is None or view["budgets"].empty:
        return pd.DataFrame({"project_id": pd.Series(dtype=object), "budget_usd": pd.Series(dtype=float), "spending_usd": pd.Series(dtype=float),
                             "delivery_pct": pd.Series(dtype=float), "trails": pd.Series(dtype=bool)})
    b = budgets_in_force(view["budgets"])
    b = b[b["period_start_first"].dt.year <= horizon]
    budget = b.groupby("project_id")["amount_usd"].sum(min_count=1)
    spending = spent[spent["date_first"].dt.year <= horizon].groupby("project_id")["amount_usd"].sum(min_count=1)
    out = pd.DataFrame({"budget_usd": budget}).join(spending.rename("spending_usd")).dropna(subset=["budget_usd"])
    out = out[out["budget_usd"] > 0].fillna({"spending_usd": 0.0})
    out["delivery_pct"] = (out["spending_usd"] / out["budget_usd"] * 100).round(1)
    out["trails"] = out["delivery_pct"] < DELIVERY_FLAG_PCT
    return out.rename_axis("project_id").reset_index().sort_values(["delivery_pct", "project_id"], ignore_index=True)


# Reach --------------------------------------------------------------------------------


@per_view
def projects_without_reach(view: View) -> list[str]:
    """Ids of the projects in view that report no reach figure."""
    reached = set(view["reach"].dropna(subset=["value"])["project_id"])
    return [p for p in view.project_ids if p not in reached]


# Places -------------------------------------------------------------------------------


@per_view
def province_summary(view: View) -> pd.DataFrame:
    """All 34 provinces: code, names, n_projects, roles (sorted) and project_roles.

    `project_roles` is a tuple of (project id, sorted roles) for each project working there.
    """
    loc = view["locations"].dropna(subset=["province_code"])
    grouped = loc.groupby(["province_code", "project_id"], sort=True)["role"].agg(lambda s: tuple(sorted(set(s))))
    here: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for (code, project), roles in grouped.items():
        here.setdefault(code, []).append((project, roles))
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
                "project_roles": tuple(entries),
            }
        )
    return pd.DataFrame(rows)


@per_view
def unnamed_places(view: View) -> pd.DataFrame:
    """Location rows in China whose province the source does not name (national work and
    places abroad have no province by nature, and are not among them)."""
    loc = view["locations"]
    return loc[loc["province_code"].isna() & ~loc["admin_level"].isin(["country", "abroad"])]


@per_view
def projects_without_province(view: View) -> list[str]:
    """Ids of the projects in view with no place in any province (national or international work)."""
    located = set(view["locations"].dropna(subset=["province_code"])["project_id"])
    return [p for p in view.project_ids if p not in located]


@per_view
def projects_beyond_provinces(view: View) -> dict[str, list[str]]:
    """The projects in view with no province, by why: 'country' (named as national work),
    'abroad' (places outside China), 'no_place' (no place given at all)."""
    loc = view["locations"]
    without = projects_without_province(view)
    levels = loc.groupby("project_id")["admin_level"].agg(set).to_dict()
    return {
        "country": [p for p in without if "country" in levels.get(p, set())],
        "abroad": [p for p in without if "abroad" in levels.get(p, set()) and "country" not in levels.get(p, set())],
        "no_place": [p for p in without if p not in levels],
    }


@dataclass(frozen=True)
class ProjectInProvince:
    """One project working in a province: its roles and places there, and its project-wide figures."""

    project_id: str
    roles: list[str]
    places_as_written: list[str]
    funding_usd: float | None
    reach: pd.DataFrame


@per_view
def projects_in_province(view: View, code: str) -> list[ProjectInProvince]:
    """Every project in view working in the province, in package order."""
    here = view["locations"][view["locations"]["province_code"] == code]
    funding = project_funding(view)
    out = []
    for project_id, rows in here.groupby("project_id", sort=False):
        amount = funding.get(project_id)
        out.append(
            ProjectInProvince(
                project_id=project_id,
                roles=list(dict.fromkeys(rows["role"])),
                places_as_written=list(dict.fromkeys(rows["place_as_written"])),
                funding_usd=None if amount is None or pd.isna(amount) else float(amount),
                reach=view["reach"][view["reach"]["project_id"] == project_id].dropna(subset=["value"]),
            )
        )
    return out


# Milestones ---------------------------------------------------------------------------


@per_view
def national_milestones(view: View) -> pd.DataFrame:
    """Milestones of national or international scope (they have no province)."""
    m = view["milestones"]
    return m[m["scope"].isin(["national", "international"])]


@per_view
def milestones_in_province(view: View, code: str) -> pd.DataFrame:
    """Milestones tied to the province itself, plus provincial milestones of projects there."""
    m = view["milestones"]
    projects_here = set(view["locations"].loc[view["locations"]["province_code"] == code, "project_id"])
    tied = m["province_code"] == code
    provincial = (m["scope"] == "provincial") & m["province_code"].isna() & m["project_id"].isin(projects_here)
    return m[tied.fillna(False) | provincial]


@shared
def milestones_by_recency(milestones: pd.DataFrame) -> pd.DataFrame:
    """Dated milestones, latest first; undated ones are left to the timeline's gap list."""
    dated = milestones.dropna(subset=["date_first"])
    return dated.sort_values(["date_last", "milestone_id"], ascending=[False, True])


@per_view
@per_view
def latest_milestones(view: View, n: int) -> pd.DataFrame:
    """The `n` latest dated milestones of the view; with provinces chosen, of those provinces."""
    chosen = view.filters.provinces
    milestones = pd.concat([milestones_in_province(view, c) for c in chosen]).drop_duplicates("milestone_id") if chosen else view["milestones"]
    return milestones_by_recency(milestones).head(n)


def undated_milestones(view: View) -> pd.DataFrame:
    """Milestones in view whose source gives no date."""
    return view["milestones"][view["milestones"]["date_first"].isna()]


@per_view
def policy_uptake(view: View) -> pd.DataFrame:
    """Milestones in view where policy took up the project's work."""
    return view["milestones"][view["milestones"]["kind"] == "policy_uptake"]


@per_view
def plans_in_period(view: View) -> pd.DataFrame:
    """The Five-Year Plans that overlap the filtered period."""
    f, plans = view.filters, view["five_year_plans"]
    return plans[(plans["end_year"] >= f.year_from) & (plans["start_year"] <= f.year_to)]


# Sources ------------------------------------------------------------------------------

SOURCE_COLUMNS = ("source_id", "section")


def source_sections(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The distinct (source_id, section) pairs behind the given records, sorted."""
    # A set of plain tuples: far cheaper than concatenating and de-duplicating frames.
    pairs = {pair for f in frames if len(f) and "section" in f for pair in zip(f["source_id"], f["section"])}
    return pd.DataFrame(sorted(_grouped_elements(pairs)), columns=list(SOURCE_COLUMNS))


_ELEMENT = re.compile(r"(\S+) <([a-z-]+)> line (\d+)")


def _grouped_elements(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Imported records name one element each ('XM-… <budget> line 120'); listed per activity
    and element with their lines ('XM-… <budget>, lines 120–188 (12)'), a long list stays short."""
    lines: dict[tuple[str, str, str], list[int]] = {}
    out = set()
    for source_id, section in pairs:
        match = _ELEMENT.fullmatch(section) if isinstance(section, str) else None
        if match:
            lines.setdefault((source_id, match[1], match[2]), []).append(int(match[3]))
        else:
            out.add((source_id, section))
    for (source_id, activity, element), found in lines.items():
        span = f"line {found[0]}" if len(found) == 1 else f"lines {min(found)}–{max(found)} ({len(found)})"
        out.add((source_id, f"{activity} <{element}>, {span}"))
    return out


def records_per_source(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """How many records each source gave to each table: source_id, table, n."""
    rows = []
    for name, frame in tables.items():
        if name == "sources" or "source_id" not in frame:
            continue
        for source_id, n in frame["source_id"].value_counts().items():
            rows.append({"source_id": source_id, "table": name, "n": int(n)})
    return pd.DataFrame(rows, columns=["source_id", "table", "n"])


# Groups of projects, to choose many at once ------------------------------------------------


@shared
def project_groups(projects: pd.DataFrame, partners: pd.DataFrame) -> list[tuple[str, str, list[str]]]:
    """(kind, value, project ids) for every status, theme and funder that two or more
    projects share, largest first within each kind; funders are partners in the funder
    role (as UNDP publishes them)."""
    groups: list[tuple[str, str, list[str]]] = []
    by_status = projects.dropna(subset=["status"]).groupby("status", sort=False)["project_id"].agg(list)
    themes = projects.assign(theme=projects["themes"].str.split("|")).explode("theme").dropna(subset=["theme"])
    by_theme = themes.groupby("theme", sort=False)["project_id"].agg(list)
    funders = partners[partners["role"] == "funder"]
    by_funder = funders.groupby("partner", sort=False)["project_id"].agg(lambda ids: list(dict.fromkeys(ids)))
    for kind, found in (("status", by_status), ("theme", by_theme), ("funder", by_funder)):
        shared_groups = [(kind, value, ids) for value, ids in found.items() if len(ids) >= 2]
        groups += sorted(shared_groups, key=lambda g: (-len(g[2]), g[1]))
    return groups