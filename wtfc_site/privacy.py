"""Find personal data in text people gave us, before anything is published.

``scan_text`` looks for e-mail addresses, UK phone numbers, UK postcodes,
NHS numbers and dates of birth, and returns one ERROR per finding with the
file and the exact line. Working Together for Change runs it on every quote
and every free text of a cycle; other modules may reuse it. It is never run
on ``site.yaml``: the partnership's own contact details are public by design
(decisions.md, "Privacy scan").

The patterns lean towards catching too much: a false alarm costs an author a
minute, a missed phone number can cost someone their privacy.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import Problem, Severity

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# UK numbers have 10 or 11 digits after a leading 0 (or +44 instead of the 0).
# Spaces, dashes and brackets may sit between the digit groups.
PHONE_RE = re.compile(r"(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[\s().-]{0,2}\d){9,10}(?![\w])")

# Outward code (area letters, district digit, optional letter or digit), then
# the inward code (digit and two letters; C, I, K, M, O and V are never used).
# Capitals only: lower-case text such as "r01 2pm" would match otherwise.
POSTCODE_RE = re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b")

# Ten digits, written 3-3-4 with spaces or dashes, or run together.
NHS_RE = re.compile(r"(?<![\w+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\w])")

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
DATE_RE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"                          # 03/04/1990, 3.4.90
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"                                   # 1990-04-03
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b\.?(?:,?\s+\d{{2,4}})?"  # 3rd April 1990
    rf"|\b(?:{_MONTHS})\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"  # April 3rd, 1990
    rf"|\b(?:{_MONTHS})\b\.?\s+(?:19|20)\d{{2}}\b",                  # April 1990
    re.IGNORECASE)
BIRTH_RE = re.compile(r"\b(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday)\b", re.IGNORECASE)
DOB_WINDOW = 40
"""A date this many characters or fewer from a birth word counts as a date of birth."""


def scan_text(text: str, file: Path | None, line: int | None) -> list[Problem]:
    """Return an ERROR for each piece of personal data in ``text`` (``line`` is its first line)."""
    found: list[Problem] = []
    taken: list[tuple[int, int]] = []  # spans already reported, so a phone is not also an NHS number
    for finder in (_emails, _phones, _nhs_numbers, _postcodes, _dates_of_birth):
        for start, end, rule, message, hint in finder(text):
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            at = None if line is None else line + text.count("\n", 0, start)
            found.append(Problem(file, at, message, hint=hint, rule=rule, severity=Severity.ERROR,
                                 excerpt=_mask(text[start:end])))
    return sorted(found, key=lambda p: (p.line or 0, p.rule))


def nhs_number_is_valid(digits: str) -> bool:
    """Return True when 10 digits pass the NHS number modulus 11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _mask(found: str) -> str:
    """Keep the first 2 characters so authors can find it, without repeating it in logs."""
    return found[:2] + "…" if len(found) > 2 else "…"


_Finding = tuple[int, int, str, str, str]


def _emails(text: str) -> list[_Finding]:
    return [(m.start(), m.end(), "PRIV-EMAIL", "This text has an e-mail address in it.",
             "Take it out. People's contact details must never be published.")
            for m in EMAIL_RE.finditer(text)]


def _phones(text: str) -> list[_Finding]:
    return [(m.start(), m.end(), "PRIV-PHONE", "This text has a phone number in it.",
             "Take it out. People's phone numbers must never be published.")
            for m in PHONE_RE.finditer(text)]


def _postcodes(text: str) -> list[_Finding]:
    return [(m.start(), m.end(), "PRIV-POSTCODE", "This text has a postcode in it.",
             "Take it out, or name only the town. A postcode can show where someone lives.")
            for m in POSTCODE_RE.finditer(text)]


def _nhs_numbers(text: str) -> list[_Finding]:
    found = []
    for m in NHS_RE.finditer(text):
        digits = "".join(m.groups())
        # Any 10-digit number is reported; one that passes the check digit is certainly one.
        sure = "an NHS number" if nhs_number_is_valid(digits) else "a number that may be an NHS number"
        found.append((m.start(), m.end(), "PRIV-NHS-NUMBER", f"This text has {sure} in it.",
                      "Take it out. Health numbers must never be published."))
    return found


def _dates_of_birth(text: str) -> list[_Finding]:
    found = []
    birth_words = list(BIRTH_RE.finditer(text))
    for date in DATE_RE.finditer(text):
        near = any(abs(_gap(word.span(), date.span())) <= DOB_WINDOW for word in birth_words)
        if near:
            found.append((date.start(), date.end(), "PRIV-DOB", "This text has someone's date of birth in it.",
                          "Take the date out. A date of birth can identify a person."))
    return found


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Return the number of characters between two spans (0 when they touch)."""
    return max(b[0] - a[1], a[0] - b[1], 0)


# Words people write with a capital that are not anyone's name.
_EVERYDAY_CAPITALS = frozenset(
    "i i'm i've i'd i'll mum dad nan grandad monday tuesday wednesday thursday friday saturday sunday "
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays january february march april may june "
    "july august september october november december christmas easter eid diwali ramadan hanukkah "
    "english british welsh scottish irish nhs gp covid ok tv".split())
_CAPITALISED_RE = re.compile(r"(?<=[\w,;:)] )[A-Z][\w'-]*")


def scan_names(text: str, file: Path | None, line: int | None, known: frozenset[str]) -> list[Problem]:
    """Return an ERROR for each word that looks like someone's name in anonymous words.

    A capitalised word in the middle of a sentence is taken to be a name
    unless it is an everyday capitalised word (days, months, festivals) or
    in ``known`` (the site's ``checker.names``: places, groups, services).
    Leaning towards too many alarms is right here: these are statements
    from people's own reviews, published as anonymous quotes.
    """
    found = []
    for match in _CAPITALISED_RE.finditer(text):
        word = match.group(0)
        if word.lower() in _EVERYDAY_CAPITALS or word in known or word.lower() in known or word.isupper():
            continue
        at = None if line is None else line + text.count("\n", 0, match.start())
        found.append(Problem(
            file, at, f"'{word}' may be someone's name, in words that must not say who anyone is.",
            hint="Change it to a role, such as 'my support worker'. If it is a place or a group, "
                 "add it to 'checker: names:' in content/site.yaml.",
            rule="PRIV-NAME", severity=Severity.ERROR, excerpt=word))
    return found
