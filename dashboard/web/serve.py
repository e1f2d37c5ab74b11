"""Serving the app on a closed network: `python -m dashboard serve [--address A] [--port P]`.

Streamlit asks an outside service for the machine's public address when it starts on a
wildcard address (0.0.0.0) and again whenever a WebSocket arrives from another origin, and
finds its own LAN address by pointing a socket at 8.8.8.8. On an intranet those are requests
that leave the building (or hang until they time out); here both answers are "none", so a
same-origin browser (the only kind the app needs) connects and nothing else is asked.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

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


def keep_config_fixed() -> None:
    """No polling of the config files every 200 ms: a served app takes a changed
    `.streamlit/config.toml` at its next start (under load the polling cost 7 % of the CPU)."""
    from streamlit.web import bootstrap

    bootstrap.watch_file = lambda *args, **kwargs: None


def run_streamlit(options: list[str]) -> None:
    """`streamlit run` the app with `options` (`--server.port 8502` ...), network closed,
    shared caches kept and the config fixed first."""
    close_network()
    keep_shared_caches()
    keep_config_fixed()
    # Read the data and work out the default view while the server starts, not when the
    # first visitor arrives (the pages run in this same process and share the result).
    from dashboard.web.data import current_data

    threading.Thread(target=current_data, name="read-data", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP_SCRIPT), *options]
    cli.main()


NGINX = "/usr/sbin/nginx"


def nginx_config(address: str, port: int, backends: list[int], prefix: Path) -> str:
    """nginx in front of the app processes: WebSockets passed through, each browser kept on
    one process by a cookie (its session, and files it downloads, live there), everything
    else in `prefix`."""
    servers = "".join(f"    server 127.0.0.1:{p};\n" for p in backends)
    return f"""worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  client_body_temp_path {prefix}/body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  log_format combined_upstream '$remote_addr [$time_local] "$request" $status $body_bytes_sent upstream=$upstream_addr';
  access_log {prefix}/access.log combined_upstream;
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  # A browser's first request picks a process at random; the cookie keeps it there.
  map $cookie_dashboard_route $route {{ "" $request_id; default $cookie_dashboard_route; }}
  upstream dashboard {{
    hash $route consistent;
{servers}  }}
  server {{
    listen {address}:{port};
    client_max_body_size 50m;
    location / {{
      proxy_pass http://dashboard;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $http_host;
      proxy_read_timeout 1d;
      proxy_buffering off;
      add_header Set-Cookie "dashboard_route=$route; Path=/; HttpOnly; SameSite=Lax" always;
    }}
  }}
}}
"""


def wait_until_healthy(port: int, process: subprocess.Popen, timeout: float = 90) -> None:
    """Until the app (or nginx in front of it) on `port` answers the health check."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the app process for port {port} stopped")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the app process for port {port} did not start")


def serve_several(processes: int, address: str, port: int, prefix: Path) -> int:
    """`processes` app processes on the ports after `port` (loopback only), nginx on
    `address:port` in front of them; stops them all on Ctrl-C or SIGTERM."""
    if not Path(NGINX).exists():
        raise SystemExit(f"{NGINX} is missing: install Debian's nginx (the test command does: make test)")
    prefix.mkdir(parents=True, exist_ok=True)
    backends = [port + 1 + i for i in range(processes)]
    children = [subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--address", "127.0.0.1", "--port", str(p)]) for p in backends]
    stop = lambda *_: [c.terminate() for c in children]  # noqa: E731
    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    try:
        for p, child in zip(backends, children):
            wait_until_healthy(p, child)
        conf = prefix / "nginx.conf"
        conf.write_text(nginx_config(address, port, backends, prefix))
        nginx = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"])
        children.append(nginx)
        wait_until_healthy(port, nginx)
        print(f"\n  The dashboard: http://{'localhost' if address in ('127.0.0.1', 'localhost') else address}:{port}"
              f" (nginx, {processes} app processes on ports {backends[0]}-{backends[-1]})\n", flush=True)
        while all(c.poll() is None for c in children):
            time.sleep(1)
        return 1  # a process stopped on its own
    except KeyboardInterrupt:
        return 0
    finally:
        stop()
        for c in children:
            try:
                c.wait(10)
            except subprocess.TimeoutExpired:
                c.kill()
