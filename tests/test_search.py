"""Search with our own index (/search-index/): it holds every page, a page's
record is read from its main part only, a rebuilt index is the same bytes as a
clean build's; and in a real browser a search finds pages in easy read with
their picture, filters easy-read and full versions, finds a page by a short
form it spells out, drops a deleted page, and works under a sub-folder
base_url."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections import Counter
from pathlib import Path

import pytest
from conftest import html_pages, read_html

from wtfc_site.publish.search import PageChange, build_index, patch_index
from wtfc_site.publish.search_record import TITLE_WEIGHT, SearchRecord, page_record, stem, terms

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


def indexed_pages(out: Path) -> list[str]:
    """Return the address (below base_url) of every page in the index, in its order."""
    entry = json.loads((out / "search-index" / "entry.json").read_text(encoding="utf-8"))
    chunks = sorted((out / "search-index").glob("pages-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    addresses = [page[0] for chunk in chunks for page in json.loads(chunk.read_text(encoding="utf-8"))]
    assert len(addresses) == len(entry["versions"])
    return addresses


def searchable_pages(out: Path) -> list[Path]:
    """Every built page that marks its main part for the index."""
    return [p for p in html_pages(out) if read_html(p).select_one("main[data-search-body]")]


def test_the_index_holds_every_page_of_the_example(built_example) -> None:
    pages = searchable_pages(built_example.out)
    left_out = sorted(p.relative_to(built_example.out).as_posix() for p in built_example.pages if p not in pages)
    a_to_z = [name for name in left_out if name.startswith("a-z/")]  # the A to Z names every page: no result
    assert "a-z/index.html" in a_to_z
    assert [name for name in left_out if name not in a_to_z] == [
        "404.html", "feedback/thank-you/index.html", "search/index.html"]
    assert sorted(indexed_pages(built_example.out)) == sorted(
        p.parent.relative_to(built_example.out).as_posix().replace(".", "") + "/" if p.parent != built_example.out
        else "" for p in pages)


PAGE = """<!doctype html><html><head><title>Not this</title></head><body>
<header><p>Header words</p><form data-search-ignore><p>Search box</p></form></header>
<main id="main" data-search-body data-search-version="full">
<nav>Home &gt; Meetings</nav>
<div class="er-pic"><img src="/sub/pictures/money.svg" alt="" data-search-meta="picture"></div>
<h1>How we pay <strong>people</strong></h1>
<p class="summary" data-search-meta="summary">We pay people &amp; their carers.</p>
<p>We paid <strong>co</strong>-production meetings in <em>Riverside</em>.</p>
<p hidden>PDF</p>
<script>var secret = "scriptword";</script>
<!-- commentword -->
<section data-search-ignore><div><p>Was this page easy?</p></div><div>formword</div></section>
<p>After the ignored part.</p>
<p>Our layouts mark a part with data-search-ignore to keep it out.</p>
</main>
<footer>Footer words</footer></body></html>"""


def test_a_page_record_holds_its_main_part_only_without_the_ignored_parts() -> None:
    record = page_record(PAGE.encode("utf-8"))
    assert record is not None
    assert (record.title, record.summary, record.picture, record.version) == (
        "How we pay people", "We pay people & their carers.", "/sub/pictures/money.svg", "full")
    for word in ("header", "footer", "box", "scriptword", "commentword", "formword", "easy", "this", "not"):
        assert stem(word) not in record.terms, word
    for word in ("meetings", "riverside", "co", "production", "paid", "pdf", "after", "ignored", "carers",
                 "layouts", "keep"):  # the attribute's name in a sentence hides nothing
        assert stem(word) in record.terms, word
    # 'pay' is in the title (which also counts as text) and the summary: title words weigh more
    assert record.terms["pay"] == TITLE_WEIGHT + 2 and record.terms["paid"] == 1
    assert page_record(PAGE.replace("data-search-body", "").encode("utf-8")) is None


FURNITURE = ".breadcrumbs, .checked-box, .published, .last-updated, .other-version, .backlinks, .pager, " \
            ".wtfc-nav, .hard-words-box, .page-feedback"
"""What a layout puts in every page's main part around its own words, found by class, not by the attribute."""


