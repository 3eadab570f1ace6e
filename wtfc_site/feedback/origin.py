"""Website addresses: the origin of a URL, allowed origins and safe redirect targets."""

from __future__ import annotations

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
