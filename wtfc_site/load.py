"""The load stage's glue: read each page file, find the site's own pictures
and static files, and run the datasets (checklist, Working Together for Change).

``pipeline.load_site`` calls these in order; nothing here knows about the
later stages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from . import content as content_types
from .buildcache import SiteInputs, Store, digest
from .content.base import Page
from .content.checklist import load_checklist
from .content.wtfc import load_cycles
from .datasets import Backlink, DataResult, Dataset
from .defaults import default_pictures
from .discover import Sources, page_id
from .errors import Problem, Severity, SiteError
from .site import Site, StaticFile
from .sources import read_source


def picture_folders(site_dir: Path) -> list[tuple[Path, bool]]:
    """Return the picture folders: the defaults, then the site's own easyread_images/ (marked True)."""
    folders = [(default_pictures(), False)]
    own = site_dir / "easyread_images"
    if own.is_dir() and own.resolve() != default_pictures().resolve():
        folders.append((own, True))
    return folders


@dataclass(frozen=True)
class ParseCache:
    """Where parsed pages are kept between builds (nowhere when the cache is off)."""

    store: Store | None
    inputs: SiteInputs | None

    def key(self, path: Path, site_dir: Path) -> str:
        """Return the cache key of one file's parse, or '' when it cannot be cached."""
        if self.store is None or self.inputs is None:
            return ""
        source = self.inputs.of(path, site_dir)
        # The key names the file as found from here; the page is given back ``path`` as this build names it
        # (_outcome_of). A row is (page, file, problems): "parsed page row" keeps rows of another shape apart.
        return digest("parsed page row", self.inputs.generator, os.path.abspath(path), source) if source else ""


def parse_pages(sources: Sources, site_dir: Path, problems: list[Problem], drafts: bool,
                parsed: ParseCache = ParseCache(None, None)) -> list[Page]:
    """Return the pages that are built (drafts only when asked); each file's problems go to ``problems``."""
    pages = []
    content_dir = site_dir / "content"
    keys = [parsed.key(path, site_dir) for path in sources.pages]
    kept = parsed.store.get_many(keys) if parsed.store else [None] * len(keys)
    for path, key, row in zip(sources.pages, keys, kept):
        if row is None:
            outcome = _parse_page(path, site_dir, content_dir)
            if key and parsed.store:
                parsed.store.put(key, _row_of(outcome))
        else:
            outcome = _outcome_of(row, path)
        page, page_problems = outcome
        problems.extend(page_problems)
        if page is not None and (drafts or not page.meta.draft):
            pages.append(page)
    return pages


_Outcome = tuple[Page | None, list[Problem]]
"""A parsed page (None when it could not be built) and its file's problems."""


def _row_of(outcome: _Outcome) -> tuple[Page | None, str, list[Problem]]:
    """Return the parse cache's row for ``outcome``: the page without its two Paths, and its file as a string.

    Unpickling a Path parses it again, part by part: the two Paths of 3,000 cached pages
    took 0.02 s of every build after an edit, nearly half of reading the pages back."""
    page, problems = outcome
    if page is None:
        return None, "", problems
    return replace(page, path=None, file=None), str(page.file), problems  # type: ignore[arg-type]


def _outcome_of(row: tuple[Page | None, str, list[Problem]], path: Path) -> _Outcome:
    """Return the outcome kept in a parse cache row, its page given back ``path`` as this build names it."""
    page, file, problems = row
    if page is not None:
        # The page was unpickled for this build alone: nothing else holds it yet, so it may still be filled in.
        object.__setattr__(page, "path", path)
        object.__setattr__(page, "file", Path(file))
    return page, problems


def _parse_page(path: Path, site_dir: Path, content_dir: Path) -> _Outcome:
    raw = None
    try:
        raw = read_source(path, site_dir)
        return content_types.parse(raw, page_id(path, content_dir)), []
    except SiteError as exc:
        draft = raw is not None and raw.meta.get("draft") is True
        # A draft is work in progress: its problems are shown but never stop the site being built.
        return None, [replace(p, severity=Severity.WARNING) if draft else p for p in exc.problems]


def static_files(sources: Sources, site_dir: Path) -> tuple[StaticFile, ...]:
    """Return the files under content/ that are copied as they are."""
    content = site_dir / "content"
    return tuple(StaticFile(p, PurePosixPath(p.relative_to(content).as_posix())) for p in sources.static)


DATASETS: dict[str, Dataset] = {"checklist": load_checklist, "wtfc": load_cycles}  # type: ignore[dict-item]
"""The datasets by the content/ folder each reads (a literal table)."""


def load_datasets(site: Site, sources: Sources) -> list[Problem]:
    """Run each dataset (checklist, Working Together for Change) and keep what it adds."""
    problems: list[Problem] = []
    results: dict[str, DataResult] = {}
    for name, load in DATASETS.items():
        try:
            result = load(site, sources.data.get(name, ()))
        except SiteError as exc:
            problems.extend(exc.problems)
            continue
        results[name] = result
        problems.extend(result.problems)
    site.datasets.update(results)
    backlinks: dict[str, list] = {}
    for result in results.values():
        for target, links in result.backlinks.items():
            backlinks.setdefault(target, []).extend(links)
    for page in site.pages_of("answer"):  # the evidence of a 'You said, we did' answer links back to it
        for ref in getattr(page.meta, "evidence", ()):
            target = ref.strip().strip("/").partition("#")[0].removesuffix(".md")
            backlinks.setdefault(target, []).append(
                Backlink(page.title, page.url, "We used this page to answer what people told us.", "feedback"))
    site.backlinks.update(backlinks)
    return problems
