"""One build at a time into an output folder, and what a killed build left behind (wtfc_site/write.py).

Two builds into one folder at once could publish one build's page under the
other's record, where later cached builds kept it for good; a build killed
while swapping could leave no site at all.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import threading
import time
from pathlib import Path, PurePosixPath

import pytest
from conftest import TODAY, new_site, read_html

from wtfc_site import pipeline, write
from wtfc_site.errors import SiteError
from wtfc_site.pipeline import Options, build

SITE = {
    "content/about.md": "---\ntitle: About us\n---\nWe want better buses.\n",
    "content/contact.md": "---\ntitle: Contact us\n---\nPhone us on Monday.\n",
}


def options(site: Path, tmp_path: Path, out: str = "out") -> Options:
    return Options(site_dir=site, out_dir=tmp_path / out, today=TODAY, cache_dir=tmp_path / "cache")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def clean_build(site: Path, tmp_path: Path) -> dict[str, bytes]:
    copy = tmp_path / "clean-copy"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".wtfc-cache"))
    report = build(Options(site_dir=copy, out_dir=tmp_path / "clean-out", today=TODAY, use_cache=False))
    assert report.written, report.problems
    return snapshot(tmp_path / "clean-out")


def about_text(out: Path) -> str:
    return read_html(out / "about" / "index.html").get_text(" ", strip=True)


def test_a_site_swapped_in_by_another_build_is_never_published_as_a_kept_page(tmp_path, monkeypatch):
    """The reviewer's race, with the lock taken away so only the writer's own check stands in the way."""
    site = new_site(tmp_path / "site", SITE)
    monkeypatch.setattr(pipeline, "build_lock", lambda out, cache: contextlib.nullcontext())
    assert build(options(site, tmp_path)).written
    about, contact = site / "content/about.md", site / "content/contact.md"
    contact.write_text(contact.read_text().replace("Monday", "Tuesday"))  # about/ is kept as it was
    finish = write.Staging.finish
    raced = []

    def finish_after_another_build(self, outputs, kept=None):
        if not raced:  # the other build, between this one keeping about/ and writing it
            raced.append(True)
            about.write_text(SITE["content/about.md"].replace("buses", "ferries"))
            assert build(options(site, tmp_path)).written
            assert "ferries" in about_text(tmp_path / "out")
            about.write_text(SITE["content/about.md"])
        return finish(self, outputs, kept)

    monkeypatch.setattr(write.Staging, "finish", finish_after_another_build)
    first = build(options(site, tmp_path))
    assert raced
    assert not first.written
    assert [p.rule for p in first.problems if "changed by something else" in p.message] == ["SITE-WRITE"]
    monkeypatch.setattr(write.Staging, "finish", finish)
    assert build(options(site, tmp_path)).written
    assert "buses" in about_text(tmp_path / "out")
    assert snapshot(tmp_path / "out") == clean_build(site, tmp_path)


def test_a_second_build_into_the_same_folder_waits_for_the_first(tmp_path, capsys):
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    reports = []
    with write.build_lock(opts.output, opts.cache):  # the first build, still running
        second = threading.Thread(target=lambda: reports.append(build(opts)))
        second.start()
        for _ in range(200):
            if "Another build of this site" in capsys.readouterr().err:
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the second build did not say it was waiting")
        time.sleep(0.2)
        assert second.is_alive() and not opts.output.exists()
    second.join(timeout=120)
    assert reports and reports[0].written
    assert "buses" in about_text(opts.output)


def test_a_build_into_another_folder_does_not_wait(tmp_path):
    """The live preview builds into a folder of its own, with the same cache: it must not wait for a terminal build."""
    site = new_site(tmp_path / "site", SITE)
    busy = options(site, tmp_path)
    with write.build_lock(busy.output, busy.cache):
        assert build(options(site, tmp_path, out="preview")).written


def hidden_folders(folder: Path) -> list[str]:
    """Return the names starting with '.' in ``folder``, once a replaced site's own process
    (write.remove_later) has removed it: the build does not wait for that (up to 30 s here)."""
    deadline = time.monotonic() + 30
    while True:
        names = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
        if not any(".gone-" in name for name in names) or time.monotonic() > deadline:
            return names
        time.sleep(0.05)


def test_staging_folders_left_by_a_killed_build_are_removed(tmp_path):
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    for name in (".out.new-abc123", ".out.old-4242"):
        (tmp_path / name / "about").mkdir(parents=True)
        (tmp_path / name / "about" / "index.html").write_text("half a site")
    (tmp_path / ".other.new-abc").mkdir()  # another folder's: not ours to remove
    contact = site / "content/contact.md"
    contact.write_text(contact.read_text().replace("Monday", "Friday"))
    assert build(opts).written
    assert hidden_folders(tmp_path) == [".other.new-abc"]
    assert "buses" in about_text(opts.output)


def test_a_site_moved_aside_by_a_killed_swap_is_put_back_before_building(tmp_path):
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    before = snapshot(opts.output)
    os.replace(opts.output, tmp_path / ".out.old-4242")  # killed between the two renames of the swap
    (tmp_path / ".out.new-xyz").mkdir()
    report = build(opts)
    # Put back before the look for changes: the restored site is exactly the last build's, so nothing to do.
    assert report.unchanged
    assert snapshot(opts.output) == before
    assert not [name for name in hidden_folders(tmp_path) if name.startswith(".out.")]


@pytest.mark.parametrize("hard_links", [True, False])
def test_the_writer_keeps_a_page_only_while_it_is_the_same_file(tmp_path, monkeypatch, hard_links):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.html").write_text("the page this build kept")
    (out / "b.html").write_text("a page nobody touched")
    kept = {name: write.file_identity((out / name).stat()) for name in ("a.html", "b.html")}
    (tmp_path / "swapped.html").write_text("another build's page")
    os.replace(tmp_path / "swapped.html", out / "a.html")  # another build's site took the old one's place
    if not hard_links:
        def no_links(*args):
            raise OSError(errno.EPERM, "no hard links here")
        monkeypatch.setattr(write.os, "link", no_links)
    outputs = {PurePosixPath(name): out / name for name in ("a.html", "b.html")}
    with pytest.raises(SiteError, match="changed by something else"):
        write.write_site(outputs, out, kept)
    assert (out / "a.html").read_text() == "another build's page"
    write.write_site({PurePosixPath("b.html"): out / "b.html"}, out, kept)
    assert snapshot(out) == {"b.html": b"a page nobody touched"}
