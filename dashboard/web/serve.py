"""Serving the app on a closed network: `python -m dashboard serve [--address A] [--port P]`.

Streamlit asks an outside service for the machine's public address when it starts on a
wildcard address (0.0.0.0) and again whenever a WebSocket arrives from another origin, and
finds its own LAN address by pointing a socket at 8.8.8.8. On an intranet those are requests
that leave the building (or hang until they time out); here both answers are "none", so a
same-origin browser (the only kind the app needs) connects and nothing else is asked.
"""

from __future__ import annotations

import sys

from dashboard.config import APP_SCRIPT


def close_network() -> None:
    """Stop Streamlit from looking up the machine's public or LAN address."""
    from streamlit import net_util

    net_util.get_external_ip = lambda: None
    net_util.get_internal_ip = lambda: None


def keep_shared_caches() -> None:
    """A visitor's clear-cache message clears only that visitor's session.

    Streamlit would empty every cache of the process for everyone, so one visitor could
    make all the others wait while it is refilled; nothing a viewer does needs that.
    """
    from streamlit.runtime.app_session import AppSession

    AppSession._handle_clear_cache_request = lambda self: self._session_state.clear()


def run_streamlit(options: list[str]) -> None:
    """`streamlit run` the app with `options` (`--server.port 8502` ...), network closed and
    shared caches kept first."""
    close_network()
    keep_shared_caches()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP_SCRIPT), *options]
    cli.main()
