"""The feedback receiver: a small WSGI app that the static site's form posts to.

It is a plain WSGI callable (no framework: one path, one method, and every
answer is a few lines of HTML), served by ``waitress`` in ``serve``.

What it answers, in the order it checks:

====  ==========================================================  ===========
Code  When                                                        Stored?
====  ==========================================================  ===========
404   any path other than the receiver's one (``/feedback``)      no
405   that path with any method but POST (``Allow: POST``)        no
403   ``Origin`` (or else ``Referer``) names another website      no
429   more than ``rate_limit`` posts from one address in a minute no
415   body is not ``application/x-www-form-urlencoded``           no
411   no ``Content-Length``                                       no
413   body bigger than ``limits.request_bytes``                   no
400   body is not a form we can read (plain text page)            no
303   honeypot filled in: looks like success, to ``thanks_url``   no
400   a field needs fixing: the form again, with errors           no
303   success: stored and committed, then to ``thanks_url``       yes (once)
500   anything unexpected (logged to stderr, never shown)         no
====  ==========================================================  ===========

Choices worth knowing:

* No ``Origin`` and no ``Referer`` is accepted: browsers without JavaScript
  and privacy tools may send neither. ``Origin: null`` counts as no header,
  because browsers send "null" when the site's Referrer-Policy is
  no-referrer. The receiver's own address is always allowed, so the form it
  shows again can be sent again. This check stops other websites' pages
  from posting here; it is not a defence against scripts, which can send
  any header.
* A filled honeypot gets the same 303 as a real submission, so a bot
  learns nothing, and nothing is stored.
* Every POST that passes the origin check counts towards the rate limit,
  even ones with mistakes, so a flood costs no disk writes. The default of
  10 a minute leaves room for a person to fix a few mistakes.
* Nothing about the address is stored or logged. The rate limiter keeps a
  keyed hash of it (the key is random and lives only in this process) for
  one minute. IPv6 addresses count per /64 network, because one home gets
  a whole /64. ``X-Forwarded-For`` is used only when the request comes from
  ``trusted_proxy``, and then only its last (right-most) address: the one
  that proxy added itself.
* A page-check answer ("Was this page easy to understand?") goes to
  ``page_check_thanks_url``; by default that is ``thanks_url`` with
  ``?page-check=1`` added.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import math
import secrets
import sys
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from .feedback_form import (
    FIELD_NAMES,
    KIND,
    KIND_PAGE_CHECK,
    PAGE,
    FieldLimits,
    honeypot_filled,
    render_form_page,
    validate_submission,
)
from .feedback_store import add_submission, initialise, utc_now

StartResponse = Callable[..., object]
WSGIApp = Callable[[dict, StartResponse], Iterable[bytes]]
FormRenderer = Callable[[Mapping[str, str], Mapping[str, str]], str]

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

# Our form has 7 fields; a body with many more is not from it.
MAX_FIELDS = 50

def content_security_policy(asset_origins: Sequence[str] = ()) -> str:
    """Return the policy: no scripts ever; styles and pictures only from the site itself.

    The form page shown again after a mistake is the site's own page, so its
    style sheet and pictures come from the site's web address (``asset_origins``),
    and sending it again ends on the site's thank-you page (form-action covers that redirect).
    """
    sources = " ".join(asset_origins)
    images = sources or "'none'"
    return (f"default-src 'none'; style-src 'unsafe-inline' {sources}".rstrip()
            + f"; img-src {images}; base-uri 'none'; frame-ancestors 'none'; form-action 'self' {sources}".rstrip())


SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    # Pages can hold a person's words: no cache should keep them.
    ("Cache-Control", "no-store"),
)

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


class RateLimiter:
    """Allow at most ``limit`` hits per key in any ``window`` seconds (sliding window).

    Thread-safe. A limit of 0 lets everything through. Keys not seen for a
    whole window are forgotten, so memory stays small.
    """

    def __init__(self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[bytes, deque[float]] = {}
        self._lock = threading.Lock()
        self._next_sweep = clock() + window

    def hit(self, key: bytes) -> float:
        """Record a hit for ``key``; return 0 when allowed, else seconds to wait."""
        if self.limit == 0:
            return 0.0
        now = self._clock()
        with self._lock:
            self._sweep(now)
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return hits[0] + self.window - now
            hits.append(now)
            return 0.0

    def _sweep(self, now: float) -> None:
        """Forget keys with no hit in the last window (at most once a window)."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.window
        stale = [key for key, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]
        for key in stale:
            del self._hits[key]