def test_page_furniture_inside_main_is_not_indexed(built_example) -> None:
    """'Home' in the breadcrumbs and 'learning disability' in the checked box were words of every page."""
    pages = searchable_pages(built_example.out)
    with_furniture = 0
    for path in pages:
        main = read_html(path).select_one("main[data-search-body]")
        furniture = main.select(FURNITURE)
        with_furniture += bool(furniture)
        furniture_words = {term for part in furniture for term in terms(part.get_text(" "))}
        for part in furniture:
            part.decompose()
        for part in main.select("script, style, template, [data-search-ignore]"):
            part.decompose()
        own_words = set(terms(main.get_text(" ")))
        found = page_record(path.read_bytes())
        assert found is not None
        leaked = sorted((furniture_words - own_words) & found.terms.keys())
        assert not leaked, f"{path.relative_to(built_example.out)}: {leaked}"
    assert with_furniture > len(pages) // 2  # the example's pages do have breadcrumbs and checked boxes
    entry = json.loads((built_example.out / "search-index" / "entry.json").read_text(encoding="utf-8"))
    for word in ("home", "learning", "disability", "checked", "published"):
        shard = json.loads((built_example.out / "search-index" / f"terms-{stem(word)[:2]}.json").read_bytes())
        assert len(shard.get(stem(word), [])) // 2 < len(entry["versions"]) * 0.6, word


@pytest.mark.parametrize("empty", ['<img src="/x.svg" alt="" data-search-ignore>', "<hr data-search-ignore>",
                                   "<br data-search-ignore/>", '<input type="hidden" data-search-ignore value="v">',
                                   '<div class="box" data-search-ignore />', '<IMG data-search-ignore alt="">',
                                   "<p data-search-ignore>Unclosed"])
def test_an_ignored_empty_element_leaves_the_rest_of_the_page_indexed(empty: str) -> None:
    page = f"""<main data-search-body><h1>Title</h1><p>Before.</p>{empty}<p>After the empty one.</p>
    <section data-search-ignore><svg data-search-ignore><svg/><p>drawn</p></svg><p>boxed</p></section>
    <p>Last words.</p></main>"""
    found = page_record(page.encode("utf-8"))
    assert found is not None
    for word in ("before", "after", "empty", "last", "words"):
        assert stem(word) in found.terms, (empty, word)
    assert "drawn" not in found.terms and "boxed" not in found.terms  # an inner <svg/> opens nothing


@pytest.mark.parametrize(("one", "other"), [("care", "car"), ("hope", "hop"), ("note", "not"), ("site", "sit"),
                                            ("plane", "plan"), ("care", "career"), ("us", "use")])
def test_the_stemmer_keeps_different_words_apart(one: str, other: str) -> None:
    assert stem(one) != stem(other)


@pytest.mark.parametrize("same", [("care", "cared", "caring", "cares"), ("hope", "hoped", "hoping", "hopes"),
                                  ("use", "used", "using", "uses"), ("plan", "planned", "planning", "plans"),
                                  ("change", "changed", "changing", "changes"), ("agree", "agreed", "agreeing"),
                                  ("meet", "meeting", "meetings"), ("carry", "carried", "carries"),
                                  ("policy", "policies"), ("house", "houses"), ("stop", "stopped"), ("gp", "gps")])
def test_the_stemmer_makes_forms_of_one_word_one_term(same: tuple[str, ...]) -> None:
    assert len({stem(word) for word in same}) == 1, [stem(word) for word in same]


def test_an_apostrophe_inside_a_word_joins_it_so_no_one_letter_word_is_left() -> None:
    assert terms("people's") == terms("people") and terms("People’s") == terms("people")
    assert terms("GPs and GP's") == ["gp", "and", "gp"]
    assert terms("don't") == ["dont"] and terms("'quoted' words") == ["quot", "word"]


def record(title: str, words: str, version: str = "easy read") -> SearchRecord:
    return SearchRecord(title, f"About {title}.", "/pictures/x.svg", version, dict(Counter(terms(words))))


def test_patching_the_index_gives_the_bytes_of_an_index_made_whole(tmp_path: Path) -> None:
    """Words gone from the whole site (their shard too), new words, a new title and version."""
    before = [(f"page-{n}/", record(f"Page {n}", f"common words page{n} zebra" if n == 7 else f"common words page{n}"))
              for n in range(120)]  # more than one chunk of page details
    after = list(before)
    after[7] = ("page-7/", record("Page seven", "common quagga page7", "full"))
    after[80] = ("page-80/", record("Page 80", "common words words page80 kiwi"))
    old_files = {}
    for path, data in build_index(before).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
        old_files[path] = tmp_path / path
    changes = [PageChange(n, after[n][0], before[n][1], after[n][1]) for n in (7, 80)]
    patched = patch_index(old_files, changes)
    whole = build_index(after)
    assert patched.keys() == whole.keys()
    assert {path: data if isinstance(data, bytes) else data.read_bytes() for path, data in patched.items()} == whole
    kept = sorted(path.name for path, data in patched.items() if isinstance(data, Path))
    assert "terms-co.json" in kept and "pages-0.json" not in kept and "pages-1.json" in kept
    names = {path.name for path in patched}
    assert "terms-ze.json" not in names and "terms-qu.json" in names  # zebra gone, quagga new


