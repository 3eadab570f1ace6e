"""Who is who in the partnership, listed on the 'Who we are' page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Problem
from .base import CommonMeta, Page

LAYOUT = "person.html"


@dataclass(frozen=True, kw_only=True)
class PersonMeta(CommonMeta):
    """Front matter of a person. The title is the person's name."""

    role: str
    """What they do in the partnership, in plain words."""
    organisation: str = ""
    """Where they work or which group they belong to."""
    lived_experience: bool = False
    """yes if they bring lived experience (of a learning disability, autism, or as family)."""
    photo: str = ""
    """A photo of them, a path inside content/, e.g. people/photos/sam.jpg."""
    photo_alt: str = ""
    """What the photo shows, for people who cannot see it."""
    photo_agreed: bool = False
    """yes only when the person agreed to this photo of them being on the website."""
    photo_agreed_on: dt.date | None = None
    """When they agreed to the photo."""
    photo_review_by: dt.date | None = None
    """When to ask them again about the photo. After this date the build warns, naming the page."""


def validate(page: Page) -> list[Problem]:
    """Return problems with the person's photo: it needs words and consent."""
    meta = page.meta
    assert isinstance(meta, PersonMeta)
    problems = []
    if meta.photo and not meta.photo_alt:
        problems.append(Problem(
            page.file, page.line_of("photo"), "This photo has no words saying what it shows.",
            hint="Add 'photo_alt:' with a few words, for example 'Sam smiling in the garden'.",
            rule="PIC-ALT-MISSING"))
    if meta.photo and not meta.photo_agreed:
        problems.append(Problem(
            page.file, page.line_of("photo"), "We cannot show this photo until the person agrees.",
            hint="When they have agreed to this photo of them, add 'photo_agreed: yes' "
                 "('photo_consent' is about other photos on the page).", rule="PIC-CONSENT"))
    return problems
