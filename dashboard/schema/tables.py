"""Every table of the data package, declared once.

Validation, typing, the data-gaps view, the Frictionless descriptor
(`data/datapackage.json`) and the workbook all derive from these declarations.
"""

from __future__ import annotations

from dashboard.schema.codelists import (
    ADMIN_LEVELS,
    DATE_QUALIFIERS,
    FUNDER_TYPES,
    MILESTONE_KINDS,
    MILESTONE_STATUSES,
    PARTNER_ROLES,
    PARTNER_TYPES,
    PROJECT_STATUSES,
    QUALIFIERS,
    REACH_MEASURES,
    REACH_UNITS,
    ROLES,
    SCOPES,
    SOURCE_KINDS,
    THEMES,
)
from dashboard.dates import EARLIEST_YEAR, LATEST_YEAR
from dashboard.schema.columns import ID_MEANS, ID_PATTERN, Column, Table


def _provenance() -> tuple[Column, ...]:
    """The columns every record carries: its source document, section, and our note."""
    return (
        Column("source_id", "string", "The source this record comes from.", references=("sources", "source_id")),
        Column("section", "string", "Where in the source: its section heading."),
        Column("note", "string", "Our own remark on how the record was read from the source.", required=False, translatable=True),
    )


PROJECT = Column("project_id", "string", "The project.", references=("projects", "project_id"))
PROVINCE_CODE = ("provinces", "code")

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        "The documents every figure comes from, and the general references used for context.",
        (
            Column("source_id", "string", "Identifier: the document's file name without extension.", pattern=ID_PATTERN, pattern_means=ID_MEANS),
            Column("file_name", "string", "File name of the document in the seeds folder (documents only).", required=False),
            Column("kind", "string", "A source document, or a general reference.", allowed=SOURCE_KINDS),
            Column("title", "string", "Title of the document.", translatable=True),
            Column("publisher", "string", "Who issued the document.", gap=True, translatable=True),
            Column("date", "date", "Date of the document, or of the event it records.", gap=True),
            Column("note", "string", "What the date or attribution rests on.", required=False, translatable=True),
        ),
        ("source_id",),
    ),
    Table(
        "projects",
        "One row per project in the portfolio.",
        (
            Column("project_id", "string", "Stable identifier used in links.", pattern=ID_PATTERN, pattern_means=ID_MEANS),
            Column("title", "string", "Full title.", translatable=True),
            Column("short_title", "string", "Short title for charts.", translatable=True),
            Column("description", "string", "What the project does, in our own words.", translatable=True),
            Column("start", "date", "Start of the project (this phase).", gap=True),
            Column("end", "date", "End of the project (this phase).", gap=True),
            Column("status", "string", "Status as the source describes it.", allowed=PROJECT_STATUSES, gap=True),
            Column("undp_project_id", "string", "UNDP project number: eight digits, leading zeros kept.", gap=True, pattern=r"\d{8}", pattern_means="eight digits, leading zeros kept (00056242)"),
            Column("total_budget_usd", "number", "Total budget, where the source states one; the funding lines must add up to it.", required=False, unit="USD", minimum=0),
            Column("themes", "list", "Themes, separated by |.", allowed=THEMES),
            *_provenance(),
        ),
        ("project_id",),
        ordered_dates=(("start", "end"),),
    ),
    Table(
        "partners",
        "Organisations working on each project, and in what capacity.",
        (
            PROJECT,
            Column("partner_as_named", "string", "The partner's name exactly as the source writes it."),
            Column("partner", "string", "Normalised name.", translatable=True),
            Column(
                "role",
                "string",
                "What the partner does for the project.",
                allowed=PARTNER_ROLES,
            ),
            Column("partner_type", "string", "Kind of organisation.", allowed=PARTNER_TYPES),
            *_provenance(),
        ),
        ("project_id", "partner", "role"),
    ),
    Table(
        "funding",
        "Contributions to each project's budget, one row per funder line in the source.",
        (
            PROJECT,
            Column("line", "integer", "Position of the line in the source's funding table.", minimum=1),
            Column("funder_as_named", "string", "The funder exactly as the source names it.", gap=True),
            Column("funder", "string", "Normalised funder name.", gap=True, translatable=True),
            Column("funder_type", "string", "Kind of funder.", allowed=FUNDER_TYPES),
            Column("amount_usd", "number", "Amount contributed.", gap=True, unit="USD", minimum=0),
            Column("qualifier", "string", "Exact amount, or a lower bound.", allowed=QUALIFIERS),
            *_provenance(),
        ),
        ("project_id", "line"),
    ),
    Table(
        "locations",
        "Where each project works, and in what role.",
        (
            PROJECT,
            Column("place_as_written", "string", "The place exactly as the source writes it."),
            Column("province_code", "string", "GB/T 2260 code of the province.", gap=True, references=PROVINCE_CODE),
            Column("admin_level", "string", "Whether the source names a province or a city.", allowed=ADMIN_LEVELS),
            Column("role", "string", "What the place is to the project.", allowed=ROLES),
            Column("since", "date", "When the role began, where the source says.", required=False),
            *_provenance(),
        ),
        ("project_id", "place_as_written", "role"),
        place_check=("place_as_written", "province_code"),
    ),
    Table(
        "reach",
        "People and countries reached, with the qualifier the source gives.",
        (
            PROJECT,
            Column("line", "integer", "Order within the project.", minimum=1),
            Column("measure", "string", "What is counted.", allowed=REACH_MEASURES),
            Column("value", "integer", "The figure.", gap=True, minimum=0),
            Column("qualifier", "string", "Exact, or a lower bound ('more than').", allowed=QUALIFIERS),
            Column("unit", "string", "Unit of the figure.", allowed=REACH_UNITS),
            Column("audience", "string", "Who was reached.", translatable=True),
            Column("period_from", "date", "Start of the period the figure covers.", gap=True),
            Column("as_of", "date", "Date the figure refers to.", gap=True),
            *_provenance(),
        ),
        ("project_id", "line"),
        ordered_dates=(("period_from", "as_of"),),
    ),
    Table(
        "milestones",
        "Policy uptake, studies, governance events, reviews and planned actions.",
        (
            Column("milestone_id", "string", "Stable identifier.", pattern=ID_PATTERN, pattern_means=ID_MEANS),
            PROJECT,
            Column("date", "date", "When it happened or is planned.", gap=True),
            Column(
                "date_qualifier",
                "string",
                "'on' the date, or reported as done 'by' the date (the source's own date).",
                allowed=DATE_QUALIFIERS,
                required=False,
            ),
            Column("kind", "string", "Kind of milestone.", allowed=MILESTONE_KINDS),
            Column("title", "string", "Short title, in our own words.", translatable=True),
            Column("five_year_plan", "integer", "The Five-Year Plan concerned.", required=False, references=("five_year_plans", "plan")),
            Column("count", "integer", "A count the source gives (indicators adopted, studies done).", required=False, minimum=0),
            Column("count_unit", "string", "What the count counts.", required=False, translatable=True),
            Column("status", "string", "Achieved, or planned at the time of the source.", allowed=MILESTONE_STATUSES),
            Column("scope", "string", "Level of the work.", allowed=SCOPES),
            Column("province_code", "string", "Province concerned, for provincial milestones.", required=False, references=PROVINCE_CODE),
            *_provenance(),
        ),
        ("milestone_id",),
    ),
    Table(
        "five_year_plans",
        "China's national Five-Year Plans, 10th to 15th.",
        (
            Column("plan", "integer", "Ordinal of the plan.", minimum=1),
            Column("name", "string", "Name of the plan.", translatable=True),
            Column("start_year", "integer", "First year.", unit="year", minimum=EARLIEST_YEAR, maximum=LATEST_YEAR),
            Column("end_year", "integer", "Last year.", unit="year", minimum=EARLIEST_YEAR, maximum=LATEST_YEAR),
            Column("source_id", "string", "Where the years come from.", references=("sources", "source_id")),
        ),
        ("plan",),
        ordered_dates=(("start_year", "end_year"),),
    ),
)

TABLE_BY_NAME = {t.name: t for t in TABLES}
