"""This program's folder in the user's cache: work kept between runs, never inside a site.

Parsed hyphenation patterns, the place and first-name lists, the
checker's built-in word lists and wordfreq's merged word file (so that
'check --text' starts fast), and the cache of 'check' (which must write
nothing in the site folder) all live here, under $XDG_CACHE_HOME/wtfc-site
(or ~/.cache/wtfc-site).
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from .hashing import digest

T = TypeVar("T")


def user_cache() -> Path:
    """Return this program's folder in the user's cache (XDG_CACHE_HOME or ~/.cache)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wtfc-site"


def kept_between_runs(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """Return what ``build`` makes from the ``sources`` files, kept in the user's cache between runs.

    The cache file's name holds a hash of each source's path and bytes, so an
    edited source (a data file, or the module that builds from it) makes a
    new one, even when the edit kept its size and time of change (cp -p, tar).
    The sources are small, so reading them costs about a millisecond. Values
    are pickled; a mapping proxy (read-only dict) is kept as one. A missing,
    damaged or unwritable cache just means building again.
    """
    stamp = _sources_hash(sources)
    cache = user_cache() / f"{name}-{sys.version_info[0]}.{sys.version_info[1]}-{stamp}.pickle"
    try:
        with cache.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        pass
    value = build()
    kept = io.BytesIO()
    try:
        _ProxyPickler(kept, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    except (pickle.PicklingError, TypeError):
        return value
    write_atomically(cache, kept.getvalue())
    return value


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` in the user's cache all at once, so another run never reads half a file.

    Return False when it cannot be written (a read-only home): the caller just builds again next time.
    """
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):  # the folder may not exist at all (a file stands in its place)
            temporary.unlink(missing_ok=True)
        return False
    return True


def _sources_hash(sources: Sequence[Path]) -> str:
    """Return a short hex hash of each source's path and bytes."""
    return digest(*(part for path in sources for part in (str(path), path.read_bytes())))


class _ProxyPickler(pickle.Pickler):
    """Pickles a read-only mapping (MappingProxyType, which pickle refuses) as a new proxy of a copy."""

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, MappingProxyType):
            return read_only, (dict(obj),)
        return NotImplemented


def read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """Return a read-only view of ``mapping`` (how a pickled mapping proxy is made again)."""
    return MappingProxyType(mapping)
