"""The checklist's data: the definition and the results files, read and checked.

The dataclasses here are the shape of ``definition.yaml`` and of each
``<YYYY-MM>.yaml`` results file (see the README, "Co-production checklist results"). Reading a file
returns its data with the lines of what it says, or raises SiteError listing
every problem in it, so one build shows all the mistakes in a file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import Problem, SiteError, collect
from ...pictures.library import unknown_picture
from ...schema import load_dataclass
from ...sources import LineMap, load_yaml_file, relative_to_site
from ..base import PageWords

RATINGS = ("more to do", "getting there", "doing well")
"""Lowest first: a rating's place in this tuple is its level on the chart."""
SYMBOLS = {"doing well": "doing-well", "getting there": "getting-there", "more to do": "more-to-do"}
"""The library picture shown beside each rating's words (never colour alone)."""
DEFAULT_DEFINITION = Path(__file__).resolve().parents[2] / "data" / "checklist_lga2017.yaml"
SITE_DEFINITION = "definition.yaml"
PAGES_FILE = "pages.yaml"
"""Own titles and introductions for the overview and big idea pages (optional)."""
CHECK_NAME = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


# --- the definition ----------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class ItemDefinition:
    """One part of a big idea, with what doing well and more to do look like."""

    id: str
    """The part's id, its big idea's id, a dot and a number, e.g. "4.2" (in quotes)."""
    title: str
    """A short heading for the part, in easy read."""
    doing_well: str
    """What doing well looks like, in easy read."""
    more_to_do: str
    """What 'more to do' looks like, in easy read."""


@dataclass(frozen=True, kw_only=True)
class IdeaDefinition:
    """One big idea of the checklist."""

    id: int
    """1, 2, 3 …: the page address is /checklist/<id>/."""
    title: str
    """The big idea in a few easy words."""
    picture: str
    """A picture from the library, e.g. policy."""
    about: str
    """One or two short sentences that explain the big idea."""
    items: tuple[ItemDefinition, ...]
    """The parts of the big idea that each check rates."""


@dataclass(frozen=True, kw_only=True)
class Definition:
    """The whole checklist: its big ideas and where the ideas came from."""

    source: str
    """Credit for the ideas, shown on every checklist page."""
    ideas: tuple[IdeaDefinition, ...]
    """The big ideas, in the order they are shown."""


# --- a results file ----------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Evidence:
    """Something that shows how we are doing, with a link to it when there is one."""

    text: str
    """What it shows, in easy read."""
    link: str = ""
    """A page id (policy/co-production-policy), an action (minutes/2026-01-21-board#a2) or a web address."""
    picture: str = ""
    """A library picture; chosen from the link when empty."""


@dataclass(frozen=True, kw_only=True)
class ItemResult:
    """How one part of a big idea was rated at one check."""

    rating: str = ""
    """doing well, getting there or more to do."""
    evidence: tuple[Evidence, ...] = ()
    """What shows this rating."""
    next_steps: tuple[str, ...] = ()
    """What we will do next, one short sentence each."""


@dataclass(frozen=True, kw_only=True)
class TookPart:
    """Who took part in a check."""

    people: int
    """How many people took part."""
    lived_experience: int
    """How many of them have lived experience (people and families)."""
    groups: tuple[str, ...] = ()
    """The groups they came from."""


@dataclass(frozen=True, kw_only=True)
class CheckFile:
    """One results file, content/checklist/<YYYY-MM>.yaml."""

    date: dt.date
    """The day of the check."""
    took_part: TookPart
    """Who took part."""
    ratings: dict[str, ItemResult]
    """Every part of the checklist by its id, e.g. "1.1", with its rating."""
    summary: str = ""
    """One or two short sentences about the check, shown on its pages."""
    title: str = ""
    """The check page's own title, instead of 'Our co-production check in <month>'."""
    intro: tuple[str, ...] = ()
    """Short sentences at the start of the check's page."""


@dataclass(frozen=True, kw_only=True)
class ChecklistPages:
    """The file content/checklist/pages.yaml: own words for the overview and the big idea pages."""

    overview: PageWords = field(default_factory=PageWords)
    """The page /checklist/."""
    ideas: dict[str, PageWords] = field(default_factory=dict)
    """Big idea number -> its page's own words, e.g. '1': {intro: [...]}."""


@dataclass(frozen=True)
class Check:
    """A results file after it was read, with the lines of what it says."""

    key: str
    """The file name without .yaml, e.g. 2026-05: the page is /checklist/2026-05/."""
    file: Path
    data: CheckFile
    lines: LineMap
    keys: dict[str, Any]
    """Part id -> the key as written in the file, to find its lines."""

    def line(self, item_id: str, *rest: object) -> int:
        """Return the line of something written under a part's rating."""
        return self.lines.line_of(("ratings", self.keys.get(item_id, item_id), *rest))

    @property
    def label(self) -> str:
        """Return the month of the check, e.g. 'May 2026'."""
        return f"{self.data.date:%B %Y}"


