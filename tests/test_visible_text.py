"""What the reader sees holds no markup or template residue (issue 13 part 1).

Every page of every test site (the example site and each folder in
tests/sites/) is built, parsed with a real HTML parser, and its visible text
is searched for things a reader should never see: tags shown as text
('<p>'), escaped escapes ('&lt;'), Jinja left overs ('{{', '{%'), Python's
'None', unreplaced picture markers and page ids.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, html_pages, read_html, run_build

SITES = Path(__file__).parent / "sites"

RESIDUE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^>]*)?/?>|&lt;|&gt;|&amp;|&#\d+;|\{\{|\}\}|\{%|%\}|\bNone\b(?! [a-z])|\[picture:")
"""Markup shown as text, escaped entities, template syntax, Python's None, picture markers."""


def all_sites():
    """Return the example site and every stranger site."""
    return [REPO] + sorted(p for p in SITES.iterdir() if (p / "content" / "site.yaml").is_file())


def visible_text(soup: BeautifulSoup) -> str:
    """Return the words a reader sees: no scripts, styles or templates."""
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    return soup.get_text(" ")


def residue(text: str, page_ids: set[str]) -> list[str]:
    """Return each bit of markup, template or id in ``text``, with a little around it."""
    found = [text[max(0, m.start() - 30):m.end() + 30] for m in RESIDUE.finditer(text)]
    words = set(re.findall(r"[\w-]+/[\w/-]+", text))
    found += sorted(f"raw id {w}" for w in words & page_ids)
    return found


def test_residue_finds_what_it_should():
    """The search itself catches each kind of residue (so the site test can fail)."""
    ids = {"minutes/2026-01-21-board"}
    for bad in ("Hello <p>there", "a &lt;b", "{{ title }}", "{% if x %}", "None", "[picture: yes]",
                "see minutes/2026-01-21-board", "x &amp; y"):
        assert residue(bad, ids), bad
    assert residue("Phone 01632 960 123. None of us; nobody said no.", ids) == []
    assert residue("One <-> two is fine, and so is 3 > 2 < 4.", ids) == []


@pytest.fixture(scope="module", params=all_sites(), ids=lambda p: p.name or "example")
def built(request, tmp_path_factory):
    site = request.param
    out = tmp_path_factory.mktemp("visible") / "_site"
    report = run_build(site, tmp_path_factory.mktemp("visible-cache"), out_dir=out)
    assert report.written, [f"{p.location}: {p.message}" for p in report.problems if p.severity.value == "error"]
    return out, {page.id for page in report.site.pages if "/" in page.id}


def test_every_page_shows_only_words(built):
    out, ids = built
    bad = {}
    for page in html_pages(out):
        found = residue(visible_text(read_html(page)), ids)
        if found:
            bad[page.relative_to(out).as_posix()] = found
    assert bad == {}
