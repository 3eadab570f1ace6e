"""This program's folder in the user's cache: work kept between runs, never inside a site.

Parsed hyphenation patterns, the place and first-name lists, and the
cache of 'check' (which must write nothing in the site folder) all live
here, under $XDG_CACHE_HOME/wtfc-site (or ~/.cache/wtfc-site).
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache() -> Path:
    """Return this program's folder in the user's cache (XDG_CACHE_HOME or ~/.cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wtfc-site"
