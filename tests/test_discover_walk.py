"""discover() walks content/ with os.scandir and strings (issue 16 speed): it must find the same
files, in the same order, as the Path.rglob walk it replaced."""

from __future__ import annotations

import os
from pathlib import Path

from wtfc_site.discover import discover


def _rglob_pages(content: Path) -> list[Path]:
    """The pages the old walk found: every file under content/, sorted as Paths, none hidden."""
    files = sorted(p for p in content.rglob("*") if p.is_file())
    return [p for p in files if p.suffix.lower() in (".md", ".markdown")
            and not any(part.startswith((".", "_")) for part in p.relative_to(content).parts)]


def test_same_files_in_the_same_order_as_rglob(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for name in ["a/x.md", "a-b/x.md", "a.b/y.md", "A/z.md", ".hid/q.md", "_d/r.md", "b/.h.md",
                 "checklist/c.yaml", "p/pic.JPG", "s/f.pdf", "x.md", "deep/er/still.md"]:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("x", encoding="utf-8")
    os.symlink(content / "a", content / "linked-folder")  # not entered, as rglob does not
    os.symlink(content / "x.md", content / "linked.md")  # a linked file is a page
    os.symlink(tmp_path / "nowhere.md", content / "broken.md")  # leads nowhere: not a file
    sources = discover(tmp_path)
    assert list(sources.pages) == _rglob_pages(content)
    # Path order, not string order: 'a/x.md' comes before 'a-b/x.md' although '-' sorts before '/'.
    assert [p.relative_to(content).as_posix() for p in sources.pages] == [
        "A/z.md", "a/x.md", "a-b/x.md", "a.b/y.md", "deep/er/still.md", "linked.md", "x.md"]
    assert sources.static == (content / "s" / "f.pdf",)
    assert sources.photos == (content / "p" / "pic.JPG",)
    assert sources.data == {"checklist": (content / "checklist" / "c.yaml",)}


def test_no_content_folder_finds_nothing(tmp_path: Path) -> None:
    assert discover(tmp_path).pages == ()
