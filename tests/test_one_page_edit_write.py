"""Writing a one-page edit costs little, and still swaps the whole site at once (wtfc_site/write.py).

The replaced site is removed by a process of its own after the swap, not while the build waits; if
that process is stopped, the next build starts another, so no old site is left for ever. The writer's
record of the files it left is the output folder's own.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from conftest import TODAY, new_site

from wtfc_site import lastbuild, write
from wtfc_site.buildcache import output_manifest
from wtfc_site.pipeline import Options, build

SITE = {
    "content/about.md": "---\ntitle: About us\n---\nWe want better buses.\n",
    "content/contact.md": "---\ntitle: Contact us\n---\nPhone us on Monday.\n",
}


def options(site: Path, tmp_path: Path, out: str = "out") -> Options:
    return Options(site_dir=site, out_dir=tmp_path / out, today=TODAY, cache_dir=tmp_path / "cache")


def beside(tmp_path: Path, out: str = "out") -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(f".{out}."))


def edit(site: Path, old: str, new: str) -> None:
    page = site / "content/contact.md"
    if old:
        page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def wait_until_nothing_beside(tmp_path: Path, out: str = "out", but: tuple[str, ...] = ()) -> list[str]:
    """Return the folders beside the output once all but ``but`` are gone (up to 30 s: nobody waits for them)."""
    deadline = time.monotonic() + 30
    while [name for name in beside(tmp_path, out) if name not in but] and time.monotonic() < deadline:
        time.sleep(0.05)
    return beside(tmp_path, out)


def record_removals(monkeypatch, *, remove: bool = True) -> list[list[str]]:
    """Record each call of write.remove_later (the folder names handed to it); ``remove``: still start it."""
    handed_over: list[list[str]] = []
    start = write.remove_later

    def recorded(*folders: Path) -> None:
        handed_over.append([folder.name for folder in folders])
        if remove:
            start(*folders)

    monkeypatch.setattr(write, "remove_later", recorded)
    return handed_over


def half_removed(folder: Path, text: str = "half removed") -> Path:
    (folder / "contact").mkdir(parents=True)
    (folder / "contact/index.html").write_text(text, encoding="utf-8")
    return folder


def _waited_pid() -> int:
    """Return the id of a process that has ended."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_the_replaced_site_is_removed_after_the_swap_without_the_build_waiting(tmp_path, monkeypatch):
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    handed_over = record_removals(monkeypatch, remove=False)
    edit(site, "Monday", "Friday")
    assert build(opts).written
    assert "Friday" in (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")
    # The old site was moved aside and handed to a process of its own (stopped here before it began).
    [gone] = beside(tmp_path)
    assert gone.startswith(".out.gone-") and handed_over == [[gone]]
    assert "Monday" in (tmp_path / gone / "contact/index.html").read_text(encoding="utf-8")
    monkeypatch.undo()
    edit(site, "Friday", "Tuesday")
    assert build(opts).written  # removes what the stopped process left, and the site it replaces
    assert wait_until_nothing_beside(tmp_path) == []
    assert "Tuesday" in (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")


def test_a_replaced_site_being_removed_is_never_put_back(tmp_path):
    """A build killed between the swap's two renames leaves no site: the next puts the old one back, but a
    half-removed replaced site (.gone-) is never taken for it, however recently it was changed."""
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    (tmp_path / "out").rename(tmp_path / ".out.old-4242")
    half = tmp_path / ".out.gone-abc/site/contact"
    half.mkdir(parents=True)
    (half / "index.html").write_text("half removed", encoding="utf-8")
    report = build(opts)
    assert report.written or report.unchanged
    assert "Monday" in (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")
    assert wait_until_nothing_beside(tmp_path) == []


def test_leftovers_are_found_by_exact_name_even_with_pattern_characters(tmp_path):
    """'[x]' in a glob pattern means the letter x: a build into '-out [x] y' never found its own leftovers
    and removed those of '-out x y' instead. A folder named 'out.new-x' is not 'out' either."""
    site = new_site(tmp_path / "site", SITE)
    odd = "-out [x] y"
    opts = options(site, tmp_path, odd)
    assert build(opts).written
    for name in (f".{odd}.gone-abc", f".{odd}.new-abc12345", f".{odd}.old-4242"):
        half_removed(tmp_path / name)
    others = [".-out x y.gone-zzz", ".-out x y.new-abc12345", ".-out x y.old-4242",
              ".out.new-x.new-abc12345", ".out.new-x.gone-abc"]  # the last two: a folder named 'out.new-x'
    for name in others:
        half_removed(tmp_path / name, "another folder's")
    assert build(options(site, tmp_path, "out")).written
    edit(site, "Monday", "Friday")
    assert build(opts).written
    assert wait_until_nothing_beside(tmp_path, odd) == []
    assert "Friday" in (tmp_path / odd / "contact/index.html").read_text(encoding="utf-8")
    for name in others:
        assert (tmp_path / name / "contact/index.html").read_text(encoding="utf-8") == "another folder's"


def test_the_replaced_site_is_removed_without_rm_on_the_path(tmp_path, monkeypatch):
    """The remover once was 'sh -c rm ...': with a shell but no 'rm' on PATH, nothing was ever removed."""
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    only_sh = tmp_path / "bin"
    only_sh.mkdir()
    (only_sh / "sh").symlink_to("/bin/sh")
    monkeypatch.setenv("PATH", str(only_sh))
    handed_over = record_removals(monkeypatch)
    edit(site, "Monday", "Friday")
    assert build(opts).written
    assert len(handed_over) == 1  # given to a process of its own, not removed by the build
    assert wait_until_nothing_beside(tmp_path) == []
    assert "Friday" in (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")


def test_a_folder_is_not_given_to_a_second_remover_while_the_first_runs(tmp_path, monkeypatch):
    """Each build looks for replaced sites still there; one whose remover is still at work is left to it,
    or every live-preview rebuild would start one more remover on the same folder."""
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    busy, stale = half_removed(tmp_path / ".out.gone-busy"), half_removed(tmp_path / ".out.gone-stale")
    ended = half_removed(tmp_path / ".out.gone-ended")
    half_removed(tmp_path / ".out.gone-none")  # no remover marked at all
    running = subprocess.Popen(["sleep", "60"])
    try:
        for folder, pid in ((busy, running.pid), (stale, running.pid), (ended, _waited_pid())):
            (folder / ".wtfc-remover-pid").write_text(str(pid), encoding="ascii")
        long_ago = time.time() - 3600
        os.utime(stale / ".wtfc-remover-pid", (long_ago, long_ago))  # still running an hour on: start another
        handed_over = record_removals(monkeypatch)
        build(opts)
        assert handed_over[0] == [".out.gone-ended", ".out.gone-none", ".out.gone-stale"]
        assert wait_until_nothing_beside(tmp_path, but=(".out.gone-busy",)) == [".out.gone-busy"]
        build(opts)  # and again: still left to its remover
        assert all(".out.gone-busy" not in names for names in handed_over)
        assert (busy / "contact/index.html").exists()
    finally:
        running.kill()
        running.wait()
    build(opts)  # its remover has ended without finishing: another is started
    assert [".out.gone-busy"] in handed_over
    assert wait_until_nothing_beside(tmp_path) == []


def test_a_replaced_site_that_cannot_be_renamed_is_removed_by_the_build_never_given_away(tmp_path, monkeypatch):
    """The replaced site is renamed .gone- before a remover gets it. If that rename fails it stays .old-,
    which a later build would put back if the output folder were missing: so the build removes it itself."""
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    monkeypatch.setattr(write, "_gone_name", lambda out_dir: tmp_path / "no such folder" / "gone")
    handed_over = record_removals(monkeypatch)
    edit(site, "Monday", "Friday")
    assert build(opts).written
    assert handed_over == [] and beside(tmp_path) == []  # removed already, not by another process
    assert "Friday" in (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")


def test_the_writers_record_of_the_output_is_the_output_folders_own(tmp_path):
    """The record the next build checks the output against is made as files are written, not by reading
    every file back; it must be exactly what reading the folder gives, or builds would be redone or wrong."""
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    for old, new in (("", ""), ("Monday", "Friday"), ("Friday", "Sunday")):
        edit(site, old, new)
        assert build(opts).written
        record = lastbuild.last_record(tmp_path / "out", tmp_path / "cache")
        assert record is not None and record["manifest"] == output_manifest(tmp_path / "out")
    assert build(opts).unchanged  # so nothing is done when nothing changed
