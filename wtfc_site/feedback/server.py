"""Serving the receiver with waitress on a host and port, behind the connection guards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import waitress

from .connections import ConnectionSettings, Crowds, guarded_channel_class, log_to_stderr
from .receiver import FeedbackApp


def serve(
    app: FeedbackApp,
    host: str,
    port: int,
    *,
    connections: ConnectionSettings = ConnectionSettings(),
    threads: int = 8,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve ``app`` with waitress until stopped (Ctrl+C); port 0 picks a free port."""
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        ident="",  # no Server header: do not advertise the software
        # The app applies its own trusted_proxy rule, so waitress must pass
        # X-Forwarded-For through rather than strip it.
        clear_untrusted_proxy_headers=False,
        # A body over the limit is refused as soon as its Content-Length is
        # read, with the receiver's own "too big" page (see connections).
        max_request_body_size=app.limits.request_bytes,
        # Our form's headers are small; 16 KiB is far more than a browser sends.
        max_request_header_size=16 * 1024,
        **connections.waitress_options(),
    )
    crowds = Crowds(connections.per_address, exempt=app.trusted_proxy)
    channel_class = guarded_channel_class(connections, crowds, app.policy, log_to_stderr, app.pages)
    for each in _listeners(server):
        each.channel_class = channel_class
    # A host name with several addresses gives a server without one port.
    bound_host = getattr(server, "effective_host", host)
    bound_port = getattr(server, "effective_port", port)
    listening = f"http://{_url_host(bound_host)}:{bound_port}{app.path}"
    (announce or _print_flush)(f"Feedback receiver is running at {listening}")
    try:
        server.run()
    finally:
        server.close()


def _listeners(server: Any) -> list[Any]:
    """Return waitress's listening servers: one, or one per address of a host name."""
    if hasattr(server, "channel_class"):
        return [server]
    return [each for each in getattr(server, "map", {}).values() if hasattr(each, "channel_class")]


def _url_host(host: str | object) -> str:
    """Return a host ready for a URL (IPv6 in brackets)."""
    text = str(host)
    return f"[{text}]" if ":" in text else text


def _print_flush(text: str) -> None:
    """Print a line at once, so a program waiting for it sees it."""
    print(text, flush=True)
