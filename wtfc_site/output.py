"""Print problems for people (one line each, in colour on a terminal),
for programs (JSON) and for GitHub Actions (annotations)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from .errors import Problem, Severity, sort_problems
from .findings import ProblemList, Tally, shown_by_build

_COLOURS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"


def use_colour(stream: TextIO) -> bool:
    """Return True when ``stream`` is a terminal and NO_COLOR is not set."""
    return hasattr(stream, "isatty") and stream.isatty() and "NO_COLOR" not in os.environ


def print_problems(problems: Iterable[Problem], stream: TextIO, fmt: str = "text") -> None:
    """Print every problem in the chosen format."""
    problems = sort_problems(problems)
    if fmt == "json":
        stream.write(json.dumps([problem_dict(p) for p in problems], indent=2) + "\n")
    elif fmt == "github":
        for p in problems:
            stream.write(github_line(p) + "\n")
    else:
        _print_text(problems, stream, use_colour(stream))


def problem_dict(p: Problem) -> dict:
    """Return a problem as a JSON-ready mapping."""
    return {"file": p.file.as_posix() if p.file else None, "line": p.line, "rule": p.rule,
            "severity": p.severity.value, "message": p.message, "hint": p.hint,
            "excerpt": p.excerpt, "silenced": p.silenced or None}


def github_line(p: Problem) -> str:
    """Return a GitHub Actions annotation for one problem."""
    level = {"error": "error", "warning": "warning", "info": "notice"}[p.severity.value]
    where = f"file={p.file.as_posix()}" if p.file else ""
    if p.line:
        where += f",line={p.line}"
    text = f"{p.message} {p.hint}".strip().replace("%", "%25").replace("\n", "%0A")
    return f"::{level} {where},title={p.rule}::{text}"


def problem_lines(p: Problem, colour: bool = False) -> str:
    """Return one problem as 'FILE:LINE: severity [RULE] message', then the excerpt and hint indented.

    One line per problem, so editors, grep and CI logs can jump to the place.
    """
    label = p.severity.value + (" (quietened: " + p.silenced + ")" if p.silenced else "")
    if colour:
        label = _COLOURS[p.severity] + label + _RESET
    rule = f" [{p.rule}]" if p.rule else ""
    text = f"{p.location}: {label}{rule} {p.message}"
    if p.excerpt:
        text += "\n    \"" + " ".join(p.excerpt.split()) + "\""  # one line, even for words over two lines
    if p.hint:
        text += f"\n    {p.hint}"
    return text


def _print_text(problems: list[Problem], stream: TextIO, colour: bool) -> None:
    for p in problems:
        stream.write(problem_lines(p, colour) + "\n")
    stream.write(summary_line(problems) + "\n")


BUILD_SHOWS = 20
"""How many findings 'build' prints before saying how many more 'check' would show."""


@dataclass(frozen=True)
class Findings:
    """What 'build' prints of its findings: the first few, how many more there are, and the counts.

    Small enough to keep with the last build, so a build with nothing to do
    says the same again without reading every finding back.
    """

    shown: tuple[Problem, ...]
    more: int
    summary: str


def build_findings(problems: Iterable[Problem], limit: int = BUILD_SHOWS, *, ordered: bool = False) -> Findings:
    """Return the errors and warnings that did not stop a build (the first ``limit``), and the counts.

    ``ordered``: the problems are already in sort_problems' order (sorting 200,000 again costs 0.3 s).
    A ProblemList is counted from its packs' tallies, and only the packs holding its first few are opened.
    """
    if isinstance(problems, ProblemList):
        tally = problems.tally
        return Findings(tuple(problems.first_shown(limit)), max(0, tally.shown - limit), summary_text(tally))
    problems = list(problems) if ordered else sort_problems(problems)
    shown = [p for p in problems if shown_by_build(p)]
    return Findings(tuple(shown[:limit]), max(0, len(shown) - limit), summary_line(problems))


def print_findings(problems: Iterable[Problem], stream: TextIO, limit: int = BUILD_SHOWS) -> None:
    """Print the errors and warnings that did not stop a build (the first ``limit``), then the counts."""
    print_build_findings(build_findings(problems, limit), stream)


def print_build_findings(findings: Findings, stream: TextIO) -> None:
    """Print what ``build_findings`` kept."""
    colour = use_colour(stream)
    for p in findings.shown:
        stream.write(problem_lines(p, colour) + "\n")
    if findings.more > 0:
        stream.write(f"... and {count(findings.more, 'more finding')}. Run 'python build.py check' to see them all.\n")
    stream.write(findings.summary + "\n")


def count(number: int, thing: str, plural: str = "") -> str:
    """Return '1 error', '2 errors', '0 notes': counts that read naturally."""
    return f"{number} {thing if number == 1 else (plural or thing + 's')}"


def is_easy_read(p: Problem) -> bool:
    """Return True for an easy-read finding (ER- rules), which never stops a build."""
    return p.rule.startswith("ER-")


def summary_line(problems: Iterable[Problem]) -> str:
    """Return the counts, problems that stop a build kept apart from easy-read findings.

    For example 'Easy read: 0 errors, 2 warnings, 1 note, 0 quietened.', led by
    'Stops the build: 1 error.' when there is something that stops it.
    """
    return summary_text(problems.tally if isinstance(problems, ProblemList) else Tally.of(problems))


def summary_text(tally: Tally) -> str:
    """Return summary_line's words for these counts."""
    lead = f"Stops the build: {count(tally.stopping, 'error')}. " if tally.stopping else ""
    if tally.site_warnings:
        lead += f"Site: {count(tally.site_warnings, 'warning')}. "
    return (f"{lead}Easy read: {count(tally.errors, 'error')}, "
            f"{count(tally.warnings, 'warning')}, {count(tally.notes, 'note')}, "
            f"{tally.quiet} quietened.")
