"""What a results indicator counts (people reached, policy uptake, or other), suggested
from its wording by stated rules. The importer stores the suggestion with the rule's name;
a person may review it (Manage, or the workbook), and a reviewed measure survives re-import."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

# Wording rules, tried on the indicator's title and description together. Each has a name
# (stored in `measure_basis` as 'rule: NAME') so a reader can see why a measure was suggested.
_PEOPLE = r"(?:people|persons|participants|beneficiaries|trainees|men|women|males|females|girls|boys|youth|farmers|households|officials|students)"
PEOPLE_RULES = (
    ("people-count", re.compile(rf"\bnumber of (?:(?:new|additional|the|total)\s+)*{_PEOPLE}\b", re.I)),
    ("people-benefitting", re.compile(rf"\b{_PEOPLE}\b[^.;\n]{{0,40}}\b(?:benefit+ing|benefited|trained|reached)\b", re.I)),
    ("people-reached", re.compile(rf"\b(?:reached|trained)\b[^.;\n]{{0,30}}\b{_PEOPLE}\b", re.I)),
)
_POLICY = r"(?:plans?|strateg(?:y|ies)|laws?|regulations?|standards?|codes?|polic(?:y|ies)|guidelines?|legislation)"
UPTAKE_VERBS = r"(?:adopted|approved|incorporated|issued|enacted|endorsed|promulgated)"
UPTAKE_RULES = (
    ("policy-adopted", re.compile(rf"\b{_POLICY}\b[^.;\n]{{0,120}}\b{UPTAKE_VERBS}\b", re.I)),
    ("policy-adoption", re.compile(rf"\b(?:adoption|approval|issuance|enactment) of\b[^.;\n]{{0,60}}\b{_POLICY}\b", re.I)),
)


def suggested_measure(text: str) -> tuple[str, str]:
    """(measure, 'rule: NAME') for an indicator's wording: people reached or policy uptake
    when exactly one of the two kinds of rule fits, else other."""
    people = next((name for name, rule in PEOPLE_RULES if rule.search(text)), None)
    uptake = next((name for name, rule in UPTAKE_RULES if rule.search(text)), None)
    if people and uptake:
        return "other", "rule: fits-both"
    if people:
        return "people_reached", f"rule: {people}"
    if uptake:
        return "policy_uptake", f"rule: {uptake}"
    return "other", "rule: fits-neither"


def indicator_text(results: pd.DataFrame) -> pd.Series:
    """The wording the rules read: the indicator's title and description."""
    return _text_column(results, "indicator") + " " + _text_column(results, "indicator_description")


def _text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A text column with its gaps as '' (absent from older packages: all gaps)."""
    if name not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    column = frame[name]
    return pd.Series(np.where(column.isna(), "", column.astype(str)), index=frame.index, dtype=object)


def measures(results: pd.DataFrame) -> pd.DataFrame:
    """`measure` and `measure_basis` per row: as stored, or suggested where the row has none
    (a package written before the columns existed)."""
    given, basis = _text_column(results, "measure"), _text_column(results, "measure_basis")
    missing = given == ""
    if missing.any():
        texts = indicator_text(results[missing])
        suggested = {text: suggested_measure(text) for text in texts.unique()}  # a wording recurs in every period
        given = given.copy()
        basis = basis.copy()
        given[missing] = [suggested[x][0] for x in texts]
        basis[missing] = [suggested[x][1] for x in texts]
    return pd.DataFrame({"measure": given, "measure_basis": basis}, index=results.index)
