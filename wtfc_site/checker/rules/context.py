"""The page being checked: the kinds of point, each point split into sentences and
tokens once (``PointView``), the page with its settings and word lists
(``PageContext``), and how a word is explained on the page."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...errors import Problem, Severity
from ...points import NONE, PageText, Point
from ..settings import CheckerSettings, SentenceWords
from ..text import (
    WORD,
    Sentence,
    TextCounts,
    Token,
    make_sentence,
    normalise,
    split_sentences,
    tokenize,
)
from ..wordlists import (
    Match,
    PhraseList,
    PhraseWord,
    WordLists,
    phrase_key,
    phrase_words,
)
from .explained import explained_inline

_ORGANISATION_WORDS = (
    "Council|City|County|Borough|Town|Village|Police|NHS|Trust|Hospital|Hospitals|Board|Group|Forum|Centre|Center"
    "|Road|Street|Lane|Park|Library|School|College|University|Housing|Association|Partnership|People First"
)


def _begins_organisation_name(word: str, text: str) -> bool:
    """Return True when ``word`` begins a place's or an organisation's name in ``text``: up to 4 more capitalised
    words (or 'and'), then a word such as Council, Trust, Board or Road. Real documents print these names in
    letterheads and footers, often at the start of a line where no other clue says the first word is a name."""
    pattern = (rf"(?<![\w-]){re.escape(word)}(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'-]*){{0,4}}?"
               rf"[ \t]+(?:{_ORGANISATION_WORDS})\b")
    return re.search(pattern, text) is not None

EASY_READ = "easy-read"
ALL = "all"

SENTENCE_KINDS = frozenset({"paragraph", "list-item"})
"""Kinds of point that hold sentences (the sentence and paragraph rules)."""
WORD_KINDS = frozenset({"paragraph", "list-item", "heading", "table-cell"})
"""Kinds of point that get the word rules. Quotes (people's own words) get none."""
QUOTE = "quote"

_DIGIT = re.compile(r"\d")

# --- the page being checked -------------------------------------------------------


@dataclass(frozen=True)
class PointCounts:
    """What the page rules count over some points: their reading counts and their words."""

    reading: TextCounts
    """Words, sentences and syllables of the paragraphs and list items (``reading_counts``)."""
    words: int
    """Words of every point (``check_page_words``)."""


@dataclass
class PointView:
    """One point, split into sentences and tokens once, shared by all rules.

    The split is made when a rule first asks for it: the visible-text check reads the author's points
    only for the page rules' "first use on this page", which seldom needs their sentences (and their
    counts come from the authored check, ``PointCounts``)."""

    point: Point
    text: str
    """The point's text, normalised (plain apostrophes and hyphens; same offsets)."""
    names: re.Pattern[str] | None = None
    """The names from the settings (``_names_regex``), whose spans the word rules skip."""
    kind: str = ""
    """The point's kind (copied from the point)."""
    _avoid: list[Match] | None = None

    def __post_init__(self) -> None:
        self.kind = self.point.kind

    @functools.cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The point's sentences (a heading or table cell is one sentence)."""
        return _split(self.point, self.text)

    @functools.cached_property
    def masked(self) -> tuple[tuple[int, int], ...]:
        """Spans of names from the settings that the word rules skip."""
        regex = self.names
        return tuple((m.start(), m.end()) for m in regex.finditer(self.text)) if regex else ()

    @functools.cached_property
    def word_count(self) -> int:
        """How many words the point has (its sentences' words; counted from its tokens when not yet split)."""
        if "sentences" in self.__dict__:
            return sum(len(s.words) for s in self.sentences)
        return sum(1 for t in self.tokens if t.counted)

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
        """Every token of every sentence, in order (the point's tokens: a split leaves none out, so a point
        of sentences not yet split is only tokenized; test_checker_fast_paths compares the two ways)."""
        if "sentences" in self.__dict__ or self.kind not in SENTENCE_KINDS:
            return tuple(t for s in self.sentences for t in s.tokens)
        return tuple(tokenize(self.text))

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
    counts: TextCounts | None = None
    """The words, sentences and syllables of the paragraphs and list items (``reading_counts``), once counted."""
    reported: frozenset[int] | None = None
    """ids of the views whose findings are wanted (None: every view). The point rules read only
    these; the page rules read every view but need not make findings on the others."""
    known: PointCounts | None = None
    """The counts of the views whose findings are not wanted, when the caller has them already (the
    authored check counted the author's points): the page's counts are these plus the wanted views'."""
    _explained_cache: dict[str, bool] = field(default_factory=dict)
    _name_cache: dict[str, bool] = field(default_factory=dict)

    def reports(self, view: PointView) -> bool:
        """Return True when findings on ``view`` are wanted (see ``reported``)."""
        return self.reported is None or id(view) in self.reported

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

    @functools.cached_property
    def heading_starts(self) -> frozenset[int]:
        """Where each heading point starts in ``page_text`` (a glossary's section ends at the next one)."""
        starts, offset = set(), 0
        for view in self.checked:
            if view.kind == "heading":
                starts.add(offset)
            offset += len(view.text) + 1
        return frozenset(starts)

    def looks_like_name(self, word: str) -> bool:
        """Return True when a capitalised word at the start of a sentence is used as a name on this page.

        It is a name when the page also has it with a capital inside a
        sentence, or has it with a capital at least twice and never in
        lower case ("Karen told us ... Karen will ask"), or it begins the
        name of a place or organisation ("Castlebridge City Council",
        "Westbrook and Northmoor Integrated Care Board", see
        ``_begins_organisation_name``), as a footer or a letterhead writes it.
        """
        if word in self._name_cache:
            return self._name_cache[word]
        text = self.page_text
        escaped = re.escape(word)
        capitals = len(re.findall(rf"(?<![\w-]){escaped}(?![\w-])", text))
        # In lower case as a word, not inside an e-mail or web address ("info@castlebridge.gov.uk").
        lower = re.search(rf"(?<![\w@./-]){re.escape(word.lower())}(?![\w-]|\.\w)", text) is not None
        # Spaces only: page_text puts each point on its own line, and a heading's last word is not
        # the word before a name.
        inside = re.search(rf"[a-z0-9,;][ \t]+{escaped}(?![\w-])", text) is not None
        result = not lower and (inside or capitals >= 2 or _begins_organisation_name(word, text))
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
        "X - ...", "... (X)", "called X", "known as X", X followed by a
        sentence that starts "This means", "It means", "This is" or
        "These are", and X alone on a line under a heading such as "Hard
        words" or "Words to know", its meaning on the next line or after a
        tab (the glossary at the end of a published easy-read document).
        """
        key = word.lower()
        if key in self._explained_cache:
            return self._explained_cache[key]
        result = self.is_glossary_word(word) or explained_inline(self.page_text, word, self.heading_starts)
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


def _split(point: Point, text: str) -> tuple[Sentence, ...]:
    """Return the sentences of a point whose normalised text is ``text`` (a heading or table cell is one)."""
    if point.kind in SENTENCE_KINDS:
        return tuple(split_sentences(point.text, point.line_starts))
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    tokens = tuple(tokenize(text, start, start + len(stripped)))
    return (make_sentence(point.text, start, start + len(stripped), tokens),) if tokens else ()


def make_view(point: Point, names: tuple[str, ...] = ()) -> PointView:
    """Return the view of a point; its sentences and name spans are worked out when first asked for."""
    return PointView(point, normalise(point.text), _names_regex(names))


def make_context(page: PageText, settings: CheckerSettings, words: WordLists) -> PageContext:
    """Build the PageContext for one page (each point split once)."""
    points = list(page.points)
    if page.title.strip() and not any(p.kind == "heading" and p.text.strip() == page.title.strip() for p in points):
        points.insert(0, Point(line=page.title_line or 1, text=page.title, kind="heading", picture=NONE))
    views = tuple(make_view(p, settings.names) for p in points)
    return PageContext(page=page, settings=settings, words=words, views=views)
