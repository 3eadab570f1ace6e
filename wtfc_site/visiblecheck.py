"""The easy-read checker on what the reader sees: every built page, authored and generated (issue 14 part 7).

``check_site`` checks what authors wrote, line by line. After rendering, this
reads each page's visible text back (``checker.visible``) and reports what
only the built page shows: lines the layouts write (on a content page, at
its title line; on a page the build makes, such as a list, against the
layout that wrote it) and the page's length as the reader meets it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from .buildcache import Store, digest
from .checker import PointCounts
from .checker.visible import check_visible, visible_points
from .checks import page_text, site_wordlists
from .convert import from_other_pages
from .errors import Problem
from .findings import PackedProblems
from .pagework import MadeWhenSent, run_pages
from .points import PageText
from .render import output_path
from .site import Site


def _html(output: bytes | Path | str | None) -> str:
    if output is None:
        return ""
    if isinstance(output, Path):
        try:
            return output.read_text(encoding="utf-8")
        except OSError:
            return ""
    return output.decode("utf-8", "replace") if isinstance(output, bytes) else output


@dataclass(frozen=True)
class VisibleCache:
    """Findings kept between builds, by page. A content page's findings depend only on its built
    HTML and on what its page key covers (its file, the other pages' front matter, the settings,
    word lists and this program), so no page has to be checked again when neither changed: checking
    every page took most of a one-page rebuild. A generated page is keyed by its description and
    by what the other pages' front matter gives the checker (``convert.from_other_pages``)."""

    store: Store
    shared: str
    page_keys: dict[str, str]
    """Page id -> the key of its cached conversion and check ('' when it has none)."""
    rendered: Mapping[str, str] = field(default_factory=dict)
    """Output path -> the render key its file was made from (lastbuild.RenderReuse.made). Equal render
    keys mean equal HTML, so a page found here is keyed without reading its file back, and a cached
    page is then not read at all (reading and hashing every page was most of this stage's time)."""


def _stable_repr(value) -> str:
    """Return repr(value) with sets sorted: a set's order changes from one run of Python to the next."""
    def plain(item):
        if is_dataclass(item) and not isinstance(item, type):
            return (type(item).__name__, *(plain(getattr(item, f.name)) for f in fields(item)))
        if isinstance(item, (set, frozenset)):
            return ("set", *sorted((plain(x) for x in item), key=repr))
        if isinstance(item, (list, tuple)):
            return tuple(plain(x) for x in item)
        if isinstance(item, dict):
            return ("dict", *sorted(((plain(k), plain(v)) for k, v in item.items()), key=repr))
        return item
    return repr(plain(value))


@dataclass(frozen=True)
class _Built:
    """One built page to read back: what the checker knows of it and where its HTML is in the outputs."""

    text: PageText
    path: PurePosixPath
    line: int
    """The line the layouts' findings are reported at."""
    authored: tuple[Problem, ...]
    """The findings the authored check made on this page."""
    counts: PointCounts | None = None
    """The authored check's counts of the page's points (None: count them again)."""


class _Reader:
    """Reads one built page back and checks what it shows. Made before the pool forks, so the word lists
    and the rendered pages reach every worker process by inheritance and only page numbers go in."""

    def __init__(self, site: Site, outputs: Mapping[PurePosixPath, bytes | Path | str]):
        self.settings = site.config.checker
        self.words = site_wordlists(site)
        self.outputs = outputs

    def __call__(self, built: _Built | None) -> list[Problem] | None:
        if built is None:
            return None
        html = _html(self.outputs.get(built.path))
        return check_visible(built.text, visible_points(html, built.line), list(built.authored), self.settings,
                             self.words, built.counts)


_Pending = tuple[str, Callable[[], "_Built | None"]]
"""A page's cache key ('' for none) and what makes it ready to read back (None when it has no HTML)."""


def _built_pages(site: Site, outputs: Mapping[PurePosixPath, bytes | Path | str],
                 cache: VisibleCache | None) -> list[_Pending]:
    """Return every built page to read back, each with its cache key; a page is only made ready if asked."""
    findings = site.page_findings
    pending: list[_Pending] = []

    def add(text: Callable[[], PageText], path: PurePosixPath, authored: PackedProblems | None, what: str,
            counts: PointCounts | None = None) -> None:
        made = cache.rendered.get(path.as_posix(), "") if cache and what else ""
        html = "" if made else _html(outputs.get(path))
        if not (made or html):
            return
        key = ""
        if cache and what:
            key = digest("visible", cache.shared, what, "rendered as", made) if made else \
                digest("visible", cache.shared, what, html)

        def ready() -> _Built | None:
            if made and not _html(outputs.get(path)):
                return None
            page_text = text()
            return _Built(page_text, path, page_text.title_line or 1, tuple(authored.unpack()) if authored else (),
                          counts)
        pending.append((key, ready))

    for page in site.pages:
        what = cache.page_keys.get(page.id, "") if cache else ""
        add(partial(page_text, site, page), output_path(page.url), findings.get(page.id), what,  # opened if read again
            site.page_counts.get(page.id))
    # A generated page has no page key; the checker also reads the other pages' front matter (people's names).
    others = from_other_pages(site) if cache else ""
    for generated in site.generated:
        text = partial(PageText, file=Path("layouts") / generated.layout, url=generated.url, title=generated.title,
                       title_line=1, content_type=generated.content_type or "list", easy_read=True)
        add(text, output_path(generated.url), None, digest(_stable_repr(text()), others))
    return pending


def check_visible_text(site: Site, outputs: Mapping[PurePosixPath, bytes | Path | str],
                       cache: VisibleCache | None = None, *, pool: bool = False) -> list[Problem]:
    """Return findings on the built pages' visible text that the authored check did not make.

    Pages not in the cache are shared out over the cores like the conversion (``pagework.run_pages``);
    ``pool=False`` reads them all in this process (the live preview, whose web-server threads must not
    be forked)."""
    pending = _built_pages(site, outputs, cache)
    keys = [key for key, _ in pending]
    results: list[list[Problem] | None] = cache.store.get_many(keys) if cache else [None] * len(keys)
    todo = [index for index, found in enumerate(results) if found is None]
    if todo:
        # Each page is made ready as its chunk goes to the pool, not all first: together they hold every page's points.
        worked = run_pages(MadeWhenSent([pending[index][1] for index in todo]), [""] * len(todo), _Reader(site, outputs),
                           None, pool=pool)
        for index, found in zip(todo, worked):
            if found is None:
                continue  # no built page to read after all
            results[index] = found
            if cache and keys[index]:
                cache.store.put(keys[index], found)
    if cache:
        cache.store.save()
    return [problem for found in results for problem in found or ()]
