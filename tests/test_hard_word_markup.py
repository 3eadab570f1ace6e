"""A hard word's markup is written in one place (issue 12 part 5).

Markdown pages (markdown.py) and pages made from data (content/wtfc/text.py)
both bold a hard word's first use and explain it under the line with the
layout components ``components/hard_word.html`` and
``components/explanation.html``, so the two kinds of page cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from wtfc_site.content.wtfc.text import Src, Writer
from wtfc_site.markdown import BodyContext, BodyConverter, PictureChoice
from wtfc_site.wordmarkup import default_word_markup
from wtfc_site.words import Abbreviations, Glossary, GlossaryEntry

GLOSSARY = Glossary((GlossaryEntry(word="advocate", meaning="someone who helps you say what you want & need."),))


def markdown_html(text: str) -> str:
    ctx = BodyContext(file=Path("x.md"), body_line=1, easy_read=True, glossary=GLOSSARY,
                      abbreviations=Abbreviations({}), choose_picture=lambda marker, words, line: PictureChoice(None),
                      resolve_link=lambda href: href)
    return BodyConverter().convert(text, ctx).html


def data_page_html(text: str) -> str:
    writer = Writer(GLOSSARY, lambda path: path)
    row = writer.row([text], Src(Path("content/wtfc/2026/cycle.yaml"), 3), "help")
    # the words of the row as components/wtfc_row.html writes them, with the default layouts
    words = default_word_markup().env.get_template("components/wtfc_row.html").module.wtfc_row_words
    return str(words(row))


def parts(html: str) -> tuple[list[str], list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    return ([str(s) for s in soup.select("strong.hard-word")], [str(p) for p in soup.select("p.er-explain")])


def test_both_kinds_of_page_mark_and_explain_a_hard_word_the_same_way():
    from_markdown = parts(markdown_html("You can have an advocate.\n"))
    from_data = parts(data_page_html("You can have an advocate."))
    assert from_markdown == from_data
    [bold], [explained] = from_data
    assert BeautifulSoup(bold, "html.parser").get_text() == "advocate"
    assert BeautifulSoup(explained, "html.parser").get_text() == (
        "Hard word: advocate means someone who helps you say what you want & need.")
