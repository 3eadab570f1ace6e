"""A one-page edit renders and writes only what it changes (issue 16), and the site is still a clean build's.

The pages the build makes itself (the news list and its later pages, the A to Z, the credits) show the
front matter of the pages they list, never a body: a body edit keeps them as they are, and a title,
summary or date edit makes them again. Each test compares the cached build with a clean one byte for byte.
"""

from __future__ import annotations

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
