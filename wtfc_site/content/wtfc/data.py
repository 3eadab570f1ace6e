"""Working Together for Change: the shape of a cycle's files, and reading them.

One folder per cycle, ``content/wtfc/<cycle>/``. Each file matches one part
of the method (the README, 'Working Together for Change' shows examples):

    cycle.yaml      title, summary, the 8 steps (status, dates, who took part)
    statements.csv  one row a statement (may live outside the site, see cycle.yaml)
    themes.yaml     themes, each with an "I" statement and a picture
    causes.yaml     deep causes, and which were agreed most important
    success.yaml    what success looks like, and from whose point of view
    ideas.yaml      ideas considered, and which became action plans
    plans.yaml      action plans with indicators, linked to board meetings
    review.yaml     the review (step 8)

Every YAML item goes through ``schema.load_dataclass``, so a wrong key or
type is reported with its file and line like everywhere else in the site.

Over 400 lines because it holds the typed shape of all eight files of the
method side by side, with the readers that share their line maps; each part
alone is short.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from ...errors import Problem, SiteError, collect
from ...schema import load_dataclass
from ...sources import KeyPath, LineMap, load_yaml_file, read_text
from ..base import PageWords

T = TypeVar("T")

STEP_IDS = ("prepare", "collect", "theme", "understand", "identify_success", "plan", "implement", "review")
"""The 8 steps of the method, in order (the YAML keys under ``steps:``)."""
CATEGORIES = ("working", "not working", "future")
"""What a statement is about: what is working, what is not working, what the person wants in the future."""
VIEWS = ("person", "family", "staff", "commissioner")
"""Whose point of view a success statement is written from."""
STATUSES = ("not started", "doing", "done")

LIST_FILES = ("themes.yaml", "causes.yaml", "success.yaml", "ideas.yaml", "plans.yaml")
KNOWN_FILES = frozenset({"cycle.yaml", "review.yaml", *LIST_FILES})
CSV_COLUMNS = ("review", "category", "theme", "quote", "words")
OPTIONAL_COLUMNS = ("names_checked",)
"""yes: a person read the statement, and any name in it may be published (the person agreed)."""


# --- cycle.yaml ----------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class TookPart:
    """A group of people who took part in a step: how many, and their role (never names)."""

    who: str
    """Their role, e.g. 'people with a learning disability' or 'family carers'."""
    number: int
    """How many of them took part."""


@dataclass(frozen=True, kw_only=True)
class CyclePages:
    """Own words for the cycle's pages (the step, theme and plan pages take theirs in their own items)."""

    overview: PageWords = field(default_factory=PageWords)
    """The cycle's front page, e.g. /wtfc/2026/."""
    what_people_said: PageWords = field(default_factory=PageWords)
    """The page with the chart of what people said."""
    themes: PageWords = field(default_factory=PageWords)
    """The list of themes."""
    report: PageWords = field(default_factory=PageWords)
    """The easy-read report."""
    report_full: PageWords = field(default_factory=PageWords)
    """The full report (standard English): its title and summary; its opening is report_full_intro."""


@dataclass(frozen=True, kw_only=True)
class Step:
    """Where one step of the method is."""

    status: Literal["not started", "doing", "done"] = "not started"
    """not started, doing or done."""
    start: dt.date | None = None
    """The day the step started."""
    end: dt.date | None = None
    """The day the step finished."""
    did: tuple[str, ...] = ()
    """What was done, one short easy-read sentence a line."""
    took_part: tuple[TookPart, ...] = ()
    """Who took part: roles and numbers."""
    title: str = ""
    """The step page's own title, instead of e.g. 'Step 4: Understand'."""
    intro: tuple[str, ...] = ()
    """Short sentences at the start of the step's page, instead of the site's own."""


@dataclass(frozen=True, kw_only=True)
class Steps:
    """The 8 steps; a step that is not written is 'not started'."""

    prepare: Step = field(default_factory=Step)
    collect: Step = field(default_factory=Step)
    theme: Step = field(default_factory=Step)
    understand: Step = field(default_factory=Step)
    identify_success: Step = field(default_factory=Step)
    plan: Step = field(default_factory=Step)
    implement: Step = field(default_factory=Step)
    review: Step = field(default_factory=Step)


