"""The co-production checklist: a definition, results files, and their pages.

The definition (5 big ideas, each with parts to rate) ships with the engine
in ``wtfc_site/data/checklist_lga2017.yaml``; a site may use its own in
``content/checklist/definition.yaml``. Each check is one results file,
``content/checklist/<YYYY-MM>.yaml``, that rates every part of the
definition. See docs/checklist-data.md for the shape of both files.

A big idea's overall rating is the rating most of its parts have; a tie
goes to the lower rating, so a partnership never looks better than most of
its parts are.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..actions import Action, group_actions
from ..datasets import Backlink, DataPage, DataResult
from ..errors import Problem, SiteError
from ..points import PageText, Point
from ..schema import load_dataclass
from ..sources import LineMap, load_yaml_file, relative_to_site

RATINGS = ("more to do", "getting there", "doing well")
"""Lowest first: a rating's place in this tuple is its level on the chart."""
SYMBOLS = {"doing well": "doing-well", "getting there": "getting-there", "more to do": "more-to-do"}
"""The library picture shown beside each rating's words (never colour alone)."""
CHANGE_WORDS = {"better": "Better than", "same": "The same as", "worse": "Worse than"}
DEFAULT_DEFINITION = Path(__file__).resolve().parent.parent / "data" / "checklist_lga2017.yaml"
SITE_DEFINITION = "definition.yaml"
CHECK_NAME = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
BASE_URL = "/checklist/"
EVIDENCE_PICTURES = {"minutes": "minutes", "policy": "policy", "plan": "plan", "updates": "news",
                     "people": "people", "stories": "story", "actions": "action"}
"""Evidence from these content folders gets a matching picture; other evidence gets 'document'."""


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

    def idea_line(self, index: int, *rest: object) -> int:
        """Return the line of a big idea's setting in the definition file."""
        return self.definition_lines.line_of(("ideas", index, *rest))

    def item_ids(self) -> list[str]:
        """Return every part id in the order of the definition."""
        return [item.id for idea in self.definition.ideas for item in idea.items]


# --- reading -----------------------------------------------------------------

def load_checklist(site: Any, files: tuple[Path, ...]) -> DataResult:
    """Read the checklist files; return its pages, text, backlinks and problems."""
    problems: list[Problem] = []
    try:
        checklist = read_checklist(site, files, problems)
    except SiteError as exc:
        return DataResult(problems=tuple(problems) + exc.problems)
    problems += check_evidence_links(site, checklist) + check_action_refs(site, checklist)
    if not checklist.checks:
        return DataResult(problems=tuple(problems), data=checklist)
    return DataResult(pages=tuple(make_pages(site, checklist)), texts=tuple(make_texts(site, checklist)),
                      backlinks=make_backlinks(site, checklist), problems=tuple(problems),
                      data=checklist)


def read_checklist(site: Any, files: tuple[Path, ...], problems: list[Problem]) -> Checklist:
    """Return the definition and every readable check; add each file's problems."""
    own = [f for f in files if f.name == SITE_DEFINITION]
    definition, lines, file = read_definition(own[0] if own else DEFAULT_DEFINITION, site.site_dir)
    problems += validate_definition(definition, lines, file, site.library)
    checks = []
    for path in files:
        if path.name == SITE_DEFINITION:
            continue
        try:
            checks.append(read_check(path, site.site_dir, definition))
        except SiteError as exc:
            problems.extend(exc.problems)
    checks.sort(key=lambda c: (c.data.date, c.key))
    keys = frozenset(p.stem for p in files if CHECK_NAME.match(p.stem))
    return Checklist(definition, file, lines, tuple(checks), keys)


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
        problems += _picture_problems(idea.picture, file, lines.line_of(where + ("picture",)), library)
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


def _picture_problems(name: str, file: Path, line: int, library: Any) -> list[Problem]:
    if not name or library.get(name) is not None:
        return []
    from ..pipeline import unknown_picture  # the pipeline imports us late; avoid a cycle
    return [unknown_picture(file, line, name, library)]


