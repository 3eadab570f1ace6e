"""Word frequencies read straight from wordfreq's files, and a fast start for 'check --text' (issue 15 part 5)."""

from __future__ import annotations

import json
import os
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


def test_the_merged_cache_file_gives_wordfreqs_numbers_for_a_sample_of_its_lists(tmp_path, monkeypatch):
    """Issue 15 part 5: the compact sorted file in the user cache answers as wordfreq does, for words of both
    lists (most of them only in the large one), made fresh and then read back by a later run."""
    import random

    from wtfc_site.checker import frequency

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    frequency._table.cache_clear()
    small, large = frequency._centibels("small", "en"), frequency._centibels("large", "en")
    assert small is not None and large is not None
    plain = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
    words = sorted(w for w in large if plain.fullmatch(w))
    common = sorted(w for w in small if plain.fullmatch(w))
    sample = random.Random(15).sample(words, 3000) + random.Random(5).sample(common, 300)
    try:
        made = [zipf_frequency(w) for w in sample]
        [cache] = (tmp_path / "wtfc-site").glob("wordfreq-en-*.bin")
        frequency._table.cache_clear()  # a later run: reads the file it made
        read_back = [zipf_frequency(w) for w in sample]
        assert isinstance(frequency._table("en"), frequency._Sorted)
        assert made == read_back == [wordfreq.zipf_frequency(w, "en") for w in sample]
        assert sum(1 for w in sample if w not in small) > 2500 and min(made) > 0
        cache.write_bytes(b"broken")  # a damaged file is made again, never trusted
        frequency._table.cache_clear()
        assert zipf_frequency("commissioning") == wordfreq.zipf_frequency("commissioning", "en")
        assert cache.read_bytes().startswith(frequency._MAGIC)
    finally:
        frequency._table.cache_clear()


def test_an_unwritable_cache_folder_still_gives_frequencies(tmp_path, monkeypatch):
    from wtfc_site.checker import frequency

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    frequency._table.cache_clear()
    try:
        assert zipf_frequency("commissioning") == wordfreq.zipf_frequency("commissioning", "en")
    finally:
        frequency._table.cache_clear()


def _same_lists(made, kept) -> bool:
    """Compare two sets of built-in word lists; entries of equal length may be in any order (they never overlap)."""
    for name, value in made.items():
        other = kept[name]
        if hasattr(value, "terms"):
            if (value.terms, value.anchors) != (other.terms, other.anchors):
                return False
            if {k: set(v) for k, v in value._index.items()} != {k: set(v) for k, v in other._index.items()}:
                return False
        elif value != other:
            return False
    return True


def test_the_built_in_word_lists_kept_in_the_user_cache_are_the_ones_the_data_files_make(tmp_path, monkeypatch):
    """Issue 15 part 5: reading the YAML word lists and building them took 30-70 ms of every check --text."""
    from wtfc_site.checker import wordlists

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordlists._builtin.cache_clear()
    try:
        first = wordlists._builtin()  # built, and kept
        [kept] = (tmp_path / "wtfc-site").glob("wordlists-*.pickle")
        wordlists._builtin.cache_clear()
        again = wordlists._builtin()  # read back, as a later run does
        assert again is not first and _same_lists(wordlists._build_builtin(), again)
        assert isinstance(again["jargon"].terms, type(first["jargon"].terms))  # still read-only
        kept.write_bytes(b"damaged")
        wordlists._builtin.cache_clear()
        assert _same_lists(wordlists._build_builtin(), wordlists._builtin())
        assert list((tmp_path / "wtfc-site").glob("*.tmp")) == []
    finally:
        wordlists._builtin.cache_clear()


def test_an_edited_source_makes_a_new_cache_file(tmp_path, monkeypatch):
    from wtfc_site.usercache import kept_between_runs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "list.txt"
    source.write_text("one")
    assert kept_between_runs("words", [source], lambda: source.read_text()) == "one"
    source.write_text("three")
    assert kept_between_runs("words", [source], lambda: source.read_text()) == "three"
    assert kept_between_runs("words", [source], lambda: "not built again") == "three"


def test_a_source_edited_keeping_its_size_and_time_makes_a_new_cache_file(tmp_path, monkeypatch):
    """cp -p or tar can change a data file's bytes yet keep its size and time of change."""
    from wtfc_site.usercache import kept_between_runs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "list.txt"
    source.write_text("cat")
    stamp = source.stat()
    assert kept_between_runs("words", [source], lambda: source.read_text()) == "cat"
    source.write_text("dog")
    os.utime(source, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert (source.stat().st_size, source.stat().st_mtime_ns) == (stamp.st_size, stamp.st_mtime_ns)
    assert kept_between_runs("words", [source], lambda: source.read_text()) == "dog"


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
    # One text model (issue 12 part 3): the file is read by the page renderer's Markdown, so Markdown loads.
    assert "wtfc_site.markdown" in loaded
    assert not {"wordfreq", "wtfc_site.pipeline", "jinja2", "nh3"} & loaded


def test_our_word_splitting_agrees_with_pyphen_on_every_passage_word(tmp_path, monkeypatch):
    import pyphen

    from wtfc_site.checker import hyphenation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    hyphenation.patterns.cache_clear()
    reference = pyphen.Pyphen(lang="en_US")
    words: set[str] = set()
    for path in (ROOT / "tests" / "passages").glob("*/*.md"):
        words.update(w.lower() for w in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8")))
    assert len(words) > 1500
    assert [w for w in sorted(words) if hyphenation.split_points(w) != list(reference.positions(w))] == []
    [cache] = (tmp_path / "wtfc-site").glob("hyphenation-en_US-*.pickle")  # kept for the next run
    hyphenation.patterns.cache_clear()
    assert hyphenation.split_points("communication") == list(reference.positions("communication"))
    hyphenation.patterns.cache_clear()


def test_an_unwritable_cache_folder_still_splits_words(tmp_path, monkeypatch):
    from wtfc_site.checker import hyphenation

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    hyphenation.patterns.cache_clear()
    assert hyphenation.split_points("communication") == [3, 5, 7, 9]
    hyphenation.patterns.cache_clear()


def test_check_text_loads_only_what_it_needs():
    """Issue 15 part 5: `check --text` must start fast. Its time is measured by bench/check_text_start.py
    (timed tests fail on a busy machine); this test holds what makes it fast: the command loads none of
    the heavy libraries the site build needs (wordfreq's own code, Jinja, the sanitiser, lxml, Pillow, the pipeline,
    the renderer), and Python-Markdown only with the extensions a page uses, given as objects (a name would make it
    read every installed package's entry points, importlib.metadata)."""
    probe = (
        "import json, sys\n"
        "from wtfc_site.cli import main\n"
        "main(['check', '--text', 'tests/passages/easy/01-board-meeting.md'])\n"
    )
    code = probe.replace("main([", "try:\n    main([") + "except SystemExit:\n    pass\n"
    code += "print(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    heavy = {"wordfreq", "jinja2", "PIL", "lxml", "nh3", "wtfc_site.pipeline", "wtfc_site.render", "waitress",
             "importlib.metadata", "wtfc_site.wordmarkup"}
    assert loaded & heavy == set()
    extensions = {name.rsplit(".", 1)[1] for name in loaded if name.startswith("markdown.extensions.")}
    # attr_list and codehilite are imported by fenced_code itself.
    assert extensions <= {"tables", "sane_lists", "toc", "fenced_code", "nl2br", "attr_list", "codehilite"}
