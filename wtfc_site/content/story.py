"""A real story in the person's own words, published only with consent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Problem
from .base import CommonMeta, Page

LAYOUT = "story.html"


@dataclass(frozen=True, kw_only=True)
class StoryMeta(CommonMeta):
    """Front matter of a story."""

    consent: bool
    """yes only when the person agreed to share this story on the website."""
    told_by: str
    """Who gave the story, as they want to be named, e.g. 'Sam, a member of Speak Up'."""
    consent_date: dt.date | None = None
    """When they agreed."""
    consent_recorded_by: str = ""
    """Who asked them and wrote down their answer, e.g. 'Sam Okafor, co-production worker'."""
    consent_covers: str = ""
    """Where they agreed it can be shared, e.g. 'this website and our printed newsletter'."""
    consent_review_by: dt.date | None = None
    """When to ask them again. After this date the build warns, naming the story."""
    date: dt.date | None = None
    """When the story was written down."""


def validate(page: Page) -> list[Problem]:
    """Return a problem when the story has no consent to publish."""
    meta = page.meta
    assert isinstance(meta, StoryMeta)
    if meta.consent:
        return []
    return [Problem(
        page.file, page.line_of("consent"),
        "This story says the person did not agree to share it, so it cannot be published.",
        hint="Only publish a story when the person said yes. Then write 'consent: yes', "
             "or move the file out of content/.",
        rule="SITE-CONSENT")]
