"""The Frictionless-style descriptor `data/datapackage.json`, generated from the schema.

It lets other tools (frictionless, Datasette, spreadsheets with a schema plug-in) read and
validate the package: types, required cells, allowed values, primary keys and the
references between tables. Every package the product writes carries it (`write_package`);
`python -m dashboard datapackage` rewrites the bundled one and a test keeps it in step.
"""

from __future__ import annotations

import json
from pathlib import Path

from dashboard.config import BUNDLED_DATA_DIR
from dashboard.places import province_codes
from dashboard.schema.columns import LIST_SEPARATOR, Column, Table
from dashboard.schema.tables import TABLES

PROVINCE_REFERENCE = ("provinces", "code")
_TYPES = {"string": "string", "integer": "integer", "number": "number", "date": "string", "list": "string"}


def _field(col: Column, name: str | None = None, zh: bool = False) -> dict:
    """One Frictionless field: the column, or (zh=True) its Chinese companion."""
    field = {"name": name or col.name, "type": _TYPES[col.type], "description": col.description}
    if zh:
        field["description"] = f"Simplified Chinese of {col.name}."
        return field
    constraints = {}
    if not col.may_be_empty:
        constraints["required"] = True
    if col.allowed and col.type != "list":
        constraints["enum"] = list(col.allowed)
    if col.references == PROVINCE_REFERENCE:  # the reference is not a table of the package, so its codes are listed
        constraints["enum"] = sorted(province_codes())
    if col.minimum is not None:
        constraints["minimum"] = col.minimum
    if col.maximum is not None:
        constraints["maximum"] = col.maximum
    if col.type == "date":
        constraints["pattern"] = r"\d{4}(-\d{2}(-\d{2})?)?"
    if col.pattern:
        constraints["pattern"] = col.pattern
    if constraints:
        field["constraints"] = constraints
    if col.unit:
        field["unit"] = col.unit
    if col.gap:
        field["emptyMeans"] = "not reported by the source"
    if col.type == "list":
        field["listSeparator"] = LIST_SEPARATOR
        field["listOf"] = list(col.allowed)
    return field


def _resource(table: Table) -> dict:
    """One Frictionless resource: the table's file, fields, keys and references."""
    fields = []
    for col in table.columns:
        fields.append(_field(col))
        if col.translatable:
            fields.append(_field(col, f"{col.name}_zh", zh=True))
    foreign_keys = [
        {"fields": col.name, "reference": {"resource": ref_table, "fields": ref_col}}
        for col in table.columns
        if (ref := col.references) and (ref_table := ref[0]) != "provinces" and (ref_col := ref[1])
    ]
    schema = {"fields": fields, "primaryKey": list(table.primary_key), "missingValues": [""]}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": table.name,
        "path": table.file_name,
        "description": table.description,
        "format": "csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def descriptor() -> dict:
    """The whole package descriptor, as `data/datapackage.json` holds it."""
    return {
        "name": "undp-china-portfolio-results",
        "title": "Results of a portfolio of UNDP China projects",
        "description": "Projects, funding, places, reach and policy milestones, each row traced to a source document and section. Generated from dashboard/schema/.",
        "resources": [_resource(t) for t in TABLES],
    }


def write_descriptor(directory: Path = BUNDLED_DATA_DIR) -> Path:
    """Write `datapackage.json` into `directory` and return its path."""
    path = directory / "datapackage.json"
    path.write_text(json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
