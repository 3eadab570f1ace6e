"""'Checked by' records stay true only while the words are unchanged."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from wtfc_site.checked import check_state, record_check, text_hash, unchecked_report
from wtfc_site.content import parse
from wtfc_site.discover import page_id
from wtfc_site.sources import read_source

PAGE = textwrap.dedent("""\
    ---
    title: Our plan
    summary: What we will do.
    ---

    [picture: plan] We will meet every month.
    """)


def load(site: Path, path: Path):
    return parse(read_source(path, site), page_id(path, site / "content"))


def write_page(tmp_path: Path, text: str = PAGE) -> Path:
    path = tmp_path / "content" / "plan" / "our-plan.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fingerprint_ignores_line_wrapping_but_not_words():
    assert text_hash("T", "one two\nthree") == text_hash("T", "one  two three\n")
    assert text_hash("T", "one two three") != text_hash("T", "one two four")
    assert text_hash("T", "body") != text_hash("U", "body")


def test_recording_a_check_makes_the_page_checked(tmp_path):
    path = write_page(tmp_path)
    assert check_state(load(tmp_path, path)) is None
    record_check(path, tmp_path, "Speak Up Riverside", dt.date(2026, 3, 4), method="read aloud")
    page = load(tmp_path, path)
    state = check_state(page)
    assert state is not None and state["current"] is True
    assert state["record"].group == "Speak Up Riverside" and state["record"].date == dt.date(2026, 3, 4)
    assert unchecked_report([page]) == []


def test_editing_the_words_after_a_check_is_noticed(tmp_path):
    path = write_page(tmp_path)
    record_check(path, tmp_path, "Speak Up Riverside", dt.date(2026, 3, 4))
    path.write_text(path.read_text(encoding="utf-8").replace("every month", "every week"), encoding="utf-8")
    page = load(tmp_path, path)
    assert check_state(page)["current"] is False
    [(reported, why)] = unchecked_report([page])
    assert reported.id == "plan/our-plan" and why.startswith("changed since it was checked on 4 March 2026")


def test_a_second_check_is_added_and_the_latest_counts(tmp_path):
    path = write_page(tmp_path)
    record_check(path, tmp_path, "First group", dt.date(2026, 1, 1))
    path.write_text(path.read_text(encoding="utf-8").replace("every month", "every week"), encoding="utf-8")
    record_check(path, tmp_path, "Second group", dt.date(2026, 2, 1))
    page = load(tmp_path, path)
    assert [r.group for r in page.meta.checked_by] == ["First group", "Second group"]
    assert check_state(page)["current"] is True


def test_never_checked_pages_are_reported(tmp_path):
    page = load(tmp_path, write_page(tmp_path))
    assert [(p.id, why) for p, why in unchecked_report([page])] == [("plan/our-plan", "never checked")]


# --- 'checked' edits the front matter as YAML (issue 12 part 7) -------------------------------

SHAPES = {
    "missing": "",
    "empty": "checked_by:\n",
    "empty list": "checked_by: []\n",
    "block list": "checked_by:\n  - group: First group\n    date: 2026-01-01\n    text_hash: 0123456789abcdef\n",
    "list at the key's column": "checked_by:\n- group: First group\n  date: 2026-01-01\n  text_hash: 0123456789abcdef\n",
}

AUTHORED = textwrap.dedent("""\
    ---
    # Our plan for the year: agreed at the board.
    title: "Our plan"   # the quotes are the author's
    summary: What we will do.
    {shape}themes: [money, friends]
    ---

    [picture: plan] We will meet every month.
    """)


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_a_check_is_added_to_every_shape_of_checked_by(tmp_path, shape):
    path = write_page(tmp_path, AUTHORED.format(shape=SHAPES[shape]))
    record_check(path, tmp_path, "Speak Up Riverside", dt.date(2026, 3, 4), method="read aloud",
                 people=("Sam", "Priya"))
    page = load(tmp_path, path)
    before = ["First group"] if "First group" in SHAPES[shape] else []
    assert [r.group for r in page.meta.checked_by] == [*before, "Speak Up Riverside"]
    latest = page.meta.checked_by[-1]
    assert (latest.date, latest.method, tuple(latest.people)) == (dt.date(2026, 3, 4), "read aloud", ("Sam", "Priya"))
    assert check_state(page)["current"] is True


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_the_rest_of_the_front_matter_stays_as_written(tmp_path, shape):
    path = write_page(tmp_path, AUTHORED.format(shape=SHAPES[shape]))
    record_check(path, tmp_path, "Speak Up Riverside", dt.date(2026, 3, 4))
    text = path.read_text(encoding="utf-8")
    for line in ("# Our plan for the year: agreed at the board.\n", 'title: "Our plan"   # the quotes are the author\'s\n',
                 "summary: What we will do.\n", "themes: [money, friends]\n", "[picture: plan] We will meet every month.\n"):
        assert line in text
    assert text.startswith("---\n# Our plan") and text.count("\n---\n") == 1
    assert "  - group: Speak Up Riverside\n    date: 2026-03-04\n" in text


def test_checked_names_a_missing_page_plainly(tmp_path, capsys):
    from wtfc_site.cli import main
    assert main(["checked", str(tmp_path / "content" / "nothing.md"), "--group", "Speak Up",
                 "--site", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "nothing.md: error [SITE-MISSING-FILE] There is no page file here." in err
    assert "Traceback" not in err
