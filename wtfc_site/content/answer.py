"""'You said, we did': an answer to what people told the partnership."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Problem
from .base import CommonMeta, Page

LAYOUT = "answer.html"


@dataclass(frozen=True, kw_only=True)
class AnswerMeta(CommonMeta):
    """Front matter of a 'You said, we did' answer."""

    date: dt.date
    """When the partnership answered."""
    you_said: str
    """What people told us, in our words (no names or contact details)."""
    we_did: str
    """What we did about it, in one or two short sentences."""
    quote: str = ""
    """Someone's own words, only if they agreed to share them."""
    quote_consent: bool = False
    """yes when the person agreed their words can be shown."""
    evidence: tuple[str, ...] = ()
    """Pages or actions that show what changed, e.g. updates/new-bus or minutes/2026-01-21-board#a3."""


def validate(page: Page) -> list[Problem]:
    """Return a problem when a quote is shown without consent."""
    meta = page.meta
    assert isinstance(meta, AnswerMeta)
    if meta.quote and not meta.quote_consent:
        return [Problem(
            page.file, page.line_of("quote"),
            "This quote cannot be shown because the person has not agreed to share it.",
            hint="Ask them first. Then add 'quote_consent: yes', or delete the quote.",
            rule="SITE-CONSENT")]
    return []
