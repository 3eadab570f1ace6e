"""Findings kept page by page, packed, so a build never holds them all as objects.

At 10,000 pages a build finds some 230,000 easy-read findings. 'build'
prints only the first few and the counts, yet it used to unpickle every
page's findings from the cache, sort them all, count them all and pickle
them all again for the next build: work and memory that grew with the
whole site on a one-page edit.

So each page's findings are kept as one ``PackedProblems``: pickled bytes,
already sorted, beside their counts (``Tally``) and the sort key of the
first one 'build' would print. A ``ProblemList`` is a build's findings:
those packs and a few loose problems (the cross-page checks). Its counts
are sums of the packs' counts; its first findings come from a merge that
opens a pack only when that pack's first finding is next in order, so
'build' opens a handful of packs, not every page's. Going through the
whole list ('check', the live preview) opens them all, in the same order
``sort_problems`` gives.
"""

from __future__ import annotations

import heapq
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple, overload

from .errors import Problem, Severity, sort_problems

SortKey = tuple[str, int, str, str]
"""What findings are sorted by (errors.sort_problems): file, line, rule, message."""


def sort_key(problem: Problem) -> SortKey:
    """Return the key sort_problems orders ``problem`` by."""
    file = problem.file
    return ("" if file is None else file.as_posix(), problem.line or 0, problem.rule, problem.message)


def shown_by_build(problem: Problem) -> bool:
    """Return True for a finding 'build' prints: an error or warning nobody quietened."""
    return problem.severity is not Severity.INFO and not problem.silenced


class Tally(NamedTuple):
    """How many problems of each kind: what the summary line says, and how many 'build' could print."""

    stopping: int = 0
    """Errors that are not easy-read findings (they stop a build)."""
    site_warnings: int = 0
    """Warnings that are not easy-read findings."""
    quiet: int = 0
    """Easy-read findings quietened on purpose."""
    errors: int = 0
    warnings: int = 0
    notes: int = 0
    shown: int = 0
    """Errors and warnings not quietened: what 'build' prints the first few of."""

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> Tally:
        """Return the counts of ``problems``, in one pass."""
        stopping = site_warnings = quiet = errors = warnings = notes = shown = 0
        for p in problems:
            severity = p.severity
            if p.rule.startswith("ER-"):  # output.is_easy_read, inlined: one pass over many findings
                if p.silenced:
                    quiet += 1
                else:
                    errors += severity is Severity.ERROR
                    warnings += severity is Severity.WARNING
                    notes += severity is Severity.INFO
            elif not p.silenced:
                stopping += severity is Severity.ERROR
                site_warnings += severity is Severity.WARNING
            shown += severity is not Severity.INFO and not p.silenced
        return cls(stopping, site_warnings, quiet, errors, warnings, notes, shown)

    def plus(self, other: Tally) -> Tally:
        """Return both tallies added up."""
        return Tally(*(a + b for a, b in zip(self, other)))


@dataclass(frozen=True)
class PackedProblems:
    """One page's problems, sorted and pickled, with their counts: small, and cheap to read back."""

    data: bytes
    size: int
    tally: Tally
    first_shown: SortKey | None
    """The sort key of the first problem 'build' would print (None when it would print none of them)."""

    @classmethod
    def pack(cls, problems: Iterable[Problem]) -> PackedProblems:
        """Return ``problems`` packed, in sort_problems' order."""
        ordered = sort_problems(problems)
        first = next((sort_key(p) for p in ordered if shown_by_build(p)), None)
        return cls(pickle.dumps(ordered, pickle.HIGHEST_PROTOCOL), len(ordered), Tally.of(ordered), first)

    def unpack(self) -> list[Problem]:
        """Return the problems, in sort_problems' order."""
        return pickle.loads(self.data) if self.size else []


Part = tuple[Problem, ...] | PackedProblems
"""A run of a ProblemList: loose problems in the order found, or one page's packed problems."""


@dataclass(frozen=True, eq=False)
class ProblemList(Sequence[Problem]):
    """A build's problems, in sort_problems' order when gone through, most of them still packed.

    Its order is exactly that of sort_problems over its parts one after the other
    (problems the same by sort key keep that order), so a list made of packs
    reads the same as the sorted list of every problem.
    """

    parts: tuple[Part, ...] = ()

    @classmethod
    def of(cls, *parts: Iterable[Problem] | PackedProblems) -> ProblemList:
        """Return a list of these parts; a ProblemList among them adds its own parts."""
        kept: list[Part] = []
        for part in parts:
            if isinstance(part, ProblemList):
                kept.extend(part.parts)
            elif isinstance(part, PackedProblems):
                if part.size:
                    kept.append(part)
            else:
                loose = tuple(part)
                if loose:
                    kept.append(loose)
        return cls(tuple(kept))

    def __add__(self, other: Iterable[Problem]) -> ProblemList:
        return ProblemList.of(self, other)

    def __radd__(self, other: Iterable[Problem]) -> ProblemList:
        return ProblemList.of(other, self)

    def __len__(self) -> int:
        return sum(part.size if isinstance(part, PackedProblems) else len(part) for part in self.parts)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    @overload
    def __getitem__(self, index: int) -> Problem: ...

    @overload
    def __getitem__(self, index: slice) -> list[Problem]: ...

    def __getitem__(self, index):
        return self.sorted()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return self.sorted() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by its problems, like a list

    def __repr__(self) -> str:
        return f"ProblemList({len(self)} problems in {len(self.parts)} parts)"

    def sorted(self) -> list[Problem]:
        """Return every problem, unpacked, in sort_problems' order."""
        return sort_problems(chain.from_iterable(_unpacked(part) for part in self.parts))

    @property
    def tally(self) -> Tally:
        """Return the counts of every problem, opening no pack."""
        total = Tally()
        for part in self.parts:
            total = total.plus(part.tally if isinstance(part, PackedProblems) else Tally.of(part))
        return total

    def stopping(self) -> list[Problem]:
        """Return the problems that stop a build, in order, opening only packs that hold some."""
        chosen = [p for part in self.parts
                  if not isinstance(part, PackedProblems) or part.tally.stopping
                  for p in _unpacked(part)
                  if p.severity is Severity.ERROR and not p.silenced and not p.rule.startswith("ER-")]
        return sort_problems(chosen)

    def first_shown(self, limit: int) -> list[Problem]:
        """Return the first ``limit`` problems 'build' prints, in order, opening as few packs as can be."""
        # A heap of (sort key, part number, place in part, problem or pack). A pack goes in under the key of
        # its first problem to show and is opened when it comes to the top; its problems then go in under
        # their own keys. Part number and place keep equal keys in the order a stable sort gives them.
        heap: list[tuple[SortKey, int, int, Problem | PackedProblems]] = []
        for number, part in enumerate(self.parts):
            if isinstance(part, PackedProblems):
                if part.first_shown is not None:
                    heap.append((part.first_shown, number, -1, part))
            else:
                heap.extend((sort_key(p), number, place, p) for place, p in enumerate(part) if shown_by_build(p))
        heapq.heapify(heap)
        shown: list[Problem] = []
        while heap and len(shown) < limit:
            _, number, _, item = heapq.heappop(heap)
            if isinstance(item, PackedProblems):
                for place, p in enumerate(item.unpack()):
                    if shown_by_build(p):
                        heapq.heappush(heap, (sort_key(p), number, place, p))
            else:
                shown.append(item)
        return shown


def _unpacked(part: Part) -> Sequence[Problem]:
    return part.unpack() if isinstance(part, PackedProblems) else part
