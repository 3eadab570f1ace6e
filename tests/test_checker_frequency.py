"""Word frequencies read straight from wordfreq's files, and a fast start for 'check --text' (issue 15 part 5)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import wordfreq

from wtfc_site.checker.frequency import zipf_frequency

ROOT = Path(__file__).parent.parent


def test_our_reading_of_wordfreq_gives_wordfreqs_numbers_for_every_passage_word():
    words: set[str] = set()
    for path in (ROOT / "tests" / "passages").glob("*/*.md"):
        words.update(w.lower() for w in re.findall(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", path.read_text(encoding="utf-8")))
    words |= {"co-production", "coproduction", "don't", "café", "self-advocacy", "zzzqqq"}
    different = [(w, wordfreq.zipf_frequency(w, "en"), zipf_frequency(w)) for w in sorted(words)
                 if wordfreq.zipf_frequency(w, "en") != zipf_frequency(w)]
    assert len(words) > 1500 and different == []


def test_another_language_falls_back_to_wordfreq():
    assert zipf_frequency("bonjour", "fr") == wordfreq.zipf_frequency("bonjour", "fr")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_reading_a_sites_settings_does_not_load_the_rules_or_wordfreq():
    loaded = _modules_after("import wtfc_site.checker.settings, wtfc_site.config")
    assert "wtfc_site.checker.rules" not in loaded and "wordfreq" not in loaded


def test_check_text_loads_neither_wordfreq_nor_the_site_pipeline():
    loaded = _modules_after(
        "from wtfc_site.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', '--text', {str(ROOT / 'tests' / 'passages' / 'easy' / '01-board-meeting.md')!r}])"
    )
    assert "wtfc_site.checker.rules" in loaded
    assert not {"wordfreq", "wtfc_site.pipeline", "jinja2", "markdown"} & loaded
