"""The build cache's cheap paths stay correct: what they skip or keep never changes what a build says.

test_build_cache.py compares cached builds with clean ones after each kind
of edit; these tests cover how the cache is read (collector paused and given
back, a spoilt or old cache file ignored, a deleted page's result never
coming back) and the nothing-changed path that does not read every finding.
"""

from __future__ import annotations

import gc
import pickle
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import TODAY, count_conversions, new_site
from test_build_cache import FILES, append, cached_build, clean_build, delete_page, edit_layout, edit_page, snapshot

from wtfc_site import buildcache, resultstore
from wtfc_site.options import Options
from wtfc_site.pipeline import build


def test_a_build_gives_every_object_it_froze_back_to_the_collector(tmp_path: Path) -> None:
    """The live preview builds many times in one process: a build's frozen objects must not outlive it."""
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    edit_page(site)
    assert gc.get_freeze_count() == 0
    cached_build(site, tmp_path)  # results of unchanged pages come from the cache, collector paused
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_the_collector_is_on_again_when_reading_the_cache_fails(tmp_path: Path) -> None:
    store = buildcache.Store.open(tmp_path / "x.sqlite")
    store.made["a"] = b"not a pickle"
    with pytest.raises(ZeroDivisionError), buildcache.collector_paused():
        assert store.get_many(["a", "", "b"]) == [None, None, None]
        raise ZeroDivisionError
    assert gc.isenabled()
    gc.unfreeze()


WORDY = {**FILES, "content/updates/2026-03-01-plan.md": """
    ---
    title: Our plan
    date: 2026-03-01
    ---
    [picture: meeting] The partnership will consolidate the commissioning framework. We met. We talked. We ate cake.
    """}


