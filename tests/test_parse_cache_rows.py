"""The parse cache keeps each page without its two Paths (issue 16 speed: unpickling them was
nearly half of reading the pages back) and gives them back on the way out: a page read from
the cache must equal the page parsed from its file, Paths and all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from wtfc_site.buildcache import SiteInputs, hash_files
from wtfc_site.discover import discover
from wtfc_site.load import ParseCache, parse_pages
from wtfc_site.resultstore import Store

SITE = Path(__file__).parent / "sites" / "bryn-valley"


def _parse(site_dir: Path, store: Store | None) -> list:
    sources = discover(site_dir)
    inputs = SiteInputs(hash_files(sources.pages, site_dir), "options", "generator")
    return parse_pages(sources, site_dir, [], drafts=True, parsed=ParseCache(store, inputs))


def test_cached_pages_equal_parsed_ones(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    shutil.copytree(SITE, site_dir)
    fresh = _parse(site_dir, None)
    first = Store.open(tmp_path / "pages.sqlite")
    assert _parse(site_dir, first) == fresh  # parsed, and rows made
    first.save()
    again = Store.open(tmp_path / "pages.sqlite")
    cached = _parse(site_dir, again)
    assert not again.made  # every page came from the cache
    assert cached == fresh
    assert [(page.path, page.file) for page in cached] == [(page.path, page.file) for page in fresh]
    assert all(isinstance(page.path, Path) and isinstance(page.file, Path) for page in cached)


def test_a_page_gets_back_the_path_this_build_names(tmp_path: Path, monkeypatch) -> None:
    """Rows are found by the file's absolute path; a build naming the site folder relatively
    gets its own relative Paths back, not those of the build that made the rows."""
    site_dir = tmp_path / "site"
    shutil.copytree(SITE, site_dir)
    store = Store.open(tmp_path / "pages.sqlite")
    _parse(site_dir, store)
    store.save()
    monkeypatch.chdir(tmp_path)
    relative = Path("site")
    fresh = _parse(relative, None)
    again = Store.open(tmp_path / "pages.sqlite")
    cached = _parse(relative, again)
    assert not again.made
    assert [page.path for page in cached] == [page.path for page in fresh]
    assert not any(os.path.isabs(page.path) for page in cached)
