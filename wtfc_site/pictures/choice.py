"""Choose a library picture for a point by what the point means.

A point left to the library (``[picture: auto]`` or no marker) gets the
picture whose cues score best, where a cue is:

- one of the picture's keywords or its name (a phrase counts more);
- a WordNet synonym of a keyword (``data/synonyms.tsv``, made by
  ``tools/build_picture_synonyms.py``);
- a word of the picture's own description;
- a word near the picture in meaning (``data/meanings.tsv``, made by
  ``tools/build_picture_meanings.py`` with a small embedding model:
  'salary' is near paid-work though no keyword says so);
- a word that authors have put beside this picture on real pages
  (``data/learned.json``, made by ``bench/measure_pictures.py --write``
  from every test site's hand-chosen pictures, with the weights below);
  with the shipped weights it only adds to a picture a cue above points to.

How much each kind counts (``Weights``) is learned too: a cue in a later
sentence, a keyword that only describes the next word ('pay' in 'the pay
form'), the picture whose keyword comes first, and how often authors chose
each picture. ``parts`` keeps the evidence for each apart so the benchmark
can try weights without reading the points again.

Meaning rules (``data/meaning.yaml``): proper names never count (the site's
name, area, the checker's list of names, people's names, and runs of
capitalised words); a "yes" picture is never chosen for a sentence with
"not" in it, and a "done" picture never for a sentence about a time to come;
"not" in front of a keyword gives the opposite picture when there is one.
When the best score is weak, the page type's neutral picture is used
instead of a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .cues import (
    CLAUSE_END,
    DATA,
    FIRST,
    KEYWORD,
    LEARNED,
    MODIFIER,
    PART_COUNT,
    SEMANTIC,
    SIGN_PREFIX,
    SIGNS,
    TOKEN_RE,
    Cue,
    Learned,
    Meaning,
    Meanings,
    Weights,
    cue_index,
    load_learned,
    load_meaning,
    load_meanings,
    load_synonyms,
    names_pattern,
    nearest_pictures,
)
from .library import PictureLibrary, stem

__all__ = ["DATA", "Choice", "Learned", "PictureChooser", "Weights", "load_learned", "load_meaning",
           "load_meanings", "load_synonyms", "make_chooser", "site_names"]

_SENTENCE_END = frozenset(".!?")
_NAME_GLUE = frozenset({"of", "for", "and", "the", "in", "on", "to"})
"""Small words that may sit inside a name: 'Working Together for Change'."""
_SIGN_HINTS = {"quote": ('"', "“", "”"), "email": ("@",), "phone": ("0",), "money": ("£",),
               "date": tuple("0123456789")}
"""A character each sign cannot be without: most points have none, and looking for it is cheaper."""
_TYPE_PREFIX = "type:"
_ADDRESSES = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+")
"""Email and web addresses: their words ('hello', 'together') say nothing about the point."""
_BARRIER = "·"
"""Put where a name was, so no phrase is matched across it."""

REMEMBERED_CHOICES = 20_000
"""How many point texts a chooser remembers: repeated points (summaries, lists) hit it; unique ones would
otherwise grow it by about 5 KB a page in every worker."""


@dataclass(frozen=True)
class Choice:
    """The chosen picture (None for no picture), its score and whether it is the neutral one."""

    name: str | None
    score: float
    neutral: bool = False


class _Token(NamedTuple):
    """A word of the point as the chooser reads it (a named tuple: made for every word, so cheap to make)."""

    stem: str
    sentence: int
    negated: bool
    """After a negator in the same clause."""


@dataclass(frozen=True)
class PictureChooser:
    """Everything needed to choose pictures for one site, worked out once."""

    pictures: frozenset[str]
    index: dict[tuple[str, ...], tuple[Cue, ...]]
    longest: int
    learned: dict[str, dict[str, float]]
    meaning: Meaning
    weights: Weights
    names: re.Pattern[str] | None = None
    keyword_pictures: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    """Keyword -> its pictures (keywords only, no synonyms), for learning."""
    prior: dict[str, float] = field(default_factory=dict)
    """Picture -> log of how often authors chose it (from the learned data); 0 for an unseen one."""
    unseen_prior: float = 0.0
    starts: frozenset[str] = frozenset()
    """The first word of every keyword, to tell a describing word ('pay' in 'pay form') cheaply."""
    cue_starts: frozenset[str] = frozenset()
    """The first word of every cue: a word that starts none is passed over at once."""
    meanings: Meanings = field(default_factory=dict)
    """Word stem -> its nearest pictures by meaning, unparsed (see ``near``)."""
    cache: dict[tuple[str, str], Choice] = field(default_factory=dict, compare=False)
    """Points repeat across pages (summaries, generated lists): each text is scored once."""
    near_cache: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict, compare=False)
    """Each word's parsed row of the meanings table, parsed at its first use."""

    def choose(self, text: str, page_type: str = "") -> Choice:
        """Return the best picture for ``text`` on a page of ``page_type``."""
        key = (text, page_type)
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= REMEMBERED_CHOICES:
                self.cache.clear()  # most points are unique: a bounded memo keeps a 10,000-page build's workers small
            found = self.cache[key] = self._choose(text, page_type)
        return found

    def _choose(self, text: str, page_type: str) -> Choice:
        tokens, negated, hypothetical = self.read(text, page_type)
        scores = self.score(tokens, negated, hypothetical)
        best = min(scores, key=lambda n: (-scores[n][0], scores[n][1], n)) if scores else None
        if best is not None and scores[best][0] >= self.weights.minimum:
            return Choice(best, scores[best][0])
        neutral = self.meaning.neutral.get(page_type, self.meaning.neutral.get("", ""))
        if neutral in self.pictures:
            return Choice(neutral, scores[best][0] if best else 0.0, neutral=True)
        return Choice(None, scores[best][0] if best else 0.0)

    def read(self, text: str, page_type: str = "") -> tuple[list[_Token], set[int], set[int]]:
        """Return the words that may count, and the sentences with a negation or a time to come.

        Signs (a quotation, an email address ...) and the page type come first,
        as words of the first sentence: the page type can only count through
        what was learned ('type:person' often goes with 'paid-work').
        """
        signs = [SIGN_PREFIX + sign for sign in self.meaning.signs
                 if any(hint in text for hint in _SIGN_HINTS[sign]) and SIGNS[sign].search(text)]
        if page_type:
            signs.append(_TYPE_PREFIX + page_type)
        text = _ADDRESSES.sub(_BARRIER, text)
        if self.names is not None:
            text = self.names.sub(_BARRIER, text)
        words = _without_capitalised_names(TOKEN_RE.findall(text), self.meaning.not_names, self.keyword_pictures)
        tokens: list[_Token] = [_Token(sign, 0, False) for sign in signs]
        negated_sentences: set[int] = set()
        hypothetical_sentences: set[int] = set()
        sentence, in_negation = 0, False
        lowered = [w.lower() for w in words]
        for i, word in enumerate(lowered):
            if word in _SENTENCE_END:
                sentence, in_negation = sentence + 1, False
                continue
            if word in CLAUSE_END:
                in_negation = False
                continue
            if word in self.meaning.negators or word.endswith("n't"):
                in_negation = True
                negated_sentences.add(sentence)
            if word in self.meaning.hypothetical_starts and sentence not in hypothetical_sentences and \
                    any(tuple(lowered[i:i + len(h)]) == h for h in self.meaning.hypothetical):
                hypothetical_sentences.add(sentence)
            tokens.append(_Token(self.known_stem(word), sentence, in_negation))
        return tokens, negated_sentences, hypothetical_sentences

    def near(self, word: str) -> tuple[tuple[str, float], ...]:
        """Return the pictures of this library nearest to ``word`` in meaning, with their similarity."""
        found = self.near_cache.get(word)
        if found is None:
            row = self.meanings.get(word)
            found = self.near_cache[word] = nearest_pictures(row, self.pictures) if row else ()
        return found

    def keywords_in(self, tokens: list[_Token]) -> set[tuple[tuple[str, ...], str]]:
        """Return each (keyword, picture) pair the words match, for learning how reliable keywords are."""
        stems = [t.stem for t in tokens]
        found: set[tuple[tuple[str, ...], str]] = set()
        for start in range(len(stems)):
            for size in range(1, min(self.longest, len(stems) - start) + 1):
                key = tuple(stems[start:start + size])
                found.update((key, name) for name in self.keyword_pictures.get(key, ()))
        return found

    def known_stem(self, word: str) -> str:
        """Return the word's stem; for 'co-chairs' the last part's stem when only that is a cue."""
        whole = stem(word)
        if "-" in whole and (whole,) not in self.index:
            last = stem(whole.rsplit("-", 1)[1])
            if (last,) in self.index:
                return last
        return whole

    def score(self, tokens: list[_Token], negated: set[int], hypothetical: set[int]) -> dict[str, tuple[float, int]]:
        """Return picture -> (score, position of its first cue)."""
        weights, combine = self.weights, self.combine
        return {name: (combine(name, parts, weights), at)
                for name, (parts, at) in self.parts(tokens, negated, hypothetical).items()}

    def combine(self, name: str, parts: list[float], weights: Weights) -> float:
        """Return a picture's score from its parts (see ``parts``) and the weights."""
        later = weights.later_sentences
        keyword = parts[0] + later * parts[1] - (1.0 - weights.modifier) * (parts[MODIFIER] + later * parts[MODIFIER + 1])
        meaning = (weights.keyword * keyword + weights.synonym * (parts[2] + later * parts[3])
                   + weights.description * (parts[4] + later * parts[5]))
        # A word near the picture in meaning names it too, so learned words may add to it: kept
        # apart from 'meaning' the table gained nothing in cross-validation (41.9%, 37.7% by site).
        # A feeling, condition or verdict picture needs a keyword, synonym or description word
        # of the point to name it first (data/meaning.yaml, named_only).
        if name not in self.meaning.named_only or parts[0] + parts[1] + parts[2] + parts[3] + parts[4] + parts[5] > 0:
            meaning += weights.semantic * (parts[SEMANTIC] + later * parts[SEMANTIC + 1])
        learned = weights.learned * (parts[6] + later * parts[7])
        return (meaning + learned * (1.0 if meaning > 0 else weights.learned_alone)
                + weights.first * parts[FIRST] + weights.prior * self.prior.get(name, self.unseen_prior))

    def parts(self, tokens: list[_Token], negated: set[int], hypothetical: set[int]) -> dict[str, tuple[list[float], int]]:
        """Return picture -> (the evidence for it, by kind of cue and sentence, position of its first cue).

        The evidence is a list of PART_COUNT numbers: for each cue kind, what
        the first sentence gives and what later sentences give; keywords that
        describe the next word; and 1 for the picture whose keyword comes first.
        Kept apart so the benchmark can learn the weights without scoring again.
        """
        found: dict[str, tuple[list[float], int]] = {}
        affirmative, finished = self.meaning.affirmative, self.meaning.finished
        opposites, index, starts, cue_starts = self.meaning.opposites, self.index, self.starts, self.cue_starts
        phrase_bonus = self.weights.phrase_bonus
        stems = [t.stem for t in tokens]
        count = len(tokens)
        counted: set[tuple[str, ...]] = set()
        learned_counted: set[str] = set()
        first_keyword: str | None = None
        start, blocked_yes, blocked_done = 0, False, False

        def credit(picture: str, part: int, amount: float) -> list[float] | None:
            """Add to a picture's evidence; None when 'not' or a time to come rules the picture out.

            Reads the loop's current word (start, blocked_yes, blocked_done) when called.
            """
            if (blocked_yes and picture in affirmative) or (blocked_done and picture in finished):
                return None
            entry = found.get(picture)
            if entry is None:
                entry = found[picture] = ([0.0] * PART_COUNT, start)
            entry[0][part] += amount
            return entry[0]

        for start, token in enumerate(tokens):
            later = int(token.sentence != 0)
            blocked_yes = token.sentence in negated
            blocked_done = token.sentence in hypothetical
            for size in range(1, min(self.longest, count - start) + 1 if token.stem in cue_starts else 1):
                key = tuple(stems[start:start + size])
                if key in counted or key not in index:
                    continue  # a word said twice is not twice the evidence
                counted.add(key)
                describes = start + size < count and stems[start + size] in starts \
                    and tokens[start + size].sentence == token.sentence
                amount_scale = 1 + phrase_bonus * (size - 1)
                for cue in index[key]:
                    picture = cue.picture
                    if size == 1 and token.negated:
                        picture = opposites.get(picture, picture)
                    amount = cue.weight * amount_scale
                    evidence = credit(picture, 2 * cue.kind + later, amount)
                    if evidence is not None and cue.kind == KEYWORD:
                        if describes:
                            evidence[MODIFIER + later] += amount
                        if first_keyword is None:
                            first_keyword = picture
            if token.stem not in learned_counted:
                learned_counted.add(token.stem)
                for picture, strength in self.learned.get(token.stem, {}).items():
                    credit(picture, 2 * LEARNED + later, strength)
                for picture, similarity in self.near(token.stem):
                    credit(opposites.get(picture, picture) if token.negated else picture, SEMANTIC + later, similarity)
        if first_keyword is not None:
            found[first_keyword][0][FIRST] = 1.0
        return found


