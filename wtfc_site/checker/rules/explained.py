"""How a page explains a word: "X means ...", "X (...)", "called X", or a glossary of hard words at the end
(``PageContext.is_explained`` asks ``explained_inline``). Kept apart from ``context`` so that module stays
about the page being checked."""

from __future__ import annotations

import re

_AFTER_CUE = re.compile(
    r"(?:s|es)?(?:\*\*)?[\"')\u201d]?\s*(?:\(|:\s|\s[-\u2013\u2014]\s|(?:means|mean|stands\s+for|"
    r"is\s+short\s+for|is\s+another\s+word\s+for|is\s+a\s+word\s+for)\b|(?:is|are)\s+(?!not\b))",
    re.IGNORECASE,
)
_BEFORE_CUE = re.compile(
    r"(?:called|named|known\s+as|the\s+words?|we\s+call\s+(?:this|it|them)|this\s+is\s+called)\s+"
    r"(?:(?:a|an)\s+)?[\"'\u2018\u201c]?$|\(\s*$",
    re.IGNORECASE,
)
_NEXT_SENTENCE_CUE = re.compile(
    r"[^.?!\n]{0,60}[.?!:]?\s+(?:(?:This|That|It|They|These|Those|Which)\s+means?|This\s+is|These\s+are)\b"
)


_GLOSSARY_HEADING = re.compile(
    r"^[ \t]*(?:hard words|difficult words|words to know|words we use|word list|glossary|words in bold"
    r"|what (?:the|these) words mean)\b", re.IGNORECASE | re.MULTILINE)
"""The heading of the list of hard words and their meanings that published easy read puts at the end."""
_GLOSSARY_ENTRY_END = re.compile(r"(?:s|es)?(?:\*\*)?(?:[ \t]*\n|\t| {2,})[ \t]*(?:\*\*)?[ \t]*[A-Z]")
"""After a term alone on its line: its meaning, on the next line or after a tab (which the text may hold as spaces)."""


_GLOSSARY_TERM_WORDS = 6
"""A line with at most this many words and no full stop can be a heading or a glossary term."""
_ONE_LINE_ENTRY = re.compile(r"^[ \t]*(?:\*\*)?[^\s:][^:\t\n]{0,60}?(?:\*\*)?(?::[ \t]|\t| {2,})[ \t]*\S")
"""A glossary entry on one line: the term, then a colon, a tab or 2+ spaces, then its meaning."""


def _short_line(line: str) -> bool:
    """Return True for a line shaped like a heading or a glossary term: a few words, no sentence end."""
    bare = line.strip().strip("*#").strip()
    return bool(bare) and len(bare.split()) <= _GLOSSARY_TERM_WORDS and bare[-1] not in ".!?:;,"


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _glossary_entry(page_text: str, at: int, end: int, headings: frozenset[int] = frozenset()) -> bool:
    """Return True when the word at ``at:end`` is a term of the glossary its own section holds, its meaning after it.

    The word is alone on its line with its meaning on the next line or after
    a tab; the nearest glossary heading above it is shaped like a heading
    (not "Hard words are in bold."); no heading point (``headings``: their
    offsets in ``page_text``) comes between them or is the meaning line; and
    the section under the glossary heading starts with an entry (or one line
    ending with a colon), not with other words ("A glossary is at Appendix A.").
    """
    if at > 0 and page_text[at - 1] != "\n" and page_text[:at].rstrip("*")[-1:] not in ("\n", ""):
        return False
    entry_end = _GLOSSARY_ENTRY_END.match(page_text, end)
    if entry_end is None:
        return False
    meaning = page_text.find("\n", end)
    if "\n" in entry_end.group(0) and meaning != -1 and meaning + 1 in headings:
        return False
    term_start = _line_start(page_text, at)
    heading = None
    for found in _GLOSSARY_HEADING.finditer(page_text, 0, term_start):
        start = found.start()
        line_end = page_text.find("\n", start)
        if _short_line(page_text[start:line_end if line_end != -1 else None]):
            heading = (start, line_end)
    if heading is None or heading[1] == -1:
        return False
    return _section_reaches(page_text, heading[1] + 1, term_start, headings)


def _section_reaches(page_text: str, start: int, term_start: int, headings: frozenset[int]) -> bool:
    """Return True when the glossary section starting at ``start`` runs on, without a heading, to ``term_start``."""
    if start > term_start or any(start <= h <= term_start for h in headings if h != term_start):
        return False
    if start == term_start:
        return True
    first_end = page_text.find("\n", start)
    first = page_text[start:first_end]
    if first.rstrip().endswith(":"):  # one line that leads into the list ("These are the hard words:")
        return _section_reaches(page_text, first_end + 1, term_start, headings) if first_end < term_start else True
    return _short_line(first) or _ONE_LINE_ENTRY.match(first) is not None


def explained_inline(page_text: str, word: str, headings: frozenset[int] = frozenset()) -> bool:
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
            if _BEFORE_CUE.search(page_text, max(0, at - 30), at) or _glossary_entry(page_text, at, end, headings):
                return True
        at = lower.find(needle, at + 1)
    return False