class FeedbackApp:
    """The WSGI app that takes feedback form posts. Make it with ``make_app``."""

    def __init__(
        self,
        db_path: Path,
        *,
        redirects: tuple[str, str],
        allowed_origins: frozenset[str],
        limiter: RateLimiter,
        trusted_proxy: str | None,
        limits: FieldLimits,
        form_renderer: FormRenderer | None,
        path: str,
        now: Callable[[], datetime],
        asset_origins: Sequence[str] = (),
    ):
        self.db_path = db_path
        self.policy = content_security_policy(asset_origins)
        self.thanks_url, self.page_check_thanks_url = redirects
        self.allowed_origins = allowed_origins
        self.limiter = limiter
        self.trusted_proxy = trusted_proxy
        self.limits = limits
        self.form_renderer = form_renderer
        self.path = path
        self._now = now
        # A fresh random key per process: the hashes mean nothing outside it.
        self._address_key = secrets.token_bytes(32)

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        """Answer one request; never let an exception reach the person."""
        try:
            response = self._handle(environ)
        except Exception:  # noqa: BLE001 - the last line of defence; logged below
            _log_exception(environ)
            response = error_response(500)
        phrase = HTTPStatus(response.status).phrase
        headers = [
            ("Content-Type", response.content_type),
            ("Content-Length", str(len(response.body))),
            ("Content-Security-Policy", self.policy),
            *SECURITY_HEADERS,
            *response.headers,
        ]
        start_response(f"{response.status} {phrase}", headers)
        return [response.body]

    def _handle(self, environ: dict) -> Response:
        """Run the checks in the order of the module's table; return the reply."""
        if environ.get("PATH_INFO", "") not in (self.path, self.path + "/"):
            return error_response(404)
        if environ.get("REQUEST_METHOD", "") != "POST":
            return error_response(405, (("Allow", "POST"),))
        if not self._origin_allowed(environ):
            return error_response(403)
        wait = self.limiter.hit(self._rate_key(environ))
        if wait > 0:
            return error_response(429, (("Retry-After", str(max(1, math.ceil(wait)))),))
        if not is_form_content_type(environ.get("CONTENT_TYPE", "")):
            return error_response(415)
        body = read_body(environ, self.limits.request_bytes)
        if isinstance(body, Response):
            return body
        fields = parse_form(body)
        if fields is None:
            return error_response(400)
        return self._take(fields, environ)

    def _take(self, fields: Mapping[str, str], environ: dict) -> Response:
        """Check the fields, then store them or show the form again."""
        if honeypot_filled(fields):
            return self._thanks(fields.get(KIND, ""))
        values, errors = validate_submission(fields, self.limits)
        if errors:
            page = self._render_form(values, errors, environ)
            return Response(400, page.encode("utf-8"))
        # Stored and committed before the 303 is sent: "thank you" means kept.
        add_submission(self.db_path, values, now=self._now)
        return self._thanks(values[KIND])

    def _thanks(self, kind: str) -> Response:
        """Return a 303 See Other to the right thank-you page."""
        url = self.page_check_thanks_url if kind.strip().lower() == KIND_PAGE_CHECK else self.thanks_url
        body = _html_page("Thank you", f'<p><a href="{html.escape(url)}">Continue</a></p>')
        return Response(303, body, (("Location", url),))

    def _render_form(self, values: Mapping[str, str], errors: Mapping[str, str], environ: dict) -> str:
        """Return the form page, from the site's renderer or the fallback one."""
        if self.form_renderer is not None:
            return self.form_renderer(values, errors)
        action = environ.get("SCRIPT_NAME", "") + self.path
        return render_form_page(values, errors, action=action, page=values.get(PAGE, ""))

    def _origin_allowed(self, environ: dict) -> bool:
        """Return False only when a header names a website we do not allow."""
        claimed = environ.get("HTTP_ORIGIN", "").strip()
        if claimed in ("", "null"):
            claimed = environ.get("HTTP_REFERER", "").strip()
        if not claimed:
            return True
        origin = origin_of(claimed)
        if origin is None:
            return False
        if origin in self.allowed_origins:
            return True
        # The receiver's own form page posts back to itself.
        own_host = environ.get("HTTP_HOST", "").strip().lower()
        return bool(own_host) and origin.split("://", 1)[1] == own_host

    def _rate_key(self, environ: dict) -> bytes:
        """Return a keyed hash of the client's address (never the address itself)."""
        address = client_address(environ, self.trusted_proxy)
        return hashlib.blake2b(
            limit_group(address).encode("utf-8"), key=self._address_key, digest_size=16
        ).digest()


