"""The reader controls, in a real Chromium: text size, colours and "Listen".

What a reader can do: make the text bigger, switch to high contrast or dark
colours (or have the device's own setting followed), and keep that choice on
the next page; press "Listen" to hear the page or one point, with the point
being read highlighted, and pause or stop. Everything works by keyboard,
every button has a clear name, and without JavaScript the page is whole and
shows no control that would do nothing.

Headless Chromium has no voices, so the speech tests swap the browser's
speechSynthesis for a stand-in that records what it is asked to say; the
controls' own logic (what is read, in what order, what is highlighted) is
what runs.
"""

from __future__ import annotations

import pytest
from browser_support import axe_source, chromium, serve, skip_loudly_without_chromium

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
skip_loudly_without_chromium()
pytestmark = pytest.mark.browser

PAGES = ["/", "/minutes/2026-01-21-board/", "/wtfc/2026/what-people-said/", "/feedback/", "/checklist/"]
POINT_PAGE = "/policy/co-production-policy/"

FAKE_SPEECH = """
window.__speech = {spoken: [], paused: false, cancelled: 0};
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
  get paused() { return window.__speech.paused; },
  speak(u) { window.__speech.spoken.push(u); },
  cancel() { window.__speech.cancelled += 1; window.__speech.spoken = []; window.__speech.paused = false; },
  pause() { window.__speech.paused = true; },
  resume() { window.__speech.paused = false; },
  getVoices() { return []; },
}});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""
NO_SPEECH = "Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: undefined});"

TEXT_LOOK = """() => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const bg = getComputedStyle(document.body).backgroundColor;
  const texts = [...document.querySelectorAll('main p, main li, main a, main h1, main h2, footer p, header a')]
    .filter(el => el.checkVisibility() && !el.closest('svg'));
  return {size: parseFloat(getComputedStyle(document.querySelector('main .er-text p')).fontSize),
          lowest: Math.min(...texts.map(el => ratio(getComputedStyle(el).color, bg))),
          scheme: document.documentElement.dataset.scheme || '', background: bg};
}"""

AXE_AAA_CONTRAST = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast-enhanced']}});
  return r.violations.flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.slice(0, 120)));
}"""


def words_of(row) -> str:
    """Return the words a reader sees in a point, without its own Listen button."""
    return " ".join(row.locator(".er-text").inner_text().split()).removesuffix(" Listen")


@pytest.fixture(scope="module")
def origin(built_example):
    with serve(built_example.out) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with chromium() as opened:
        yield opened


@pytest.fixture
def context(browser):
    opened = browser.new_context(viewport={"width": 1024, "height": 800})
    yield opened
    opened.close()


def test_without_javascript_the_page_is_whole_and_shows_no_controls(browser, origin):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(origin + POINT_PAGE)
    assert page.locator("#reader-controls").is_hidden()
    assert page.locator("main .er-row").count() > 3
    assert page.locator(".rc-point").count() == 0
    context.close()


def test_text_size_buttons_work_by_keyboard_and_are_remembered(context, origin):
    page = context.new_page()
    page.goto(origin + "/")
    assert page.evaluate(TEXT_LOOK)["size"] == 22  # the default body text
    big = page.get_by_role("button", name="Big text")
    big.focus()
    page.keyboard.press("Enter")
    assert big.get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="Normal text").get_attribute("aria-pressed") == "false"
    assert page.evaluate(TEXT_LOOK)["size"] == pytest.approx(27.5)
    page.goto(origin + "/minutes/2026-01-21-board/")  # another page remembers the choice
    assert page.evaluate(TEXT_LOOK)["size"] == pytest.approx(27.5)
    page.get_by_role("button", name="Bigger text").click()
    assert page.evaluate(TEXT_LOOK)["size"] == pytest.approx(33)
    page.get_by_role("button", name="Normal text").click()
    assert page.evaluate(TEXT_LOOK)["size"] == 22


