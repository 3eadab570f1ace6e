"""Number rules: digits, big numbers, percentages and fractions, dates, Roman
numerals, symbols and soft hyphens."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from ...errors import Problem, Severity
from ..text import (
    NUMBER,
    SKIP,
    WORD,
    Sentence,
)
from .common import (
    _ROMAN_BRACKETS,
    _ROMAN_HINT,
    _is_roman,
    _is_sentence_start,
    _quote,
    _severity,
)
from .context import SENTENCE_KINDS, WORD_KINDS, PageContext, PointView

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


_SECTION_LABELS = frozenset(
    "section sections item items paragraph paragraphs para clause clauses minute part chapter appendix "
    "annex point points action actions version versions release".split()
)
_AFTER_SECTION = re.compile(r"\.?\s+[A-Z\u201c\"']")


def _section_number(view: PointView, token) -> bool:
    """Return True when a number like 2.1 numbers a section or minute, not a quantity (issue 15).

    It starts the point or a source line and a capitalised word follows
    ("2.1 Apologies", "3.2 The minutes were agreed"), or a label such as
    "item" or "section" comes before it ("see item 4.2").
    """
    line_starts = {0, *(offset for offset, _ in view.point.line_starts)}
    at_start = token.start in line_starts or not view.text[:token.start].strip()
    if at_start and _AFTER_SECTION.match(view.text, token.end):
        return True
    before = view.text[max(0, token.start - 20):token.start].split()
    return bool(before) and before[-1].lower().strip("(") in _SECTION_LABELS


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
            if _section_number(view, token):
                continue
            if _BIG_WORD.match(view.text, token.start):
                continue  # "£1.4 million" is one finding, a big number (ER-NUM-BIG), not a decimal as well
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
    if view.kind not in WORD_KINDS or not view.sentences:
        return []  # a point with no words ("&" alone) has no sentence to show a finding in
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


