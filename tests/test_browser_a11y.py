"""Every page of every site, in a real Chromium, checked the way a disabled reader meets it.

For the example site and each site folder under tests/sites/, every built page:

- axe-core finds no violation of WCAG 2.0, 2.1 and 2.2 at levels A and AA;
- no sideways scroll on a 320px screen, nor at 400% zoom (1280px / 4) (WCAG 1.4.10);
- the WCAG 1.4.12 text spacing override clips nothing and adds no sideways scroll;
- the first Tab lands on a visible skip link to the main part; every focusable
  thing shows a visible focus (WCAG 2.4.7);
- every run of text is left aligned (easy-read rule: no centred, right or justified text);
- a phone number never breaks across two lines;
- no request leaves the site (pages work offline and tell no one who reads them).

Screenshots of one page of each type at phone and desktop width are kept in
tests/artifacts/ for people to look at.

The pages are visited once per width by a module fixture (one browser, one
tab per width) and each test asserts on what that visit found, listing every
page that fails, so the run stays short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import (
    ARTIFACTS,
    BuiltSite,
    axe_source,
    chromium,
    serve,
    skip_loudly_without_chromium,
    test_site_folders,
)
from conftest import REPO, run_build

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
skip_loudly_without_chromium()
pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = 320
ZOOM_400 = {"width": 1280 // 4, "height": 1024 // 4}
DESKTOP = 1280
SCREENSHOT_WIDTHS = (390, DESKTOP)

SITES = ["example"] + [folder.name for folder in test_site_folders()]

# WCAG 1.4.12: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

SIDEWAYS = "() => document.scrollingElement.scrollWidth - window.innerWidth"

# Elements that hide what they hold (overflow hidden or clip) and hold more than they show.
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2 || el.closest('[aria-hidden="true"], svg')) return false;
  const hides = v => v === 'hidden' || v === 'clip';
  return (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1)
      || (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1);
}).map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''))"""

# Every element with its own words whose text is not left aligned.
NOT_LEFT = """() => [...document.querySelectorAll('body *')].filter(el => {
  if (el.closest('svg, [hidden]')) return false;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || !el.getClientRects().length) return false;
  return !['left', 'start'].includes(getComputedStyle(el).textAlign);
}).map(el => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" (${getComputedStyle(el).textAlign})`)"""

# Each phone number in the page's words, and how many lines it is written on.
PHONE_LINES = r"""() => {
  const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const number = /\b0\d{2,4}(?:[ \u00a0]\d{3,4}){1,2}\b/g;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.getClientRects().length) continue;
    for (const m of node.textContent.matchAll(number)) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
      found.push({number: m[0], lines: tops.size});
    }
  }
  return found;
}"""

# Focus each focusable element in turn; report those whose look does not change.
NO_VISIBLE_FOCUS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const look = el => { const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color].join('|'); };
  const bad = [];
  for (const el of document.querySelectorAll(selector)) {
    // Not focusable now: taken out of the tab order, hidden, or inside a closed <details>.
    if (el.tabIndex < 0 || el.disabled || el.type === 'hidden' || !el.checkVisibility({visibilityProperty: true})) continue;
    const before = look(el);
    el.focus();
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.left < document.documentElement.scrollWidth;
    if (document.activeElement !== el || !onScreen || (!outlined && look(el) === before))
      bad.push(el.tagName.toLowerCase() + ' "' + (el.textContent || el.name || '').trim().slice(0, 30) + '"');
    el.blur();
  }
  return bad;
}"""

SKIP_LINK = """() => {
  const el = document.activeElement, r = el.getBoundingClientRect();
  const target = el.hash ? document.getElementById(el.hash.slice(1)) : null;
  return {tag: el.tagName, text: el.textContent.trim(), hash: el.hash || '', target: !!target,
          visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.right <= innerWidth};
}"""

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} x${v.nodes.length}: `
                                       + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', '));
}"""


@dataclass
class Findings:
    """What the visits found, page by page: {check name: ['path: what is wrong', ...]}."""

    problems: dict[str, list[str]] = field(default_factory=dict)
    pages: int = 0
    outside_requests: list[str] = field(default_factory=list)

    def add(self, check: str, path: str, found) -> None:
        self.problems.setdefault(check, [])
        if found:
            self.problems[check].append(f"{path}: {found}")

    def of(self, check: str) -> list[str]:
        assert check in self.problems, f"the check '{check}' never ran"
        return self.problems[check]


def build_for_browser(name: str, tmp: Path) -> BuiltSite:
    """Build a site so its pages sit under its base URL in a folder we can serve."""
    folder = REPO if name == "example" else REPO / "tests" / "sites" / name
    from wtfc_site.config import load_config
    base_url = load_config(folder).base_url
    root = tmp / "www"
    out = root / base_url.strip("/") if base_url.strip("/") else root
    report = run_build(folder, tmp / "cache", out_dir=out)
    assert report.written, f"the site {name} did not build:\n" + "\n".join(str(p) for p in report.problems[:10])
    return BuiltSite(name, out, base_url, root)