def read_check(path: Path, site_dir: Path, definition: Definition) -> Check:
    """Return one results file; raise SiteError listing every problem in it."""
    if path.suffix.lower() not in (".yaml", ".yml") or not CHECK_NAME.match(path.stem):
        raise SiteError(Problem(
            relative_to_site(path, site_dir), 1, f"'{path.name}' is not a name we know in content/checklist/.",
            hint="Name each check by its year and month, for example 2026-05.yaml. "
                 "A checklist of your own is called definition.yaml.", rule="CHECK-FILE-NAME"))
    data, lines, file = load_yaml_file(path, site_dir)
    data = _short_ratings(data)
    parsed = load_dataclass(CheckFile, data, lines, file)
    keys = {str(k).strip(): k for k in (data.get("ratings") or {})}
    ratings = {key.strip(): _tidy(result) for key, result in parsed.ratings.items()}
    check = Check(path.stem, file, CheckFile(date=parsed.date, took_part=parsed.took_part, ratings=ratings,
                                             summary=parsed.summary), lines, keys)
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


# --- links to and from other pages -------------------------------------------

ACTION_REF = re.compile(r"^/?checklist/(?P<check>[^/#]+)/?#(?P<item>[^#\s]+)$")


def is_external(link: str) -> bool:
    """Return True for a web address outside the site."""
    return link.startswith(("http://", "https://"))


def check_evidence_links(site: Any, checklist: Checklist) -> list[Problem]:
    """Return a problem for each evidence link that goes nowhere."""
    from ..pipeline import reference_exists  # the pipeline imports us late; avoid a cycle
    problems = []
    for check in checklist.checks:
        for item_id, result in check.data.ratings.items():
            for index, evidence in enumerate(result.evidence):
                problems += _picture_problems(evidence.picture, check.file,
                                              check.line(item_id, "evidence", index, "picture"), site.library)
                if evidence.link and not is_external(evidence.link) and not reference_exists(site, evidence.link):
                    problems.append(Problem(
                        check.file, check.line(item_id, "evidence", index, "link"),
                        f"The evidence link '{evidence.link}' goes to a page or action that is not there.",
                        hint="Write a page id, its path in content/ without .md, such as "
                             "minutes/2026-01-21-board, or an action such as minutes/2026-01-21-board#a2.",
                        rule="LINK-BROKEN"))
    return problems


def check_action_refs(site: Any, checklist: Checklist) -> list[Problem]:
    """Return a problem for each meeting action whose 'checklist:' names no part of a check."""
    keys = checklist.keys
    known = set(checklist.item_ids())
    problems = []
    for action in site.actions:
        if not action.checklist:
            continue
        match = ACTION_REF.match(action.checklist.strip())
        message = ""
        if match is None:
            message = f"'{action.checklist}' is not written like a checklist part."
        elif match["check"] not in keys:
            message = f"There is no check called '{match['check']}' in content/checklist/."
        elif match["item"] not in known:
            message = f"There is no part '{match['item']}' in the checklist."
        if message:
            problems.append(Problem(action.file, action_line(site, action), message,
                                    hint="Write the check and the part, for example checklist/2026-05#4.2.",
                                    rule="CHECK-UNKNOWN-ITEM"))
    return problems


def action_line(site: Any, action: Action) -> int:
    """Return the line of an action's 'checklist:' key in its minutes."""
    page = site.by_id.get(action.page_id)
    ids = [item.id for item in getattr(page.meta, "actions", ())] if page else []
    if page is None or action.id not in ids:
        return action.line
    return page.line_of("actions", ids.index(action.id), "checklist")


def item_of(action: Action) -> str:
    """Return the part id an action names in its 'checklist:' field, or ''."""
    match = ACTION_REF.match(action.checklist.strip())
    return match["item"] if match else ""


