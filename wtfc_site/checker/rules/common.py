"""Shared pieces of the rules: severities, word frequency and small helpers about tokens."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from ...errors import Problem, Severity
from ..frequency import zipf_frequency
from ..text import (
    DOTTED,
    WORD,
    Sentence,
    Token,
)
from .context import PageContext, PointView

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
    """wordfreq's Zipf value for one word (cached per word; read from wordfreq's files, see frequency.py)."""
    return zipf_frequency(word, lang)


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
            if form.endswith(("er", "est")) and len(form) > 5:
                # comparatives: "quieter" is as easy as "quiet", "nearest" as "near"
                stem = form[:-2] if form.endswith("er") else form[:-3]
                forms |= {stem, stem + "e"} | ({stem[:-1] + "y"} if stem.endswith("i") else set())
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
    before = view.text[max(0, token.start - 20):token.start].split()
    previous = before[-1].strip("(") if before else ""
    if previous.lower() in _ROMAN_LABELS:
        return True
    if previous[:1].isupper() and previous[1:].islower() and previous.isalpha():
        return False  # the numeral of a name: "King Charles III", "Queen Elizabeth II", "Henry VIII"
    return word in _ROMAN_COMMON


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


