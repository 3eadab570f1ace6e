"""The sanitiser runs only when a page body could need it (markdown.py, ``_KeptMarkup``).

Sanitising cost about 2 ms a page. Without raw HTML, Python-Markdown and our own extension write only
elements and attributes from the allowed lists, with text escaped, so the sanitiser would give back the same
HTML: it is skipped then. These tests hold both halves: attacks written in Markdown are still made safe,
and a page that skips the sanitiser is byte for byte what the sanitiser would have written.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from wtfc_site import markdown as page_markdown
from wtfc_site.markdown import BodyContext, BodyConverter, PictureChoice, sanitise
from wtfc_site.words import Abbreviations, Glossary, GlossaryEntry

REPO = Path(__file__).resolve().parent.parent


def _context(easy_read: bool = True) -> BodyContext:
    return BodyContext(file=Path("content/p.md"), body_line=1, easy_read=easy_read,
                       glossary=Glossary((GlossaryEntry(word="advocate", meaning="someone who helps you speak up."),)),
                       abbreviations=Abbreviations({"NHS": "National Health Service"}),
                       choose_picture=lambda marker, words, line: PictureChoice("meeting", "/pictures/meeting.svg"),
                       resolve_link=lambda href: href)


def _convert(text: str, easy_read: bool = True) -> tuple[str, int]:
    """Return the body's HTML and how many times the sanitiser ran."""
    calls = []
    original = page_markdown.sanitise

    def counting(html: str) -> str:
        calls.append(html)
        return original(html)

    page_markdown.sanitise = counting
    try:
        return BodyConverter().convert(text, _context(easy_read)).html, len(calls)
    finally:
        page_markdown.sanitise = original


ATTACKS = [
    "[Click here](javascript:alert(1))",
    "[Click here](JaVaScRiPt:alert(1))",
    "[Click here]( javascript:alert(1))",
    "[Click here](java\tscript:alert(1))",
    "[Click here](vbscript:msgbox(1))",
    "[Click here](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![A photo](javascript:alert(1))",
    '![A photo](/p.svg "x onerror=alert(1)")',
    "<script>alert(1)</script>",
    "We met. <img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">Click here</a>',
    "<div onclick=\"alert(1)\">Hello</div>",
    "[Click here](&#106;avascript:alert(1))",
    "<iframe src=\"https://example.org\"></iframe>",
    # The converter's own invisible line-marker characters, typed inside the scheme: taken out after the
    # safety check, they must not leave a 'javascript:' address behind.
    "[Click](java\ue0001\ue001script:alert(1))",
    "![A photo](java\ue0001\ue001script:alert(1))",
    "[Click](java\ue000script:alert(1))",
]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("easy_read", [True, False])
def test_an_attack_written_in_markdown_is_still_made_safe(attack: str, easy_read: bool) -> None:
    html, _ = _convert(f"We meet on Monday.\n\n{attack}\n", easy_read)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "iframe"])
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")], element
        for name in ("href", "src"):
            # As a browser reads an address: tabs and line breaks taken out, spaces at the ends trimmed.
            address = re.sub(r"[\t\n\r]", "", str(element.get(name, ""))).strip().lower()
            assert not address.startswith(("javascript:", "vbscript:", "data:")), element
    assert "alert(1)</script>" not in html


def test_plain_markdown_skips_the_sanitiser_and_raw_html_does_not() -> None:
    assert _convert("[picture: meeting] We meet on Monday.\n\nRing 01632 960 123.\n")[1] == 0
    assert _convert("We meet on <b>Monday</b>.\n")[1] == 1
    assert _convert("[Click](javascript:alert(1))\n")[1] == 1
    assert _convert("![A photo](/p.svg \"a title the sanitiser takes off\")\n")[1] == 1


BODIES = [
    ("# Our plan\n\n[picture: meeting] We meet on Monday.\nAn advocate can help you.\n\nThe NHS pays for it.", 0),
    ("Ring us on 01632 960 123, or write to [our office](mailto:hello@example.org \"Write to us\").", 0),
    ("1. First\n2. Second\n\n3. Third\n\n- [A page](/minutes/#today)\n- <https://example.org/a>", 0),
    ("> We said \"yes\" & 'no' < > here.\n\nSome *italic*, **bold** and `code`, a line  \nbreak.", 0),
    ("***\n\n## Heading with a [link](/x/) and ![a photo](/a.svg)", 0),
    ("[An address with a query](https://example.org/a?b=1&c=2)", 1),  # '&' in an attribute: sanitised
    ("| Day | Time |\n|:----|----:|\n| Monday | 2pm |", 1),  # Python-Markdown aligns cells with style=""
]


@pytest.mark.parametrize("easy_read", [True, False])
@pytest.mark.parametrize(("body", "sanitised"), BODIES)
def test_a_page_that_skips_the_sanitiser_is_what_the_sanitiser_writes(body: str, sanitised: int,
                                                                      easy_read: bool) -> None:
    html, runs = _convert(body, easy_read)
    assert runs == sanitised
    assert sanitise(html) == html


def test_every_example_page_that_skips_the_sanitiser_is_what_the_sanitiser_writes() -> None:
    converter, skipped = BodyConverter(), 0
    for path in sorted((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        html = converter.convert(body, _context()).html
        if "<" not in body:
            skipped += 1
        assert sanitise(html) == html, path
    assert skipped > 10