def make_backlinks(site: Any, checklist: Checklist) -> dict[str, tuple[Backlink, ...]]:
    """Return links from evidence pages and meetings back to the checklist parts that use them."""
    links: dict[str, list[Backlink]] = {}
    titles = {item.id: item.title for idea in checklist.definition.ideas for item in idea.items}
    latest = checklist.checks[-1]
    for check in reversed(checklist.checks):  # newest first, so a part cited twice links to its latest rating
        for item_id, result in check.data.ratings.items():
            url = item_url(item_id) if check is latest else f"{BASE_URL}{check.key}/#{anchor(item_id)}"
            for evidence in result.evidence:
                page_id = evidence.link.strip().strip("/").partition("#")[0].removesuffix(".md")
                if page_id in site.by_id and not is_external(evidence.link):
                    _add(links, page_id, Backlink(f"Our co-production check: {titles[item_id]}", url,
                                                  f"this page shows how we were doing in {check.label}"))
    for action in site.actions:
        item_id = item_of(action)
        if item_id in titles:
            _add(links, action.page_id, Backlink(f"Our co-production check: {titles[item_id]}", item_url(item_id),
                                                 "a job agreed at this meeting is a next step from our check"))
    return {page_id: tuple(found) for page_id, found in links.items()}


def _add(links: dict[str, list[Backlink]], page_id: str, link: Backlink) -> None:
    if all(old.title != link.title for old in links.setdefault(page_id, [])):
        links[page_id].append(link)


def anchor(item_id: str) -> str:
    """Return the HTML id of a part, e.g. item-4-2."""
    return "item-" + item_id.replace(".", "-")


def item_url(item_id: str) -> str:
    """Return the site path of a part on its big idea's page."""
    return f"{BASE_URL}{item_id.split('.')[0]}/#{anchor(item_id)}"


# --- what the pages show -----------------------------------------------------

def overall(ratings: list[str]) -> str:
    """Return a big idea's rating: the one most of its parts have; a tie goes to the lower one."""
    counts = Counter(ratings)
    return max(RATINGS, key=lambda rating: (counts[rating], -RATINGS.index(rating)))


def compare(before: str, now: str) -> str:
    """Return better, same or worse (or '' when there was no check before)."""
    if not before:
        return ""
    step = RATINGS.index(now) - RATINGS.index(before)
    return "better" if step > 0 else "worse" if step < 0 else "same"


@dataclass(frozen=True)
class Rated:
    """A rating, with how it changed since the check before."""

    rating: str
    before: str = ""
    since: str = ""
    """The month of the check before, e.g. May 2026."""

    @property
    def words(self) -> str:
        """Return the rating as a reader sees it, e.g. 'Doing well'."""
        return self.rating.capitalize()

    @property
    def symbol(self) -> str:
        """Return the library picture for the rating."""
        return SYMBOLS[self.rating]

    @property
    def change(self) -> str:
        """Return better, same, worse or ''."""
        return compare(self.before, self.rating)

    @property
    def change_short(self) -> str:
        """Return the change in one or two words, for tables."""
        return {"better": "Better", "same": "The same", "worse": "Worse"}.get(self.change, "First check")

    @property
    def change_sentence(self) -> str:
        """Return the change in words, e.g. 'Better than in May 2026.'."""
        if not self.change:
            return "This is our first check."
        return f"{CHANGE_WORDS[self.change]} in {self.since}."


@dataclass(frozen=True)
class EvidenceView:
    """One piece of evidence as shown: words, where the link goes, a picture."""

    text: str
    href: str
    picture: str


@dataclass(frozen=True)
class ItemView:
    """One part of a big idea as shown on the big idea's page."""

    item: ItemDefinition
    anchor: str
    rated: Rated
    evidence: tuple[EvidenceView, ...] = ()
    next_steps: tuple[str, ...] = ()
    previous_steps: tuple[str, ...] = ()
    action_groups: dict[str, list[Action]] = field(default_factory=dict)


