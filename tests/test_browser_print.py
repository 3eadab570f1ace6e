"""Printing a page gives a classic A4 easy-read document.

Chromium prints real pages to PDF (page.pdf uses the print style sheet) and
pdfplumber reads back where every letter landed and how big it is:

- A4 paper; body text 16pt, nothing under 13pt;
- pictures in a left column: the points' words start in one column to the
  right, with the drawn pictures wholly left of it;
- each section (a heading in the page's words) starts a new sheet;
- the address of every link is printed, in full for the site's own pages;
- the screen-only parts (reader controls, menu, skip link, forms) are not printed;
- black text on white paper whatever colour scheme the reader chose on screen.

The PDFs are kept in tests/artifacts/print/ for people to look at.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import ARTIFACTS, chromium, serve, skip_loudly_without_chromium

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber is not installed (pip install -e '.[test]')")
skip_loudly_without_chromium()
pytestmark = pytest.mark.browser

A4 = (595.3, 841.9)  # points
MM = 72 / 25.4
PAGES = ["/policy/co-production-policy/", "/minutes/2026-01-21-board/", "/accessibility/"]
SCREEN_ONLY = ["Text size", "Skip to the main part", "Listen to this page", "Dark colours", "Main menu"]
SECTION_HEADINGS = """() => [...document.querySelectorAll('main h2')]
  .filter(h => !h.closest('.er-text, .hard-words-box, .checked-box, .other-version'))
  .map(h => h.textContent.trim())"""
OWN_LINKS = """() => [...document.querySelectorAll('main a[href^="/"]')].filter(a => a.checkVisibility())
  .map(a => a.getAttribute('href'))"""
ROWS = """() => [...document.querySelectorAll('main .er-row')].map(row => {
  const pic = row.querySelector(':scope > .er-pic img'), text = row.querySelector(':scope > .er-text');
  if (!pic || !text || !row.checkVisibility()) return null;  // rows of the form are not printed
  const p = pic.getBoundingClientRect(), t = text.getBoundingClientRect();
  return {picRight: p.right, picWidth: p.width, textLeft: t.left};
}).filter(Boolean)"""


@dataclass(frozen=True)
class Printed:
    path: str
    pdf: Path
    headings: list[str]
    own_links: list[str]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(built_example) -> dict[str, Printed]:
    """Print each page to PDF, once, after choosing dark colours on screen."""
    folder = ARTIFACTS / "print"
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    with serve(built_example.out) as origin, chromium() as browser:
        context = browser.new_context()
        context.add_init_script("localStorage.setItem('wtfc-reader', JSON.stringify({scheme: 'dark', text: 'bigger'}))")
        page = context.new_page()
        for path in PAGES:
            page.goto(origin + path)
            page.emulate_media(media="print")  # what is on paper: hidden parts' links are not printed
            name = path.strip("/").replace("/", "-") or "home"
            pdf = folder / f"{name}.pdf"
            page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
            found[path] = Printed(path, pdf, page.evaluate(SECTION_HEADINGS), page.evaluate(OWN_LINKS))
        context.close()
    return found


@pytest.fixture(scope="module")
def browser_page(built_example):
    """Return look(path, script) -> what the script finds on the page laid out for print."""
    with serve(built_example.out) as origin, chromium() as browser:
        page = browser.new_page()
        page.emulate_media(media="print")

        def look(path: str, script: str):
            page.goto(origin + path)
            return page.evaluate(script)
        yield look


@pytest.fixture(scope="module")
def site_url(built_example) -> str:
    return built_example.report.site.config.site_url.rstrip("/")


@pytest.mark.parametrize("path", PAGES)
def test_a4_with_large_black_text(printed, path):
    with pdfplumber.open(printed[path].pdf) as pdf:
        sheets = pdf.pages
        assert all(abs(s.width - A4[0]) < 2 and abs(s.height - A4[1]) < 2 for s in sheets)
        chars = [c for s in sheets for c in s.chars if c["text"].strip()]
    sizes = Counter(round(c["size"]) for c in chars)
    assert sizes.most_common(1)[0][0] == 16, sizes
    assert min(sizes) >= 13, sizes
    colours = Counter(tuple(c["non_stroking_color"] or ()) for c in chars)
    black = sum(n for colour, n in colours.items() if colour in ((0,), (0, 0, 0), (0.0, 0.0, 0.0), ()))
    assert black == len(chars), f"text that is not black on paper: {colours}"


@pytest.mark.parametrize("path", PAGES)
def test_pictures_print_in_a_left_column(printed, path):
    with pdfplumber.open(printed[path].pdf) as pdf:
        lines = [line for s in pdf.pages for line in s.extract_text_lines() if round(line["chars"][0]["size"]) == 16]
        drawings = [c for s in pdf.pages for c in s.curves if c["x1"] - c["x0"] > 5]
    # Most words start in one column, right of a 35mm picture column inside the 16mm margin.
    words_start = Counter(round(line["x0"]) for line in lines).most_common(1)[0][0]
    assert words_start >= 16 * MM + 35 * MM, f"{path}: the words start at {words_start}pt"
    pictures = [c for c in drawings if c["x0"] < words_start - 20]
    assert pictures, f"{path}: no picture was printed left of the words"
    assert all(c["x1"] <= words_start for c in pictures), f"{path}: a picture runs into the words"


@pytest.mark.parametrize("path", PAGES)
def test_in_print_each_picture_is_35mm_and_left_of_its_words(browser_page, path):
    rows = browser_page(path, ROWS)
    assert rows
    for row in rows:
        assert row["picRight"] <= row["textLeft"] and abs(row["picWidth"] - 35 * 96 / 25.4) < 2, row


@pytest.mark.parametrize("path", PAGES)
def test_each_section_starts_a_new_sheet(printed, path):
    page = printed[path]
    assert page.headings, f"{path} has no sections to test"
    with pdfplumber.open(page.pdf) as pdf:
        first_lines = [squash(s.extract_text_lines()[0]["text"]) for s in pdf.pages if s.extract_text_lines()]
    for heading in page.headings[1:]:  # the first section follows the title on the first sheet
        assert any(line.startswith(squash(heading)) for line in first_lines), \
            f"{path}: the section '{heading}' does not start a new sheet"


@pytest.mark.parametrize("path", PAGES)
def test_link_addresses_are_printed_in_full(printed, path, site_url):
    page = printed[path]
    with pdfplumber.open(page.pdf) as pdf:
        text = squash("".join(s.extract_text() or "" for s in pdf.pages))
    assert page.own_links, f"{path} has no links to test"
    for href in page.own_links:
        assert squash(f"({site_url}{href})") in text, f"{path}: the address of {href} is not printed"
    for words in SCREEN_ONLY:
        assert squash(words) not in text, f"{path}: '{words}' is printed, but only works on a screen"
