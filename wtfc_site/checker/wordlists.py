"""Word lists for the text checker, loaded once and passed in.

The built-in lists live in ``checker/data/*.yaml`` and are written in our own
words (easyread-rules.md 4.3 and 4.4 name the terms; the plain alternatives
there are our team's). ``load_wordlists`` adds the site's glossary and
abbreviations list and returns one frozen ``WordLists``; the rules never
read files themselves.

Phrase lists (jargon, words to avoid, idioms, Latin, preferred terms,
synonym groups) are compiled into ONE regular expression each, so a point's
text is scanned once per list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..usercache import kept_between_runs
from .text import normalise

_VOWELS = "aeiou"
_WORD_BEFORE = re.compile(r"([\w'£$%.,/:-]+)\W*$")
_WORD_AFTER = re.compile(r"^\W*([\w'-]+)")
_NUMBER_LIKE = re.compile(r"^[£$€]?\d")


@dataclass(frozen=True)
class Term:
    """One entry of a phrase list: the words, what to say instead, how serious."""

    key: str
    """The first term of the entry, as written in the data file."""
    plain: str
    """The plain alternative or explanation (our own words)."""
    level: str = ""
    """'error', 'warning' or 'info' to override the rule's usual severity; '' keeps it."""
    not_after: tuple[str, ...] = ()
    """The match does not count after one of these words ('#' means a number)."""
    not_before: tuple[str, ...] = ()
    """The match does not count before one of these words or phrases."""
    group: int = -1
    """For synonym groups: the group number."""


@dataclass(frozen=True)
class Match:
    """One phrase found in a text."""

    start: int
    end: int
    text: str
    term: Term