# A 320px screen fits the default 22px text (test_browser_a11y.py); with the text made
# bigger a phone number no longer fits beside its picture there, so bigger text is
# proved on the phone widths people use it on.
@pytest.mark.parametrize("button, width", [("Big text", 390), ("Bigger text", 480)])
def test_bigger_text_still_fits_a_phone(browser, origin, button, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(origin + "/")
    page.get_by_text("Text size, colours and listening").click()  # folded on a phone (test_browser_phone.py)
    page.get_by_role("button", name=button).click()
    for path in PAGES:
        page.goto(origin + path)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width, path
    context.close()


@pytest.mark.parametrize("button, scheme", [("Standard colours", "standard"), ("High contrast", "contrast"),
                                            ("Dark colours", "dark")])
def test_every_colour_scheme_keeps_text_at_7_to_1(context, origin, button, scheme):
    page = context.new_page()
    page.goto(origin + "/")
    page.get_by_role("button", name=button).click()
    axe = axe_source()
    for path in PAGES:
        page.goto(origin + path)  # the choice is remembered from the first page
        look = page.evaluate(TEXT_LOOK)
        assert look["scheme"] == scheme, path
        assert look["lowest"] >= 7, f"{path}: text contrast {look['lowest']:.2f} in the {scheme} scheme"
        page.add_script_tag(content=axe)
        assert page.evaluate(AXE_AAA_CONTRAST) == [], f"{path} in the {scheme} scheme"
    assert page.get_by_role("button", name=button).get_attribute("aria-pressed") == "true"


@pytest.mark.parametrize("media, background", [({"color_scheme": "dark"}, "rgb(18, 18, 18)"),
                                               ({"contrast": "more"}, "rgb(0, 0, 0)")])
def test_the_devices_own_setting_is_followed_until_the_reader_chooses(context, origin, media, background):
    page = context.new_page()
    page.emulate_media(**media)
    page.goto(origin + "/")
    look = page.evaluate(TEXT_LOOK)
    assert look["background"] == background and look["lowest"] >= 7
    page.get_by_role("button", name="Standard colours").click()
    assert page.evaluate(TEXT_LOOK)["background"] == "rgb(255, 255, 255)"


@pytest.mark.parametrize("motion, behaviour", [("reduce", "auto"), ("no-preference", "smooth")])
def test_the_highlighted_point_is_scrolled_to_without_movement_when_asked(context, origin, motion, behaviour):
    context.add_init_script(FAKE_SPEECH + """
      window.__scrolls = [];
      Element.prototype.scrollIntoView = function (options) { window.__scrolls.push(options.behavior); };""")
    page = context.new_page()
    page.emulate_media(reduced_motion=motion)
    page.goto(origin + POINT_PAGE)
    page.get_by_role("button", name="Listen to this page").click()
    page.evaluate("window.__speech.spoken[0].onstart()")
    assert page.evaluate("window.__scrolls") == [behaviour]


def test_listen_reads_the_page_point_by_point_and_highlights_the_point(context, origin):
    context.add_init_script(FAKE_SPEECH)
    page = context.new_page()
    page.goto(origin + POINT_PAGE)
    listen = page.get_by_role("button", name="Listen to this page")
    pause, stop = page.get_by_role("button", name="Pause"), page.get_by_role("button", name="Stop")
    assert listen.is_visible() and pause.is_hidden() and stop.is_hidden()
    listen.focus()
    page.keyboard.press("Enter")
    said = page.evaluate("window.__speech.spoken.map(u => u.text)")
    assert said == [page.locator("main h1").inner_text()]  # the title first, one point at a time
    page.evaluate("window.__speech.spoken[0].onstart(); window.__speech.spoken[0].onend()")
    first_point = page.locator("main .er-row:not(.er-title)").first
    page.evaluate("window.__speech.spoken[1].onstart()")
    assert "rc-reading" in first_point.get_attribute("class")
    assert page.evaluate("window.__speech.spoken[1].text") == words_of(first_point)
    assert page.locator(".rc-reading").count() == 1
    pause.click()
    assert page.evaluate("window.__speech.paused") and page.get_by_role("button", name="Carry on").is_visible()
    page.get_by_role("button", name="Carry on").click()
    assert not page.evaluate("window.__speech.paused")
    stop.click()
    assert page.locator(".rc-reading").count() == 0 and pause.is_hidden() and stop.is_hidden()


def test_listen_to_one_point_reads_just_that_point(context, origin):
    context.add_init_script(FAKE_SPEECH)
    page = context.new_page()
    page.goto(origin + POINT_PAGE)
    buttons = page.get_by_role("button", name="Listen to this point")
    assert buttons.count() == page.locator("main .er-row:not(.er-title) .er-text").count() - \
        page.locator("main form .er-row, main details .er-row").count()
    third = buttons.nth(2)
    row = third.locator("xpath=ancestor::div[contains(@class, 'er-row')][1]")
    third.click()
    spoken = page.evaluate("window.__speech.spoken.map(u => u.text)")
    assert spoken == [words_of(row)]
    page.evaluate("window.__speech.spoken[0].onstart()")
    assert "rc-reading" in row.get_attribute("class")
    page.evaluate("window.__speech.spoken[0].onend()")
    assert page.locator(".rc-reading").count() == 0  # one point only: reading ends after it


def test_listen_is_hidden_where_the_browser_cannot_speak(context, origin):
    context.add_init_script(NO_SPEECH)
    page = context.new_page()
    page.goto(origin + POINT_PAGE)
    assert page.get_by_role("button", name="Big text").is_visible()
    assert page.get_by_role("button", name="Listen to this page").count() == 0  # hidden, so not in the tree
    assert page.locator(".rc-point").count() == 0
