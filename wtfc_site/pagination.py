"""Long lists split into pages of ``PER_PAGE``, so no page grows with the site.

The first page keeps the list's own address (/updates/); the others are
/updates/page/2/, /updates/page/3/ and so on. Each page says "Page 2 of 5"
and has plain "Previous page" and "Next page" links. The lists split are
the news, meeting notes and stories lists, the jobs page and the A to Z.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from .a_to_z import Letter

PER_PAGE = 50
"""Items on one page of a list: enough to scan, few enough to stay light on a phone."""


@dataclass(frozen=True)
class Pager:
    """Where one page sits in a split list."""

    number: int
    count: int
    url: str
    previous_url: str | None
    next_url: str | None


def page_url(first_url: str, number: int) -> str:
    """Return the address of page ``number`` of the list whose first page is ``first_url``."""
    return first_url if number == 1 else f"{first_url}page/{number}/"


def split(items: Sequence[Any], per_page: int | None = None) -> list[Sequence[Any]]:
    """Return ``items`` in pages of ``per_page`` (one empty page when there are none)."""
    per_page = per_page or PER_PAGE
    return [items[start:start + per_page] for start in range(0, len(items), per_page)] or [items[:0]]


def pagers(first_url: str, count: int) -> list[Pager]:
    """Return the pager of each of ``count`` pages."""
    return [Pager(number, count, page_url(first_url, number),
                  page_url(first_url, number - 1) if number > 1 else None,
                  page_url(first_url, number + 1) if number < count else None)
            for number in range(1, count + 1)]


def page_title(title: str, pager: Pager) -> str:
    """Return the title of one page of a list: the list's own title on page 1."""
    return title if pager.number == 1 else f"{title}, page {pager.number} of {pager.count}"


@dataclass(frozen=True)
class ListPage:
    """One page of a split list, ready to render."""

    url: str
    context: dict[str, Any]


def split_list(first_url: str, title: str, items: Sequence[Any],
               context_for: Callable[[Sequence[Any]], dict[str, Any]],
               per_page: int | None = None) -> list[ListPage]:
    """Return the pages of a list: for each, its address and what its layout needs.

    ``context_for(items on this page)`` gives the layout values that
    depend on which items the page shows.
    """
    chunks = split(items, per_page)
    return [ListPage(pager.url, {**context_for(chunk), "pager": pager, "current_url": pager.url,
                                 "title": page_title(title, pager)})
            for pager, chunk in zip(pagers(first_url, len(chunks)), chunks)]


def output_of(url: str) -> PurePosixPath:
    """Return the file a list page is written to."""
    return PurePosixPath(url.strip("/")) / "index.html" if url.strip("/") else PurePosixPath("index.html")


def group_pages(groups: Sequence[tuple[str, Sequence[Any]]], per_page: int | None = None) -> list[dict[str, list]]:
    """Split named groups (jobs by state, pages by letter) into pages of ``per_page`` items in all.

    Returns, for each page, {group name: its items on that page}, keeping
    the groups' order; a group can run on from one page to the next.
    """
    flat = [(name, item) for name, items in groups for item in items]
    pages = []
    for chunk in split(flat, per_page):
        page: dict[str, list] = {}
        for name, item in chunk:
            page.setdefault(name, []).append(item)
        pages.append(page)
    return pages


LIST_LAYOUT, JOBS_LAYOUT, A_TO_Z_LAYOUT = "list.html", "actions.html", "a_z.html"
JOB_STATES = ("late", "to do", "done")


def list_pages(generated: Any, context: dict[str, Any], per_page: int | None = None) -> list[ListPage]:
    """Return the pages one generated page (wtfc_site.site.GeneratedPage) is split into.

    ``context`` is what its layout would get unsplit: its ``listed``
    pages, the ``action_groups`` and the ``a_to_z`` helper. A page that is
    not a long list is one page with no pager.
    """
    if generated.layout == LIST_LAYOUT and generated.content_type:
        return split_list(generated.url, generated.title, context["listed"],
                          lambda chunk: {"listed": list(chunk)}, per_page)
    if generated.layout == JOBS_LAYOUT:
        groups = [(state, context["action_groups"][state]) for state in JOB_STATES]
        return _grouped(generated, group_pages(groups, per_page),
                        lambda page, where: {"page_groups": {state: page.get(state, []) for state in JOB_STATES}})
    if generated.layout == A_TO_Z_LAYOUT:
        letters = context["a_to_z"]()
        pages = group_pages([(letter.letter, letter.entries) for letter in letters], per_page)
        return _grouped(generated, pages, lambda page, where: {
            "a_z_groups": [Letter(name, tuple(items)) for name, items in page.items()],
            "a_z_letters": where})
    return [ListPage(generated.url, {"pager": None})]


def _grouped(generated: Any, pages: list[dict[str, list]],
             context_for: Callable[[dict[str, list], list[dict[str, str]]], dict[str, Any]]) -> list[ListPage]:
    """Return the pages of a grouped list; ``where`` says on which page each group starts."""
    all_pagers = pagers(generated.url, len(pages))
    where: list[dict[str, str]] = []
    for pager, page in zip(all_pagers, pages):
        for name in page:
            if name not in {w["name"] for w in where}:
                where.append({"name": name, "url": pager.url})
    return [ListPage(pager.url, {**context_for(page, where), "pager": pager, "current_url": pager.url,
                                 "title": page_title(generated.title, pager)})
            for pager, page in zip(all_pagers, pages)]
