"""A phone's first screen, in a real Chromium: the page's title shows without scrolling.

On a 390 px wide phone (an iPhone 12 to 15 is 390 by 844) the header used to
fill more than the first screen: the search box, the reader controls and the
menu pushed the page's title below it. The reader controls now fold into one
"Text size, colours and listening" disclosure there, which works by keyboard and
opens to the same buttons; on a wide screen it starts open.
"""

from __future__ import annotations

import pytest
from browser_support import chromium, serve, skip_loudly_without_chromium
from conftest import html_pages, url_of

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
skip_loudly_without_chromium()
pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FIRST_LINE = """() => {
  const h1 = document.querySelector('main h1');
  if (!h1 || !h1.checkVisibility()) return null;
  const box = h1.getBoundingClientRect();
  return {top: box.top, firstLineBottom: box.top + parseFloat(getComputedStyle(h1).lineHeight)};
}"""


@pytest.fixture(scope="module")
def origin(built_example):
    with serve(built_example.out) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with chromium() as opened:
        yield opened


def test_every_pages_title_starts_on_a_phones_first_screen(browser, origin, built_example) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    below = []
    for file in html_pages(built_example.out):
        path = url_of(built_example.out, file)
        page.goto(origin + path)
        title = page.evaluate(FIRST_LINE)
        assert title is not None, f"{path} has no visible h1 in its main part"
        if not (0 <= title["top"] and title["firstLineBottom"] <= PHONE["height"]):
            below.append(f"{path}: the title's first line ends {title['firstLineBottom']:.0f} px down")
    context.close()
    assert below == [], below


def test_the_folded_controls_open_by_keyboard_and_still_change_the_text(browser, origin) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(origin + "/")
    big = page.get_by_role("button", name="Big text")
    assert big.is_hidden(), "the controls should start folded on a phone"
    page.get_by_text("Text size, colours and listening").focus()
    page.keyboard.press("Enter")
    assert big.is_visible()
    size = "parseFloat(getComputedStyle(document.querySelector('main .er-text p')).fontSize)"
    before = page.evaluate(size)
    big.click()
    assert page.evaluate(size) > before
    context.close()


def test_on_a_wide_screen_the_controls_start_open(browser, origin) -> None:
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.goto(origin + "/")
    assert page.get_by_role("button", name="Big text").is_visible()
    context.close()


def test_without_javascript_the_phone_header_shows_no_fold_that_does_nothing(browser, origin) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(origin + "/")
    assert page.get_by_text("Text size, colours and listening").is_hidden()
    assert page.evaluate(FIRST_LINE)["firstLineBottom"] <= PHONE["height"]
    context.close()