@dataclass(frozen=True)
class Checklist:
    """The definition and every check, oldest first."""

    definition: Definition
    definition_file: Path
    definition_lines: LineMap
    checks: tuple[Check, ...]
    keys: frozenset[str] = frozenset()
    """Every check file's name, even one with mistakes, so jobs that name it are not reported too."""
    pages: ChecklistPages = field(default_factory=ChecklistPages)
    """Own words for the overview and big idea pages (pages.yaml)."""
    pages_file: Path | None = None
    pages_lines: LineMap | None = None

    def pages_line(self, *keys: object) -> int:
        """Return the line of a setting in pages.yaml."""
        return self.pages_lines.line_of(tuple(keys)) if self.pages_lines else 0

    def idea_words(self, idea_id: int) -> PageWords:
        """Return a big idea page's own words (empty when pages.yaml says none)."""
        return self.pages.ideas.get(str(idea_id), PageWords())

    def idea_line(self, index: int, *rest: object) -> int:
        """Return the line of a big idea's setting in the definition file."""
        return self.definition_lines.line_of(("ideas", index, *rest))

    def item_ids(self) -> list[str]:
        """Return every part id in the order of the definition."""
        return [item.id for idea in self.definition.ideas for item in idea.items]


# --- reading -----------------------------------------------------------------

def read_checklist(site: Any, files: tuple[Path, ...], problems: list[Problem]) -> Checklist:
    """Return the definition and every readable check; add each file's problems."""
    own = [f for f in files if f.name == SITE_DEFINITION]
    definition, lines, file = read_definition(own[0] if own else DEFAULT_DEFINITION, site.site_dir)
    problems += validate_definition(definition, lines, file, site.library)
    pages = [f for f in files if f.name == PAGES_FILE]
    words = collect(problems, read_pages, pages[0], site.site_dir, definition) if pages else None
    checks = []
    for path in files:
        if path.name in (SITE_DEFINITION, PAGES_FILE):
            continue
        try:
            checks.append(read_check(path, site.site_dir, definition))
        except SiteError as exc:
            problems.extend(exc.problems)
    checks.sort(key=lambda c: (c.data.date, c.key))
    keys = frozenset(p.stem for p in files if CHECK_NAME.match(p.stem))
    if words is None:
        return Checklist(definition, file, lines, tuple(checks), keys)
    return Checklist(definition, file, lines, tuple(checks), keys, *words)


def read_pages(path: Path, site_dir: Path, definition: Definition) -> tuple[ChecklistPages, Path, LineMap]:
    """Return the own words in pages.yaml; raise SiteError if it names a big idea that is not there."""
    data, lines, file = load_yaml_file(path, site_dir)
    pages = load_dataclass(ChecklistPages, data, lines, file)
    known = {str(idea.id) for idea in definition.ideas}
    wrong = [key for key in pages.ideas if key not in known]
    if wrong:
        raise SiteError([Problem(file, lines.line_of(("ideas", key)), f"There is no big idea {key}.",
                                 hint="The big ideas are numbered " + ", ".join(sorted(known)) + ".",
                                 rule="CHECK-UNKNOWN-ITEM") for key in wrong])
    return pages, file, lines


def read_definition(path: Path, site_dir: Path) -> tuple[Definition, LineMap, Path]:
    """Return the checklist definition in ``path``; raise SiteError if it is wrong."""
    data, lines, file = load_yaml_file(path, site_dir)
    return load_dataclass(Definition, data, lines, file), lines, file


def validate_definition(definition: Definition, lines: LineMap, file: Path, library: Any) -> list[Problem]:
    """Return problems with ids and pictures in the definition."""
    problems: list[Problem] = []
    seen_ideas: set[int] = set()
    seen_items: set[str] = set()
    for index, idea in enumerate(definition.ideas):
        where = ("ideas", index)
        if idea.id in seen_ideas:
            problems.append(Problem(file, lines.line_of(where + ("id",)), f"Two big ideas have the id {idea.id}.",
                                    hint="Give each big idea its own number.", rule="CHECK-DEFINITION"))
        seen_ideas.add(idea.id)
        problems += picture_problems(idea.picture, file, lines.line_of(where + ("picture",)), library)
        if not idea.items:
            problems.append(Problem(file, lines.line_of(where), f"Big idea {idea.id} has no parts to rate.",
                                    hint="Add at least one part under 'items:'.", rule="CHECK-DEFINITION"))
        for number, item in enumerate(idea.items):
            line = lines.line_of(where + ("items", number, "id"))
            if item.id in seen_items or not item.id.startswith(f"{idea.id}."):
                problems.append(Problem(
                    file, line, f"The part id '{item.id}' is used twice or does not start with '{idea.id}.'.",
                    hint=f"Number the parts of big idea {idea.id} as \"{idea.id}.1\", \"{idea.id}.2\" and so on.",
                    rule="CHECK-DEFINITION"))
            seen_items.add(item.id)
    return problems


