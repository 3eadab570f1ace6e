"""The library pictures the layouts show while pages are rendered, and the credits' list of them all.

``picture_url`` in a layout is a ``LayoutPictures``: it records each picture a page's layouts show (a
new picture in a layout is copied with no hand-kept list) and stops the build at an unknown one.
``pictures_used`` is a ``PicturesUsed``: a page that loops over it is made again once every other
page has said which pictures it shows.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import Problem, SiteError
from .pictures.library import Picture, unknown_picture
from .site import Site, pictures_shown


def pictures_used(site: Site) -> list:
    """Return the library pictures the site shows, for the credits page."""
    names = set(used_picture_names(site))
    return [site.library.pictures[n] for n in sorted(names) if n in site.library.pictures]


def used_picture_names(site: Site) -> set[str]:
    """Return the name of every library picture any page shows."""
    names: set[str] = set()
    names.update(pictures_shown(site.bodies))
    for page in site.pages:
        if page.meta.picture:
            names.add(page.meta.picture)
    names.update(g.picture for g in site.generated)
    names.update(item.picture for item in site.config.navigation if item.picture)
    names.update(entry.picture for entry in site.glossary.entries if entry.picture)
    names.update(site.layout_pictures)
    for chosen in site.decision_pictures.values():
        names.update(chosen)
    for links in site.backlinks.values():
        names.update(link.picture for link in links)
    for data_page in site.data_pages():
        names.add(data_page.picture)
        names.update(data_page.context.get("pictures", ()))
    return {n for n in names if n}


class LayoutPictures:
    """``picture_url`` for the layouts: records each picture they show, and stops at an unknown one.

    The pictures a layout uses are learnt while rendering, so there is no
    hand-kept list to forget: a new picture in a layout is copied, and a name
    that is not in the library stops the build at the layout's line.
    """

    def __init__(self, site: Site) -> None:
        self.site = site
        self.shown = site.layout_pictures
        self._addresses: dict[str, str] = {}
        """Name -> address of each picture asked for: a page asks for the same ten or so."""

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        """Collect the pictures shown while one page is rendered in a set of their own (a pool process
        cannot add to the main process's site; the caller adds them)."""
        before, self.shown = self.shown, set()
        try:
            yield self.shown
        finally:
            self.shown = before

    def __call__(self, name: str) -> str:
        address = self._addresses.get(name)
        if address is not None:
            self.shown.add(name)
            return address
        if self.site.library.get(name) is None:
            file, line = _calling_layout()
            problem = unknown_picture(file, line, name, self.site.library)
            raise SiteError([Problem(problem.file, problem.line, problem.message + " A layout asks for it.",
                                     hint=problem.hint, rule=problem.rule)])
        self.shown.add(name)
        address = self._addresses[name] = self.site.picture_url(name)
        return address


class PicturesUsed:
    """The credits' list of every picture the site shows, read when the layout loops over it.

    A page that reads it is rendered once more at the end of ``render_site``,
    when every other page has said which pictures it shows.
    """

    def __init__(self, site: Site) -> None:
        self.site = site
        self.asked = False
        self.pages: list[tuple[str, PurePosixPath, dict[str, Any]]] = []

    def __iter__(self) -> Iterator[Picture]:
        self.asked = True
        return iter(pictures_used(self.site))

    def render_again(self) -> list[tuple[str, PurePosixPath, dict[str, Any]]]:
        """Return the pages that listed the pictures, once (they are not recorded again)."""
        pages, self.pages = self.pages, []
        return pages


def _calling_layout() -> tuple[Path, int | None]:
    """Return the layout file and line being rendered now (the innermost template on the stack)."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            name = (template.name or "").removeprefix("default/")
            return Path("layouts") / name, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return Path("layouts"), None
