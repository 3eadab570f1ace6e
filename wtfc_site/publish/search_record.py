"""What the search index knows about one built page: its record.

A page takes part in search when its layout marks the part to index:
``<main data-search-body data-search-version="easy read">``. Inside it,
``data-search-meta="picture"`` on an image and ``data-search-meta="summary"``
on an element give the result's picture and sentence, the first ``<h1>``
its title, and an element marked ``data-search-ignore`` (and everything in
it) is left out, as are scripts, styles and templates.

The record is read from the page's bytes with regular expressions, not a
full HTML parser: the pages are our own layouts' output, and a parser took
ten times as long (a few milliseconds a page, at 10,000 pages most of a
rebuild). The words are made into terms the same way here and in the
browser (layouts/assets/search.js): lower case, split at anything that is
not a letter or digit, and a small English stemmer, so "meetings",
"meeting" and "meet" find each other.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

TITLE_WEIGHT = 10
"""A word in a page's title counts as this many words in its text, so title matches come first."""


@dataclass(frozen=True)
class SearchRecord:
    """One page as the search index sees it."""

    title: str
    summary: str
    picture: str
    """The address of the page's picture, as the page writes it ('' when it has none)."""
    version: str
    """'easy read' or 'full'."""
    terms: dict[str, int]
    """Term -> score: how often the page uses it, a title's words counting TITLE_WEIGHT times."""


_MAIN = re.compile(rb"<main\b([^>]*\bdata-search-body\b[^>]*)>(.*)</main>", re.S)
_VERSION = re.compile(r'\bdata-search-version="([^"]*)"')
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SKIPPED = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.S | re.I)
_IGNORE = "data-search-ignore"
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_PICTURE = re.compile(r'<img\b[^>]*\bdata-search-meta="picture"[^>]*>')
_SRC = re.compile(r'\bsrc="([^"]*)"')
_SUMMARY = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bdata-search-meta="summary"[^>]*>(.*?)</\1\s*>', re.S)
_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.S)
_INLINE_END = re.compile(r"</(?:a|abbr|b|bdi|cite|code|data|dfn|em|i|kbd|mark|q|s|small|span|strong|sub|sup|"
                         r"time|u|var)>")
"""The end of a tag inside a sentence ('<em>pay</em>ment'): dropped, so a word it ends stays whole. Other
tags become a space: matching every start tag's name too took four times as long, for words that
Markdown almost never splits that way."""
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W_]+")
"""Letters and digits; the browser uses [\\p{L}\\p{N}]+, which agrees on the words pages hold."""


def page_record(page: bytes) -> SearchRecord | None:
    """Return the search record of a built page, or None when its layout does not mark it for search."""
    found = _MAIN.search(page)
    if found is None:
        return None
    attributes, body = found.group(1).decode("utf-8"), found.group(2).decode("utf-8")
    version = _VERSION.search(attributes)
    if "<!--" in body:
        body = _COMMENT.sub(" ", body)
    if "<script" in body or "<style" in body or "<template" in body:
        body = _SKIPPED.sub(" ", body)
    body = _without_ignored(body)
    title = _text(_TITLE.search(body))
    summary = _text(_SUMMARY.search(body), group=2)
    picture = _PICTURE.search(body)
    source = _SRC.search(picture.group(0)) if picture else None
    counts: Counter[str] = Counter()
    for word, times in Counter(_WORD.findall(plain_text(body).lower())).items():
        counts[stem(word)] += times  # each different word stemmed once: a page repeats most of its words
    for term in terms(title):
        counts[term] += TITLE_WEIGHT
    return SearchRecord(title, summary, html.unescape(source.group(1)) if source else "",
                        version.group(1) if version else "easy read", dict(sorted(counts.items())))


def plain_text(fragment: str) -> str:
    """Return the words of an HTML fragment, tags taken out and character references read."""
    return html.unescape(_TAG.sub(" ", _INLINE_END.sub("", fragment)))


def _text(found: re.Match[str] | None, group: int = 1) -> str:
    return " ".join(plain_text(found.group(group)).split()) if found else ""


def _without_ignored(body: str) -> str:
    """Return ``body`` without each element marked data-search-ignore, nested elements of its name counted."""
    while (marked := body.find(_IGNORE)) >= 0:  # a plain search: a pattern for the marked tag was slow
        opening = body.rfind("<", 0, marked)
        name = _TAG_NAME.match(body, opening) if opening >= 0 and body.find(">", opening, marked) < 0 else None
        if name is None:  # the words themselves, in a page's text, not in a tag: leave them
            body = body[:marked] + body[marked + len(_IGNORE):]
            continue
        tags = re.compile(rf"<(/?){re.escape(name.group(1))}\b[^>]*>", re.I)
        depth, end = 0, len(body)
        for tag in tags.finditer(body, opening):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        body = body[:opening] + " " + body[end:]
    return body


def terms(text: str) -> list[str]:
    """Return the search terms of ``text``, in order, repeats kept."""
    return [stem(word) for word in _WORD.findall(text.lower())]


def stem(word: str) -> str:
    """Return the stem of a lower-case word: a plural's, -ing's, -ed's and a final e taken off.

    Not a linguist's stemmer: small enough to write the same in search.js (stem()), and enough
    for 'meetings' to find 'meeting', 'policies' 'policy' and 'changed' 'change'.
    """
    if len(word) <= 3 or word[-1] not in "sdge":  # no rule below changes such a word: most words
        return word
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = _undouble(word[:-3])
    elif len(word) > 4 and word.endswith("ed"):
        word = _undouble(word[:-2])
    elif len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _undouble(word: str) -> str:
    """'stopp' -> 'stop', 'runn' -> 'run'; 'call' and 'pass' stay."""
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        return word[:-1]
    return word
