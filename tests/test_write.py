"""A published site is never half-written (wtfc_site/write.py and the build around it)."""

from __future__ import annotations

import errno
import stat
import time
from pathlib import Path, PurePosixPath

import pytest

from wtfc_site import write as write_module
from wtfc_site.errors import SiteError
from wtfc_site.write import check_outputs, write_site

SITE = {
    "content/index.md": """
        ---
        title: Welcome
        ---
        [picture: meeting] We meet once a month.
        """,
    "content/policy/co-production.md": """
        ---
        title: Our co-production policy
        ---
        [picture: policy] We work together.
        """,
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` as {relative path: bytes}."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    """Return temporary or old folders left beside ``out``, once a replaced site's own process
    (write.remove_later) has removed it (waiting up to 30 s: the build does not wait for it)."""
    deadline = time.monotonic() + 30
    while True:
        names = sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))
        if not any(".gone-" in name for name in names) or time.monotonic() > deadline:
            return names
        time.sleep(0.05)


def test_a_failed_build_leaves_the_old_site_byte_for_byte(make_site, build_site):
    site = make_site(SITE)
    out = site / "_site"
    assert build_site(site).written
    before = snapshot(out)
    assert "index.html" in before
    (site / "content" / "index.md").write_text("---\ntitle: Welcome\n---\nRead [this](/nowhere/).\n")
    report = build_site(site)
    assert not report.written
    assert [p.rule for p in report.problems if p.rule == "LINK-BROKEN"] == ["LINK-BROKEN"]
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_good_second_build_replaces_the_site_and_removes_old_files(make_site, build_site):
    site = make_site({**SITE, "content/about.md": "---\ntitle: About\n---\nWe are here.\n"})
    out = site / "_site"
    assert build_site(site).written
    assert (out / "about" / "index.html").is_file()
    (out / "stray.txt").write_text("left by hand")
    (site / "content" / "about.md").unlink()
    assert build_site(site).written
    assert not (out / "about").exists()
    assert not (out / "stray.txt").exists()
    assert leftovers(out) == []


def test_the_output_folder_can_be_read_by_a_web_server(make_site, build_site):
    site = make_site(SITE)
    assert build_site(site).written
    mode = stat.S_IMODE((site / "_site").stat().st_mode)
    assert mode & 0o005 == 0o005  # others may read and enter it


def test_building_twice_gives_the_same_bytes(make_site, build_site, tmp_path):
    site = make_site(SITE)
    assert build_site(site, out_dir=tmp_path / "one").written
    assert build_site(site, out_dir=tmp_path / "two").written
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_an_interrupted_write_leaves_the_old_site_and_no_temporary_folder(make_site, build_site, monkeypatch):
    site = make_site(SITE)
    out = site / "_site"
    assert build_site(site).written
    before = snapshot(out)
    (site / "content" / "about.md").write_text("---\ntitle: About\n---\nWe are here.\n")

    written: list[Path] = []
    real_write_bytes = write_module._write_bytes  # where the writer writes every new file

    def fail_half_way(target: str, data: bytes) -> tuple[int, int]:
        if len(written) == 3:
            raise KeyboardInterrupt  # someone pressed Ctrl+C while files were being written
        written.append(Path(target))
        return real_write_bytes(target, data)

    monkeypatch.setattr(write_module, "_write_bytes", fail_half_way)
    with pytest.raises(KeyboardInterrupt):
        build_site(site)
    monkeypatch.undo()
    assert len(written) == 3
    assert all(not p.is_relative_to(out) for p in written)  # it wrote beside the site, not into it
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_failure_while_swapping_puts_the_old_site_back(tmp_path, monkeypatch):
    out = tmp_path / "_site"
    write_site({PurePosixPath("index.html"): b"old"}, out)
    real_replace = write_module.os.replace
    calls = []

    def replace(src, dst):
        calls.append((Path(src).name, Path(dst).name))
        if len(calls) == 2:  # the old site was moved aside; now the new one fails to move in
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_replace(src, dst)

    monkeypatch.setattr(write_module.os, "replace", replace)
    with pytest.raises(OSError):
        write_site({PurePosixPath("index.html"): b"new"}, out)
    monkeypatch.undo()
    assert (out / "index.html").read_bytes() == b"old"
    assert leftovers(out) == []


def test_a_full_disk_is_reported_as_a_problem(make_site, build_site, monkeypatch):
    """Regression: an OSError while writing escaped build() as a traceback."""
    site = make_site(SITE)

    def disk_full(target: str, data: bytes) -> tuple[int, int]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write_module, "_write_bytes", disk_full)  # where the writer writes a new file
    report = build_site(site)
    monkeypatch.undo()
    assert not report.written
    assert report.problems and all(p.message and p.hint for p in report.problems if p.rule.startswith("SITE-"))
    assert not (site / "_site").exists()


def test_write_site_writes_bytes_and_copies_files(tmp_path):
    source = tmp_path / "board.pdf"
    source.write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    write_site({PurePosixPath("index.html"): b"<p>hi</p>", PurePosixPath("files/board.pdf"): source}, out)
    assert snapshot(out) == {"files/board.pdf": b"%PDF-1.4", "index.html": b"<p>hi</p>"}
    assert leftovers(out) == []


def test_write_site_makes_missing_parent_folders(tmp_path):
    out = tmp_path / "deep" / "er" / "out"
    write_site({PurePosixPath("index.html"): b"x"}, out)
    assert (out / "index.html").read_bytes() == b"x"


@pytest.mark.parametrize("bad", ["../evil.html", "a/../../evil.html", "../out-evil/x.html", "/etc/evil.html"])
def test_outputs_outside_the_folder_are_refused(tmp_path, bad):
    out = tmp_path / "out"
    write_site({PurePosixPath("index.html"): b"old"}, out)
    with pytest.raises(SiteError) as caught:
        write_site({PurePosixPath("index.html"): b"new", PurePosixPath(bad): b"evil"}, out)
    [problem] = caught.value.problems
    assert problem.rule == "SITE-OUTPUT"
    assert problem.message and problem.hint
    assert (out / "index.html").read_bytes() == b"old"
    assert not (tmp_path / "evil.html").exists()
    assert not (tmp_path / "out-evil").exists()
    assert leftovers(out) == []


def test_every_bad_output_is_reported_at_once(tmp_path):
    with pytest.raises(SiteError) as caught:
        check_outputs({PurePosixPath("../a.html"): b"", PurePosixPath("../b.html"): b"",
                       PurePosixPath("ok.html"): b""}, tmp_path / "out")
    assert len(caught.value.problems) == 2


def test_a_symlink_inside_the_output_cannot_lead_out(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (out / "link").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(SiteError):
        check_outputs({PurePosixPath("link/x.html"): b""}, out)


def test_a_symlink_deep_inside_the_output_cannot_lead_out(tmp_path):
    """Folders are resolved only when the old site holds a link; one several folders down counts too."""
    out = tmp_path / "out"
    (out / "a" / "b").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (out / "a" / "b" / "link").symlink_to(tmp_path / "elsewhere")
    check_outputs({PurePosixPath("a/b/page.html"): b""}, out)  # beside the link: fine
    with pytest.raises(SiteError):
        check_outputs({PurePosixPath("a/b/link/x.html"): b""}, out)