@dataclass(frozen=True)
class IdeaView:
    """One big idea at one check."""

    idea: IdeaDefinition
    url: str
    rated: Rated
    counts: str
    """One short sentence, e.g. '2 of 3 parts are doing well.'."""
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class CheckView:
    """One check as shown: when, who took part, and each big idea's rating."""

    key: str
    label: str
    date: dt.date
    url: str
    took_part: TookPart
    summary: str
    ideas: tuple[IdeaView, ...]


def counts_sentence(rating: str, ratings: list[str]) -> str:
    """Return how many parts have the big idea's rating, e.g. '2 of 3 parts are doing well.'."""
    n, total = ratings.count(rating), len(ratings)
    one = n == 1
    verb = {"doing well": "is doing well" if one else "are doing well",
            "getting there": "is getting there" if one else "are getting there",
            "more to do": "has more to do" if one else "have more to do"}[rating]
    return f"{n} of {total} parts {verb}."


def idea_view(site: Any, checklist: Checklist, idea: IdeaDefinition, at: int, details: bool) -> IdeaView:
    """Return a big idea at check number ``at``; ``details`` adds evidence, next steps and jobs."""
    check = checklist.checks[at]
    before = checklist.checks[at - 1] if at > 0 else None
    items = tuple(_item_view(site, item, check, before, details) for item in idea.items)
    ratings = [view.rated.rating for view in items]
    earlier = overall([before.data.ratings[i.id].rating for i in idea.items]) if before else ""
    rating = overall(ratings)
    return IdeaView(idea, f"{BASE_URL}{idea.id}/", Rated(rating, earlier, before.label if before else ""),
                    counts_sentence(rating, ratings), items)


def _item_view(site: Any, item: ItemDefinition, check: Check, before: Check | None, details: bool) -> ItemView:
    result = check.data.ratings[item.id]
    rated = Rated(result.rating, before.data.ratings[item.id].rating if before else "",
                  before.label if before else "")
    if not details:
        return ItemView(item, anchor(item.id), rated)
    mine = [a for a in site.actions if item_of(a) == item.id]
    return ItemView(item, anchor(item.id), rated,
                    evidence=tuple(_evidence_view(site, e) for e in result.evidence),
                    next_steps=result.next_steps,
                    previous_steps=_previous_steps(result, before.data.ratings[item.id] if before else None),
                    action_groups=group_actions(mine, site.today))


def _previous_steps(now: ItemResult, before: ItemResult | None) -> tuple[str, ...]:
    """Return the check before's next steps that this check does not say again."""
    return tuple(step for step in before.next_steps if step not in now.next_steps) if before else ()


def _evidence_view(site: Any, evidence: Evidence) -> EvidenceView:
    link = evidence.link.strip()
    folder = link.strip("/").split("/")[0].partition("#")[0]
    picture = evidence.picture or ("document" if is_external(link) else EVIDENCE_PICTURES.get(folder, "document"))
    return EvidenceView(evidence.text, evidence_href(site, link), picture)


def evidence_href(site: Any, link: str) -> str:
    """Return where an evidence link goes: a web address, a page, or an action on its meeting's page."""
    if not link or is_external(link):
        return link
    path, _, fragment = link.strip("/").partition("#")
    page = site.by_id.get(path.removesuffix(".md"))
    target = page.url if page else "/" + path + "/"
    return site.url(target) + (f"#{fragment}" if fragment else "")


def check_view(site: Any, checklist: Checklist, at: int) -> CheckView:
    """Return check number ``at`` with each big idea's rating."""
    check = checklist.checks[at]
    ideas = tuple(idea_view(site, checklist, idea, at, False) for idea in checklist.definition.ideas)
    return CheckView(check.key, check.label, check.data.date, f"{BASE_URL}{check.key}/", check.data.took_part,
                     check.data.summary, ideas)


def history(checklist: Checklist, idea: IdeaDefinition) -> list[str]:
    """Return a big idea's rating at each check, oldest first."""
    return [overall([check.data.ratings[item.id].rating for item in idea.items]) for check in checklist.checks]


