"""The look at what changed skips re-reading files whose stat is as last time, and still sees every edit."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from wtfc_site import buildcache
from wtfc_site.buildcache import SEEN_FILES, load_pickle, site_inputs


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "about.md").write_text("---\ntitle: About us\n---\nWe meet on Monday.\n")
    (site / "content" / "site.yaml").write_text("name: Test\n")
    return site


def test_edit_keeping_size_and_modification_time_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(buildcache, "SETTLED_NS", 0)  # trust every file at once, so the shortcut is used
    site, cache = _site(tmp_path), tmp_path / "cache"
    page = site / "content" / "about.md"
    first = site_inputs(site, "options", cache)
    assert set(load_pickle(cache / SEEN_FILES)["files"]) == {"content/about.md", "content/site.yaml"}
    assert site_inputs(site, "options", cache).files == first.files  # nothing changed: same hashes from the stats
    before = os.stat(page)
    time.sleep(0.05)  # past the file system's clock tick, so the change time moves
    page.write_text("---\ntitle: About us\n---\nWe meet on Friday.\n")  # same length
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old modification time
    assert os.stat(page).st_size == before.st_size and os.stat(page).st_mtime_ns == before.st_mtime_ns
    again = site_inputs(site, "options", cache)
    assert again.files["content/about.md"] != first.files["content/about.md"]
    assert again.files == site_inputs(site, "options").files  # the same as reading every file
    assert again.heads == first.heads  # the front matter did not change


def test_file_changed_just_before_the_look_is_read_again_next_time(tmp_path: Path) -> None:
    site, cache = _site(tmp_path), tmp_path / "cache"
    site_inputs(site, "options", cache)  # the files are brand new: a second write in the same tick could hide
    stored = load_pickle(cache / SEEN_FILES)
    assert stored is None or stored["files"] == {}


def test_stats_of_another_site_folder_are_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(buildcache, "SETTLED_NS", 0)
    cache = tmp_path / "cache"
    one = _site(tmp_path / "one")
    site_inputs(one, "options", cache)
    two = _site(tmp_path / "two")
    (two / "content" / "about.md").write_text("---\ntitle: About us\n---\nWe meet on Sunday.\n")
    assert site_inputs(two, "options", cache).files == site_inputs(two, "options").files
