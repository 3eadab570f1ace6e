"""The easy-read and plain-English text rules, as data plus small functions.

``RULES`` is a literal tuple of ``Rule`` records built once at import, with
no registration side effects. Each rule's ``check`` takes a ``PointView``
(one point, already split into sentences and words) and the ``PageContext``,
or only the ``PageContext`` for page-level rules, and returns Problems.

Rule ids, thresholds and sources are those of ``easyread-rules.md``; each
check's comment cites its rule number there. Every threshold comes from
``CheckerSettings`` and every word list from ``WordLists``.

The rules are split by family, one module each: ``sentences``, ``structure``,
``numbers``, ``words`` and ``page``; ``common`` and ``context`` hold what they
share. This module keeps the registry and re-exports the public names, so
callers import from ``wtfc_site.checker.rules`` as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ...errors import Problem
from .common import apply_severity_overrides, severity_from, word_zipf  # noqa: F401
from .context import (  # noqa: F401
    ALL,
    EASY_READ,
    QUOTE,
    SENTENCE_KINDS,
    WORD_KINDS,
    PageContext,
    PointCounts,
    PointView,
    make_context,
    make_view,
)
from .numbers import (  # noqa: F401
    check_big_numbers,
    check_dates,
    check_number_words,
    check_percentages,
    check_roman,
    check_soft_hyphen,
    check_symbols,
)
from .page import check_bold_share, check_page_words, check_readability, reading_counts  # noqa: F401
from .sentences import (  # noqa: F401
    check_active,
    check_contraction,
    check_negative,
    check_one_idea,
    check_sentence_length,
)
from .structure import (  # noqa: F401
    PICTURE_TEXT,
    check_list,
    check_no_caps,
    check_no_italic,
    check_no_underline,
    check_one_sentence_per_line,
    check_paragraph_length,
    check_picture,
    check_picture_text,
    check_quoted,
)
from .words import (  # noqa: F401
    check_abbreviations,
    check_consistent,
    check_foreign,
    check_hard_words,
    check_idioms,
    check_jargon,
    check_preferred_terms,
    word_difficulty,
)

# --- the registry -----------------------------------------------------------------------------

POINT = "point"
PAGE = "page"


@dataclass(frozen=True)
class Rule:
    """One rule: its id, which pages it applies to and its check (each finding carries its own severity)."""

    id: str
    applies_to: str
    """"easy-read" (easy-read pages only) or "all" (standard pages too)."""
    check: Callable[..., list[Problem]]
    per: str = POINT
    """"point": check(view, ctx) for each point; "page": check(ctx) once."""
    text: bool = True
    """False for rules about pictures, which ``check --text`` leaves out."""
    kinds: frozenset[str] = WORD_KINDS
    """Kinds of point a point rule reads (people's own words, "quote", get only ER-QUOTED)."""


RULES: tuple[Rule, ...] = (
    Rule("ER-SENT-LEN", ALL, check_sentence_length, kinds=SENTENCE_KINDS),
    Rule("ER-ONE-IDEA", EASY_READ, check_one_idea, kinds=SENTENCE_KINDS),
    Rule("ER-ACTIVE", EASY_READ, check_active, kinds=SENTENCE_KINDS),
    Rule("ER-NEGATIVE", EASY_READ, check_negative, kinds=SENTENCE_KINDS),
    Rule("ER-CONTRACTION", ALL, check_contraction),
    Rule("ER-PARA-LEN", EASY_READ, check_paragraph_length, kinds=SENTENCE_KINDS),
    Rule("ER-LIST", EASY_READ, check_list, kinds=SENTENCE_KINDS),
    Rule("ER-NUM-DIGITS", EASY_READ, check_number_words),
    Rule("ER-NUM-BIG", EASY_READ, check_big_numbers),
    Rule("ER-NUM-PERCENT", EASY_READ, check_percentages),
    Rule("ER-DATE", ALL, check_dates),
    Rule("ER-ROMAN", ALL, check_roman),
    Rule("ER-SYMBOLS", EASY_READ, check_symbols),
    Rule("ER-ABBR", ALL, check_abbreviations, per=PAGE),
    Rule("ER-HARD-WORD", EASY_READ, check_hard_words, per=PAGE),
    Rule("ER-JARGON", ALL, check_jargon),
    Rule("ER-IDIOM", ALL, check_idioms),
    Rule("ER-CONSISTENT", EASY_READ, check_consistent, per=PAGE),
    Rule("ER-FOREIGN", ALL, check_foreign),
    Rule("ER-PREFERRED-TERMS", ALL, check_preferred_terms),
    Rule("ER-NO-ITALIC", ALL, check_no_italic),
    Rule("ER-NO-UNDERLINE", ALL, check_no_underline),
    Rule("ER-NO-CAPS", ALL, check_no_caps),
    Rule("ER-BOLD-ONLY-FOR-HARD-WORDS", EASY_READ, check_bold_share, per=PAGE),
    Rule("ER-NO-HYPHEN-BREAK", ALL, check_soft_hyphen),
    Rule("ER-ONE-SENTENCE-PER-LINE", EASY_READ, check_one_sentence_per_line, kinds=SENTENCE_KINDS),
    Rule("ER-PIC-PER-IDEA", EASY_READ, check_picture, text=False, kinds=SENTENCE_KINDS),
    Rule("ER-PAGE-WORDS", EASY_READ, check_page_words, per=PAGE),
    Rule("ER-READABILITY", ALL, check_readability, per=PAGE),
    Rule("ER-QUOTED", ALL, check_quoted, kinds=frozenset({QUOTE})),
    Rule("ER-PICTURE-TEXT", ALL, check_picture_text, kinds=frozenset({PICTURE_TEXT})),
)
"""Every text rule, in the order findings are made."""

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
"""The rules by id."""


def run_rules(ctx: PageContext, rules: Iterable[Rule]) -> Iterator[Problem]:
    """Run the given rules over the page in ``ctx``."""
    rules = list(rules)
    by_kind: dict[str, list[Callable[..., list[Problem]]]] = {}
    found: list[Problem] = []  # one list extended, not a generator resumed for every rule on every point
    for view in ctx.views:
        if not ctx.reports(view):
            continue
        kind = view.kind
        if kind not in by_kind:
            by_kind[kind] = [r.check for r in rules if r.per == POINT and kind in r.kinds]
        for check in by_kind[kind]:
            found.extend(check(view, ctx))
    for rule in rules:
        if rule.per == PAGE:
            found.extend(rule.check(ctx))
    return iter(found)