@dataclass(frozen=True, kw_only=True)
class CycleMeta:
    """The file cycle.yaml: what the cycle is and where each step is."""

    title: str
    """The cycle's name, e.g. 'Working Together for Change 2026'."""
    summary: str
    """One or two short sentences about the cycle."""
    picture: str = "co-production"
    """The picture for the cycle's pages."""
    statements: str = "statements.csv"
    """The statements file, relative to this folder; it may be outside the site, e.g. ../../../private/statements.csv."""
    steps: Steps = field(default_factory=Steps)
    """Where each of the 8 steps is."""
    report_full_intro: tuple[str, ...] = ()
    """Paragraphs in standard English at the start of the full report."""
    pages: CyclePages = field(default_factory=CyclePages)
    """Own titles, summaries and introductions for the cycle's pages (optional)."""


# --- the list files -------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Theme:
    """A theme found in what people said (step 3)."""

    id: str
    """A short id, e.g. getting-out; statements name it in their theme column."""
    title: str
    """The theme's name, e.g. Getting out and about."""
    i_statement: str
    """The theme as people would say it, starting with 'I', e.g. 'I go out when I want to.'"""
    picture: str
    """A picture from the library."""
    summary: str = ""
    """One short sentence under the theme page's heading, instead of 'A theme of …'."""
    intro: tuple[str, ...] = ()
    """Short sentences at the start of the theme's page, before its 'I' statement."""


@dataclass(frozen=True, kw_only=True)
class Cause:
    """A deep cause of what is not working (step 4)."""

    theme: str = ""
    """The theme id it belongs to."""
    text: str
    """The cause, in easy read."""
    important: bool = False
    """yes when people agreed it is one of the most important causes to change."""


@dataclass(frozen=True, kw_only=True)
class Success:
    """What success would look like, from one point of view (step 5)."""

    theme: str = ""
    """The theme id it belongs to."""
    view: Literal["person", "family", "staff", "commissioner"]
    """Whose point of view: person, family, staff or commissioner."""
    text: str
    """The success statement, usually starting with 'I' or 'We'."""


@dataclass(frozen=True, kw_only=True)
class Idea:
    """An idea considered in step 6."""

    theme: str = ""
    """The theme id it belongs to."""
    text: str
    """The idea, in easy read."""
    plan: str = ""
    """The id of the action plan it became, if it became one."""


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """A number that shows whether a plan is working."""

    what: str
    """What is counted, e.g. 'people in the group who have a paid job'."""
    baseline: int | None = None
    """The number when the plan started."""
    target: int
    """The number we want to reach."""
    latest: int | None = None
    """The newest number."""
    measured: dt.date | None = None
    """When the newest number was counted."""


@dataclass(frozen=True, kw_only=True)
class PlanStep:
    """One step of an action plan, with its own date: grouped late, to do or done like meeting jobs."""

    what: str
    """What will be done, in one short sentence."""
    who: str
    """Who will do it. Their page lists it with their other jobs."""
    by: dt.date
    """When it should be done by."""
    done: bool = False
    """yes when it is done."""
    done_on: dt.date | None = None
    """The day it was done."""


@dataclass(frozen=True, kw_only=True)
class Plan:
    """An action plan (steps 6 and 7)."""

    id: str
    """A short id, e.g. travel-buddies."""
    theme: str = ""
    """The theme id it belongs to."""
    title: str
    """A short name for the plan."""
    what: str
    """What will be done, in one or two short sentences."""
    who: str
    """Who leads it (a role or a group, not a private person's name)."""
    by: dt.date
    """When it should be done by."""
    status: Literal["not started", "doing", "behind", "done"] = "not started"
    """not started, doing, behind or done. A plan past its date is late; one with a late step is behind."""
    steps: tuple[PlanStep, ...] = ()
    """The plan's own steps: what, who, by and done."""
    intro: tuple[str, ...] = ()
    """Short sentences shown at the start of the plan, before what it will do."""
    baseline: str = ""
    """Where things were when the plan started, in words."""
    indicators: tuple[Indicator, ...] = ()
    """Numbers that show if the plan is working."""
    agreed_at: str = ""
    """The meeting that agreed the plan, e.g. minutes/2026-03-18-board."""
    actions: tuple[str, ...] = ()
    """Actions from meetings that are part of the plan, e.g. minutes/2026-03-18-board#a2."""
    progress: tuple[str, ...] = ()
    """What has happened so far, one short sentence a line."""


