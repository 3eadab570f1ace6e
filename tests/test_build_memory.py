"""What a build holds in memory: the per-page things a big site's build must not pile up (issue 16).

Not timed: each test counts what is held, so it fails whatever the machine's speed.
"""

from __future__ import annotations

import pickle
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from wtfc_site import buildcache, resultstore
from wtfc_site.site import Bodies


def stored_keys(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {key for (key,) in db.execute("SELECT key FROM entries")}


def test_a_store_writes_the_rows_it_makes_as_it_goes_rather_than_holding_them_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clean build makes a row for every page: held to the end they were 190 MB of a 10,000-page build."""
    monkeypatch.setattr(resultstore, "STORE_FLUSH", 10_000)
    path = tmp_path / "store.sqlite"
    store = buildcache.Store.open(path)
    most_held = 0
    for number in range(60):
        store.put(f"page {number}", "words " * 200)  # about 1,200 bytes pickled
        most_held = max(most_held, len(store.made))
    assert most_held <= 10
    assert len(stored_keys(path)) >= 50  # on the disk already, before the stage ends
    store.save()
    assert stored_keys(path) == {f"page {number}" for number in range(60)}
    again = buildcache.Store.open(path)
    assert again.get_many(["page 0", "page 59"]) == ["words " * 200] * 2


def test_rows_written_early_are_still_dropped_when_a_later_build_does_not_use_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resultstore, "STORE_FLUSH", 1)  # every row written as soon as it is made
    path = tmp_path / "store.sqlite"
    first = buildcache.Store.open(path)
    first.put("old", 1)
    first.put("kept", 2)
    first.save()
    second = buildcache.Store.open(path)
    assert second.get("kept") == 2
    second.put("new", 3)
    assert not second.made
    second.save()
    assert stored_keys(path) == {"kept", "new"}


WORDY = {
    f"content/updates/2026-03-{number + 1:02d}-news.md":
        f"---\ntitle: News number {number}\ndate: 2026-03-{number + 1:02d}\n---\n" + "".join(
            f"[picture: meeting] We met on day {day}. We talked about the bus and the new plan.\n\n"
            for day in range(30))
    for number in range(6)}


def test_after_a_build_every_body_is_held_packed_and_small(make_site, build_site, tmp_path: Path) -> None:
    """The main process holds every page's body to the end of the build: packed (never unpacked and kept,
    as rendering and reading back each page once would do) and compressed, a fraction of its pickle."""
    report = build_site(make_site(WORDY), out_dir=tmp_path / "out")
    assert report.written and report.site is not None
    bodies = report.site.bodies
    assert isinstance(bodies, Bodies)
    assert not bodies._unpacked  # noqa: SLF001 - what is held is the point of the test
    news = [page.id for page in report.site.pages if page.id.startswith("updates/")]
    assert len(news) == 6
    for page_id in news:
        packed = bodies._packed[page_id]  # noqa: SLF001
        body = packed.unpack()
        assert len(body.points) == 30
        assert len(packed.data) * 3 < len(pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL))