def chart(title: str, checklist: Checklist, ideas: tuple[IdeaDefinition, ...]) -> Markup:
    """Return the step chart of the big ideas' ratings over time (one line per big idea)."""
    from ..charts import step_chart  # another issue's module; imported when a page needs it
    series = [(idea.title, [RATINGS.index(r) for r in history(checklist, idea)]) for idea in ideas]
    return Markup(step_chart(title, [c.label for c in checklist.checks], series, list(RATINGS)))


# --- pages -------------------------------------------------------------------

OVERVIEW_TITLE = "Our co-production check"
OVERVIEW_SUMMARY = "We check how well we work together as equals."
TOOK_PART_WORDS = ("lived experience",)
"""Words the layouts use when they say who took part, so the hard-words box can explain them."""
FIXED = ("check", "date", "people", "action", "document", "done", "late", "to-do", *SYMBOLS.values())
"""Pictures the checklist layouts always show."""


def make_pages(site: Any, checklist: Checklist) -> list[DataPage]:
    """Return the overview, a page per big idea and a page per check."""
    latest = len(checklist.checks) - 1
    common = {"source": checklist.definition.source, "RATINGS": RATINGS, "SYMBOLS": SYMBOLS,
              "checks": [check_view(site, checklist, i) for i in reversed(range(latest + 1))]}
    ideas = [idea_view(site, checklist, idea, latest, True) for idea in checklist.definition.ideas]
    pages = [_page(site, BASE_URL, OVERVIEW_TITLE, "checklist.html", OVERVIEW_SUMMARY, "check", {
        **common, "check": common["checks"][0], "ideas": ideas,
        "chart": chart("Our big ideas over time", checklist, checklist.definition.ideas),
        "history": [(idea, history(checklist, idea)) for idea in checklist.definition.ideas]})]
    for view in ideas:
        idea = view.idea
        pages.append(_page(site, view.url, idea.title, "checklist_idea.html", idea.about, idea.picture, {
            **common, "idea": view, "chart": chart(f"{idea.title}: over time", checklist, (idea,)),
            "history": [(idea, history(checklist, idea))]}))
    for check in common["checks"]:
        pages.append(_page(site, check.url, f"Our co-production check in {check.label}", "checklist_check.html",
                           f"What we found when we checked in {check.label}.", "date", {**common, "check": check}))
    return pages


def _page(site: Any, url: str, title: str, layout: str, summary: str, picture: str,
          context: dict[str, Any]) -> DataPage:
    hard_words, short_forms = words_explained(site, [title, summary, *_strings(context)])
    pictures = set(FIXED) | {picture} | _pictures(context)
    return DataPage(url=url, title=title, layout=layout, summary=summary, picture=picture,
                    context={**context, "hard_words": hard_words, "short_forms": short_forms,
                             "pictures": sorted(pictures)})


def _pictures(context: dict[str, Any]) -> set[str]:
    ideas = context.get("ideas") or ([context["idea"]] if "idea" in context else [])
    names = {view.idea.picture for view in ideas}
    names |= {e.picture for view in ideas for item in view.items for e in item.evidence}
    return names


def _strings(context: dict[str, Any]) -> list[str]:
    """Return the words of the definition and results a page shows, to find its hard words."""
    ideas = context.get("ideas") or ([context["idea"]] if "idea" in context else [])
    found = [OVERVIEW_SUMMARY]
    for view in ideas:
        found += [view.idea.title, view.idea.about]
        for item in view.items:
            found += [item.item.title, item.item.doing_well, item.item.more_to_do, *item.next_steps,
                      *item.previous_steps, *(e.text for e in item.evidence)]
    check = context.get("check")
    return found + ([check.summary, *TOOK_PART_WORDS] if check else [])


