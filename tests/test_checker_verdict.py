"""The easy-read verdict, proved on realistic passages (tests/passages/easy and hard).

The passages were written for this project: "easy" ones as UK partnerships
write easy read, "hard" ones in the style of board papers, strategies and
minutes on the same topics, including borderline cases (plain English that
is not easy read is "hard"; easy read with one long sentence is "easy").
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from wtfc_site.checker import (
    CheckerSettings,
    check_document,
    load_wordlists,
    text_verdict,
)
from wtfc_site.errors import Problem, Severity

PASSAGES = Path(__file__).parent / "passages"
HOLDOUT = Path(__file__).parent / "passages_holdout"
"""Passages in the styles of real published documents, written before the checker was changed for them."""
SETTINGS = CheckerSettings()
WORDS = load_wordlists({}, {})


def _passages() -> list[tuple[Path, bool]]:
    """Every labelled passage of both folders, Markdown (.md) and pasted plain text (.txt)."""
    found = []
    for folder in (PASSAGES, HOLDOUT):
        for label, easy in (("easy", True), ("hard", False)):
            files = sorted((folder / label).glob("*.md")) + sorted((folder / label).glob("*.txt"))
            found.extend((path, easy) for path in files)
    return found


def _verdict(path: Path):
    return check_document(path.read_text(encoding="utf-8"), path, SETTINGS, WORDS).verdict


def test_there_are_enough_passages():
    passages = _passages()
    assert sum(1 for _, easy in passages if easy) >= 18
    assert sum(1 for _, easy in passages if not easy) >= 18
    holdout = [easy for path, easy in passages if HOLDOUT in path.parents]
    assert holdout.count(True) >= 14 and holdout.count(False) >= 14


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
    assert verdict.findings_per_100_words == 1.0 and verdict.errors == 1 and verdict.warnings == 1


def test_dense_findings_fail_even_with_short_sentences():
    problems = [_problem("ER-JARGON", Severity.WARNING)] * 12
    verdict = text_verdict(problems, 100, 12, SETTINGS)
    assert not verdict.easy_read
    assert verdict.reasons == ("12.0 errors and warnings per 100 words; easy read has 6 or fewer.",)


def test_a_minority_of_long_sentences_passes_and_a_majority_fails():
    long_one = _problem("ER-SENT-LEN", Severity.ERROR)
    assert text_verdict([long_one] * 2, 140, 12, SETTINGS).easy_read
    verdict = text_verdict([long_one] * 6, 200, 12, SETTINGS)
    assert not verdict.easy_read and verdict.long_sentences == 6
    assert "6 of 12 sentences are over 20 words" in verdict.reasons[0]


def test_the_size_of_a_point_is_measured_by_sentence_length_not_counted_as_findings():
    """ER-PARA-LEN in a pasted document mostly shows lost layout (picture rows run together), see settings."""
    verdict = text_verdict([_problem("ER-PARA-LEN", Severity.WARNING)] * 8, 140, 14, SETTINGS)
    assert verdict.easy_read and verdict.findings_per_100_words == 0.0


def test_one_sentence_a_line_easy_read_pasted_without_blank_lines_is_easy_read():
    text = ("Going to the dentist\n"
            "A dentist checks your teeth.\nGo every year.\nTell them if you feel worried.\n"
            "They can give you more time.\nYou can bring a friend.\nIt does not hurt.\n")
    report = check_document(text, Path("dentist.txt"), SETTINGS, WORDS)
    assert [p.rule for p in report.problems if p.rule == "ER-PARA-LEN"] == ["ER-PARA-LEN"]  # still reported
    assert report.verdict.easy_read


def test_long_sentences_are_measured_by_their_share_not_counted_as_findings():
    verdict = text_verdict([_problem("ER-SENT-LEN", Severity.ERROR)] * 2, 140, 12, SETTINGS)
    assert verdict.findings_per_100_words == 0.0


def test_long_average_sentences_fail():
    verdict = text_verdict([], 200, 10, SETTINGS)
    assert not verdict.easy_read
    assert verdict.reasons == ("Sentences are 20.0 words long on average; easy read keeps to 15 or fewer.",)


def test_info_notes_never_count_however_many():
    problems = [_problem("ER-READABILITY", Severity.INFO), _problem("ER-PICTURE-TEXT", Severity.INFO)] * 40
    verdict = text_verdict(problems, 60, 8, SETTINGS)
    assert verdict.easy_read and verdict.findings_per_100_words == 0.0


def test_silenced_and_ignored_findings_do_not_count():
    problems = [
        _problem("ER-HARD-WORD", Severity.ERROR, silenced="it is a name"),
        _problem("ER-PIC-PER-IDEA", Severity.ERROR),
    ] * 10
    verdict = text_verdict(problems, 40, 5, SETTINGS)
    assert verdict.easy_read and verdict.errors == 0 and verdict.warnings == 0


def test_one_finding_in_a_very_short_text_does_not_decide_alone():
    verdict = text_verdict([_problem("ER-HARD-WORD", Severity.ERROR)], 12, 2, SETTINGS)
    assert verdict.easy_read and verdict.findings_per_100_words == 2.0


def test_verdict_limits_are_settings():
    strict = dataclasses.replace(
        SETTINGS, verdict=dataclasses.replace(SETTINGS.verdict, max_findings_per_100_words=0.0)
    )
    problems = [_problem("ER-HARD-WORD", Severity.ERROR)]
    assert text_verdict(problems, 200, 20, SETTINGS).easy_read
    assert not text_verdict(problems, 200, 20, strict).easy_read


def test_empty_text_is_not_easy_read():
    assert not text_verdict([], 0, 0, SETTINGS).easy_read


def test_the_measuring_script_cross_validates(tmp_path):
    """bench/measure_verdict.py tunes on part of the passages and measures on the rest."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("measure_verdict", Path(__file__).parent.parent / "bench" / "measure_verdict.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    for label, text in (("easy", "We meet on Monday.\nYou can come.\n"),
                        ("hard", "The commissioning framework delineates the governance arrangements applicable to "
                                 "integrated provision across the footprint, notwithstanding subsequent variation.\n")):
        for n in range(4):
            (tmp_path / label).mkdir(exist_ok=True)
            (tmp_path / label / f"{n}.md").write_text(text, encoding="utf-8")
    passages = module.load_passages(tmp_path)
    results, chosen = module.cross_validate(passages, k=2, repeats=1)
    assert len(results) == 8 and len(chosen) == 2
    held_back = [p.name for p, _ in results]
    assert sorted(held_back) == sorted(p.name for p in passages)  # each passage measured once, held back
    assert all(ok for _, ok in results)


