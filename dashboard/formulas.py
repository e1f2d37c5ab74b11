"""Text a spreadsheet would run as a formula, and how it is kept inert in files meant for
spreadsheets.

OWASP's CSV-injection advice: a cell that starts with one of these characters is a formula
(or a DDE command) to Excel, LibreOffice and the like. In a CSV download meant for a
spreadsheet such text gains a leading apostrophe, which spreadsheets show as text. A plain
number such as -288 runs nothing, so it is never marked. The data package itself is for
programs (pandas, R, Frictionless) and holds every value as it is; packages written by
earlier versions marked formula-like text and numbers alike, and the reader still takes
that apostrophe off (`restored`).
"""

from __future__ import annotations

import re

# Also the full-width forms, which some spreadsheets read the same way.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


# A number as a spreadsheet reads one: evaluating it runs nothing.
PLAIN_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def looks_like_formula(value: object) -> bool:
    """Whether a spreadsheet would take this text for a formula (a plain number is not one)."""
    return isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value)


def inert(value: object) -> object:
    """The value as a CSV cell a spreadsheet will not run: formula-like text gains an apostrophe."""
    return "'" + value if looks_like_formula(value) else value


def restored(value: str) -> str:
    """A CSV cell as the data means it: the apostrophe an earlier writer put before anything
    starting like a formula (numbers included) is taken off again."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value
