"""A one-page edit renders and writes only what it changes (issue 16), and the site is still a clean build's.

The pages the build makes itself (the news list and its later pages, the A to Z, the credits) show the
front matter of the pages they list and, with the default layouts, never a body: a body edit keeps them as
they are, and a title, summary or date edit makes them again. A site whose own layouts may show bodies has
them made again on a body edit too. Each test compares the cached build with a clean one byte for byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import new_site, read_html
from test_build_cache import FILES, cached_build, clean_build, record_rendered_pages, snapshot


def _news(number: int) -> str:
    return f"""
        ---
        title: News number {number}
        date: 2025-{1 + number // 28:02d}-{1 + number % 28:02d}
        summary: What happened on day {number}.
        ---
        [picture: meeting] We met on day {number}.
        """


MANY = {**FILES, **{f"content/updates/news-{number:02d}.md": _news(number) for number in range(60)}}
"""More news than one page of the list holds (pagination.PER_PAGE): the list has a page 2."""


def _news_list(out: Path) -> str:
    """Return the visible text of both pages of the news list."""
    return " ".join(read_html(out / name).get_text(" ") for name in ("updates/index.html", "updates/page/2/index.html"))


def _edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / "content/updates" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_body_edit_renders_only_that_page_and_keeps_every_list(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    site = new_site(tmp_path / "site", MANY)
    cached_build(site, tmp_path)
    rendered = record_rendered_pages(monkeypatch)
    _edit(site, "news-07.md", "We met on day 7.", "We met in the park on day 7.")
    cached_build(site, tmp_path)
    assert rendered == ["updates/news-07/index.html"]
    out = tmp_path / "out"
    assert "We met in the park on day 7." in read_html(out / "updates/news-07/index.html").get_text(" ")
    assert (out / "updates/page/2/index.html").is_file() and (out / "a-z/index.html").is_file()
    assert snapshot(out) == clean_build(site, tmp_path)


@pytest.mark.parametrize("field, old, new, shown", [
    ("title", "title: News number 7", "title: Big news number 7", "Big news number 7"),
    ("summary", "summary: What happened on day 7.", "summary: A party happened on day 7.",
     "A party happened on day 7."),
    ("date", "date: 2025-01-08", "date: 2026-01-08", ""),  # the newest first: it moves to the top
])
def test_a_front_matter_edit_makes_the_lists_that_show_it_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, old: str, new: str, shown: str) -> None:
    site = new_site(tmp_path / "site", MANY)
    cached_build(site, tmp_path)
    first_list = _news_list(tmp_path / "out")
    rendered = record_rendered_pages(monkeypatch)
    _edit(site, "news-07.md", old, new)
    cached_build(site, tmp_path)
    assert {"updates/index.html", "updates/page/2/index.html", "a-z/index.html"} <= set(rendered)
    news_list = _news_list(tmp_path / "out")
    if field == "date":
        assert news_list != first_list
    else:
        assert shown in news_list and shown not in first_list
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_a_list_page_changed_by_hand_in_the_output_is_made_again(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    site = new_site(tmp_path / "site", MANY)
    cached_build(site, tmp_path)
    (tmp_path / "out/updates/page/2/index.html").write_text("spoilt", encoding="utf-8")
    rendered = record_rendered_pages(monkeypatch)
    _edit(site, "news-07.md", "We met on day 7.", "We met in the park on day 7.")
    cached_build(site, tmp_path)
    # The news list is made again whole (its pages come as one); the other lists are kept.
    assert {"updates/index.html", "updates/page/2/index.html"} <= set(rendered)
    assert "a-z/index.html" not in rendered
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


SITES = Path(__file__).parent / "sites"
DEFAULT_LAYOUTS = Path(__file__).parent.parent / "layouts"


def _with_a_list_showing_bodies(site: Path) -> None:
    """Give the site its own list layout: the default one, with the start of each listed page's body."""
    text = (DEFAULT_LAYOUTS / "list.html").read_text(encoding="utf-8")
    anchor = "{% if item.meta.summary %}<p>{{ item.meta.summary }}</p>{% endif %}"
    assert anchor in text
    (site / "layouts").mkdir()
    (site / "layouts/list.html").write_text(
        text.replace(anchor, anchor + '\n      <p class="item-body">{{ item.body[:60] }}</p>'), encoding="utf-8")


def test_a_body_edit_makes_the_lists_again_when_the_sites_own_layout_shows_bodies(tmp_path: Path) -> None:
    # A site's own layout may read any page's body (item.body, site.bodies, search_words(item)):
    # then a kept list would show the old words, and the search index made from it would find them.
    site = tmp_path / "site"
    shutil.copytree(SITES / "bryn-valley", site)
    _with_a_list_showing_bodies(site)
    cached_build(site, tmp_path)
    page = site / "content/updates/Our Trip To The Sea.md"
    text = page.read_text(encoding="utf-8")
    assert "[picture: bus]" in text
    page.write_text(text.replace("[picture: bus]", "[picture: happy]"), encoding="utf-8")
    cached_build(site, tmp_path)
    shown = read_html(tmp_path / "out/updates/index.html").get_text(" ")
    assert "[picture: happy]" in shown and "[picture: bus]" not in shown
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_layouts_that_are_the_defaults_themselves_still_keep_the_lists(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # The example site at the top of the repository has the default layouts as its layouts/ folder:
    # they are not layouts of its own, so a body edit still keeps every list.
    site = new_site(tmp_path / "site", MANY)
    (site / "layouts").symlink_to(DEFAULT_LAYOUTS.resolve(), target_is_directory=True)
    cached_build(site, tmp_path)
    rendered = record_rendered_pages(monkeypatch)
    _edit(site, "news-07.md", "We met on day 7.", "We met in the park on day 7.")
    cached_build(site, tmp_path)
    assert rendered == ["updates/news-07/index.html"]
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)
