"""Pages are rendered on every core and go straight into the new site's folder (issue 16).

A big site's content pages are shared out to the page pool (render.PageRenderer);
each finished page is put in the staging folder (write.Staging) instead of being
held in memory until the end. The site must come out byte for byte as when one
process renders everything, and a failed build must still leave the old site.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from conftest import TODAY

from wtfc_site import pagework, render
from wtfc_site.pipeline import Options, check
from wtfc_site.write import Staging

PAGES = {
    # The site's own update layout shows a picture no page names: only rendering an update finds it.
    "layouts/update.html": """
        {% extends "default/update.html" %}
        {% block after_content %}<p><img src="{{ picture_url('wheelchair') }}" alt=""> Step-free.</p>{% endblock %}
        """,
    # A content page that lists every picture the site shows is made again once all are known.
    "layouts/page.html": """
        {% extends "default/page.html" %}
        {% block after_content %}<ul class="all-pictures">{% for p in pictures_used %}<li>{{ p.name }}</li>{% endfor %}</ul>{% endblock %}
        """,
    "content/our-pictures.md": """
        ---
        title: Every picture we use
        ---
        [picture: look] Here are all our pictures.
        """,
    **{f"content/updates/2026-03-{number + 1:02d}-news.md": f"""
        ---
        title: News number {number}
        date: 2026-03-{number + 1:02d}
        ---
        [picture: meeting] We met {number} times this month.
        """ for number in range(12)},
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` as {relative path: bytes}."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def rendered_by(monkeypatch: pytest.MonkeyPatch, record: Path) -> None:
    """Make every content page's render write the rendering process's id into ``record``."""
    original = render.PageRenderer.__call__

    def recording(self, page):
        with record.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return original(self, page)
    monkeypatch.setattr(render.PageRenderer, "__call__", recording)


def test_pages_rendered_by_a_pool_give_the_same_site_as_one_process(make_site, build_site, tmp_path,
                                                                      monkeypatch, parse_html):
    if pagework.cores() < 2:
        pytest.skip("this machine has one core")
    site = make_site(PAGES)
    monkeypatch.setattr(pagework, "POOL_FROM", 10**9)
    assert build_site(site, out_dir=tmp_path / "serial", use_cache=False).written
    serial = snapshot(tmp_path / "serial")

    pids = tmp_path / "pids.txt"
    rendered_by(monkeypatch, pids)
    monkeypatch.setattr(pagework, "POOL_FROM", 1)
    monkeypatch.setattr(pagework, "CHUNK", 2)
    assert build_site(site, out_dir=tmp_path / "pooled", use_cache=False).written

    workers = set(pids.read_text(encoding="utf-8").split())
    assert workers and str(os.getpid()) not in workers  # pool processes rendered the content pages
    assert snapshot(tmp_path / "pooled") == serial
    # What a pool process learnt while rendering reached the main process: the picture only the
    # update layout shows is copied, is in the credits, and is on the page that lists them all.
    out = tmp_path / "pooled"
    assert (out / "pictures" / "wheelchair.svg").is_file()
    credits = parse_html(out / "pictures" / "index.html").get_text(" ")
    assert "wheelchair" in credits
    listed = [li.get_text() for li in parse_html(out / "our-pictures" / "index.html").select(".all-pictures li")]
    assert "wheelchair" in listed and "meeting" in listed


def test_pages_go_into_the_new_folder_while_rendering_and_a_layout_error_leaves_the_old_site(
        make_site, build_site, tmp_path, monkeypatch):
    site = make_site(PAGES)
    out = tmp_path / "out"
    assert build_site(site, out_dir=out).written
    before = snapshot(out)

    staged: list[Path] = []
    original = Staging.put

    def put(self, path, data):
        result = original(self, path, data)
        staged.append(result)
        assert isinstance(result, Path) and result.is_file() and not result.is_relative_to(out)
        return result
    monkeypatch.setattr(Staging, "put", put)
    (site / "content" / "updates" / "2026-03-05-news.md").write_text(
        "---\ntitle: News again\ndate: 2026-03-05\n---\n[picture: meeting] We met again.\n", encoding="utf-8")
    (site / "layouts" / "page.html").write_text(
        '{% extends "default/page.html" %}{% block after_content %}{{ no_such_thing.at_all }}{% endblock %}',
        encoding="utf-8")
    report = build_site(site, out_dir=out)

    assert not report.written
    assert any(p.rule == "SITE-LAYOUT" and p.file == Path("layouts/page.html") for p in report.problems)
    assert staged  # pages had gone into the new folder before the error stopped the build
    assert not any(path.exists() for path in staged)  # and the new folder is gone again
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")) == []


def test_a_page_put_over_a_linked_old_file_never_changes_the_old_site(tmp_path):
    out = tmp_path / "out"
    first = Staging(out)
    first.finish({PurePosixPath("index.html"): b"old"})
    staging = Staging(out)
    path = PurePosixPath("index.html")
    staging.put(path, b"old")  # the same bytes: a hard link to the old site's file
    staging.put(path, b"new")  # made again (the credits are): a new file, not a write through the link
    assert (out / "index.html").read_bytes() == b"old"
    staging.finish({path: staging.folder / path})
    assert (out / "index.html").read_bytes() == b"new"


def test_check_renders_on_the_pool_too_and_finds_the_same(make_site, tmp_path, monkeypatch):
    """'check' renders every page in memory to find what 'build' would; with the pool it finds the same."""
    if pagework.cores() < 2:
        pytest.skip("this machine has one core")
    site = make_site(PAGES)
    options = Options(site_dir=site, today=TODAY, cache_dir=tmp_path / "cache", use_cache=False)
    monkeypatch.setattr(pagework, "POOL_FROM", 10**9)
    alone = [(p.rule, p.location, p.message) for p in check(options).problems]
    pids = tmp_path / "pids.txt"
    rendered_by(monkeypatch, pids)
    monkeypatch.setattr(pagework, "POOL_FROM", 1)
    monkeypatch.setattr(pagework, "CHUNK", 2)
    pooled = [(p.rule, p.location, p.message) for p in check(options).problems]
    assert str(os.getpid()) not in set(pids.read_text(encoding="utf-8").split())
    assert pooled == alone
    assert any(rule.startswith("ER-") for rule, _, _ in pooled)  # the visible text was read as well


class Parcel:
    """A pool item that notes the process it was unpickled in."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.unpickled_in: int | None = None

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.unpickled_in = os.getpid()


