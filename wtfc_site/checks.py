"""Site-wide checks: the easy-read checker on every page, and the checks
that need more than one page (versions agree, checked-by still true)."""

from __future__ import annotations

from dataclasses import is_dataclass

from .checked import check_state
from .checker import PointCounts, check_page, page_verdict, run_page_check
from .checker.wordlists import load_wordlists
from .content.base import Page
from .content.minutes import MinutesMeta
from .errors import Problem, Severity
from .findings import PackedProblems, ProblemList
from .points import PageText
from .site import Site, body_once
from .statement import check_statement


def page_text(site: Site, page: Page, body=None) -> PageText:
    """Return what the easy-read checker reads for one page (``body``: its converted body, if not yet in the site)."""
    body = body or body_once(site.bodies, page.id)  # read back once per build: not kept unpacked
    return PageText(
        file=page.file, url=page.url, title=page.title, title_line=page.line_of("title"),
        content_type=page.content_type, easy_read=page.easy_read, points=body.points,
        silences=body.silences,
        abbreviations_explained=frozenset(short for short, _ in body.short_forms),
        glossary_words=site.glossary.known_forms,
        extra={"summary": page.meta.summary, "summary_line": page.line_of("summary")})


def check_site(site: Site) -> ProblemList:
    """Return every easy-read finding and cross-page warning for the site.

    Each page's findings stay packed (findings.PackedProblems): a build opens only the few it prints.
    """

    words = site_wordlists(site)
    settings = site.config.checker
    # Each page's findings are usually made with its conversion (and may come from the build cache).
    done = site.page_findings
    packs = []
    for page in site.pages:
        found = done.get(page.id)
        packs.append(found if found is not None else PackedProblems.pack(page_findings(site, page, settings, words)))
    problems: list[Problem] = []
    for result in site.datasets.values():
        for text in result.texts:
            problems.extend(check_page(text, settings, words))
    for page in site.pages:
        problems.extend(_checked_by(page))
        problems.extend(_versions_agree(site, page))
        problems.extend(consent_reviews_due(page, site.today))
    problems.extend(check_statement(site))  # the law's parts of the accessibility statement
    # A page's findings are made once each already (page_findings). The rest name a data file, or are of
    # rules the checker never makes on a page, so none of them can repeat one of a page's findings.
    return ProblemList.of(*packs, _once_each(problems))


CONSENT_REVIEWS = {
    "consent_review_by": "to share the story",
    "photo_review_by": "to show their photo",
}
"""Front-matter dates after which a person must be asked again, and what they agreed to."""


def consent_reviews_due(page: Page, today) -> list[Problem]:
    """Warn, naming the page, when a consent's review date has passed."""
    problems = []
    for key, what in CONSENT_REVIEWS.items():
        due = getattr(page.meta, key, None)
        if due is None or due >= today:
            continue
        problems.append(Problem(
            page.file, page.line_of(key),
            f"'{page.title}': the agreement {what} was due to be checked again on {due.day} {due:%B %Y}.",
            hint=f"Ask the person again. If they still agree, change '{key}:' to a new date; "
                 "if not, take the page down.",
            rule="SITE-CONSENT-REVIEW", severity=Severity.WARNING))
    return problems


def page_findings(site: Site, page: Page, settings, words, body=None) -> list[Problem]:
    """Return one page's easy-read findings and its verdict as a whole, as check --text judges a file."""
    return page_check(site, page, settings, words, body)[0]


def page_check(site: Site, page: Page, settings, words, body=None) -> tuple[list[Problem], PointCounts | None]:
    """Return ``page_findings`` and the counts of the page's points (``PageCheck.points``): the visible-text
    check takes them, so it need not split the author's points into sentences again to count the page."""
    text = page_text(site, page, body)
    checked = run_page_check(text, settings, words)
    found = checked.problems
    verdict = page_verdict(text, found, settings, checked.counts)
    return _once_each(found + [verdict] if verdict is not None else found), checked.points


def site_wordlists(site: Site):
    """Return the checker's word lists with this site's glossary, short forms and proper names."""
    return load_wordlists({e.word.lower(): e.meaning for e in site.glossary.entries}, site.abbreviations.full,
                          checker_names(site))


_NAME_FIELDS = ("chairs", "attended", "apologies", "told_by")
"""The front matter fields that name people (every instance of a dataclass has the same fields)."""