def test_two_builds_of_one_site_give_the_same_index(make_site, build_site, tmp_path: Path) -> None:
    site = make_site(SEARCH_SITE)
    first, second = tmp_path / "first", tmp_path / "second"
    assert build_site(site, out_dir=first, use_cache=False).written
    assert build_site(site, out_dir=second, use_cache=False).written
    assert index_files(first) == index_files(second) and index_files(first)


def index_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "search-index").iterdir())}


def test_a_one_page_edit_gives_the_index_a_clean_build_gives(make_site, build_site, tmp_path: Path) -> None:
    site = make_site(SEARCH_SITE)
    assert build_site(site, out_dir=tmp_path / "out").written
    page = site / "content" / "pay.md"
    page.write_text(page.read_text(encoding="utf-8").replace("for your time.", "for your time and travel."),
                    encoding="utf-8")
    assert build_site(site, out_dir=tmp_path / "out").written
    assert build_site(site, out_dir=tmp_path / "clean", use_cache=False).written
    assert index_files(tmp_path / "out") == index_files(tmp_path / "clean")
    assert "travel" in json.loads(index_files(tmp_path / "out")["terms-tr.json"])


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


@pytest.mark.browser
def test_a_deleted_page_is_no_longer_found(browser, make_site, build_site, tmp_path: Path) -> None:
    site = make_site(SEARCH_SITE)
    out = tmp_path / "web-root" / "my-tcp"
    assert build_site(site, out_dir=out).written
    server = serve_folder(tmp_path / "web-root")
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}/my-tcp/search/?q=paper")
        assert "Our papers" in [r["title"] for r in results(page)]
        (site / "content" / "papers.md").unlink()
        assert build_site(site, out_dir=out).written  # with the cache, as an editor rebuilds
        page = browser.new_page()  # a new page: nothing the last one fetched is reused
        page.goto(f"http://127.0.0.1:{server.server_port}/my-tcp/search/?q=paper")
        titles = [r["title"] for r in results(page)]
        assert "Our papers" not in titles and titles, titles  # the pictures page still says 'paper'
        assert f"We found {len(titles)} page" in page.inner_text(".search-status")
    finally:
        server.shutdown()
    assert "papers/" not in indexed_pages(out)


STEMMED = ["meetings", "meeting", "meet", "policies", "policy", "changed", "change", "changing", "stopped",
           "running", "called", "passes", "boxes", "churches", "buses", "houses", "status", "this", "paid",
           "paying", "agreed", "agree", "agreeing", "2026s", "café", "naïve", "ladies", "used", "use", "using", "us",
           "seeds", "bring", "care", "car", "cared", "caring", "career", "hope", "hop", "hoped", "hopping", "note",
           "noted", "not", "site", "sit", "plan", "plane", "planned", "gps", "nhs", "yes", "carried", "died",
           "exceeded", "needed", "speed", "shed", "people", "having", "writing", "eyed", "aged", "staying", "fixed",
           "troubled", "going", "thing", "x", "é", "𝒜bcs", "ünïs"]
TEXTS = ["People's GPs don't say it’s fine.", "'quoted' rock'n'roll O'Brien 2026's", "Ünïcode ﬁne ÉCOLES"]


@pytest.mark.browser
def test_the_browser_makes_the_same_terms_as_the_build(browser, sub_folder_site) -> None:
    """A typed word must become the very term the build wrote, or a search misses its pages."""
    page = browser.new_page()
    page.goto(sub_folder_site + "search/")
    page.wait_for_selector("[data-search][data-ready=yes]")
    in_browser = page.eval_on_selector("[data-search]", "(box, words) => words.map(box.stem)", STEMMED)
    assert in_browser == [stem(word) for word in STEMMED]
    in_browser = page.eval_on_selector("[data-search]", "(box, texts) => texts.map(box.terms)", TEXTS)
    assert in_browser == [terms(text) for text in TEXTS]
    assert stem("meetings") == stem("meeting") and stem("policies") == stem("policy")


