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
from .names import NameContext, likely_first_name

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
    "i i'm i've i'd i'll mum dad nan grandad grandma gran monday tuesday wednesday thursday friday saturday "
    "sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays january february march april may "
    "june july august september october november december christmas easter eid diwali ramadan hanukkah "
    "english british welsh scottish irish nhs gp covid ok tv god".split())
_TITLES = frozenset("mr mrs ms miss mx dr auntie aunty aunt uncle nurse doctor sister brother".split())
"""Words before a name that say the next word is a person: 'Mr Okafor', 'Auntie Bisi'."""
_WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žŴ-ŷ][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”(]\s*$")


def scan_names(text: str, file: Path | None, line: int | None, known) -> list[Problem]:
    """Return a finding for each likely first name in a quoted statement, with the word and its line.

    ``known`` is a names.NameContext: places and organisations (the site's
    own names, the gazetteer, the site's place words) are never taken for
    people, and a word in a proper-noun phrase with one of those in it
    ('Bryn Village Hall') is a place too. A likely first name (from the
    first-name list), or any capitalised word after a title ('Mrs Okafor'),
    is a WARNING, or an ERROR when the site's settings say names stop the
    build. ``known`` may also be a plain set of words to skip.
    """
    if not isinstance(known, NameContext):
        known = NameContext(places=frozenset(w.lower() for w in known), is_first_name=likely_first_name)
    found = []
    for words, _opens_sentence in _proper_phrases(text):
        if known.known_place(" ".join(word for _, word in words)):
            continue
        for _index, (start, word) in enumerate(words):
            plain = word.strip("'’").removesuffix("'s").removesuffix("’s")
            lowered = plain.lower()
            if lowered in _EVERYDAY_CAPITALS or lowered in _TITLES or plain.isupper() or len(plain) < 2:
                continue
            if len(words) == 1 and known.is_place_word(plain):
                continue  # 'to Aberystwyth'; in 'Siobhan Murphy' the town called Murphy does not count
            after_title = _word_before(text, start).lower().strip(".") in _TITLES
            if not (after_title or known.is_first_name(lowered)):
                continue
            at = None if line is None else line + text.count("\n", 0, start)
            found.append(Problem(
                file, at, f"'{plain}' may be someone's name, in words that must not say who anyone is.",
                hint="Change it to a role, such as 'my support worker'. If it is a place or a group, add it to "
                     "'checker: names:' in content/site.yaml. If you checked and the person agreed, write yes "
                     "in the statement's names_checked column.",
                rule="PRIV-NAME", severity=Severity.ERROR if known.stop else Severity.WARNING, excerpt=plain))
            break  # one finding for one person: 'Siobhan Murphy' is one name
    return found


def _proper_phrases(text: str) -> list[tuple[list[tuple[int, str]], bool]]:
    """Return each run of capitalised words as [(start, word)], and whether it opens a sentence."""
    phrases = []
    words = list(_WORD_RE.finditer(text))
    index = 0
    while index < len(words):
        match = words[index]
        if not match.group(0)[0].isupper():
            index += 1
            continue
        end = index
        while end + 1 < len(words) and words[end + 1].group(0)[0].isupper() \
                and text[words[end].end():words[end + 1].start()].strip() == "":
            end += 1
        opens = match.start() == 0 or bool(_SENTENCE_END.search(text[:match.start()]))
        phrases.append(([(w.start(), w.group(0)) for w in words[index:end + 1]], opens))
        index = end + 1
    return phrases


def _word_before(text: str, start: int) -> str:
    before = text[:start].split()
    return before[-1] if before else ""
