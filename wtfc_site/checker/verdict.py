"""Is this text easy read? A rate-based verdict for ``check --text``.

Real easy read is not "zero findings": good easy-read documents still use
a few hard words (explained), the odd long sentence or a passive. So the
verdict looks at RATES, each a setting in ``CheckerSettings.verdict``:

1. Average sentence length: at most ``max_average_sentence_words`` (15).
   DH09 and PIF set 15 words as the most for one sentence; AEE measured UK
   easy read at 11 to 14 words a sentence on average.
2. Long sentences: the share of sentences over the error length (20
   words, ER-SENT-LEN errors) is at most ``max_long_sentence_share``
   (0.15), so one long sentence does not fail a page.
3. Errors per 100 words: at most ``max_errors_per_100_words`` (2).
   Errors are unexplained rare words and jargon, sentences over 20 words,
   dates in numbers, Roman numerals, italics and so on.
4. Warnings per 100 words: at most ``max_warnings_per_100_words`` (8).
5. Errors and warnings per sentence: at most
   ``max_findings_per_sentence`` (1): on average no more than one
   problem in each sentence, so a page of short sentences that each
   break a rule still fails.

Only the findings that count: not silenced, not info, and not from a
rule in ``ignore_rules`` (by default the picture rules, which a loose text
file cannot meet). A text passes when all 5 hold. ``reasons`` says, in
plain English, which failed (or that all passed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..errors import Problem, Severity
from .settings import CheckerSettings


@dataclass(frozen=True)
class Verdict:
    """Whether a text counts as easy read, with the rates behind the answer."""

    easy_read: bool
    word_count: int
    sentence_count: int
    errors: int
    warnings: int
    errors_per_100_words: float
    warnings_per_100_words: float
    findings_per_sentence: float
    average_sentence_words: float
    long_sentence_share: float
    reasons: tuple[str, ...]

    def summary(self) -> str:
        """Return one line such as 'easy read: yes (11.2 words a sentence, 0.8 errors per 100 words)'."""
        answer = "yes" if self.easy_read else "no"
        return (
            f"easy read: {answer} ({self.average_sentence_words:.1f} words a sentence, "
            f"{self.errors_per_100_words:.1f} errors and {self.warnings_per_100_words:.1f} warnings per 100 words)"
        )


def text_verdict(
    problems: Iterable[Problem],
    word_count: int,
    sentence_count: int,
    settings: CheckerSettings,
) -> Verdict:
    """Return the easy-read verdict for a text from its findings and counts (see the module docstring)."""
    limits = settings.verdict
    ignored = set(limits.ignore_rules)
    counted = [
        p for p in problems
        if not p.silenced and p.severity is not Severity.INFO and p.rule not in ignored
    ]
    errors = sum(p.severity is Severity.ERROR for p in counted)
    warnings = sum(p.severity is Severity.WARNING for p in counted)
    long_sentences = sum(
        p.rule == "ER-SENT-LEN" and p.severity is Severity.ERROR for p in counted
    )
    words = max(word_count, 1)
    sentences = max(sentence_count, 1)
    errors_rate = 100 * errors / words
    warnings_rate = 100 * warnings / words
    per_sentence = (errors + warnings) / sentences
    average = word_count / sentences
    long_share = long_sentences / sentences

    reasons: list[str] = []
    if average > limits.max_average_sentence_words:
        reasons.append(
            f"Sentences are {average:.1f} words long on average; easy read keeps to "
            f"{limits.max_average_sentence_words:g} or fewer."
        )
    if long_share > limits.max_long_sentence_share:
        reasons.append(
            f"{long_sentences} of {sentence_count} sentences are over "
            f"{settings.sentence_words.error} words."
        )
    if errors_rate > limits.max_errors_per_100_words:
        reasons.append(
            f"{errors_rate:.1f} errors per 100 words (the most for easy read is "
            f"{limits.max_errors_per_100_words:g})."
        )
    if warnings_rate > limits.max_warnings_per_100_words:
        reasons.append(
            f"{warnings_rate:.1f} warnings per 100 words (the most for easy read is "
            f"{limits.max_warnings_per_100_words:g})."
        )
    if per_sentence > limits.max_findings_per_sentence:
        reasons.append(
            f"{per_sentence:.2f} problems per sentence (the most for easy read is "
            f"{limits.max_findings_per_sentence:g})."
        )
    if word_count == 0:
        reasons.append("There is no text to check.")
    easy = not reasons
    if easy:
        reasons.append("Short sentences and few problems for its length.")
    return Verdict(
        easy_read=easy,
        word_count=word_count,
        sentence_count=sentence_count,
        errors=errors,
        warnings=warnings,
        errors_per_100_words=round(errors_rate, 2),
        warnings_per_100_words=round(warnings_rate, 2),
        findings_per_sentence=round(per_sentence, 3),
        average_sentence_words=round(average, 2),
        long_sentence_share=round(long_share, 3),
        reasons=tuple(reasons),
    )