def make_app(
    db_path: Path,
    *,
    thanks_url: str,
    allowed_origins: Sequence[str],
    rate_limit: int = 10,
    trusted_proxy: str | None = None,
    limits: FieldLimits = FieldLimits(),
    form_renderer: FormRenderer | None = None,
    path: str = "/feedback",
    page_check_thanks_url: str | None = None,
    asset_origins: Sequence[str] = (),
    now: Callable[[], datetime] = utc_now,
    clock: Callable[[], float] = time.monotonic,
) -> FeedbackApp:
    """Return the feedback WSGI app, with its database ready to take submissions.

    Raises ValueError, in plain English, for a setting that cannot work.
    """
    if not path.startswith("/") or (path.endswith("/") and path != "/"):
        raise ValueError(f"The receiver's path must start with / and not end with /, not {path!r}.")
    if isinstance(rate_limit, bool) or not isinstance(rate_limit, int) or rate_limit < 0:
        raise ValueError(f"The rate limit must be 0 (off) or a whole number above 0, not {rate_limit!r}.")
    thanks = check_redirect_url(thanks_url)
    page_check = check_redirect_url(page_check_thanks_url or add_query(thanks, "page-check=1"))
    db_path = Path(db_path)
    initialise(db_path)
    return FeedbackApp(
        db_path,
        redirects=(thanks, page_check),
        allowed_origins=frozenset(check_origin(origin) for origin in allowed_origins),
        limiter=RateLimiter(rate_limit, clock=clock),
        trusted_proxy=normalise_address(trusted_proxy) if trusted_proxy else None,
        limits=limits,
        form_renderer=form_renderer,
        path=path,
        now=now,
        asset_origins=tuple(check_origin(origin) for origin in asset_origins),
    )


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