def picture_problems(name: str, file: Path, line: int, library: Any) -> list[Problem]:
    """Return a problem when ``name`` is not a picture in the library (an empty name is fine)."""
    if not name or library.get(name) is not None:
        return []
    return [unknown_picture(file, line, name, library)]


def read_check(path: Path, site_dir: Path, definition: Definition) -> Check:
    """Return one results file; raise SiteError listing every problem in it."""
    if path.suffix.lower() not in (".yaml", ".yml") or not CHECK_NAME.match(path.stem):
        raise SiteError(Problem(
            relative_to_site(path, site_dir), 1, f"'{path.name}' is not a name we know in content/checklist/.",
            hint="Name each check by its year and month, for example 2026-05.yaml. "
                 "A checklist of your own is called definition.yaml; "
                 "own titles and introductions go in pages.yaml.", rule="CHECK-FILE-NAME"))
    data, lines, file = load_yaml_file(path, site_dir)
    data = _short_ratings(data)
    parsed = load_dataclass(CheckFile, data, lines, file)
    keys = {str(k).strip(): k for k in (data.get("ratings") or {})}
    ratings = {key.strip(): _tidy(result) for key, result in parsed.ratings.items()}
    check = Check(path.stem, file, CheckFile(date=parsed.date, took_part=parsed.took_part, ratings=ratings,
                                             summary=parsed.summary, title=parsed.title, intro=parsed.intro),
                  lines, keys)
    problems = validate_check(check, definition)
    if problems:
        raise SiteError(problems)
    return check


def _short_ratings(data: Any) -> Any:
    """Return the file's data with '"1.1": doing well' read as '"1.1": {rating: doing well}'."""
    if not isinstance(data, dict) or not isinstance(data.get("ratings"), dict):
        return data
    ratings = {k: {"rating": v} if isinstance(v, str) else v for k, v in data["ratings"].items()}
    return {**data, "ratings": ratings}


def _tidy(result: ItemResult) -> ItemResult:
    """Return the result with its rating in lower case and single spaces ('Doing  well' is fine)."""
    return ItemResult(rating=" ".join(result.rating.lower().split()), evidence=result.evidence,
                      next_steps=result.next_steps)


def validate_check(check: Check, definition: Definition) -> list[Problem]:
    """Return problems with a check's date, part ids and ratings."""
    problems: list[Problem] = []
    if f"{check.data.date:%Y-%m}" != check.key:
        problems.append(Problem(
            check.file, check.lines.line_of(("date",)),
            f"The date {check.data.date.isoformat()} is not in {check.key}, the month in the file name.",
            hint="Correct the date, or rename the file to the year and month of the check.", rule="CHECK-DATE"))
    known = [item.id for idea in definition.ideas for item in idea.items]
    for item_id, result in check.data.ratings.items():
        if item_id not in known:
            problems.append(_unknown_item(check, item_id, known))
        elif not result.rating:
            problems.append(Problem(check.file, check.line(item_id), f"Part {item_id} has no rating.",
                                    hint="Add 'rating: doing well', 'rating: getting there' or "
                                         "'rating: more to do' under it.", rule="CHECK-MISSING-RATING"))
        elif result.rating not in RATINGS:
            problems.append(_bad_rating(check, item_id, result.rating))
    for item_id in known:
        if item_id not in check.data.ratings:
            problems.append(Problem(
                check.file, check.lines.line_of(("ratings",)), f"Part {item_id} of the checklist has no rating.",
                hint=f"Every part must be rated. Add \"{item_id}\": with a 'rating:' under 'ratings:'.",
                rule="CHECK-MISSING-RATING"))
    return problems


def _unknown_item(check: Check, item_id: str, known: list[str]) -> Problem:
    close = difflib.get_close_matches(item_id, known, n=1)
    hint = f"Did you mean \"{close[0]}\"? " if close else ""
    return Problem(check.file, check.line(item_id), f"There is no part '{item_id}' in the checklist.",
                   hint=hint + f"The parts are {known[0]} to {known[-1]}. Put ids in quotes, like \"4.2\".",
                   rule="CHECK-UNKNOWN-ITEM")


def _bad_rating(check: Check, item_id: str, rating: str) -> Problem:
    close = difflib.get_close_matches(rating, RATINGS, n=1)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    return Problem(check.file, check.line(item_id, "rating"), f"'{rating}' is not a rating we use.",
                   hint=hint + "Write doing well, getting there or more to do.", rule="CHECK-BAD-RATING")
