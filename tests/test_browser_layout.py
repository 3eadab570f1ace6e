"""What a reader sees, in a real browser: the easy-read layout holds on a phone and a desktop.

Numbers from easyread-rules.md and decisions.md: body text at least 18.67px
(we use 22px), line height at least 1.5, left aligned, picture on the left of
its words at every width and at least 96px wide on a 360px screen, no
sideways scrolling, text contrast at least 7:1.
"""

from __future__ import annotations

import pytest
from browser_support import chromium, serve, skip_loudly_without_chromium

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
skip_loudly_without_chromium()
pytestmark = pytest.mark.browser

PAGES = ["/", "/minutes/2026-01-21-board/", "/policy/co-production-policy/", "/actions/", "/feedback/"]


@pytest.fixture(scope="module")
def site_url(built_example):
    with serve(built_example.out) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with chromium() as opened:
        yield opened


MEASURE = """() => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
                               return (x + 0.05) / (y + 0.05); };
  const rows = [...document.querySelectorAll('main .er-row')].map(row => {
    const pic = row.querySelector(':scope > .er-pic img');
    const text = row.querySelector(':scope > .er-text');
    if (!pic || !text) return null;
    const p = pic.getBoundingClientRect(), t = text.getBoundingClientRect();
    return {picRight: p.right, textLeft: t.left, picWidth: p.width, picFirst: row.firstElementChild.contains(pic)};
  }).filter(Boolean);
  const texts = [...document.querySelectorAll('main .er-text p')].map(el => {
    const s = getComputedStyle(el);
    return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight), align: s.textAlign,
            hyphens: s.hyphens, style: s.fontStyle,
            contrast: contrast(s.color, getComputedStyle(document.body).backgroundColor),
            chars: el.getBoundingClientRect().width / (parseFloat(s.fontSize) * 0.5)};
  });
  return {rows, texts, scroll: document.scrollingElement.scrollWidth, width: window.innerWidth};
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_the_easy_read_layout_holds(browser, site_url, path, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + path)
    found = page.evaluate(MEASURE)
    page.close()
    assert found["scroll"] <= found["width"], "the page scrolls sideways"
    assert found["rows"], "no picture rows on the page"
    for row in found["rows"]:
        assert row["picFirst"] and row["picRight"] <= row["textLeft"], "picture is not on the left of its words"
        if width == 360:
            assert row["picWidth"] >= 96
    for text in found["texts"]:
        assert text["size"] >= 18.67 and text["line"] / text["size"] >= 1.5
        assert text["align"] in ("left", "start") and text["hyphens"] != "auto" and text["style"] == "normal"
        assert text["contrast"] >= 7
        assert text["chars"] <= 80  # roughly: about 60 characters at half an em each
