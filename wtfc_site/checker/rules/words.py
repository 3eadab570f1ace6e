"""Word rules: jargon, idioms, foreign and preferred terms from the word lists, and
the page-level checks that abbreviations and hard words are explained and that
the same thing is called the same name."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...errors import Problem, Severity
from ..text import (
    DOTTED,
    WORD,
    Token,
    syllables,
)
from ..wordlists import (
    Match,
    PhraseList,
    phrase_words,
)
from .common import (
    _abbreviation_base,
    _quote,
    _strip_possessive,
    severity_from,
    word_zipf,
)
from .context import WORD_KINDS, PageContext, PointView

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


def _short_forms(view: PointView, ctx: PageContext) -> Iterator[tuple[Token, str]]:
    """Yield each word of a point that is a short form (or each such part of a hyphenated word), with its short form."""
    for token in view.tokens:
        kind, text = token.kind, token.text
        if kind != WORD and kind != DOTTED:
            continue
        if kind == WORD and (len(text) < 2 or text[1:].islower()) and "-" not in text:
            continue  # "Word" or "word": never a short form (_abbreviation_base's first test, without a call a word)
        if view.is_masked(token.start, token.end):
            continue
        parts = [token] if "-" not in text else [Token(p, token.start, token.end, kind) for p in text.split("-")]
        for part in parts:
            short = _abbreviation_base(view, part, ctx)
            if short is not None:
                yield token, short


def check_abbreviations(ctx: PageContext) -> list[Problem]:
    """ER-ABBR: short forms not in the site list or allow list warn at first use on each page (IE 12, GDS, G97; rule 15)."""
    found = []
    seen: set[str] = set()
    if ctx.reported is not None and not any(
            short for view in ctx.checked if ctx.reports(view) for _, short in _short_forms(view, ctx)):
        return []  # findings are wanted only where there is no short form
    for view in ctx.checked:
        for token, short in _short_forms(view, ctx):
            if short is None or short in seen or short in ctx.known_short_forms:
                continue
            seen.add(short)
            if not ctx.reports(view) or ctx.is_glossary_word(short) or short.lower() in ctx.names:
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


def _difficulty(ctx: PageContext, word: str) -> tuple[Severity, str] | None:
    """Return ``word_difficulty`` of a lower-case word with the page's settings."""
    settings = ctx.settings
    return word_difficulty(
        word, settings.zipf.lang, settings.zipf.easy, settings.zipf.hard, settings.long_word.letters,
        settings.long_word.syllables, settings.long_word.common_zipf, ctx.words.hyphen_prefixes,
    )


def _hard_word_problem(ctx: PageContext, view: PointView, token: Token, word: str) -> Problem | None:
    """Return a problem when ``word`` is hard by frequency or length (rule 16), else None."""
    verdict = _difficulty(ctx, word)
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


def _plain_name(view: PointView, text: str, ctx: PageContext) -> bool:
    """Return True when a jargon phrase is written as a name made only of everyday words.

    "Building the Right Support" and "Care and Treatment Review" in Title
    Case inside a sentence are the plain long names of a programme or a
    meeting (issue 15): the name itself is not the hard part, and the long
    form is how easy read explains a short form. A Title Case heading says
    nothing (every word has a capital), and a name with a rare word in it
    ("Mortality Review") stays hard.
    """
    words = [w for w in re.findall(r"[A-Za-z']+", text)]
    long_words = [w for w in words if len(w) >= 4]
    if len(words) < 2 or view.title_case or not long_words or not all(w[0].isupper() for w in long_words):
        return False
    easy = ctx.settings.zipf.easy
    return all(word_zipf(w.lower(), ctx.settings.zipf.lang) >= easy for w in long_words)


