"""Is this text easy read? A verdict by evidence, for ``check --text`` and each easy-read page.

Real easy read is not "zero findings": published easy-read documents use a
few hard words (explained), the odd long sentence or passive. What tells
them apart from standard documents is how DENSE the findings are and how
many sentences are long, not any one sentence. So a text is easy read when
all 3 hold (each limit a setting in ``CheckerSettings.verdict``):

1. Findings per 100 words: errors and warnings together, at most
   ``max_findings_per_100_words``. Info notes never count (the readability
   score, "this sentence has brackets" ...), nor silenced findings, nor the
   rules in ``ignore_rules`` (pictures, which a loose text cannot have, and
   the length rules, measured by 2 and 3 instead; the size of a point too,
   which in a document copied from a PDF mostly shows lost layout).
2. Share of long sentences (over ``sentence_words.error``, 20 words): at
   most ``max_long_sentence_share``, so a minority of long sentences among
   short ones passes, as easy-read practitioners accept.
3. Average sentence length: at most ``max_average_sentence_words``.

Rates are worked out as if the text had at least ``small_text_words``
words (and a tenth as many sentences), so one finding in 12 words does not
decide a verdict alone.

The limits were tuned by cross-validation on the labelled passages in
``tests/passages`` and ``tests/passages_holdout`` (``bench/measure_verdict.py``);
the README gives the measured agreement, and the held-out figure measured
before anything was changed for the second folder. ``reasons`` says in plain English which limits failed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import Problem, Severity
from .settings import CheckerSettings

LONG_SENTENCE_RULE = "ER-SENT-LEN"


@dataclass(frozen=True)
class Verdict:
    """Whether a text counts as easy read, with the rates behind the answer."""

    easy_read: bool
    word_count: int
    sentence_count: int
    errors: int
    warnings: int
    findings_per_100_words: float
    average_sentence_words: float
    long_sentences: int
    long_sentence_share: float
    reasons: tuple[str, ...]

    def summary(self) -> str:
        """Return one line such as 'easy read: yes (11.2 words a sentence, 1.5 findings per 100 words, ...)'."""
        answer = "yes" if self.easy_read else "no"
        return (
            f"easy read: {answer} ({self.average_sentence_words:.1f} words a sentence, "
            f"{self.findings_per_100_words:.1f} findings per 100 words, "
            f"{self.long_sentences} of {self.sentence_count} sentences long)"
        )


def counted_findings(problems: Iterable[Problem], settings: CheckerSettings) -> list[Problem]:
    """Return the findings the density counts: errors and warnings, not silenced, not ignored."""
    ignored = set(settings.verdict.ignore_rules)
    return [
        p for p in problems
        if not p.silenced and p.severity is not Severity.INFO and p.rule not in ignored
    ]


def _long_sentences(problems: Iterable[Problem]) -> int:
    """Count the sentences over the error length (ER-SENT-LEN errors, unless silenced)."""
    return sum(
        p.rule == LONG_SENTENCE_RULE and p.severity is Severity.ERROR and not p.silenced for p in problems
    )


def text_verdict(
    problems: Iterable[Problem],
    word_count: int,
    sentence_count: int,
    settings: CheckerSettings,
) -> Verdict:
    """Return the easy-read verdict for a text from its findings and counts (see the module docstring)."""
    problems = list(problems)
    limits = settings.verdict
    counted = counted_findings(problems, settings)
    errors = sum(p.severity is Severity.ERROR for p in counted)
    warnings = len(counted) - errors
    long_sentences = _long_sentences(problems)
    floor_words = max(word_count, limits.small_text_words, 1)
    floor_sentences = max(sentence_count, limits.small_text_words // 10, 1)
    density = 100 * len(counted) / floor_words
    long_share = long_sentences / floor_sentences
    average = word_count / max(sentence_count, 1)

    reasons: list[str] = []
    if word_count == 0:
        reasons.append("There is no text to check.")
    if density > limits.max_findings_per_100_words:
        reasons.append(
            f"{density:.1f} errors and warnings per 100 words; easy read has "
            f"{limits.max_findings_per_100_words:g} or fewer."
        )
    if long_share > limits.max_long_sentence_share:
        reasons.append(
            f"{long_sentences} of {sentence_count} sentences are over {settings.sentence_words.error} words; "
            f"easy read keeps that to {limits.max_long_sentence_share:.0%} or fewer."
        )
    if average > limits.max_average_sentence_words:
        reasons.append(
            f"Sentences are {average:.1f} words long on average; easy read keeps to "
            f"{limits.max_average_sentence_words:g} or fewer."
        )
    easy = not reasons
    if easy:
        reasons.append("Short sentences and few problems for its length.")
    return Verdict(
        easy_read=easy,
        word_count=word_count,
        sentence_count=sentence_count,
        errors=errors,
        warnings=warnings,
        findings_per_100_words=round(density, 2),
        average_sentence_words=round(average, 2),
        long_sentences=long_sentences,
        long_sentence_share=round(long_share, 3),
        reasons=tuple(reasons),
    )
