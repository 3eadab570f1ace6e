"""The co-production checklist: a definition, results files, and their pages.

The definition (5 big ideas, each with parts to rate) ships with the engine
in ``wtfc_site/data/checklist_lga2017.yaml``; a site may use its own in
``content/checklist/definition.yaml``. Each check is one results file,
``content/checklist/<YYYY-MM>.yaml``, that rates every part of the
definition. The README, "Co-production checklist results", shows the shape of both files.

A big idea's overall rating is the rating most of its parts have; a tie
goes to the lower rating, so a partnership never looks better than most of
its parts are.

The work is split by stage: ``data`` reads and checks the files,
``links`` checks and makes the links to and from other pages,
``pages`` makes the pages, and ``text`` gives the
checklist's own words to the easy-read checker. The names tests and other
modules use are imported here, so ``wtfc_site.content.checklist`` works as
before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...datasets import DataResult
from ...errors import Problem, SiteError
from .data import (
    CHECK_NAME,
    DEFAULT_DEFINITION,
    RATINGS,
    SITE_DEFINITION,
    SYMBOLS,
    Check,
    CheckFile,
    Checklist,
    Definition,
    Evidence,
    IdeaDefinition,
    ItemDefinition,
    ItemResult,
    TookPart,
    read_check,
    read_checklist,
    read_definition,
    validate_check,
    validate_definition,
)
from .links import (
    ACTION_REF,
    BASE_URL,
    anchor,
    check_action_refs,
    check_evidence_links,
    is_external,
    item_of,
    item_url,
    make_backlinks,
)
from .pages import (
    CheckView,
    EvidenceView,
    IdeaView,
    ItemView,
    Rated,
    check_view,
    compare,
    evidence_href,
    history,
    idea_view,
    make_pages,
    overall,
    words_explained,
)
from .text import make_texts

__all__ = [
    "ACTION_REF", "BASE_URL", "CHECK_NAME", "DEFAULT_DEFINITION", "RATINGS", "SITE_DEFINITION", "SYMBOLS",
    "Check", "CheckFile", "CheckView", "Checklist", "Definition", "Evidence", "EvidenceView", "IdeaDefinition",
    "IdeaView", "ItemDefinition", "ItemResult", "ItemView", "Rated", "TookPart", "anchor", "check_action_refs",
    "check_evidence_links", "check_view", "compare", "evidence_href", "history", "idea_view", "is_external",
    "item_of", "item_url", "load_checklist", "make_backlinks", "make_pages", "make_texts", "overall",
    "read_check", "read_checklist", "read_definition", "validate_check", "validate_definition",
    "words_explained",
]


def load_checklist(site: Any, files: tuple[Path, ...]) -> DataResult:
    """Read the checklist files; return its pages, text, backlinks and problems."""
    problems: list[Problem] = []
    try:
        checklist = read_checklist(site, files, problems)
    except SiteError as exc:
        return DataResult(problems=tuple(problems) + exc.problems)
    problems += check_evidence_links(site, checklist) + check_action_refs(site, checklist)
    if not checklist.checks:
        return DataResult(problems=tuple(problems), data=checklist)
    return DataResult(pages=tuple(make_pages(site, checklist)), texts=tuple(make_texts(site, checklist)),
                      backlinks=make_backlinks(site, checklist), problems=tuple(problems),
                      data=checklist)