def test_check_text_json_gives_the_verdicts_measures():
    import json
    import subprocess

    root = Path(__file__).parent.parent
    out = subprocess.run([sys.executable, "build.py", "check", "--format", "json", "--text",
                          "tests/passages/hard/45-govuk-style-short-sentences.md"],
                         cwd=root, capture_output=True, text=True).stdout
    [report] = json.loads(out)
    assert report["easy_read"] is False
    assert report["findings_per_100_words"] > 6 and report["long_sentence_share"] == 0.0
    assert report["average_sentence_words"] < 15
    assert report["reasons"] == ["8.1 errors and warnings per 100 words; easy read has 6 or fewer."]


@pytest.mark.parametrize("content", ["*\n", "&\n", "#\n", "& * #\n"])
def test_a_file_of_only_a_symbol_gets_a_verdict_not_a_traceback(tmp_path, content):
    """A symbol alone makes a point with no sentence in it, which the symbol rule once looked a sentence up in."""
    import subprocess

    loose = tmp_path / "only-a-symbol.txt"
    loose.write_text(content, encoding="utf-8")
    done = subprocess.run([sys.executable, "build.py", "check", "--text", str(loose)],
                          cwd=Path(__file__).parent.parent, capture_output=True, text=True)
    assert "Traceback" not in done.stderr + done.stdout
    assert done.returncode == 1  # not easy read: there are no words
    assert done.stdout.strip().splitlines()[-1].startswith(f"{loose}: easy read: no")
