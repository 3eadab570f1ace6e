"""What a build is asked to do (``Options``), what it says back (``Report``),
and the look that finds nothing changed since the last build.

Light to import on purpose: the command line asks ``unchanged_report``
before loading the pipeline (Markdown, Jinja, the checker, pictures), so a
build with nothing to do neither loads them nor waits for them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .buildcache import SiteInputs, site_inputs
from .errors import Problem, errors_in
from .findings import ProblemList
from .lastbuild import unchanged_build
from .output import Findings
from .progress import Progress, stage

if TYPE_CHECKING:
    from .site import Site


@dataclass(frozen=True)
class Options:
    """What the person running the build asked for."""

    site_dir: Path
    out_dir: Path | None = None
    include_drafts: bool = False
    today: dt.date | None = None
    cache_dir: Path | None = None
    offline: bool = False
    """Write links relative to each page, naming index.html, so the files work from a disk."""
    use_cache: bool = True
    """Reuse results from .wtfc-cache/ for pages whose inputs are byte for byte unchanged."""
    progress: Progress | None = field(default=None, compare=False)
    """Stage timings and, on a terminal, a progress line."""
    search_index: bool = True
    """Make the search index (publish.search: only what changed pages touch). When False, the output
    folder's existing index is kept as it is, even if pages changed."""
    pool: bool = True
    """Let many pages be done by a forked pool of processes. The live preview says no: forking a
    process that has web-server threads running can hang the child."""

    @property
    def output(self) -> Path:
        """Return where the site is written (default _site/ in the site folder)."""
        return self.out_dir or self.site_dir / "_site"

    @property
    def cache(self) -> Path:
        """Return the cache folder, outside the output so a swap never loses it."""
        return self.cache_dir or self.site_dir / ".wtfc-cache"


@dataclass(frozen=True)
class Report:
    """What a build or check found and did."""

    problems: Sequence[Problem]
    """Every problem, in sort_problems' order (a findings.ProblemList: most of them still packed, page by page)."""
    written: bool
    pages: int = 0
    site: Site | None = None
    pictures_chosen: int = 0
    """How many pictures the library chose for points that named none."""
    unchanged: bool = False
    """True when nothing had changed since the last build, so nothing was done."""
    findings: Findings | None = None
    """What build prints of the problems: set by a build that was written (worked out once, with the
    problems already sorted), and by a nothing-changed report asked for it instead of ``problems``."""


def build_date() -> dt.date:
    """Return today's date, or SOURCE_DATE_EPOCH's date for repeatable builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def build_inputs(options: Options) -> SiteInputs | None:
    """Return the hashes of everything the build reads, or None when the cache is off."""
    if not options.use_cache:
        return None
    today = options.today or build_date()
    return site_inputs(options.site_dir, repr((str(options.site_dir.resolve()), options.include_drafts,
                                               today.isoformat(), options.offline)), options.cache)


def unchanged_report(options: Options, *, every_problem: bool = True) -> tuple[SiteInputs | None, Report | None]:
    """Return the build's input hashes, and the last build's report when nothing has changed since.

    ``every_problem=False``: the report's problems are left empty and ``findings`` holds what build
    printed of them (the command line's case: reading every finding back was most of its time).
    """
    with stage(options.progress, "inputs"):
        inputs = build_inputs(options)
        last = unchanged_build(options.output, options.cache, inputs, every_problem=every_problem) if inputs else None
    if last is None:
        return inputs, None
    return inputs, Report(last.problems, written=True, pages=last.pages, pictures_chosen=last.chosen, unchanged=True,
                          findings=last.findings)


def stop_problems(problems: Sequence[Problem]) -> list[Problem]:
    """Return the problems that stop a build (errors that are not easy-read findings).

    From a ProblemList, only the packs that hold some are opened."""
    if isinstance(problems, ProblemList):
        return problems.stopping()
    return [p for p in errors_in(problems) if not p.rule.startswith("ER-")]