def _inflections(word: str) -> set[str]:
    """Return ``word`` with the usual -s, -ed and -ing endings (some are not real words; harmless)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) >= 3
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _forms(term: str, exact: bool) -> set[str]:
    """Return the forms of a term that the phrase list should find."""
    term = term.lower().strip()
    if exact or not term[-1:].isalpha():
        return {term}
    head, _, last = term.rpartition(" ")
    return {f"{head} {form}".strip() for form in _inflections(last)}


def phrase_key(text: str) -> str:
    """Return the lookup key of a matched text: lower case, spaces and hyphens as one space."""
    return re.sub(r"[\s-]+", " ", normalise(text).lower()).strip()


_PHRASE_WORD = re.compile(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*|[^\w\s-]")

PhraseWord = tuple[str, int, int]
"""A lower-case word (or punctuation mark) of a text, with its start and end."""


def phrase_words(text: str) -> list[PhraseWord]:
    """Return the lower-case words and punctuation marks of ``text``; hyphens separate words."""
    text = normalise(text)
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): lower each word on its own
        return [(m.group().lower(), m.start(), m.end()) for m in _PHRASE_WORD.finditer(text)]
    # Lower case once for the whole text (the same offsets), then cut each word out of it.
    return [(lower[start:end], start, end) for start, end in map(re.Match.span, _PHRASE_WORD.finditer(text))]


def _word_key(text: str) -> tuple[str, ...]:
    """Return the words of a phrase as a lookup key ("co-production" -> ("co", "production"))."""
    return tuple(w for w, _, _ in phrase_words(text))


class PhraseList:
    """A list of terms, found word by word through an index of first words.

    A space and a hyphen are the same ("ring-fenced" = "ring fenced"), and
    a phrase only matches whole words. Scanning costs one dictionary look-up
    per word, whatever the size of the list.
    """

    def __init__(self, name: str, terms: Mapping[str, Term]):
        self.name = name
        self.terms: Mapping[tuple[str, ...], Term] = MappingProxyType(
            {_word_key(k): t for k, t in terms.items() if _word_key(k)}
        )
        index: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
        for key, term in self.terms.items():
            index.setdefault(key[0], []).append((key, term))
        for entries in index.values():
            entries.sort(key=lambda kt: len(kt[0]), reverse=True)
        self._index = index
        """First word -> the terms it starts, longest first (private, never changed after this)."""
        self.anchors = frozenset(max(key, key=len) for key in self.terms)
        """The longest word of every term: a text holding none of them cannot match."""

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and _word_key(text) in self.terms

    def get(self, text: str) -> Term | None:
        """Return the term for a word or phrase, or None."""
        return self.terms.get(_word_key(text))

    def find(self, text: str, words: Sequence[PhraseWord] | None = None) -> Iterator[Match]:
        """Yield every match in ``text`` that its term does not rule out, longest first, never overlapping.

        ``words`` is ``phrase_words(text)`` when the caller already has it.
        """
        if words is None:
            words = phrase_words(text)
        index = self._index
        if len(words) > 8 and self.anchors.isdisjoint(w for w, _, _ in words):
            return
        n = len(words)
        after = 0  # matches never overlap: the next one starts at or after this word
        # Only the words that start a term are tried (a comprehension finds them faster than a loop over every word).
        for i in [at for at, word in enumerate(words) if word[0] in index]:
            if i < after:
                continue
            for key, term in index[words[i][0]]:
                size = len(key)
                if i + size <= n and all(words[i + k][0] == key[k] for k in range(1, size)):
                    start, end = words[i][1], words[i + size - 1][2]
                    if term.not_after and _after_excluded(text, start, term.not_after):
                        continue
                    if term.not_before and _before_excluded(text, end, term.not_before):
                        continue
                    yield Match(start, end, text[start:end], term)
                    after = i + size
                    break


def _after_excluded(text: str, start: int, words: tuple[str, ...]) -> bool:
    """Return True when the text just before ``start`` ends with one of ``words``."""
    before = text[max(0, start - 40):start].lower()
    match = _WORD_BEFORE.search(before)
    prev = match.group(1) if match else ""
    for word in words:
        if word == "#":
            if prev and _NUMBER_LIKE.match(prev):
                return True
        elif " " in word:
            if before.rstrip().endswith(word):
                return True
        elif prev == word:
            return True
    return False


def _before_excluded(text: str, end: int, words: tuple[str, ...]) -> bool:
    """Return True when the text just after ``end`` starts with one of ``words``."""
    after = text[end:end + 40].lower().lstrip()
    match = _WORD_AFTER.match(after)
    nxt = match.group(1) if match else ""
    for word in words:
        if " " in word:
            if after.startswith(word):
                return True
        elif nxt == word:
            return True
    return False


@dataclass(frozen=True)
class WordLists:
    """Every word list the rules use. Make one with ``load_wordlists`` and pass it in."""

    jargon: PhraseList
    """Health and care words that must be explained (ER-HARD-WORD, easyread-rules.md 4.3)."""
    avoid: PhraseList
    """Words to avoid, with the plain word to use (ER-JARGON, 4.4)."""
    idioms: PhraseList
    """Idioms and metaphors (ER-IDIOM, rule 18)."""
    foreign: PhraseList
    """Latin and foreign words (ER-FOREIGN, rule 20)."""
    preferred: PhraseList
    """Words with a more respectful choice (ER-PREFERRED-TERMS, rule 21)."""
    synonyms: PhraseList
    """Members of synonym groups; ``Term.group`` says which (ER-CONSISTENT, rule 19)."""
    synonym_groups: tuple[tuple[str, ...], ...]
    """The synonym groups, first member = the suggested word."""
    number_words: Mapping[str, int]
    """Number words and their values (ER-NUM-DIGITS, rule 9)."""
    number_phrases: PhraseList
    """Set phrases where a number word is normal English ("one-to-one")."""
    be_forms: frozenset[str]
    get_forms: frozenset[str]
    passive_triggers: frozenset[str]
    """be_forms and get_forms together."""
    irregular_participles: frozenset[str]
    not_participles: frozenset[str]
    negators: frozenset[str]
    joiners: frozenset[str]
    that_followers: frozenset[str]
    hyphen_prefixes: frozenset[str]
    everyday: frozenset[str]
    """Words wordfreq underrates for UK readers; never hard by frequency."""
    acronyms: Mapping[str, str]
    """Known short forms and their full words (for hints only)."""
    glossary: Mapping[str, str]
    """The site glossary: word or phrase (as a lookup key: lower case, single spaces) -> explanation."""
    abbreviations: Mapping[str, str]
    """The site's short forms list: short form -> full words. These raise nothing."""
    names: tuple[str, ...] = ()
    """The site's proper names (people, the site's own names), written as on the page: never hard words."""

    @functools.cached_property
    def _explained_keys(self) -> frozenset[str]:
        """Lookup keys the site explains: glossary terms, the parts they are made of, abbreviations' long forms.

        A glossary term covers its parts: "co-chair" explained means "chair"
        needs no second explanation, and "health action plan" covers
        "action plan" (but not "plan" alone: one word of a longer term is
        too general). The full words of a listed short form ("integrated
        care board" for ICB) are one half of an explanation the site gives.
        """
        keys = set(self.glossary)
        for key in self.glossary:
            words = key.split()
            if len(words) == 2 and len(words[1]) >= 4:
                keys.add(words[1])  # "co-chair" -> "chair", "learning disability" -> "disability"
            keys.update(" ".join(words[i:]) for i in range(1, len(words) - 1))  # "health action plan" -> "action plan"
        keys.update(phrase_key(full) for full in self.abbreviations.values())
        return frozenset(keys)

    def is_explained(self, word: str) -> bool:
        """Return True when the site explains ``word`` (any case): its glossary, a part of a glossary term,
        or the full words of one of its short forms."""
        return phrase_key(word) in self._explained_keys


