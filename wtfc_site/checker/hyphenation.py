"""Where a word can be split, from pyphen's hyphenation dictionaries, loaded in milliseconds.

The syllable count (``text.syllables``) uses pyphen's dictionaries (the
LibreOffice hyphenation patterns). Importing pyphen and parsing its English
dictionary takes about 170 ms, most of ``check --text``'s budget for a short
file. So the first run parses the dictionary with pyphen and keeps the parsed
patterns in the user's cache folder (``$XDG_CACHE_HOME/wtfc-site``, never in
the site folder); later runs read that file (about 10 ms) and split words
with our own implementation of Liang's method, which pyphen uses too. The
cache file's name holds a hash of the dictionary (``usercache.kept_between_runs``),
so a new pyphen version makes a new one. If the cache folder cannot be written, pyphen's
own parse is used every time.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from ..usercache import kept_between_runs

Patterns = tuple[dict[str, tuple[int, tuple[int, ...]]], int]
"""pattern letters -> (offset, split values), and the longest pattern's length."""

LEFT = RIGHT = 2
"""Fewest letters before the first and after the last split (pyphen's defaults)."""


def _dictionary(lang: str) -> Path | None:
    """Return pyphen's hyph_<lang>.dic without importing pyphen (None when there is none)."""
    spec = importlib.util.find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / f"hyph_{lang}.dic"
    return path if path.exists() else None


def _parse_with_pyphen(lang: str) -> Patterns:
    import pyphen

    hd = pyphen.Pyphen(lang=lang).hd
    patterns = {key: (offset, tuple(int(v) for v in values)) for key, (offset, values) in hd.patterns.items()}
    return patterns, hd.maxlen


@functools.lru_cache(maxsize=4)
def patterns(lang: str) -> Patterns:
    """Return the parsed patterns for ``lang``, from the cache file when it is there."""
    dictionary = _dictionary(lang)
    if dictionary is None:
        return _parse_with_pyphen(lang)  # pyphen finds a close language itself, or says why not
    return kept_between_runs(f"hyphenation-{lang}", [dictionary], lambda: _parse_with_pyphen(lang))


def split_points(word: str, lang: str = "en_US") -> list[int]:
    """Return the places a lower-case word can be split, as pyphen.Pyphen(lang).positions gives them.

    Liang's method: every pattern found inside ".word." votes a number at
    each gap between letters; the highest vote wins, and odd numbers mark a
    place to split. No split within ``LEFT`` letters of the start or
    ``RIGHT`` letters of the end.
    """
    table, longest = patterns(lang)
    marked = f".{word}."
    votes = [0] * (len(marked) + 1)
    for start in range(len(marked) - 1):
        for end in range(start + 1, min(start + longest, len(marked)) + 1):
            found = table.get(marked[start:end])
            if found is None:
                continue
            offset, values = found
            for k, value in enumerate(values):
                at = start + offset + k
                if value > votes[at]:
                    votes[at] = value
    return [i - 1 for i, vote in enumerate(votes) if vote % 2 and LEFT <= i - 1 <= len(word) - RIGHT]
