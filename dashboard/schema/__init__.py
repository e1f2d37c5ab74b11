"""The data package's schema, declared once: columns (`columns.py`), allowed values
(`codelists.py`), the tables (`tables.py`) and the Frictionless descriptor derived from
them (`descriptor.py`)."""

from dashboard.schema.columns import LIST_SEPARATOR, Column, Table
from dashboard.schema.tables import TABLE_BY_NAME, TABLES

__all__ = ["LIST_SEPARATOR", "TABLES", "TABLE_BY_NAME", "Column", "Table"]