# --- loading ----------------------------------------------------------------


def _read_data(name: str) -> Any:
    """Return the parsed YAML of one built-in data file."""
    text = (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")
    # libyaml (when installed) reads these big built-in lists several times faster; same values.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _phrase_list(name: str, entries: list[dict[str, Any]]) -> PhraseList:
    """Build a PhraseList from data-file entries."""
    terms: dict[str, Term] = {}
    for entry in entries:
        words = [str(t) for t in entry["terms"]]
        term = Term(
            key=words[0],
            plain=str(entry.get("plain", "")),
            level=str(entry.get("level", "")),
            not_after=tuple(str(w).lower() for w in entry.get("not_after", ())),
            not_before=tuple(str(w).lower() for w in entry.get("not_before", ())),
        )
        for word in words:
            for form in _forms(word, bool(entry.get("exact", False))):
                terms.setdefault(phrase_key(form), term)
    return PhraseList(name, terms)


@functools.lru_cache(maxsize=1)
def _builtin() -> Mapping[str, Any]:
    """Return WordLists' built-in fields, kept in the user's cache between runs: reading the YAML and
    building the lists took 30-70 ms of every 'check --text' (issue 15 part 5)."""
    folder = Path(__file__).parent
    sources = [Path(__file__), folder / "text.py", *sorted((folder / "data").glob("*.yaml"))]
    return kept_between_runs("wordlists", sources, _build_builtin)


def _build_builtin() -> Mapping[str, Any]:
    """Return WordLists' built-in fields, parsed and compiled from the data files."""
    groups = tuple(tuple(str(w) for w in group) for group in _read_data("synonyms.yaml"))
    synonym_terms: dict[str, Term] = {}
    for index, group in enumerate(groups):
        for member in group:
            synonym_terms[phrase_key(member)] = Term(key=member, plain=group[0], group=index)
    numbers = _read_data("numbers.yaml")
    phrase_terms = {
        phrase_key(p): Term(key=str(p), plain="") for p in numbers.get("set_phrases", ())
    }
    grammar = {k: frozenset(str(w).lower() for w in v) for k, v in _read_data("grammar.yaml").items()}
    return MappingProxyType(dict(
        jargon=_phrase_list("jargon", _read_data("jargon.yaml")),
        avoid=_phrase_list("avoid", _read_data("avoid.yaml")),
        idioms=_phrase_list("idioms", _read_data("idioms.yaml")),
        foreign=_phrase_list("foreign", _read_data("foreign.yaml")),
        preferred=_phrase_list("preferred", _read_data("preferred.yaml")),
        synonyms=PhraseList("synonyms", synonym_terms),
        synonym_groups=groups,
        number_words=MappingProxyType({str(k): int(v) for k, v in numbers["words"].items()}),
        number_phrases=PhraseList("number phrases", phrase_terms),
        be_forms=grammar["be_forms"],
        get_forms=grammar["get_forms"],
        passive_triggers=grammar["be_forms"] | grammar["get_forms"],
        irregular_participles=grammar["irregular_participles"],
        not_participles=grammar["not_participles"],
        negators=grammar["negators"],
        joiners=grammar["joiners"],
        that_followers=grammar["that_followers"],
        hyphen_prefixes=grammar["hyphen_prefixes"],
        everyday=frozenset(str(w).lower() for w in _read_data("everyday.yaml")["words"]),
        acronyms=MappingProxyType({str(k): str(v) for k, v in _read_data("acronyms.yaml").items()}),
    ))


@functools.lru_cache(maxsize=1)
def generated_meanings() -> Mapping[str, str]:
    """Return the words the generator writes in the lines it adds, with their meanings (data/generated.yaml)."""
    data = _read_data("generated.yaml") or {}
    return MappingProxyType({phrase_key(str(k)): str(v) for k, v in data.items()})


def with_generated_words(words: WordLists) -> WordLists:
    """Return ``words`` with the generator's own words explained (for the lines the build adds)."""
    return replace(words, glossary=MappingProxyType({**generated_meanings(), **words.glossary}))


def load_wordlists(
    glossary: Mapping[str, str] | None = None,
    abbreviations: Mapping[str, str] | None = None,
    names: Sequence[str] = (),
) -> WordLists:
    """Return the word lists: the built-in data plus the site's glossary, abbreviations and proper names."""
    return WordLists(
        **_builtin(),
        glossary=MappingProxyType({phrase_key(str(k)): str(v) for k, v in (glossary or {}).items()}),
        abbreviations=MappingProxyType({str(k): str(v) for k, v in (abbreviations or {}).items()}),
        names=tuple(dict.fromkeys(n.strip() for n in names if n and n.strip())),
    )
