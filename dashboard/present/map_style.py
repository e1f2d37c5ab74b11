"""One colour rule, label and legend for every map: the web map and the slide map both
draw from here, so they cannot drift apart.

Provinces are coloured by the number of projects there, or, when one project is shown,
by that project's role in the province (with the role's letter, so colour is never the
only cue). The chosen province is outlined.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.present.charts import PALETTE
from dashboard.present.i18n import t, term

Colour = list[int]

NO_PROJECT: Colour = [236, 236, 236]
# ColorBrewer Blues, 1 to 4+ projects: ordered, and readable by people with colour-blindness.
COUNT_COLOURS: tuple[Colour, ...] = ([158, 202, 225], [66, 146, 198], [8, 81, 156], [8, 48, 107])
SEVERAL_ROLES: Colour = [90, 90, 90]
ROLE_LETTERS = {
    "pilot_province": "P",
    "project_location": "L",
    "field_study": "F",
    "case_study": "C",
    "training_of_trainers": "T",
}
BORDER: Colour = [255, 255, 255]
BORDER_WIDTH = 0.8
CHOSEN_OUTLINE: Colour = [255, 140, 0]
CHOSEN_OUTLINE_WIDTH = 3
MARITIME_LINE: Colour = [80, 80, 80]


def hex_to_rgb(hex_colour: str) -> Colour:
    """'#0072B2' -> [0, 114, 178]."""
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


def css(colour: Colour) -> str:
    """[r, g, b] -> 'rgb(r,g,b)'."""
    return f"rgb({colour[0]},{colour[1]},{colour[2]})"


ROLE_COLOURS = {role: hex_to_rgb(PALETTE[i]) for i, role in enumerate(ROLE_LETTERS)}


CountClasses = tuple[tuple[int, int], ...]
FEW: CountClasses = ((1, 1), (2, 2), (3, 3), (4, 4))


def count_classes(counts) -> CountClasses:
    """Colour classes (lowest, highest count) that follow the data: one per count up to 4,
    beyond that the quartiles of the provinces with work, so a large portfolio does not
    paint every province the darkest blue."""
    working = sorted(int(n) for n in counts if n > 0)
    if not working or working[-1] <= len(FEW):
        return FEW
    uppers = sorted({int(np.quantile(working, q, method="higher")) for q in (0.25, 0.5, 0.75, 1.0)})
    # Most provinces often share a count or two, and quartiles collapse: split the widest
    # class (by ratio) at its geometric middle until there are four.
    while len(uppers) < len(FEW):
        bounds = list(zip([1, *(u + 1 for u in uppers[:-1])], uppers))
        low, high = max(bounds, key=lambda b: b[1] / b[0])
        if high - low < 1:
            break
        uppers = sorted({*uppers, max(low, min(high - 1, round((low * high) ** 0.5)))})
    return tuple(zip([1, *(u + 1 for u in uppers[:-1])], uppers))


def class_label(low: int, high: int) -> str:
    """'3' or '3–7'."""
    return str(low) if low == high else f"{low}–{high}"


def count_colour(n: int, classes: CountClasses = FEW) -> Colour:
    """The fill for a province with `n` projects, in the darkest class that starts at or below it."""
    if n == 0:
        return NO_PROJECT
    index = max(i for i, (low, _) in enumerate(classes) if low <= n)
    # Fewer classes than colours: spread them over the scale, lightest and darkest kept.
    step = (len(COUNT_COLOURS) - 1) / max(1, len(classes) - 1)
    return COUNT_COLOURS[round(index * step)]


def role_colour(roles: tuple[str, ...]) -> Colour:
    """The fill for a province where the one project shown has these roles."""
    if not roles:
        return NO_PROJECT
    return ROLE_COLOURS[roles[0]] if len(roles) == 1 else SEVERAL_ROLES


def role_letters(roles: tuple[str, ...]) -> str:
    """The roles' letters, in the order given ('PF')."""
    return "".join(ROLE_LETTERS[r] for r in roles)


@dataclass(frozen=True)
class ProvinceStyle:
    """How one province is drawn."""

    fill: Colour
    outline: Colour
    outline_width: float
    label: str  # '' for a province with no project


def province_styles(summary: pd.DataFrame, by_role: bool, chosen: set[str]) -> dict[str, ProvinceStyle]:
    """Code -> style, for every province in `figures.province_summary`."""
    styles = {}
    classes = count_classes(summary["n_projects"])
    for code, n, roles in zip(summary["code"], summary["n_projects"], summary["roles"]):
        label = "" if n == 0 else (role_letters(roles) if by_role else str(int(n)))
        styles[code] = ProvinceStyle(
            fill=role_colour(roles) if by_role else count_colour(int(n), classes),
            outline=CHOSEN_OUTLINE if code in chosen else BORDER,
            outline_width=CHOSEN_OUTLINE_WIDTH if code in chosen else BORDER_WIDTH,
            label=label,
        )
    return styles


@dataclass(frozen=True)
class LegendEntry:
    """One legend item: a swatch colour, an optional letter, and its meaning."""

    colour: Colour
    letter: str
    text: str


def legend_entries(by_role: bool, lang: str, classes: CountClasses = FEW) -> list[LegendEntry]:
    """The legend of either colour rule, in `lang` (for counts, the classes the map uses)."""
    if by_role:
        entries = [LegendEntry(ROLE_COLOURS[r], letter, term("role", r, lang)) for r, letter in ROLE_LETTERS.items()]
        return entries + [LegendEntry(SEVERAL_ROLES, "", t("map.multiple_roles", lang))]
    counts = [LegendEntry(count_colour(low, classes), "", class_label(low, high)) for low, high in classes]
    return [LegendEntry(NO_PROJECT, "", t("map.no_projects", lang)), *counts]


def legend_label(entry: LegendEntry, by_role: bool, lang: str) -> str:
    """An entry as a legend without a title reads it: '1 project(s)', 'P Pilot province'.

    The web map's legend shows the bare count beside its swatch; the slide map's legend
    has no room for a heading, so the count says what it counts.
    """
    if entry.letter:
        return f"{entry.letter} {entry.text}"
    if not by_role and entry.colour != NO_PROJECT:
        return t("map.projects_n", lang, n=entry.text)
    return entry.text