def open_parcel(parcel: Parcel) -> tuple[int, int | None]:
    return parcel.number, parcel.unpickled_in


def test_the_pool_sends_each_page_to_its_worker_rather_than_reading_the_inherited_one(monkeypatch):
    """A worker reading the inherited page in place writes its reference counts and so copies its memory."""
    if pagework.cores() < 2:
        pytest.skip("this machine has one core")
    monkeypatch.setattr(pagework, "POOL_FROM", 1)
    monkeypatch.setattr(pagework, "CHUNK", 2)
    results = pagework.run_pages([Parcel(n) for n in range(8)], [""] * 8, open_parcel, None)
    assert [number for number, _ in results] == list(range(8))
    assert all(pid is not None and pid != os.getpid() for _, pid in results)


def test_items_made_when_sent_are_each_made_once_and_in_order(monkeypatch):
    if pagework.cores() < 2:
        pytest.skip("this machine has one core")
    monkeypatch.setattr(pagework, "POOL_FROM", 1)
    monkeypatch.setattr(pagework, "CHUNK", 2)
    made: list[int] = []

    def maker(number: int):
        def make() -> Parcel:
            made.append(number)
            return Parcel(number)
        return make
    items = pagework.MadeWhenSent([maker(n) for n in range(9)])
    results = pagework.run_pages(items, [""] * 9, open_parcel, None)
    assert [number for number, _ in results] == list(range(9))
    assert sorted(made) == list(range(9))