def error_response(status: int, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """Return a short plain-English HTML page for a refusal or failure."""
    title, text = _ERROR_TEXT[status]
    return Response(status, _html_page(title, f"<p>{html.escape(text)}</p>"), headers)


def is_form_content_type(value: str) -> bool:
    """Return True for ``application/x-www-form-urlencoded`` in UTF-8 (or no charset)."""
    media_type, _, params = value.partition(";")
    if media_type.strip().lower() != FORM_CONTENT_TYPE:
        return False
    for param in params.split(";"):
        name, _, charset = param.strip().partition("=")
        if name.lower() == "charset" and charset.strip().strip('"').lower() not in ("utf-8", "us-ascii"):
            return False
    return True


def read_body(environ: dict, limit: int) -> bytes | Response:
    """Return the request body, or a 411/413/400 reply; checks the length before reading."""
    declared = environ.get("CONTENT_LENGTH", "").strip()
    if not declared:
        return error_response(411)
    if not (declared.isascii() and declared.isdigit()):
        return error_response(400)
    length = int(declared)
    if length > limit:
        return error_response(413)
    stream = environ["wsgi.input"]
    chunks, received = [], 0
    # Never read past the declared length (which is within the limit).
    while received < length:
        chunk = stream.read(length - received)
        if not chunk:
            return error_response(400)
        chunks.append(chunk)
        received += len(chunk)
    return b"".join(chunks)


def parse_form(body: bytes) -> dict[str, str] | None:
    """Return the fields of a URL-encoded form body, or None when it is malformed.

    Malformed: not ASCII, a part without ``=``, bytes that are not UTF-8
    once decoded, too many fields, or one of our fields given twice.
    """
    try:
        text = body.decode("ascii")
    except UnicodeDecodeError:
        return None
    parts = [part for part in text.split("&") if part]
    if len(parts) > MAX_FIELDS:
        return None
    fields: dict[str, str] = {}
    for part in parts:
        raw_name, equals, raw_value = part.partition("=")
        if not equals:
            return None
        try:
            name = unquote_plus(raw_name, encoding="utf-8", errors="strict")
            value = unquote_plus(raw_value, encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            return None
        if name in fields and name in FIELD_NAMES:
            return None
        fields.setdefault(name, value)
    return fields


def client_address(environ: Mapping[str, str], trusted_proxy: str | None) -> str:
    """Return the client's address: REMOTE_ADDR, or the proxy's X-Forwarded-For entry."""
    remote = normalise_address(environ.get("REMOTE_ADDR", ""))
    if trusted_proxy is None or remote != trusted_proxy:
        return remote
    hops = [hop.strip() for hop in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    # The right-most entry is the one our proxy wrote; entries to its left
    # came from the client and could be anything.
    if hops and _is_ip(hops[-1]):
        return normalise_address(hops[-1])
    return remote


def limit_group(address: str) -> str:
    """Return what the rate limit counts by: the IPv4 address, or the IPv6 /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def normalise_address(address: str) -> str:
    """Return an IP address in its standard spelling (other text unchanged)."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return address.strip()


def origin_of(url: str) -> str | None:
    """Return ``scheme://host[:port]`` of an http(s) URL, or None if it has none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    default_port = 443 if scheme == "https" else 80
    return f"{scheme}://{host}" + (f":{port}" if port and port != default_port else "")


def check_origin(origin: str) -> str:
    """Return an allowed origin in standard form, or raise ValueError if it is not one."""
    normal = origin_of(origin)
    if normal is None or urlsplit(origin.strip()).path not in ("", "/"):
        raise ValueError(
            f"{origin!r} is not a website address. Give just the start, for example https://www.example.org"
        )
    return normal


def check_redirect_url(url: str) -> str:
    """Return a thank-you URL if it is a safe redirect, or raise ValueError."""
    text = url.strip()
    is_path = text.startswith("/") and not text.startswith("//")
    if not text or any(char.isspace() or ord(char) < 32 for char in text) or not (is_path or origin_of(text)):
        raise ValueError(
            f"{url!r} is not a web address for the thank-you page. "
            "Use a full address (https://...) or a path starting with /."
        )
    return text


def add_query(url: str, query: str) -> str:
    """Return ``url`` with ``query`` added to any query it already has."""
    parts = urlsplit(url)
    joined = f"{parts.query}&{query}" if parts.query else query
    return urlunsplit(parts._replace(query=joined))


def _is_ip(text: str) -> bool:
    """Return True when ``text`` is an IPv4 or IPv6 address."""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _html_page(title: str, body_html: str) -> bytes:
    """Return a tiny complete HTML page; ``body_html`` must already be escaped."""
    safe_title = html.escape(title)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{safe_title}</title>\n"
        "<style>body{font-family:Arial,Helvetica,sans-serif;font-size:22px;line-height:1.5;"
        "max-width:40em;margin:0 auto;padding:1em}</style>\n"
        f"</head>\n<body>\n<main>\n<h1>{safe_title}</h1>\n{body_html}\n</main>\n</body>\n</html>\n"
    ).encode("utf-8")


def _log_exception(environ: Mapping[str, object]) -> None:
    """Write the current exception to the server's error stream, never to the person."""
    stream = environ.get("wsgi.errors") or sys.stderr
    text = "feedback receiver: unexpected error\n" + traceback.format_exc()
    stream.write(text)  # type: ignore[union-attr]
    stream.flush()  # type: ignore[union-attr]


def _url_host(host: str | object) -> str:
    """Return a host ready for a URL (IPv6 in brackets)."""
    text = str(host)
    return f"[{text}]" if ":" in text else text


def _print_flush(text: str) -> None:
    """Print a line at once, so a program waiting for it sees it."""
    print(text, flush=True)
