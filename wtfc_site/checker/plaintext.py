"""Read a loose document for ``check --text`` exactly as the site build reads a page.

One text model (issue 12 part 3): the front matter is read by
``sources.parse_source`` (the same plain error, with its line, when it is
broken) and the body by the page renderer's own ``markdown.BodyConverter``,
so ``check --text`` and a site build see the same points with the same
source lines, the same quiet comments, the same fenced code (skipped), the
same picture markers, tables and headings. ``title:`` in the front matter,
or else the first heading, gives the title; ``version: standard`` marks a
standard (not easy-read) text.

What is left here is only about text pasted from elsewhere (a board paper
saved from a PDF), never about Markdown:

- A line that is only a page number ("12", "Page 3 of 12", "- 4 -") is
  dropped, and so is a line of a contents page ("About us ...... 2").
- A line that starts with a bullet ("•", "●", "▪", a Symbol-font bullet
  U+F0B7 that copying from a PDF leaves, ...) is a list item.
- A word hyphenated at the end of a line ("be-" / "fore") is joined again
  on the second line, so it is read as the word it is ("before"); the
  hyphen stays when the joined word is not a known word ("self-" /
  "advocacy"). No line moves, so findings keep their source lines.
- Short lines under a line that ends with a colon ("Please bring:" /
  "Slippers" / "Your tablets") are list items, as they were on paper
  before the bullets were lost, not one long sentence.
- A line laid out in two columns, a picture's description, a tab or 3 or
  more spaces, then the words ("Pile of money   Financial abuse"), loses
  the description (an ER-PICTURE-TEXT note says so) and keeps the words.
  A label of one or two bare words ("Key risks   ...") is not a picture.
- In a file that is not Markdown (not ``.md``), an indented line outside a
  list is words, not a code block.
- A line that describes a picture (alt text or a caption pasted with the
  words: "Picture of a nurse", "Image: a calendar", "woman with letter")
  becomes a "picture-text" point, which no sentence or word rule reads
  (``CheckerSettings.picture_text`` holds the markers; see
  ``is_picture_text``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, Severity, SiteError
from ..markdown import (
    BULLET_GLYPHS,
    PAGE_NUMBER,
    PASTED_BULLET,
    PASTED_INDENT,
    BodyContext,
    BodyConverter,
    PictureChoice,
)
from ..points import PICTURE_MARKER, PICTURE_TEXT, PageText, Point, Silence
from ..sources import parse_source, split_front_matter
from ..words import Abbreviations, Glossary
from .frequency import zipf_frequency
from .settings import PictureText

__all__ = ["PICTURE_TEXT", "LooseDocument", "drop_picture_columns", "is_picture_text", "join_hyphenated_lines",
           "mark_unbulleted_lists", "page_from_text",
           "pasted_line_reader", "read_document", "text_to_points"]

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_PARAGRAPH_LINE = re.compile(r"^(?!\s*(?:[-*+\u2022]\s|\d{1,3}[.)]\s|>|#|\|))\s*\S")
"""A line that goes on a paragraph: not a list item, quote, heading or table row."""
_INDENTED = re.compile(r"^(?: {4}|\t)")
"""A line Markdown would read as code: four spaces or a tab at its start."""
_BULLET = re.compile(rf"^\s*[{BULLET_GLYPHS}]\s+\S")
"""A list item from a PDF or word processor, written with a bullet character."""
_CONTINUED = re.compile(r"^\s*(?:[-*+\u2022]\s|\d{1,3}[.)]\s|>)")
"""A list item or quote line, which a page number right after it would go on (so it is kept)."""
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-\u2013]\s*)?(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*(?:[-\u2013]\s*)?$", re.IGNORECASE
)
"""A line that is only a page number ("12", "Page 3", "Page 3 of 12", "- 4 -"), left behind when a PDF is pasted."""
_CONTENTS_LINE = re.compile(r"^\s*\S.*?(?:\.\s?){4,}\s*\d{1,3}(?:\s*[-\u2013]\s*\d{1,3})?\s*$")
"""A line of a contents page: a title, a row of dots and its page number ("About us ........ 2", "Money .... 4-6")."""
_HYPHENATED_END = re.compile(r"(?<![\w-])([A-Za-z]{2,})-$")
"""A line that ends in part of a word and a hyphen ("be-"), the word going on at the start of the next line."""
_WORD_START = re.compile(r"^(\s*)([a-z]+)")
_COLUMN_GAP = re.compile(r"^\s*(\S(?:(?!\t| {3,}).)*?)(?:\t+| {3,})(?=[A-Z][a-z]|[\"'\u2018\u201c])(\S(?:(?!\t| {3,}).)*)$")
"""A line in exactly two columns: the left one (maybe a picture's description), a tab or 3+ spaces, then words
starting with a capital. A table row ("Annual health checks   75   41") has more columns, or numbers."""
_KNOWN_WORD_ZIPF = 2.5
"""A word joined from a line-end hyphenation loses its hyphen when it is at least this common ("before"), and keeps
it when it is not ("self-advocacy": "selfadvocacy" is no word)."""
_CAPTION_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+|\d+")
_CAPTION_STARTS = frozenset({"a", "an", "two", "some"})
# A caption names what a picture shows; it has no verb that tells the reader
# something and no pronoun that speaks to them. Any of these words means the
# line is a sentence, not a caption.
_NOT_CAPTION = frozenset(
    "i you we they he she it me us them my your our this that these those "
    "is are was were be been am will would can could should shall may might must do does did done "
    "have has had not no yes please if when because so but or then there here what why how who where "
    "came went said got made told gave took saw met ran sat won began left felt knew thought "
    "come go say get make tell give take see meet ask".split()
)


def is_picture_text(line: str, settings: PictureText, *, alone: bool = True, column: bool = False) -> bool:
    """Return True when a line describes a picture rather than saying something to the reader.

    It starts with a marker such as "Picture of" or "Image:", or (with the
    heuristic on) it reads like a caption: at most ``max_words`` words, no
    full stop, question mark or colon at the end, no comma, no verb or
    pronoun from a short list, and it starts with a small letter, "A", "An"
    or a number ("woman with letter", "A man holding a phone", "2 people
    talking"). Our own ``[picture: name]`` marker is never a description.
    ``alone`` False (the line may continue a hard-wrapped sentence) turns
    the heuristic off for this line. ``column`` True (the text is the left
    column of a line, beside the words: see ``drop_picture_columns``) lets
    it start with any capital ("Pile of money", "Person crying").
    """
    text = _TAG.sub("", _LINK.sub(lambda m: m.group(1), line)).strip().strip("*_").strip()
    if not text or PICTURE_MARKER.match(text):
        return False
    lower = text.lower()
    if any(lower.startswith(marker) for marker in settings.markers):
        return True
    if not (settings.heuristic and alone) or text[-1] in ".!?:;," or "," in text:
        return False
    words = _CAPTION_WORD.findall(text)
    if not words or len(words) > settings.max_words:
        return False
    if any(w.lower() in _NOT_CAPTION or w.lower().endswith("n't") for w in words):
        return False
    first = words[0]
    return column or first[0].islower() or first.lower() in _CAPTION_STARTS or (first.isdigit() and len(words) > 1)



def _stands_alone(lines: list[str], index: int) -> bool:
    """Return True when line ``index`` cannot be the middle of a hard-wrapped sentence.

    The line before it is blank, not a paragraph line, or ends a sentence; and
    the line after it is blank or starts with a capital or a digit.
    """
    before = lines[index - 1].rstrip() if index > 0 else ""
    if before and _PARAGRAPH_LINE.match(before) and before[-1] not in ".!?:":
        return False
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return not following or not following[0].islower()


def pasted_line_reader(picture_text: PictureText | None, *,
                       plain_text: bool = False) -> Callable[[list[str], int], str | None]:
    """Return the reader of lines that only a pasted document has, for ``BodyContext.pasted_line``.

    A line that starts with a bullet ("•", "●", "▪") is a list item.
    A line that is only a page number is dropped unless it continues a list
    item or quote; a line that describes a picture is its own point (with
    ``picture_text`` None, picture descriptions are not looked for). In a
    ``plain_text`` document (not Markdown), an indented line outside a list
    is words, not a code block.
    """
    def kind(lines: list[str], index: int) -> str | None:
        line = lines[index]
        if _BULLET.match(line):
            return PASTED_BULLET
        before = lines[index - 1] if index > 0 else ""
        if (_PAGE_NUMBER.match(line) and not _CONTINUED.match(before)) or _CONTENTS_LINE.match(line):
            return PAGE_NUMBER
        if picture_text is not None and is_picture_text(line, picture_text, alone=_stands_alone(lines, index)):
            return PICTURE_TEXT
        if plain_text and _INDENTED.match(line) and not _in_list(lines, index):
            return PASTED_INDENT
        return None
    return kind


def join_hyphenated_lines(text: str) -> str:
    """Return ``text`` with each word hyphenated across a line break joined again on the second line.

    "what you think be-" / "fore we decide." becomes "what you think" /
    "before we decide.": the part of the word moves down, so every line keeps
    its number and the first line is never left empty. The hyphen stays when
    the joined word is not a known word ("self-" / "advocacy" gives
    "self-advocacy"). Only a line that ends in letters and a hyphen, followed
    by a line that starts with a small letter, is joined.
    """
    lines = text.split("\n")
    for index in range(len(lines) - 1):
        end = _HYPHENATED_END.search(lines[index].rstrip())
        start = _WORD_START.match(lines[index + 1])
        if end is None or start is None or not lines[index][:end.start()].strip():
            continue
        head, tail = end.group(1), start.group(2)
        joined = head + tail
        word = joined if zipf_frequency(joined.lower()) >= _KNOWN_WORD_ZIPF else f"{head}-{tail}"
        lines[index] = lines[index].rstrip()[:end.start()].rstrip()
        lines[index + 1] = start.group(1) + word + lines[index + 1][start.end():]
    return "\n".join(lines)


_LIST_ITEM_WORDS = 8
"""A line under "...:" is a list item whose bullet was lost when it has at most this many words."""
_LIST_INTRO = re.compile(r":\s*$")
_LIST_ITEM_LINE = re.compile(r"^\s*[(\"'\u2018\u201c]?[A-Z\u00c0-\u00de0-9][^:]*?[^.!?:]\s*$")
"""A line that could be a list item: starts with a capital or a digit (a wrapped line of a sentence goes on with a
small letter), has no colon, does not end a sentence."""
_JOINING_END = re.compile(
    r"\b(?:and|or|but|nor|to|the|of|a|an|for|with|in|on|at|by|from|into|about|than|that|which|who|if|as|so|"
    r"because|when|your|our|their|its|is|are|was|were|be|will|would|can|could|must|should|may|we|you|they)\s*$",
    re.IGNORECASE)
"""A line that ends with a word a sentence goes on from ("... we will read your form and"): it was wrapped, so the
lines under a colon that hold it are one sentence, not a list."""


def mark_unbulleted_lists(text: str) -> str:
    """Return ``text`` with a bullet put back on the short lines of a list that lost its bullets.

    A PDF copied as text often drops the bullets: "Please pack:" /
    "Pyjamas" / "Slippers" / "Your tablets". Read as Markdown those lines
    make one long sentence. Two or more short lines (at most
    ``_LIST_ITEM_WORDS`` words, a capital or digit first, no full stop at the
    end) straight under a line that ends with a colon get a bullet ("•"),
    which makes each a list item; the list ends at a blank line or a line
    that is not such an item. Lines that are a sentence wrapped short (see
    ``_wrapped_sentence``) are left alone.
    """
    lines = text.split("\n")
    index = 0
    while index < len(lines) - 1:
        if not _LIST_INTRO.search(lines[index]) or not lines[index].strip():
            index += 1
            continue
        end = index + 1
        while end < len(lines) and _LIST_ITEM_LINE.match(lines[end]) and len(lines[end].split()) <= _LIST_ITEM_WORDS:
            end += 1
        if end - index - 1 >= 2 and not _wrapped_sentence(lines, index + 1, end):
            for item in range(index + 1, end):
                lines[item] = "\u2022 " + lines[item].lstrip()
        index = end
    return "\n".join(lines)


def _wrapped_sentence(lines: list[str], start: int, end: int) -> bool:
    """Return True when the would-be items ``lines[start:end]`` are a hard-wrapped sentence, not a list.

    One of them ends with a joining word ("and", "to", "the"), so the next line
    goes on with its sentence; or the line straight after them is not blank and
    not another item (it starts with a small letter: "us in the first place."),
    so the run is the start of a sentence that ends below it.
    """
    if any(_JOINING_END.search(line) for line in lines[start:end]):
        return True
    following = lines[end].strip() if end < len(lines) else ""
    return bool(following) and not (following[0].isupper() or following[0].isdigit() or _BULLET.match(following))


_DESCRIPTION_LINKS = frozenset("of with and a an the at on in by from holding next to".split())
"""Words that tie a picture description's things together ("Pile of money", "Man with a dog")."""


def _column_describes_picture(left: str, settings: PictureText) -> bool:
    """Return True when the left column of a two-column line describes a picture rather than labels the words.

    A picture marker ("Drawing of ...") always describes one. Otherwise the
    left column must read as a caption (``is_picture_text``) and say how
    things in a picture go together: three or more words, or a linking word
    ("Pile of money", "Purse and coins") or a word in -ing after the first
    ("Person crying"). One or two bare words are a label, as a report
    writes them ("Address   Unit 4", "Key risks   Inflation remains high.",
    "Funding summary   ..."), and stay to be checked.
    """
    text = left.strip()
    if any(text.lower().startswith(marker) for marker in settings.markers):
        return True
    words = _CAPTION_WORD.findall(text)
    if len(words) < 2 or not is_picture_text(text, settings, column=True):
        return False
    lower = [w.lower() for w in words]
    return len(words) >= 3 or any(w in _DESCRIPTION_LINKS for w in lower[1:]) or any(
        w.endswith("ing") and len(w) > 4 for w in lower[1:])


def drop_picture_columns(text: str, settings: PictureText, file: Path, first_line: int) -> tuple[str, list[Problem]]:
    """Return ``text`` without the picture descriptions that start its two-column lines, and a note for each.

    A page laid out with the picture on the left and the words on the right
    pastes as one line: "Pile of money   Financial abuse". When the left
    column reads as a picture description (``is_picture_text``), it is
    dropped and the words stay on their line; ``first_line`` is the source
    line of the text's first line.
    """
    lines = text.split("\n")
    notes: list[Problem] = []
    for index, line in enumerate(lines):
        match = _COLUMN_GAP.match(line)
        if match is None or not _column_describes_picture(match.group(1), settings):
            continue
        lines[index] = match.group(2)
        notes.append(Problem(
            file, first_line + index,
            "This line starts with words that describe a picture, so they are not checked as a sentence.",
            "If they are words for the reader, put them on their own line as a sentence with a full stop.",
            rule="ER-PICTURE-TEXT", severity=Severity.INFO, excerpt=match.group(1).strip()))
    return "\n".join(lines), notes


def _in_list(lines: list[str], index: int) -> bool:
    """Return True when line ``index`` goes on a list item: the last line above it that is not indented is one."""
    for above in reversed(lines[:index]):
        if above.strip() and not _INDENTED.match(above):
            return bool(_CONTINUED.match(above))
    return False


@dataclass(frozen=True)
class LooseDocument:
    """A document read for ``check --text``: what the checker reads, and what is wrong with its front matter."""

    page: PageText
    problems: tuple[Problem, ...] = ()


def read_document(text: str, file: Path, *, easy_read: bool | None = None, picture_text: PictureText | None = None,
                  glossary: Glossary | None = None, abbreviations: Abbreviations | None = None) -> LooseDocument:
    """Read a document as the site build reads a page (see the module docstring).

    ``easy_read`` None: read ``version:`` from the front matter (default easy read).
    """
    problems: list[Problem] = []
    try:
        raw = parse_source(text, file)
        meta, body, body_line = raw.meta, raw.body, raw.body_line
        title_line = raw.lines.line_of(("title",)) if "title" in meta else 1
    except SiteError as error:  # reported, and the words are still checked
        problems.extend(error.problems)
        _, _, body, body_line = split_front_matter(text)
        meta, title_line = {}, 1
    if easy_read is None:
        easy_read = str(meta.get("version", "easy-read")).strip().lower() != "standard"
    ctx = BodyContext(file=file, body_line=body_line, easy_read=easy_read, glossary=glossary or Glossary(),
                      abbreviations=abbreviations or Abbreviations({}),
                      choose_picture=lambda marker, words, line: PictureChoice(None),
                      resolve_link=lambda href: href,
                      pasted_line=pasted_line_reader(picture_text, plain_text=_plain_text(file)),
                      points_only=True)
    body = mark_unbulleted_lists(join_hyphenated_lines(body))
    if picture_text is not None:
        body, notes = drop_picture_columns(body, picture_text, file, body_line)
        problems.extend(notes)
    converted = BodyConverter().convert(body, ctx)
    title = str(meta.get("title", "") or "")
    if not title:
        first_heading = next((p for p in converted.points if p.kind == "heading"), None)
        if first_heading is not None:
            title, title_line = first_heading.text, first_heading.line
    page = PageText(file=file, url="", title=title, title_line=title_line,
                    content_type=str(meta.get("type", "document")), easy_read=easy_read,
                    points=converted.points, silences=converted.silences,
                    abbreviations_explained=frozenset(short for short, _ in converted.short_forms),
                    glossary_words=ctx.glossary.known_forms)
    return LooseDocument(page, tuple(problems))


def _plain_text(file: Path) -> bool:
    """Return True for a document that is not Markdown (a .txt file, say): its indents are layout, not code."""
    return file.suffix.lower() not in (".md", ".markdown")


def text_to_points(text: str, picture_text: PictureText | None = None) -> tuple[list[Point], list[Silence]]:
    """Return the points and silences of a plain-text or Markdown document (see ``read_document``)."""
    page = read_document(text, Path("text.md"), picture_text=picture_text).page
    return list(page.points), list(page.silences)


def page_from_text(
    text: str, file: Path, *, easy_read: bool | None = None, picture_text: PictureText | None = None
) -> PageText:
    """Return a PageText for a loose document (see ``read_document``)."""
    return read_document(text, file, easy_read=easy_read, picture_text=picture_text).page
