"""Search with Pagefind: the index holds every page, and in a real browser a
search finds pages in easy read with their picture, filters easy-read and full
versions, finds a page by a short form it spells out, and works under a
sub-folder base_url."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest
from conftest import html_pages, read_html

SEARCH_SITE = {
    "content/site.yaml": """\
        name: Testshire Together
        area: Testshire
        base_url: /my-tcp/
        site_url: https://www.testshire.example.org
        contact: {email: hello@testshire.example.org, phone: 01632 960 000}
        """,
    "content/abbreviations.yaml": "PDF: portable document format, a kind of computer file\n",
    "content/index.md": """\
        ---
        title: Welcome
        summary: Our home page.
        ---
        [picture: welcome] Hello.
        """,
    "content/pay.md": """\
        ---
        title: How we pay people
        summary: We pay people for the time they give us.
        picture: money
        full_version: pay-full
        ---
        [picture: money] We pay you money for your time.
        """,
    "content/pay-full.md": """\
        ---
        title: Payment for involvement
        summary: The full rules on payment for involvement.
        version: standard
        ---
        Involvement payments are made in money within ten working days.
        """,
    "content/papers.md": """\
        ---
        title: Our papers
        summary: Where to get our papers.
        picture: document
        ---
        [picture: document] You can get each paper as a portable document format file.
        """,
}


def indexed_pages(out: Path) -> int:
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def searchable_pages(out: Path) -> list[Path]:
    """Every built page that marks its main part for the index."""
    return [p for p in html_pages(out) if read_html(p).select_one("main[data-pagefind-body]")]


def test_the_index_holds_every_page_of_the_example(built_example) -> None:
    pages = searchable_pages(built_example.out)
    every = [p for p in html_pages(built_example.out) if p.parent != built_example.out / "pagefind"]
    left_out = sorted(p.relative_to(built_example.out).as_posix() for p in every if p not in pages)
    assert left_out == ["404.html", "a-z/index.html", "feedback/thank-you/index.html", "search/index.html"]
    assert indexed_pages(built_example.out) == len(pages)


def test_every_page_has_the_search_box_and_the_a_to_z_link(built_example) -> None:
    home = built_example.page("/")
    form = home.select_one("header form[role=search]")
    assert form["action"] == "/search/" and form.select_one("input[name=q]")
    assert home.select_one("header a[href='/a-z/']").get_text(strip=True) == "All pages from A to Z"


def test_the_a_to_z_page_lists_every_page_without_javascript(built_example) -> None:
    a_z = built_example.page("/a-z/")
    # A long A to Z may be split into pages (/a-z/page/2/ ...): read them all.
    parts = [a_z] + [read_html(p) for p in sorted((built_example.out / "a-z").glob("page/*/index.html"))]
    linked = {a["href"] for part in parts for a in part.select("main .a-z-list a")}
    for page in built_example.report.site.pages:
        assert page.url in linked, page.url
    assert "/minutes/" in linked and "/hard-words/" in linked
    assert a_z.select_one("main h2").get_text(strip=True) == "A"


# -- in a real browser ------------------------------------------------------------

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = Path("/usr/bin/chromium")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_folder(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():  # pragma: no cover - only where Chromium cannot be installed
        pytest.skip("Chromium is not installed (bash scripts/test.sh installs it)")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture
def sub_folder_site(make_site, build_site, tmp_path: Path):
    """The search site built into web-root/my-tcp/ and served from web-root."""
    site = make_site(SEARCH_SITE)
    report = build_site(site, out_dir=tmp_path / "web-root" / "my-tcp")
    assert report.written, report.problems
    server = serve_folder(tmp_path / "web-root")
    yield f"http://127.0.0.1:{server.server_port}/my-tcp/"
    server.shutdown()


def results(page) -> list[dict]:
    page.wait_for_selector("[data-search][data-ready=yes]")
    return page.eval_on_selector_all(".search-results li", """items => items.map(li => ({
        title: li.querySelector('.item-title a').textContent,
        href: li.querySelector('.item-title a').getAttribute('href'),
        text: li.querySelector('.er-text').innerText,
        picture: li.querySelector('img') ? li.querySelector('img').naturalWidth : 0}))""")


@pytest.mark.browser
def test_search_finds_money_in_easy_read_with_its_picture_in_a_sub_folder(browser, sub_folder_site) -> None:
    page = browser.new_page()
    page.goto(sub_folder_site)
    page.fill("#search-box-words", "money")
    page.click(".search-box button")
    page.wait_for_url("**/my-tcp/search/?q=money")
    found = results(page)
    titles = [r["title"] for r in found]
    assert "How we pay people" in titles and "Payment for involvement" in titles
    easy = next(r for r in found if r["title"] == "How we pay people")
    assert easy["href"] == "/my-tcp/pay/"
    assert "We pay people for the time they give us." in easy["text"]
    assert easy["picture"] > 0, "the result's picture did not load"
    assert set(titles[:2]) == {"How we pay people", "Payment for involvement"}, titles
    assert f"We found {len(found)} pages" in page.inner_text(".search-status"), titles
    page.click(".search-results a >> text=How we pay people")
    page.wait_for_url(sub_folder_site + "pay/")
    assert page.inner_text("h1") == "How we pay people"


@pytest.mark.browser
def test_the_version_filter_keeps_easy_read_or_full_pages(browser, sub_folder_site) -> None:
    page = browser.new_page()
    page.goto(sub_folder_site + "search/?q=money&version=easy+read")
    titles = [r["title"] for r in results(page)]
    assert "How we pay people" in titles and "Payment for involvement" not in titles
    page.check("input[name=version][value=full]")
    page.wait_for_function("document.querySelector('.search-results').innerText.includes('Payment')")
    found = results(page)
    assert [r["title"] for r in found] == ["Payment for involvement"]
    assert "full version, not easy read" in found[0]["text"]


@pytest.mark.browser
def test_a_short_form_finds_the_page_that_spells_it_out(browser, sub_folder_site) -> None:
    page = browser.new_page()
    page.goto(sub_folder_site + "search/?q=PDF")
    assert "Our papers" in [r["title"] for r in results(page)]
    page.goto(sub_folder_site + "papers/")
    assert "PDF" not in page.inner_text("body"), "the short form should be for the index, not the reader"


@pytest.mark.browser
def test_a_word_that_is_nowhere_says_so_and_offers_a_to_z(browser, sub_folder_site) -> None:
    page = browser.new_page()
    page.goto(sub_folder_site + "search/?q=zebra")
    assert results(page) == []
    assert "We did not find any pages" in page.inner_text(".search-status")
    assert page.get_attribute(".search-other-way a", "href") == "/my-tcp/a-z/"


@pytest.mark.browser
def test_search_finds_a_known_word_in_the_example_site(browser, built_example) -> None:
    server = serve_folder(built_example.out)
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}/search/?q=paid")
        titles = [r["title"] for r in results(page)]
        assert "We now pay people within 2 weeks" in titles or any("pa" in t.lower() for t in titles), titles
    finally:
        server.shutdown()
