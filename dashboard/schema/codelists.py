"""Allowed values of the coded columns.

Their English and Chinese labels live in the string table (`present/i18n.py`) under the
same names (`role.pilot_province`, `kind.policy_uptake`, ...); a test keeps both in step.
"""

from __future__ import annotations

SOURCE_KINDS = ("document", "reference")
PROJECT_STATUSES = ("ongoing", "completed", "planned")
PARTNER_ROLES = ("implementing_partner", "national_counterpart", "steering_committee", "technical_partner", "international_partner")
PARTNER_TYPES = ("government", "un", "academic", "international", "other")
QUALIFIERS = ("exact", "lower_bound")
ADMIN_LEVELS = ("province", "city")
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
)
