"""Run the rules over one page or one loose document (the checker's public functions).

Public API (also importable from ``wtfc_site.checker``)::

    settings = CheckerSettings()                      # or filled from site.yaml's checker:
    words = load_wordlists(glossary, abbreviations)   # once per build
    problems = check_page(page_text, settings, words) # per page -> list[Problem]

    report = check_document(text, Path("notes.md"), settings, words)  # check --text
    report.verdict.easy_read, report.problems

Findings are ``errors.Problem`` values with the rule ids of
``easyread-rules.md``. A finding on a line the author silenced (a
``Silence`` for that line and rule) is still returned, with ``silenced``
set to the author's reason, so it is listed and counted but fails nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Problem, Severity, sort_problems
from ..points import PageText, Point, Silence
from ..words import Abbreviations, Glossary
from .plaintext import read_document
from .rules import (
    RULES,
    SENTENCE_KINDS,
    PageContext,
    PointCounts,
    Rule,
    apply_severity_overrides,
    make_context,
    make_view,
    reading_counts,
    run_rules,
    severity_from,
)
from .settings import CheckerSettings
from .text import TextCounts, count_sentences
from .verdict import Verdict, text_verdict
from .wordlists import WordLists


def _active_rules(page: PageText, settings: CheckerSettings, text_only: bool) -> list[Rule]:
    """Return the rules to run on a page: right kind of page, not turned off."""
    overrides = dict(settings.rules)
    if not page.easy_read:
        overrides.update(settings.standard.rules)
    active = []
    for rule in RULES:
        if rule.applies_to != "all" and not page.easy_read:
            continue
        if text_only and not rule.text:
            continue
        if rule.id in overrides and severity_from(overrides[rule.id]) is None:
            continue
        active.append(rule)
    return active


def _silence(problems: list[Problem], silences: tuple[Silence, ...], ctx: PageContext) -> list[Problem]:
    """Mark findings the author silenced (same rule, on the sentence's lines or alone on the line before)."""
    if not silences:
        return problems
    result = []
    for problem in problems:
        first = problem.line or 0
        last = max(first, ctx.spans.get(problem, first))
        reason = next(
            (
                s.reason or "silenced by the author"
                for s in silences
                if s.rule in (problem.rule, "*", "all") and first - 1 <= s.line <= last
            ),
            "",
        )
        result.append(replace(problem, silenced=reason) if reason else problem)
    return result


def check_page(
    page: PageText,
    settings: CheckerSettings,
    words: WordLists,
    *,
    text_only: bool = False,
) -> list[Problem]:
    """Return every easy-read or plain-English finding for one page, sorted by line.

    Easy-read pages get every rule; standard pages only the rules marked
    "all", with ``settings.standard`` limits. ``text_only`` leaves out the
    picture rules (for ``check --text`` on loose documents).
    """
    return run_page_check(page, settings, words, text_only=text_only).problems


@dataclass(frozen=True)
class PageCheck:
    """One page's findings with the counts its verdict needs, from one split of its points."""

    problems: list[Problem]
    counts: TextCounts
    """Words and sentences of the paragraphs and list items (what ``page_counts`` gives)."""
    points: PointCounts | None = None
    """The counts of the page's own points (not the title line the check adds): what ``run_page_check``'s
    ``known`` takes when the page is checked again with more points after them (the visible-text check).
    None when only some points' findings were wanted."""


def run_page_check(
    page: PageText,
    settings: CheckerSettings,
    words: WordLists,
    *,
    text_only: bool = False,
    point_rules_on: Callable[[Point], bool] | None = None,
    leave_out: frozenset[str] = frozenset(),
    known: PointCounts | None = None,
) -> PageCheck:
    """Check one page as ``check_page`` does, keeping the counts so the verdict need not split the points again.

    ``point_rules_on`` (None: every point) picks the points the point rules read; the page rules
    still read every point, so "first use on this page" and "explained on this page" see the whole
    page. The visible-text check uses it to read only the lines the layouts add. ``leave_out``: ids
    of rules not to run (whose findings the caller would throw away). ``known``: the counts of the points
    ``point_rules_on`` leaves out (``PageCheck.points`` of their own check), so they need not be split
    into sentences again to count the page.
    """
    if words.names:
        # The site's people and its own names are names like those in the settings (issue 13 part 4).
        settings = replace(settings, names=tuple(dict.fromkeys((*settings.names, *words.names))))
    ctx = make_context(page, settings, words)
    if point_rules_on is not None:
        ctx.reported = frozenset(id(v) for v in ctx.views if point_rules_on(v.point))
        ctx.known = known
    rules = [rule for rule in _active_rules(page, settings, text_only) if rule.id not in leave_out]
    if known is None:
        reading_counts(ctx)  # splits every paragraph first, so no rule tokenizes one apart from its split
    problems = _silence(list(run_rules(ctx, rules)), page.silences, ctx)
    overrides = dict(settings.rules)
    if not page.easy_read:
        overrides.update(settings.standard.rules)
    counts = reading_counts(ctx)
    own = None
    if point_rules_on is None:
        points = {id(p) for p in page.points}
        own = PointCounts(counts, sum(v.word_count for v in ctx.views if id(v.point) in points))
    return PageCheck(sort_problems(apply_severity_overrides(problems, overrides)), counts, own)


def page_counts(page: PageText, settings: CheckerSettings | None = None) -> TextCounts:
    """Return the words and sentences the verdict counts: paragraphs and list items, not quotes or headings."""
    names = settings.names if settings else ()
    sentences = [
        s for p in page.points if p.kind in SENTENCE_KINDS for s in make_view(p, names).sentences
    ]
    return count_sentences(sentences)


@dataclass(frozen=True)
class DocumentReport:
    """What ``check --text`` shows for one file."""

    page: PageText
    problems: tuple[Problem, ...]
    counts: TextCounts
    verdict: Verdict


def check_document(
    text: str,
    file: Path,
    settings: CheckerSettings,
    words: WordLists,
    *,
    easy_read: bool | None = None,
    glossary: Glossary | None = None,
    abbreviations: Abbreviations | None = None,
) -> DocumentReport:
    """Check a plain-text or Markdown document (``check --text``) and give its verdict.

    The document is read as the site build reads a page (``plaintext.read_document``),
    explaining the site's ``glossary`` words and ``abbreviations`` as a page would.
    ``easy_read`` None means: easy read unless the front matter says
    ``version: standard``. The picture rules are left out; lines that
    describe a picture (``settings.picture_text``) are noted, not checked.
    """
    document = read_document(text, file, easy_read=easy_read, picture_text=settings.picture_text,
                             glossary=glossary, abbreviations=abbreviations)
    page = document.page
    problems = sort_problems([*document.problems, *check_page(page, settings, words, text_only=True)])
    counts = page_counts(page, settings)
    verdict = text_verdict(problems, counts.words, counts.sentences, settings)
    return DocumentReport(page, tuple(problems), counts, verdict)



VERDICT_RULE = "ER-VERDICT"


def page_verdict(page: PageText, problems: list[Problem], settings: CheckerSettings,
                 counts: TextCounts | None = None) -> Problem | None:
    """ER-VERDICT: a warning when an easy-read page is not easy read by the verdict's own rule.

    The same rule as ``check --text`` (verdict.py): the density of errors and
    warnings, the share of long sentences and the average length, so
    ``check --strict`` judges a page as a whole the way it judges a document.
    ``counts``: the page's ``page_counts`` when already worked out (``run_page_check`` gives them).
    """
    if not page.easy_read:
        return None
    if counts is None:
        counts = page_counts(page, settings)
    if not counts.words:
        return None
    verdict = text_verdict(problems, counts.words, counts.sentences, settings)
    if verdict.easy_read:
        return None
    return Problem(
        file=page.file, line=page.title_line or None,
        message="This page is not easy read as a whole: " + " ".join(verdict.reasons),
        hint="Fix the findings above, starting with long sentences and hard words.",
        rule=VERDICT_RULE, severity=Severity.WARNING,
    )