def words_explained(site: Any, strings: list[str]) -> tuple[tuple, tuple]:
    """Return the site's hard words and short forms found in ``strings``, each once, in order."""
    text = "\n".join(strings)
    hard: list[Any] = []
    pattern, forms = site.glossary.pattern(), site.glossary.forms()
    for match in pattern.finditer(text) if pattern else ():
        entry = forms.get(match.group(1).lower())
        if entry is not None and entry not in hard:
            hard.append(entry)
    short: list[tuple[str, str]] = []
    pattern = site.abbreviations.pattern()
    for match in pattern.finditer(text) if pattern else ():
        pair = (match.group(1), site.abbreviations.full[match.group(1)])
        if pair not in short:
            short.append(pair)
    return tuple(hard), tuple(short)


# --- text for the easy-read checker ------------------------------------------

def make_texts(site: Any, checklist: Checklist) -> list[PageText]:
    """Return the checklist's own words, by source file and page, for the easy-read checker.

    Each sentence is given once, on the page that shows it in full: the
    definition and the latest evidence and next steps on the big idea pages,
    the check before's next steps there too, and each summary on its check's page.
    """
    texts = []
    latest = checklist.checks[-1]
    before = checklist.checks[-2] if len(checklist.checks) > 1 else None
    for index, idea in enumerate(checklist.definition.ideas):
        url = f"{BASE_URL}{idea.id}/"
        texts.append(_text(site, checklist.definition_file, url, idea.title,
                           checklist.idea_line(index, "title"), _definition_points(checklist, index, latest)))
        texts.append(_text(site, latest.file, url, "", 0, _result_points(latest, idea, site)))
        if before is not None:
            texts.append(_text(site, before.file, url, "", 0, _step_points(before, idea, latest)))
    for check in checklist.checks:
        if check.data.summary:
            point = Point(check.lines.line_of(("summary",)), check.data.summary, "paragraph",
                          picture="date", chosen_picture="date")
            texts.append(_text(site, check.file, f"{BASE_URL}{check.key}/", "", 0, [point]))
    return [t for t in texts if t.points or t.title]


def _text(site: Any, file: Path, url: str, title: str, title_line: int, points: list[Point]) -> PageText:
    hard, short = words_explained(site, [title, *(p.text for p in points)])
    return PageText(file=file, url=url, title=title, title_line=title_line, content_type="checklist",
                    easy_read=True, points=tuple(points),
                    abbreviations_explained=frozenset(s for s, _ in short),
                    glossary_words=frozenset(site.glossary.forms()))


def _point(line: int, text: str, kind: str, picture: str | None) -> Point:
    return Point(line, " ".join(text.split()), kind, picture=picture or "none", chosen_picture=picture)


def _definition_points(checklist: Checklist, index: int, latest: Check) -> list[Point]:
    idea = checklist.definition.ideas[index]
    points = [_point(checklist.idea_line(index, "about"), idea.about, "paragraph", idea.picture)]
    for number, item in enumerate(idea.items):
        line = lambda key: checklist.idea_line(index, "items", number, key)  # noqa: E731
        points += [_point(line("title"), item.title, "heading", SYMBOLS[latest.data.ratings[item.id].rating]),
                   _point(line("doing_well"), item.doing_well, "paragraph", SYMBOLS["doing well"]),
                   _point(line("more_to_do"), item.more_to_do, "paragraph", SYMBOLS["more to do"])]
    return points


def _result_points(check: Check, idea: IdeaDefinition, site: Any) -> list[Point]:
    points = []
    for item in idea.items:
        for index, evidence in enumerate(check.data.ratings[item.id].evidence):
            points.append(_point(check.line(item.id, "evidence", index, "text"), evidence.text, "list-item",
                                 _evidence_view(site, evidence).picture))
    return points + _step_points(check, idea)


def _step_points(check: Check, idea: IdeaDefinition, latest: Check | None = None) -> list[Point]:
    """Return a check's next steps as points; with ``latest``, only those it does not say again."""
    return [_point(check.line(item.id, "next_steps", index), step, "list-item", "action")
            for item in idea.items for index, step in enumerate(check.data.ratings[item.id].next_steps)
            if not (latest and step in latest.data.ratings[item.id].next_steps)]
