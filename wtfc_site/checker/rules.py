"""The easy-read and plain-English text rules, as data plus small functions.

``RULES`` is a literal tuple of ``Rule`` records built once at import, with
no registration side effects. Each rule's ``check`` takes a ``PointView``
(one point, already split into sentences and words) and the ``PageContext``,
or only the ``PageContext`` for page-level rules, and returns Problems.

Rule ids, thresholds and sources are those of ``easyread-rules.md``; each
check's comment cites its rule number there. Every threshold comes from
``CheckerSettings`` and every word list from ``WordLists``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Mapping, Sequence

import wordfreq

from ..errors import Problem, Severity
from ..points import NONE, PageText, Point
from .settings import CheckerSettings, SentenceWords
from .text import (
    DOTTED,
    NUMBER,
    SKIP,
    WORD,
    Sentence,
    Token,
    count_sentences,
    make_sentence,
    normalise,
    split_sentences,
    syllables,
    tokenize,
)
from .wordlists import Match, PhraseList, PhraseWord, WordLists, phrase_key, phrase_words

EASY_READ = "easy-read"
ALL = "all"

SENTENCE_KINDS = frozenset({"paragraph", "list-item"})
"""Kinds of point that hold sentences (the sentence and paragraph rules)."""
WORD_KINDS = frozenset({"paragraph", "list-item", "heading", "table-cell"})
"""Kinds of point that get the word rules. Quotes (people's own words) get none."""
QUOTE = "quote"

_DIGIT = re.compile(r"\d")


# --- severities ---------------------------------------------------------------


def severity_from(word: str) -> Severity | None:
    """Return the Severity for a settings word ('error', 'warning'/'warn', 'info'), None for 'off'."""
    word = word.strip().lower()
    if word in ("off", "none", "ignore", ""):
        return None
    if word in ("warn", "warning"):
        return Severity.WARNING
    if word == "info":
        return Severity.INFO
    if word == "error":
        return Severity.ERROR
    raise ValueError(f"'{word}' is not a severity. Use error, warning, info or off.")


def apply_severity_overrides(problems: Iterable[Problem], overrides: Mapping[str, str]) -> list[Problem]:
    """Return ``problems`` with each rule's severity set from ``overrides`` (rule id -> word).

    'off' removes the rule's findings. Other words change the severity of the
    rule's errors and warnings; its info notes (scores, "quoted, not checked")
    stay info.
    """
    if not overrides:
        return list(problems)
    table = {rule: severity_from(word) for rule, word in overrides.items()}
    result: list[Problem] = []
    for problem in problems:
        if problem.rule not in table:
            result.append(problem)
            continue
        new = table[problem.rule]
        if new is None:
            continue
        if problem.severity is Severity.INFO or problem.severity is new:
            result.append(problem)
        else:
            result.append(replace(problem, severity=new))
    return result


# --- word frequency -------------------------------------------------------------


@functools.lru_cache(maxsize=262144)
def _raw_zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf value for one word (cached per word)."""
    return wordfreq.zipf_frequency(word, lang)


_BRITISH = (
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"is(e|es|ed|ing)$"), r"iz\1"),
    (re.compile(r"yse(s|d)?$"), r"yze\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ence$"), r"ense"),
)


def _variants(word: str) -> set[str]:
    """Return ``word`` with British spellings made American and simple endings removed.

    wordfreq scores British spellings lower ("personalisation" 2.18) and
    each inflected form separately, so we look up the plain forms too
    (easyread-rules.md 4.2, pitfalls (d); rule 16: "strip plural -s").
    """
    forms = {word}
    for pattern, repl in _BRITISH:
        if pattern.search(word):
            forms.add(pattern.sub(repl, word))
    for form in list(forms):
        if len(form) > 4:
            if form.endswith("ies"):
                forms.add(form[:-3] + "y")
            elif form.endswith("es"):
                forms |= {form[:-2], form[:-1]}
            elif form.endswith("s") and not form.endswith("ss"):
                forms.add(form[:-1])
            if form.endswith("ied"):
                forms.add(form[:-3] + "y")
            elif form.endswith("ed"):
                forms |= {form[:-2], form[:-1]}
            if form.endswith("ing") and len(form) > 5:
                forms |= {form[:-3], form[:-3] + "e"}
    return forms


@functools.lru_cache(maxsize=262144)
def word_zipf(word: str, lang: str = "en", prefixes: frozenset[str] = frozenset()) -> float:
    """Return how common a lower-case word is on wordfreq's Zipf scale (higher is more common).

    Takes the best of the word's spelling and ending variants. For a
    hyphenated word whose first part is a prefix such as "co" we also look
    it up joined and take the lower value: wordfreq guesses "co-production"
    from its parts (4.87) but "coproduction" scores 1.80 (easyread-rules.md
    4.2). Other compounds ("long-term", "part-time") keep wordfreq's own
    estimate, because their joined forms are rare spellings, not rare words.
    """
    if "-" in word:
        whole = max(_raw_zipf(v, lang) for v in _variants(word))
        first, _, rest = word.partition("-")
        if first in prefixes and rest:
            joined = max(_raw_zipf(v, lang) for v in _variants(first + rest.replace("-", "")))
            if joined > 0:
                return min(whole, joined)
        return whole
    return max(_raw_zipf(v, lang) for v in _variants(word))


# --- the page being checked -------------------------------------------------------


@dataclass
class PointView:
    """One point, split into sentences and tokens once, shared by all rules."""

    point: Point
    text: str
    """The point's text, normalised (plain apostrophes and hyphens; same offsets)."""
    sentences: tuple[Sentence, ...]
    masked: tuple[tuple[int, int], ...]
    """Spans of names from the settings that the word rules skip."""
    kind: str = ""
    """The point's kind (copied from the point)."""
    _avoid: list[Match] | None = None

    def __post_init__(self) -> None:
        self.kind = self.point.kind

    @functools.cached_property
    def words(self) -> list[PhraseWord]:
        """The lower-case words of the text, for the phrase lists (computed once)."""
        return phrase_words(self.text)

    @functools.cached_property
    def word_set(self) -> frozenset[str]:
        """The set of lower-case words (for quick "can this rule find anything?" tests)."""
        return frozenset(w for w, _, _ in self.words)

    @functools.cached_property
    def has_digit(self) -> bool:
        """True when the text has a digit."""
        return _DIGIT.search(self.text) is not None

    @functools.cached_property
    def lowers(self) -> tuple[tuple[str, ...], ...]:
        """For each sentence, its counted words in lower case."""
        return tuple(tuple(t.text.lower() for t in s.words) for s in self.sentences)

    def avoid_matches(self, words: WordLists) -> list[Match]:
        """Words-to-avoid matches, leaving out those inside a longer jargon term ("Transforming Care")."""
        if self._avoid is None:
            jargon = list(self.find(words.jargon))
            self._avoid = [
                m for m in self.find(words.avoid)
                if not any(j.start <= m.start and m.end <= j.end and j.end - j.start > m.end - m.start for j in jargon)
            ]
        return self._avoid

    def find(self, phrases: PhraseList) -> Iterator[Match]:
        """Yield the matches of a phrase list in this point."""
        if phrases.anchors.isdisjoint(self.word_set):
            return iter(())
        return phrases.find(self.text, self.words)

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Every token of every sentence, in order."""
        return tuple(t for s in self.sentences for t in s.tokens)

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """Return the sentence holding ``offset``."""
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.sentences[index]

    def is_masked(self, start: int, end: int) -> bool:
        """Return True when the span overlaps a name."""
        return bool(self.masked) and any(a < end and start < b for a, b in self.masked)

    @functools.cached_property
    def title_case(self) -> bool:
        """True for a heading written in Title Case (its capitals are not names)."""
        words = [t.text for t in self.tokens if t.kind == WORD and len(t.text) > 3]
        return self.kind in ("heading", "table-cell") and bool(words) and (
            sum(w[0].isupper() for w in words) * 2 >= len(words)
        )


@dataclass
class PageContext:
    """Everything a rule needs about the page: the page, settings, word lists and the points."""

    page: PageText
    settings: CheckerSettings
    words: WordLists
    views: tuple[PointView, ...]
    spans: dict[Problem, int] = field(default_factory=dict)
    """For each problem made, the last source line of its sentence (for silences)."""
    _explained_cache: dict[str, bool] = field(default_factory=dict)
    _name_cache: dict[str, bool] = field(default_factory=dict)

    @property
    def easy_read(self) -> bool:
        """True for an easy-read page."""
        return self.page.easy_read

    @property
    def sentence_limits(self) -> SentenceWords:
        """Sentence length limits for this kind of page."""
        if self.easy_read:
            return self.settings.sentence_words
        return self.settings.standard.sentence_words

    @functools.cached_property
    def checked(self) -> tuple[PointView, ...]:
        """Points the word rules read: everything but quotes."""
        return tuple(v for v in self.views if v.kind in WORD_KINDS)

    @functools.cached_property
    def known_short_forms(self) -> frozenset[str]:
        """Short forms that raise nothing: the site list, the allow list and the page's own."""
        return frozenset(self.words.abbreviations) | frozenset(
            self.settings.abbreviations.allow
        ) | frozenset(self.page.abbreviations_explained)

    @functools.cached_property
    def glossary(self) -> frozenset[str]:
        """Lookup keys of every word this page or site explains."""
        keys = {phrase_key(w) for w in self.page.glossary_words}
        for view in self.views:
            keys.update(phrase_key(w) for w in view.point.explained)
        return frozenset(keys)

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Lower-case names from the settings."""
        return frozenset(n.lower() for n in self.settings.names)

    @functools.cached_property
    def page_text(self) -> str:
        """The text of the checked points, one per line (for finding explanations)."""
        return "\n".join(v.text for v in self.checked)

    def looks_like_name(self, word: str) -> bool:
        """Return True when a capitalised word at the start of a sentence is used as a name on this page.

        It is a name when the page also has it with a capital inside a
        sentence, or has it with a capital at least twice and never in
        lower case ("Karen told us ... Karen will ask").
        """
        if word in self._name_cache:
            return self._name_cache[word]
        text = self.page_text
        escaped = re.escape(word)
        capitals = len(re.findall(rf"(?<![\w-]){escaped}(?![\w-])", text))
        lower = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None
        inside = re.search(rf"[a-z0-9,;]\s+{escaped}(?![\w-])", text) is not None
        result = not lower and (inside or capitals >= 2)
        self._name_cache[word] = result
        return result

    def is_glossary_word(self, word: str) -> bool:
        """Return True when the site glossary or the page explains ``word``."""
        key = phrase_key(word)
        if key in self.glossary or self.words.is_explained(key):
            return True
        if key.endswith("s") and (key[:-1] in self.glossary or self.words.is_explained(key[:-1])):
            return True
        return False

    def is_explained(self, word: str) -> bool:
        """Return True when ``word`` is in the glossary or explained in the page's own text.

        Explanations we recognise (easyread-rules.md rule 16; GOVUK-AF:
        explain in the next sentence; COGA: in brackets): "X means ...",
        "X is ...", "X are ...", "X stands for ...", "X (...)", "X: ...",
        "X - ...", "... (X)", "called X", "known as X", and X followed by a
        sentence that starts "This means", "It means", "This is" or
        "These are".
        """
        key = word.lower()
        if key in self._explained_cache:
            return self._explained_cache[key]
        result = self.is_glossary_word(word) or _explained_inline(self.page_text, word)
        self._explained_cache[key] = result
        return result

    def problem(
        self,
        rule: str,
        severity: Severity,
        view: PointView | None,
        sentence: Sentence | None,
        message: str,
        hint: str = "",
        *,
        line: int | None = None,
        excerpt: str | None = None,
    ) -> Problem:
        """Make a Problem for this page, with the line and excerpt of the sentence."""
        last = None
        if view is not None and sentence is not None:
            line = view.point.line_at(sentence.start) if line is None else line
            last = view.point.line_at(max(sentence.start, sentence.end - 1))
            if excerpt is None:
                excerpt = sentence.text
        elif view is not None and line is None:
            line = view.point.line
        if line is None:
            line = self.page.title_line or (self.views[0].point.line if self.views else None)
        made = Problem(
            file=self.page.file,
            line=line,
            message=message,
            hint=hint,
            rule=rule,
            severity=severity,
            excerpt=_short(excerpt or ""),
        )
        self.spans[made] = last if last is not None else (line or 0)
        return made


def _short(text: str, limit: int = 300) -> str:
    """Return ``text`` cut to ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@functools.lru_cache(maxsize=64)
def _names_regex(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Return one regular expression matching any of the names (cached per names list)."""
    if not names:
        return None
    body = "|".join(re.escape(normalise(n)) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def make_view(point: Point, names: tuple[str, ...] = ()) -> PointView:
    """Split a point into sentences once (a heading or table cell is one sentence)."""
    text = normalise(point.text)
    if point.kind in SENTENCE_KINDS:
        sentences = tuple(split_sentences(point.text, point.line_starts))
    else:
        stripped = text.strip()
        start = text.find(stripped) if stripped else 0
        tokens = tuple(tokenize(text, start, start + len(stripped)))
        sentences = (make_sentence(point.text, start, start + len(stripped), tokens),) if tokens else ()
    regex = _names_regex(names)
    masked = tuple((m.start(), m.end()) for m in regex.finditer(text)) if regex else ()
    return PointView(point, text, sentences, masked)


def make_context(page: PageText, settings: CheckerSettings, words: WordLists) -> PageContext:
    """Build the PageContext for one page (each point split once)."""
    points = list(page.points)
    if page.title.strip() and not any(p.kind == "heading" and p.text.strip() == page.title.strip() for p in points):
        points.insert(0, Point(line=page.title_line or 1, text=page.title, kind="heading", picture=NONE))
    views = tuple(make_view(p, settings.names) for p in points)
    return PageContext(page=page, settings=settings, words=words, views=views)


# --- explanations -----------------------------------------------------------------

_AFTER_CUE = re.compile(
    r"(?:s|es)?(?:\*\*)?[\"')\u201d]?\s*(?:\(|:\s|\s[-\u2013\u2014]\s|(?:means|mean|stands\s+for|"
    r"is\s+short\s+for|is\s+another\s+word\s+for|is\s+a\s+word\s+for)\b|(?:is|are)\s+(?!not\b))",
    re.IGNORECASE,
)
_BEFORE_CUE = re.compile(
    r"(?:called|named|known\s+as|the\s+words?|we\s+call\s+(?:this|it|them)|this\s+is\s+called)\s+"
    r"[\"'\u2018\u201c]?$|\(\s*$",
    re.IGNORECASE,
)
_NEXT_SENTENCE_CUE = re.compile(
    r"[^.?!\n]{0,60}[.?!:]?\s+(?:(?:This|That|It|They|These|Those|Which)\s+means?|This\s+is|These\s+are)\b"
)


def _explained_inline(page_text: str, word: str) -> bool:
    """Return True when the page explains ``word`` in one of the ways ``PageContext.is_explained`` lists."""
    lower = page_text.lower()
    needle = word.lower()
    at = lower.find(needle)
    while at != -1:
        end = at + len(needle)
        whole = (at == 0 or not lower[at - 1].isalnum()) and (end >= len(lower) or not lower[end].isalnum() or lower[end] in "se")
        if whole:
            if _AFTER_CUE.match(page_text, end) or _NEXT_SENTENCE_CUE.match(page_text, end):
                return True
            if _BEFORE_CUE.search(page_text, max(0, at - 30), at):
                return True
        at = lower.find(needle, at + 1)
    return False


# --- helpers for rules ----------------------------------------------------------------


def _quote(text: str) -> str:
    """Return text in single quotes for a message."""
    return f"'{text}'"


def _severity(word: str, default: Severity) -> Severity | None:
    """Return the severity named in settings, or ``default`` when empty."""
    return severity_from(word) if word else default


def _gap(view: PointView, left: Token, right: Token) -> str:
    """Return the text between two tokens."""
    return view.text[left.end:right.start]


def _counted(sentence: Sentence) -> Sequence[Token]:
    """Return the tokens of a sentence that count as words."""
    return sentence.words


def _is_sentence_start(sentence: Sentence, token: Token) -> bool:
    """Return True when ``token`` is the first word of its sentence (or follows a colon)."""
    words = _counted(sentence)
    return bool(words) and words[0] is token


_CAPS_LETTERS = re.compile(r"[A-Z]")
_CAPS_PAIR = re.compile(r"[A-Z][A-Z]")
_LOWER_LETTERS = re.compile(r"[a-z]")
_ROMAN = re.compile(r"^(?=[IVXLC]{2,}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_COMMON = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX"})
_ROMAN_LABELS = frozenset(
    "section sections part parts phase phases stage stages chapter chapters appendix annex annexe schedule "
    "tier tiers level levels volume article title book act year type class grade step band key "
    "item items paragraph option options priority".split()
)
_ROMAN_HINT = re.compile(r"[IVXLC]{2}|\([ivx]+\)")
_ROMAN_BRACKETS = re.compile(r"\((?:i{1,3}|iv|vi{0,3}|ix|x)\)")


def _strip_possessive(word: str) -> str:
    """Return ``word`` without a possessive 's or trailing apostrophe."""
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


def _is_roman(view: PointView, token: Token) -> bool:
    """Return True when ``token`` is a Roman numeral (ER-ROMAN), not a short form."""
    word = token.text
    if not _ROMAN.match(word):
        return False
    if word in _ROMAN_COMMON:
        return True
    before = view.text[max(0, token.start - 20):token.start].split()
    return bool(before) and before[-1].lower().strip("(") in _ROMAN_LABELS


def _caps_shouted(word: str, ctx: PageContext) -> bool:
    """Return True when an all-capital word is a shouted word, not a short form."""
    if word in ctx.known_short_forms or word in ctx.words.acronyms:
        return False
    return word_zipf(word.lower(), ctx.settings.zipf.lang) >= 3.5 or len(word) >= 7


def _abbreviation_base(view: PointView, token: Token, ctx: PageContext) -> str | None:
    """Return the short form a token is (without plural 's), or None (rule 15)."""
    if token.kind == DOTTED:
        if token.text.lower() in ("e.g.", "i.e.", "a.m.", "p.m.", "n.b.", "c.f."):
            return None
        return token.text if _CAPS_LETTERS.search(token.text) else None
    text = token.text
    if token.kind != WORD or text[1:].islower() or len(text) < 2:
        return None  # fast path: "Word" or "word" is never a short form
    if any(ch.isdigit() for ch in text):
        return None
    word = _strip_possessive(text)
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    caps = len(_CAPS_LETTERS.findall(word))
    if caps < 2 or caps < len(_LOWER_LETTERS.findall(word)) or not word.isalpha():
        return None
    if word.isupper():
        if _is_roman(view, token) or _caps_shouted(word, ctx):
            return None
    return word


# --- point rules: sentences ---------------------------------------------------------------


def _split_hint(view: PointView, sentence: Sentence, joiners: frozenset[str]) -> str:
    """Suggest where to split a long sentence: the joiner or comma nearest the middle."""
    words = _counted(sentence)
    middle = len(words) / 2
    best: tuple[float, str] | None = None
    for i in range(2, len(words) - 3):
        left, right = words[i], words[i + 1]
        gap = _gap(view, left, right)
        if "," in gap or ";" in gap or right.text.lower() in joiners:
            distance = abs(i + 1 - middle)
            if best is None or distance < best[0]:
                best = (distance, left.text)
    if best is None:
        return "Try to say it in 2 shorter sentences."
    return f"Split it after {_quote(best[1])}."


def check_sentence_length(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-SENT-LEN: warn over 15 words, error over 20 (DH09, PIF; rule 1). Standard pages: GDS 25."""
    if view.kind not in SENTENCE_KINDS:
        return []
    limits = ctx.sentence_limits
    found = []
    for sentence in view.sentences:
        n = sentence.word_count
        if n <= limits.warn:
            continue
        severity = Severity.ERROR if n > limits.error else Severity.WARNING
        hint = f"Try to keep sentences to {limits.warn} words or fewer. "
        hint += _split_hint(view, sentence, ctx.words.joiners)
        found.append(ctx.problem("ER-SENT-LEN", severity, view, sentence, f"This sentence has {n} words.", hint))
    return found


_SUBORDINATORS = frozenset({"if", "when", "while", "although", "unless", "because", "though", "whereas", "as"})


_CLAUSE_STARTERS = frozenset(
    "i you we they he she it there then will can could should would must may might is are was were "
    "has have had do does did".split()
)
_LIST_ITEM_WORDS = 4


def _list_joiners(view: PointView, tokens: list[Token]) -> set[int]:
    """Return the token positions of commas and 'and'/'or' that only join items of a list.

    "tea, coffee and cake" lists things inside one idea (ER-LIST notes it);
    it is not a second idea. A list is 2 or more commas or one comma and a
    final 'and'/'or', each item at most 4 words.
    """
    marks: list[int] = []  # positions after which a comma comes, or of and/or
    for i in range(len(tokens) - 1):
        if "," in _gap(view, tokens[i], tokens[i + 1]):
            marks.append(i)
        elif tokens[i + 1].text.lower() in ("and", "or"):
            marks.append(i + 1)
    listed: set[int] = set()
    run: list[int] = []
    for mark in marks:
        if run and mark - run[-1] > _LIST_ITEM_WORDS:
            if len(run) >= 2:
                listed.update(run)
            run = []
        run.append(mark)
    if len(run) >= 2:
        listed.update(run)
    return listed


def _joiners(view: PointView, sentence: Sentence, words: WordLists) -> list[str]:
    """Return the joiners of a sentence (rule 2): commas, semicolons and joining words.

    Counted: but, so, because, which, who, if, when, while, although, unless,
    'that' before a subject ('the plan that we wrote'), and 'and'/'or' that
    start a new clause (after a comma, or before 'we', 'they', 'will' ...).
    Not counted: 'and'/'or' between two things ('tea and cake'), the commas
    and 'and' of a short list, and the comma that closes an opening
    'When you arrive, ...' (one idea with its condition).
    """
    tokens = _counted(sentence)
    listed = _list_joiners(view, tokens)
    found: list[str] = []
    opener = bool(tokens) and tokens[0].text.lower() in _SUBORDINATORS
    for i, token in enumerate(tokens):
        low = token.text.lower()
        nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if i == 0 and low in _SUBORDINATORS:
            found.append(low)
        elif low in ("and", "or"):
            after_comma = i > 0 and "," in _gap(view, tokens[i - 1], token)
            if i not in listed and (after_comma or nxt in _CLAUSE_STARTERS):
                found.append(low)
        elif low in words.joiners and i > 0:
            if low in ("that", "so") and nxt not in words.that_followers:
                continue
            found.append(low)
        if i + 1 < len(tokens):
            gap = _gap(view, token, tokens[i + 1])
            if i in listed and "," in gap:
                gap = gap.replace(",", "", 1)
            for mark in ",;":
                for _ in range(gap.count(mark)):
                    if opener and mark == ",":
                        opener = False  # "When you arrive, ..." : the comma closes the same idea
                        continue
                    found.append("a comma" if mark == "," else "a semicolon")
    return found


def check_one_idea(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-ONE-IDEA: warn when a sentence has 2 or more joiners (GOVUK-AF, COGA; rule 2). A proxy, never an error."""
    if view.kind not in SENTENCE_KINDS:
        return []
    limit = ctx.settings.joiners_per_sentence_warn
    joiner_words = ctx.words.joiners
    found = []
    for sentence, lowers in zip(view.sentences, view.lowers):
        possible = sentence.text.count(",") + sentence.text.count(";")
        possible += sum(1 for w in lowers if w in joiner_words)
        if possible < limit:
            continue  # cannot reach the limit: skip the closer look
        joiners = _joiners(view, sentence, ctx.words)
        if len(joiners) >= limit:
            shown = ", ".join(dict.fromkeys(j if j.startswith("a ") else _quote(j) for j in joiners))
            found.append(
                ctx.problem(
                    "ER-ONE-IDEA", Severity.WARNING, view, sentence,
                    f"This sentence has {len(joiners)} joining words or commas ({shown}).",
                    "It may say more than one thing. Try to say one idea in each sentence.",
                )
            )
    return found


_ADVERBS = frozenset(
    "not also often usually now already always never just still then all only fully currently normally "
    "sometimes really being been soon quickly regularly mostly partly".split()
)


def _participle(word: str, words: WordLists) -> bool:
    """Return True when ``word`` looks like a past participle (rule 3: -ed or an irregular form)."""
    if word in words.not_participles:
        return False
    if word in words.irregular_participles:
        return True
    return len(word) >= 5 and word.endswith("ed")


def check_active(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-ACTIVE: a form of 'be' or 'get' then a past participle within 2 words (GOVUK-AF, COGA; rule 3)."""
    if view.kind not in SENTENCE_KINDS:
        return []
    words = ctx.words
    triggers = words.passive_triggers
    contracted = "'re" in view.text or "'m" in view.text
    if triggers.isdisjoint(view.word_set) and not contracted:
        return []
    found = []
    for sentence, tokens in zip(view.sentences, view.lowers):
        if triggers.isdisjoint(tokens) and not contracted:
            continue
        hit = None
        for i, low in enumerate(tokens):
            if low in words.be_forms or low in words.get_forms or low.endswith(("'re", "'m")):
                for j in (i + 1, i + 2):
                    if j >= len(tokens):
                        break
                    if j == i + 2 and not (tokens[i + 1] in _ADVERBS or tokens[i + 1].endswith("ly")):
                        break
                    if _participle(tokens[j], words):
                        hit = " ".join(tokens[i:j + 1])
                        break
            if hit:
                break
        if hit:
            found.append(
                ctx.problem(
                    "ER-ACTIVE", Severity.WARNING, view, sentence,
                    f"This sentence may be passive: {_quote(hit)}.",
                    "Say who does it, for example 'We will send you a letter', not 'A letter will be sent'.",
                )
            )
    return found


_NEG_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non")
_NOT_NEGATIVE = frozenset(
    "important interested interesting information informed inform involved included including invited "
    "inside into income index insurance intend interest internet impact improve improved impressed "
    "imagine understand understood under until universal unit united uniform union dish display distance "
    "district disco discuss discussed".split()
)


def _negative_word(word: str) -> bool:
    """Return True for a word made negative by a prefix ('unusual', 'impossible')."""
    if word in _NOT_NEGATIVE:
        return False
    for prefix in _NEG_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 4 and _raw_zipf(rest, "en") >= 4.0:
            return True
    return False


def check_negative(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NEGATIVE: warn on double negatives, note single ones (ERS, COGA; rule 4)."""
    if view.kind not in SENTENCE_KINDS:
        return []
    negators = ctx.words.negators
    if negators.isdisjoint(view.word_set) and "n't" not in view.text:
        return []
    found = []
    for sentence, tokens in zip(view.sentences, view.lowers):
        negs = [t for t in tokens if t in negators or t.endswith("n't")]
        double = len(negs) >= 2 or any(
            (a in ("not", "never") or a.endswith("n't")) and _negative_word(b)
            for a, b in zip(tokens, tokens[1:])
        )
        if double:
            found.append(
                ctx.problem(
                    "ER-NEGATIVE", Severity.WARNING, view, sentence,
                    "This sentence has 2 negatives.",
                    "Two negatives are hard to follow. Say it in a positive way, for example 'please come' not 'do not stay away'.",
                )
            )
        elif negs:
            found.append(
                ctx.problem(
                    "ER-NEGATIVE", Severity.INFO, view, sentence,
                    f"This sentence says what not to do ({_quote(negs[0])}).",
                    "If you can, say what to do instead.",
                )
            )
    return found


_CONTRACTION_FULL: Mapping[str, str] = MappingProxyType(
    {"can't": "cannot", "won't": "will not", "shan't": "shall not", "ain't": "is not"}
)


def check_contraction(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-CONTRACTION: no negative short forms like "can't" (GDS, NORF; rule 5)."""
    if view.kind not in WORD_KINDS or "n't" not in view.text:
        return []
    found = []
    for token in view.tokens:
        low = token.text.lower()
        if token.kind == WORD and low.endswith("n't"):
            full = _CONTRACTION_FULL.get(low, low[:-3] + " not")
            sentence = view.sentence_at(token.start)
            found.append(
                ctx.problem(
                    "ER-CONTRACTION", Severity.WARNING, view, sentence,
                    f"{_quote(token.text)} is a short form.",
                    f"Write {_quote(full)}. Some readers miss the 'not' in {_quote(token.text)}.",
                )
            )
    return found


def check_paragraph_length(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-PARA-LEN: warn over 3 sentences or 50 words in one point (COGA, ERS, PF; rule 7)."""
    if view.kind not in SENTENCE_KINDS or not view.sentences:
        return []
    limits = ctx.settings.paragraph
    n_sentences = len(view.sentences)
    n_words = sum(s.word_count for s in view.sentences)
    reasons = []
    if n_sentences > limits.max_sentences:
        reasons.append(f"{n_sentences} sentences")
    if n_words > limits.max_words:
        reasons.append(f"{n_words} words")
    if not reasons:
        return []
    return [
        ctx.problem(
            "ER-PARA-LEN", Severity.WARNING, view, view.sentences[0],
            f"This point has {' and '.join(reasons)}.",
            f"Keep each point to {limits.max_sentences} short sentences and {limits.max_words} words at most. "
            "Split it into 2 points, each with its own picture.",
            excerpt=view.point.text,
        )
    ]


def check_list(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-LIST: note a sentence that lists 3 or more things with commas (COGA, MENCAP; rule 8)."""
    if view.kind not in SENTENCE_KINDS:
        return []
    found = []
    for sentence, lowers in zip(view.sentences, view.lowers):
        if sentence.text.count(",") < 2 or ("and" not in lowers and "or" not in lowers):
            continue
        tokens = _counted(sentence)
        commas = sum(_gap(view, a, b).count(",") for a, b in zip(tokens, tokens[1:]))
        if commas >= 2:
            found.append(
                ctx.problem(
                    "ER-LIST", Severity.INFO, view, sentence,
                    "This sentence may list 3 or more things.",
                    "A list with one thing on each line is easier to read.",
                )
            )
    return found


def check_one_sentence_per_line(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-ONE-SENTENCE-PER-LINE: each sentence on its own line (WIDGIT, SELKO; rule 28)."""
    if view.kind not in SENTENCE_KINDS or len(view.sentences) < 2:
        return []
    lines = [view.point.line_at(s.start) for s in view.sentences]
    shared = sorted({ln for ln in lines if lines.count(ln) > 1})
    if not shared:
        return []
    return [
        ctx.problem(
            "ER-ONE-SENTENCE-PER-LINE", Severity.INFO, view, view.sentences[0],
            f"Line {shared[0]} has more than one sentence.",
            "Start each sentence on a new line.",
            line=shared[0],
            excerpt=view.point.text,
        )
    ]


# --- point rules: numbers, dates, symbols ----------------------------------------------------


def check_number_words(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NUM-DIGITS: write numbers as digits, except "one" (IE, GDS, Copian; rule 9)."""
    settings = ctx.settings.numbers
    if not settings.digits or view.kind not in WORD_KINDS:
        return []
    values = ctx.words.number_words
    if not any(w in values for w in view.word_set):
        return []
    allow = {w.lower() for w in settings.allow_words}
    protected = [(m.start, m.end) for m in view.find(ctx.words.number_phrases)]
    found = []
    tokens = [t for t in view.tokens if t.kind in (WORD, NUMBER)]
    for i, token in enumerate(tokens):
        if token.kind != WORD:
            continue
        low = token.text.lower()
        parts = low.split("-")
        if not all(p in values for p in parts) or low in allow:
            continue
        if any(a <= token.start < b for a, b in protected):
            continue
        if i > 0 and tokens[i - 1].kind == NUMBER and parts[0] in ("hundred", "thousand", "million", "billion"):
            continue  # "3 million" is a big number (ER-NUM-BIG)
        sentence = view.sentence_at(token.start)
        if token.text[0].isupper() and not _is_sentence_start(sentence, token) and not view.title_case:
            continue  # part of a name
        value = sum(values[p] for p in parts) if len(parts) > 1 else values[parts[0]]
        found.append(
            ctx.problem(
                "ER-NUM-DIGITS", Severity.WARNING, view, sentence,
                f"{_quote(token.text)} is a number written as a word.",
                f"Write numbers as digits: {_quote(f'{value:,}')}, not {_quote(token.text)}.",
            )
        )
    return found


_YEAR = re.compile(r"^(?:19|20)\d\d$|^(?:19|20)\d\d[-/](?:\d\d|(?:19|20)\d\d)$")
_BIG_WORD = re.compile(r"(?<![\w-])([£$€]?\d[\d,.]*)\s+(thousand|million|billion)\b", re.IGNORECASE)


def check_big_numbers(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NUM-BIG: warn on numbers of 4 digits or more, except years, phone numbers and postcodes (IE, COGA; rule 10)."""
    if view.kind not in WORD_KINDS:
        return []
    if not view.has_digit:
        return []
    limit = ctx.settings.numbers.big_number_digits
    found = []
    for token in view.tokens:
        if token.kind != NUMBER or any(ch in token.text for ch in "/:"):
            continue
        core = re.match(r"[£$€]?([\d,]+)", token.text)
        if not core:
            continue
        digits = core.group(1).replace(",", "")
        if len(digits) < limit or _YEAR.match(token.text.rstrip("s")):
            continue
        sentence = view.sentence_at(token.start)
        found.append(_big(ctx, view, sentence, token.text))
    for match in _BIG_WORD.finditer(view.text):
        sentence = view.sentence_at(match.start())
        found.append(_big(ctx, view, sentence, match.group()))
    return found


def _big(ctx: PageContext, view: PointView, sentence: Sentence, number: str) -> Problem:
    return ctx.problem(
        "ER-NUM-BIG", Severity.WARNING, view, sentence,
        f"{_quote(number)} is a big number.",
        "Big numbers are hard to picture. Say 'more than 1,000', 'about 1 in 5 people' or 'a lot', "
        "or compare it with something people know.",
    )


_PERCENT = re.compile(r"(?<![\w-])\d[\d,.]*\s?(?:%|per\s?cent\b)|\bper\s?cent(?:age)?s?\b", re.IGNORECASE)
_DECIMAL = re.compile(r"^[£$€]?\d+\.\d+")
_TIME = re.compile(r"^\d{1,2}[.:]\d{2}(?:am|pm)?$", re.IGNORECASE)
_MONEY = re.compile(r"^[£$€]\d[\d,]*\.\d{2}$")
_FRACTION_CHARS = re.compile("[\u00bc\u00bd\u00be\u2150-\u215e]")
_FRACTION_WORDS = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:third|fifth|sixth|seventh|eighth|ninth|tenth)s?"
    r"|thirds|fifths|sixths|sevenths|eighths|ninths|tenths)\b",
    re.IGNORECASE,
)
_SLASH_FRACTION = re.compile(r"^\d{1,2}/\d{1,2}$")
_FRACTION_HINTS = frozenset(
    "per percent percentage percentages third thirds fifth fifths sixth sixths seventh sevenths "
    "eighth eighths ninth ninths tenth tenths".split()
)


def check_percentages(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NUM-PERCENT: percentages, fractions and decimals need help (IE, COGA, Copian; rule 11)."""
    if view.kind not in WORD_KINDS:
        return []
    if not view.has_digit and view.word_set.isdisjoint(_FRACTION_HINTS) and not _FRACTION_CHARS.search(view.text):
        return []
    settings = ctx.settings.numbers
    pct = _severity(settings.percentages, Severity.WARNING)
    dec = _severity(settings.decimals, Severity.WARNING)
    found = []
    if pct is not None:
        for regex in (_PERCENT, _FRACTION_CHARS, _FRACTION_WORDS):
            for match in regex.finditer(view.text):
                sentence = view.sentence_at(match.start())
                found.append(
                    ctx.problem(
                        "ER-NUM-PERCENT", pct, view, sentence,
                        f"{_quote(match.group().strip())} is a percentage or a fraction.",
                        "Many readers find these hard. Say '3 in 10 people', 'half' or 'most', "
                        "or show it in a picture.",
                    )
                )
        for token in view.tokens:
            if token.kind == NUMBER and _SLASH_FRACTION.match(token.text) and token.text != "24/7":
                found.append(
                    ctx.problem(
                        "ER-NUM-PERCENT", pct, view, view.sentence_at(token.start),
                        f"{_quote(token.text)} is a fraction.",
                        "Say it in words, for example 'half' or '3 in 4 people'.",
                    )
                )
    if dec is not None:
        for token in view.tokens:
            text = token.text
            if token.kind != NUMBER or not _DECIMAL.match(text) or text.count(".") != 1:
                continue
            if _TIME.match(text) or _MONEY.match(text):
                continue  # 2.30pm and £5.50 are fine (rule 12 and everyday prices)
            found.append(
                ctx.problem(
                    "ER-NUM-PERCENT", dec, view, view.sentence_at(token.start),
                    f"{_quote(text)} is a decimal number.",
                    "Round it to a whole number, or say 'about' and the nearest whole number.",
                )
            )
    return found


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
_NUMERIC_DATE = re.compile(r"(?<![\w/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(?![\w/-]|\.\d)")
_ORDINAL_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)(?:\s+of)?\s+{_MONTHS}\b|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)\b", re.IGNORECASE
)
_DASH_RANGE = re.compile(
    rf"\b{_DAYS}\s?[-\u2013\u2014]\s?{_DAYS}\b|\b\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:am|pm)?\s?[-\u2013\u2014]\s?\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:am|pm)\b"
    rf"|\b\d{{1,2}}\s?[-\u2013\u2014]\s?\d{{1,2}}\s+{_MONTHS}\b|\b{_MONTHS}\s?[-\u2013\u2014]\s?{_MONTHS}\b",
    re.IGNORECASE,
)
_24_HOUR = re.compile(r"(?<![\w.:/£$-])(?:0\d|1[3-9]|2[0-3])[:.][0-5]\d(?!\s?(?:am|pm)|[\w:/]|\.\d)", re.IGNORECASE)
_NOON = re.compile(r"\b12\s?(?:am|pm)\b", re.IGNORECASE)


def check_dates(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-DATE: dates and times people can read aloud (COGA, GDS, IE; rule 12)."""
    if view.kind not in WORD_KINDS:
        return []
    if not view.has_digit and "-" not in view.text and "\u2013" not in view.text and "\u2014" not in view.text:
        return []
    numeric = _severity(ctx.settings.numbers.numeric_dates, Severity.ERROR)
    found = []
    checks: list[tuple[re.Pattern[str], Severity | None, str, str]] = [
        (_NUMERIC_DATE, numeric, "{x} is a date written in numbers.",
         "Write the month as a word, for example 'Tuesday 4 March 2025'."),
        (_ORDINAL_DATE, Severity.WARNING, "{x} uses 'st', 'nd', 'rd' or 'th'.",
         "Write dates like '1 March'."),
        (_DASH_RANGE, Severity.WARNING, "{x} uses a dash for 'to'.",
         "Write 'to', for example '9am to 5pm' or 'Monday to Friday'."),
        (_24_HOUR, Severity.WARNING, "{x} is a time on the 24-hour clock.",
         "Write times like '2pm' or '9.30am'."),
        (_NOON, Severity.WARNING, "{x} can be confusing.", "Write 'midday' or 'midnight'."),
    ]
    for regex, severity, message, hint in checks:
        if severity is None:
            continue
        for match in regex.finditer(view.text):
            if view.is_masked(match.start(), match.end()):
                continue
            sentence = view.sentence_at(match.start())
            found.append(
                ctx.problem("ER-DATE", severity, view, sentence, message.format(x=_quote(match.group())), hint)
            )
    return found


def check_roman(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-ROMAN: no Roman numerals such as 'Phase IV' (COGA; rule 13)."""
    severity = _severity(ctx.settings.numbers.roman, Severity.ERROR)
    if severity is None or view.kind not in WORD_KINDS or not _ROMAN_HINT.search(view.text):
        return []
    found = []
    for token in view.tokens:
        if token.kind == WORD and _is_roman(view, token) and token.text not in ctx.known_short_forms:
            found.append(_roman(ctx, view, token.start, token.text, severity))
    for match in _ROMAN_BRACKETS.finditer(view.text):
        found.append(_roman(ctx, view, match.start(), match.group(), severity))
    return found


def _roman(ctx: PageContext, view: PointView, start: int, text: str, severity: Severity) -> Problem:
    return ctx.problem(
        "ER-ROMAN", severity, view, view.sentence_at(start),
        f"{_quote(text)} is a Roman numeral.",
        "Use ordinary numbers like 1, 2 and 3. Roman numerals confuse readers and screen readers.",
    )


_SYMBOL_WORDS: Mapping[str, str] = MappingProxyType(
    {"&": "and", "/": "or", "+": "and", "=": "is", "@": "at", "~": "about", "<": "less than", ">": "more than"}
)
_SYMBOLS = re.compile(r"[&~<>*#+=\u00a7@\\|]|(?<=[A-Za-z])/(?=[A-Za-z])")
_LATIN_SHORT = re.compile(r"(?<![\w.])(?:e\.g\.|i\.e\.|etc\.?|eg|ie|vs\.?|viz\.?|c\.(?=\s?\d)|n\.b\.)(?![\w])", re.IGNORECASE)
_LATIN_HINTS: Mapping[str, str] = MappingProxyType({
    "e.g.": "Write 'for example'.", "eg": "Write 'for example'.",
    "i.e.": "Write 'this means' or 'that is'.", "ie": "Write 'this means' or 'that is'.",
    "etc": "Say all the things, or write 'and other things'.",
    "etc.": "Say all the things, or write 'and other things'.",
    "vs": "Write 'and' or 'compared with'.", "vs.": "Write 'and' or 'compared with'.",
    "viz": "Write 'that is'.", "viz.": "Write 'that is'.", "c.": "Write 'about'.",
    "n.b.": "Write 'please note'.",
})


def check_symbols(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-SYMBOLS: no symbols or short Latin forms in place of words (IE, GDS, NORF; rule 14)."""
    if view.kind not in WORD_KINDS:
        return []
    skip = [(t.start, t.end) for t in view.tokens if t.kind in (SKIP, "phone")]
    found = []
    for match in _SYMBOLS.finditer(view.text):
        if any(a <= match.start() < b for a, b in skip):
            continue
        symbol = match.group()
        word = _SYMBOL_WORDS.get(symbol)
        hint = f"Write the word instead, for example {_quote(word)}." if word else "Use words instead of symbols."
        found.append(
            ctx.problem("ER-SYMBOLS", Severity.WARNING, view, view.sentence_at(match.start()),
                        f"{_quote(symbol)} is a symbol used as a word.", hint)
        )
    for match in _LATIN_SHORT.finditer(view.text):
        text = match.group()
        if text.lower() in ("ie", "eg") and text.isupper():
            continue  # "IE" and "EG" in capitals are something else
        found.append(
            ctx.problem("ER-SYMBOLS", Severity.WARNING, view, view.sentence_at(match.start()),
                        f"{_quote(text)} is a short form many readers do not know.",
                        _LATIN_HINTS.get(text.lower(), "Write the words in full."))
        )
    if ctx.easy_read and view.kind in SENTENCE_KINDS:
        for sentence in view.sentences:
            if "(" in sentence.text:
                found.append(
                    ctx.problem("ER-SYMBOLS", Severity.INFO, view, sentence,
                                "This sentence has brackets.",
                                "Brackets make a sentence harder to follow. Try a new sentence instead.")
                )
    return found


_SOFT_HYPHEN = "\u00ad"


def check_soft_hyphen(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NO-HYPHEN-BREAK: no soft hyphens that split words across lines (PF, IE; rule 27)."""
    if _SOFT_HYPHEN not in view.point.text:
        return []
    offset = view.point.text.index(_SOFT_HYPHEN)
    return [
        ctx.problem("ER-NO-HYPHEN-BREAK", Severity.ERROR, view, view.sentence_at(offset) if view.sentences else None,
                    "This text has a hidden hyphen that can split a word across 2 lines.",
                    "Remove the soft hyphen. Never split a word across lines.")
    ]


# --- point rules: word lists --------------------------------------------------------------


def _phrase_problems(
    view: PointView,
    ctx: PageContext,
    phrases: PhraseList,
    rule: str,
    default: Severity,
    message: Callable[[Match], str],
    hint: Callable[[Match], str],
    skip_explained: bool = True,
) -> list[Problem]:
    """Report every match of a phrase list in a point."""
    if view.kind not in WORD_KINDS:
        return []
    found = []
    matches = view.avoid_matches(ctx.words) if phrases is ctx.words.avoid else view.find(phrases)
    for match in matches:
        if view.is_masked(match.start, match.end):
            continue
        if skip_explained and ctx.is_glossary_word(match.text):
            continue
        severity = severity_from(match.term.level) if match.term.level else default
        if severity is None:
            continue
        found.append(ctx.problem(rule, severity, view, view.sentence_at(match.start), message(match), hint(match)))
    return found


def _cap(text: str) -> str:
    """Return text with a capital first letter and a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def check_jargon(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-JARGON: words to avoid, with the plain word (GDS, LGA09, RG; rule 17)."""
    return _phrase_problems(
        view, ctx, ctx.words.avoid, "ER-JARGON", Severity.WARNING,
        lambda m: f"{_quote(m.text)} is a word to avoid.",
        lambda m: f"Try: {m.term.plain}.",
    )


def check_idioms(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-IDIOM: literal language only (IE standard 10, COGA, GDS; rule 18)."""
    return _phrase_problems(
        view, ctx, ctx.words.idioms, "ER-IDIOM", Severity.WARNING,
        lambda m: f"{_quote(m.text)} is a saying that some readers take word for word.",
        lambda m: _cap(m.term.plain),
    )


def check_foreign(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-FOREIGN: no Latin or foreign words (IE standard 11, GDS, RG; rule 20)."""
    return _phrase_problems(
        view, ctx, ctx.words.foreign, "ER-FOREIGN", Severity.WARNING,
        lambda m: f"{_quote(m.text)} is a Latin or foreign word.",
        lambda m: _cap(m.term.plain),
    )


def check_preferred_terms(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-PREFERRED-TERMS: respectful wording (ERS, LGA09; rule 21). Info only: groups choose their words."""
    return _phrase_problems(
        view, ctx, ctx.words.preferred, "ER-PREFERRED-TERMS", Severity.INFO,
        lambda m: f"Many people prefer other words to {_quote(m.text)}.",
        lambda m: _cap(m.term.plain),
        skip_explained=False,
    )


# --- point rules: formatting and pictures ----------------------------------------------------


def _formatting(view: PointView, ctx: PageContext, phrases: Sequence[str], rule: str, message: str, hint: str) -> list[Problem]:
    """Report each formatted phrase at the sentence that holds it."""
    found = []
    for phrase in phrases:
        offset = view.point.text.find(phrase)
        sentence = view.sentence_at(max(offset, 0)) if view.sentences else None
        found.append(ctx.problem(rule, Severity.ERROR, view, sentence, message.format(x=_quote(phrase)), hint))
    return found


def check_no_italic(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NO-ITALIC: no italics (PF, GDS, NZ clear print; rule 22)."""
    return _formatting(view, ctx, view.point.italic, "ER-NO-ITALIC", "{x} is in italics.",
                       "Italics are hard to read. Use bold for important words, or plain text.")


def check_no_underline(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NO-UNDERLINE: underline only for links (PF, COGA; rule 23)."""
    return _formatting(view, ctx, view.point.underlined, "ER-NO-UNDERLINE", "{x} is underlined but is not a link.",
                       "Readers expect underlined words to be links. Use bold instead.")


def check_no_caps(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-NO-CAPS: no runs of capital letters (GDS, NZ clear print; rule 24)."""
    if view.kind not in WORD_KINDS or not _CAPS_PAIR.search(view.text):
        return []
    found = []
    run: list[Token] = []

    def flush() -> None:
        if not run:
            return
        shouted = [t for t in run if _caps_shouted(_strip_possessive(t.text), ctx)]
        if (len(run) >= 2 and shouted) or (len(run) == 1 and shouted and len(run[0].text) >= 5):
            text = view.text[run[0].start:run[-1].end]
            found.append(
                ctx.problem("ER-NO-CAPS", Severity.WARNING, view, view.sentence_at(run[0].start),
                            f"{_quote(text)} is in capital letters.",
                            "Capital letters are hard to read. Use ordinary letters, and bold if it matters.")
            )
        run.clear()

    previous: Token | None = None
    for token in view.tokens:
        word = _strip_possessive(token.text)
        is_caps = token.kind == WORD and len(word) >= 2 and word.isupper() and word.isalpha()
        if is_caps and (not run or (previous is not None and view.text[previous.end:token.start].strip(" ,-") == "")):
            run.append(token)
        else:
            flush()
            if is_caps:
                run.append(token)
        previous = token
    flush()
    return found


def check_picture(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-PIC-PER-IDEA: every easy-read point has a picture unless the author chose none (DH09, PIF, PF; rule 37)."""
    if not ctx.settings.pictures.required_per_row or view.kind not in SENTENCE_KINDS:
        return []
    point = view.point
    if point.chosen_picture is not None or point.picture == NONE:
        return []
    return [
        ctx.problem("ER-PIC-PER-IDEA", Severity.ERROR, view, view.sentences[0] if view.sentences else None,
                    "This point has no picture.",
                    "Add a picture with [picture: name] at the start, or write [picture: none] if it needs none.",
                    excerpt=point.text)
    ]


def check_quoted(view: PointView, ctx: PageContext) -> list[Problem]:
    """ER-QUOTED: people's own words are shown, not checked (decisions.md)."""
    if view.kind != QUOTE:
        return []
    return [
        ctx.problem("ER-QUOTED", Severity.INFO, view, None, "quoted, not checked",
                    "These are someone's own words, so the sentence and word rules do not apply.",
                    excerpt=view.point.text)
    ]


# --- page rules (first use on each page) ------------------------------------------------------


def _abbreviation_explained(page_text: str, short: str) -> bool:
    """Return True when the page gives the full words of a short form (rule 15, G97).

    "integrated care board (ICB)", "ICB (integrated care board)",
    "ICB means ...", "ICB stands for ...", "ICB is short for ...".
    """
    s = re.escape(short)
    pattern = (
        rf"\b{s}s?\s*\(\s*[A-Za-z][\w'-]*(?:[\s,]+[\w'-]+)+\s*\)"
        rf"|[A-Za-z][\w'-]*(?:\s+[\w'-]+)+\s*\(\s*{s}s?\s*\)"
        rf"|\b{s}s?\s+(?:means|stands\s+for|is\s+short\s+for|is\s+the|is\s+a|is\s+an|are)\b"
        rf"|\b{s}s?\s*[:\u2013\u2014-]\s+[a-z]"
    )
    return re.search(pattern, page_text) is not None


def check_abbreviations(ctx: PageContext) -> list[Problem]:
    """ER-ABBR: short forms not in the site list or allow list warn at first use on each page (IE 12, GDS, G97; rule 15)."""
    found = []
    seen: set[str] = set()
    for view in ctx.checked:
        for token in view.tokens:
            if token.kind not in (WORD, DOTTED) or view.is_masked(token.start, token.end):
                continue
            parts = [token] if "-" not in token.text else [
                Token(p, token.start, token.end, token.kind) for p in token.text.split("-")
            ]
            for part in parts:
                short = _abbreviation_base(view, part, ctx)
                if short is None or short in seen or short in ctx.known_short_forms:
                    continue
                seen.add(short)
                if ctx.is_glossary_word(short) or short.lower() in ctx.names:
                    continue
                sentence = view.sentence_at(token.start)
                full = ctx.words.acronyms.get(short)
                if _abbreviation_explained(ctx.page_text, short):
                    if ctx.easy_read:
                        found.append(
                            ctx.problem("ER-ABBR", Severity.INFO, view, sentence,
                                        f"{_quote(short)} is explained on this page.",
                                        "Easy read prefers the full words each time, if you can.")
                        )
                    continue
                hint = "Write the full words, or explain it the first time you use it on this page"
                hint += f", for example '{full} ({short})'." if full else "."
                found.append(
                    ctx.problem("ER-ABBR", Severity.WARNING, view, sentence,
                                f"{_quote(short)} is a short form. Not everyone knows what it means.", hint)
                )
    return found


@functools.lru_cache(maxsize=262144)
def word_difficulty(
    word: str,
    lang: str,
    easy: float,
    hard: float,
    letters: int,
    syllable_count: int,
    common: float,
    prefixes: frozenset[str],
) -> tuple[Severity, str] | None:
    """Return (severity, "rare" or "long") for a hard lower-case word, or None (rule 16; cached per word)."""
    z = word_zipf(word, lang, prefixes)
    if z < easy:
        return (Severity.ERROR if z < hard else Severity.WARNING, "rare")
    if len(word) - word.count("-") >= letters and z < common and syllables(word) >= syllable_count:
        return (Severity.WARNING, "long")
    return None


def _hard_word_problem(ctx: PageContext, view: PointView, token: Token, word: str) -> Problem | None:
    """Return a problem when ``word`` is hard by frequency or length (rule 16), else None."""
    settings = ctx.settings
    verdict = word_difficulty(
        word, settings.zipf.lang, settings.zipf.easy, settings.zipf.hard, settings.long_word.letters,
        settings.long_word.syllables, settings.long_word.common_zipf, ctx.words.hyphen_prefixes,
    )
    if verdict is None:
        return None
    severity, why = verdict
    sentence = view.sentence_at(token.start)
    if why == "rare":
        return ctx.problem(
            "ER-HARD-WORD", severity, view, sentence,
            f"{_quote(token.text)} is not a common word.",
            "Use a more common word, or make it bold and explain it the first time you use it on this page.",
        )
    return ctx.problem(
        "ER-HARD-WORD", severity, view, sentence,
        f"{_quote(token.text)} is a long word.",
        "Long words are hard to read. Try a shorter word.",
    )


def check_hard_words(ctx: PageContext) -> list[Problem]:
    """ER-HARD-WORD: jargon, rare and long words must be explained, reported at first use on each page (IE 6-7, DH09, COGA; rule 16).

    Skips glossary words, words the page explains, names from the settings,
    capitalised words inside a sentence (names), short forms (ER-ABBR),
    numbers and words on the "words to avoid" list (ER-JARGON).
    """
    found = []
    seen: set[str] = set()
    words = ctx.words
    for view in ctx.checked:
        covered: set[int] = set()  # character offsets inside words-to-avoid and jargon matches
        for match in view.avoid_matches(words):
            covered.update(range(match.start, match.end))
        for match in view.find(words.jargon):
            if view.is_masked(match.start, match.end) or match.start in covered or match.end - 1 in covered:
                continue
            covered.update(range(match.start, match.end))
            key = match.term.key
            if key in seen:
                continue
            seen.add(key)
            if ctx.is_explained(match.text) or ctx.is_explained(key):
                continue
            severity = severity_from(match.term.level) if match.term.level else Severity.ERROR
            if severity is None:
                continue
            found.append(
                ctx.problem(
                    "ER-HARD-WORD", severity, view, view.sentence_at(match.start),
                    f"{_quote(match.text)} is a hard word.",
                    f"Use easier words, or make it bold and explain it the first time you use it on this page, "
                    f"for example: '{match.text}' means {match.term.plain}.",
                )
            )
        for sentence in view.sentences:
            for position, token in enumerate(sentence.words):
                if token.kind != WORD or token.start in covered:
                    continue
                text = token.text
                if "'" in text:
                    text = _strip_possessive(text)
                    if "'" in text:
                        continue  # a short form such as "we'll": common words
                if len(text) < 3:
                    continue
                word = text.lower()
                if word in seen or word in words.everyday or word in ctx.names:
                    continue
                if not text[1:].islower():
                    if text.isupper() or _abbreviation_base(view, token, ctx) is not None:
                        continue  # short forms: ER-ABBR; words in capitals: ER-NO-CAPS
                if text[0].isupper() and position > 0 and not view.title_case:
                    continue  # a capital inside a sentence: a name
                if not word.replace("-", "").isalpha() or view.is_masked(token.start, token.end):
                    continue
                seen.add(word)
                problem = _hard_word_problem(ctx, view, token, word)
                if problem is None:
                    continue
                if ctx.is_explained(word) or (text[0].isupper() and ctx.looks_like_name(text)):
                    ctx.spans.pop(problem, None)
                    continue
                found.append(problem)
    return found


def check_consistent(ctx: PageContext) -> list[Problem]:
    """ER-CONSISTENT: the same word for the same thing on a page (IE standard 9, ERS, COGA; rule 19)."""
    first_use: dict[int, dict[str, tuple[PointView, Match]]] = {}
    for view in ctx.checked:
        for match in view.find(ctx.words.synonyms):
            group = first_use.setdefault(match.term.group, {})
            group.setdefault(match.term.key, (view, match))
    found = []
    for index, members in sorted(first_use.items()):
        if len(members) < 2:
            continue
        ordered = sorted(members.items(), key=lambda kv: (kv[1][0].point.line, kv[1][1].start))
        (_, (_, first)), (_, (view, second)) = ordered[0], ordered[1]
        suggested = ctx.words.synonym_groups[index][0]
        found.append(
            ctx.problem(
                "ER-CONSISTENT", Severity.WARNING, view, view.sentence_at(second.start),
                f"This page uses both {_quote(first.text)} and {_quote(second.text)}.",
                f"Use the same word for the same thing every time, for example {_quote(suggested)}.",
            )
        )
    return found


def check_bold_share(ctx: PageContext) -> list[Problem]:
    """ER-BOLD-ONLY-FOR-HARD-WORDS: note when over 10% of words are bold (PF, GOVUK-AF, GDS; rule 25)."""
    total = sum(s.word_count for v in ctx.checked for s in v.sentences)
    bold = sum(len(tokenize(b)) for v in ctx.checked for b in v.point.bold)
    if not total or bold / total <= ctx.settings.bold.max_share:
        return []
    share = round(100 * bold / total)
    return [
        ctx.problem("ER-BOLD-ONLY-FOR-HARD-WORDS", Severity.INFO, None, None,
                    f"{share}% of the words on this page are bold.",
                    "Use bold only for hard words, so they stand out.")
    ]


def check_page_words(ctx: PageContext) -> list[Problem]:
    """ER-PAGE-WORDS: warn over 500 words, error over 1,000 on an easy-read page (ERS, DH09, GOVUK-AF; rule 44)."""
    total = sum(s.word_count for v in ctx.views for s in v.sentences)
    limits = ctx.settings.page_words
    if total <= limits.warn:
        return []
    severity = Severity.ERROR if total > limits.error else Severity.WARNING
    return [
        ctx.problem("ER-PAGE-WORDS", severity, None, None,
                    f"This page has {total:,} words.",
                    f"Easy-read pages work best under {limits.warn} words. Split it into parts, each on its own page.")
    ]


def reading_counts(ctx: PageContext):
    """Return the TextCounts of the page's sentences (paragraphs and list items, not quotes)."""
    return count_sentences(s for v in ctx.views if v.kind in SENTENCE_KINDS for s in v.sentences)


def check_readability(ctx: PageContext) -> list[Problem]:
    """ER-READABILITY: Flesch scores as information; a warning only on long easy-read pages (WCAG 3.1.5, NORF; rule 53)."""
    counts = reading_counts(ctx)
    if not counts.words:
        return []
    settings = ctx.settings.readability
    ease, grade = counts.reading_ease, counts.grade
    target = ctx.sentence_limits.page_average_target
    summary = (
        f"Reading ease {ease:.0f} (Flesch), grade {grade:.1f} (Flesch-Kincaid), "
        f"{counts.words} words, {counts.average_sentence_words:.1f} words a sentence on average "
        f"(aim for {target} or fewer)."
    )
    hard = grade > settings.fk_grade_warn or ease < settings.fre_warn_below
    if ctx.easy_read and counts.words >= settings.min_words and hard:
        return [
            ctx.problem("ER-READABILITY", Severity.WARNING, None, None, f"This page may be hard to read. {summary}",
                        "Use shorter sentences and common words. Scores are only a guide: ask readers.")
        ]
    return [
        ctx.problem("ER-READABILITY", Severity.INFO, None, None, summary,
                    "Scores are only a guide, and mean little under 100 words.")
    ]


# --- the registry -----------------------------------------------------------------------------

POINT = "point"
PAGE = "page"


@dataclass(frozen=True)
class Rule:
    """One rule: its id, usual severity, which pages it applies to and its check."""

    id: str
    default_severity: Severity
    applies_to: str
    """"easy-read" (easy-read pages only) or "all" (standard pages too)."""
    check: Callable[..., list[Problem]]
    per: str = POINT
    """"point": check(view, ctx) for each point; "page": check(ctx) once."""
    text: bool = True
    """False for rules about pictures, which ``check --text`` leaves out."""
    kinds: frozenset[str] = WORD_KINDS
    """Kinds of point a point rule reads (people's own words, "quote", get only ER-QUOTED)."""


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule("ER-SENT-LEN", E, ALL, check_sentence_length, kinds=SENTENCE_KINDS),
    Rule("ER-ONE-IDEA", W, EASY_READ, check_one_idea, kinds=SENTENCE_KINDS),
    Rule("ER-ACTIVE", W, EASY_READ, check_active, kinds=SENTENCE_KINDS),
    Rule("ER-NEGATIVE", W, EASY_READ, check_negative, kinds=SENTENCE_KINDS),
    Rule("ER-CONTRACTION", W, ALL, check_contraction),
    Rule("ER-PARA-LEN", W, EASY_READ, check_paragraph_length, kinds=SENTENCE_KINDS),
    Rule("ER-LIST", I, EASY_READ, check_list, kinds=SENTENCE_KINDS),
    Rule("ER-NUM-DIGITS", W, EASY_READ, check_number_words),
    Rule("ER-NUM-BIG", W, EASY_READ, check_big_numbers),
    Rule("ER-NUM-PERCENT", W, EASY_READ, check_percentages),
    Rule("ER-DATE", E, ALL, check_dates),
    Rule("ER-ROMAN", E, ALL, check_roman),
    Rule("ER-SYMBOLS", W, EASY_READ, check_symbols),
    Rule("ER-ABBR", W, ALL, check_abbreviations, per=PAGE),
    Rule("ER-HARD-WORD", E, EASY_READ, check_hard_words, per=PAGE),
    Rule("ER-JARGON", W, ALL, check_jargon),
    Rule("ER-IDIOM", W, ALL, check_idioms),
    Rule("ER-CONSISTENT", W, EASY_READ, check_consistent, per=PAGE),
    Rule("ER-FOREIGN", W, ALL, check_foreign),
    Rule("ER-PREFERRED-TERMS", I, ALL, check_preferred_terms),
    Rule("ER-NO-ITALIC", E, ALL, check_no_italic),
    Rule("ER-NO-UNDERLINE", E, ALL, check_no_underline),
    Rule("ER-NO-CAPS", W, ALL, check_no_caps),
    Rule("ER-BOLD-ONLY-FOR-HARD-WORDS", I, EASY_READ, check_bold_share, per=PAGE),
    Rule("ER-NO-HYPHEN-BREAK", E, ALL, check_soft_hyphen),
    Rule("ER-ONE-SENTENCE-PER-LINE", I, EASY_READ, check_one_sentence_per_line, kinds=SENTENCE_KINDS),
    Rule("ER-PIC-PER-IDEA", E, EASY_READ, check_picture, text=False, kinds=SENTENCE_KINDS),
    Rule("ER-PAGE-WORDS", E, EASY_READ, check_page_words, per=PAGE),
    Rule("ER-READABILITY", I, ALL, check_readability, per=PAGE),
    Rule("ER-QUOTED", I, ALL, check_quoted, kinds=frozenset({QUOTE})),
)
"""Every text rule, in the order findings are made."""

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
"""The rules by id."""


def run_rules(ctx: PageContext, rules: Iterable[Rule]) -> Iterator[Problem]:
    """Run the given rules over the page in ``ctx``."""
    rules = list(rules)
    point_rules = [r for r in rules if r.per == POINT]
    by_kind: dict[str, list[Rule]] = {}
    for view in ctx.views:
        kind = view.kind
        if kind not in by_kind:
            by_kind[kind] = [r for r in point_rules if kind in r.kinds]
        for rule in by_kind[kind]:
            yield from rule.check(view, ctx)
    for rule in rules:
        if rule.per == PAGE:
            yield from rule.check(ctx)
