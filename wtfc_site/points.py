"""Points: the unit of an easy-read page, and the text the checker reads.

A point is a paragraph or a list item, shown as one row with a picture on
the left. Authors choose the picture with a marker at the start of the
point, which still reads well as plain text:

    [picture: meeting] We meet once a month.
    [picture: auto] The library chooses a picture (the same as no marker).
    [picture: none] This point has no picture.

Points are made by the Markdown stage (``markdown.py``) in the same single
pass that makes the HTML, so each point knows the source line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

AUTO = "auto"
NONE = "none"

PICTURE_TEXT = "picture-text"
"""The kind of point for a line of a pasted document that describes a picture ("Picture of a nurse")."""

PICTURE_MARKER = re.compile(r"^\s*\[picture:\s*([A-Za-z0-9_./-]*)\s*\]\s*", re.IGNORECASE)
"""``[picture: name]`` at the start of a paragraph or list item."""

QUIET_COMMENT = re.compile(r"<!--\s*quiet\s+([A-Za-z][A-Za-z0-9-]*|\*)\s*:\s*(.*?)\s*-->", re.IGNORECASE)
"""``<!-- quiet ER-RULE: reason -->``: the one syntax the page renderer and ``check --text`` both read."""


def quiet_comments(line: str) -> tuple[str, list[tuple[str, str]]]:
    """Return ``line`` without its quiet comments, and each comment's (RULE in capitals, reason)."""
    found = [(m.group(1).upper(), m.group(2)) for m in QUIET_COMMENT.finditer(line)]
    return (QUIET_COMMENT.sub("", line).rstrip() if found else line), found


@dataclass(frozen=True)
class Silence:
    """An author's request to quieten one rule on one line, with a reason.

    Written in the source as ``<!-- quiet ER-SENT-LEN: the law's name is long -->``
    on the line itself or alone on the line before.
    """

    line: int
    rule: str
    reason: str


def line_silences(lines: list[str], first: int = 1) -> tuple[list[str], list[Silence]]:
    """Return ``lines`` without their quiet comments, and the silences they ask for.

    The one reading of quiet comments: the page renderer and ``check --text``
    both call it, so a comment quietens the same line in both. A comment on a
    line with words quietens that line; a comment alone on its line quietens
    the next line with words, blank lines between passed over. ``first`` is
    the file line number of ``lines[0]``.
    """
    kept: list[str] = []
    silences: list[Silence] = []
    waiting: list[tuple[str, str]] = []
    for number, line in enumerate(lines, first):
        line, quiets = quiet_comments(line)
        kept.append(line)
        if not line.strip():
            waiting.extend(quiets)
            continue
        silences.extend(Silence(number, rule, reason) for rule, reason in [*waiting, *quiets])
        waiting = []
    return kept, silences


@dataclass(frozen=True)
class Point:
    """One block of text as a reader meets it, with where it came from."""

    line: int
    """Source line (1-based, in the whole file) where the block starts."""
    text: str
    """Plain text, markup removed, one space between words."""
    kind: str
    """"paragraph", "list-item", "heading", "quote" (people's own words), "table-cell" or
    "picture-text" (``check --text`` only)."""
    line_starts: tuple[tuple[int, int], ...] = ()
    """(offset in ``text``, source line) pairs, so a sentence can name its line."""
    picture: str = AUTO
    """What the author asked for: a picture name, ``auto`` or ``none``."""
    chosen_picture: str | None = None
    """The picture shown after the library chose, or None for no picture."""
    picture_was_chosen: bool = False
    """True when the library chose the picture (the author named none)."""
    bold: tuple[str, ...] = ()
    """Words or phrases shown in bold."""
    italic: tuple[str, ...] = ()
    """Words or phrases shown in italics (not allowed in easy read)."""
    underlined: tuple[str, ...] = ()
    """Words shown underlined without being a link (not allowed)."""
    explained: tuple[str, ...] = ()
    """Glossary words the build explains beside this point."""

    def line_at(self, offset: int) -> int:
        """Return the source line of the character at ``offset`` in ``text``."""
        line = self.line
        for start, start_line in self.line_starts:
            if start > offset:
                break
            line = start_line
        return line

    @property
    def quoted(self) -> bool:
        """People's own words: exempt from the sentence and word rules."""
        return self.kind == "quote"


@dataclass(frozen=True)
class PageText:
    """Everything the easy-read checker needs to know about one page."""

    file: Path
    """Source file, relative to the site folder."""
    url: str
    title: str
    title_line: int
    content_type: str
    easy_read: bool
    """True for easy-read pages, False for standard (full) versions."""
    points: tuple[Point, ...] = ()
    silences: tuple[Silence, ...] = ()
    abbreviations_explained: frozenset[str] = frozenset()
    """Abbreviations the build explains on this page (from the site list)."""
    glossary_words: frozenset[str] = frozenset()
    """Lower-case words and phrases the site glossary explains."""
    extra: dict = field(default_factory=dict)
    """Content-type specific facts (for example minutes' decisions)."""
