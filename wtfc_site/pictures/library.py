"""The picture library: load the indexes and choose a picture for a point.

Every picture reference in the site goes through ``PictureLibrary``: a
named picture is looked up with ``get``; a point without a name gets one
from ``choose``. A site's own ``easyread_images/index.yaml`` is read after the
default one, so it can add pictures and replace library ones by name.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, SiteError
from ..schema import load_dataclass
from ..sources import load_yaml_file

INDEX_NAME = "index.yaml"
MIN_SCORE = 1.0
"""Below this, no picture is chosen and the checker reports the point instead."""

_WORD_RE = re.compile(r"[a-z0-9£']+(?:-[a-z0-9]+)*")
_STOP_WORDS = frozenset(
    "a an and are as at be been but by can do for from has have he her his i if in is it its "
    "me my no not of on or our she so that the their them they this to us was we were what "
    "when which who will with you your".split())


_NOT_PLURALS = frozenset({"news", "always", "perhaps", "series", "means", "politics", "thanks"})
"""Words ending in s that are not plurals: 'news' must not match 'new'."""


@dataclass(frozen=True, kw_only=True)
class PictureEntry:
    """One picture's line in an index.yaml."""

    file: str
    """The picture file, beside the index."""
    description: str
    """What the picture shows, in a few words."""
    keywords: tuple[str, ...] = ()
    """Words in a sentence that this picture fits."""
    licence: str
    """The picture's licence, e.g. CC0-1.0."""
    author: str
    """Who made it."""
    source: str = ""
    """Where it came from."""
    changed: bool = False
    """yes if we changed someone else's picture."""
    alt: str = ""
    """Words for screen readers when the picture carries information a sentence does not."""


@dataclass(frozen=True)
class Picture:
    """A picture the site can show."""

    name: str
    path: Path
    entry: PictureEntry
    from_site: bool

    @property
    def suffix(self) -> str:
        """Return the file type, e.g. '.svg'."""
        return self.path.suffix.lower()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return a rough stem so 'meetings', 'meeting' and 'meet' can match.

    "-es" is taken off only after s, x, z, ch and sh, so "themes" stays
    "theme" (not the stop word "them") and "notes" stays "note". Words that
    only look plural ("news", "bus", "various", "crisis") are kept whole.
    """
    word = word.lower().strip("'")
    if word in _NOT_PLURALS or word.endswith(("ous", "ss", "us", "is")):
        return word
    if len(word) <= 4:
        return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        return word[:-2]
    for ending in ("ings", "ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class PictureLibrary:
    """Every picture the site may use, by name, with a keyword index."""

    pictures: dict[str, Picture]
    keyword_index: dict[tuple[str, ...], tuple[str, ...]]
    """Stemmed keyword (as a tuple of word stems) -> picture names."""
    longest: int = 1
    """Words in the longest keyword; computed once (choose runs for every point of every page)."""

    def get(self, name: str) -> Picture | None:
        """Return the named picture, or None."""
        return self.pictures.get(name)

    def choose(self, text: str) -> tuple[str | None, float]:
        """Return the best picture for ``text`` and its score (None below MIN_SCORE).

        Score: each keyword found counts 1, plus 0.5 for each extra word of a
        phrase keyword. Ties go to the picture whose keyword comes first in the
        text, then to the name that sorts first, so the choice is repeatable.
        """
        stems = [stem(w) for w in _WORD_RE.findall(text.lower())]
        scores: dict[str, float] = {}
        first_seen: dict[str, int] = {}
        longest = self.longest
        for start in range(len(stems)):
            for size in range(1, min(longest, len(stems) - start) + 1):
                key = tuple(stems[start: start + size])
                for name in self.keyword_index.get(key, ()):
                    scores[name] = scores.get(name, 0.0) + 1 + 0.5 * (size - 1)
                    first_seen.setdefault(name, start)
        if not scores:
            return None, 0.0
        best = min(scores, key=lambda n: (-scores[n], first_seen[n], n))
        return (best, scores[best]) if scores[best] >= MIN_SCORE else (None, scores[best])


def load_library(folders: list[tuple[Path, bool]], site_dir: Path) -> PictureLibrary:
    """Return the library from each (folder, is the site's own) in order; later ones win."""
    pictures: dict[str, Picture] = {}
    problems: list[Problem] = []
    for folder, from_site in folders:
        index_file = folder / INDEX_NAME
        if not index_file.exists():
            continue
        try:
            pictures.update(_load_index(index_file, site_dir, from_site))
        except SiteError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SiteError(problems)
    index = _keyword_index(pictures)
    return PictureLibrary(pictures, index, max((len(k) for k in index), default=1))


def _load_index(index: Path, site_dir: Path, from_site: bool) -> dict[str, Picture]:
    data, lines, file = load_yaml_file(index, site_dir)
    entries = (data or {}).get("pictures", {}) if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise SiteError(Problem(file, 1, "The picture index should start with 'pictures:'.",
                                hint="Under it, write each picture's name, then its file, description, licence and author.",
                                rule="PIC-INDEX"))
    found: dict[str, Picture] = {}
    problems: list[Problem] = []
    for name, item in entries.items():
        try:
            entry = load_dataclass(PictureEntry, item, lines, file, ("pictures", name))
        except SiteError as exc:
            problems.extend(exc.problems)
            continue
        path = index.parent / entry.file
        if not path.exists():
            problems.append(Problem(file, lines.line_of(("pictures", name, "file")),
                                    f"The picture file '{entry.file}' is not there.",
                                    hint="Put the file beside index.yaml, or correct its name.", rule="PIC-MISSING"))
            continue
        found[str(name)] = Picture(str(name), path, entry, from_site)
    if problems:
        raise SiteError(problems)
    return found


def _keyword_index(pictures: dict[str, Picture]) -> dict[tuple[str, ...], tuple[str, ...]]:
    index: dict[tuple[str, ...], list[str]] = {}
    for name in sorted(pictures):
        words = set(pictures[name].entry.keywords) | {name.replace("-", " ")}
        for keyword in words:
            key = tuple(stem(w) for w in _WORD_RE.findall(keyword.lower()))
            if not key or (len(key) == 1 and key[0] in _STOP_WORDS):
                continue
            if name not in index.setdefault(key, []):
                index[key].append(name)
    return {key: tuple(names) for key, names in index.items()}


def unknown_picture(file: Path, line: int | None, name: str, library: PictureLibrary) -> Problem:
    """Return the problem for a picture name that is not in the library."""
    close = difflib.get_close_matches(name, list(library.pictures), n=3)
    hint = ("Did you mean " + " or ".join(f"'{c}'" for c in close) + "?") if close else \
        "See the list of pictures on the site's 'Our pictures' page, or add yours to easyread_images/."
    return Problem(file, line, f"There is no picture called '{name}'.", hint=hint, rule="PIC-UNKNOWN")
