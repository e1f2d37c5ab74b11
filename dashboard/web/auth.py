"""Who may do what. Sign-in is Streamlit's own (`st.login`, OpenID Connect against the
office's identity provider, configured in `.streamlit/secrets.toml` under `[auth]`); the
roles come from the same file:

    [roles]
    editors = ["li.wei@undp.org", "@stats.example.org"]   # an entry starting with @ is a whole domain
    admins = ["data.steward@undp.org"]
    viewers_must_sign_in = false

A viewer reads the dashboard (no sign-in unless `viewers_must_sign_in`); an editor also
uploads, publishes and rolls back; an admin is an editor who may also be named elsewhere
for the server's own tasks. Without an identity provider configured nobody signs in, and
editing in the app is off: the data steward works from the shell (`db load`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import streamlit as st

VIEWER, EDITOR, ADMIN = "viewer", "editor", "admin"
SIGN_IN_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


@dataclass(frozen=True)
class Access:
    """The sign-in and role settings, as configured."""

    sign_in: bool  # an identity provider is configured
    viewers_must_sign_in: bool = False
    editors: tuple[str, ...] = ()
    admins: tuple[str, ...] = ()


def access_from(secrets: Mapping) -> Access:
    """The settings in a secrets mapping (`st.secrets`, or a dict in tests)."""
    auth = secrets.get("auth", {}) or {}
    roles = secrets.get("roles", {}) or {}
    configured = all(str(auth.get(key, "")).strip() for key in SIGN_IN_KEYS)
    return Access(configured, bool(roles.get("viewers_must_sign_in", False)) and configured,
                  tuple(str(e).strip().lower() for e in roles.get("editors", ())), tuple(str(e).strip().lower() for e in roles.get("admins", ())))


def _listed(email: str, entries: tuple[str, ...]) -> bool:
    domain = "@" + email.rsplit("@", 1)[-1] if "@" in email else None
    return email in entries or (domain is not None and domain in entries)


def role_of(email: str | None, access: Access) -> str:
    """The role of a signed-in person (None: not signed in): admin, editor or viewer."""
    if not access.sign_in or not email:
        return VIEWER
    email = email.strip().lower()
    if _listed(email, access.admins):
        return ADMIN
    if _listed(email, access.editors):
        return EDITOR
    return VIEWER


def may_edit(role: str) -> bool:
    return role in (EDITOR, ADMIN)


def hidden_pages(role: str, access: Access) -> set[str]:
    """The pages (by address) a person is not offered: editing is for editors only, and so,
    once people sign in with their names, is the History of who changed what."""
    if may_edit(role):
        return set()
    return {"manage"} | ({"history"} if access.sign_in else set())


def current_access() -> Access:
    """The settings of this server."""
    try:
        return access_from(st.secrets.to_dict())
    except FileNotFoundError:  # no secrets file at all: nothing configured
        return Access(False)


def signed_in_email() -> str | None:
    """The signed-in person's e-mail address (None when nobody is signed in)."""
    if not st.user.is_logged_in:
        return None
    return str(st.user.get("email") or st.user.get("sub") or "") or None
