"""One text model (issue 12 part 3, in part): check --text and the page renderer read the same quiet
comments and code blocks, and broken front matter is reported with its line, never ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from wtfc_site.checker import CheckerSettings, check_document, load_wordlists
from wtfc_site.checker.plaintext import text_to_points
from wtfc_site.markdown import BodyContext, BodyConverter, PictureChoice
from wtfc_site.words import Abbreviations, Glossary

SETTINGS = CheckerSettings()
WORDS = load_wordlists()


def _rendered(text: str):
    ctx = BodyContext(file=Path("p.md"), body_line=1, easy_read=True, glossary=Glossary(),
                      abbreviations=Abbreviations({}), choose_picture=lambda m, t, n: PictureChoice(None),
                      resolve_link=lambda href: href)
    return BodyConverter().convert(text, ctx)


@pytest.mark.parametrize("comment", [
    "<!-- quiet ER-SENT-LEN: the law's full name -->",
    "<!-- quiet er-sent-len: lower case works in both -->",
    "<!--quiet ER-SENT-LEN:no spaces-->",
])
def test_check_text_and_the_renderer_read_the_same_quiet_comments(comment):
    text = f"We met. {comment}\n"
    _, loose = text_to_points(text)
    page = _rendered(text).silences
    assert [(s.rule, s.reason) for s in loose] == [(s.rule, s.reason) for s in page] == [
        ("ER-SENT-LEN", comment.split(":", 1)[1].removesuffix("-->").strip())]


def test_a_quiet_comment_without_a_reason_is_not_read_by_either():
    text = "We met. <!-- quiet ER-SENT-LEN -->\n"
    assert text_to_points(text)[1] == [] and _rendered(text).silences == ()


def test_fenced_code_is_not_checked():
    text = "# Code\n\nWe met.\n\n```\nThe commissioning trajectory is predicated on mobilisation.\n```\n"
    report = check_document(text, Path("c.md"), SETTINGS, WORDS)
    assert not [p for p in report.problems if p.rule == "ER-HARD-WORD"]
    assert "commissioning" not in " ".join(p.text for p in _rendered(text).points)


@pytest.mark.parametrize("front, line, words", [
    ("---\ntitle: 'Our meeting\nversion: standard\n---\n", 2, "never closed"),
    ("---\ntitle: Our meeting\n", 1, "never ends"),
    ("---\n- a list\n---\n", 2, "'key: value'"),
])
def test_broken_front_matter_is_reported_with_its_line(front, line, words):
    # The site's own reading of front matter (sources.parse_source), so the message is the one a page gets.
    report = check_document(front + "\nWe met on Monday.\n", Path("f.md"), SETTINGS, WORDS)
    [problem] = [p for p in report.problems if p.rule == "SITE-YAML"]
    assert problem.line == line and words in problem.message and problem.severity.name == "ERROR"
    assert "We met on Monday." in [" ".join(p.text.split()) for p in report.page.points]  # the words are still read


def test_good_front_matter_gives_no_problem():
    report = check_document("---\ntitle: Our meeting\n---\n\nWe met on Monday.\n", Path("f.md"), SETTINGS, WORDS)
    assert not [p for p in report.problems if p.rule.startswith("SITE-")]


def test_an_indented_paragraph_of_a_plain_text_file_is_checked_but_markdown_code_is_not():
    """A .txt pasted from a PDF keeps its indents: words, not code. In a .md file (as on a page) they are code."""
    text = ("Our plan\n\n    The commissioning trajectory is predicated on mobilisation.\n    It goes on.\n\n"
            "- An item\n    that goes on\n\n  \u2022 A bullet from a PDF\n")
    as_text = check_document(text, Path("paper.txt"), SETTINGS, WORDS)
    kinds = [(p.line, p.kind, " ".join(p.text.split())) for p in as_text.page.points]
    assert (3, "paragraph", "The commissioning trajectory is predicated on mobilisation. It goes on.") in kinds
    assert (6, "list-item", "An item that goes on") in kinds and (9, "list-item", "A bullet from a PDF") in kinds
    assert [p for p in as_text.problems if p.rule == "ER-HARD-WORD" and p.line == 3]
    as_markdown = check_document(text, Path("paper.md"), SETTINGS, WORDS)
    assert not [p for p in as_markdown.page.points if "commissioning" in p.text]
