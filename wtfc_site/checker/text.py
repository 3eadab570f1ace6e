"""Sentences, words, syllables and Flesch scores for the text checker.

Offsets are always positions in the text given (a Point's ``text``), so a
rule can turn any finding into a source line with ``Point.line_at``.

Counting follows easyread-rules.md rule 1: a hyphenated word is one word,
a number is one word ("2.30pm", "£1,200", "01/03/2025"), a phone number or a
postcode is one word, and web addresses and e-mail addresses are not words
at all (the text rules strip them, easyread-rules.md section 1).

Syllables come from ``pyphen``'s dictionaries (textstat downloads data at run
time, see the warning at the top of easyread-rules.md), read through
``hyphenation.py`` so a short check starts fast. Hyphenation dictionaries never
split one or two letters off the ends of a word, so pyphen alone says
"area" and "people" have one syllable; we take the larger of pyphen's count
and a simple vowel-group count.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .hyphenation import split_points

# --- tokens -----------------------------------------------------------------

WORD = "word"
NUMBER = "number"
DOTTED = "dotted"
PHONE = "phone"
POSTCODE = "postcode"
SKIP = "skip"
"""Web and e-mail addresses: kept as tokens so rules can skip them, never counted."""

COUNTED_KINDS = frozenset({WORD, NUMBER, DOTTED, PHONE, POSTCODE})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2011": "-", "\u2010": "-"})

_SKIP_PART = r"""
    (?P<skip>
        (?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?'"]           # web address
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                             # e-mail address
      | \b(?:[a-z0-9-]+\.)+(?:co\.uk|org\.uk|gov\.uk|nhs\.uk|ac\.uk|uk|com|org|net|info)\b(?:/[^\s<>()]*[^\s<>().,;:!?'"])?
    )
  |"""
_TOKEN_PARTS = r"""
    (?P<phone>
        (?<![\w£$])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[ -]?\d{3,4}(?:[ -]?\d{3,4})?(?![\w%])
      | (?<![\w£$.,])\d{3}[ ]\d{3}[ ]\d{4}(?![\w%]|[.,]\d)        # an NHS number, "485 777 3456": read like a phone number
    )
  | (?P<postcode>
        \b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b
    )
  | (?P<dotted>
        (?<![\w.])(?:[A-Za-z]\.){2,}(?![\w])                     # e.g.  i.e.  U.K.  a.m.
    )
  | (?P<number>
        [£$€]?\d(?:[\d,.:/-]*\d)?(?:%|[A-Za-z]+)?                 # 3  3.5  £1,200  2.30pm  1st  50%  01/03/2025
    )
  | (?P<word>
        [^\W\d_](?:[\w]*)(?:['][^\W\d_]+)*(?:-[\w]+(?:['][^\W\d_]+)*)*
    )
"""
# Each pattern starts with a look-ahead for a character some token can start with, so a space or a
# punctuation mark is passed over after one test instead of a try of every kind of token (tokenizing
# about a fifth faster; test_checker_speedups compares it with the patterns without it).
_TOKEN_RE = re.compile(r"(?=[\w£$€+.-])(?:" + _SKIP_PART + _TOKEN_PARTS + ")", re.VERBOSE)
"""Tokens, with web and e-mail addresses (which may also start with ".", "+" or "-")."""
_TOKEN_RE_PLAIN = re.compile(r"(?=[\w£$€+])(?:" + _TOKEN_PARTS + ")", re.VERBOSE)
"""Tokens for text with no sign of an address (faster: no address patterns to try at each word)."""
_ADDRESS_HINT = re.compile(r"@|www\.|://|\.(?:uk|com|org|net|info)\b")


class Token(NamedTuple):
    """One word, number or skipped address, with its place in the text (a tuple: cheap to make)."""

    text: str
    start: int
    end: int
    kind: str
    counted: bool = True
    """True when the token counts as a word (not a web or e-mail address)."""


_new_tuple = tuple.__new__


def normalise(text: str) -> str:
    """Return ``text`` with curly apostrophes and odd hyphens made plain (same length)."""
    return text.translate(_APOSTROPHES)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of ``text[start:end]``; offsets are in ``text``."""
    text = normalise(text)
    end = len(text) if end is None else end
    regex = _TOKEN_RE if _ADDRESS_HINT.search(text, start, end) else _TOKEN_RE_PLAIN
    tokens: list[Token] = []
    add = tokens.append
    for match in regex.finditer(text, start, end):
        kind = match.lastgroup or WORD
        begin, finish = match.span()
        # tuple.__new__ makes the Token without the Python-level __new__ a NamedTuple has (tokens are made by the
        # hundred thousand on a big site).
        add(_new_tuple(Token, (match.group(), begin, finish, kind, kind in COUNTED_KINDS)))
    return tokens


def count_words(text: str) -> int:
    """Return the number of words in ``text`` (see the module docstring)."""
    return sum(1 for t in tokenize(text) if t.counted)


# --- sentences --------------------------------------------------------------


class Sentence(NamedTuple):
    """One sentence: where it is in the text, its text and its tokens (a tuple: cheap to make)."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    words: tuple[Token, ...] = ()
    """The tokens that count as words (see ``make_sentence``)."""

    @property
    def word_count(self) -> int:
        """How many words the sentence has."""
        return len(self.words)


def make_sentence(text: str, start: int, end: int, tokens: Sequence[Token]) -> Sentence:
    """Return a Sentence for ``text[start:end]`` with its tokens."""
    tokens = tuple(tokens)
    return _new_tuple(Sentence, (start, end, text[start:end], tokens, tuple(t for t in tokens if t.counted)))


_BOUNDARY_RE = re.compile(r"""(?:[.!?\u2026]+)["'\u201d\u2019)\]]*(?=\s|$)""")
_PREV_WORD_RE = re.compile(r"(\S+)$")

# Words before a full stop that do not end a sentence (easyread-rules.md rule 1
# asks us to split on . ? ! - but not inside "e.g.", "Dr." and so on).
_NEVER_END = frozenset(
    "e.g eg i.e ie cf viz vs v incl esp dr mr mrs ms mx prof cllr rev "
    "st sr jr capt sgt hon fr rt lt col gen gov sen rep dept est".split()
)
_NOT_END_BEFORE_DIGIT = frozenset("no nos c ca approx fig tel ext p pp para".split())
_MONTHS_SHORT = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_CONTINUATION = frozenset(
    "a an the and or but so to of for with at in on by from as than that which who whose "
    "our your their his her its my this these those is are was were be will can could would "
    "should may might must has have had do does did not very".split()
)
# Words that can start a sentence written on its own line without a full stop.
_LINE_STARTERS = frozenset(
    "we you they he she it there this that these those the a an our your their my his her "
    "if when please call ring phone email text tell come ask go write send look find "
    "everyone people some many most all no yes here what why how who where".split()
)


def _ends_sentence(text: str, punct_start: int, punct_end: int) -> bool:
    """Return True when the punctuation at ``punct_start`` ends a sentence."""
    rest = text[punct_end:].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    if text[punct_start] in "!?\u2026" or text[punct_start:punct_start + 3] == "...":
        return not nxt.islower()
    if nxt.islower():
        return False
    match = _PREV_WORD_RE.search(text, 0, punct_start)
    prev = match.group(1) if match else ""
    prev_low = prev.lower().lstrip("(\"'\u201c\u2018")
    if prev_low in _NEVER_END:
        return False
    if prev_low == "etc":
        return nxt.isupper()
    if (prev_low in _MONTHS_SHORT or prev_low in _NOT_END_BEFORE_DIGIT) and nxt.isdigit():
        return False
    # An initial such as "J. Smith" or "A. N. Other".
    if len(prev_low) == 1 and prev.isalpha() and prev.isupper():
        return False
    return True


def _line_break_ends_sentence(text: str, at: int) -> bool:
    """Return True when a source line break before offset ``at`` ends a sentence.

    Easy-read authors put each sentence on its own line, sometimes without a
    full stop (rule 1: split on line breaks in easy-read blocks). Hard-wrapped
    prose must not be cut, so we only split when the line before ends in a
    letter or digit, its last word is not a joining word, and the new line
    starts with a capital letter and a word that often starts a sentence.
    """
    before = text[:at].rstrip()
    if not before or not before[-1].isalnum():
        return False
    prev = before.rsplit(" ", 1)[-1].lower()
    if prev in _CONTINUATION:
        return False
    after = text[at:].lstrip()
    if not after or not after[0].isupper():
        return False
    first = re.match(r"[A-Za-z']+", after)
    return first is not None and first.group().lower() in _LINE_STARTERS


def split_sentences(text: str, line_starts: Sequence[tuple[int, int]] = ()) -> list[Sentence]:
    """Split ``text`` into sentences, keeping each one's offsets.

    Splits after . ? ! (and at line breaks in easy-read blocks, see
    ``_line_break_ends_sentence``), but not inside "e.g.", "i.e.", "Dr.",
    "St.", initials, decimal numbers, times such as 2.30pm, dates, web
    addresses or e-mail addresses.
    """
    norm = normalise(text)
    all_tokens = tokenize(norm)
    token_starts = [t.start for t in all_tokens]
    skip_spans = [(t.start, t.end) for t in all_tokens if t.kind == SKIP]
    cuts: list[int] = []
    for match in _BOUNDARY_RE.finditer(norm):
        start = match.start()
        if skip_spans and any(a <= start < b for a, b in skip_spans):
            continue
        # "3.5", "2.30pm" and "1.3.25" never reach here: the look-ahead needs a space.
        if _ends_sentence(norm, start, match.end()):
            cuts.append(match.end())
    for offset, _line in line_starts:
        if 0 < offset < len(norm) and _line_break_ends_sentence(norm, offset):
            cuts.append(offset)
    cuts = sorted(set(cuts))
    sentences: list[Sentence] = []
    begin = 0
    for cut in cuts + [len(norm)]:
        piece = norm[begin:cut]
        stripped_start = begin + (len(piece) - len(piece.lstrip()))
        stripped_end = begin + len(piece.rstrip())
        if stripped_end > stripped_start:
            first = bisect.bisect_left(token_starts, stripped_start)
            last = bisect.bisect_left(token_starts, stripped_end)
            if first < last:
                tokens = tuple(all_tokens[first:last])
                # With no address in the text every token counts as a word: the words are the tokens.
                words = tuple(t for t in tokens if t.counted) if skip_spans else tokens
                sentences.append(_new_tuple(Sentence, (stripped_start, stripped_end, text[stripped_start:stripped_end],
                                                       tokens, words)))
        begin = cut
    return sentences


def sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """Return the sentence that holds ``offset`` (or the nearest one before it)."""
    if not sentences:
        return None
    starts = [s.start for s in sentences]
    index = max(0, bisect.bisect_right(starts, offset) - 1)
    return sentences[index]


# --- syllables and readability ----------------------------------------------


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _vowel_groups(word: str) -> int:
    """Count vowel groups, minus a silent final 'e' (a rough syllable count)."""
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith("ed") and len(word) > 3 and word[-3] not in "td" and count > 1:
        count -= 1
    return max(1, count)


@functools.lru_cache(maxsize=65536)
def syllables(word: str, lang: str = "en_US") -> int:
    """Return the number of syllables in ``word`` (pyphen, checked against vowel groups)."""
    word = word.lower().strip("'-")
    if not word:
        return 0
    if not any(ch.isalpha() for ch in word):
        return 1  # a number read aloud: counted as one, like one word
    total = 0
    for part in word.split("-"):
        letters = "".join(ch for ch in part if ch.isalpha())
        if not letters:
            continue
        by_pyphen = len(split_points(letters, lang)) + 1
        total += max(by_pyphen, _vowel_groups(letters))
    return max(1, total)


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    """Return the Flesch reading ease: higher is easier, 90 and over is very easy (Appendix A)."""
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


def flesch_kincaid_grade(words: int, sentences: int, syllable_count: int) -> float:
    """Return the Flesch-Kincaid grade (US school grade; UK reading age is about grade + 5)."""
    if not words or not sentences:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllable_count / words) - 15.59


@dataclass(frozen=True)
class TextCounts:
    """Words, sentences and syllables of some text, with its Flesch scores."""

    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        """Flesch reading ease."""
        return flesch_reading_ease(self.words, self.sentences, self.syllables)

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade."""
        return flesch_kincaid_grade(self.words, self.sentences, self.syllables)

    @property
    def average_sentence_words(self) -> float:
        """Average words per sentence."""
        return self.words / self.sentences if self.sentences else 0.0


def count_sentences(sentences: Iterable[Sentence]) -> TextCounts:
    """Return the counts of some sentences."""
    words = n_sentences = syl = 0
    for sentence in sentences:
        counted = sentence.words
        if not counted:
            continue
        n_sentences += 1
        words += len(counted)
        syl += sum(syllables(t.text) for t in counted)
    return TextCounts(words, n_sentences, syl)


def readability(text: str) -> TextCounts:
    """Return the counts and Flesch scores of a piece of text."""
    return count_sentences(split_sentences(text))