def run_build(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run 'build' as a person does; return what it printed, without the time it took."""
    from wtfc_site.cli import main
    code = main(["build", "--site", str(site), "--out", str(tmp_path / "out"), "--today", "2026-11-23"])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    return [line.split(" in ")[0] if line.startswith("Built ") else line for line in lines]


def test_a_build_with_nothing_changed_prints_the_same_findings_without_reading_them_all(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    site = new_site(tmp_path / "site", WORDY)
    first = run_build(site, tmp_path, capsys)
    assert any("[ER-" in line for line in first), first  # there are findings to print again
    read: list[str] = []
    original = buildcache.load_pickle

    def reading(path: Path):
        read.append(path.name)
        return original(path)
    monkeypatch.setattr("wtfc_site.lastbuild.load_pickle", reading)
    second = run_build(site, tmp_path, capsys)
    assert second == first
    assert read == ["last-build-said.pickle"]  # not every finding


@pytest.mark.parametrize("spoil", ["missing", "garbage", "old format"])
def test_a_spoilt_record_of_what_the_last_build_said_means_a_real_build(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], spoil: str) -> None:
    site = new_site(tmp_path / "site", WORDY)
    first = run_build(site, tmp_path, capsys)
    said = Options(site_dir=site).cache / "last-build-said.pickle"
    assert said.is_file()
    if spoil == "missing":
        said.unlink()
    elif spoil == "garbage":
        said.write_bytes(b"\x80\x05not a pickle at all")
    else:
        said.write_bytes(pickle.dumps({"format": -1, "key": "x", "findings": None}))
    second = run_build(site, tmp_path, capsys)
    assert second[:-1] == first[:-1]
    assert "nothing had changed" not in "\n".join(second)


def test_after_one_page_changes_the_visible_check_reads_back_only_that_page_and_the_lists(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged page's file was made from the same render key, so its findings come from the cache
    without reading its HTML; the edited page is read again and its new words are checked."""
    from wtfc_site import visiblecheck
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    read: list[str] = []
    original = visiblecheck._html

    def reading(output):
        read.append(Path(str(output)).parent.name)
        return original(output)
    monkeypatch.setattr(visiblecheck, "_html", reading)
    append(site / "content/updates/2026-02-09-cafe.md", "\nWe endeavour to utilise the facility.\n")
    report = cached_build(site, tmp_path)
    assert "2026-02-09-cafe" in read
    assert "2026-01-05-new-bus" not in read and "out" not in read  # neither an update nor the home page
    monkeypatch.undo()
    clean = build_clean_problems(site, tmp_path)
    assert seen(report.problems) == seen(clean)
    assert any("utilise" in p.message or "endeavour" in p.message for p in report.problems)


def build_clean_problems(site: Path, tmp_path: Path) -> list:
    copy = tmp_path / "clean-copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".wtfc-cache"))
    return build(Options(site_dir=copy, out_dir=tmp_path / "clean-out", today=TODAY,
                         cache_dir=tmp_path / "clean-cache", use_cache=False)).problems


def seen(problems) -> list[tuple]:
    return sorted((p.rule, p.message, p.line, p.file.name if p.file else "") for p in problems)


def spoil_store(store: Path, spoil: str) -> None:
    """Spoil the SQLite page store the way a crash, a full disk or an older version of this program might."""
    if spoil == "old format":
        with closing(sqlite3.connect(store)) as db, db:
            db.execute("UPDATE meta SET value = ? WHERE name = 'format'", (resultstore.STORE_FORMAT - 1,))
        return
    if spoil == "spoilt row":
        with closing(sqlite3.connect(store)) as db, db:
            db.execute("UPDATE entries SET value = ?", (b"\x80\x05 not a pickle",))
        return
    for name in (store.name + "-wal", store.name + "-shm"):
        (store.parent / name).unlink(missing_ok=True)
    data = store.read_bytes()
    store.write_bytes({"garbage": b"\x80\x05 not a pickle", "cut short": data[:len(data) // 2],
                       "old pickle": pickle.dumps({"format": buildcache.CACHE_FORMAT - 1, "entries": {}})}[spoil])


@pytest.mark.parametrize("scan_from", [1, 1000])
def test_a_row_spoilt_on_disk_that_still_unpickles_is_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan_from: int) -> None:
    """SQLite checks nothing in a value: the store's own checksum must catch a changed word."""
    monkeypatch.setattr(resultstore, "STORE_SCAN_FROM", scan_from)
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    with closing(sqlite3.connect(tmp_path / "cache" / "pages.sqlite")) as db, db:
        spoilt = db.execute("UPDATE entries SET value = CAST(replace(CAST(value AS TEXT), 'Mondays', 'Sundays')"
                            " AS BLOB) WHERE instr(value, CAST('Mondays' AS BLOB)) > 0").rowcount
        rows = [pickle.loads(value) for (value,) in db.execute("SELECT value FROM entries")]
    assert spoilt and rows  # the words changed, yet every row still unpickles
    edit_layout(site)  # every page is made from cached results
    cached_build(site, tmp_path)
    shown = (tmp_path / "out/updates/2026-02-09-cafe/index.html").read_text(encoding="utf-8")
    assert "Mondays" in shown and "Sundays" not in shown
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_a_store_reads_only_the_rows_asked_for_and_keeps_none_of_them(tmp_path: Path) -> None:
    """Rows this build does not use (the live preview's drafts) are not held in memory."""
    path = tmp_path / "store.sqlite"
    seed = buildcache.Store.open(path)
    for number in range(300):
        seed.put(f"key {number}", "x" * 1000)
    seed.save()
    seed.close()
    store = buildcache.Store.open(path)
    assert store.get_many([f"key {number}" for number in range(150)]) == ["x" * 1000] * 150
    held = [value for value in vars(store).values() if isinstance(value, (dict, list)) and len(value) >= 150]
    assert not held
    store.close()
    assert not store.made


@pytest.mark.parametrize("scan_from", [1, 1000])
@pytest.mark.parametrize("spoil", ["garbage", "cut short", "old format", "old pickle", "spoilt row"])
def test_a_spoilt_or_old_page_cache_is_ignored_and_the_site_is_still_right(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoil: str, scan_from: int) -> None:
    monkeypatch.setattr(resultstore, "STORE_SCAN_FROM", scan_from)
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    store = tmp_path / "cache" / "pages.sqlite"
    spoil_store(store, spoil)
    edit_page(site)
    cached_build(site, tmp_path)
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_a_deleted_page_never_comes_back_from_the_cache(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    page = site / "content/updates/2026-01-05-new-bus.md"
    kept = page.read_text(encoding="utf-8")
    delete_page(site)
    cached_build(site, tmp_path)
    assert not (tmp_path / "out/updates/2026-01-05-new-bus").exists()
    assert "A new bus" not in (tmp_path / "out/updates/index.html").read_text(encoding="utf-8")
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)
    page.write_text(kept.replace("goes to the town centre", "goes to the hospital"), encoding="utf-8")
    cached_build(site, tmp_path)
    shown = (tmp_path / "out/updates/2026-01-05-new-bus/index.html").read_text(encoding="utf-8")
    assert "hospital" in shown and "town centre" not in shown
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_after_one_page_changes_only_its_body_is_unpacked_and_the_site_matches_a_clean_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unchanged pages' bodies stay packed: neither rendered nor read back, only counted (pictures)."""
    from wtfc_site import site as site_module
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    unpacked: list[bytes] = []
    original = site_module.PackedBody.unpack

    def unpacking(self):
        body = original(self)
        unpacked.append(body.html)
        return body
    monkeypatch.setattr(site_module.PackedBody, "unpack", unpacking)
    edit_page(site)
    report = cached_build(site, tmp_path)
    # Only the edited page's body (rendering and reading it back each unpack it once: none is kept unpacked).
    assert unpacked and all("soup" in html for html in unpacked) and len(unpacked) <= 2
    assert report.pictures_chosen == build(Options(site_dir=site, out_dir=tmp_path / "again", today=TODAY,
                                                   use_cache=False)).pictures_chosen
    monkeypatch.undo()
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_kept_pages_are_not_read_back_for_their_links_or_pictures(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept page was made from the same render key as before, so its links and pictures are known."""
    from wtfc_site import reach, render
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    edit_page(site)
    cached_build(site, tmp_path)  # the first build that keeps pages finds their facts once
    read: list[str] = []
    original_links, original_pictures = reach._links_in, render.pictures_in

    def links(data, base_url):
        read.append(Path(str(data)).parent.name if isinstance(data, Path) else "in memory")
        return original_links(data, base_url)

    def pictures(html):
        read.append("pictures of a kept page")
        return original_pictures(html)
    monkeypatch.setattr(reach, "_links_in", links)
    monkeypatch.setattr(render, "pictures_in", pictures)
    append(site / "content/updates/2026-02-09-cafe.md", "\nThe cafe sells tea too.\n")
    report = cached_build(site, tmp_path)
    assert "2026-02-09-cafe" in read  # the edited page is read
    assert "2026-01-05-new-bus" not in read, read
    assert "pictures of a kept page" not in read, read
    monkeypatch.undo()
    assert seen(report.problems) == seen(build_clean_problems(site, tmp_path))
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def stored_keys(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {key for (key,) in db.execute("SELECT key FROM entries")}


@pytest.mark.parametrize("scan_from", [1, 1000])
def test_the_page_store_keeps_only_what_the_last_build_used_and_writes_only_new_rows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan_from: int) -> None:
    """One row per key: a build reads the rows it asks for, adds the ones it made and drops the rest
    (rows asked for in batches, or found in one pass over the table when many are asked for)."""
    monkeypatch.setattr(resultstore, "STORE_SCAN_FROM", scan_from)
    path = tmp_path / "store.sqlite"
    first = buildcache.Store.open(path)
    first.put("kept", ["a finding"])
    first.put("dropped", ["the page was deleted"])
    first.save()
    assert stored_keys(path) == {"kept", "dropped"}
    second = buildcache.Store.open(path)
    assert second.get_many(["kept", "", "new"]) == [["a finding"], None, None]
    second.put("new", {"made": 1})
    assert list(second.made) == ["new"]  # what the save writes: not the row that was read back
    second.save()
    assert stored_keys(path) == {"kept", "new"}
    assert buildcache.Store.open(path).get("new") == {"made": 1}


def test_a_reader_and_a_writer_of_one_store_at_once_never_fail(tmp_path: Path) -> None:
    """The live preview builds while a 'build' in a terminal may use the same cache: each sees whole rows."""
    path = tmp_path / "store.sqlite"
    seed = buildcache.Store.open(path)
    seed.put("a", 1)
    seed.save()
    reader, writer = buildcache.Store.open(path), buildcache.Store.open(path)
    assert reader.get("a") == 1
    writer.put("b", 2)
    writer.save()  # drops 'a', which this build did not use, while the reader still has the file open
    assert reader.get_many(["a", "b"]) == [None, 2]
    reader.put("c", 3)
    reader.save()
    assert stored_keys(path) == {"b", "c"}  # the last build to finish decides what is kept


def test_a_deleted_pages_rows_leave_the_store(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    store = tmp_path / "cache" / "pages.sqlite"
    before = stored_keys(store)
    delete_page(site)
    cached_build(site, tmp_path)
    after = stored_keys(store)
    assert len(after) < len(before)  # a deleted page changes other pages' keys too (the list of addresses)
    fresh = tmp_path / "again"
    shutil.copytree(site, fresh / "site")
    cached_build(fresh / "site", fresh)
    assert len(stored_keys(fresh / "cache" / "pages.sqlite")) == len(after)  # no row left over from before


def test_rows_read_in_one_pass_serve_an_edit_as_rows_read_one_batch_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big site's build reads the whole store at once: still only the edited page is converted again."""
    monkeypatch.setattr(resultstore, "STORE_SCAN_FROM", 1)
    site = new_site(tmp_path / "site", FILES)
    cached_build(site, tmp_path)
    converted = count_conversions(monkeypatch)
    edit_page(site)
    cached_build(site, tmp_path)
    assert len(converted) == 1
    monkeypatch.undo()
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_a_store_another_build_keeps_locked_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Waiting too long for another build's write costs this build its cache, never the other build's rows."""
    monkeypatch.setattr(resultstore, "STORE_WAIT", 0.05)
    path = tmp_path / "store.sqlite"
    seed = buildcache.Store.open(path)
    seed.put("theirs", 1)
    seed.save()
    seed.close()
    waiting = buildcache.Store.open(path)
    assert waiting.get("theirs") == 1
    waiting.put("mine", 2)
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # the other build is writing
        other.execute("INSERT INTO entries VALUES ('also theirs', X'00', 0)")
        waiting.save()  # gives up after STORE_WAIT
        other.execute("COMMIT")
    assert waiting.off
    assert stored_keys(path) == {"theirs", "also theirs"}
    waiting.save()
    assert stored_keys(path) == {"theirs", "also theirs"}
