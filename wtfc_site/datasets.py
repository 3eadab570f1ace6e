"""Data-driven parts of the site (checklist results, Working Together for
Change cycles) plug in here, each as one function listed in DATASETS.

A dataset reads its own files from a folder in content/ and returns plain
data: the pages it adds, the extra template context for each, the text the
easy-read checker should read, links back from existing pages, and problems.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import Problem
from .points import PageText


@dataclass(frozen=True)
class DataPage:
    """A page a dataset adds to the site."""

    url: str
    """Site path, e.g. /checklist/ or /wtfc/2026/themes/getting-out/."""
    title: str
    layout: str
    """A layout file name in layouts/, e.g. checklist.html."""
    summary: str
    picture: str
    context: dict[str, Any] = field(default_factory=dict)
    """Extra names the layout can use."""
    easy_read: bool = True
    counterpart_url: str = ""
    """The other version of this page (easy read or standard), if any."""


@dataclass(frozen=True)
class Backlink:
    """A link shown on an existing page back to a dataset page (the thread, both ways)."""

    title: str
    """The linked page's title, shown as the link on its own line."""
    url: str
    why: str = ""
    """Why it is linked: short plain sentences, one a line ('\n' between), e.g. 'This meeting agreed a plan.'"""
    picture: str = "document"
    """The picture beside it."""


@dataclass(frozen=True)
class DataResult:
    """What one dataset adds to the site."""

    pages: tuple[DataPage, ...] = ()
    texts: tuple[PageText, ...] = ()
    """Text the easy-read checker reads (with the data file and line of each point)."""
    backlinks: dict[str, tuple[Backlink, ...]] = field(default_factory=dict)
    """Page id (e.g. minutes/2026-01-21-board) -> links to show on that page."""
    problems: tuple[Problem, ...] = ()
    outputs: dict[PurePosixPath, bytes] = field(default_factory=dict)
    """Extra files to write (e.g. a printable report)."""
    data: Any = None
    """The dataset's own parsed data, for other datasets and tests."""
    actions: tuple[Any, ...] = ()
    """Jobs the dataset adds (a plan's own steps): shown with the meetings' jobs and on people's pages."""


Dataset = Callable[["object", tuple[Path, ...]], DataResult]

