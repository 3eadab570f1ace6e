"""Photos in pages: processed once per build, shown with WebP and a fallback.

A photo in a Markdown page's words is written by ``layouts/components/photo.html``
(see wordmarkup.py), from the sizes and addresses worked out here.

A photo is shown only with the people's agreement (``photo_consent`` on a
page, ``photo_agreed`` on a person); the files are written by the write stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .content.base import Page
from .errors import Problem, SiteError
from .pictures.paths import resolve_site_path
from .pictures.process import ImageFile, ProcessedImage, process_image
from .site import (
    Site,
)
from .wordmarkup import Photo

PHOTO_WIDTH = 480
"""Photos in a page are shown at most this wide (CSS px); 2x is made for sharp screens."""


@dataclass
class Photos:
    """Photos processed for this build, collected for writing."""

    site_dir: Path
    cache_dir: Path
    files: dict[PurePosixPath, ImageFile] = field(default_factory=dict)

    def process(self, source: Path, width: int, shown_as: Path, line: int | None) -> ProcessedImage:
        """Return the processed photo, remembering its files for the write stage."""
        image = process_image(source, width, self.cache_dir / "images", shown_as=shown_as, line=line)
        for file in image.files:
            self.files[file.path] = file
        return image


def photo_maker(site: Site, page: Page, photos: Photos, problems: list[Problem]):
    """Return make(reference, alt, line): what photo.html needs to show a photo in a page's body, or None."""
    def make(reference: str, alt: str, line: int) -> Photo | None:
        if not page.meta.photo_consent:
            problems.append(Problem(
                page.file, line, "This page shows a photo, but does not say the people in it agreed.",
                hint="When everyone in the photo has agreed (or no people are in it), add 'photo_consent: yes' "
                     "to the front matter.", rule="PIC-CONSENT"))
        try:
            source = resolve_site_path(site.site_dir, reference, page.file, line)
            image = photos.process(source, PHOTO_WIDTH, page.file, line)
        except SiteError as exc:
            problems.extend(exc.problems)
            return None
        return shown_photo(site, image, alt)
    return make


def shown_photo(site: Site, image: ProcessedImage, alt: str) -> Photo:
    """Return the addresses and size photo.html shows a processed photo with."""
    def srcset(value: str) -> str:
        return ", ".join(site.url("/" + part.strip()) for part in value.split(",") if part.strip())
    return Photo(src=site.url("/" + image.src.as_posix()), srcset_webp=srcset(image.srcset_webp),
                 srcset_fallback=srcset(image.srcset_fallback), width=image.width, height=image.height, alt=alt)


def person_photos(site: Site, photos: Photos) -> list[Problem]:
    """Process the photo of each person who agreed to show one; return the problems."""
    problems: list[Problem] = []
    for page in site.pages_of("person"):
        ref = getattr(page.meta, "photo", "")
        if not ref or not getattr(page.meta, "photo_agreed", False):
            continue
        try:
            source = resolve_site_path(site.site_dir, ref, page.file, page.line_of("photo"))
            image = photos.process(source, 240, page.file, page.line_of("photo"))
        except SiteError as exc:
            problems.extend(exc.problems)
            continue
        site.photos[page.id] = image
    return problems
