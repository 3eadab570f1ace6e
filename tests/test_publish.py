"""What the build publishes besides pages: the Atom feed, sitemap.xml and
robots.txt with full addresses, head metadata, the easy-read 404 page,
breadcrumbs and 'last changed' dates; and output that works in a sub-folder
and opened straight from a disk (--offline), checked link by link and in a
real browser over file://."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO, broken_internal_links, html_pages, read_html, url_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://riverside-together.example.org"


# -- feed -----------------------------------------------------------------------------

def test_the_feed_lists_news_and_minutes_newest_first_with_full_addresses(built_example) -> None:
    feed = etree.parse(built_example.out / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    site = built_example.report.site
    expected = {p.url for kind in ("update", "minutes") for p in site.pages_of(kind)
                if p.easy_read or not site.counterpart(p)}
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert {SITE_URL + u for u in expected} == set(links)
    assert len(links) == len(set(links)), "each meeting once, not once per version"
    assert f"{SITE_URL}/minutes/2026-01-21-board-full/" not in links
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    news = next(e for e in entries if e.find(f"{ATOM}link").get("href").endswith("/updates/2026-07-20-paid-within-2-weeks/"))
    assert news.find(f"{ATOM}title").text == "We now pay people within 2 weeks"
    assert news.find(f"{ATOM}summary").text
    self_link = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [f"{SITE_URL}/feed.xml"]


def test_every_page_names_the_feed_for_feed_readers(built_example) -> None:
    link = built_example.page("/").select_one("link[rel=alternate][type='application/atom+xml']")
    assert link["href"] == "/feed.xml"


# -- sitemap and robots.txt --------------------------------------------------------------

def test_the_sitemap_lists_every_public_page_with_full_addresses(built_example) -> None:
    root = etree.parse(built_example.out / "sitemap.xml").getroot()
    listed = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    written = {url_of(built_example.out, p) for p in html_pages(built_example.out) if p.name == "index.html"}
    assert set(listed) == {SITE_URL + u for u in written - {"/search/", "/feedback/thank-you/"}}
    assert all(loc.startswith(SITE_URL + "/") for loc in listed)
    policy = next(u for u in root.iter(f"{SITEMAP}url") if u.find(f"{SITEMAP}loc").text.endswith("/policy/co-production-policy/"))
    assert policy.find(f"{SITEMAP}lastmod").text == "2026-04-22"


def test_robots_txt_names_the_sitemap(built_example) -> None:
    robots = (built_example.out / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in robots.splitlines()


def test_without_site_url_there_is_no_feed_or_sitemap_but_the_site_builds(make_site, build_site, tmp_path) -> None:
    site = make_site({"content/index.md": "---\ntitle: Home\n---\n\n[picture: welcome] Hello.\n"})
    report = build_site(site, out_dir=tmp_path / "out")
    assert report.written
    assert not (tmp_path / "out" / "feed.xml").exists() and not (tmp_path / "out" / "sitemap.xml").exists()
    assert "Sitemap:" not in (tmp_path / "out" / "robots.txt").read_text(encoding="utf-8")
    home = read_html(tmp_path / "out" / "index.html")
    assert home.select_one("link[rel=canonical]") is None


# -- head metadata ------------------------------------------------------------------------

def test_a_page_has_a_description_canonical_link_and_open_graph_tags(built_example) -> None:
    page = built_example.page("/policy/co-production-policy/")
    summary = page.select_one("main .summary").get_text(strip=True)
    assert page.select_one("meta[name=description]")["content"] == summary
    assert page.select_one("link[rel=canonical]")["href"] == f"{SITE_URL}/policy/co-production-policy/"
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og["og:title"] == "Our co-production policy"
    assert og["og:description"] == summary
    assert og["og:url"] == f"{SITE_URL}/policy/co-production-policy/"
    assert og["og:image"] == f"{SITE_URL}/pictures/policy.svg"
    assert og["og:site_name"] == "Riverside Together"


def test_the_search_and_404_pages_ask_not_to_be_indexed(built_example) -> None:
    for page in (read_html(built_example.out / "404.html"), built_example.page("/search/")):
        assert page.select_one("meta[name=robots]")["content"] == "noindex"
        assert page.select_one("link[rel=canonical]") is None


# -- 404, breadcrumbs, last changed -----------------------------------------------------------

def test_the_404_page_is_easy_read_and_offers_a_way_on(built_example) -> None:
    page = read_html(built_example.out / "404.html")
    assert page.h1.get_text(strip=True) == "Sorry, we cannot find this page"
    text = page.select_one("main").get_text(" ", strip=True)
    assert "there is no page at this address" in text
    links = {a["href"] for a in page.select("main a")}
    assert {"/", "/a-z/"} <= links
    assert all(img.get("alt") == "" for img in page.select("main .er-pic img"))


def test_breadcrumbs_say_where_a_page_is(built_example) -> None:
    crumbs = built_example.page("/minutes/2026-01-21-board/").select("main nav.breadcrumbs li")
    assert [c.get_text(strip=True) for c in crumbs][:2] == ["Home", "Meeting notes"]
    assert crumbs[1].a["href"] == "/minutes/"
    assert crumbs[-1]["aria-current"] == "page"
    assert built_example.page("/").select_one("nav.breadcrumbs") is None


def test_a_page_with_updated_says_when_it_last_changed(built_example) -> None:
    text = built_example.page("/policy/co-production-policy/").select_one(".last-updated").get_text(" ", strip=True)
    assert text == "We last changed this page on Wednesday 22 April 2026."


# -- a sub-folder and a disk ---------------------------------------------------------------------

def example_copy(tmp_path: Path, base_url: str) -> Path:
    """The example site's content in a new folder, with a different base_url."""
    site = tmp_path / "example"
    shutil.copytree(REPO / "content", site / "content")
    settings = site / "content" / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("base_url: /\n", f"base_url: {base_url}\n"),
                        encoding="utf-8")
    return site


