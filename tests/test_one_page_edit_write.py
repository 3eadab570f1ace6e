"""Writing a one-page edit costs little, and still swaps the whole site at once (wtfc_site/write.py).

The replaced site is removed by a process of its own after the swap, not while the build waits; if
that process is stopped, the next build starts another, so no old site is left for ever. The writer's
record of the files it left is the output folder's own.
"""

from __future__ import annotations

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


def options(site: Path, tmp_path: Path) -> Options:
    return Options(site_dir=site, out_dir=tmp_path / "out", today=TODAY, cache_dir=tmp_path / "cache")


def beside(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out."))


def edit(site: Path, old: str, new: str) -> None:
    page = site / "content/contact.md"
    if old:
        page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def wait_until_nothing_beside(tmp_path: Path) -> list[str]:
    deadline = time.monotonic() + 30
    while beside(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    return beside(tmp_path)


def test_the_replaced_site_is_removed_after_the_swap_without_the_build_waiting(tmp_path, monkeypatch):
    site = new_site(tmp_path / "site", SITE)
    opts = options(site, tmp_path)
    assert build(opts).written
    handed_over: list[list[str]] = []
    monkeypatch.setattr(write.subprocess, "run", lambda command, **kw: handed_over.append(command))
    edit(site, "Monday", "Friday")
    assert build(opts).written
    assert "Friday" in (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")
    # The old site was moved aside and handed to a process of its own (stopped here before it began).
    [gone] = beside(tmp_path)
    assert gone.startswith(".out.gone-") and handed_over and handed_over[0][-1] == str(tmp_path / gone)
    assert "Monday" in (tmp_path / gone / "site/contact/index.html").read_text(encoding="utf-8")
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
