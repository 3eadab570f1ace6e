"""Convert and check every page: from the build cache when its inputs are
unchanged, otherwise on every core.

The work for one page (Markdown conversion, picture choice, the easy-read
checker) needs nothing from any other page's result, so pages are shared
out to a pool of worker processes. The workers are forked after the site
is loaded, so the read-only site data and the ready-made tools (Markdown
converters, word lists, picture chooser) reach each worker once, by
inheritance; each page goes in pickled with its chunk (see ``_work``) and
its result comes out.

A small site is done in this process: starting workers costs more than it
saves below about ``POOL_FROM`` pages.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from .buildcache import Store, digest
from .errors import Problem, SiteError
from .findings import PackedProblems

if TYPE_CHECKING:
    from concurrent.futures import Future

POOL_FROM = 150
"""Fewest pages still to do for which a process pool pays for itself (measured on 2 cores)."""
CHUNK = 16
"""Pages sent to a worker at a time: big enough to keep the pipes quiet, small enough to share evenly."""
AHEAD = 2
"""Chunks sent ahead per worker: enough to keep every worker busy, few enough that the pages waiting
to be sent (and their pickles) are never the whole site at once."""


@dataclass(frozen=True)
class PageResult:
    """What converting and checking one page made."""

    body: Any
    """The converted body, packed (wtfc_site.site.PackedBody: unpickled only if a later stage uses it)."""
    problems: tuple[Problem, ...]
    """Conversion problems: the body's own, broken links, photos."""
    findings: PackedProblems
    """The easy-read checker's findings, packed (a build opens only the few it prints)."""
    photo_files: dict[PurePosixPath, Any] = field(default_factory=dict)
    """Processed photo files to write (wtfc_site.pictures.process.ImageFile)."""
    counts: Any = None
    """The checker's counts of the page's points (wtfc_site.checker.PointCounts), for the visible-text check."""


PageWorker = Callable[[Any], PageResult]
"""Does one page (wtfc_site.content.base.Page) from start to finish."""


def cores() -> int:
    """Return how many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def page_key(shared: str, page_id: str, source_hash: str) -> str:
    """Return the cache key of one page's result."""
    return digest("page result", shared, page_id, source_hash)


Result = TypeVar("Result")


class MadeWhenSent(Sequence[Any]):
    """Items made only when asked for, one by one: the pool sends each chunk's items as they are made,
    so a stage whose items together are big (every page's points) never holds them all at once."""

    def __init__(self, makers: Sequence[Callable[[], Any]]) -> None:
        self._makers = makers

    def __len__(self) -> int:
        return len(self._makers)

    def __getitem__(self, index):  # an index only; the pool never slices
        return self._makers[index]()


def run_pages(pages: Sequence[Any], keys: Sequence[str], worker: Callable[[Any], Result], store: Store | None,
              tick: Callable[[int], None] = lambda done: None, *, pool: bool = True) -> list[Result]:
    """Return each page's result, in order: from ``store`` when its key is there, else worked out.

    ``pool=False`` does every page in this process (never forks). The worker is usually a
    ``PageWorker``; the visible-text check shares its pages out the same way with its own worker."""
    results: list[Result | None] = store.get_many(keys) if store else [None] * len(keys)
    todo = [index for index, result in enumerate(results) if result is None]
    tick(len(pages) - len(todo))
    for index, result in _work(pages, todo, worker, tick, pool):
        results[index] = result
        if store is not None:
            store.put(keys[index], result)
    return results  # type: ignore[return-value]


def _work(pages: Sequence[Any], todo: list[int], worker: Callable[[Any], Any], tick: Callable[[int], None],
          pool: bool):
    workers = min(cores(), max(1, len(todo) // CHUNK))
    if not pool or workers < 2 or len(todo) < POOL_FROM or not _can_fork():
        for index in todo:
            yield index, worker(pages[index])
            tick(1)
        return
    getattr(worker, "prepare", lambda: None)()  # made once here, inherited by every pool process
    chunks = [todo[start:start + CHUNK] for start in range(0, len(todo), CHUNK)]
    # Loaded only for a pool, for start-up speed: multiprocessing and concurrent.futures.process cost
    # 0.02 s of processor time, which a one-page edit (no pool) would pay for nothing.
    from concurrent.futures.process import BrokenProcessPool
    gc.freeze()  # the collector in a worker must not touch (and so copy) every inherited object
    try:
        yield from _pooled(pages, chunks, worker, workers, tick)
    except BrokenProcessPool:
        raise SiteError(Problem(
            None, None, "A helper process stopped while making pages, perhaps because the computer ran out "
            "of memory. The old site was left as it was.",
            hint="Try again, with fewer other programs running.", rule="SITE-CRASH")) from None
    finally:
        gc.unfreeze()


def _can_fork() -> bool:
    import multiprocessing  # for start-up speed, as in _work: asked only when enough pages want a pool
    return "fork" in multiprocessing.get_all_start_methods()


def _pooled(pages: Sequence[Any], chunks: list[list[int]], worker: Callable[[Any], Any], workers: int,
            tick: Callable[[int], None]) -> Iterator[tuple[int, Any]]:
    """Yield each page's result in order, worked out in a pool of forked processes.

    A concurrent.futures pool, not multiprocessing.Pool: when a process dies (killed, or by the
    out-of-memory killer) the latter quietly starts another and waits for ever for the lost
    pages, whereas this one raises BrokenProcessPool."""
    import multiprocessing  # for start-up speed, as in _work
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")  # the workers inherit the loaded site and the ready tools
    processes = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(worker,))
    waiting: deque[tuple[list[int], Future]] = deque()
    unsent = iter(chunks)

    def send_next() -> None:
        chunk = next(unsent, None)
        if chunk is not None:
            # Each chunk's pages go to the worker pickled, not by index into the inherited list: a page read
            # in place has its reference counts written, so the worker would copy the memory holding it and
            # keep that copy to the end (about as much again as the pages themselves, for each worker).
            waiting.append((chunk, processes.submit(_work_chunk, [pages[index] for index in chunk])))
    try:
        for _ in range(workers * AHEAD):
            send_next()
        while waiting:
            chunk, future = waiting.popleft()
            results = future.result()
            send_next()
            yield from zip(chunk, results)
            tick(len(chunk))
    finally:
        processes.shutdown(wait=True, cancel_futures=True)


_worker: Callable[[Any], Any] | None = None
"""The worker, set once in each pool process by its initializer (never in the main process)."""


def _start_worker(worker: Callable[[Any], Any]) -> None:
    global _worker
    _worker = worker


def _work_chunk(items: list[Any]) -> list[Any]:
    assert _worker is not None, "a pool process runs _start_worker first"
    return [_worker(item) for item in items]