def keep_local(context, origin: str, outside: list[str]) -> None:
    """Refuse, and remember, every request that would leave the local site."""
    def route(route) -> None:
        url = route.request.url
        if url.startswith(origin) or urlsplit(url).scheme in ("data", "blob", "about"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()
    context.route("**/*", route)


def page_type(page) -> str:
    """Return the page's type from main's class (page-minutes, page-generated ...)."""
    classes = page.eval_on_selector("main", "m => m.className") or ""
    found = re.search(r"page-([\w-]+)", classes)
    return found.group(1) if found else "page"


def visit_phone(browser, site: BuiltSite, origin: str, findings: Findings, axe: str) -> None:
    """At 320px: axe, reflow, alignment, phone numbers, skip link, focus, text spacing."""
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    keep_local(context, origin, findings.outside_requests)
    page = context.new_page()
    for path in site.paths:
        page.goto(origin + site.base_url + path.lstrip("/"))
        findings.pages += 1
        findings.add("sideways at 320px", path, max(page.evaluate(SIDEWAYS), 0))
        findings.add("not left aligned", path, page.evaluate(NOT_LEFT))
        findings.add("phone number broken", path, [p for p in page.evaluate(PHONE_LINES) if p["lines"] > 1])
        page.keyboard.press("Tab")
        skip = page.evaluate(SKIP_LINK)
        ok = skip["tag"] == "A" and skip["hash"] and skip["target"] and skip["visible"] and "skip" in skip["text"].lower()
        findings.add("skip link", path, None if ok else skip)
        findings.add("no visible focus", path, page.evaluate(NO_VISIBLE_FOCUS))
        page.add_script_tag(content=axe)
        findings.add("axe at 320px", path, page.evaluate(AXE_RUN, WCAG_TAGS))
        page.add_style_tag(content=TEXT_SPACING)
        findings.add("text spacing clips", path, page.evaluate(CLIPPED))
        findings.add("text spacing scrolls sideways", path, max(page.evaluate(SIDEWAYS), 0))
    context.close()


def visit_wide(browser, site: BuiltSite, origin: str, findings: Findings, axe: str) -> None:
    """At 400% zoom (a 1280px screen, so 320 CSS px), and on a 1280px desktop (axe on one page of each type)."""
    zoomed = browser.new_context(viewport=ZOOM_400, device_scale_factor=4)
    keep_local(zoomed, origin, findings.outside_requests)
    page = zoomed.new_page()
    for path in site.paths:
        page.goto(origin + site.base_url + path.lstrip("/"))
        findings.add("sideways at 400% zoom", path, max(page.evaluate(SIDEWAYS), 0))
    zoomed.close()
    desktop = browser.new_context(viewport={"width": DESKTOP, "height": 900})
    keep_local(desktop, origin, findings.outside_requests)
    page = desktop.new_page()
    seen: set[str] = set()
    for path in site.paths:  # every page was checked at 320px; at 1280px one page of each type keeps the run short
        page.goto(origin + site.base_url + path.lstrip("/"))
        kind = page_type(page)
        if kind not in seen:
            seen.add(kind)
            findings.add("not left aligned", path, page.evaluate(NOT_LEFT))
            page.add_script_tag(content=axe)
            findings.add("axe at 1280px", path, page.evaluate(AXE_RUN, WCAG_TAGS))
    desktop.close()


def screenshots(browser, site: BuiltSite, origin: str) -> list[Path]:
    """Save one full-page screenshot of each page type at each width; return the files."""
    folder = ARTIFACTS / "screenshots" / site.name
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for width in SCREENSHOT_WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        seen: set[str] = set()
        for path in site.paths:
            page.goto(origin + site.base_url + path.lstrip("/"))
            kind = page_type(page)
            if kind in seen:
                continue
            seen.add(kind)
            file = folder / f"{kind}-{width}px.png"
            page.screenshot(path=str(file), full_page=True)
            saved.append(file)
        context.close()
    return saved


@dataclass
class SiteVisit:
    site: BuiltSite
    findings: Findings
    screenshots: list[Path]


@pytest.fixture(scope="module", params=SITES)
def visit(request, tmp_path_factory) -> SiteVisit:
    """Build one site, serve it, and visit every page at every width once."""
    axe = axe_source()
    site = build_for_browser(request.param, tmp_path_factory.mktemp(f"browser-{request.param}"))
    findings = Findings()
    with serve(site.root) as origin, chromium() as browser:
        visit_phone(browser, site, origin, findings, axe)
        visit_wide(browser, site, origin, findings, axe)
        shots = screenshots(browser, site, origin)
    return SiteVisit(site, findings, shots)


def assert_none(visit: SiteVisit, check: str) -> None:
    failures = visit.findings.of(check)
    assert not failures, f"{visit.site.name}: {check} on {len(failures)} page(s):\n" + "\n".join(failures)


def test_every_page_was_visited(visit):
    assert visit.findings.pages == len(visit.site.paths) > 0


def test_axe_finds_no_wcag_a_or_aa_violation(visit):
    assert_none(visit, "axe at 320px")
    assert_none(visit, "axe at 1280px")


def test_no_sideways_scroll_at_320px_or_400_percent_zoom(visit):
    assert_none(visit, "sideways at 320px")
    assert_none(visit, "sideways at 400% zoom")


def test_text_spacing_override_clips_nothing(visit):
    assert_none(visit, "text spacing clips")
    assert_none(visit, "text spacing scrolls sideways")


def test_first_tab_reaches_a_visible_skip_link(visit):
    assert_none(visit, "skip link")


def test_every_focusable_element_shows_focus(visit):
    assert_none(visit, "no visible focus")


def test_all_text_is_left_aligned(visit):
    assert_none(visit, "not left aligned")


def test_phone_numbers_stay_on_one_line(visit):
    assert_none(visit, "phone number broken")


def test_no_request_leaves_the_site(visit):
    assert visit.findings.outside_requests == []


def test_screenshots_of_each_page_type_are_kept(visit):
    names = {file.name for file in visit.screenshots}
    assert visit.screenshots and all(file.stat().st_size > 1000 for file in visit.screenshots)
    for width in SCREENSHOT_WIDTHS:
        assert any(name.endswith(f"-{width}px.png") for name in names)
