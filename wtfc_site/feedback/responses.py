"""The receiver's answers: the page for each refusal, and the headers every answer carries."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus


def content_security_policy(asset_origins: Sequence[str] = (), redirect_origins: Sequence[str] = ()) -> str:
    """Return the policy: no scripts ever; styles and pictures only from the site itself.

    The form page shown again after a mistake is the site's own page, so its
    style sheet and pictures come from the site's web address (``asset_origins``).
    Sending it again ends with a redirect to the thank-you page, which browsers
    check against form-action too, so the thank-you page's website
    (``redirect_origins``) must be there, with or without the site's pages.
    """
    sources = " ".join(asset_origins)
    images = sources or "'none'"
    targets = " ".join(dict.fromkeys([*asset_origins, *redirect_origins]))
    return (f"default-src 'none'; style-src 'unsafe-inline' {sources}".rstrip()
            + f"; img-src {images}; base-uri 'none'; frame-ancestors 'none'; form-action 'self' {targets}".rstrip())


SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    # Pages can hold a person's words: no cache should keep them.
    ("Cache-Control", "no-store"),
)


def security_headers(policy: str) -> list[tuple[str, str]]:
    """Return the headers every answer carries, the app's and waitress's own alike."""
    return [("Content-Security-Policy", policy), *SECURITY_HEADERS]

# Title and one or two short sentences for each refusal, in plain English.
_ERROR_TEXT: dict[int, tuple[str, str]] = {
    400: ("We could not read the form", "Please go back to the form and send it again."),
    403: (
        "We could not take this form",
        "It was sent from another website. Please use the form on our website.",
    ),
    404: ("Page not found", "There is nothing here. Please check the web address."),
    405: (
        "Please use the form",
        "This address only takes the feedback form. Please use the form on our website.",
    ),
    411: ("We could not read the form", "Please go back to the form and send it again."),
    413: ("Your message is too big to send", "Please make it shorter and send it again."),
    415: ("We could not read the form", "Please use the form on our website."),
    429: (
        "You have sent a lot of messages",
        "Please wait a minute, then send your message again.",
    ),
    500: (
        "Sorry, something went wrong",
        "Your message was not saved. Please try again later.",
    ),
}


@dataclass(frozen=True)
class Response:
    """One reply: status code, extra headers and the body."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = "text/html; charset=utf-8"



def error_page_for(status: int) -> tuple[str, bytes]:
    """Return the status line and plain page for a code waitress answers itself (400, 413, 431...)."""
    known = status if status in _ERROR_TEXT else 400
    title, text = _ERROR_TEXT[known]
    return f"{status} {HTTPStatus(status).phrase}", html_page(title, f"<p>{html.escape(text)}</p>")


def error_response(status: int, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """Return a short plain-English HTML page for a refusal or failure."""
    title, text = _ERROR_TEXT[status]
    return Response(status, html_page(title, f"<p>{html.escape(text)}</p>"), headers)


def html_page(title: str, body_html: str) -> bytes:
    """Return a tiny complete HTML page; ``body_html`` must already be escaped."""
    safe_title = html.escape(title)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{safe_title}</title>\n"
        "<style>body{font-family:Arial,Helvetica,sans-serif;font-size:22px;line-height:1.5;"
        "max-width:40em;margin:0 auto;padding:1em}</style>\n"
        f"</head>\n<body>\n<main>\n<h1>{safe_title}</h1>\n{body_html}\n</main>\n</body>\n</html>\n"
    ).encode()
