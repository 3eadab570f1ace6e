"""Page rules: share of bold words, number of words on a page, readability."""

from __future__ import annotations

from ...errors import Problem, Severity
from ..text import (
    TextCounts,
    count_sentences,
    tokenize,
)
from .context import SENTENCE_KINDS, PageContext


def check_bold_share(ctx: PageContext) -> list[Problem]:
    """ER-BOLD-ONLY-FOR-HARD-WORDS: note when over 10% of words are bold (PF, GOVUK-AF, GDS; rule 25)."""
    total = sum(s.word_count for v in ctx.checked for s in v.sentences)
    bold = sum(len(tokenize(b)) for v in ctx.checked for b in v.point.bold)
    if not total or bold / total <= ctx.settings.bold.max_share:
        return []
    share = round(100 * bold / total)
    return [
        ctx.problem("ER-BOLD-ONLY-FOR-HARD-WORDS", Severity.INFO, None, None,
                    f"{share}% of the words on this page are bold.",
                    "Use bold only for hard words, so they stand out.")
    ]


def check_page_words(ctx: PageContext) -> list[Problem]:
    """ER-PAGE-WORDS: warn over 500 words, error over 1,000 on an easy-read page (ERS, DH09, GOVUK-AF; rule 44)."""
    if ctx.known is None:
        total = sum(v.word_count for v in ctx.views)
    else:
        total = ctx.known.words + sum(v.word_count for v in ctx.views if ctx.reports(v))
    limits = ctx.settings.page_words
    if total <= limits.warn:
        return []
    severity = Severity.ERROR if total > limits.error else Severity.WARNING
    return [
        ctx.problem("ER-PAGE-WORDS", severity, None, None,
                    f"This page has {total:,} words.",
                    f"Easy-read pages work best under {limits.warn} words. Split it into parts, each on its own page.")
    ]


def reading_counts(ctx: PageContext) -> TextCounts:
    """Return the TextCounts of the page's sentences (paragraphs and list items, not quotes), counted once a page."""
    if ctx.counts is None:
        if ctx.known is None:
            ctx.counts = count_sentences(s for v in ctx.views if v.kind in SENTENCE_KINDS for s in v.sentences)
        else:  # the known views' counts plus the others': the same sums, without splitting the known views
            more = count_sentences(s for v in ctx.views if v.kind in SENTENCE_KINDS and ctx.reports(v)
                                   for s in v.sentences)
            known = ctx.known.reading
            ctx.counts = TextCounts(known.words + more.words, known.sentences + more.sentences,
                                    known.syllables + more.syllables)
    return ctx.counts


def check_readability(ctx: PageContext) -> list[Problem]:
    """ER-READABILITY: Flesch scores as information only (WCAG 3.1.5, NORF; rule 53).

    Always info, never a warning: the rules say scores must never block,
    and real easy read with short words can still score "hard" (issue 15).
    """
    counts = reading_counts(ctx)
    if not counts.words:
        return []
    settings = ctx.settings.readability
    ease, grade = counts.reading_ease, counts.grade
    target = ctx.sentence_limits.page_average_target
    summary = (
        f"Reading ease {ease:.0f} (Flesch), grade {grade:.1f} (Flesch-Kincaid), "
        f"{counts.words} words, {counts.average_sentence_words:.1f} words a sentence on average "
        f"(aim for {target} or fewer)."
    )
    hard = grade > settings.fk_grade_warn or ease < settings.fre_warn_below
    if ctx.easy_read and counts.words >= settings.min_words and hard:
        return [
            ctx.problem("ER-READABILITY", Severity.INFO, None, None, f"This page may be hard to read. {summary}",
                        "Use shorter sentences and common words. Scores are only a guide: ask readers.")
        ]
    return [
        ctx.problem("ER-READABILITY", Severity.INFO, None, None, summary,
                    "Scores are only a guide, and mean little under 100 words.")
    ]
