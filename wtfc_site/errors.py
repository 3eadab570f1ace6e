"""Problems found in a site, and the one exception type users see.

A Problem is a value: what is wrong, where (file and line), and how to fix
it, in plain English. Stages collect problems and carry on; the pipeline
decides between stages whether to stop.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.Enum):
    """How serious a problem is. Only errors stop a build."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the site, with where it is and how to fix it."""

    file: Path | None
    """The file, relative to the site folder where possible."""
    line: int | None
    """1-based line in that file; None only when there is no line."""
    message: str
    """What is wrong, in plain English."""
    hint: str = ""
    """How to fix it."""
    rule: str = ""
    """Stable id such as ER-SENT-LEN, SITE-YAML or LINK-BROKEN."""
    severity: Severity = Severity.ERROR
    excerpt: str = ""
    """The sentence or words the problem is about, when there are some."""
    silenced: str = ""
    """The author's reason when the finding was silenced on purpose."""

    @property
    def location(self) -> str:
        """Return "file:line" (or just the file) for messages."""
        if self.file is None:
            return "(site)"
        where = self.file.as_posix()
        return f"{where}:{self.line}" if self.line else where


def format_problem(problem: Problem) -> str:
    """Return one problem as 'FILE:LINE: severity [RULE] message', the hint indented on the next line."""
    rule = f" [{problem.rule}]" if problem.rule else ""
    text = f"{problem.location}: {problem.severity.value}{rule} {problem.message}"
    if problem.hint:
        text += f"\n    {problem.hint}"
    return text


class SiteError(Exception):
    """Raised with every problem that stops the current step."""

    def __init__(self, problems: Sequence[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(format_problem(p) for p in self.problems))


def collect(problems: list[Problem], func, *args):
    """Return ``func(*args)``; on SiteError add its problems to ``problems`` and return None.

    Stages use it to carry on past one bad file, so one run reports every problem.
    """
    try:
        return func(*args)
    except SiteError as exc:
        problems.extend(exc.problems)
        return None


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    """Return the problems that are errors (and not silenced)."""
    return [p for p in problems if p.severity is Severity.ERROR and not p.silenced]


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Return problems in a stable order: by file, then line, then rule."""
    # A page's findings share one Path (also after the build cache unpickles them), and naming a Path
    # is the slow part: naming each once made sorting 23,000 findings four times faster.
    names: dict[int, str] = {}

    def key(p: Problem) -> tuple[str, int, str, str]:
        file = p.file
        name = "" if file is None else names.get(id(file))
        if name is None and file is not None:
            name = names[id(file)] = file.as_posix()
        return (name or "", p.line or 0, p.rule, p.message)
    return sorted(problems, key=key)


def template_position(exc: BaseException) -> tuple[Path | None, int | None]:
    """Return the layout file and line a Jinja error happened in (the innermost one), from its traceback.

    Jinja names each compiled layout's code after the layout's file, so the
    traceback holds the line of an included or imported layout too. A render
    has its traceback rewritten to the layout's lines; a macro called from
    Python (wordmarkup) has not, so its line in the compiled code is turned
    back into the layout's line here."""
    tb = exc.__traceback__ or sys.exc_info()[2]
    found: tuple[Path | None, int | None] = (None, None)
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".xml", ".svg")):
            template = tb.tb_frame.f_globals.get("__jinja_template__")
            line = template.get_corresponding_lineno(tb.tb_lineno) if template is not None else tb.tb_lineno
            found = (Path(name), line)
        tb = tb.tb_next
    return found
