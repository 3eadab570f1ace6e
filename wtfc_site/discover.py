"""Find the site's source files, sorted, and sort them into kinds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

DATA_FILES = frozenset({"site.yaml", "glossary.yaml", "abbreviations.yaml", "accessibility.yaml"})
DATA_FOLDERS = frozenset({"checklist", "wtfc"})
"""Folders of YAML/CSV data read by their own content modules, never copied."""
RASTER = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp"})
NEVER_PUBLISHED = frozenset({".yaml", ".yml", ".csv", ".md", ".markdown", ".py", ".sqlite", ".sqlite3", ".db"})


@dataclass(frozen=True)
class Sources:
    """The files in content/, by what the build does with them."""

    pages: tuple[Path, ...] = ()
    """Markdown pages."""
    static: tuple[Path, ...] = ()
    """Files copied to the site as they are (PDFs, for example)."""
    photos: tuple[Path, ...] = ()
    """Raster pictures: published only through the image pipeline, never copied raw."""
    data: dict[str, tuple[Path, ...]] = field(default_factory=dict)
    """Data folder name -> its files."""


def page_id(path: Path, content_dir: Path) -> str:
    """Return the page id of a Markdown file: its path in content/ without the suffix."""
    return PurePosixPath(path.relative_to(content_dir).with_suffix("").as_posix()).as_posix()


def discover(site_dir: Path) -> Sources:
    """Return the site's sources, sorted so every build sees them in one order."""
    content = site_dir / "content"
    pages, static, photos = [], [], []
    data: dict[str, list[Path]] = {}
    for path in sorted(p for p in content.rglob("*") if p.is_file()):
        relative = path.relative_to(content)
        if any(part.startswith((".", "_")) for part in relative.parts):
            continue  # hidden files and _drafts-style folders are the author's own
        suffix = path.suffix.lower()
        if relative.parts[0] in DATA_FOLDERS:
            data.setdefault(relative.parts[0], []).append(path)
        elif suffix in (".md", ".markdown"):
            pages.append(path)
        elif suffix in RASTER:
            photos.append(path)
        elif suffix not in NEVER_PUBLISHED:
            static.append(path)
    return Sources(tuple(pages), tuple(static), tuple(photos),
                   {k: tuple(v) for k, v in data.items()})
