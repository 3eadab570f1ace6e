"""Website addresses: the origin of a URL, allowed origins, safe redirect targets, resend tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit


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


RESEND_LIFETIME_SECONDS = 60 * 60
"""How long the form page the receiver shows may be sent again: time enough to fix a mistake."""


class ResendTokens:
    """Short-lived signed tokens that let the receiver's own form page be sent again.

    Browsers send ``Origin: null`` when they post the form page the receiver
    showed (its answers say ``Referrer-Policy: no-referrer``), and so does a
    page on any other website that hides where it is. The receiver tells the
    two apart with a token it signs into the form page it shows: the time it
    runs out, and an HMAC of that time and the sender's address group, so a
    token fetched by another website's server does not work for its visitors.
    The key is kept in the database, so two receivers sharing one database
    accept each other's tokens.
    """

    def __init__(self, key: bytes, lifetime: float = RESEND_LIFETIME_SECONDS,
                 clock: Callable[[], float] = time.time):
        self._key = key
        self.lifetime = lifetime
        self._clock = clock

    def make(self, group: str) -> str:
        """Return a token for a form page shown to someone in address ``group``."""
        expires = int(self._clock() + self.lifetime)
        return f"{expires}.{self._sign(expires, group)}"

    def valid(self, token: str, group: str) -> bool:
        """Return True for an unexpired token made for this address group."""
        expires_text, _, signature = token.strip().partition(".")
        if not (expires_text.isascii() and expires_text.isdigit()) or len(expires_text) > 12:
            return False
        expires = int(expires_text)
        if expires < self._clock() or expires > self._clock() + self.lifetime + 60:
            return False
        return hmac.compare_digest(signature, self._sign(expires, group))

    def _sign(self, expires: int, group: str) -> str:
        """Return the signature of a time and an address group."""
        digest = hmac.new(self._key, f"resend|{expires}|{group}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:18]).decode("ascii")
