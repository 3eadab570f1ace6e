"""The Markdown conversion's fast paths give exactly what the plain ways give (issue 16).

Each fast step in wtfc_site/markdownfast.py is compared with Python-Markdown's
own step on hand-made edge cases and on varied Markdown made from a fixed
random seed: the same extensions as a page body, once with the plain steps and
once with the fast ones, and the HTML must be byte for byte the same.
The pages' own conversion (BodyConverter) is compared the same way.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree as etree

import markdown
import pytest
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from wtfc_site import markdownfast
from wtfc_site.markdown import (
    MARK,
    MARK_END,
    BodyContext,
    BodyConverter,
    PictureChoice,
    _kept,
    _Reading,
    only_kept_markup,
)
from wtfc_site.markdownfast import FastTocExtension, speed_up
from wtfc_site.words import Abbreviations, Glossary, GlossaryEntry

EDGE_CASES = [
    "Plain words only.",
    "# Title\n\n## Title\n\n## Title\n\n### Title_1",
    "[TOC]\n\n# One\n\n## Two",
    "# One\n\nText\n\n  [TOC]  \n\n## Two",
    "> [TOC]\n\n# Quoted marker",
    "`[TOC]`\n\n# Marker in code",
    "\\[TOC\\]\n\n# Escaped marker",
    "&#91;TOC]\n\n# Entity marker",
    "# Café & *bold* <b>raw</b>\n\n# `code` heading\n\n# [link](/x) heading",
    "Escaped \\*stars\\* and \\_under\\_ and \\\\ and \\` tick",
    "Two spaces at the end  \nof a line\nand a plain break",
    "An entity &amp; &copy; &#169; &#xA9; and a bare & sign",
    "<https://example.org/a> and <someone@example.org> and <span>raw</span> <!-- note -->",
    "**bold** *it* __b__ _i_ ***both*** snake_case_word 2 * 3 * 4 * not_strong_",
    "![alt](pic.png) [a][ref] [ref] ![b][ref]\n\n[ref]: /there",
    "`` code with ` tick `` and \\`not code\\`",
    "| a | b |\n|---|---|\n| *1* | [2](/two) |\n| `3` | &amp; |",
    "```\ncode [TOC]\n*not em*\n```\n\n# After code",
    "1. one\n2. two\n\n- a _b_\n- c\n\n   indented line",
    "<div>block html</div>\n\n# Heading after html",
    "# Heading {#custom}\n\nText",
    "Line one\nline two\nline three with a [link\nover lines](/x)",
]

TOKENS = ["word", "Words", " ", " ", "\n", "\n\n", "  \n", "*", "**", "_", "__", "`", "``", "\\", "[", "]", "(", ")",
          "!", "<", ">", "&", ";", "#", "amp", "&amp;", "&#169;", "[TOC]", "# ", "## ", "- ", "1. ", "> ", "|", "---",
          "<b>", "</b>", "<https://x.org>", "a@b.org", "[x](/y)", "![p](/q.png)", "{#id}", "é", "\ue000", "1",
          "```", "\t", "    "]


def _varied(count: int, seed: int = 16) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 60))) for _ in range(count)]


def _make(fast: bool, easy_read: bool) -> markdown.Markdown:
    extensions = [TableExtension(), SaneListExtension(), FastTocExtension() if fast else TocExtension(),
                  FencedCodeExtension()]
    if easy_read:
        extensions.append(Nl2BrExtension())
    md = markdown.Markdown(extensions=extensions, output_format="html")
    if fast:
        speed_up(md)
    return md


@pytest.mark.parametrize("easy_read", [True, False])
def test_fast_steps_write_the_same_html_as_python_markdowns_own(easy_read: bool) -> None:
    plain, fast = _make(False, easy_read), _make(True, easy_read)
    texts = EDGE_CASES + _varied(600)
    for text in texts:
        expected = plain.reset().convert(text)
        assert fast.reset().convert(text) == expected, text


def test_the_fast_steps_are_the_ones_used() -> None:
    """The comparison above means something only if the fast steps are really in place."""
    md = _make(True, True)
    assert isinstance(md.treeprocessors["inline"], markdownfast.FastInlineProcessor)
    assert isinstance(md.treeprocessors["unescape"], markdownfast.FastUnescape)
    assert isinstance(md.treeprocessors["toc"], markdownfast.HeadingIds)
    converter_md = BodyConverter()._make(True)
    assert isinstance(converter_md.treeprocessors["inline"], markdownfast.FastInlineProcessor)
    assert isinstance(converter_md.treeprocessors["toc"], markdownfast.HeadingIds)


def test_a_toc_marker_still_gets_its_table_of_contents() -> None:
    html = _make(True, False).convert("[TOC]\n\n# One\n\n## Two")
    assert '<div class="toc">' in html and 'href="#two"' in html


def test_every_inline_pattern_in_a_page_converter_has_its_characters_listed() -> None:
    """A pattern not in NEEDS is always tried (still right, only slower): a new one should be added."""
    for easy_read in (True, False):
        md = BodyConverter()._make(easy_read)
        assert {item.name for item in md.inlinePatterns._priority} <= set(markdownfast.NEEDS)


def _ctx(easy_read: bool) -> BodyContext:
    glossary = Glossary((GlossaryEntry(word="word", meaning="a few letters."),))
    return BodyContext(file=Path("content/page.md"), body_line=1, easy_read=easy_read, glossary=glossary,
                       abbreviations=Abbreviations({"TOC": "table of contents"}), choose_picture=lambda m, t, n: PictureChoice(None),
                       resolve_link=lambda target: "/found/" if target.startswith("/") else None)


@pytest.mark.parametrize("easy_read", [True, False])
def test_page_bodies_convert_the_same_with_and_without_the_fast_steps(easy_read: bool,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    texts = EDGE_CASES + _varied(150, seed=61)
    fast = [BodyConverter().convert(text, _ctx(easy_read)) for text in texts]
    monkeypatch.setattr("wtfc_site.markdown.speed_up", lambda md: None)
    monkeypatch.setattr("wtfc_site.markdown.FastTocExtension", TocExtension)
    plain_converter = BodyConverter()
    assert not isinstance(plain_converter._make(easy_read).treeprocessors["inline"], markdownfast.FastInlineProcessor)
    for text, body in zip(texts, fast):
        assert plain_converter.convert(text, _ctx(easy_read)) == body, text


def test_the_short_html_writer_writes_what_python_markdowns_writer_writes() -> None:
    """Every kind of element: the short writer's own (plain tags, escaping, empty tags, attribute order)
    and those it hands back (comments, valueless and boolean attributes, scripts, QNames)."""
    from markdown.serializers import to_html_string

    from wtfc_site.markdownfast import to_html

    def tree(extra: Callable[[etree.Element], object] | None = None) -> etree.Element:
        root = etree.Element("div")
        p = etree.SubElement(root, "p", {"title": 'a "b" <c> & &amp; d', "class": "z", "id": "a"})
        p.text = "x < y & z &amp; &copy; > w"
        etree.SubElement(p, "br").tail = "after\nbreak"
        etree.SubElement(p, "img", {"src": "/a b.png", "alt": ""})
        etree.SubElement(root, "HR").tail = "tail of hr"
        if extra:
            extra(root)
        return root

    extras: list[Callable[[etree.Element], object] | None] = [
        None,
        lambda root: root.append(etree.Comment(" a <comment> ")),
        lambda root: etree.SubElement(root, "input", {"disabled": "disabled"}),
        lambda root: etree.SubElement(root, "details", {"open": None}),  # type: ignore[dict-item]
        lambda root: setattr(etree.SubElement(root, "script"), "text", "if (a < b) {}"),
        lambda root: etree.SubElement(root, etree.QName("{http://www.w3.org/1999/xhtml}span")),  # type: ignore[arg-type]
    ]
    for extra in extras:
        assert to_html(tree(extra)) == to_html_string(tree(extra))


# --- the page walk's own fast paths (wtfc_site/markdown.py) ------------------------------------

def _trees(texts: list[str]) -> list[etree.Element]:
    """The finished trees Python-Markdown makes of ``texts``, as the sanitiser check sees them."""
    md, made = _make(False, True), list[etree.Element]()
    md.treeprocessors.register(_Grab(md, made), "grab", 1)
    for text in texts:
        md.reset().convert(text)
    return made


class _Grab(Treeprocessor):
    def __init__(self, md: markdown.Markdown, into: list[etree.Element]) -> None:
        super().__init__(md)
        self.into = into

    def run(self, root: etree.Element) -> None:
        self.into.append(root)


def test_the_kept_markup_check_looks_closer_only_where_it_needs_to() -> None:
    """only_kept_markup passes over bare allowed tags; the plain way asks _kept about every element."""
    texts = EDGE_CASES + _varied(300, seed=7) + ['<p onclick="x">raw</p>', "[a](javascript:alert(1))", "![x](/p.png)"]
    answers = []
    for root in _trees(texts):
        plain = all(_kept(element) for element in root.iter() if element is not root)
        assert only_kept_markup(root) == plain
        answers.append(plain)
    root = etree.Element("div")
    etree.SubElement(root, "video")  # a tag the sanitiser removes, with no attributes
    assert not only_kept_markup(root)
    assert True in answers and False in answers  # both answers were compared


def test_reading_text_without_markers_takes_the_short_way_to_the_same_place() -> None:
    rng = random.Random(3)
    pieces = ["word ", "\n", "\x02wzxhzdk:0\x03", f"{MARK}12{MARK_END}", "é", "  "]
    for _ in range(300):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 5))]
        texts = [AtomicString(t) if rng.random() < 0.3 else t for t in texts]
        short, long = _Reading(line=5, raw_html=lambda p: "<b>"), _Reading(line=5, raw_html=lambda p: "<b>")
        for text in texts:
            a, b = short.take(text), long.take_marked(text)
            assert a == b and type(a) is type(b)
        assert (short.parts, short.line_starts, short.raw_open) == (long.parts, long.line_starts, long.raw_open)
