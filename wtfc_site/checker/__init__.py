"""The easy-read and plain-English text checker.

Public API::

    settings = CheckerSettings()                      # or filled from site.yaml's checker:
    words = load_wordlists(glossary, abbreviations)   # once per build
    problems = check_page(page_text, settings, words) # per page -> list[Problem]

    report = check_document(text, Path("notes.md"), settings, words)  # check --text
    report.verdict.easy_read, report.problems

The names are loaded when first used (PEP 562), so importing
``wtfc_site.checker.settings`` for a site's settings does not load the
rules and wordfreq's word lists: ``check --text`` and ``--help`` start fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "CheckerSettings": "settings",
    "DocumentReport": "page",
    "PageCheck": "page",
    "PointCounts": "page",
    "check_document": "page",
    "check_page": "page",
    "page_counts": "page",
    "page_verdict": "page",
    "run_page_check": "page",
    "RULES": "rules",
    "RULES_BY_ID": "rules",
    "Rule": "rules",
    "apply_severity_overrides": "rules",
    "Verdict": "verdict",
    "text_verdict": "verdict",
    "WordLists": "wordlists",
    "load_wordlists": "wordlists",
    "page_from_text": "plaintext",
    "text_to_points": "plaintext",
}

__all__ = [
    "CheckerSettings", "DocumentReport", "PageCheck", "PointCounts", "RULES", "RULES_BY_ID", "Rule", "Verdict", "WordLists",
    "apply_severity_overrides", "check_document", "check_page", "load_wordlists", "page_counts",
    "page_from_text", "page_verdict", "run_page_check", "text_to_points", "text_verdict",
]

if TYPE_CHECKING:
    from .page import (
        DocumentReport,
        PageCheck,
        PointCounts,
        check_document,
        check_page,
        page_counts,
        page_verdict,
        run_page_check,
    )
    from .plaintext import page_from_text, text_to_points
    from .rules import RULES, RULES_BY_ID, Rule, apply_severity_overrides
    from .settings import CheckerSettings
    from .verdict import Verdict, text_verdict
    from .wordlists import WordLists, load_wordlists


def __getattr__(name: str) -> Any:
    """Load a public name from its module the first time it is asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
