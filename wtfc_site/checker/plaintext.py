"""Turn a loose plain-text or Markdown document into Points, for ``check --text``.

The site build makes Points itself (in the same pass as the HTML); this is
only for documents that are not pages, such as a board paper saved as text.
It is deliberately simple:

- YAML front matter between ``---`` lines is skipped. ``title:`` gives the
  title and ``version: standard`` marks a standard (not easy-read) text.
- A blank line ends a paragraph. Lines of one paragraph are joined with one
  space; ``Point.line_starts`` remembers where each source line began.
- ``# Heading`` and underlined (``===`` / ``---``) headings become heading
  points.
- ``-``, ``*``, ``+``, ``•`` and ``1.`` / ``1)`` start list items; each item
  is its own point (easyread-rules.md rule 1: each list item is a sentence).
- ``> text`` is a quote: people's own words, which the sentence and word
  rules skip (decisions.md).
- Table rows (``| a | b |``) give one table-cell point per cell.
- Code blocks (fenced with ``` or ~~~) are skipped.
- ``[picture: name]`` at the start of a paragraph or item sets its picture.
- A line that is only a page number ("12", "Page 3 of 12"), left when a PDF
  is pasted, is skipped.
- A line that describes a picture (alt text or a caption pasted with the
  words: "Picture of a nurse", "Image: a calendar", "woman with letter")
  becomes a "picture-text" point, which no sentence or word rule reads
  (``CheckerSettings.picture_text`` holds the markers; see
  ``is_picture_text``).
- ``<!-- quiet ER-RULE: reason -->`` silences a rule on that line (or, when
  alone on a line, on the next line with words), read by
  ``points.line_silences`` exactly as the page renderer reads it.
- Inline Markdown is removed: links keep their words, pictures go, and
  ``**bold**``, ``*italic*``/``_italic_`` and ``<u>underline</u>`` are
  recorded in ``Point.bold``, ``.italic`` and ``.underlined``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Problem
from ..points import AUTO, NONE, PICTURE_MARKER, PageText, Point, Silence, line_silences
from .settings import PictureText

PICTURE_TEXT = "picture-text"
"""The kind of point for a line that describes a picture (the same as ``rules.structure.PICTURE_TEXT``)."""

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+\u2022\u25cf\u25aa]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE_LINE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>]+)>")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__|<(?:strong|b)>(.*?)</(?:strong|b)>", re.IGNORECASE)
_ITALIC = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])|(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])|<(?:em|i)>(.*?)</(?:em|i)>",
    re.IGNORECASE,
)
_UNDERLINE = re.compile(r"<u>(.*?)</u>", re.IGNORECASE)
_CODE = re.compile(r"`([^`]*)`")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_SPACES = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
"""A line that is only a page number ("12", "Page 3", "Page 3 of 12"), left behind when a PDF is pasted."""
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


def is_picture_text(line: str, settings: PictureText, *, alone: bool = True) -> bool:
    """Return True when a line describes a picture rather than saying something to the reader.

    It starts with a marker such as "Picture of" or "Image:", or (with the
    heuristic on) it reads like a caption: at most ``max_words`` words, no
    full stop, question mark or colon at the end, no comma, no verb or
    pronoun from a short list, and it starts with a small letter, "A", "An"
    or a number ("woman with letter", "A man holding a phone", "2 people
    talking"). Our own ``[picture: name]`` marker is never a description.
    ``alone`` False (the line may continue a hard-wrapped sentence) turns
    the heuristic off for this line.
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
    return first[0].islower() or first.lower() in _CAPTION_STARTS or (first.isdigit() and len(words) > 1)


@dataclass
class _Block:
    """A point being collected: its kind, its lines and the picture marker."""

    kind: str
    lines: list[tuple[int, str]] = field(default_factory=list)
    picture: str = AUTO


def _inline(text: str) -> tuple[str, list[str], list[str], list[str]]:
    """Return plain text plus its bold, italic and underlined phrases."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    bold: list[str] = []
    italic: list[str] = []
    underlined: list[str] = []

    def keep(store: list[str]):
        def inner(match: re.Match[str]) -> str:
            inner_text = next(g for g in match.groups() if g is not None)
            store.append(_SPACES.sub(" ", _TAG.sub("", inner_text)).strip())
            return inner_text

        return inner

    text = _UNDERLINE.sub(keep(underlined), text)
    text = _BOLD.sub(keep(bold), text)
    text = _ITALIC.sub(keep(italic), text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip(), bold, italic, underlined


def _point(block: _Block) -> Point | None:
    """Turn a collected block into a Point (None when it has no words)."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    bold: list[str] = []
    italic: list[str] = []
    underlined: list[str] = []
    offset = 0
    picture = block.picture
    for index, (line_no, raw) in enumerate(block.lines):
        if index == 0:
            marker = PICTURE_MARKER.match(raw)
            if marker:
                picture = marker.group(1).lower() or AUTO
                raw = raw[marker.end():]
        text, b, i, u = _inline(raw)
        if not text:
            continue
        if parts:
            offset += 1  # the joining space
        starts.append((offset, line_no))
        parts.append(text)
        offset += len(text)
        bold += b
        italic += i
        underlined += u
    if not parts:
        return None
    return Point(
        line=starts[0][1],
        text=" ".join(parts),
        kind=block.kind,
        line_starts=tuple(starts),
        picture=picture,
        bold=tuple(bold),
        italic=tuple(italic),
        underlined=tuple(underlined),
    )


def front_matter_problems(text: str, file: Path) -> list[Problem]:
    """Return what is wrong with a document's front matter, with the line: it is reported, never ignored."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return []
    end = next((i for i in range(1, len(lines)) if _FRONT_MATTER_END.match(lines[i])), None)
    if end is None:
        return [Problem(file, 1, "The front matter that starts on line 1 with '---' is never closed.",
                        hint="Add a line with only '---' after the last setting.", rule="SITE-FRONT-MATTER")]
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        what = getattr(exc, "problem", None) or "it is not valid YAML"
        return [Problem(file, line, f"The front matter cannot be read: {what}.",
                        hint="Write each setting as 'name: value' on its own line; put quotes around a value "
                             "with a colon in it, and close every quote you open.", rule="SITE-FRONT-MATTER")]
    if data is not None and not isinstance(data, dict):
        return [Problem(file, 2, "The front matter should be settings written as 'name: value'.",
                        hint="For example 'title: Our meeting'.", rule="SITE-FRONT-MATTER")]
    return []


def _front_matter(lines: list[str]) -> tuple[int, dict]:
    """Return how many lines the front matter takes, and its data."""
    if not lines or lines[0].strip() != "---":
        return 0, {}
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[index]):
            try:
                data = yaml.safe_load("\n".join(lines[1:index])) or {}
            except yaml.YAMLError:
                data = {}
            return index + 1, data if isinstance(data, dict) else {}
    return 0, {}


def _stands_alone(block: _Block | None, lines: list[str], index: int) -> bool:
    """Return True when line ``index`` cannot be the middle of a hard-wrapped sentence.

    The line before it ends a sentence (or there is none in this paragraph),
    and the line after it is blank or starts with a capital or a digit.
    """
    if block is not None and block.kind == "paragraph" and block.lines:
        last = block.lines[-1][1].rstrip()
        if last and last[-1] not in ".!?:":
            return False
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return not following or not following[0].islower()


def text_to_points(text: str, picture_text: PictureText | None = None) -> tuple[list[Point], list[Silence]]:
    """Return the points and silences of a plain-text or Markdown document (see the module docstring).

    ``picture_text`` None means picture descriptions are not looked for.
    """
    lines = text.splitlines()
    skip, _ = _front_matter(lines)
    body, silences = line_silences(lines[skip:], skip + 1)  # read as the page renderer reads them
    lines = lines[:skip] + body
    points: list[Point] = []
    block: _Block | None = None
    fence: str | None = None

    def close() -> None:
        nonlocal block
        if block is not None:
            made = _point(block)
            if made is not None:
                points.append(made)
        block = None

    for index in range(skip, len(lines)):
        line_no = index + 1
        raw = lines[index]
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            continue
        fenced = _FENCE.match(raw)
        if fenced:
            close()
            fence = fenced.group(1)
            continue
        raw = _COMMENT.sub("", raw)
        if not raw.strip():
            close()
            continue
        heading = _HEADING.match(raw)
        if heading:
            close()
            block = _Block("heading", [(line_no, heading.group(2))])
            close()
            continue
        if _SETEXT.match(raw) and block is not None and block.kind == "paragraph" and len(block.lines) == 1:
            block.kind = "heading"
            close()
            continue
        if _RULE_LINE.match(raw):
            close()
            continue
        if _TABLE_ROW.match(raw):
            close()
            if not _TABLE_SEPARATOR.match(raw):
                for cell in raw.strip().strip("|").split("|"):
                    made = _point(_Block("table-cell", [(line_no, cell)]))
                    if made is not None:
                        points.append(made)
            continue
        quote = _QUOTE.match(raw)
        if quote:
            if block is None or block.kind != "quote":
                close()
                block = _Block("quote")
            block.lines.append((line_no, quote.group(1)))
            continue
        item = _LIST_ITEM.match(raw)
        if item:
            close()
            block = _Block("list-item", [(line_no, item.group(2))])
            continue
        if _PAGE_NUMBER.match(raw) and (block is None or block.kind == "paragraph"):
            close()  # a page number from a pasted PDF: not words for the reader
            continue
        if picture_text is not None and is_picture_text(raw, picture_text, alone=_stands_alone(block, lines, index)):
            close()
            made = _point(_Block(PICTURE_TEXT, [(line_no, raw.strip())], picture=NONE))
            if made is not None:
                points.append(made)
            continue
        if block is None or block.kind in ("quote", "heading"):
            close()
            block = _Block("paragraph")
        block.lines.append((line_no, raw.strip()))
    close()
    return points, silences


def page_from_text(
    text: str, file: Path, *, easy_read: bool | None = None, picture_text: PictureText | None = None
) -> PageText:
    """Return a PageText for a loose document. ``easy_read`` None: read ``version:`` from front matter (default easy read).

    ``picture_text``: how to recognise picture descriptions (None: do not look for them).
    """
    lines = text.splitlines()
    _, meta = _front_matter(lines)
    points, silences = text_to_points(text, picture_text)
    if easy_read is None:
        easy_read = str(meta.get("version", "easy-read")).strip().lower() != "standard"
    title = str(meta.get("title", "") or "")
    title_line = 1
    if not title:
        first_heading = next((p for p in points if p.kind == "heading"), None)
        if first_heading is not None:
            title, title_line = first_heading.text, first_heading.line
    else:
        title_line = next((i + 1 for i, ln in enumerate(lines) if ln.lstrip().startswith("title:")), 1)
    return PageText(
        file=file,
        url="",
        title=title,
        title_line=title_line,
        content_type=str(meta.get("type", "document")),
        easy_read=easy_read,
        points=tuple(points),
        silences=tuple(silences),
    )
