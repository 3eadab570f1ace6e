"""Working Together for Change: integrity checks and the privacy scan of a cycle.

Every problem names the file and line it comes from. Privacy findings are
errors, so a build never publishes them (decisions.md, "What stops a build").
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ...errors import Problem, Severity
from ...pictures.library import unknown_picture
from ...privacy import scan_names, scan_text
from ...site import Site, reference_exists
from .data import CATEGORIES, STEP_IDS, Cycle, Located

FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b", re.IGNORECASE)
MAX_PER_PERSON = 2
"""The method asks each person for their top 2 things working and top 2 not working."""


def check_cycle(cycle: Cycle, site: Site) -> list[Problem]:
    """Return every integrity problem in the cycle."""
    return [*_check_statements(cycle), *_check_top_two(cycle), *_check_themes(cycle, site),
            *_check_links_to_themes(cycle), *_check_ideas(cycle), *_check_plans(cycle, site),
            *_check_steps(cycle)]


def scan_cycle(cycle: Cycle, names=frozenset()) -> list[Problem]:
    """Return personal data found in any statement or any text of the cycle's files.

    Quoted statements are also scanned for people's names: their words are
    published, and the method keeps everyone whose review was used anonymous.
    ``names`` is a names.NameContext (or a set of words to skip); a statement
    whose names_checked column says yes was read by a person and is not scanned for names.
    """
    problems = [p for s in cycle.statements for p in scan_text(s.words, s.file, s.line)]
    problems += [p for s in cycle.statements if s.quote and not s.names_checked
                 for p in scan_names(s.words, s.file, s.line, names)]
    located: list[Located] = [cycle.meta, *cycle.themes, *cycle.causes, *cycle.success, *cycle.ideas,
                              *cycle.plans, *([cycle.review] if cycle.review else [])]
    for item in located:
        for text, path in _texts(item.item, item.path):
            problems += scan_text(text, item.file, item.lines.line_of(path))
    return problems


def _texts(value: Any, path: tuple) -> list[tuple[str, tuple]]:
    """Return every string inside a parsed value, with its key path."""
    if isinstance(value, str):
        return [(value, path)]
    if isinstance(value, tuple):
        return [found for i, item in enumerate(value) for found in _texts(item, path + (i,))]
    if dataclasses.is_dataclass(value):
        return [found for f in dataclasses.fields(value)
                for found in _texts(getattr(value, f.name), path + (f.name,))]
    return []


def _problem(file: Path | None, line: int | None, message: str, hint: str, rule: str,
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(file, line, message, hint=hint, rule=rule, severity=severity)


def _theme_ids(cycle: Cycle) -> set[str]:
    return {t.item.id for t in cycle.themes}


def _check_statements(cycle: Cycle) -> list[Problem]:
    themes, problems = _theme_ids(cycle), []
    for s in cycle.statements:
        if not s.review:
            problems.append(_problem(s.file, s.line, "This statement has no review code.",
                                     "Write the anonymous code of the person's review, e.g. R07.", "WTFC-CSV"))
        if s.category not in CATEGORIES:
            problems.append(_problem(s.file, s.line, f"'{s.category}' is not a category.",
                                     "Write working, not working or future.", "WTFC-UNKNOWN-CATEGORY"))
        if s.theme not in themes:
            problems.append(_problem(s.file, s.line, f"There is no theme '{s.theme}' in themes.yaml.",
                                     _theme_hint(themes), "WTFC-UNKNOWN-THEME"))
        if s.quote and not s.words:
            problems.append(_problem(s.file, s.line, "This statement may be quoted, but it has no words.",
                                     "Write the person's words, or write no in the quote column.", "WTFC-CSV"))
    return problems


def _check_top_two(cycle: Cycle) -> list[Problem]:
    seen: Counter[tuple[str, str]] = Counter()
    problems = []
    for s in cycle.statements:
        if s.category not in ("working", "not working") or not s.review:
            continue
        seen[(s.review, s.category)] += 1
        if seen[(s.review, s.category)] == MAX_PER_PERSON + 1:
            problems.append(_problem(
                s.file, s.line, f"One review code has more than {MAX_PER_PERSON} '{s.category}' statements.",
                f"The method asks each person for their top {MAX_PER_PERSON}. Check the codes, or keep the 2 that matter most.",
                "WTFC-TOP-TWO", Severity.WARNING))
    return problems


def _check_themes(cycle: Cycle, site: Site) -> list[Problem]:
    problems, seen = [], set()
    for t in cycle.themes:
        if t.item.id in seen:
            problems.append(_problem(t.file, t.line("id"), f"Two themes have the id '{t.item.id}'.",
                                     "Give each theme its own id.", "WTFC-DUPLICATE-ID"))
        seen.add(t.item.id)
        if site.library.get(t.item.picture) is None:
            problems.append(unknown_picture(t.file, t.line("picture"), t.item.picture, site.library))
        if not FIRST_PERSON.search(t.item.i_statement):
            problems.append(_problem(t.file, t.line("i_statement"), "An 'I' statement should be in the words of a person: 'I ...'.",
                                     "Write it as people would say it, e.g. 'I can go out when I want to.'",
                                     "WTFC-I-STATEMENT", Severity.WARNING))
    if site.library.get(cycle.meta.item.picture) is None:
        problems.append(unknown_picture(cycle.meta.file, cycle.meta.line("picture"), cycle.meta.item.picture,
                                        site.library))
    return problems


def _check_links_to_themes(cycle: Cycle) -> list[Problem]:
    themes, problems = _theme_ids(cycle), []
    named = {"causes.yaml": "deep cause", "success.yaml": "success statement", "ideas.yaml": "idea",
             "plans.yaml": "action plan", "review.yaml": "review note"}
    notes = [Located(n, cycle.review.file, cycle.review.lines, ("notes", i))
             for i, n in enumerate(cycle.review.item.notes)] if cycle.review else []
    items: list[Located[Any]] = [*cycle.causes, *cycle.success, *cycle.ideas, *cycle.plans, *notes]
    for item in items:
        what = named.get(item.file.name, "item")
        theme = item.item.theme
        if not theme and what != "review note":
            problems.append(_problem(item.file, item.line(), f"This {what} is not linked to a theme.",
                                     "Add 'theme: <theme id>' so it joins the thread. " + _theme_hint(themes),
                                     "WTFC-NO-THEME"))
        elif theme and theme not in themes:
            problems.append(_problem(item.file, item.line("theme"), f"There is no theme '{theme}' in themes.yaml.",
                                     _theme_hint(themes), "WTFC-UNKNOWN-THEME"))
    return problems


def _check_ideas(cycle: Cycle) -> list[Problem]:
    plans = {p.item.id for p in cycle.plans}
    return [_problem(i.file, i.line("plan"), f"There is no action plan '{i.item.plan}' in plans.yaml.",
                     "Write the id of the plan this idea became, or leave 'plan' out.", "WTFC-UNKNOWN-PLAN")
            for i in cycle.ideas if i.item.plan and i.item.plan not in plans]


def _check_plans(cycle: Cycle, site: Site) -> list[Problem]:
    problems, seen = [], set()
    for p in cycle.plans:
        plan = p.item
        if plan.id in seen:
            problems.append(_problem(p.file, p.line("id"), f"Two action plans have the id '{plan.id}'.",
                                     "Give each plan its own id.", "WTFC-DUPLICATE-ID"))
        seen.add(plan.id)
        if plan.agreed_at and not reference_exists(site, plan.agreed_at):
            problems.append(_broken(p.file, p.line("agreed_at"), plan.agreed_at))
        for index, ref in enumerate(plan.actions):
            if "#" not in ref or not reference_exists(site, ref):
                problems.append(_broken(p.file, p.line("actions", index), ref))
        for index, indicator in enumerate(plan.indicators):
            if indicator.baseline is None:
                problems.append(_problem(
                    p.file, p.line("indicators", index), f"The indicator '{indicator.what}' has no baseline.",
                    "Add 'baseline:' with the number when the plan started, so people can see what changed.",
                    "WTFC-NO-BASELINE", Severity.WARNING))
    return problems


def _broken(file: Path, line: int, ref: str) -> Problem:
    return _problem(file, line, f"'{ref}' is not a meeting or an action on this site.",
                    "Write a meeting such as minutes/2026-01-21-board, or an action such as "
                    "minutes/2026-01-21-board#a3.", "LINK-BROKEN")


def _check_steps(cycle: Cycle) -> list[Problem]:
    meta, problems = cycle.meta, []
    for index, step_id in enumerate(STEP_IDS):
        step = cycle.step(step_id)
        earlier = [s for s in STEP_IDS[:index] if cycle.step(s).status != "done"]
        if step.status == "done" and earlier:
            problems.append(_problem(
                meta.file, meta.line("steps", step_id, "status"),
                f"The step '{step_id}' is done, but an earlier step ('{earlier[0]}') is not.",
                "The steps happen in order. Check the status of each step.", "WTFC-STEP-ORDER"))
        if step.start and step.end and step.end < step.start:
            problems.append(_problem(meta.file, meta.line("steps", step_id, "end"),
                                     f"The step '{step_id}' ends before it starts.", "Check the two dates.",
                                     "WTFC-STEP-DATES"))
    if cycle.step("review").status == "done" and cycle.review is None:
        problems.append(_problem(meta.file, meta.line("steps", "review", "status"),
                                 "The review step is done, but this cycle has no review.yaml.",
                                 "Add review.yaml with what the review found (see the README, 'Working Together for Change').",
                                 "WTFC-NO-REVIEW"))
    return problems


def _theme_hint(themes: set[str]) -> str:
    return ("The themes are: " + ", ".join(sorted(themes)) + ".") if themes else "Add the theme to themes.yaml first."
