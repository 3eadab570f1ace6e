"""Markdown to HTML in one pass per page, keeping the source line of every point.

Python-Markdown does not report source lines, so a preprocessor writes a
small invisible marker (two private-use characters around the line number)
at the start of each source line. After inline parsing, one treeprocessor
walks the tree once and, for each block:

- reads and removes the markers, so each point and link knows its line;
- reads the picture marker (``[picture: name]``) and asks for a picture;
- records the plain text and its bold/italic words for the checker;
- explains the first use of each hard word and short form on the page;
- rewrites site links for the base URL and notes where they point;
- wraps easy-read points as rows: picture on the left, text on the right.

Converting the whole body at once measured about 1.6x faster than
converting point by point (decisions.md), and keeps Markdown's own view of
lists and paragraphs as the single truth about what a point is.

It is about 600 lines, over the 400 we aim for, because that one walk is one
class: splitting its steps across modules would hide the order they depend
on. The sanitiser and the phone-number rule at the end are the parts that
could move out first.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import markdown
from markdown.extensions import Extension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .errors import Problem
from .markdownfast import FastTocExtension, speed_up
from .points import AUTO, NONE, PICTURE_MARKER, PICTURE_TEXT, Point, Silence, line_silences
from .rawhtml import raw_html_problems, unsafe_address, unsafe_link_problem
from .words import Abbreviations, Glossary, GlossaryEntry

if TYPE_CHECKING:
    from .wordmarkup import BodyTags, Photo, WordMarkup

MARK, MARK_END = "\ue000", "\ue001"
MARK_RE = re.compile(MARK + r"(\d+)" + MARK_END)
STASH_RE = re.compile("\x02[^\x03]*\x03")
_PREFIX_RE = re.compile(r"^(\s*(?:(?:[-*+]|\d+[.)])\s+|>\s?|#{1,6}\s+)*)")
_SKIP_LINE_RE = re.compile(r"^\s*(?:<|\[[^\]]+\]:|[-=*_ ]+$|\|)")
PAGE_NUMBER = "page-number"
"""A line of a pasted document that is only a page number: dropped (see ``BodyContext.pasted_line``)."""
PASTED_BULLET = "bullet"
"""A line of a pasted document that starts with a bullet such as "•": read as a Markdown list item."""
PASTED_INDENT = "indented"
"""An indented line of a plain-text document, outside a list: words, not a Markdown code block."""
BULLET_GLYPHS = "\u2022\u25cf\u25aa\u25a0\u25e6\u25cb\u2023\u2043\u2219\u00b7\u27a2\u2713\u2714\u2013\uf0b7\uf0a7\uf0d8\uf076"
"""Characters a PDF or word processor starts a list item with: bullets, squares, arrows, ticks, an en dash,
and the Symbol and Wingdings font's private-use bullets that copying from a PDF leaves (U+F0B7 ...)."""
_PASTED_BULLET_RE = re.compile(f"^(\\s*)[{BULLET_GLYPHS}]\\s+")
_TABLE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_RAW_STYLE_RE = re.compile(r"^<(/?)(u|ins|b|strong|i|em)\s*>$", re.IGNORECASE)
_RAW_STYLES = {"u": "underlined", "ins": "underlined", "b": "bold", "strong": "bold", "i": "italic", "em": "italic"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_Claimed = TypeVar("_Claimed")  # what a hard-word or short-form match was taken for
_NO_WORDS_INSIDE = ("a", "code", "pre", "abbr")
_EXTERNAL = ("http://", "https://", "mailto:", "tel:", "sms:")
RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")


@dataclass(frozen=True)
class LinkRef:
    """A link or image written in a page, with where it was written."""

    target: str
    line: int
    found: bool
    kind: str = "link"


@dataclass(frozen=True)
class PictureChoice:
    """What the picture library answered for one point."""

    name: str | None
    url: str = ""
    problem: Problem | None = None


@dataclass
class BodyContext:
    """What converting one page's body needs to know about the site."""

    file: Path
    body_line: int
    easy_read: bool
    glossary: Glossary
    abbreviations: Abbreviations
    choose_picture: Callable[[str, str, int], PictureChoice]
    """(marker or 'auto', point text, line) -> the picture to show."""
    resolve_link: Callable[[str], str | None]
    """Site path or page reference -> final href, or None when it leads nowhere."""
    image_html: Callable[[str, str, int], Photo | None] | None = None
    """(reference, alt text, line) -> the photo to show (written by components/photo.html), or None."""
    quoted: bool = False
    """True when the whole body is someone's own words (a story)."""
    pasted_line: Callable[[list[str], int], str | None] | None = None
    """``check --text`` only, for documents pasted from elsewhere: (body lines, index) ->
    PICTURE_TEXT for a line that describes a picture (made a point of its own, which no
    sentence rule reads), PAGE_NUMBER for a page number left by a PDF (dropped),
    PASTED_BULLET for a "• item" line (a list item), PASTED_INDENT for an indented line
    that is words, not code (read without its indent), or None."""
    points_only: bool = False
    """True when only the points are wanted (``check --text``): the HTML is neither sanitised nor kept."""
    words: WordMarkup | None = None
    """Writes a hard word's markup with the site's layouts (None: the default layouts, loaded when a
    page first needs them; never with ``points_only``, which marks hard words plainly)."""


@dataclass(frozen=True)
class Body:
    """A page body after conversion: its HTML and what the checker needs."""

    html: str
    points: tuple[Point, ...]
    links: tuple[LinkRef, ...]
    silences: tuple[Silence, ...]
    hard_words: tuple[GlossaryEntry, ...]
    short_forms: tuple[tuple[str, str], ...]
    problems: tuple[Problem, ...]
    pictures: tuple[str, ...]
    """Library pictures used, in order, for copying to the output."""


class _LineMarkers(Preprocessor):
    """Put a line marker at the start of each source line's text; collect quiet comments."""

    def __init__(self, md: markdown.Markdown, state: _State):
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        first = self.state.ctx.body_line
        in_fence = False
        # The marker characters are private-use ones no author needs; one typed in the text could split a
        # word the safety check reads ('java' marker 'script:') and then be taken out, so drop them first.
        lines = [line.replace(MARK, "").replace(MARK_END, "") for line in lines]
        lines, silences = line_silences(lines, first)  # the reading check --text uses too
        self.state.silences.extend(silences)
        pasted = self.state.ctx.pasted_line
        out = []
        for index, line in enumerate(lines):
            number = first + index
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            if in_fence or not line.strip() or _TABLE_SEPARATOR_RE.match(line):
                out.append(line)
                continue
            if _TABLE_ROW_RE.match(line):  # inside the first cell, so the row is still a table row
                cut = line.index("|") + 1
                out.append(f"{line[:cut]}{MARK}{number}{MARK_END}{line[cut:]}")
                continue
            if _SKIP_LINE_RE.match(line):
                out.append(line)
                continue
            cut = _PREFIX_RE.match(line).end()  # type: ignore[union-attr]
            kind = pasted(lines, index) if pasted is not None and not line[:cut].strip() else None
            if kind == PASTED_BULLET:  # "• item" from a PDF: a Markdown list item
                line = _PASTED_BULLET_RE.sub(r"\1- ", line, count=1)
                if out and out[-1].strip() and not _PREFIX_RE.match(out[-1]).group().strip():  # type: ignore[union-attr]
                    out.append("")  # a list straight under a line of words ("Who can have it?"), as on paper
            elif kind in (PASTED_INDENT, PICTURE_TEXT):  # words, never an indented code block
                line = line.lstrip()
            if kind in (PASTED_BULLET, PASTED_INDENT, PICTURE_TEXT):
                cut = _PREFIX_RE.match(line).end()  # type: ignore[union-attr]
            marked = f"{line[:cut]}{MARK}{number}{MARK_END}{line[cut:]}"
            if kind == PAGE_NUMBER:
                out.append("")  # ends the paragraph, as the blank line around it did on paper
            elif kind == PICTURE_TEXT:
                self.state.picture_lines.add(number)
                out.extend(("", marked, ""))  # a paragraph of its own
            else:
                out.append(marked)
        return out


@dataclass
class _State:
    ctx: BodyContext
    silences: list[Silence] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    hard_words: list[GlossaryEntry] = field(default_factory=list)
    short_forms: list[tuple[str, str]] = field(default_factory=list)
    pictures: list[str] = field(default_factory=list)
    picture_lines: set[int] = field(default_factory=set)
    """Lines that describe a picture (see ``BodyContext.pasted_line``)."""
    line: int = 0
    only_kept_markup: bool = False
    """True when the finished tree holds only what the sanitiser keeps, unchanged (see ``_KeptMarkup``)."""

    def reset(self, ctx: BodyContext) -> None:
        """Start again for the next page (the Markdown extension keeps this object)."""
        self.__init__(ctx)  # type: ignore[misc]


class _PageTree(Treeprocessor):
    """The one walk over the parsed page (see the module docstring)."""

    def __init__(self, md: markdown.Markdown, state: _State):
        super().__init__(md)
        self.state = state
        self.glossary_forms: dict[str, GlossaryEntry] = {}
        self.glossary_re: re.Pattern[str] | None = None
        self.abbr_re: re.Pattern[str] | None = None
        self.made_words: set[int] = set()
        """Every element of the hard words marked on this page (by id): no word is marked inside another."""

    def run(self, root: etree.Element) -> None:
        ctx = self.state.ctx
        self.made_words = set()
        self.state.line = ctx.body_line
        self.glossary_forms = ctx.glossary.forms
        self.glossary_re = ctx.glossary.pattern
        self.abbr_re = ctx.abbreviations.pattern
        for index, block in enumerate(list(root)):
            self._block(root, index, block)

    # -- blocks -----------------------------------------------------------
    def _block(self, parent: etree.Element, index: int, block: etree.Element) -> None:
        tag = block.tag
        quoted = self.state.ctx.quoted
        if tag in HEADINGS:
            self._point(parent, block, "heading")
        elif tag == "p":
            self._point(parent, block, "quote" if quoted else "paragraph")
        elif tag in ("ul", "ol"):
            block.set("class", "er-list" if self.state.ctx.easy_read else "plain-list")
            for item in list(block):
                self._point(block, item, "quote" if quoted else "list-item")
        elif tag == "blockquote":
            self._quote(parent, block)
        elif tag == "table":
            for cell in block.iter():
                if cell.tag in ("td", "th"):
                    self._record(self._read(cell, "table-cell"), "table-cell", None)
        else:
            self._read(block, "other")

    def _quote(self, parent: etree.Element, block: etree.Element) -> None:
        paragraphs = [p for p in block.iter("p")]
        if not paragraphs:
            self._read(block, "quote")
            return
        first = self._read(paragraphs[0], "quote")
        for p in paragraphs[1:]:
            self._record(self._read(p, "quote"), "quote", None)
        block.set("class", "er-quote")
        self._record(first, "quote", None)
        if self.state.ctx.easy_read:
            picture = self._picture(first, "quote")
            self._wrap_row(parent, block, picture, [])

    def _point(self, parent: etree.Element, block: etree.Element, kind: str) -> None:
        reading = self._read(block, kind)
        if reading.first_line in self.state.picture_lines and block.tag == "p":
            reading.marker = NONE  # words about a picture, not a point that gets one
            self._record(reading, PICTURE_TEXT, None)
            return
        if kind == "heading":
            explicit = reading.marker not in (None, AUTO, NONE)
            picture = self._picture(reading, kind) if explicit and self.state.ctx.easy_read else None
            self._record(reading, kind, picture)
            if picture and picture.name:
                self._wrap_row(parent, block, picture, [], heading=True)
            return
        picture = self._picture(reading, kind) if self.state.ctx.easy_read else None
        explained = self._explain_words(block)
        self._record(reading, kind, picture, tuple(e.word for e in explained))
        if self.state.ctx.easy_read:
            self._wrap_row(parent, block, picture, explained)
        elif explained:
            self._append_explanations(parent, block, explained)

    # -- reading one block --------------------------------------------------
    def _read(self, block: etree.Element, kind: str) -> _Reading:
        """Remove line markers, note links and images, and return the plain text."""
        reading = _Reading(line=self.state.line, raw_html=self._raw_html)
        self._walk(block, reading)
        self.state.line = reading.last_line
        reading.finish(block)
        return reading

    def _raw_html(self, placeholder: str) -> str:
        """Return the raw HTML that Python-Markdown put aside behind ``placeholder``."""
        found = re.search(r"\d+", placeholder)
        blocks = self.md.htmlStash.rawHtmlBlocks
        index = int(found.group(0)) if found else -1
        return str(blocks[index]) if 0 <= index < len(blocks) else ""

    def _walk(self, el: etree.Element, reading: _Reading) -> None:
        self._element(el, reading)
        if el.text:
            el.text = reading.take(el.text)
        for position, child in enumerate(list(el)):
            self._walk(child, reading)
            if child.tail:
                child.tail = reading.take(child.tail)
            if child.get("data-photo"):
                self._swap_photo(el, position, child)

    def _swap_photo(self, parent: etree.Element, position: int, img: etree.Element) -> None:
        """Replace a photo's <img> with the markup of components/photo.html, in the sizes it is shown at."""
        make = self.state.ctx.image_html
        assert make is not None
        photo = make(img.get("src", ""), img.get("alt", ""), int(img.get("data-photo", "0")))
        if photo is None:
            return
        element = self._word_markup().photo_element(photo, body_tags(), self.state.problems)
        element.tail = img.tail
        parent.remove(img)
        parent.insert(position, element)

    def _element(self, el: etree.Element, reading: _Reading) -> None:
        if el.tag == "a" and el.get("href") is not None:
            el.set("href", self._link(el.get("href", ""), reading.last_line))
        elif el.tag == "img":
            self._image(el, reading.last_line)
        elif el.tag in ("strong", "b"):
            reading.formatting.append(("bold", el))
        elif el.tag in ("em", "i"):
            reading.formatting.append(("italic", el))
        elif el.tag in ("u", "ins"):
            reading.formatting.append(("underlined", el))
        elif el.tag == "br":
            reading.parts.append("\n")  # a line break ends a line of the point, as in the source

    def _link(self, href: str, line: int) -> str:
        if unsafe_address(href):  # the sanitiser drops it; say why, rather than 'not there'
            self.state.problems.append(unsafe_link_problem(self.state.ctx.file, line, href))
            return href
        if not href or href.startswith(("#", *_EXTERNAL)) or href.startswith("//"):
            return href
        final = self.state.ctx.resolve_link(href)
        self.state.links.append(LinkRef(href, line, final is not None))
        return final if final is not None else href

    def _image(self, el: etree.Element, line: int) -> None:
        src, alt = el.get("src", ""), el.get("alt", "")
        if src.startswith(_EXTERNAL) or src.startswith("//"):
            self.state.problems.append(Problem(
                self.state.ctx.file, line, "This picture comes from another website.",
                hint="Save the picture in content/ and link to it there, so the site works on its own.",
                rule="PIC-EXTERNAL"))
            return
        if not alt.strip():
            self.state.problems.append(Problem(
                self.state.ctx.file, line, "This photo has no words saying what it shows.",
                hint="Write a few words between the square brackets, e.g. ![Our team at the town hall](photos/team.jpg).",
                rule="PIC-ALT-MISSING"))
        if src.lower().endswith(RASTER_SUFFIXES) and self.state.ctx.image_html:
            el.set("data-photo", str(line))  # swapped for a <picture> by _walk
            return
        final = self.state.ctx.resolve_link(src)
        self.state.links.append(LinkRef(src, line, final is not None, kind="image"))
        el.set("src", final or src)

    def _record(self, reading: _Reading, kind: str, picture: PictureChoice | None,
                explained: tuple[str, ...] = ()) -> None:
        if not reading.text.strip() and kind != "heading":
            return
        self.state.points.append(Point(
            line=reading.first_line, text=reading.text, kind=kind,
            line_starts=tuple(reading.line_starts), picture=reading.marker or AUTO,
            chosen_picture=picture.name if picture else None,
            picture_was_chosen=bool(picture and picture.name and reading.marker in (None, AUTO)),
            bold=tuple(reading.styled("bold")), italic=tuple(reading.styled("italic")),
            underlined=tuple(reading.styled("underlined")), explained=explained,
        ))

    # -- pictures -------------------------------------------------------------
    def _picture(self, reading: _Reading, kind: str) -> PictureChoice:
        marker = reading.marker or AUTO
        if marker == NONE:
            return PictureChoice(None)
        choice = self.state.ctx.choose_picture(marker, reading.text, reading.first_line)
        if choice.problem:
            self.state.problems.append(choice.problem)
        if choice.name:
            self.state.pictures.append(choice.name)
        return choice

    def _wrap_row(self, parent: etree.Element, block: etree.Element, picture: PictureChoice | None,
                  explained: list[GlossaryEntry], heading: bool = False) -> None:
        """Make the block a row (components/point_row.html): picture first (left), then the text."""
        row, slot = self._row(heading, picture)
        if block.tag == "li":  # the list item is the row: it takes the row's attributes and insides
            for name, value in row.attrib.items():
                block.set(name, value)
            text = block  # a bare row (no layout): the item keeps its words
            if slot is not row:
                self._move_children(block, slot)
                self._move_children(row, block)
                text = slot
        else:
            position = list(parent).index(block)
            parent.remove(block)
            row.tail, block.tail = block.tail, None
            slot.append(block)
            parent.insert(position, row)
            text = slot
        for entry in explained:
            text.append(self._explanation(entry))

    def _row(self, heading: bool, picture: PictureChoice | None) -> tuple[etree.Element, etree.Element]:
        """Return a new row and the element in it that takes the point's words."""
        if self.state.ctx.points_only:
            bare = etree.Element("div")  # no HTML is kept: no layout is needed
            return bare, bare
        name, url = (picture.name, picture.url) if picture and picture.name else (None, "")
        return self._word_markup().point_row("er-row er-heading-row" if heading else "er-row", name, url,
                                             body_tags(), self.state.problems)

    @staticmethod
    def _move_children(source: etree.Element, target: etree.Element) -> None:
        target.text, source.text = source.text, None
        for child in list(source):
            source.remove(child)
            target.append(child)

    def _append_explanations(self, parent: etree.Element, block: etree.Element,
                             explained: list[GlossaryEntry]) -> None:
        target = block if block.tag == "li" else parent
        position = len(target) if block.tag == "li" else list(parent).index(block) + 1
        for offset, entry in enumerate(explained):
            target.insert(position + offset, self._explanation(entry))

    def _explanation(self, entry: GlossaryEntry) -> etree.Element:
        if self.state.ctx.points_only:
            return _plain_element("p", entry.sentence)  # no HTML is kept: no layout is needed
        return self._word_markup().explanation_element(entry, body_tags(), self.state.problems)

    def _word_markup(self) -> WordMarkup:
        if self.state.ctx.words is None:
            self.state.ctx.words = default_word_markup()
        return self.state.ctx.words

    # -- hard words and short forms -----------------------------------------------
    def _explain_words(self, block: etree.Element) -> list[GlossaryEntry]:
        explained: list[GlossaryEntry] = []
        if self.glossary_re is not None:
            while (entry := self._mark_first(block, self.glossary_re, self._new_word, self._bold)):
                explained.append(entry)
        if self.abbr_re is not None:
            while self._mark_first(block, self.abbr_re, self._new_short_form, self._expand):
                pass
        return explained

    def _new_word(self, match: str) -> GlossaryEntry | None:
        entry = self.glossary_forms.get(match.lower())
        if entry is None or entry in self.state.hard_words:
            return None
        self.state.hard_words.append(entry)
        return entry

    def _new_short_form(self, match: str) -> tuple[str, str] | None:
        full = self.state.ctx.abbreviations.full.get(match)
        if full is None or any(short == match for short, _ in self.state.short_forms):
            return None
        self.state.short_forms.append((match, full))
        return (match, full)

    def _bold(self, word: str, entry: GlossaryEntry) -> etree.Element:
        if self.state.ctx.points_only:
            element = _plain_element("strong", word)  # no HTML is kept: no layout is needed
        else:
            element = self._word_markup().hard_word_element(word, body_tags(), self.state.problems)
        self.made_words.update(id(inside) for inside in element.iter())
        return element

    def _expand(self, short: str, found: tuple[str, str]) -> etree.Element:
        if self.state.ctx.points_only:
            element = _plain_element("abbr", short)  # no HTML is kept: no layout is needed
            element.tail = f" ({found[1]})"
            return element
        return self._word_markup().short_form_element(short, found[1], body_tags(), self.state.problems)

    def _mark_first(self, block: etree.Element, pattern: re.Pattern[str],
                    claim: Callable[[str], _Claimed | None], make: Callable[[str, _Claimed], etree.Element]
                    ) -> _Claimed | None:
        """Wrap the first match that ``claim`` accepts; return what it claimed."""
        for parent, child_index, attr in _text_slots(block):
            owner = parent if attr == "text" else parent[child_index]
            text = getattr(owner, attr) or ""
            for match in pattern.finditer(text):
                if attr == "text" and id(owner) in self.made_words:
                    continue
                if pattern is self.glossary_re and _inside_name(text, match):
                    continue
                found = claim(match.group(0))
                if found is None:
                    continue
                if owner.tag in ("strong", "b") and attr == "text":
                    return found  # already bold: the explanation is enough
                el = make(match.group(0), found)
                el.tail = (el.tail or "") + text[match.end():]
                setattr(owner, attr, text[: match.start()])
                parent.insert(0 if attr == "text" else child_index + 1, el)
                return found
        return None


_NAME_BEFORE_RE = re.compile(r"\b[A-Z][\w'-]*\s+$")


def _inside_name(text: str, match: re.Match[str]) -> bool:
    """Return True for a capitalised word after another capitalised one ('Riverside Advocacy'):
    part of a name, not the hard word the glossary explains."""
    return match.group(0)[:1].isupper() and bool(_NAME_BEFORE_RE.search(text[: match.start()]))


def _text_slots(block: etree.Element) -> Iterator[tuple[etree.Element, int, str]]:
    """Yield (parent, child index, 'text'|'tail') for each text node a word may be in."""
    if block.tag in _NO_WORDS_INSIDE:
        return
    yield block, -1, "text"
    for index, child in enumerate(list(block)):
        yield from _text_slots(child)
        yield block, index, "tail"


@dataclass
class _Reading:
    """The plain text of one block as markers are removed from it."""

    line: int
    parts: list[str] = field(default_factory=list)
    line_starts: list[tuple[int, int]] = field(default_factory=list)
    formatting: list[tuple[str, etree.Element]] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    marker: str | None = None
    text: str = ""
    raw_html: Callable[[str], str] | None = None
    """Placeholder -> the raw HTML it stands for, so ``<u>words</u>`` typed as HTML is seen too."""
    raw_open: list[tuple[str, int]] = field(default_factory=list)
    raw_styled: list[tuple[str, int, int]] = field(default_factory=list)
    """(style, start, end) in the joined parts, for bold, italic or underlined words typed as HTML."""

    def __post_init__(self) -> None:
        self.last_line = self.line

    def take(self, text: str) -> str:
        """Return ``text`` without markers, noting where each line starts."""
        if MARK not in text and "\x02" not in text:  # no marker and no raw HTML: nothing to note or take out
            self.parts.append(text)
            return text
        return self.take_marked(text)

    def take_marked(self, text: str) -> str:
        """``take`` the long way, for text that may hold markers or raw HTML (tests compare the two)."""
        offset = sum(len(p) for p in self.parts)
        pieces, position = [], 0
        for match in MARK_RE.finditer(text):
            pieces.append(text[position: match.start()])
            line = int(match.group(1))
            self.line_starts.append((offset + sum(len(p) for p in pieces), line))
            self.first_line = self.first_line or line
            self.last_line = line
            position = match.end()
        pieces.append(text[position:])
        clean = "".join(pieces)
        self.parts.append(self._plain(clean, offset))
        return AtomicString(clean) if isinstance(text, AtomicString) else clean

    def _plain(self, text: str, offset: int) -> str:
        """Return ``text`` without raw-HTML placeholders, noting formatting tags among them."""
        kept, position = [], 0
        for match in STASH_RE.finditer(text):
            kept.append(text[position: match.start()])
            position = match.end()
            tag = _RAW_STYLE_RE.match(self.raw_html(match.group(0)) if self.raw_html else "")
            if tag is None:
                continue
            style, at = _RAW_STYLES[tag.group(2).lower()], offset + sum(len(k) for k in kept)
            if not tag.group(1):
                self.raw_open.append((style, at))
            elif any(s == style for s, _ in self.raw_open):
                start = next(o for s, o in reversed(self.raw_open) if s == style)
                self.raw_open.remove((style, start))
                self.raw_styled.append((style, start, at))
        kept.append(text[position:])
        return "".join(kept)

    def finish(self, block: etree.Element) -> None:
        """Work out the plain text and take off the picture marker."""
        self.first_line = self.first_line or self.line
        raw = "".join(self.parts)
        stripped = raw.lstrip()
        lead = len(raw) - len(stripped)
        match = PICTURE_MARKER.match(stripped)
        if match:
            self.marker = match.group(1).lower() or AUTO
            _remove_marker(block, match.group(0).strip())
            lead += match.end()
        self.text = raw[lead:].rstrip()
        self.line_starts = [(max(0, o - lead), ln) for o, ln in self.line_starts]

    def styled(self, style: str) -> list[str]:
        """Return the words shown in ``style`` (bold, italic or underlined)."""
        if not self.formatting and not self.raw_styled:  # most points: nothing in any style
            return []
        found = [" ".join(STASH_RE.sub("", "".join(el.itertext())).split())
                 for kind, el in self.formatting if kind == style]
        whole = "".join(self.parts)
        return found + [" ".join(whole[a:b].split()) for kind, a, b in self.raw_styled if kind == style]


def _remove_marker(block: etree.Element, marker: str) -> None:
    for el in block.iter():
        if el.text and el.text.strip():
            el.text = el.text.replace(marker, "", 1).lstrip()
            if not el.text and len(el) and el[0].tag == "br":
                # The marker stood alone on its line: drop the line break after it too.
                br = el[0]
                el.text = (br.tail or "").lstrip()
                el.remove(br)
            return


class _Extension(Extension):
    def __init__(self, state: _State):
        super().__init__()
        self.state = state

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        md.preprocessors.register(_LineMarkers(md, self.state), "wtfc_lines", 25)
        # After inline parsing (20), before the table of contents makes heading ids (5).
        md.treeprocessors.register(_PageTree(md, self.state), "wtfc_page", 15)
        # After the table of contents (5) and the tidying of line ends (10): the tree as it is written out.
        md.treeprocessors.register(_KeptMarkup(md, self.state), "wtfc_kept", 1)


class _KeptMarkup(Treeprocessor):
    """Note whether the sanitiser would change anything in the finished tree.

    Text is always escaped by Python-Markdown's writer, and without raw HTML
    (which ``BodyConverter.convert`` sees in the HTML stash) every element and
    attribute is one we made: tags and attributes from the allowed lists,
    addresses in a scheme the sanitiser keeps. When that holds, sanitising
    gives back the same HTML (a test compares them on every page of the example
    and test sites), so it is skipped: about 2 ms a page.
    """

    def __init__(self, md: markdown.Markdown, state: _State):
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        self.state.only_kept_markup = only_kept_markup(root)


def only_kept_markup(root: etree.Element) -> bool:
    """Return True when the sanitiser would keep every element under ``root`` as it is (see ``_KeptMarkup``)."""
    for element in root.iter():
        # Most elements are bare tags; only those with attributes need _kept's closer look.
        if (element.attrib or element.tag not in _ALLOWED_TAGS) and element is not root and not _kept(element):
            return False
    return True


def _kept(element: etree.Element) -> bool:
    """Return True when the sanitiser would keep ``element`` and its attributes exactly as they are."""
    tag = element.tag
    if not isinstance(tag, str) or tag not in _ALLOWED_TAGS:
        return False
    attributes = element.attrib
    if not attributes:
        return True
    allowed = _KEPT_ATTRIBUTES.get(tag, _ALLOWED_ATTRIBUTES["*"])
    for name, value in attributes.items():
        # The sanitiser writes < and > in attributes as they are, Python-Markdown as &lt; and &gt;; and
        # Python-Markdown leaves a character reference in an address as written ('&#106;avascript:'), which
        # a browser would decode: only the sanitiser reads those.
        if name not in allowed or "<" in value or ">" in value or "&" in value:
            return False
        if MARK in value or MARK_END in value:  # taken out after this check: what is left is not checked here
            return False
        if name in ("href", "src", "srcset") and not _kept_address(value):
            return False
    return True


_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL_RE = re.compile("[\x00-\x1f\x7f]")
"""A control character (the sanitiser drops an address with one)."""


def _kept_address(address: str) -> bool:
    """Return True for an address the sanitiser keeps as it is: no control characters, and a scheme it allows."""
    if unsafe_address(address) or _CONTROL_RE.search(address) or address != address.strip():
        return False
    scheme = _SCHEME_RE.match(address)
    return scheme is None or scheme.group(1).lower() in _URL_SCHEMES


class BodyConverter:
    """Converts page bodies; make one per build and reuse it for every page."""

    def __init__(self) -> None:
        self._state = _State(ctx=None)  # type: ignore[arg-type]
        self._converters: dict[bool, markdown.Markdown] = {}
        """Made when first needed: ``check --text`` on one file needs only one of the two."""

    def _make(self, easy_read: bool) -> markdown.Markdown:
        # fenced_code: a ``` block is code on the page, and no rule reads it (issue 12 part 3).
        # Extensions are given as objects, not names: a name makes Python-Markdown look through every
        # installed package's entry points first, which costs check --text's start-up tens of milliseconds.
        extensions: list[Extension] = [TableExtension(), SaneListExtension(), FastTocExtension(), FencedCodeExtension(),
                                       _Extension(self._state)]
        if easy_read:
            extensions.append(Nl2BrExtension())  # one sentence per line, as authors write it
        md = markdown.Markdown(extensions=extensions, output_format="html")
        speed_up(md)  # the same HTML, sooner (markdownfast.py)
        return md

    def _safe(self, md: markdown.Markdown, html: str) -> str:
        """Return the page's HTML, sanitised when it holds raw HTML or anything the sanitiser would change."""
        html = keep_phone_numbers_whole(MARK_RE.sub("", html))
        if md.htmlStash.rawHtmlBlocks or not self._state.only_kept_markup:
            return sanitise(html)
        return html.replace("\u00a0", "&nbsp;")  # as the sanitiser writes a no-break space

    def convert(self, text: str, ctx: BodyContext) -> Body:
        """Return the HTML and points of one page body."""
        state = self._state
        state.reset(ctx)
        md = self._converters.get(ctx.easy_read)
        if md is None:
            md = self._converters[ctx.easy_read] = self._make(ctx.easy_read)
        md.reset()
        html = md.convert(text)
        return Body(
            html="" if ctx.points_only else self._safe(md, html), points=tuple(state.points), links=tuple(state.links),
            silences=tuple(state.silences), hard_words=tuple(state.hard_words),
            short_forms=tuple(state.short_forms),
            problems=tuple(state.problems) + tuple(raw_html_problems(
                text, ctx.body_line, ctx.file, frozenset(_ALLOWED_TAGS), _ALLOWED_ATTRIBUTES, ctx.resolve_link)),
            pictures=tuple(state.pictures))


PHONE_NUMBER_RE = re.compile(r"(?<![\w/.])0\d{2,4}(?: \d{3,4}){1,2}(?![\w])")
"""A UK phone number written in groups, such as 01632 960 123."""


def keep_phone_numbers_whole(html: str) -> str:
    """Return ``html`` with no-break spaces inside phone numbers, so a number never breaks across lines."""
    return PHONE_NUMBER_RE.sub(lambda m: m.group(0).replace(" ", "\u00a0"), html)


_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dfn", "div", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "picture",
    "pre", "source", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr",
    "u", "ul",
}
_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms"})
_ALLOWED_ATTRIBUTES = {
    "*": {"class", "id"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "data-picture"},
    "source": {"type", "srcset", "sizes"},
    "td": {"align"}, "th": {"align", "scope"},
    "ol": {"start"},
}
_KEPT_ATTRIBUTES = {tag: frozenset(_ALLOWED_ATTRIBUTES["*"] | names) for tag, names in _ALLOWED_ATTRIBUTES.items()}
"""Each tag's attributes the sanitiser keeps, with those every tag may have (``_kept`` reads it for every element)."""


@functools.cache
def body_tags() -> BodyTags:
    """Return what the sanitiser keeps, for checking a site's hard word components (wordmarkup.py)."""
    from .wordmarkup import BodyTags  # here for start-up speed: see default_word_markup

    return BodyTags(frozenset(_ALLOWED_TAGS), _ALLOWED_ATTRIBUTES)


def default_word_markup() -> WordMarkup:
    """Return the hard-word markup of the default layouts, for a body converted without a site's own."""
    # Here, not at the top, for start-up speed: the markup needs Jinja, which check --text
    # (points only, no HTML) never loads.
    from .wordmarkup import default_word_markup as made_with_default_layouts

    return made_with_default_layouts()


def _plain_element(tag: str, text: str) -> etree.Element:
    element = etree.Element(tag)
    element.text = text
    return element


def sanitise(html: str) -> str:
    """Return ``html`` with anything unsafe (scripts, event handlers, styles) removed.

    Authors are partnership staff, but text is pasted from e-mails and
    documents; nh3 (the Ammonia sanitiser) keeps only what our pages use.
    """
    import nh3  # here, not at the top, for start-up speed: check --text converts bodies but never sanitises them

    return nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, link_rel=None,
                     url_schemes=set(_URL_SCHEMES))
