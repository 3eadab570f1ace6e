"""Serving the receiver with waitress on a host and port."""

from __future__ import annotations

from typing import Callable

from .form import FieldLimits
from .receiver import FeedbackApp, WSGIApp


def serve(
    app: FeedbackApp | WSGIApp,
    host: str,
    port: int,
    *,
    threads: int = 8,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve ``app`` with waitress until stopped (Ctrl+C); port 0 picks a free port."""
    import waitress  # only the server needs it; tests of the app do not

    limits = getattr(app, "limits", FieldLimits())
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        ident="",  # no Server header: do not advertise the software
        # The app applies its own trusted_proxy rule, so waitress must pass
        # X-Forwarded-For through rather than strip it.
        clear_untrusted_proxy_headers=False,
        # The app refuses big bodies with a friendly 413; waitress stops
        # enormous ones before they fill memory or disk.
        max_request_body_size=max(4 * limits.request_bytes, 1024 * 1024),
    )
    # A host name with several addresses gives a server without one port.
    bound_host = getattr(server, "effective_host", host)
    bound_port = getattr(server, "effective_port", port)
    listening = f"http://{_url_host(bound_host)}:{bound_port}{getattr(app, 'path', '/')}"
    (announce or _print_flush)(f"Feedback receiver is running at {listening}")
    try:
        server.run()
    finally:
        server.close()



def _url_host(host: str | object) -> str:
    """Return a host ready for a URL (IPv6 in brackets)."""
    text = str(host)
    return f"[{text}]" if ":" in text else text



def _print_flush(text: str) -> None:
    """Print a line at once, so a program waiting for it sees it."""
    print(text, flush=True)
