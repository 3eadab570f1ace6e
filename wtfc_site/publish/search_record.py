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
browser (layouts/assets/search.js): lower case, an apostrophe inside a word
taken out ("people's" is "peoples", "don't" "dont"), split at anything that
is not a letter or digit, and a small English stemmer, so "meetings",
"meeting" and "meet" find each other but "care" and "car" do not.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

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
_INNER_APOSTROPHE = re.compile(r"['’](?<=[^\W_]['’])(?=[^\W_])")
"""An apostrophe between letters: taken out, so "people's" is one word ("peoples", stemmed "people"), not
"people" and a one-letter "s" that the browser would look up in every shard starting with s. Written
apostrophe first so the regex engine jumps from apostrophe to apostrophe instead of trying each letter."""
_VOWELS = "aeiou"


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
    counts: dict[str, int] = {}
    used = Counter(words(plain_text(body)))  # each different word stemmed once: a page repeats most of its words
    for term, times in zip(map(stem, used), used.values()):
        counts[term] = counts.get(term, 0) + times
    for term in terms(title):
        counts[term] = counts.get(term, 0) + TITLE_WEIGHT
    return SearchRecord(title, summary, html.unescape(source.group(1)) if source else "",
                        version.group(1) if version else "easy read", dict(sorted(counts.items())))


def plain_text(fragment: str) -> str:
    """Return the words of an HTML fragment, tags taken out and character references read."""
    return html.unescape(_TAG.sub(" ", _INLINE_END.sub("", fragment)))


def _text(found: re.Match[str] | None, group: int = 1) -> str:
    return " ".join(plain_text(found.group(group)).split()) if found else ""


def _without_ignored(body: str) -> str:
    """Return ``body`` without each element marked data-search-ignore, nested elements of its name counted.

    An empty element (<img>, <hr>, <input> ...) or a tag closed by '/>' ends at its own '>', and an element
    whose end tag never comes loses only its start tag: either way the rest of the page stays indexed.
    """
    pieces: list[str] = []
    kept_from = looked_to = 0
    while (marked := body.find(_IGNORE, looked_to)) >= 0:  # a plain search: a pattern for the tag was slow
        looked_to = marked + len(_IGNORE)
        opening = body.rfind("<", kept_from, marked)
        name = _TAG_NAME.match(body, opening) if opening >= 0 and body.find(">", opening, marked) < 0 else None
        if name is None:  # the words themselves, in a page's text, not in a tag: leave them
            continue
        start_end = body.find(">", marked) + 1 or len(body)
        end = start_end
        if name.group(1).lower() not in _VOID and body[start_end - 2:start_end] != "/>":
            end = _end_of_element(body, opening, name.group(1)) or start_end
        pieces += (body[kept_from:opening], " ")
        kept_from = looked_to = end
    return "".join(pieces) + body[kept_from:] if pieces else body


_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"))
"""HTML's empty elements: they have no end tag, so nothing after one is inside it."""


def _end_of_element(body: str, opening: int, name: str) -> int | None:
    """Return where the element whose start tag is at ``opening`` ends (after its end tag), or None if it never does."""
    depth = 0
    for tag in re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.I).finditer(body, opening):
        if tag.group(1):
            depth -= 1
        elif not tag.group(0).endswith("/>"):  # an inner <svg/> opens nothing
            depth += 1
        if depth == 0:
            return tag.end()
    return None


def words(text: str) -> list[str]:
    """Return the lower-case words of ``text``, an apostrophe inside a word taken out ("don't" -> "dont")."""
    if "'" in text or "’" in text:
        text = _INNER_APOSTROPHE.sub("", text)
    return _WORD.findall(text.lower())


def terms(text: str) -> list[str]:
    """Return the search terms of ``text``, in order, repeats kept."""
    return [stem(word) for word in words(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return the stem of a lower-case word: a plural's, -ing's and -ed's ending taken off, and a final e.

    Not a linguist's stemmer: small enough to write the same in search.js (stem()), and enough for
    'meetings' to find 'meeting', 'policies' 'policy', 'changed' 'change' and 'used' 'use'. Like
    Porter's stemmer it keeps the final e of a short word whose e makes it another word ('care' is not
    'car', 'hope' not 'hop', 'note' not 'not'), and puts it back after -ed or -ing ('cared' is 'care').
    A three-letter word of two consonants and s is a short form's plural: 'gps' is 'gp'.
    Remembered: pages share most of their words, and stemming was most of a page's record.
    """
    if len(word) <= 3:
        if len(word) == 3 and word[2] == "s" and not any(letter in "aeiouy" for letter in word[:2]):
            return word[:2]
        return word
    last = word[-1]
    if last not in "sdge":  # no rule below changes such a word: most words
        return word
    if last == "s":
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
            word = word[:-2]
        elif not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        last = word[-1]
    if last == "g":
        if len(word) > 4 and word.endswith("ing") and _has_vowel(word[:-3]):  # not 'bring' or 'thing'
            word = _restore(word[:-3])
    elif last == "d" and word[-2] == "e" and word[-3] != "e":  # 'agreed', 'need', 'speed': below
        if word[-3] == "i":  # as 'carries' and 'dies': 'carry', 'die'
            word = word[:-3] + "y" if len(word) > 4 else word[:-1]
        elif _has_vowel(word[:-2]):  # not 'shed'
            word = _restore(word[:-2])
    if word.endswith("eed") and _has_vowel(word[:-3]):  # 'agreed' -> 'agree'; 'need' and 'speed' stay
        word = word[:-1]
    if word[-1] == "e":
        word = _without_final_e(word)
    return word


def _has_vowel(word: str) -> bool:
    return "v" in _shape(word)


def _shape(word: str) -> str:
    """Return 'v' for each vowel of ``word`` and 'c' for each other letter; y is a vowel after a consonant."""
    shape = ""
    for letter in word:
        vowel = letter in _VOWELS or (letter == "y" and shape.endswith("c"))
        shape += "v" if vowel else "c"
    return shape


def _short(word: str, shape: str) -> bool:
    """Whether ``word`` has one syllable ending vowel-consonant: 'hop', 'car', 'us' (Porter's *o and m=1)."""
    if shape.count("vc") != 1:
        return False
    return shape == "vc" or (shape.endswith("cvc") and word[-1] not in "wxy")


def _restore(word: str) -> str:
    """Mend what -ed or -ing left: 'stopp' -> 'stop', 'hop' (from 'hoped') -> 'hope'; 'call' and 'pass' stay."""
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        return word[:-1]
    return word + "e" if _short(word, _shape(word)) else word


def _without_final_e(word: str) -> str:
    """'change' -> 'chang' and 'people' -> 'peopl', but 'care', 'home', 'use' and 'see' keep their e."""
    base = word[:-1]
    shape = _shape(base)
    if "vc" not in shape or _short(base, shape):
        return word
    return base
