"""The easy-read verdict, proved on realistic passages (tests/passages/easy and hard).

The passages were written for this project: "easy" ones as UK partnerships
write easy read, "hard" ones in the style of board papers, strategies and
minutes on the same topics, including borderline cases (plain English that
is not easy read is "hard"; easy read with one long sentence is "easy").
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from wtfc_site.checker import (
    CheckerSettings,
    check_document,
    check_page,
    load_wordlists,
    page_counts,
    page_from_text,
    text_verdict,
)
from wtfc_site.errors import Problem, Severity

PASSAGES = Path(__file__).parent / "passages"
SETTINGS = CheckerSettings()
WORDS = load_wordlists({}, {})


def _passages() -> list[tuple[Path, bool]]:
    easy = sorted((PASSAGES / "easy").glob("*.md"))
    hard = sorted((PASSAGES / "hard").glob("*.md"))
    return [(p, True) for p in easy] + [(p, False) for p in hard]


def _verdict(path: Path):
    page = page_from_text(path.read_text(encoding="utf-8"), path)
    problems = check_page(page, SETTINGS, WORDS, text_only=True)
    counts = page_counts(page, SETTINGS)
    return text_verdict(problems, counts.words, counts.sentences, SETTINGS)


def test_there_are_enough_passages():
    passages = _passages()
    assert sum(1 for _, easy in passages if easy) >= 18
    assert sum(1 for _, easy in passages if not easy) >= 18


def test_verdict_agrees_with_the_labels(capsys):
    passages = _passages()
    wrong = []
    for path, expected in passages:
        verdict = _verdict(path)
        if verdict.easy_read != expected:
            wrong.append(f"{path.parent.name}/{path.name}: {verdict.summary()} {verdict.reasons}")
    agreed = len(passages) - len(wrong)
    share = 100 * agreed / len(passages)
    with capsys.disabled():
        print(f"\nverdict agreement: {agreed}/{len(passages)} = {share:.1f}%")
        for line in wrong:
            print("  disagrees:", line)
    assert share >= 90.0, wrong


@pytest.mark.parametrize("path", [p for p, easy in _passages() if easy][:3], ids=lambda p: p.name)
def test_check_document_gives_the_same_verdict(path):
    report = check_document(path.read_text(encoding="utf-8"), path, SETTINGS, WORDS)
    assert report.verdict == _verdict(path)
    assert report.verdict.easy_read


# --- the verdict's own rules -------------------------------------------------------------


def _problem(rule: str, severity: Severity, silenced: str = "") -> Problem:
    return Problem(Path("x.md"), 1, "m", rule=rule, severity=severity, silenced=silenced)


def test_a_few_findings_in_a_long_text_still_pass():
    problems = [_problem("ER-HARD-WORD", Severity.ERROR), _problem("ER-ACTIVE", Severity.WARNING)]
    verdict = text_verdict(problems, word_count=200, sentence_count=20, settings=SETTINGS)
    assert verdict.easy_read
    assert verdict.errors_per_100_words == 0.5 and verdict.warnings_per_100_words == 0.5


def test_one_long_sentence_in_ten_still_passes():
    problems = [_problem("ER-SENT-LEN", Severity.ERROR)]
    assert text_verdict(problems, 100, 10, SETTINGS).easy_read


def test_long_average_sentences_fail():
    verdict = text_verdict([], 200, 10, SETTINGS)
    assert not verdict.easy_read
    assert verdict.reasons == ("Sentences are 20.0 words long on average; easy read keeps to 15 or fewer.",)


def test_many_findings_per_sentence_fail_even_with_short_sentences():
    problems = [_problem("ER-JARGON", Severity.WARNING)] * 12
    verdict = text_verdict(problems, 80, 10, SETTINGS)
    assert not verdict.easy_read and verdict.findings_per_sentence == 1.2


def test_silenced_info_and_ignored_findings_do_not_count():
    problems = [
        _problem("ER-HARD-WORD", Severity.ERROR, silenced="it is a name"),
        _problem("ER-READABILITY", Severity.INFO),
        _problem("ER-PIC-PER-IDEA", Severity.ERROR),
    ] * 10
    verdict = text_verdict(problems, 40, 5, SETTINGS)
    assert verdict.easy_read and verdict.errors == 0 and verdict.warnings == 0


def test_verdict_limits_are_settings():
    strict = dataclasses.replace(
        SETTINGS, verdict=dataclasses.replace(SETTINGS.verdict, max_errors_per_100_words=0.0)
    )
    problems = [_problem("ER-HARD-WORD", Severity.ERROR)]
    assert text_verdict(problems, 200, 20, SETTINGS).easy_read
    assert not text_verdict(problems, 200, 20, strict).easy_read


def test_empty_text_is_not_easy_read():
    assert not text_verdict([], 0, 0, SETTINGS).easy_read
