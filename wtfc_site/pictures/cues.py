"""What the picture chooser knows before it reads a point: its data files and cues.

The hand-written meaning lists (``data/meaning.yaml``), the WordNet
synonyms (``data/synonyms.tsv``), each everyday word's nearest pictures by
meaning (``data/meanings.tsv``, from an embedding model), what the benchmark learned
(``data/learned.json``), the weights, and the index from a word or phrase
to the pictures it points to. Kept apart from ``choice.py``, which reads
points, so each stays short.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .library import _STOP_WORDS, PictureLibrary, stem

DATA = Path(__file__).parent / "data"
TOKEN_RE = re.compile(r"[A-Za-z0-9£']+(?:-[A-Za-z0-9]+)*|[.!?;:,]|·")
CLAUSE_END = frozenset(".!?;:,") | {"but"}
SIGNS = {
    "quote": re.compile(r'["“”]'),
    "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"),
    "phone": re.compile(r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b"),
    "date": re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|"
                       r"September|October|November|December)\b"),
    "money": re.compile(r"£\s?\d"),
}
"""What each sign in meaning.yaml looks like in a point."""
SIGN_PREFIX = "sign:"
_DESCRIPTION_SKIP = frozenset(
    "picture person people someone something one two three four big small little row".split())
"""Words that describe how a picture is drawn, not what it means."""


@dataclass(frozen=True)
class Weights:
    """How much each kind of cue counts. Learned by bench/measure_pictures.py."""

    keyword: float = 1.0
    phrase_bonus: float = 0.5
    """Added for each extra word of a phrase keyword."""
    synonym: float = 0.5
    description: float = 0.3
    learned: float = 1.0
    learned_alone: float = 0.5
    """How much learned words count for a picture no keyword, synonym or description points to."""
    later_sentences: float = 0.7
    """Words after the first sentence count this much (the first says what the point is about)."""
    modifier: float = 1.0
    """How much a cue counts when the next word is a cue too: in 'the pay form' or 'easy read
    training' the last word names the thing (form, training) and the first only describes it."""
    first: float = 0.0
    """Added for the picture whose keyword comes first: a point usually starts with what it is about."""
    semantic: float = 0.0
    """Times a word's similarity in meaning to a picture (data/meanings.tsv): 'salary' is near paid-work."""
    prior: float = 0.0
    """Times how often authors chose the picture (log share), so a common choice wins a close call."""
    minimum: float = 1.0
    """Below this best score, the neutral picture for the page type is used."""


@dataclass(frozen=True)
class Meaning:
    """The hand-written lists in data/meaning.yaml."""

    affirmative: frozenset[str]
    finished: frozenset[str]
    opposites: dict[str, str]
    negators: frozenset[str]
    hypothetical: tuple[tuple[str, ...], ...]
    not_names: frozenset[str]
    neutral: dict[str, str]
    hypothetical_starts: frozenset[str]
    """The first word of each hypothetical phrase, to look further only when it is there."""
    signs: dict[str, str]
    """Sign name (a key of SIGNS) -> the picture it points to."""
    named_only: frozenset[str] = frozenset()
    """Pictures of feelings, conditions and verdicts: words near them in meaning count only
    when the point's own words (a keyword, synonym or description word) name them already."""


@dataclass(frozen=True)
class Cue:
    """A picture a word (or phrase) points to, what kind of cue it is and how strongly."""

    picture: str
    weight: float
    """Before the kind's weight: a keyword's learned reliability, a shared synonym's share."""
    kind: int = 0
    """KEYWORD, SYNONYM or DESCRIPTION: which weight it is multiplied by."""


KEYWORD, SYNONYM, DESCRIPTION, LEARNED = 0, 1, 2, 3
"""Cue kinds; each has a first-sentence and a later-sentence part in Parts."""
MODIFIER = 8
"""Parts index of a keyword that describes the next word ('pay' in 'the pay form'); +1 for later sentences."""
FIRST = 10
"""Parts index: 1 for the picture whose keyword comes first in the point."""
SEMANTIC = 11
"""Parts index of the similarity in meaning of the point's words (data/meanings.tsv); +1 for later sentences."""
PART_COUNT = 13


def names_pattern(names: list[str]) -> re.Pattern[str] | None:
    """Return a pattern for the site's proper names, longest first, or None."""
    names = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?:'s)?\b")


def load_meaning(path: Path = DATA / "meaning.yaml") -> Meaning:
    """Return the hand-written meaning lists."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Meaning(
        affirmative=frozenset(data["affirmative"]), finished=frozenset(data["finished"]),
        opposites=dict(data["opposites"]), negators=frozenset(data["negators"]),
        hypothetical=tuple(tuple(h.split()) for h in data["hypothetical"]),
        hypothetical_starts=frozenset(h.split()[0] for h in data["hypothetical"]),
        not_names=frozenset(str(n) for n in data["not_names"]), neutral=dict(data["neutral"]),
        signs={k: v for k, v in (data.get("signs") or {}).items() if k in SIGNS},
        named_only=frozenset(data.get("named_only") or ()))


def load_synonyms(path: Path = DATA / "synonyms.tsv") -> dict[str, tuple[str, ...]]:
    """Return keyword -> its WordNet synonyms."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            keyword, _, synonyms = line.partition("\t")
            table[keyword] = tuple(synonyms.split("|"))
    return table


