"""Every page can be reached (issue 13 part 5).

Two things: a main menu made from the sections that have content, for a
site whose site.yaml has no ``navigation:``; and a site check that follows
the links of the built pages from the home page and warns, naming the page,
about any page nobody can get to that way, and about a menu longer than the
checker's ``navigation_max_items`` allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Protocol

from .config import NavItem
from .errors import Problem, Severity
from .site import Site
from .sources import load_yaml_file

MENU_SECTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("minutes", "/minutes/", "Meeting notes", "minutes"),
    ("update", "/updates/", "News", "news"),
    ("person", "/people/", "Who we are", "people"),
    ("story", "/stories/", "Our stories", "story"),
    ("answer", "/you-said-we-did/", "You said, we did", "feedback"),
)
"""(content type, list address, menu words, picture), in the order a menu shows them."""

NOT_A_WAY_IN = frozenset({"/a-z/", "/search/"})
"""Pages linked from every page that list everything: a fallback, not a way people are led to a page."""

NOT_LINKED_ON_PURPOSE = frozenset({"/feedback/thank-you/", "/404.html", "/a-z/", "/search/"})
"""Pages people reach by sending the form, by a mistyped address or from the header's own boxes."""

_HREF = re.compile(rb'<a\s[^>]*?href="([^"#?]*)')


def default_menu(site: Site) -> tuple[NavItem, ...]:
    """Return the menu for a site that wrote none: each section with content, then each dataset's front page.

    At most ``checker.navigation_max_items`` links; the rest are reached from the pages.
    """
    items = [NavItem(title=title, link=link, picture=picture)
             for content_type, link, title, picture in MENU_SECTIONS if site.pages_of(content_type)]
    for page in _dataset_front_pages(site):
        items.append(NavItem(title=page.title, link=page.url, picture=page.picture))
    return tuple(items[: site.config.checker.navigation_max_items])


def _dataset_front_pages(site: Site) -> list:
    """Return the newest Working Together for Change cycle's page and the checklist's page, when there are some."""
    pages = [p for p in site.data_pages() if re.fullmatch(r"/wtfc/[^/]+/", p.url)]
    front = sorted(pages, key=lambda p: p.url)[-1:]
    front += [p for p in site.data_pages() if p.url == "/checklist/"]
    return front


def with_menu(site: Site) -> Site:
    """Return the site with a menu made from its sections when site.yaml has no ``navigation:``."""
    if site.config.navigation:
        return site
    return replace(site, config=replace(site.config, navigation=default_menu(site)))


def menu_problems(site: Site, navigation_line: int | None) -> list[Problem]:
    """Warn when the menu written in site.yaml has more links than the checker's setting allows."""
    limit = site.config.checker.navigation_max_items
    count = len(site.config.navigation)
    if count <= limit:
        return []
    return [Problem(
        Path("content/site.yaml"), navigation_line,
        f"The main menu has {count} links; {limit} at most keeps the choice easy.",
        hint="Take the least used links out of 'navigation:' and link to those pages from the home page, "
             "or raise 'navigation_max_items' under 'checker:'.",
        rule="SITE-MENU-LONG", severity=Severity.WARNING)]


@dataclass(frozen=True)
class Built:
    """A page as built: its address and the addresses it links to."""

    url: str
    links: frozenset[str]


class KnownFacts(Protocol):
    """Finds a fact about a built page once per render key (lastbuild.RenderReuse.fact)."""

    def fact(self, kind: str, path: PurePosixPath, find: Callable[[], list[str]]) -> list[str]:
        """Return what ``find`` finds in the page at ``path``, from the last build when it was made the same."""


def built_pages(outputs: Mapping[PurePosixPath, bytes | Path], base_url: str,
                known: KnownFacts | None = None) -> dict[str, Built]:
    """Return every built HTML page by address, with the site addresses its links go to.

    With ``known``, a page made the same as in the last build is not read again for its links.
    """
    pages = {}
    for path, data in outputs.items():
        if path.suffix != ".html":
            continue
        url = "/" + path.as_posix().removesuffix("index.html") if path.name == "index.html" else "/" + path.as_posix()
        find = partial(_links_in, data, base_url)
        links = known.fact(f"links to {base_url}", path, find) if known else find()
        pages[url] = Built(url, frozenset(links))
    return pages


def _links_in(data: bytes | Path, base_url: str) -> list[str]:
    html = data.read_bytes() if isinstance(data, Path) else data
    links = set()
    for match in _HREF.finditer(html):
        href = match.group(1).decode("utf-8", "replace")
        if href.startswith(base_url):
            links.add("/" + href[len(base_url):])
    return sorted(links)


def unreachable_pages(site: Site, outputs: Mapping[PurePosixPath, bytes | Path],
                      known: KnownFacts | None = None) -> list[Problem]:
    """Warn about each built page that cannot be reached from the home page by following links."""
    pages = built_pages(outputs, site.config.base_url, known)
    if "/" not in pages:
        return []  # no home page: that stops the build on its own (see home_page_problems)
    seen, todo = {"/"}, ["/"]
    while todo:
        for link in pages[todo.pop()].links - NOT_A_WAY_IN:
            if link in pages and link not in seen:
                seen.add(link)
                todo.append(link)
    problems = []
    for url in sorted(set(pages) - seen - NOT_LINKED_ON_PURPOSE - _empty_lists(site)):
        if _is_later_list_page(url, pages):
            continue
        page = site.by_url.get(url)
        where = page.file if page else None
        title = page.title if page else url
        problems.append(Problem(
            where, page.line_of("title") if page else None,
            f"Nobody can get to '{title}' ({url}) from the home page by following links.",
            hint="Link to it from the home page or a page that is linked, or add it to 'navigation:' in "
                 "content/site.yaml.", rule="SITE-UNREACHABLE", severity=Severity.WARNING))
    return problems


def _empty_lists(site: Site) -> set[str]:
    """Return the addresses of lists the build makes that have nothing in them: no one needs to reach those."""
    empty = {g.url for g in site.generated if g.content_type and not site.pages_of(g.content_type)}
    return empty | ({"/actions/"} if not site.actions else set())


def _is_later_list_page(url: str, pages: Mapping[str, Built]) -> bool:
    """Return True for page 2, 3… of a long list: reached from its first page's numbers."""
    match = re.fullmatch(r"(/.*/)page/\d+/", url)
    return bool(match and match.group(1) in pages)


def home_page_problems(site: Site) -> list[Problem]:
    """Stop the build when there is no home page: every page's link to it would be broken."""
    if "/" in site.by_url:
        return []
    return [Problem(
        Path("content/index.md"), None, "The site has no home page.",
        hint="Make a file content/index.md with a title and a few words about the partnership; "
             "every page links to it.", rule="SITE-NO-HOME")]


def reach_site(site: Site) -> tuple[Site, list[Problem]]:
    """Return the site with its menu (made from its sections when site.yaml has none) and the menu's problems."""
    written = bool(site.config.navigation)
    _, lines, _ = load_yaml_file(site.site_dir / "content" / "site.yaml", site.site_dir)
    site = with_menu(site)
    too_long = menu_problems(site, lines.line_of(("navigation",))) if written else []
    return site, home_page_problems(site) + too_long
