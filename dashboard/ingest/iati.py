"""UNDP's published activity data (IATI 2.x XML) → the tables of a data package.

The file is read as a stream, one `iati-activity` at a time, so memory stays flat however
large it is. Every element UNDP publishes either becomes a record (projects, outputs,
partners, budgets, transactions, places, results, published documents) or is counted as
not used, so nothing is dropped silently. Values are taken as published: a number only
where the file gives a number, prose kept verbatim.

Records cite the file as their source (`sources.csv`, kind `dataset`) and name the activity,
element and line in `section`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from dashboard import places
from dashboard.dates import date_bounds, plausible_year
from dashboard.ingest.bounds import LIMITS
from dashboard.schema.codelists import IATI_ORGANISATION_TYPES, PROJECT_STATUSES, TRANSACTION_KINDS

# IATI activity-status codes → our statuses (3 'finalisation': the work is done, the books are closing).
STATUSES = {"1": "planned", "2": "ongoing", "3": "completed", "4": "completed", "5": "cancelled", "6": "suspended"}
assert set(STATUSES.values()) <= set(PROJECT_STATUSES)
# IATI participating-org roles and organisation types → partner roles and types.
ROLES = {"1": "funder", "2": "accountable", "3": "extending", "4": "implementing_partner"}
ORG_TYPES = {"10": "government", "11": "government", "15": "government", "21": "ngo", "22": "ngo", "23": "ngo", "24": "ngo",
             "30": "other", "40": "international", "60": "other", "70": "private", "71": "private", "72": "private", "73": "private", "80": "academic", "90": "other"}
assert set(ORG_TYPES) == set(IATI_ORGANISATION_TYPES)
UNDP_REF = "XM-DAC-41114"


def _org_type(org) -> str:
    """An organisation's IATI type code as published, or '' where it gives none or one outside
    the code list (UNDP's file writes type="0" on a few)."""
    code = (org.get("type") or "").strip() if org is not None else ""
    return code if code in ORG_TYPES else ""
RESULT_KINDS = {"1": "output", "2": "outcome", "3": "impact", "9": "other"}
# OECD DAC 5-digit sectors (vocabulary 1) → themes, by the sector's first three digits
# where the whole group shares a theme, else by the full code.
SECTOR_THEMES = {
    "151": "governance", "152": "governance", "160": "social_protection", "230": "energy", "231": "energy", "232": "energy",
    "410": "climate_environment", "510": "development_finance", "740": "disaster_risk", "998": "unspecified",
    "311": "rural_development", "430": "rural_development",
    "43040": "rural_development", "16010": "social_protection", "15110": "public_sector_reform",
}
# Child elements of iati-activity that become records; the rest are counted as not used.
USED = {"iati-identifier", "title", "description", "activity-date", "activity-status", "participating-org", "related-activity",
        "sector", "document-link", "budget", "transaction", "location", "result", "reporting-org"}
CURRENCIES = frozenset("USD EUR GBP JPY CNY CHF SEK NOK DKK AUD CAD NZD KRW".split())
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class ImportProblem:
    """One thing in the file that cannot be imported as it is: where, and what was expected."""

    file: str
    line: int | None
    activity: str
    element: str
    expected: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        if self.activity:
            where += f", activity {self.activity}"
        if self.element:
            where += f", <{self.element}>"
        got = f": found '{self.value}'" if self.value is not None else ""
        return f"{where}{got}; expected {self.expected}"


class ImportError_(Exception):
    """A file that cannot be imported, with every problem found; nothing was written."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


@dataclass
class Activity:
    """The records one activity yields, before they are tied to a project."""

    identifier: str
    hierarchy: str
    line: int
    parent: str  # identifier of the project an output belongs to
    children: list[str]
    fields: dict[str, str]
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def _text(el, path: str) -> str:
    """The first narrative (or text) under `path`, stripped; '' when absent."""
    found = el.find(path)
    if found is None:
        return ""
    narrative = found.find("narrative")
    text = (narrative if narrative is not None else found).text or ""
    return text.strip()


def undp_number(identifier: str) -> str:
    """The eight-digit UNDP number at the end of an identifier ('XM-DAC-41114-PROJECT-00041442' → '00041442'); '' if none."""
    match = re.search(r"-(\d{8})$", identifier)
    return match.group(1) if match else ""


def short_title(title: str, limit: int = 40) -> str:
    """The title cut at a word boundary to fit a chart label, with an ellipsis when cut."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def normalised_name(name: str) -> str:
    """An organisation's name with shouting removed ('GOVERNMENT OF CHINA' → 'Government of
    China'); a word of four letters or fewer is an acronym and stays as written ('UNDP', 'GEF')."""
    if not name.isupper() or (" " not in name.strip() and len(name.strip()) <= 4):
        return name
    small = {"of", "and", "for", "the", "in", "on", "to"}
    words = name.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


class Reader:
    """Reads one file's activities, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path, source_id: str):
        self.path = path
        self.name = path.name
        self.source_id = source_id
        self.problems: list[ImportProblem] = []
        self.unused: Counter[str] = Counter()
        self.generated = ""
        self.publisher = ""

    def problem(self, el, activity: str, expected: str, value: str | None = None) -> None:
        line = el.sourceline if el is not None else None
        self.problems.append(ImportProblem(self.name, line, activity, el.tag if el is not None else "", expected, value))

    def section(self, identifier: str, el) -> str:
        return f"{identifier} <{el.tag}> line {el.sourceline}"

    def date(self, el, identifier: str, attr: str = "iso-date") -> str:
        value = (el.get(attr) or "").strip() if el is not None else ""
        if not value:
            return ""
        try:
            date_bounds(value)
            ok = plausible_year(value)
        except ValueError:
            ok = False
        if not ok:
            self.problem(el, identifier, "a date as YYYY-MM-DD between 1949 and 2100", value)
            return ""
        return value

    def amount(self, el, identifier: str, default_currency: str) -> str:
        value_el = el.find("value")
        if value_el is None or not (value_el.text or "").strip():
            self.problem(el, identifier, "a <value> with the amount")
            return ""
        text = value_el.text.strip()
        currency = value_el.get("currency") or default_currency
        if currency not in CURRENCIES:
            self.problem(value_el, identifier, "a known ISO 4217 currency code (the dashboard shows USD)", currency or "no currency")
            return ""
        if currency != "USD":
            self.problem(value_el, identifier, "an amount in USD: the dashboard does not convert currencies", currency)
            return ""
        if not NUMBER.fullmatch(text):
            self.problem(value_el, identifier, "a number (digits and a decimal point)", text)
            return ""
        return text

    def activities(self):
        """Each activity of the file, parsed; problems with the file itself end the stream."""
        try:
            # Entities are never expanded, nothing is fetched, and text nodes stay within
            # libxml2's ordinary 10 MB (no huge_tree); nesting is bounded below.
            context = etree.iterparse(str(self.path), events=("start", "end"), remove_comments=True, resolve_entities=False,
                                      no_network=True, huge_tree=False, load_dtd=False)
            root_seen = False
            depth = 0
            for event, el in context:
                depth += 1 if event == "start" else -1
                if depth > LIMITS.xml_depth:
                    self.problem(el, "", f"elements nested at most {LIMITS.xml_depth} deep (an IATI activity file needs about 8): this file is not an IATI file",
                                 f"{depth} levels")
                    return
                if not root_seen:
                    root_seen = True
                    if el.getroottree().docinfo.internalDTD is not None or el.getroottree().docinfo.doctype:
                        self.problem(el, "", "an XML file without a <!DOCTYPE> (IATI files declare none, and declared entities are how XML bombs work)",
                                     el.getroottree().docinfo.doctype or "<!DOCTYPE …>")
                        return
                    if el.tag != "iati-activities":
                        self.problem(el, "", "the root element <iati-activities> of an IATI activity file", f"<{el.tag}>")
                        return
                    version = el.get("version", "")
                    if not version.startswith("2."):
                        self.problem(el, "", "IATI version 2.01 or later (convert 1.x files with the IATI converter first)", version or "no version")
                        return
                    self.generated = (el.get("generated-datetime") or "")[:10]
                    continue
                if event == "end" and el.tag == "iati-activity":
                    yield self.activity(el)
                    el.clear(keep_tail=False)
                    parent = el.getparent()
                    while parent is not None and el.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as err:
            line = err.position[0] if err.position else None
            message = re.sub(r", line \d+, column \d+$", "", err.msg)  # the line is named already
            self.problems.append(ImportProblem(self.name, line, "", "", f"well-formed XML ({message})"))
        except OSError as err:
            self.problems.append(ImportProblem(self.name, None, "", "", f"a readable file ({err.strerror or err})"))

    def activity(self, el) -> Activity:
        identifier = _text(el, "iati-identifier")
        if not identifier:
            self.problem(el, "", "an <iati-identifier> naming the activity")
        for child in el:
            if child.tag not in USED and isinstance(child.tag, str):
                self.unused[child.tag] += 1
        if not self.publisher:
            self.publisher = _text(el, "reporting-org")
        default_currency = el.get("default-currency", "")
        dates = {d.get("type"): self.date(d, identifier) for d in el.findall("activity-date")}
        status_el = el.find("activity-status")
        status = STATUSES.get(status_el.get("code", "") if status_el is not None else "", "")
        related = [(r.get("type"), r.get("ref", "")) for r in el.findall("related-activity")]
        activity = Activity(
            identifier=identifier,
            hierarchy=el.get("hierarchy", "1"),
            line=el.sourceline,
            parent=next((ref for kind, ref in related if kind == "1"), ""),
            children=[ref for kind, ref in related if kind == "2"],
            fields={
                "title": _text(el, "title"),
                "description": _text(el, "description"),
                "planned_start": dates.get("1", ""),
                "actual_start": dates.get("2", ""),
                "planned_end": dates.get("3", ""),
                "actual_end": dates.get("4", ""),
                "status": status,
                "themes": "|".join(self.themes(el)),
                "focus_areas": "; ".join(_text(s, ".") for s in el.findall("sector") if s.get("vocabulary") == "99" and _text(s, ".")),
                "section": self.section(identifier, el),
            },
        )
        provenance = {"source_id": self.source_id}
        activity.rows["partners"] = [
            {"partner_as_named": name, "partner": normalised_name(name), "role": ROLES[o.get("role")],
             "partner_type": "un" if o.get("ref") == UNDP_REF else ORG_TYPES.get(o.get("type", ""), "other"),
             "section": self.section(identifier, o), **provenance}
            for o in el.findall("participating-org")
            if o.get("role") in ROLES and (name := _text(o, ".") or o.get("ref", ""))
        ]
        activity.rows["budgets"] = []
        for b in el.findall("budget"):
            start, end = self.date(b.find("period-start"), identifier), self.date(b.find("period-end"), identifier)
            value = b.find("value")
            activity.rows["budgets"].append({
                "period_start": start, "period_end": end, "amount_usd": self.amount(b, identifier, default_currency),
                "budget_type": "revised" if b.get("type") == "2" else "original",
                "budget_status": "committed" if b.get("status") == "2" else "indicative",
                "value_date": self.date(value, identifier, "value-date") if value is not None else "",
                "section": self.section(identifier, b), **provenance,
            })
        activity.rows["transactions"] = []
        for t in el.findall("transaction"):
            kind_el = t.find("transaction-type")
            code = kind_el.get("code", "") if kind_el is not None else ""
            if not code.isdigit() or not 1 <= int(code) <= len(TRANSACTION_KINDS):
                self.problem(t if kind_el is None else kind_el, identifier, "a transaction type code from 1 to 13", code or None)
                continue
            activity.rows["transactions"].append({
                "date": self.date(t.find("transaction-date"), identifier), "kind": TRANSACTION_KINDS[int(code) - 1],
                "amount_usd": self.amount(t, identifier, default_currency),
                "provider": _text(t, "provider-org"), "provider_type": _org_type(t.find("provider-org")), "receiver": _text(t, "receiver-org"),
                "section": self.section(identifier, t), **provenance,
            })
        activity.rows["locations"] = [row for loc in el.findall("location") if (row := self.location(loc, identifier))]
        activity.rows["links"] = [
            {"title": _text(d, "title") or d.get("url", ""), "url": d.get("url", "").strip(), "date": self.date(d.find("document-date"), identifier),
             "section": self.section(identifier, d)}
            for d in el.findall("document-link") if d.get("url", "").strip()
        ]
        activity.rows["results"] = self.results(el, identifier, provenance)
        return activity

    def themes(self, el) -> list[str]:
        themes = []
        for s in el.findall("sector"):
            if s.get("vocabulary", "1") != "1":
                continue
            code = s.get("code", "")
            theme = SECTOR_THEMES.get(code) or SECTOR_THEMES.get(code[:3])
            themes.append(theme or "unspecified")
        return list(dict.fromkeys(themes))

    def location(self, loc, identifier: str) -> dict[str, str] | None:
        name = _text(loc, "name")
        pos = loc.find("point/pos")
        point = None
        if pos is not None:
            parts = (pos.text or "").split()
            try:
                lat, lon = (float(p) for p in parts)
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
                point = (lat, lon)
            except ValueError:
                self.problem(pos, identifier, "a point as 'latitude longitude' in degrees (latitude -90 to 90, longitude -180 to 180)", pos.text or "")
                return None
        if not name and point is None:
            self.problem(loc, identifier, "a <name> or a <point> saying where the place is")
            return None
        feature = loc.find("feature-designation")
        try:
            resolved = places.resolve_place(name or "", point, feature.get("code", "") if feature is not None else "")
        except places.PlaceError as err:
            self.problem(loc, identifier, f"a place the gazetteer knows, or a point: {err}", name)
            return None
        return {
            "place_as_written": name or f"{point[0]:.5f} {point[1]:.5f}",
            "province_code": resolved.province_code, "admin_level": resolved.admin_level, "admin_code": resolved.admin_code,
            "latitude": f"{point[0]:.6f}".rstrip("0").rstrip(".") if point else "",
            "longitude": f"{point[1]:.6f}".rstrip("0").rstrip(".") if point else "",
            "role": "project_location", "source_id": self.source_id, "section": self.section(identifier, loc),
            "note": resolved.disagreement, "_disagreement": resolved.disagreement,
        }

    def value(self, el, identifier: str) -> tuple[str, str]:
        """(number, text) of a baseline, target or actual: the number only where the file gives one."""
        if el is None:
            return "", ""
        raw = (el.get("value") or "").strip()
        text = _text(el, "comment")
        if raw and not NUMBER.fullmatch(raw):
            text = f"{raw} {text}".strip()  # a value that is not a number is kept as words
            raw = ""
        return raw, text

    def results(self, el, identifier: str, provenance: dict[str, str]) -> list[dict[str, str]]:
        rows = []
        for result in el.findall("result"):
            for indicator in result.findall("indicator"):
                baseline = indicator.find("baseline")
                b_value, b_text = self.value(baseline, identifier)
                year = (baseline.get("year") or "").strip() if baseline is not None else ""
                if year and not (year.isdigit() and plausible_year(year)):
                    self.problem(baseline, identifier, "a baseline year between 1949 and 2100", year)
                    year = ""
                common = {
                    "result_kind": RESULT_KINDS.get(result.get("type", ""), "other"), "result_title": _text(result, "title") or "(untitled result)",
                    "indicator": _text(indicator, "title") or "(untitled indicator)", "indicator_description": _text(indicator, "description"),
                    "baseline_year": year, "baseline_value": b_value, "baseline_text": b_text, **provenance,
                }
                periods = indicator.findall("period") or [None]
                for period in periods:
                    t_value, t_text = self.value(period.find("target") if period is not None else None, identifier)
                    a_value, a_text = self.value(period.find("actual") if period is not None else None, identifier)
                    rows.append({
                        **common,
                        "period_start": self.date(period.find("period-start"), identifier) if period is not None else "",
                        "period_end": self.date(period.find("period-end"), identifier) if period is not None else "",
                        "target_value": t_value, "target_text": t_text, "actual_value": a_value, "actual_text": a_text,
                        "section": self.section(identifier, period if period is not None else indicator),
                    })
        return rows


def source_id_for(path: Path) -> str:
    """The id of the sources row that stands for an imported file: 'iati-' and its name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-._")[:58]
    return f"iati-{stem}"


def link_id(project_id: str, url: str) -> str:
    """A stable id for a document published with a project."""
    return f"iati-doc-{hashlib.sha1(f'{project_id} {url}'.encode()).hexdigest()[:12]}"


@dataclass
class Imported:
    """What an import produced: the merged package's frames, counts, and notes for the reader."""

    frames: dict
    counts: dict[str, int]
    unused: Counter
    notes: list[str]


def project_rows(activities: list[Activity], base_projects, reader_source: dict[str, str]) -> tuple[dict[str, str], dict[str, str], list[dict], list[dict], list[dict]]:
    """(activity identifier → project id, output identifier → output id, new project rows, output rows, differences).

    A project already documented in the base package (same UNDP number, as a project or as
    one of its outputs) keeps its documented id and facts; where IATI says otherwise, a
    difference row records both.
    """
    documented = {r["undp_project_id"]: r for _, r in base_projects.iterrows() if r["undp_project_id"]}
    project_of: dict[str, str] = {}
    output_of: dict[str, str] = {}
    projects, outputs, differences = [], [], []
    for a in activities:
        if a.hierarchy != "1":
            continue
        numbers = [undp_number(a.identifier)] + [undp_number(c) for c in a.children]
        match = next((documented[n] for n in numbers if n in documented), None)
        project_id = match["project_id"] if match is not None else f"undp-{undp_number(a.identifier) or hashlib.sha1(a.identifier.encode()).hexdigest()[:8]}"
        project_of[a.identifier] = project_id
        f = a.fields
        start, end = f["actual_start"] or f["planned_start"], f["actual_end"] or f["planned_end"]
        row = {
            "project_id": project_id, "title": f["title"], "short_title": short_title(f["title"]), "description": f["description"] or f["title"],
            "start": start, "end": end, "planned_start": f["planned_start"] if f["planned_start"] != start else "",
            "planned_end": f["planned_end"] if f["planned_end"] != end else "", "status": f["status"],
            "undp_project_id": undp_number(a.identifier), "themes": f["themes"] or "unspecified",
            "note": f"UNDP focus area: {f['focus_areas']}" if f["focus_areas"] else "", "section": f["section"], **reader_source,
        }
        if match is None:
            projects.append(row)
            continue
        for column in ("title", "start", "end", "status", "undp_project_id"):
            if row[column] and match[column] != row[column]:
                differences.append({"project_id": project_id, "field": column, "documented": match[column], "documented_source_id": match["source_id"],
                                    "published": row[column], "section": f["section"], **reader_source})
    parent_of = {child: a.identifier for a in activities if a.hierarchy == "1" for child in a.children}
    for a in activities:
        if a.hierarchy == "1":
            continue
        parent = a.parent or parent_of.get(a.identifier, "")
        if parent not in project_of:
            continue  # reported by the caller: an output with no project in the file
        project_of[a.identifier] = project_of[parent]
        f = a.fields
        output_of[a.identifier] = f"undp-{undp_number(a.identifier)}" if undp_number(a.identifier) else a.identifier[-64:]
        outputs.append({
            "output_id": output_of[a.identifier],
            "project_id": project_of[parent], "undp_output_id": undp_number(a.identifier), "title": f["title"], "description": f["description"],
            "start": f["actual_start"] or f["planned_start"], "end": f["actual_end"] or f["planned_end"], "status": f["status"],
            "section": f["section"], **reader_source,
        })
    return project_of, output_of, projects, outputs, differences