def build(site: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--site", str(site), "--out", str(out),
                           "--today", "2026-11-23", *extra], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done


def test_every_link_in_a_sub_folder_build_resolves(tmp_path: Path) -> None:
    site = example_copy(tmp_path, "/my-tcp/")
    out = tmp_path / "web" / "my-tcp"
    build(site, out)
    assert broken_internal_links(out, "/my-tcp/") == []
    home = read_html(out / "index.html")
    assert home.select_one("header form[role=search]")["action"] == "/my-tcp/search/"
    assert read_html(out / "search" / "index.html").select_one("[data-search]")["data-base-url"] == "/my-tcp/"
    root = etree.parse(out / "sitemap.xml").getroot()
    assert all(loc.text.startswith(SITE_URL + "/my-tcp/") for loc in root.iter(f"{SITEMAP}loc"))


def offline_targets(out: Path) -> list[str]:
    """Return 'page: address' for each link, picture or style that does not lead to a file from the disk."""
    broken = []
    for page in html_pages(out):
        if page.parent == out / "search-index" or page.name == "404.html":
            continue
        soup = read_html(page)
        for tag in soup.find_all(True):
            for attribute in ("href", "src", "action", "srcset"):
                value = tag.get(attribute)
                if not isinstance(value, str):
                    continue
                for address in ([p.strip().split(" ")[0] for p in value.split(",")] if attribute == "srcset" else [value]):
                    if address.startswith(("http:", "https:", "mailto:", "tel:", "#")) or not address:
                        continue
                    if address.startswith("/"):
                        broken.append(f"{page.relative_to(out)}: {address} starts from the top of the disk")
                        continue
                    target = (page.parent / unquote(urlsplit(address).path)).resolve()
                    if not target.is_file():
                        broken.append(f"{page.relative_to(out)}: {address} is not a file")
    return broken


def test_an_offline_build_has_links_that_work_from_the_disk(tmp_path: Path) -> None:
    site = example_copy(tmp_path, "/my-tcp/")
    out = tmp_path / "review"
    done = build(site, out, "--offline")
    assert offline_targets(out) == []
    assert f"Open {out.resolve() / 'index.html'} in a web browser" in done.stdout
    menu = read_html(out / "minutes" / "2026-01-21-board" / "index.html").select_one("nav.main-menu a")
    assert menu["href"] == "../index.html"


def test_the_closing_message_does_not_send_people_to_a_broken_file(tmp_path: Path) -> None:
    site = example_copy(tmp_path, "/")
    done = build(site, tmp_path / "out")
    assert "Open " not in done.stdout
    assert "python build.py serve --site" in done.stdout and "--offline" in done.stdout