def check_hard_words(ctx: PageContext) -> list[Problem]:
    """ER-HARD-WORD: jargon, rare and long words must be explained, reported at first use on each page (IE 6-7, DH09, COGA; rule 16).

    Skips glossary words, words the page explains, names from the settings,
    capitalised words inside a sentence (names), short forms (ER-ABBR),
    numbers and words on the "words to avoid" list (ER-JARGON).
    """
    found = []
    seen: set[str] = set()
    words = ctx.words
    wanted = _wanted_keys(ctx)
    for view in ctx.checked:
        if wanted is not None and not ctx.reports(view) and _cannot_matter(view, ctx, wanted):
            continue
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
            if not ctx.reports(view) or ctx.is_explained(match.text) or ctx.is_explained(key):
                continue
            if _plain_name(view, match.text, ctx):
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
                if not ctx.reports(view):
                    continue  # first used where no finding is wanted: only marked as seen
                problem = _hard_word_problem(ctx, view, token, word)
                if problem is None:
                    continue
                if ctx.is_explained(word) or (text[0].isupper() and ctx.looks_like_name(text)):
                    ctx.spans.pop(problem, None)
                    continue
                found.append(problem)
    return found


@dataclass(frozen=True)
class _Wanted:
    """What the points whose findings are wanted may look up in ``seen`` (a generous superset)."""

    keys: frozenset[str]
    """Jargon terms' keys and candidate hard words (lower case)."""
    words: frozenset[str]
    """Their words, as ``PointView.word_set`` spells them."""


def _wanted_keys(ctx: PageContext) -> _Wanted | None:
    """Return what ``check_hard_words`` may look up in its ``seen`` set on the points whose findings are wanted.

    None when findings are wanted on every point. The other points matter only through ``seen``
    (first use on the page), so one that can add none of these keys may be passed over.
    """
    if ctx.reported is None:
        return None
    keys: set[str] = set()
    for view in ctx.checked:
        if ctx.reports(view):
            keys.update(m.term.key for m in view.find(ctx.words.jargon))
            for token in view.tokens:
                word = _strip_possessive(token.text).lower() if token.kind == WORD else ""
                # A word can be reported only past these tests (see check_hard_words' loop), so whether an
                # earlier point used an easy word changes nothing.
                if (len(word) >= 3 and word not in ctx.words.everyday and word not in ctx.names
                        and _difficulty(ctx, word) is not None):
                    keys.add(word)
    return _Wanted(frozenset(keys), frozenset(w for key in keys for w, _, _ in phrase_words(key)))


def _cannot_matter(view: PointView, ctx: PageContext, wanted: _Wanted) -> bool:
    """Return True when no word or jargon term of ``view`` is one the wanted points may look up."""
    if not wanted.keys:
        return True
    return wanted.words.isdisjoint(view.word_set) and not any(
        m.term.key in wanted.keys for m in view.find(ctx.words.jargon))


def _tied(page_text: str, one: str, other: str) -> bool:
    """Return True when a sentence of the page says one word is the other ("A GP is a doctor")."""
    for a, b in ((one, other), (other, one)):
        pattern = rf"\b{re.escape(a)}s?\s+(?:is|are|means?)\s+(?:a|an|the|your|our)?\s*(?:\w+\s+){{0,3}}{re.escape(b)}\b"
        if re.search(pattern, page_text, re.IGNORECASE):
            return True
    return False


def check_consistent(ctx: PageContext) -> list[Problem]:
    """ER-CONSISTENT: the same word for the same thing on a page (IE standard 9, ERS, COGA; rule 19)."""
    if ctx.reported is not None and not any(
            next(view.find(ctx.words.synonyms), None) is not None for view in ctx.checked if ctx.reports(view)):
        return []  # a finding is made at a word of this list, and none is where findings are wanted
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
        if _tied(ctx.page_text, first.text, second.text):
            continue  # "A GP is a doctor": the page says the two words mean the same thing
        suggested = ctx.words.synonym_groups[index][0]
        found.append(
            ctx.problem(
                "ER-CONSISTENT", Severity.WARNING, view, view.sentence_at(second.start),
                f"This page uses both {_quote(first.text)} and {_quote(second.text)}.",
                f"Use the same word for the same thing every time, for example {_quote(suggested)}.",
            )
        )
    return found