@pytest.mark.browser
def test_search_opened_from_a_disk_says_it_needs_a_web_server(browser, make_site, build_site, tmp_path) -> None:
    site = make_site(SEARCH_SITE)
    out = tmp_path / "out"
    assert build_site(site, out_dir=out, offline=True).written
    page = browser.new_page()
    page.goto((out / "search" / "index.html").as_uri() + "?q=money")
    page.wait_for_function("document.querySelector('.search-status').textContent.length > 0")
    assert "Search works only when the website is on a web server" in page.inner_text(".search-status")
    assert page.get_attribute(".search-other-way a", "href").endswith("index.html")


CARE_SITE = {
    **SEARCH_SITE,
    "content/care.md": """\
        ---
        title: How we help you
        summary: We help you every day.
        picture: welcome
        ---
        [picture: welcome] We care about you.
        """,
    "content/car.md": """\
        ---
        title: Getting here
        summary: How to get to our meetings.
        picture: welcome
        ---
        [picture: welcome] You can come by car.
        """,
    "content/card.md": """\
        ---
        title: Your bus pass
        summary: How to get a bus pass.
        picture: welcome
        ---
        [picture: welcome] Show your card on the bus.
        """,
    "content/career.md": """\
        ---
        title: Your career
        summary: Find a job with us.
        picture: welcome
        ---
        [picture: welcome] We help you find a career.
        """,
}


@pytest.fixture
def care_site(make_site, build_site, tmp_path: Path):
    """CARE_SITE built into web-root/my-tcp/ and served from web-root."""
    site = make_site(CARE_SITE)
    report = build_site(site, out_dir=tmp_path / "web-root" / "my-tcp")
    assert report.written, report.problems
    server = serve_folder(tmp_path / "web-root")
    yield f"http://127.0.0.1:{server.server_port}/my-tcp/"
    server.shutdown()


@pytest.mark.browser
def test_care_finds_care_first_then_words_starting_with_it_but_not_car(browser, care_site) -> None:
    """'care' once became 'car' and, as the start of a word, found car, card and career in score order."""
    page = browser.new_page()
    page.goto(care_site + "search/?q=care")
    titles = [r["title"] for r in results(page)]
    assert titles == ["How we help you", "Your career"], titles  # the exact word first, though 'career' is a title
    page.goto(care_site + "search/?q=car")
    titles = [r["title"] for r in results(page)]
    assert titles[0] == "Getting here" and {"Your bus pass", "How we help you", "Your career"} <= set(titles), titles


def shards_fetched(page, address: str) -> list[str]:
    """Open ``address`` and return the names of the term shards the search fetched."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    page.goto(address)
    results(page)
    return sorted(name for name in fetched if name.startswith("terms-"))


@pytest.mark.browser
def test_an_apostrophe_s_searches_the_word_and_a_letter_fetches_one_shard(browser, care_site) -> None:
    """'people's' was 'people' and a last word 's' that fetched every shard starting with s."""
    page = browser.new_page()
    assert shards_fetched(page, care_site + "search/?q=people%27s") == ["terms-pe.json"]
    with_apostrophe = [r["title"] for r in results(page)]
    assert "How we pay people" in with_apostrophe
    page = browser.new_page()
    assert shards_fetched(page, care_site + "search/?q=people") == ["terms-pe.json"]
    assert [r["title"] for r in results(page)] == with_apostrophe
    page = browser.new_page()
    assert shards_fetched(page, care_site + "search/?q=pay+s") in (["terms-pa.json"],
                                                                   ["terms-pa.json", "terms-s.json"])


@pytest.mark.browser
def test_a_slow_search_does_not_replace_the_results_of_a_newer_one(browser, sub_folder_site) -> None:
    page = browser.new_page()
    held = []
    page.route("**/search-index/terms-mo.json", lambda route: held.append(route))  # money waits until we say
    page.goto(sub_folder_site + "search/")
    results(page)
    page.fill("#search-words", "money")
    page.press("#search-words", "Enter")
    while not held:
        page.wait_for_timeout(20)
    page.fill("#search-words", "paper")
    page.press("#search-words", "Enter")
    page.wait_for_function("document.querySelector('.search-status').textContent.includes('paper')")
    newer = results(page)
    assert "Our papers" in [r["title"] for r in newer] and "How we pay people" not in [r["title"] for r in newer]
    with page.expect_response("**/search-index/terms-mo.json"):
        held[0].continue_()
    page.wait_for_timeout(300)  # time for the money search to finish, and to show its results if it would
    assert page.evaluate("document.querySelector('[data-search]').dataset.ready") == "yes"
    assert results(page) == newer
    assert 'with "paper"' in page.inner_text(".search-status")
