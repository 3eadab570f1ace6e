"""The rows of ``build.py pictures``: every point's picture and who chose it.

Pages written in Markdown say "named" (the author wrote [picture: x]) or
"chosen" (the library chose). Points on pages the build makes from data
(Working Together for Change, the checklist) say "generated": the build
puts their pictures there. ``--chosen`` lists both "chosen" and
"generated", so an author sees every picture no person picked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..points import Point


@dataclass(frozen=True)
class PictureRow:
    """One point's picture, as listed."""

    file: str
    line: int
    picture: str
    how: str
    """'named', 'chosen' or 'generated'."""
    words: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.picture} ({self.how}) — {self.words[:60]}"


def picture_rows(site: Any, only_chosen: bool = False) -> Iterator[PictureRow]:
    """Yield a row for every point with a picture place, pages first, then generated pages.

    ``site`` is a ``wtfc_site.site.Site`` after its bodies are made.
    """
    for page in site.pages:
        for point in site.bodies[page.id].points:
            if point.kind != "heading":
                yield from _row(page.file.as_posix(), point, "chosen" if point.picture_was_chosen else "named",
                                only_chosen)
    seen: set[tuple[str, int, str]] = set()
    for result in site.datasets.values():
        for text in result.texts:
            for point in text.points:
                key = (_shown(text.file, site.site_dir), point.line, point.text)
                if point.kind == "heading" or key in seen:
                    continue  # a data point shown on two pages is listed once
                seen.add(key)
                yield from _row(key[0], point, "generated", only_chosen)


def _shown(file: Path, site_dir: Path) -> str:
    """Return a file as the author knows it: inside the site folder, or the built-in file's name."""
    try:
        return (site_dir / file).resolve().relative_to(site_dir.resolve()).as_posix()
    except ValueError:
        return f"(built in) {file.name}"


def _row(file: str, point: Point, how: str, only_chosen: bool) -> Iterator[PictureRow]:
    if only_chosen and (how == "named" or not point.chosen_picture):
        return
    yield PictureRow(file, point.line, point.chosen_picture or "(no picture)", how, " ".join(point.text.split()))
