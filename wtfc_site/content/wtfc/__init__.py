"""Working Together for Change (WTFC): the golden thread, published.

``load_cycles`` is the dataset the build calls with every file under
``content/wtfc/``. For each cycle folder it reads the data
(``data``), checks it and scans it for personal data
(``checks``), computes every number (``numbers``), and makes the
pages (``pages``, ``theme``, ``report``). It also links the
thread both ways: meetings named by action plans, and updates or answers
that name a theme in their ``themes:`` front matter, get links back.

Theme references in front matter are written ``wtfc/<cycle>#<theme id>``
(``wtfc/2026/themes#<id>`` and ``wtfc/2026/themes/<id>`` work too).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ...actions import Action
from ...datasets import Backlink, DataPage, DataResult
from ...errors import Problem, collect
from ...names import name_context
from ...site import Site
from ..base import PageWords
from .checks import check_cycle, scan_cycle
from .data import STEP_IDS, Cycle, Located, read_cycle, read_one
from .numbers import Numbers, compute
from .pages import Made, Related, overview, step_page, themes_list, what_people_said
from .report import full_report, full_report_texts, report_page
from .text import Line, Src, Writer
from .theme import theme_page


@dataclass(frozen=True)
class CycleData:
    """One cycle as parsed and counted, for other datasets and tests."""

    cycle: Cycle
    numbers: Numbers


def make_pages(cycle: Cycle, numbers: Numbers, site: Site, related: dict[str, list[Related]]) -> Made:
    """Return every page of the cycle."""
    made = [overview(cycle, numbers, site), what_people_said(cycle, numbers, site), themes_list(cycle, numbers, site)]
    made += [step_page(cycle, step_id, numbers, site) for step_id in STEP_IDS]
    made += [theme_page(cycle, t, numbers, site, related.get(t.item.id, [])) for t in cycle.themes]
    made.append(report_page(cycle, numbers, site))
    pages = tuple(page for page, _ in made)
    texts = tuple(text for _, texts in made for text in texts)
    return Made(pages, texts)


def load_cycles(site: Site, files: tuple[Path, ...]) -> DataResult:
    """Return the pages, checker texts, backlinks and problems of every WTFC cycle."""
    content = site.site_dir / "content" / "wtfc"
    problems: list[Problem] = []
    folders: dict[Path, list[Path]] = defaultdict(list)
    own: Located[PageWords] | None = None
    for path in files:
        relative = path.relative_to(content)
        if relative.as_posix() == INDEX_WORDS:
            own = collect(problems, read_one, PageWords, path, site.site_dir)
            continue
        if len(relative.parts) != 2:
            problems.append(_misplaced(path, site))
            continue
        folders[content / relative.parts[0]].append(path)
    cycles: list[CycleData] = []
    for folder in sorted(folders):
        cycle, found = read_cycle(folder, tuple(sorted(folders[folder])), site.site_dir)
        problems += found
        if cycle is not None:
            problems += check_cycle(cycle, site) + scan_cycle(cycle, name_context(site))
            cycles.append(CycleData(cycle, compute(cycle, site.actions, site.today)))
    related, theme_problems = pages_naming_themes(site, [c.cycle for c in cycles])
    problems += theme_problems
    pages: list[DataPage] = []
    texts = []
    for data in cycles:
        made = make_pages(data.cycle, data.numbers, site, related.get(data.cycle.id, {}))
        pages += [*made.pages, full_report(data.cycle, data.numbers, site)]
        texts += [*made.texts, *full_report_texts(data.cycle, f"{data.cycle.url}report-full/")]
    if cycles:
        index, index_texts = index_page(site, [d.cycle for d in cycles], own)
        pages.append(index)
        texts += index_texts
    return DataResult(pages=tuple(pages), texts=tuple(texts), backlinks=backlinks(site, cycles, related),
                      problems=tuple(problems), data=tuple(cycles),
                      actions=tuple(a for data in cycles for a in plan_step_actions(data.cycle)))


def plan_step_actions(cycle: Cycle) -> list[Action]:
    """Return each plan's own steps as jobs, so the jobs page and people's pages list them too."""
    found = []
    for located in cycle.plans:
        plan = located.item
        for index, step in enumerate(plan.steps):
            found.append(Action(
                ref=f"wtfc/{cycle.id}#{plan.id}-step-{index + 1}", id=f"plan-{plan.id}", what=step.what,
                who=step.who, by=step.by, status="done" if step.done else "to do", page_id="",
                page_url=cycle.theme_url(plan.theme), meeting_title=plan.title, meeting_date=None,
                file=located.file, line=located.line("steps", index), done_on=step.done_on, kind="plan"))
    return found


def _misplaced(path: Path, site: Site) -> Problem:
    file = path.relative_to(site.site_dir) if path.is_relative_to(site.site_dir) else path
    return Problem(file, 1, "Working Together for Change files belong in a folder for their cycle.",
                   hint="Move it to content/wtfc/<cycle>/, for example content/wtfc/2026/.", rule="WTFC-UNKNOWN-FILE")


def parse_theme_ref(ref: str) -> tuple[str, str] | None:
    """Return (cycle, theme id) for 'wtfc/2026#getting-out' and its other forms, or None."""
    path, _, fragment = ref.strip().strip("/").partition("#")
    parts = path.strip("/").split("/")
    if len(parts) < 2 or parts[0] != "wtfc":
        return None
    if len(parts) == 2 and fragment:
        return parts[1], fragment
    if len(parts) == 3 and parts[2] == "themes" and fragment:
        return parts[1], fragment
    if len(parts) == 4 and parts[2] == "themes" and not fragment:
        return parts[1], parts[3]
    return None


def pages_naming_themes(site: Site, cycles: list[Cycle]) -> tuple[dict[str, dict[str, list[Related]]], list[Problem]]:
    """Return cycle -> theme -> pages that name it in 'themes:', and a problem for each unknown theme."""
    known = {(c.id, t.item.id) for c in cycles for t in c.themes}
    related: dict[str, dict[str, list[Related]]] = defaultdict(lambda: defaultdict(list))
    problems = []
    for page in site.pages:
        for index, ref in enumerate(page.meta.themes):
            found = parse_theme_ref(ref)
            if found is None or found not in known:
                problems.append(Problem(
                    page.file, page.line_of("themes", index), f"'{ref}' is not a Working Together for Change theme.",
                    hint="Write it as wtfc/<cycle>#<theme id>, for example wtfc/2026#getting-out. The themes are: "
                         + ", ".join(f"wtfc/{c}#{t}" for c, t in sorted(known)) + ".",
                    rule="WTFC-UNKNOWN-THEME"))
                continue
            why = "News about this theme" if page.content_type == "update" else "What we did about this theme"
            related[found[0]][found[1]].append(Related(page.title, page.url, why))
    return {c: dict(t) for c, t in related.items()}, problems


def backlinks(site: Site, cycles: list[CycleData], related: dict[str, dict[str, list[Related]]]) -> dict[str, tuple[Backlink, ...]]:
    """Return links back to theme pages for meetings named by plans and pages naming themes."""
    links: dict[str, list[Backlink]] = defaultdict(list)
    for data in cycles:
        cycle = data.cycle
        titles = {t.item.id: t.item.title for t in cycle.themes}
        for p in cycle.plans:
            plan = p.item
            if plan.theme not in titles:
                continue
            target = f"{cycle.theme_url(plan.theme)}#plan-{plan.id}"
            title = f"{titles[plan.theme]}: {plan.title}"
            if plan.agreed_at:
                _add(links, site, plan.agreed_at.split("#")[0].strip("/"),
                     Backlink(title, target, "This meeting agreed a plan.", "plan"))
            for ref in plan.actions:
                _add(links, site, ref.split("#")[0].strip("/"),
                     Backlink(title, target, "A job from this meeting is part of a plan.", "plan"))
        for theme_id, pages in related.get(cycle.id, {}).items():
            for page in pages:
                page_id = next((p.id for p in site.pages if p.url == page.url), None)
                if page_id:
                    _add(links, site, page_id, Backlink(titles[theme_id], cycle.theme_url(theme_id),
                                                        "This page is about a theme people told us about.", "theme"))
    return {key: tuple(value) for key, value in links.items()}


def _add(links: dict[str, list[Backlink]], site: Site, page_id: str, link: Backlink) -> None:
    """Add a link to a page and to its other version; one link per target, its reasons joined."""
    if page_id not in site.by_id:
        return
    for target in (page_id, site.counterparts.get(page_id)):
        if not target:
            continue
        same = next((i for i, old in enumerate(links[target]) if old.url == link.url), None)
        if same is None:
            links[target].append(link)
        elif link.why not in links[target][same].why:
            old = links[target][same]  # one reason a line, each its own short sentence
            links[target][same] = Backlink(old.title, old.url, f"{old.why}\n{link.why}", old.picture)


INDEX_WORDS = "pages.yaml"
"""content/wtfc/pages.yaml: the /wtfc/ page's own title, summary and intro (optional)."""


