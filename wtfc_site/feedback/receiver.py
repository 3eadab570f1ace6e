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
import math
import secrets
import sys
import time
import traceback
from datetime import datetime
from http import HTTPStatus
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from .form import (
    KIND,
    KIND_PAGE_CHECK,
    PAGE,
    FieldLimits,
    honeypot_filled,
    render_form_page,
    validate_submission,
)
from .limits import RateLimiter, client_address, limit_group, normalise_address
from .origin import add_query, check_origin, check_redirect_url, origin_of
from .request import is_form_content_type, parse_form, read_body
from .responses import Response, security_headers, content_security_policy, error_response, html_page
from .database import open_store
from .store import FeedbackStore, utc_now

StartResponse = Callable[..., object]
WSGIApp = Callable[[dict, StartResponse], Iterable[bytes]]
FormRenderer = Callable[[Mapping[str, str], Mapping[str, str]], str]

DEFAULT_RATE_LIMIT = 10


class FeedbackApp:
    """The WSGI app that takes feedback form posts. Make it with ``make_app``."""

    def __init__(
        self,
        store: FeedbackStore,
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
        self.store = store
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
            *security_headers(self.policy),
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
        self.store.add(values, self._now())
        return self._thanks(values[KIND])

    def _thanks(self, kind: str) -> Response:
        """Return a 303 See Other to the right thank-you page."""
        url = self.page_check_thanks_url if kind.strip().lower() == KIND_PAGE_CHECK else self.thanks_url
        body = html_page("Thank you", f'<p><a href="{html.escape(url)}">Continue</a></p>')
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
    db: str | Path | FeedbackStore,
    *,
    thanks_url: str,
    allowed_origins: Sequence[str],
    rate_limit: int = DEFAULT_RATE_LIMIT,
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
    store = open_store(db, create=True) if isinstance(db, (str, Path)) else db
    return FeedbackApp(
        store,
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


def _log_exception(environ: Mapping[str, object]) -> None:
    """Write the current exception to the server's error stream, never to the person."""
    stream = environ.get("wsgi.errors") or sys.stderr
    text = "feedback receiver: unexpected error\n" + traceback.format_exc()
    stream.write(text)  # type: ignore[union-attr]
    stream.flush()  # type: ignore[union-attr]