Meanings = dict[str, str]
"""Word stem -> its nearest pictures by meaning as written in the table ('paid-work:0.70|pay:0.46'),
parsed only when a point uses the word: reading 10,000 rows whole would slow every build."""


def load_meanings(path: Path = DATA / "meanings.tsv") -> Meanings:
    """Return each everyday word's nearest pictures, unparsed (empty when the table is absent)."""
    if not path.exists():
        return {}
    rows = path.read_text(encoding="utf-8").splitlines()
    return dict(row.split("\t", 1) for row in rows if row and row[0] != "#")


def nearest_pictures(row: str, known: frozenset[str]) -> tuple[tuple[str, float], ...]:
    """Return (picture, similarity) for each picture of a meanings row that the library has."""
    pairs = (item.split(":") for item in row.split("|"))
    return tuple((name, float(similarity)) for name, similarity in pairs if name in known)


@dataclass(frozen=True)
class Learned:
    """What bench/measure_pictures.py learned from author-chosen pictures."""

    weights: Weights
    words: dict[str, dict[str, float]]
    """Word stem -> picture -> how strongly authors put that picture beside it."""
    cues: dict[str, dict[str, float]] = field(default_factory=dict)
    """Keyword (stems joined by spaces) -> picture -> how much more or less than 1 it counts,
    from how often authors chose that picture when the keyword was there."""
    prior: dict[str, float] = field(default_factory=dict)
    """Picture -> log of the share of points whose author chose it."""
    unseen_prior: float = 0.0
    """The same for a picture no author chose."""


def load_learned(path: Path = DATA / "learned.json") -> Learned:
    """Return the learned weights and word strengths (defaults when the file is absent)."""
    if not path.exists():
        return Learned(Weights(), {})
    data = json.loads(path.read_text(encoding="utf-8"))
    return Learned(Weights(**data["weights"]), data["words"], data.get("cues", {}),
                   data.get("prior", {}), data.get("unseen_prior", 0.0))


def cue_index(library: PictureLibrary, synonyms: dict[str, tuple[str, ...]],
              meaning_signs: dict[str, str], reliability: dict[str, dict[str, float]] | None = None) -> dict[tuple[str, ...], tuple[Cue, ...]]:
    """Return stemmed word or phrase -> the pictures it is a cue for.

    A keyword beats a synonym or description word for the same words; a
    synonym or description word shared by several pictures is split between them.
    """
    keywords: dict[tuple[str, ...], set[str]] = {}
    soft: dict[tuple[str, ...], dict[str, tuple[int, float]]] = {}
    for name in sorted(library.pictures):
        entry = library.pictures[name].entry
        for keyword in {*entry.keywords, name.replace("-", " ")}:
            key = _key(keyword)
            if key:
                keywords.setdefault(key, set()).add(name)
            for synonym in synonyms.get(keyword.lower(), ()):
                _add_soft(soft, _key(synonym), name, SYNONYM)
        for word in TOKEN_RE.findall(entry.description.lower()):
            if word not in _DESCRIPTION_SKIP:
                _add_soft(soft, _key(word), name, DESCRIPTION)
    for sign, name in meaning_signs.items():
        if name in library.pictures:
            keywords.setdefault((SIGN_PREFIX + sign,), set()).add(name)
    index: dict[tuple[str, ...], tuple[Cue, ...]] = {}
    for key, pictures in soft.items():
        if key not in keywords:
            share = 1 / len(pictures)
            index[key] = tuple(Cue(p, share, kind) for p, (kind, _) in sorted(pictures.items()))
    reliability = reliability or {}
    for key, names in keywords.items():
        learned = reliability.get(" ".join(key), {})
        index[key] = tuple(Cue(p, learned.get(p, 1.0), KEYWORD) for p in sorted(names))
    return index


def _key(words: str) -> tuple[str, ...]:
    key = tuple(stem(w) for w in TOKEN_RE.findall(words.lower()) if w not in CLAUSE_END)
    return () if not key or (len(key) == 1 and key[0] in _STOP_WORDS) else key


def _add_soft(soft: dict[tuple[str, ...], dict[str, tuple[int, float]]], key: tuple[str, ...], name: str,
              kind: int) -> None:
    """Note that ``key`` is a synonym or description word of picture ``name``; a synonym wins over a description."""
    if key:
        pictures = soft.setdefault(key, {})
        if name not in pictures or pictures[name][0] > kind:
            pictures[name] = (kind, 1.0)