@dataclass(frozen=True, kw_only=True)
class ReviewNote:
    """One thing the review found."""

    theme: str = ""
    """The theme id it is about; leave it out for the cycle as a whole."""
    text: str


@dataclass(frozen=True, kw_only=True)
class Review:
    """The file review.yaml: the review and report (step 8)."""

    date: dt.date
    """When the review meeting was."""
    summary: tuple[str, ...]
    """What the review found, in easy read, one short sentence a line."""
    full_summary: tuple[str, ...] = ()
    """The same in standard English, for the full report."""
    notes: tuple[ReviewNote, ...] = ()
    """What the review found about each theme."""
    next_steps: tuple[str, ...] = ()
    """What happens next, one short sentence a line."""
    took_part: tuple[TookPart, ...] = ()
    """Who took part in the review."""


# --- parsed values --------------------------------------------------------------------------

@dataclass(frozen=True)
class Located(Generic[T]):
    """A parsed item with where it was written, so every check can name a line."""

    item: T
    file: Path
    lines: LineMap
    path: KeyPath = ()

    def line(self, *keys: Any) -> int:
        """Return the line of a key inside this item (or of the item itself)."""
        return self.lines.line_of(self.path + tuple(keys))


@dataclass(frozen=True)
class Statement:
    """One statement from one person's review. Its words are published only if ``quote``."""

    review: str
    """The anonymous review code; counted, never published."""
    category: str
    theme: str
    quote: bool
    words: str
    file: Path
    line: int
    names_checked: bool = False
    """yes in the names_checked column: a person checked the names in it may be published."""


@dataclass(frozen=True)
class Cycle:
    """Everything in one cycle folder, parsed."""

    id: str
    folder: Path
    meta: Located[CycleMeta]
    statements: tuple[Statement, ...] = ()
    statements_file: Path | None = None
    themes: tuple[Located[Theme], ...] = ()
    causes: tuple[Located[Cause], ...] = ()
    success: tuple[Located[Success], ...] = ()
    ideas: tuple[Located[Idea], ...] = ()
    plans: tuple[Located[Plan], ...] = ()
    review: Located[Review] | None = None

    @property
    def url(self) -> str:
        """Return the cycle's overview address, e.g. /wtfc/2026/."""
        return f"/wtfc/{self.id}/"

    def theme_url(self, theme_id: str) -> str:
        """Return a theme page's address."""
        return f"/wtfc/{self.id}/themes/{theme_id}/"

    def step(self, step_id: str) -> Step:
        """Return one of the 8 steps by its id."""
        return getattr(self.meta.item.steps, step_id)


# --- reading ---------------------------------------------------------------------------------

def read_cycle(folder: Path, files: tuple[Path, ...], site_dir: Path) -> tuple[Cycle | None, list[Problem]]:
    """Return the parsed cycle in ``folder`` (None if cycle.yaml is unusable) and every problem."""
    problems: list[Problem] = []
    names = {f.name: f for f in files}
    if "cycle.yaml" not in names:
        return None, [Problem(_relative(folder, site_dir), None, "This Working Together for Change folder has no cycle.yaml.",
                              hint="Add a cycle.yaml with title, summary and steps (see the README, 'Working Together for Change').",
                              rule="WTFC-NO-CYCLE")]
    meta = collect(problems, read_one, CycleMeta, names["cycle.yaml"], site_dir)
    if meta is None:
        return None, problems
    statements_path = (folder / meta.item.statements).resolve()
    problems += _unknown_files(files, statements_path, site_dir)
    statements = collect(problems, read_statements, statements_path, site_dir, meta) or ()
    lists: dict[str, Any] = {name: _read_list(cls, names[name], site_dir, problems) if name in names else ()
             for name, cls in zip(LIST_FILES, (Theme, Cause, Success, Idea, Plan))}
    review = collect(problems, read_one, Review, names["review.yaml"], site_dir) if "review.yaml" in names else None
    cycle = Cycle(id=folder.name, folder=folder, meta=meta, statements=tuple(statements),
                  statements_file=_relative(statements_path, site_dir), themes=lists["themes.yaml"],
                  causes=lists["causes.yaml"], success=lists["success.yaml"], ideas=lists["ideas.yaml"],
                  plans=lists["plans.yaml"], review=review)
    return cycle, problems


