"""The easy-read checker on what the reader sees: every built page, authored and generated (issue 14 part 7).

``check_site`` checks what authors wrote, line by line. After rendering, this
reads each page's visible text back (``checker.visible``) and reports what
only the built page shows: lines the layouts write (on a content page, at
its title line; on a page the build makes, such as a list, against the
layout that wrote it) and the page's length as the reader meets it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path, PurePosixPath

from .buildcache import Store, digest
from .checker.visible import check_visible, visible_points
from .checks import page_text, site_wordlists
from .errors import Problem
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
    every page took most of a one-page rebuild. A generated page is keyed by its description."""

    store: Store
    shared: str
    page_keys: dict[str, str]
    """Page id -> the key of its cached conversion and check ('' when it has none)."""


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


def check_visible_text(site: Site, outputs: Mapping[PurePosixPath, bytes | Path | str],
                       cache: VisibleCache | None = None) -> list[Problem]:
    """Return findings on the built pages' visible text that the authored check did not make."""
    settings = site.config.checker
    findings = site.page_findings
    tools: list = []  # the word lists, made only if a page is not in the cache

    def check(text: PageText, html: str, line: int, authored: list[Problem], what: str) -> list[Problem]:
        key = digest("visible", cache.shared, what, html) if cache and what else ""
        found = cache.store.get(key) if cache and key else None
        if found is None:
            if not tools:
                tools.append(site_wordlists(site))
            found = check_visible(text, visible_points(html, line), authored, settings, tools[0])
            if cache and key:
                cache.store.put(key, found)
        return found

    problems: list[Problem] = []
    for page in site.pages:
        html = _html(outputs.get(output_path(page.url)))
        if html:
            text = page_text(site, page)
            what = cache.page_keys.get(page.id, "") if cache else ""
            problems += check(text, html, text.title_line or 1, list(findings.get(page.id, ())), what)
    for generated in site.generated:
        html = _html(outputs.get(output_path(generated.url)))
        if html:
            text = PageText(file=Path("layouts") / generated.layout, url=generated.url, title=generated.title,
                            title_line=1, content_type=generated.content_type or "list", easy_read=True)
            problems += check(text, html, 1, [], _stable_repr(text))
    if cache:
        cache.store.save()
    return problems
