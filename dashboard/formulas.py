"""Text a spreadsheet would run as a formula, and how it is kept inert in CSV files.

OWASP's CSV-injection advice: a cell that starts with one of these characters is a formula
(or a DDE command) to Excel, LibreOffice and the like. Written out, such text gains a
leading apostrophe, which spreadsheets show as text; read back in, the apostrophe goes, so
a package survives the round trip unchanged.
"""

from __future__ import annotations

# Also the full-width forms, which some spreadsheets read the same way.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def looks_like_formula(value: object) -> bool:
    """Whether a spreadsheet would take this text for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def inert(value: object) -> object:
    """The value as a CSV cell a spreadsheet will not run: formula-like text gains an apostrophe."""
    return "'" + value if looks_like_formula(value) else value


def restored(value: str) -> str:
    """A CSV cell as the data means it: the apostrophe `inert` added is taken off again."""
    return value[1:] if value.startswith("'") and looks_like_formula(value[1:]) else value