# -- a real browser over file:// --------------------------------------------------------------------

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
def test_opened_from_the_disk_styles_pictures_and_links_work(tmp_path: Path) -> None:
    if not CHROMIUM.exists():  # pragma: no cover - only where Chromium cannot be installed
        pytest.skip("Chromium is not installed (bash scripts/test.sh installs it)")
    site = example_copy(tmp_path, "/")
    out = tmp_path / "review"
    build(site, out, "--offline")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto((out / "index.html").as_uri())
            size = page.eval_on_selector("main p", "p => getComputedStyle(p).fontSize")
            assert size == "22px", "the style sheet did not load"
            broken = page.eval_on_selector_all("img", "imgs => imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
            assert broken == []
            page.click("nav.main-menu a >> text=Meeting notes")
            assert page.url == (out / "minutes" / "index.html").as_uri()
            assert page.inner_text("h1") == "Meeting notes"
            page.click("main .page-list a >> nth=0")
            assert page.url.endswith("/index.html") and page.inner_text("h1")
            page.goto((out / "search" / "index.html").as_uri() + "?q=money")
            page.wait_for_function("document.querySelector('.search-status').textContent.length > 0")
            assert "A to Z" in page.inner_text(".search-status")
        finally:
            browser.close()


# -- hosting ----------------------------------------------------------------------------------------

def test_the_readme_gives_the_same_ready_github_pages_workflow() -> None:
    import yaml
    workflow_text = (REPO / "docs" / "github-pages-workflow.yml").read_text(encoding="utf-8")
    assert "```yaml\n" + workflow_text + "```" in (REPO / "README.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(workflow_text)
    steps = workflow["jobs"]["build"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "check --strict" in commands and "build --site" in commands
    assert commands.index("check --strict") < commands.index("build --site"), "check before publishing"
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["permissions"]["pages"] == "write"


# -- the pieces, one by one -----------------------------------------------------------------------------

@pytest.mark.parametrize("address, page, expected", [
    ("/my-tcp/", "index.html", "index.html"),
    ("/my-tcp/minutes/", "index.html", "minutes/index.html"),
    ("/my-tcp/minutes/", "minutes/2026-01-21-board/index.html", "../index.html"),
    ("/my-tcp/assets/site.css", "minutes/2026-01-21-board/index.html", "../../assets/site.css"),
    ("/my-tcp/minutes/2026-01-21-board/#a3", "actions/index.html", "../minutes/2026-01-21-board/index.html#a3"),
    ("/my-tcp/search/?q=money", "index.html", "search/index.html"),
    ("https://example.org/my-tcp/", "index.html", "https://example.org/my-tcp/"),
    ("/elsewhere/", "index.html", "/elsewhere/"),
    ("#main", "index.html", "#main"),
])
def test_relative_addresses_for_the_disk(address: str, page: str, expected: str) -> None:
    from pathlib import PurePosixPath

    from wtfc_site.publish.offline import relative_address
    assert relative_address(address, PurePosixPath(page), "/my-tcp/") == expected


def test_a_short_form_is_added_only_where_its_full_words_are_and_it_is_not() -> None:
    from wtfc_site.search_words import short_forms_spelled_out
    from wtfc_site.words import Abbreviations
    short = Abbreviations({"TCP": "Transforming Care Partnership", "PDF": "portable document format, a kind of file"})
    assert short_forms_spelled_out(short, "Our Transforming Care Partnership meets.") == ["TCP"]
    assert short_forms_spelled_out(short, "Our TCP (Transforming Care Partnership) meets.") == []
    assert short_forms_spelled_out(short, "Get it as a portable document format file.") == ["PDF"]
    assert short_forms_spelled_out(short, "Nothing here.") == []


def test_the_feed_and_canonical_links_of_a_sub_folder_site_name_the_folder(tmp_path: Path) -> None:
    site = example_copy(tmp_path, "/my-tcp/")
    out = tmp_path / "web" / "my-tcp"
    build(site, out)
    feed = etree.parse(out / "feed.xml").getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert links and all(link.startswith(SITE_URL + "/my-tcp/") for link in links)
    canonical = read_html(out / "minutes" / "index.html").select_one("link[rel=canonical]")["href"]
    assert canonical == f"{SITE_URL}/my-tcp/minutes/"
