"""Print problems for people (grouped by file, in colour on a terminal),
for programs (JSON) and for GitHub Actions (annotations)."""

from __future__ import annotations

import json
import os
from collections import Counter
from itertools import groupby
from typing import Iterable, TextIO

from .errors import Problem, Severity, sort_problems

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


def _print_text(problems: list[Problem], stream: TextIO, colour: bool) -> None:
    for file, group in groupby(problems, key=lambda p: p.file.as_posix() if p.file else "(site)"):
        stream.write(f"\n{file}\n")
        for p in group:
            label = p.severity.value + (" (quietened: " + p.silenced + ")" if p.silenced else "")
            if colour:
                label = _COLOURS[p.severity] + label + _RESET
            line = f"  line {p.line}" if p.line else "  "
            stream.write(f"{line}: {label} [{p.rule}] {p.message}\n")
            if p.excerpt:
                stream.write(f"      \"{p.excerpt}\"\n")
            if p.hint:
                stream.write(f"      {p.hint}\n")
    stream.write("\n" + summary_line(problems) + "\n")


def summary_line(problems: Iterable[Problem]) -> str:
    """Return one line counting problems, e.g. 'Easy read: 0 errors, 2 warnings, 1 quietened.'"""
    problems = list(problems)
    counts = Counter(p.severity for p in problems if not p.silenced)
    quiet = sum(1 for p in problems if p.silenced)
    return (f"Easy read: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
            f"{counts[Severity.INFO]} notes, {quiet} quietened.")