def checker_names(site: Site) -> tuple[str, ...]:
    """Return the names the checker never calls hard words (issue 13 part 4).

    The site's name and area, people's pages, who chaired, came to or sent
    apologies to a meeting, and who told a story ("Sam, a member of Speak
    Up" gives "Sam"). A person's name also gives each part of it, so "Grace"
    alone is known once "Grace Adeyemi" is.
    """
    config = site.config
    people: list[str] = []
    named: dict[type, bool] = {}
    for page in site.pages:
        meta = page.meta
        if page.content_type == "person":
            people.append(page.title)
        # Asked once for each kind of front matter: most kinds name no one, and four failed look-ups a page
        # (each an exception caught inside getattr) cost 0.005 s a call at 3,000 pages, called six times a build.
        kind = type(meta)
        if kind not in named:
            named[kind] = not is_dataclass(meta) or any(hasattr(meta, field) for field in _NAME_FIELDS)
        if not named[kind]:
            continue
        people.extend(getattr(meta, "chairs", ()))
        people.extend(a.name for a in getattr(meta, "attended", ()))
        people.extend(a.name for a in getattr(meta, "apologies", ()))
        told_by = getattr(meta, "told_by", "")
        if told_by:
            people.append(told_by.split(",")[0])
    parts = [part.strip(".,()'") for name in people for part in name.split()]
    parts = [p for p in parts if len(p) >= 3 and p[0].isupper() and p[1:].islower()]
    return tuple(dict.fromkeys(n for n in (config.name, config.area, *people, *parts) if n))


def _once_each(problems: list[Problem]) -> list[Problem]:
    """Return problems without repeats: data text shown on two pages is one finding, and one page's
    checker may find the same thing twice."""
    seen: set[tuple] = set()
    kept = []
    for p in problems:
        key = (p.file, p.line, p.rule, p.message, p.excerpt)
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def _checked_by(page: Page) -> list[Problem]:
    state = check_state(page)
    if state is None or state["current"]:
        return []
    record = state["record"]
    return [Problem(
        page.file, page.line_of("checked_by"),
        f"This page has changed since {record.group} checked it on {record.date.day} {record.date:%B %Y}.",
        hint="Ask the group to check it again, then run 'python build.py checked' for this page.",
        rule="ER-CHECKED-CHANGED", severity=Severity.WARNING)]


def _versions_agree(site: Site, page: Page) -> list[Problem]:
    """Warn when a standard version changed after its easy read, or minutes disagree."""
    other = site.counterpart(page)
    if other is None or not page.easy_read:
        return []
    problems = []
    mine, theirs = page.meta.updated, other.meta.updated
    if mine and theirs and theirs > mine:
        problems.append(Problem(
            page.file, page.line_of("updated"),
            f"The full version was changed on {theirs.day} {theirs:%B %Y}, after this easy read version.",
            hint="Check this page still says the same, then change its 'updated:' date.",
            rule="ER-VERSION-STALE", severity=Severity.WARNING))
    if isinstance(page.meta, MinutesMeta) and isinstance(other.meta, MinutesMeta):
        problems.extend(_minutes_agree(page, other))
    return problems


def _minutes_agree(easy: Page, full: Page) -> list[Problem]:
    problems = []
    easy_ids = [a.id for a in easy.meta.actions]  # type: ignore[attr-defined]
    full_ids = [a.id for a in full.meta.actions]  # type: ignore[attr-defined]
    if full_ids and sorted(easy_ids) != sorted(full_ids):
        problems.append(Problem(
            easy.file, easy.line_of("actions"),
            "The easy read and full minutes do not list the same actions.",
            hint=f"The full minutes have {', '.join(full_ids) or 'none'}; this page has {', '.join(easy_ids) or 'none'}.",
            rule="ER-VERSION-MINUTES", severity=Severity.WARNING))
    n_easy, n_full = len(easy.meta.decisions), len(full.meta.decisions)  # type: ignore[attr-defined]
    if n_full and n_easy != n_full:
        problems.append(Problem(
            easy.file, easy.line_of("decisions"),
            f"The full minutes list {n_full} decisions, but this page lists {n_easy}.",
            hint="Make sure every decision is in both versions.",
            rule="ER-VERSION-MINUTES", severity=Severity.WARNING))
    return problems
