"""How far a build has got: stage timings, and a progress line on a terminal.

A long build (more than ``QUIET_FOR`` seconds) shows one line on the
terminal, rewritten in place ("Checking pages: 4,200 of 10,000"), and
rubs it out before the summary. When the output is not a terminal (a
log, CI, a pipe) nothing extra is written at all.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

QUIET_FOR = 2.0
"""Seconds before the first progress line: a quick build shows only its summary."""
EVERY = 0.2
"""Seconds between progress lines, so the terminal is not flooded."""

STAGE_WORDS = {
    "inputs": "Looking for changes",
    "load": "Reading pages",
    "convert": "Making and checking pages",
    "check": "Checking the whole site",
    "render": "Filling in the layouts",
    "publish": "Making the search index",
    "write": "Writing the site",
}
"""What each stage is called on the progress line."""


@dataclass
class Progress:
    """Times each stage and, on a terminal, says how far the build has got."""

    stream: TextIO | None = None
    """Where the progress line goes; None, or a stream that is not a terminal, shows nothing."""
    timings: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    _stage: str = ""
    _shown_at: float = 0.0
    _shown: bool = False

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the stage ``name`` (repeats add up)."""
        previous, self._stage = self._stage, name
        start = time.perf_counter()
        self.show()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start
            self._stage = previous

    def count(self, done: int, total: int) -> None:
        """Say that ``done`` of ``total`` pages of the current stage are finished."""
        self.show(f": {done:,} of {total:,} pages")

    def show(self, detail: str = "") -> None:
        """Write the progress line, if on a terminal, the build is long and it is time to."""
        if not self._on_terminal():
            return
        now = time.perf_counter()
        if now - self.started < QUIET_FOR or now - self._shown_at < EVERY:
            return
        words = STAGE_WORDS.get(self._stage, self._stage.capitalize())
        assert self.stream is not None
        self.stream.write(f"\r\033[K{words}{detail} ({now - self.started:.0f} s)")
        self.stream.flush()
        self._shown_at, self._shown = now, True

    def finish(self) -> None:
        """Rub out the progress line, so the summary starts on a clean line."""
        if self._shown and self.stream is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False

    @property
    def seconds(self) -> float:
        """Return the time since the build started."""
        return time.perf_counter() - self.started

    def _on_terminal(self) -> bool:
        if self.stream is None:
            return False
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError):
            return False


class Counter:
    """Counts pages done for ``Progress.count``."""

    def __init__(self, progress: Progress | None, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, more: int) -> None:
        self.done += more
        if self.progress is not None:
            self.progress.count(self.done, self.total)


def stage(progress: Progress | None, name: str):
    """Return ``progress.stage(name)``, or a stage that records nothing when there is no progress."""
    if progress is None:
        return _nothing()
    return progress.stage(name)


@contextmanager
def _nothing() -> Iterator[None]:
    yield
