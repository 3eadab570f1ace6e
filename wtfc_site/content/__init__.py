"""The content types: one module each, listed once in CONTENT_TYPES.

The mapping is a literal that never changes while the program runs; there
is no registration by import side effect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..discover import page_address, slugify
from ..errors import Problem, SiteError
from ..schema import load_dataclass
from ..sources import RawDoc
from . import accessibility, answer, minutes, page, person, plan, policy, story, update
from .base import CommonMeta, Page


@dataclass(frozen=True)
class ContentType:
    """How to read and show one type of page."""

    name: str
    meta: type[CommonMeta]
    layout: str
    validate: Callable[[Page], list[Problem]] | None = None
    list_title: str = ""
    """The title of the generated page that lists every page of this type."""


CONTENT_TYPES: dict[str, ContentType] = {
    "page": ContentType("page", page.PageMeta, page.LAYOUT),
    "accessibility": ContentType("accessibility", accessibility.AccessibilityMeta, accessibility.LAYOUT),
    "policy": ContentType("policy", policy.PolicyMeta, policy.LAYOUT),
    "plan": ContentType("plan", plan.PlanMeta, plan.LAYOUT),
    "minutes": ContentType("minutes", minutes.MinutesMeta, minutes.LAYOUT, minutes.validate,
                           "Meeting notes"),
    "update": ContentType("update", update.UpdateMeta, update.LAYOUT, None, "News"),
    "story": ContentType("story", story.StoryMeta, story.LAYOUT, story.validate, "Our stories"),
    "person": ContentType("person", person.PersonMeta, person.LAYOUT, person.validate, "Who we are"),
    "answer": ContentType("answer", answer.AnswerMeta, answer.LAYOUT, answer.validate,
                          "You said, we did"),
}

FOLDER_TYPES: dict[str, str] = {
    "pages": "page", "policies": "policy", "plans": "plan", "updates": "update",
    "stories": "story", "people": "person", "you-said-we-did": "answer",
}
"""Plural folder names that read better than the type name; the type name works too."""


def type_from_path(page_id: str) -> str:
    """Return the content type a file's folder implies ('page' at the top level)."""
    parts = PurePosixPath(page_id).parts
    if len(parts) == 1:
        return "page"
    folder = slugify(parts[0])  # 'You Said We Did' is the you-said-we-did folder
    return FOLDER_TYPES.get(folder, folder)


def url_for(page_id: str, slug: str = "") -> str:
    """Return the site path of a page id (clean: lower-case ASCII with hyphens; see discover.page_address)."""
    return page_address(page_id, slug)


def parse(raw: RawDoc, page_id: str) -> Page:
    """Return the typed page for ``raw``; raise SiteError with every problem."""
    declared = raw.meta.get("type")
    name = declared if isinstance(declared, str) and declared else type_from_path(page_id)
    content_type = CONTENT_TYPES.get(name)
    if content_type is None:
        line = raw.lines.line_of(("type",)) if declared else raw.lines.first_line
        raise SiteError(Problem(
            raw.file, line, f"'{name}' is not a type of page we know.",
            hint=(f"Change 'type: {name}' to one of " + ", ".join(sorted(CONTENT_TYPES)) + "." if declared else
                  "Move the file into one of the folders " + ", ".join(sorted(set(CONTENT_TYPES) | set(FOLDER_TYPES)))
                  + ", or add 'type: page' to its front matter."),
            rule="SITE-UNKNOWN-TYPE"))
    meta = load_dataclass(content_type.meta, raw.meta, raw.lines, raw.file)
    page_obj = Page(id=page_id, file=raw.file, path=raw.path, url=url_for(page_id, meta.slug),
                    content_type=name, meta=meta, lines=raw.lines, body=raw.body,
                    body_line=raw.body_line)
    problems = content_type.validate(page_obj) if content_type.validate else []
    if problems:
        raise SiteError(problems)
    return page_obj
