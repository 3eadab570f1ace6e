"""Every built page of the example has the structure screen-reader users rely on.

ER-LANG-TITLE (rule 47): a language, a unique title, heading levels that do
not skip; and every picture has an alt attribute (rule 40).
"""

from __future__ import annotations

from collections import Counter

from conftest import html_pages, read_html


def test_every_page_has_a_language_a_unique_title_and_one_h1(built_example):
    titles = Counter()
    for page in html_pages(built_example.out):
        soup = read_html(page)
        assert soup.html.get("lang") == "en-GB", page
        titles[soup.title.get_text(strip=True)] += 1
        assert len(soup.find_all("h1")) == 1, page
    assert [t for t, n in titles.items() if n > 1] == []


def test_heading_levels_never_skip(built_example):
    for page in html_pages(built_example.out):
        soup = read_html(page)
        levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert skips == [], f"{page}: {levels}"


def test_every_picture_has_an_alt_attribute_and_definition_lists_are_well_formed(built_example):
    for page in html_pages(built_example.out):
        soup = read_html(page)
        assert [img for img in soup.find_all("img") if img.get("alt") is None] == [], page
        for dl in soup.find_all("dl"):
            for child in dl.find_all(recursive=False):
                assert child.name in ("dt", "dd", "div"), f"{page}: <{child.name}> in <dl>"
                if child.name == "div":
                    assert all(c.name in ("dt", "dd") for c in child.find_all(recursive=False)), page
