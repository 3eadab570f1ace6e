"""The accessibility statement: what the partnership writes itself.

The layout (accessibility.html) adds what the build knows: the standard, the
checks it ran and their date, the contact details and who enforces the law,
following the UK public-sector model statement. The partnership writes only
what nobody else can know: how well the site works, what does not work yet,
and how people tested it. wtfc_site/statement_check.py says when a part is missing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .base import CommonMeta

LAYOUT = "accessibility.html"


@dataclass(frozen=True, kw_only=True)
class KnownProblem:
    """One thing on the site that does not meet the standard yet."""

    what: str
    """What does not work, and for whom, in one or two easy-read sentences."""
    fix_by: dt.date | None = None
    """When it will be fixed."""


@dataclass(frozen=True, kw_only=True)
class AccessibilityMeta(CommonMeta):
    """Front matter of the accessibility statement (content/accessibility.md, type: accessibility)."""

    status: Literal["fully", "partly", "not"] | None = None
    """How well the site meets WCAG 2.2 level AA: fully, partly or not."""
    known_problems: tuple[KnownProblem, ...] | None = None
    """What does not work yet; write 'known_problems: []' when you know of none."""
    tested_by: str = ""
    """Who tested the site with real people, and how, for example '5 members of Speak Up Riverside'."""
    tested_on: dt.date | None = None
    """When people last tested the site."""
    review_by: dt.date | None = None
    """When the statement will next be checked."""