def _without_capitalised_names(words: list[str], not_names: frozenset[str],
                               keywords: Collection[tuple[str, ...]] = ()) -> list[str]:
    """Return ``words`` with a barrier in place of each name-like run of capitalised words.

    A run of two or more capitalised words ('Speak Up Riverside') is a name
    wherever it is; one capitalised word is a name unless it starts a
    sentence. Words in ``not_names`` (months, 'I', 'NHS') are kept, and so is
    a run that is exactly a picture's keyword ('Time to Talk', 'Easy Read'):
    the capitals are there because it is the meeting's or the format's title.
    """
    out: list[str] = []
    i, sentence_start = 0, True
    while i < len(words):
        if sentence_start and i + 1 < len(words) and words[i + 1] in _NAME_GLUE:
            out.append(words[i])  # 'Come to Time to Talk': the first word only starts the sentence
            i, sentence_start = i + 1, False
            continue
        j = i
        while j < len(words) and (_capitalised(words[j], not_names)
                                  or (j > i and words[j] in _NAME_GLUE and j + 1 < len(words)
                                      and _capitalised(words[j + 1], not_names))):
            j += 1
        run = j - i
        if run and tuple(stem(w) for w in words[i:j]) in keywords:
            out.extend(words[i:j])
            i, sentence_start = j, False
            continue
        if run >= 2 or (run == 1 and not sentence_start):
            out.append(_BARRIER)
            i, sentence_start = j, False
            continue
        out.append(words[i])
        sentence_start = words[i] in _SENTENCE_END
        i += 1
    return out