def read_one(cls: type[T], path: Path, site_dir: Path) -> Located[T]:
    data, lines, file = load_yaml_file(path, site_dir)
    return Located(load_dataclass(cls, data, lines, file), file, lines)


def _read_list(cls: type[T], path: Path, site_dir: Path, problems: list[Problem]) -> tuple[Located[T], ...]:
    """Return the good items of a list file; bad ones add their problems (the rest are still checked)."""
    try:
        data, lines, file = load_yaml_file(path, site_dir)
    except SiteError as exc:
        problems.extend(exc.problems)
        return ()
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(Problem(file, 1, f"{path.name} should be a list.",
                                hint="Start each item with '- ' at the start of a line (see the README, 'Working Together for Change').",
                                rule="SITE-TYPE"))
        return ()
    items = []
    for index, value in enumerate(data):
        try:
            items.append(Located(load_dataclass(cls, value, lines, file, (index,)), file, lines, (index,)))
        except SiteError as exc:
            problems.extend(exc.problems)
    return tuple(items)


def _unknown_files(files: tuple[Path, ...], statements: Path, site_dir: Path) -> list[Problem]:
    return [Problem(_relative(f, site_dir), 1, f"'{f.name}' is not a Working Together for Change file we know.",
                    hint="The files are: " + ", ".join(sorted(KNOWN_FILES | {"statements.csv"}))
                         + ". Keep other files outside content/.", rule="WTFC-UNKNOWN-FILE")
            for f in files if f.name not in KNOWN_FILES and f.resolve() != statements]


def read_statements(path: Path, site_dir: Path, meta: Located[CycleMeta]) -> tuple[Statement, ...]:
    """Return the statements in a CSV file; raise SiteError with every bad row."""
    file = _relative(path, site_dir)
    if not path.is_file():
        raise SiteError(Problem(meta.file, meta.line("statements"), f"The statements file '{meta.item.statements}' is not there.",
                                hint="Write its path relative to this cycle's folder, or add statements.csv beside cycle.yaml.",
                                rule="WTFC-NO-STATEMENTS"))
    rows = _csv_rows(read_text(path, file))
    if not rows:
        return ()
    header_line, header = rows[0]
    columns = [h.strip().lower() for h in header]
    missing = [c for c in CSV_COLUMNS if c not in columns]
    extra = [c for c in columns if c not in CSV_COLUMNS + OPTIONAL_COLUMNS]
    if missing or extra:
        raise SiteError(Problem(file, header_line, "The first row should name the columns: " + ", ".join(CSV_COLUMNS) + ".",
                                hint=(f"Missing: {', '.join(missing)}. " if missing else "")
                                     + (f"Not known: {', '.join(extra)}." if extra else ""), rule="WTFC-CSV"))
    statements: list[Statement] = []
    problems: list[Problem] = []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        try:
            statements.append(_statement(dict(zip(columns, row)), len(row), len(columns), file, line))
        except SiteError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SiteError(problems)
    return tuple(statements)


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """Return (first line, cells) for each CSV row; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text))
    rows, line = [], 1
    for row in reader:
        rows.append((line, row))
        line = reader.line_num + 1
    return rows


def _statement(cells: dict[str, str], count: int, expected: int, file: Path, line: int) -> Statement:
    if count != expected:
        raise SiteError(Problem(file, line, f"This row has {count} cells, but there are {expected} columns.",
                                hint='Put words that have a comma inside double quotes: "like, this".', rule="WTFC-CSV"))
    quote = cells["quote"].strip().lower()
    if quote not in ("yes", "no"):
        raise SiteError(Problem(file, line, f"The quote column says '{cells['quote']}'.",
                                hint="Write yes if the person agreed their words can be shown, or no.", rule="WTFC-CSV"))
    return Statement(review=cells["review"].strip(), category=" ".join(cells["category"].lower().split()),
                     theme=cells["theme"].strip(), quote=quote == "yes", words=cells["words"].strip(),
                     file=file, line=line,
                     names_checked=cells.get("names_checked", "").strip().lower() in ("yes", "true", "y"))


def _relative(path: Path, site_dir: Path) -> Path:
    """Return ``path`` relative to the site folder, with '..' when it is outside."""
    return Path(os.path.relpath(path.resolve(), site_dir.resolve()))
