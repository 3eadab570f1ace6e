"""Links that work when the site is opened straight from a disk (file://).

A browser opening files from a disk has no web server: '/minutes/' means the
top of the disk, and a folder does not open its index.html. With --offline
every address inside the site is written relative to the page and names
index.html, so styles, pictures and links all work from the files.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath

_ATTRIBUTE = re.compile(r'(\s(?:href|src|action|poster)=")([^"]*)(")')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)(")')

NOT_RELATIVE = (PurePosixPath("404.html"),)
"""The 'page not found' page is shown at any address, so it keeps addresses from the top."""


def relative_address(address: str, page: PurePosixPath, base_url: str) -> str:
    """Return ``address`` relative to ``page`` if it points inside the site, else unchanged."""
    if not address.startswith(base_url) or address.startswith("//"):
        return address
    rest = address[len(base_url):]
    path, mark, fragment = rest.partition("#")
    path = path.split("?", 1)[0]
    if path == "" or path.endswith("/"):
        path += "index.html"
    relative = posixpath.relpath(path, start=page.parent.as_posix() or ".")
    return relative + mark + fragment


def relative_page(html: str, page: PurePosixPath, base_url: str) -> str:
    """Return the page with every inside address made relative to it."""
    def one(match: re.Match[str]) -> str:
        return match.group(1) + relative_address(match.group(2), page, base_url) + match.group(3)

    def many(match: re.Match[str]) -> str:
        parts = []
        for part in match.group(2).split(","):
            words = part.strip().split(" ", 1)
            words[0] = relative_address(words[0], page, base_url)
            parts.append(" ".join(words))
        return match.group(1) + ", ".join(parts) + match.group(3)
    return _SRCSET.sub(many, _ATTRIBUTE.sub(one, html))


def offline_outputs(outputs, base_url: str) -> dict:
    """Return the outputs with every HTML page's inside addresses made relative."""
    changed = {}
    for path, data in outputs.items():
        if path.suffix == ".html" and isinstance(data, bytes) and path not in NOT_RELATIVE:
            changed[path] = relative_page(data.decode("utf-8"), path, base_url).encode("utf-8")
    return changed