def _capitalised(word: str, not_names: frozenset[str]) -> bool:
    return word[:1].isupper() and word not in not_names and not word.isupper()


def make_chooser(library: PictureLibrary, names: list[str], learned: Learned | None = None,
                 synonyms: dict[str, tuple[str, ...]] | None = None, meaning: Meaning | None = None,
                 meanings: Meanings | None = None) -> PictureChooser:
    """Return the chooser for a site's library, never letting ``names`` drive a choice."""
    learned = learned if learned is not None else load_learned()
    meanings = meanings if meanings is not None else load_meanings()
    synonyms = synonyms if synonyms is not None else load_synonyms()
    meaning = meaning or load_meaning()
    index = cue_index(library, synonyms, meaning.signs, learned.cues)
    known = frozenset(library.pictures)
    words = {w: {p: s for p, s in pics.items() if p in known} for w, pics in learned.words.items()}
    return PictureChooser(known, index, max((len(k) for k in index), default=1), words,
                          meaning, learned.weights, names_pattern(names), library.keyword_index,
                          prior=learned.prior, unseen_prior=learned.unseen_prior,
                          starts=frozenset(key[0] for key, cues in index.items() if cues[0].kind == KEYWORD),
                          cue_starts=frozenset(key[0] for key in index),
                          meanings=meanings)


def site_names(site: Any) -> list[str]:
    """Return a site's proper names: its name and area, the checker's names, people's page titles.

    ``site`` is a ``wtfc_site.site.Site``; it is not imported here so that
    pictures stay below the site model.
    """
    config = site.config
    people = [page.title for page in site.pages if page.content_type == "person"]
    return [config.name, config.area, *config.checker.names, *people]
