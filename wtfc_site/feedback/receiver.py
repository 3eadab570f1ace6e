"""The feedback receiver: a small WSGI app that the static site's form posts to.

It is a plain WSGI callable (no framework: one path, one method, and every
answer is a few lines of HTML), served by ``waitress`` in ``server``, whose
connection guards (``connections``) stop slow and idle clients first.

What it answers, in the order it checks:

====  ==========================================================  ===========
Code  When                                                        Stored?
====  ==========================================================  ===========
404   any path other than the receiver's one (``/feedback``)      no
405   that path with any method but POST (``Allow: POST``)        no
415   body is not ``application/x-www-form-urlencoded``           no
411   no ``Content-Length``                                       no
413   body bigger than ``limits.request_bytes``                   no
400   body is not a form we can read (plain text page)            no
403   sent from another website (see below)                       no
303   honeypot filled in: looks like success, to ``thanks_url``   no
400   a field needs fixing: the form again, with errors           no
429   ``rate_limit`` posts from this address kept in the last     no
      hour: the form again, words kept, "please wait a minute"
303   success: stored and committed, then to ``thanks_url``       yes (once)
500   anything unexpected (logged to stderr, never shown)         no
====  ==========================================================  ===========

Every refusal is logged to standard error with its reason, never with the
person's words or address.

Choices worth knowing:

* **Origin.** A post whose ``Origin`` (or, without one, ``Referer``) names
  an allowed website or the receiver's own address is taken. ``Origin:
  null`` is what browsers send both from the receiver's own form page (its
  answers say ``Referrer-Policy: no-referrer``) and from another website's
  page that hides where it is, so it is taken only with a valid resend
  token, which the receiver signs into every form page it shows (see
  ``origin.ResendTokens``). A post with neither header is taken: browsers
  always send ``Origin`` with a form post, but some privacy tools strip
  both. This stops other websites' pages from posting here; it is not a
  defence against scripts, which can send any header.
* A filled honeypot gets the same 303 as a real submission, so a bot
  learns nothing, and nothing is stored.
* **Rate limit.** Only stored posts count: ``rate_limit`` (default 60) an
  hour per address, enough for a self-advocacy group filling the form
  together on one wifi. Mistakes never count. A post over the limit comes
  back on the form page with the person's words kept.
* Nothing about the address is stored or logged (see ``limits``).
* A page-check answer ("Was this page easy to understand?") goes to
  ``page_check_thanks_url``; by default that is ``thanks_url`` with
  ``?page-check=1`` added.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urljoin

from .database import open_store
from .form import (
    KIND,
    KIND_PAGE_CHECK,
    PAGE,
    RESEND,
    FieldLimits,
    honeypot_filled,
    render_form_page,
    validate_submission,
)
from .limits import RateLimiter, client_address, limit_group, normalise_address
from .origin import ResendTokens, add_query, check_origin, check_redirect_url, origin_of
from .request import is_form_content_type, parse_form, read_body
from .responses import (
    MessagePages,
    Response,
    content_security_policy,
    default_message_pages,
    error_response,
    security_headers,
)
from .store import FeedbackStore, utc_now

StartResponse = Callable[..., object]
WSGIApp = Callable[[dict, StartResponse], Iterable[bytes]]
FormRenderer = Callable[[Mapping[str, str], Mapping[str, str], str], str]
"""Renders the form page from (values, errors by field, resend token)."""

DEFAULT_RATE_LIMIT = 60
"""Stored posts an hour from one address: a group session on one wifi fits."""

WAIT = "wait"
"""The error key for "too many messages": not a field, so it has no field to link to."""

WAIT_TEXT = ("We have had a lot of messages from your place in a short time. "
             "Your words are still here. Please wait a minute, then press Send again.")

LOCAL_TESTING_HINT = ("If you are trying the form on your own computer, start the receiver with "
                      "--allowed-origin {origin} (the README says more: 'Try the form on your own computer').")


@dataclass(frozen=True)
class Destinations:
    """Where people are sent, and which websites may send the form."""

    thanks_url: str
    page_check_thanks_url: str
    allowed_origins: frozenset[str]
    asset_origins: tuple[str, ...] = ()


class FeedbackApp:
    """The WSGI app that takes feedback form posts. Make it with ``make_app``."""

    def __init__(
        self,
        store: FeedbackStore,
        destinations: Destinations,
        *,
        limiter: RateLimiter,
        trusted_proxy: str | None,
        limits: FieldLimits,
        form_renderer: FormRenderer | None,
        path: str,
        now: Callable[[], datetime],
        tokens: ResendTokens,
        pages: MessagePages,
    ):
        self.store = store
        self.pages = pages
        self.to = destinations
        redirect_origins = [origin_of(url) or "" for url in (destinations.thanks_url,
                                                             destinations.page_check_thanks_url)]
        self.policy = content_security_policy(destinations.asset_origins, [o for o in redirect_origins if o])
        self.limiter = limiter
        self.trusted_proxy = trusted_proxy
        self.limits = limits
        self.form_renderer = form_renderer
        self.path = path
        self.tokens = tokens
        self._now = now
        # A fresh random key per process: the hashes mean nothing outside it.
        self._address_key = secrets.token_bytes(32)

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        """Answer one request; never let an exception reach the person."""
        try:
            response = self._handle(environ)
        except Exception:  # noqa: BLE001 - the last line of defence; logged below
            _log_exception(environ)
            response = error_response(500, self.pages)
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
            return _refuse(environ, error_response(404, self.pages), "no such page")
        if environ.get("REQUEST_METHOD", "") != "POST":
            return _refuse(environ, error_response(405, self.pages, (("Allow", "POST"),)), "not a POST")
        if not is_form_content_type(environ.get("CONTENT_TYPE", "")):
            return _refuse(environ, error_response(415, self.pages), "not a form (wrong Content-Type)")
        body = read_body(environ, self.limits.request_bytes, self.pages)
        if isinstance(body, Response):
            return _refuse(environ, body, "no length, too big, or cut short")
        fields = parse_form(body)
        if fields is None:
            return _refuse(environ, error_response(400, self.pages), "a form we cannot read")
        group = limit_group(client_address(environ, self.trusted_proxy))
        refusal = self._origin_refusal(environ, fields, group)
        if refusal:
            return _refuse(environ, error_response(403, self.pages), refusal)
        return self._take(fields, environ, group)

    def _take(self, fields: Mapping[str, str], environ: dict, group: str) -> Response:
        """Check the fields, then store them or show the form again."""
        if honeypot_filled(fields):
            return _refuse(environ, self._thanks(fields.get(KIND, "")), "the hidden field was filled in (a bot); "
                           "answered as if kept")
        values, errors = validate_submission(fields, self.limits)
        if errors:
            page = self._render_form(values, errors, environ, group)
            return _refuse(environ, Response(400, page.encode("utf-8")),
                           "needs fixing: " + ", ".join(sorted(errors)) + "; the form was shown again")
        key = self._rate_key(group)
        wait = self.limiter.hit(key)
        if wait > 0:
            page = self._render_form(values, {WAIT: WAIT_TEXT}, environ, group)
            retry = (("Retry-After", str(max(1, math.ceil(wait)))),)
            return _refuse(environ, Response(429, page.encode("utf-8"), retry),
                           f"{self.limiter.limit} messages kept from one address in the last hour "
                           "(--rate-limit); the form was shown again with the words kept")
        try:
            # Stored and committed before the 303 is sent: "thank you" means kept.
            self.store.add(values, self._now())
        except BaseException:
            self.limiter.give_back(key)
            raise
        return self._thanks(values[KIND])

    def _thanks(self, kind: str) -> Response:
        """Return a 303 See Other to the right thank-you page."""
        url = self.to.page_check_thanks_url if kind.strip().lower() == KIND_PAGE_CHECK else self.to.thanks_url
        try:
            body = self.pages.continue_to(url)  # rendered at start (make_app), so this is only a look-up
        except Exception:  # noqa: BLE001 - the words may be stored already: never answer "not saved"
            _log_exception({})
            body = b""  # the redirect alone still takes the person to the thank-you page
        return Response(303, body, (("Location", url),))

    def _render_form(self, values: Mapping[str, str], errors: Mapping[str, str], environ: dict,
                     group: str) -> str:
        """Return the form page, from the site's renderer or the fallback one, with a resend token."""
        token = self.tokens.make(group)
        if self.form_renderer is not None:
            return self.form_renderer(values, errors, token)
        action = environ.get("SCRIPT_NAME", "") + self.path
        page = values.get(PAGE, "")
        # The page link must lead back to the site, not to the receiver's own address.
        return render_form_page(values, errors, action=action, page=page,
                                page_link=urljoin(self.to.thanks_url, page) if page else "", resend_token=token)

    def _origin_refusal(self, environ: dict, fields: Mapping[str, str], group: str) -> str:
        """Return why the post looks sent from another website, or "" when it may be taken."""
        claimed = environ.get("HTTP_ORIGIN", "").strip()
        if claimed == "null":
            if self.tokens.valid(fields.get(RESEND, ""), group):
                return ""
            return ("sent from a page that hides its website (Origin: null), without a valid resend token "
                    "from the receiver's own form page")
        header = "Origin"
        if not claimed:
            header, claimed = "Referer", environ.get("HTTP_REFERER", "").strip()
            if not claimed:
                return ""
        origin = origin_of(claimed)
        if origin is None:
            return f"sent from another website ({header} is not a website address)"
        if origin in self.to.allowed_origins:
            return ""
        # The receiver's own form page posts back to itself.
        own_host = environ.get("HTTP_HOST", "").strip().lower()
        if own_host and origin.split("://", 1)[1] == own_host:
            return ""
        shown = _printable(origin)
        return (f"sent from another website: {header} {shown} is not an allowed origin. "
                + LOCAL_TESTING_HINT.format(origin=shown))

    def _rate_key(self, group: str) -> bytes:
        """Return a keyed hash of the client's address group (never the address itself)."""
        return hashlib.blake2b(group.encode("utf-8"), key=self._address_key, digest_size=16).digest()


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
    message_pages: MessagePages | None = None,
) -> FeedbackApp:
    """Return the feedback WSGI app, with its database ready to take submissions.

    Raises ValueError, in plain English, for a setting that cannot work.
    """
    if not path.startswith("/") or (path.endswith("/") and path != "/"):
        raise ValueError(f"The receiver's path must start with / and not end with /, not {path!r}.")
    if isinstance(rate_limit, bool) or not isinstance(rate_limit, int) or rate_limit < 0:
        raise ValueError(f"The rate limit must be 0 (off) or a whole number above 0, not {rate_limit!r}.")
    thanks = check_redirect_url(thanks_url)
    destinations = Destinations(
        thanks_url=thanks,
        page_check_thanks_url=check_redirect_url(page_check_thanks_url or add_query(thanks, "page-check=1")),
        allowed_origins=frozenset(check_origin(origin) for origin in allowed_origins),
        asset_origins=tuple(check_origin(origin) for origin in asset_origins),
    )
    pages = message_pages or default_message_pages()
    # The Continue pages too, not only the refusals: a layout broken only where it writes the link would
    # otherwise let the receiver start, then fail on every message it had just stored.
    pages.continue_to(destinations.thanks_url)
    pages.continue_to(destinations.page_check_thanks_url)
    store = open_store(db, create=True) if isinstance(db, (str, Path)) else db
    return FeedbackApp(
        store,
        destinations,
        limiter=RateLimiter(rate_limit, clock=clock),
        trusted_proxy=normalise_address(trusted_proxy) if trusted_proxy else None,
        limits=limits,
        form_renderer=form_renderer,
        path=path,
        now=now,
        tokens=ResendTokens(store.secret()),
        pages=pages,
    )


def _refuse(environ: Mapping[str, object], response: Response, reason: str) -> Response:
    """Log why a request was not stored (never the person's words or address); return the answer."""
    method = str(environ.get("REQUEST_METHOD", ""))[:10]
    _log(environ, f"refused a {_printable(method) or 'request'} ({response.status}): {reason}")
    return response


def _log(environ: Mapping[str, object], text: str) -> None:
    """Write one line to the server's error stream (standard error under waitress)."""
    stream = environ.get("wsgi.errors") or sys.stderr
    stream.write(f"feedback receiver: {text}\n")  # type: ignore[union-attr]
    stream.flush()  # type: ignore[union-attr]


def _log_exception(environ: Mapping[str, object]) -> None:
    """Write the current exception to the server's error stream, never to the person."""
    _log(environ, "unexpected error\n" + traceback.format_exc())


def _printable(text: str) -> str:
    """Return header text safe for a one-line log entry: printable ASCII, 100 letters at most."""
    return "".join(char for char in text if " " <= char <= "~")[:100]
