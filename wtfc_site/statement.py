"""The accessibility statement: the check that it is there and complete.

The UK public-sector model statement (the Public Sector Bodies Accessibility
Regulations 2018) asks for: the standard and how well the site meets it,
what does not work yet, how to ask for another format, how to report a
problem, who enforces the law, how the site was tested and when, and when
the statement was written and will be reviewed. The layout writes the parts
the build knows (accessibility.html); this module warns when the parts only
the partnership can write are missing.
"""

from __future__ import annotations

from pathlib import Path

from .content.accessibility import AccessibilityMeta
from .content.base import Page
from .errors import Problem, Severity
from .site import Site

STATEMENT_TYPE = "accessibility"


def statement_page(site: Site) -> Page | None:
    """Return the site's accessibility statement, if it has one."""
    pages = site.pages_of(STATEMENT_TYPE)
    return pages[0] if pages else None


def check_statement(site: Site) -> list[Problem]:
    """Return a warning for a missing statement, or for each part the partnership must write."""
    page = statement_page(site)
    if page is None:
        return [_missing(site)]
    meta = page.meta
    assert isinstance(meta, AccessibilityMeta)
    problems = []

    def warn(key: str, message: str, hint: str) -> None:
        problems.append(Problem(page.file, page.line_of(key),
                                message, hint=hint, rule="A11Y-STATEMENT", severity=Severity.WARNING))
    if meta.status is None:
        warn("status", "The accessibility statement does not say how well the website meets the standard.",
             "Add 'status: fully', 'status: partly' or 'status: not' to the front matter.")
    if meta.known_problems is None:
        warn("known_problems", "The accessibility statement does not list what does not work yet.",
             "Add 'known_problems:' with one '- what: …' (and 'fix_by: YYYY-MM-DD') for each, "
             "or 'known_problems: []' when you know of none.")
    elif meta.status in ("partly", "not") and not meta.known_problems:
        warn("known_problems", f"The statement says the website {meta.status} meets the standard, "
                               "but lists no problems.",
             "List what does not work under 'known_problems:', or change the status.")
    if meta.updated is None:
        warn("updated", "The accessibility statement does not say when it was written.",
             "Add 'updated: YYYY-MM-DD' with the date you wrote or last changed it.")
    if meta.review_by is None:
        warn("review_by", "The accessibility statement does not say when it will be checked again.",
             "Add 'review_by: YYYY-MM-DD', at most a year away.")
    elif meta.review_by < site.today:
        warn("review_by", f"The accessibility statement should have been checked again by {meta.review_by:%d %B %Y}.",
             "Check the statement is still true, then change 'updated:' and 'review_by:'.")
    if not meta.tested_by:
        warn("tested_by", "The accessibility statement does not say who tested the website with real people.",
             "Add 'tested_by:', for example '5 members of our self-advocacy group, on phones and computers'.")
    return problems


def _missing(site: Site) -> Problem:
    other = site.by_url.get("/accessibility/")
    if other is not None:
        return Problem(other.file, other.line_of("title"),
                       "This page is not marked as the accessibility statement, so the parts the law asks for "
                       "are not added.", hint="Add 'type: accessibility' to its front matter.",
                       rule="A11Y-STATEMENT", severity=Severity.WARNING)
    return Problem(Path("content") / "accessibility.md", None, "The website has no accessibility statement.",
                   hint="Make content/accessibility.md with 'type: accessibility', a title, 'status:', "
                        "'known_problems:', 'tested_by:', 'updated:' and 'review_by:'. The build writes the rest.",
                   rule="A11Y-STATEMENT", severity=Severity.WARNING)