def index_page(site: Site, cycles: list[Cycle], own: Located[PageWords] | None = None) -> tuple[DataPage, tuple]:
    """Return /wtfc/, the list of cycles (newest first), and its checker texts."""
    writer = Writer(site.glossary, site.url)
    newest = sorted(cycles, key=lambda c: c.id, reverse=True)
    words = own.item if own else PageWords()
    blocks = writer.rows(list(words.intro), Src(own.file, own.line("intro")), "co-production", cls="intro") \
        if own and words.intro else []
    blocks += [writer.row([Line(c.meta.item.title, c.url), c.meta.item.summary],
                          Src(c.meta.file, c.meta.line("title")), c.meta.item.picture) for c in newest]
    title = words.title or "Working Together for Change"
    summary = words.summary or "How we plan changes with the people who use services."
    context = {"blocks": blocks, "pictures": tuple(sorted(writer.pictures)), "hard_words": tuple(writer.hard_words),
               "cycle_links": [], "cycle_title": title}
    page = DataPage(url="/wtfc/", title=title, layout="wtfc_page.html", summary=summary, picture="co-production",
                    context=context)
    first = Src(own.file, own.line("title")) if own and words.title else \
        Src(newest[0].meta.file, newest[0].meta.line("title"))
    return page, writer.page_texts("/wtfc/", title, first, summary, True)
