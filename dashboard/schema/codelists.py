"""Allowed values of the coded columns.

Their English and Chinese labels live in the string table (`present/i18n.py`) under the
same names (`role.pilot_province`, `kind.policy_uptake`, ...); a test keeps both in step.
"""

from __future__ import annotations

SOURCE_KINDS = ("document", "reference", "dataset", "link")
PROJECT_STATUSES = ("ongoing", "completed", "planned", "suspended", "cancelled")
PARTNER_ROLES = (
    "implementing_partner",
    "national_counterpart",
    "steering_committee",
    "technical_partner",
    "international_partner",
    # IATI participating-org roles beyond implementing
    "funder",
    "accountable",
    "extending",
)
PARTNER_TYPES = ("government", "un", "academic", "international", "ngo", "private", "other")
QUALIFIERS = ("exact", "lower_bound")
# Levels of a place: the whole country, a division (GB/T 2260), below a county, or outside China.
ADMIN_LEVELS = ("country", "province", "prefecture", "county", "locality", "abroad")
REACH_MEASURES = ("participants", "countries")
REACH_UNITS = ("people", "countries")
DATE_QUALIFIERS = ("on", "by", "from")
MILESTONE_STATUSES = ("achieved", "planned")
SCOPES = ("national", "provincial", "international")
FUNDER_TYPES = ("undp", "government", "other", "not_reported")
ROLES = ("pilot_province", "project_location", "field_study", "case_study", "training_of_trainers")
MILESTONE_KINDS = (
    "policy_uptake",
    "study",
    "governance",
    "review",
    "event",
    "partnership",
    "expansion",
    "training",
)
THEMES = (
    "leadership_training",
    "xiaokang_mdgs",
    "statistics_indicators",
    "rural_development",
    "climate_environment",
    "public_sector_reform",
    "poverty_reduction",
    "south_south_cooperation",
    # Further themes of UNDP's published portfolio (from IATI sectors)
    "governance",
    "energy",
    "disaster_risk",
    "social_protection",
    "development_finance",
    "unspecified",
)
# IATI: budget type and status, transaction types, result types (the codes UNDP uses, and the rest of each list).
BUDGET_TYPES = ("original", "revised")
BUDGET_STATUSES = ("indicative", "committed")
TRANSACTION_KINDS = (
    "incoming_funds",
    "outgoing_commitment",
    "disbursement",
    "expenditure",
    "interest_payment",
    "loan_repayment",
    "reimbursement",
    "purchase_of_equity",
    "sale_of_equity",
    "credit_guarantee",
    "incoming_commitment",
    "outgoing_pledge",
    "incoming_pledge",
)
RESULT_KINDS = ("output", "outcome", "impact", "other")
# What a results indicator counts (results.measure): the mission's two core measures, or neither.
RESULT_MEASURES = ("people_reached", "policy_uptake", "other")
# Kinds of funder across the portfolio, from IATI's organisation types and the documents.
FUNDER_KINDS = ("government", "undp", "multilateral", "bilateral", "private", "other")
# IATI's OrganisationType code list: 10 government, 11 local government, 15 other public
# sector, 21-24 NGOs, 30 public-private partnership, 40 multilateral, 60 foundation, 70-73
# private sector, 80 academic, 90 other.
IATI_ORGANISATION_TYPES = ("10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90")
