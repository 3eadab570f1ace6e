"""What every page has: common front matter, and the Page value itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from ..sources import LineMap

EASY_READ: Final = "easy-read"
STANDARD: Final = "standard"


@dataclass(frozen=True, kw_only=True)
class CheckRecord:
    """People with a learning disability who checked that a page is easy to read."""

    group: str
    """The group that checked it, for example 'Speak Up Riverside'."""
    date: dt.date
    """When they checked it."""
    text_hash: str
    """Fingerprint of the text they checked; written by 'python build.py checked'."""
    people: tuple[str, ...] = ()
    """Names of the checkers, shown only if show_names is yes."""
    show_names: bool = False
    """yes if the checkers agreed to have their names on the page."""
    method: str = ""
    """How they checked it, for example 'read aloud by 3 members'."""
    notes: str = ""
    """What they changed, in a few words."""


@dataclass(frozen=True, kw_only=True)
class PageWords:
    """A generated page's own words (checklist and Working Together for Change pages).
    Anything left out keeps the site's own wording."""

    title: str = ""
    """The page's heading and browser title."""
    summary: str = ""
    """One short sentence under the heading."""
    intro: tuple[str, ...] = ()
    """Short sentences at the start of the page (instead of the site's own opening, where it has one)."""


@dataclass(frozen=True, kw_only=True)
class CommonMeta:
    """Front matter every page may have."""

    title: str
    """The page's heading and browser title."""
    summary: str = ""
    """One short sentence saying what the page is about, shown at the top."""
    type: str = ""
    """The content type; normally taken from the folder the file is in."""
    slug: str = ""
    """The last part of the page's address, instead of one made from its file name."""
    version: Literal["easy-read", "standard"] = EASY_READ
    """easy-read (the default) or standard, the full version."""
    full_version: str = ""
    """For an easy-read page: the page id of its standard version, e.g. policy/policy-full."""
    easy_read_version: str = ""
    """For a standard page: the page id of its easy-read version."""
    draft: bool = False
    """yes to keep the page out of the published site (serve still shows it)."""
    picture: str = ""
    """A picture for the page's heading and in lists of pages."""
    updated: dt.date | None = None
    """When the page was last changed in a way readers should know."""
    checked_by: tuple[CheckRecord, ...] = ()
    """Records of people who checked this page is easy to read."""
    photo_consent: bool = False
    """yes when everyone shown in this page's photos agreed to it (or no people are shown)."""
    order: int = 0
    """Lower numbers come first in lists of pages of the same type."""
    themes: tuple[str, ...] = ()
    """Working Together for Change themes this page is about, e.g. wtfc/2026/themes#getting-out."""


@dataclass(frozen=True)
class Page:
    """One source page after its front matter was checked."""

    id: str
    """The page's reference: its path in content/ without '.md', e.g. minutes/2026-01-21-board."""
    file: Path
    """Source file relative to the site folder."""
    path: Path
    """Source file on disk."""
    url: str
    """Site path without the base URL, e.g. /minutes/2026-01-21-board/."""
    content_type: str
    meta: CommonMeta
    lines: LineMap
    body: str
    body_line: int

    @property
    def easy_read(self) -> bool:
        """True for easy-read pages."""
        return self.meta.version == EASY_READ

    @property
    def title(self) -> str:
        """The page title."""
        return self.meta.title

    def line_of(self, *path: object) -> int:
        """Return the line of a front-matter key path."""
        return self.lines.line_of(tuple(path))
