"""One text model (issue 12 part 3): ``check --text`` and the page renderer read a
document's quiet comments the same way, through ``points.line_silences``.

Before, a quiet comment alone on its line, with a blank line before the words,
quietened the words on a page but only the comment's own line in ``check --text``.
"""

from __future__ import annotations

from pathlib import Path

from wtfc_site.checker.plaintext import text_to_points
from wtfc_site.markdown import BodyContext, BodyConverter, PictureChoice
from wtfc_site.words import Abbreviations, Glossary

DOCUMENT = """\
<!-- quiet ER-SENT-LEN: the name of the law is long -->

The Health and Social Care Act 2012 says we must ask people what they think.

We meet on Monday. <!-- quiet ER-WORD-HARD: the name of our group -->

- <!-- quiet ER-NUM-WORDS: a date -->
  We meet on 3 December.
"""


def page_silences(text: str) -> set[tuple[int, str, str]]:
    ctx = BodyContext(file=Path("x.md"), body_line=1, easy_read=True, glossary=Glossary(()),
                      abbreviations=Abbreviations({}), choose_picture=lambda marker, words, line: PictureChoice(None),
                      resolve_link=lambda href: href)
    return {(s.line, s.rule, s.reason) for s in BodyConverter().convert(text, ctx).silences}


def text_silences(text: str) -> set[tuple[int, str, str]]:
    return {(s.line, s.rule, s.reason) for s in text_to_points(text)[1]}


def test_check_text_and_the_page_quieten_the_same_lines() -> None:
    expected = {(3, "ER-SENT-LEN", "the name of the law is long"),
                (5, "ER-WORD-HARD", "the name of our group"),
                (7, "ER-NUM-WORDS", "a date")}
    assert page_silences(DOCUMENT) == expected
    assert text_silences(DOCUMENT) == expected


def test_front_matter_lines_count_in_check_text() -> None:
    text = "---\ntitle: Our meeting\n---\n<!-- quiet ER-SENT-LEN: a long name -->\nWe meet on Monday.\n"
    assert text_silences(text) == {(5, "ER-SENT-LEN", "a long name")}
