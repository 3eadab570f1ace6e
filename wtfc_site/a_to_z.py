"""Every page of the site in A to Z order, grouped by first letter: the way
to find a page that needs no JavaScript and no search."""

from __future__ import annotations

from dataclasses import dataclass

from .site import Site

LEFT_OUT = ("/404.html", "/search/", "/feedback/thank-you/", "/a-z/")
"""Pages nobody looks for by name."""


@dataclass(frozen=True)
class Entry:
    """One page in the A to Z list."""

    title: str
    url: str
    summary: str
    picture: str
    easy_read: bool


@dataclass(frozen=True)
class Letter:
    """The pages whose titles start with one letter."""

    letter: str
    entries: tuple[Entry, ...]


def a_to_z_entries(site: Site, data_pages: list) -> list[Letter]:
    """Return every page (written, made by the build, or from a dataset), grouped by first letter."""
    entries = [Entry(p.title, p.url, p.meta.summary, p.meta.picture, p.easy_read) for p in site.pages]
    entries += [Entry(g.title, g.url, g.summary, g.picture, True) for g in site.generated]
    entries += [Entry(d.title, d.url, d.summary, d.picture, d.easy_read) for d in data_pages]
    kept = sorted((e for e in entries if e.url not in LEFT_OUT), key=lambda e: (_sort_key(e.title), e.url))
    letters: dict[str, list[Entry]] = {}
    for entry in kept:
        first = _sort_key(entry.title)[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(entry)
    return [Letter(letter, tuple(items)) for letter, items in letters.items()]


def _sort_key(title: str) -> str:
    # "The hard words" belongs under H, as people say it.
    words = title.strip().lower()
    return words[4:] if words.startswith("the ") else words
