"""Working Together for Change: writing easy-read rows and recording what the checker reads.

A ``Writer`` belongs to one page while it is made. Each row it writes
becomes a ``Row`` for the layout (layouts/components/wtfc_row.html) *and* a ``Point`` for the easy-read checker,
with the data file and line the words came from, so the two cannot drift
apart. The first use of each glossary word on the page is marked, and its
meaning written under the line, with the same layout components as the
Markdown pages (components/hard_word.html and components/explanation.html).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from markupsafe import Markup

from ...points import NONE, PageText, Point
from ...words import ExplainedWord, Glossary, GlossaryEntry, explained_word

STEP_TEXT: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "prepare": ("Prepare", "prepare", ("We plan the work.", "We agree who will take part.")),
    "collect": ("Collect", "collect", ("People tell us what is working and not working in their life.",
                                       "They tell us what they want for the future.")),
    "theme": ("Theme", "theme", ("We look at what people said.",
                                 "We put things that are about the same thing in a group.",
                                 "We call each group a theme.")),
    "understand": ("Understand", "understand", ("We find the real reasons why things are not working.",)),
    "identify_success": ("Identify success", "identify-success",
                         ("We agree what good would look like for people, families and staff.",)),
    "plan": ("Plan", "plan", ("We think of ideas.", "We choose the best ideas and make plans.")),
    "implement": ("Implement", "implement", ("We count where things are now.", "Then we start to do the plans.")),
    "review": ("Review", "review", ("Review means we check what has changed.", "We write a report and tell everyone.")),
}
"""Step id -> (the method's name, picture, what happens, in easy read). Our words, not the toolkit's."""

STATUS_TEXT = {"done": "This step is done.", "doing": "We are doing this step now.",
               "not started": "We have not started this step yet."}
STATE_TEXT = {"done": "Done", "to do": "To do", "late": "Late"}
STATE_PICTURE = {"done": "done", "to do": "to-do", "late": "late"}
VIEW_TEXT = {"person": "For the person", "family": "For families", "staff": "For staff",
             "commissioner": "For the people who pay for services"}
VIEW_FULL = {"person": "Person", "family": "Family", "staff": "Staff", "commissioner": "Commissioner"}
CATEGORY_TEXT = {"working": "Working", "not working": "Not working", "future": "For the future"}
MAX_SENTENCES = 3
"""Sentences in one row at most (easyread-rules.md rule 7)."""


@dataclass(frozen=True)
class Src:
    """Where words came from: a file relative to the site folder, and a line."""

    file: Path
    line: int


@dataclass(frozen=True)
class Line:
    """One line of a row: a sentence, optionally a link."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class Words:
    """A stretch of a line's words, already escaped; ``hard`` marks a hard word's first use on the page."""

    text: Markup
    hard: bool = False


@dataclass(frozen=True)
class RowLine:
    """One line of a row as shown: its words and where it links to.

    layouts/components/wtfc_line.html writes the words, each hard word with components/hard_word.html.
    """

    words: tuple[Words, ...]
    url: Markup = Markup("")


@dataclass(frozen=True)
class Row:
    """One easy-read row: a picture on the left, a few lines on the right.

    The markup is layouts/components/wtfc_row.html's. Words arrive already
    escaped (html.escape, as on the Markdown pages).
    """

    picture: str | None
    heading: Markup = Markup("")
    level: int = 3
    lines: tuple[RowLine, ...] = ()
    explanations: tuple[ExplainedWord, ...] = ()
    """The meaning of each hard word first used in this row (components/explanation.html writes each)."""
    quote: bool = False
    """The whole row is people's own words (shown as a quotation)."""
    quotes: tuple[Markup, ...] = ()
    """Several people's words, each its own quotation, under the heading."""
    id: str = ""
    cls: str = ""
    kind: str = "row"


@dataclass(frozen=True)
class Heading:
    """A section heading between rows; the markup is layouts/components/wtfc_heading.html's."""

    text: Markup
    level: int = 2
    id: str = ""
    kind: str = "heading"


@dataclass
class Writer:
    """Writes the rows of one page and remembers every point (one Writer per page)."""

    glossary: Glossary
    url_of: Callable[[str], str]
    """site.url: turns a site path into a link."""
    points: dict[Path, list[Point]] = field(default_factory=dict)
    hard_words: list[GlossaryEntry] = field(default_factory=list)
    pictures: set[str] = field(default_factory=set)

    def row(self, lines: Sequence[Line | str], src: Src, picture: str | None, *, heading: str = "",
            kind: str = "paragraph", level: int = 3, id: str = "", cls: str = "") -> Row:
        """Return a row and record its heading and words as points."""
        if heading:
            self._record(heading, src, "heading", picture)
        shown = [line if isinstance(line, Line) else Line(line) for line in lines if line]
        explained: list[GlossaryEntry] = []
        bold: list[str] = []
        words = [RowLine((Words(Markup(escape(line.text))),) if kind == "quote" else
                         self._words(line.text, explained, bold),
                         Markup(escape(self.url_of(line.url))) if line.url else Markup(""))
                 for line in shown]
        if shown:
            text = " ".join(_sentence(line.text) for line in shown)
            self._record(text, src, kind, picture, bold=tuple(bold),
                         explained=tuple(e.word for e in explained))
        if picture:
            self.pictures.add(picture)
        return Row(picture, Markup(escape(heading)), level, tuple(words),
                   tuple(explained_word(entry) for entry in explained), kind == "quote", id=id, cls=cls)

    def quotes(self, quotes: list[tuple[str, Src]], picture: str, heading: str, cls: str = "") -> Row:
        """Return one row of people's own words (each its own point, exempt from the sentence rules)."""
        self._record(heading, quotes[0][1], "heading", picture)
        for text, src in quotes:
            self._record(text, src, "quote", picture)
        self.pictures.add(picture)
        return Row(picture, Markup(escape(heading)), quotes=tuple(Markup(escape(text)) for text, _ in quotes), cls=cls)

    def rows(self, lines: Sequence[Line | str], src: Src, picture: str | None, **options) -> list[Row]:
        """Return as many rows as needed to keep each to 3 sentences, all with the same picture."""
        kept = [line for line in lines if line]
        chunks = [kept[i:i + MAX_SENTENCES] for i in range(0, len(kept), MAX_SENTENCES)] or [[]]
        return [self.row(chunk, src, picture, **(options if i == 0 else {})) for i, chunk in enumerate(chunks)]

    def heading(self, text: str, src: Src, level: int = 2, id: str = "") -> Heading:
        """Return a section heading and record it (headings have no picture of their own)."""
        self._record(text, src, "heading", None, NONE)
        return Heading(Markup(escape(text)), level, id)

    def page_texts(self, url: str, title: str, title_src: Src, summary: str, easy_read: bool) -> tuple[PageText, ...]:
        """Return what the checker reads: one PageText per source file, title and summary on the first."""
        files = [title_src.file, *[f for f in self.points if f != title_src.file]]
        texts = []
        for index, file in enumerate(files):
            texts.append(PageText(
                file=file, url=url, title=title, title_line=title_src.line if index == 0 else 0,
                content_type="wtfc", easy_read=easy_read, points=tuple(self.points.get(file, ())),
                glossary_words=self.glossary.known_forms,
                extra={"summary": summary, "summary_line": title_src.line} if index == 0 else {}))
        return tuple(texts)

    # --- inside ------------------------------------------------------------------------------
    def _record(self, text: str, src: Src, kind: str, picture: str | None, asked: str = "",
                bold: tuple[str, ...] = (), explained: tuple[str, ...] = ()) -> None:
        self.points.setdefault(src.file, []).append(Point(
            line=src.line, text=" ".join(text.split()), kind=kind, line_starts=((0, src.line),),
            picture=asked or (picture or NONE), chosen_picture=picture, bold=bold, explained=explained))

    def _words(self, text: str, explained: list[GlossaryEntry], bold: list[str]) -> tuple[Words, ...]:
        """Return the line's words, escaped, with the page's first use of each glossary word marked."""
        pattern = self.glossary.pattern
        if pattern is None:
            return (Words(Markup(escape(text))),)
        forms = self.glossary.forms
        out: list[Words] = []
        last = 0
        for match in pattern.finditer(text):
            entry = forms.get(match.group(0).lower())
            if entry is None or entry in self.hard_words:
                continue
            self.hard_words.append(entry)
            explained.append(entry)
            bold.append(match.group(0))
            out += [Words(Markup(escape(text[last:match.start()]))), Words(Markup(escape(match.group(0))), hard=True)]
            last = match.end()
        out.append(Words(Markup(escape(text[last:]))))
        return tuple(out)


def _sentence(text: str) -> str:
    """Return ``text`` ending in punctuation: each line on screen is its own sentence (rule 28)."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".?!:" else text + "."
